/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SCENARIO_BUILDER_H
#define DMM_SCENARIO_BUILDER_H

#include "ns3/result-writer.h"
#include "ns3/scenario-config.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Build a scenario's topology, profile, mobility and traffic in ns-3, run it and
 * collect the measurements.
 *
 * Steps: nodes with IPv6 (list routing: mobility routing above static routing);
 * point-to-point wired links and one CSMA access link per access router; routes by
 * shortest path (hop count) on the TopologyGraph of the topology, ties to the node
 * earlier in node order, anycast prefixes to the nearest originator; the profile's
 * agents on each role; a LinkSwitch per mobile node following the attachment list; flows
 * with stock applications carrying sequence numbers and timestamps; monitors on the
 * trace sources.
 *
 * \param config a validated scenario
 * \param options output folder, pcap, progress
 * \return the measurements
 * \throws ScenarioError for a scenario this build cannot run (e.g. an unsupported
 *         layer-2 model or a profile constraint such as "exactly one anchor")
 */
RunResults RunScenario(const ScenarioConfig& config, const RunOptions& options);

} // namespace ns3

#endif // DMM_SCENARIO_BUILDER_H
