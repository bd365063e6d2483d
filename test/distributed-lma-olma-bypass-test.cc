/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Bypassing the tunnelling role of the LMAs between two mobile nodes (seed 004 §5.4,
// Fig 11) on scenarios/distributed-lma-figs7-8.json with protocol.dlma_bypass and
// protocol.dlma_bypass_olma: mn31 (n2-ar1, anchored at n2-anchor) and mn11 (n3-ar1, D-LMA
// n3-anchor; n3-ar2 from 9 s) send to each other; cn21 (fixed) sends to mn11 too.
#include "distributed-lma-tunnels.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// Two flows mn31 -> mn11 (one tunnel carries both), one back, and the fixed CN's.
const char* kFlows =
    "flows=["
    R"({"name":"cn","type":"udp","from":"cn21","to":"mn11","start_s":5.0,"stop_s":13.5,)"
    R"("interval_ms":7.0,"size_bytes":200},)"
    R"({"name":"a","type":"udp","from":"mn31","to":"mn11","start_s":5.0,"stop_s":13.5,)"
    R"("interval_ms":7.0,"size_bytes":200},)"
    R"({"name":"b","type":"udp","from":"mn31","to":"mn11","start_s":5.003,"stop_s":13.5,)"
    R"("interval_ms":11.0,"size_bytes":300},)"
    R"({"name":"back","type":"udp","from":"mn11","to":"mn31","start_s":5.0,"stop_s":13.5,)"
    R"("interval_ms":7.0,"size_bytes":200}])";

std::vector<std::string>
Overrides(bool olma, const std::vector<std::string>& more = {})
{
    std::vector<std::string> all{"protocol.dlma_bypass=true",
                                 std::string("protocol.dlma_bypass_olma=") +
                                     (olma ? "true" : "false"),
                                 kFlows};
    all.insert(all.end(), more.begin(), more.end());
    return all;
}

ScenarioConfig
Load(bool olma, const std::vector<std::string>& more = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-figs7-8.json",
                        Overrides(olma, more),
                        {},
                        {});
}

/// The Cache Updates sent to MAGs in [from, to] ("sender:type>receiver").
std::vector<std::string>
UpdatesToMags(const RunResults& r, double from, double to)
{
    std::vector<std::string> out;
    for (const auto& step : Ladder(r, from, to))
    {
        if (step.find(":DlmaCacheUpdate>n") != std::string::npos &&
            step.find("-ar") != std::string::npos && step.rfind("-ar") > step.find('>'))
        {
            out.push_back(step);
        }
    }
    return out;
}

/// The hops of tunnelled packets for \p flow's destination between the listed nodes.
std::vector<std::pair<double, std::string>>
Hops(const std::filesystem::path& dir, const RunResults& r, const std::string& flow)
{
    return TunnelHops(dir,
                      r,
                      Flow(r, flow).address,
                      {"n2-anchor", "n3-anchor", "n2-ar1", "n3-ar1", "n3-ar2"},
                      10.3);
}

} // namespace

TEST(DistributedLmaOlmaBypass, OriginatingLmasNameThePeerMagToTheSendingMag)
{
    ScenarioConfig cfg = Load(true);
    RunResults r = Simulate(cfg);
    // §5.4: the D-LMA names the MAG to the O-LMA (§5.1.1), which, the packet coming from
    // a mobile node's MAG, names it to that MAG: one Cache Update per direction.
    EXPECT_EQ(UpdatesToMags(r, 4.0, 8.9),
              (std::vector<std::string>{"n3-anchor:DlmaCacheUpdate>n3-ar1",
                                        "n2-anchor:DlmaCacheUpdate>n2-ar1"}));
    for (const char* flow : {"a", "b", "back", "cn"})
    {
        SCOPED_TRACE(flow);
        EXPECT_EQ(Flow(r, flow).lastLinks, Flow(r, flow).lastShortestLinks);
    }
    // Without the key no MAG hears of another MAG before the move.
    RunResults off = Simulate(Load(false));
    EXPECT_TRUE(UpdatesToMags(off, 4.0, 8.9).empty());
}

