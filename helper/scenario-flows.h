/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SCENARIO_FLOWS_H
#define DMM_SCENARIO_FLOWS_H

namespace ns3
{

class JsonObjectReader;
struct ScenarioConfig;

/**
 * \ingroup dmm
 * \brief Parse the scenario's "flows" (a step of ParseScenario(), after the nodes and
 *        links): UDP and TCP flows between a mobile node and a correspondent or another
 *        mobile node.
 * \param top the scenario's top level \param c the scenario so far (its nodes and
 *        duration_s), gets the flows
 * \throws ScenarioError naming the offending JSON path
 */
void ParseFlows(const JsonObjectReader& top, ScenarioConfig& c);

} // namespace ns3

#endif // DMM_SCENARIO_FLOWS_H
