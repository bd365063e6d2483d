/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The uplink of a flow kept across a move (seed 003 §3.1): through the reverse tunnel to
// the H-MAR (the default), or routed directly by the current MAR (protocol.uplink direct).
#include "closed-form.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// mn starts an uplink flow to cn at ar1 and moves to ar2, where cn is attached.
RunResults
RunUplink(const std::string& profile, const std::string& uplink)
{
    json j = {{"name", "dma-uplink"},
              {"profile", profile},
              {"seed", 1},
              {"duration_s", 8.0},
              {"l2", {{"type", "switch"}, {"switch_time_ms", 50.0}}},
              {"access", {{"delay_ms", 1.0}, {"rate_mbps", 100.0}}},
              {"protocol", {{"uplink", uplink}}},
              {"nodes",
               {{{"name", "cn"}, {"role", "cn"}},
                {{"name", "core"}, {"role", "router"}},
                {{"name", "db"}, {"role", "anchor"}},
                {{"name", "ar1"}, {"role", "access"}},
                {{"name", "ar2"}, {"role", "access"}},
                {{"name", "mn"}, {"role", "mn"}}}},
              {"links", json::array()},
              {"mobility",
               {{{"mn", "mn"}, {"at_s", 1.0}, {"attach", "ar1"}},
                {{"mn", "mn"}, {"at_s", 4.0}, {"attach", "ar2"}}}},
              {"flows",
               {{{"name", "up"},
                 {"type", "udp"},
                 {"from", "mn"},
                 {"to", "cn"},
                 {"start_s", 2.0},
                 {"stop_s", 7.0},
                 {"interval_ms", 20.0},
                 {"size_bytes", 100}}}}};
    for (auto [a, b] : {std::pair{"core", "db"}, {"core", "ar1"}, {"core", "ar2"}, {"ar2", "cn"}})
    {
        AddLink(j, a, b, 2.0);
    }
    return Simulate(ParseScenario(j));
}

} // namespace

TEST(DmaUplink, KeptFlowsGoThroughTheReverseTunnelByDefault)
{
    RunResults r = RunUplink("dma", "reverse-tunnel");
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowRecord& f = r.flows.front();
    EXPECT_GT(f.received, f.sent * 95 / 100);
    // mn - ar2 = tunnel (ar2 - core - ar1) - core - ar2 - cn: the detour via the H-MAR.
    EXPECT_EQ(f.lastShortestLinks, 2u);
    EXPECT_EQ(f.lastLinks, 6u);
    EXPECT_GT(r.tunnelledBytes, 0u);
}

TEST(DmaUplink, DirectUplinkTakesTheShortestPath)
{
    RunResults r = RunUplink("dma", "direct");
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowRecord& f = r.flows.front();
    EXPECT_GT(f.received, f.sent * 95 / 100);
    EXPECT_EQ(f.lastLinks, f.lastShortestLinks); // mn - ar2 - cn: nothing tunnelled
    EXPECT_EQ(r.tunnelledBytes, 0u);
}

TEST(DmaUplink, UnknownModeIsAnError)
{
    try
    {
        RunUplink("dma", "sideways");
        FAIL() << "accepted";
    }
    catch (const ScenarioError& e)
    {
        EXPECT_NE(std::string(e.what()).find(
                      "protocol.uplink: unknown mode \"sideways\" (known: reverse-tunnel, direct)"),
                  std::string::npos)
            << e.what();
    }
}