TEST(DistributedLmaOlmaBypass, PrivateNodesKeepTheirTrafficThroughTheLmas)
{
    // A node whose location is private: neither MAG learns the other's proxy CoA, and
    // the packets take the O-LMA's tunnels as without the key.
    RunResults off = Simulate(Load(false));
    for (const char* node : {"mn11", "mn31"})
    {
        SCOPED_TRACE(node);
        RunResults r = Simulate(Load(true, {std::string("protocol.dlma_private=") + node}));
        EXPECT_TRUE(UpdatesToMags(r, 4.0, 8.9).empty());
        EXPECT_EQ(Flow(r, "a").lost, Flow(off, "a").lost);
        EXPECT_EQ(Flow(r, "back").lost, Flow(off, "back").lost);
        EXPECT_EQ(Flow(r, "a").lastLinks, Flow(off, "a").lastLinks);
    }
}

TEST(DistributedLmaOlmaBypass, MagChangeRetargetsTheSendingMagWithoutALoop)
{
    ScenarioConfig cfg = Load(true);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& intra = r.handovers[1];
    // §5.1.2 for the sending MAG: the previous MAG forwards to the new one and names it to
    // the MAG that tunnelled to it (and to the O-LMA of the fixed CN's flow); the O-LMA of
    // mn11 names mn31's MAG to mn11's new MAG.
    auto after = UpdatesToMags(r, intra.l2UpS, cfg.durationS);
    EXPECT_NE(std::find(after.begin(), after.end(), "n3-ar1:DlmaCacheUpdate>n2-ar1"), after.end());
    EXPECT_NE(std::find(after.begin(), after.end(), "n3-anchor:DlmaCacheUpdate>n3-ar2"),
              after.end());
    // Bounded loss: as the bypass of the D-LMA alone (§5.1.2), plus the packet in flight.
    RunResults dlmaOnly = Simulate(Load(false));
    for (const char* flow : {"a", "back", "cn"})
    {
        SCOPED_TRACE(flow);
        EXPECT_LE(Flow(r, flow).lost, Flow(dlmaOnly, flow).lost + 1);
        EXPECT_EQ(Flow(r, flow).lastLinks, Flow(r, flow).lastShortestLinks); // no loop
    }
    EXPECT_EQ(r.packets.unaccounted, 0u);
}

TEST(DistributedLmaOlmaBypass, CapturesShowFig11AndOneTunnelPerMagPair)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto more = Overrides(true,
                          {"duration_s=10.5",
                           "flows.0.stop_s=10.2",
                           "flows.1.stop_s=10.2",
                           "flows.2.stop_s=10.2",
                           "flows.3.stop_s=10.2"});
    auto dir =
        CaptureRun("dlma-olma-bypass", "distributed-lma-figs7-8.json", more, std::nullopt, &r);
    ExpectCleanCaptures(dir);
    // Fig 11: after the first packets, MAG1 -> MAG2 with proxy-CoA1 and proxy-CoA2 as the
    // outer source and destination, HoAs inside (TunnelHops checks the inner destination).
    auto toMn11 = Hops(dir, r, "a");
    // The fixed CN's packets keep the O-LMA's tunnel (§5.4: bypassing it would expose mn11).
    EXPECT_EQ(HopsBetween(toMn11, 5.5, 8.9),
              (std::set<std::string>{"n2-ar1>n3-ar1", "n2-anchor>n3-ar1"}));
    EXPECT_TRUE(HopsBetween(toMn11, 5.0, 5.05).count("n2-ar1>n2-anchor")); // Fig 10 first
    EXPECT_EQ(HopsBetween(Hops(dir, r, "back"), 5.5, 8.9),
              (std::set<std::string>{"n3-ar1>n2-ar1"}));
    // Both flows to mn11 (and nothing else from n2-ar1) in the one tunnel pair.
    EXPECT_EQ(Flow(r, "a").address, Flow(r, "b").address);
    // After the MAG change: previous MAG forwards, then MAG1 tunnels to the new MAG.
    auto after = HopsBetween(toMn11, 9.0, 10.3);
    EXPECT_TRUE(after.count("n3-ar1>n3-ar2"));
    EXPECT_TRUE(after.count("n2-ar1>n3-ar2"));
    EXPECT_EQ(HopsBetween(toMn11, 9.8, 10.3),
              (std::set<std::string>{"n2-ar1>n3-ar2", "n2-anchor>n3-ar2"}));
}
