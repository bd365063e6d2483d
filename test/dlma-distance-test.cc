/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Why the sweep of issue 12 (analysis/dlma_distance.py, scenarios/dlma-distance.json)
// shows `fully-distributed` latency growing twice as fast with the home distance d as
// `distributed-lma`'s. On the change of network (mn1: home network n(5-d) -> n5-ar1) the
// critical path of seed 000's Fig 9 ladder crosses the d anchor links (delay δ) four times:
// Context Request/Reply with the previous MR, then Location Register/Ack with LM1, the LM
// of the HoA's network (the "hierarchical mapping": LM1 points to the new network). That of
// `distributed-lma` crosses them twice: the Uniqueness Check/Reply with the H-LMA (seed 004
// §4.3; the Location Inform is sent after the PBA). The MAG change at 5 s crosses none.
// Latency(d) = Latency(0) + 4dδ and + 2dδ; the sweep plots the mean of both handovers.
#include "closed-form.h"
#include "distributed-lma-ladder.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// The sweep scenario under \p profile with the home network d hops from n5 and the anchor
/// links' delay \p deltaMs. \return its two handovers (change of network, MAG change)
RunResults
RunAtDistance(const std::string& profile, int d, double deltaMs)
{
    std::vector<std::string> set{"mobility.0.attach=n" + std::to_string(5 - d) + "-ar1"};
    for (int link = 12; link <= 16; ++link) // the chain n1-anchor ... n6-anchor
    {
        set.push_back("links." + std::to_string(link) + ".delay_ms=" + std::to_string(deltaMs));
    }
    ScenarioConfig cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dlma-distance.json",
                                      set,
                                      profile,
                                      {});
    return Simulate(cfg);
}

} // namespace

TEST(DlmaDistance, HomeDistanceCrossingsExplainTheSweepsSlopes)
{
    // profile -> times the critical path of the change of network crosses the distance
    const std::vector<std::pair<std::string, int>> crossings{{"fully-distributed", 4},
                                                             {"distributed-lma", 2}};
    for (double delta : {5.0, 8.0})
    {
        for (const auto& [profile, times] : crossings)
        {
            SCOPED_TRACE(profile + " delta " + std::to_string(delta));
            RunResults near = RunAtDistance(profile, 1, delta);
            RunResults far = RunAtDistance(profile, 3, delta);
            ASSERT_EQ(near.handovers.size(), 2u);
            ASSERT_EQ(far.handovers.size(), 2u);
            double grown = far.handovers[0].latencyMs - near.handovers[0].latencyMs;
            double expected = times * (3 - 1) * delta;
            EXPECT_NEAR(grown, expected, expected * 0.01);
            EXPECT_NEAR(far.handovers[1].latencyMs, near.handovers[1].latencyMs, 1e-6);
        }
    }
    // The messages that cross: fully-distributed's two exchanges go to the previous MR
    // (n2-ar1) and to LM1 (n2-anchor) at d = 3, one after the other.
    RunResults fd = RunAtDistance("fully-distributed", 3, 5.0);
    const HandoverRecord& h = fd.handovers[0];
    auto reply = Messages(fd, "n2-ar1", "ContextReply", h.l2UpS, h.signalingDoneS);
    auto ack = Messages(fd, "n2-anchor", "LocationRegisterAck", h.l2UpS, h.signalingDoneS);
    ASSERT_EQ(reply.size(), 1u);
    ASSERT_EQ(ack.size(), 1u);
    EXPECT_LT(reply[0].timeS, ack[0].timeS);
    RunResults dl = RunAtDistance("distributed-lma", 3, 5.0);
    EXPECT_EQ(Messages(dl, "n2-anchor", "DlmaUniquenessReply", 0, 3).size(), 1u);
}
