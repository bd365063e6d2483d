/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_SCENARIO_TOPOLOGY_H
#define DMM_SCENARIO_TOPOLOGY_H

#include "ns3/json-object-reader.h"
#include "ns3/scenario-config.h"

#include <optional>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Read the scenario's `topology`, if any (a step of ParseScenario()).
 *
 * A generated topology (TopologyGenerator) fills \c c.nodes and \c c.links. Otherwise the
 * nodes and links are listed, at the top level or in a `custom` topology, and the caller
 * reads them from the object returned.
 *
 * \param top the scenario's top level
 * \param c the scenario being read
 * \returns the object that holds the listed `nodes` and `links`, or nothing when the
 *          topology was generated
 * \throws ScenarioError naming the JSON path, e.g. when both `topology` and `nodes` are
 *         given
 */
std::optional<JsonObjectReader> ParseTopology(const JsonObjectReader& top, ScenarioConfig& c);

/**
 * \brief Generate \c c.mobility from the scenario's `movement`, if any (a step of
 * ParseScenario(), after the nodes and links).
 * \param top the scenario's top level
 * \param c the scenario being read
 * \returns whether the scenario has `movement` (otherwise `mobility` lists attachments)
 * \throws ScenarioError naming the JSON path, e.g. when both `movement` and `mobility`
 *         are given
 */
bool ParseMovement(const JsonObjectReader& top, ScenarioConfig& c);

} // namespace ns3

#endif /* DMM_SCENARIO_TOPOLOGY_H */
