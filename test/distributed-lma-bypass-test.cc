/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// D-LMA bypass (seed 004 §5.1.1, Fig 9) and the MAG change without a D-LMA change
// (§5.1.2) on scenarios/distributed-lma-figs7-8.json with protocol.dlma_bypass: the D-LMA
// n3-anchor tells the O-LMA n2-anchor mn11's proxy CoA n3-ar1, the O-LMA tunnels to the
// MAG; after mn11's move to n3-ar2 at 9 s the D-LMA informs n3-ar1, which forwards to
// n3-ar2 and re-targets the O-LMA.
#include "closed-form.h"
#include "distributed-lma-tunnels.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ScenarioConfig
LoadBypass(const std::vector<std::string>& overrides = {})
{
    std::vector<std::string> all{"protocol.dlma_bypass=true"};
    all.insert(all.end(), overrides.begin(), overrides.end());
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-figs7-8.json",
                        all,
                        {},
                        {});
}

} // namespace

TEST(DistributedLmaBypass, DestinationLmaTellsTheOriginatingLmaTheProxyCareOf)
{
    ScenarioConfig cfg = LoadBypass();
    RunResults r = Simulate(cfg);
    // Fig 7, then §5.1.1: the H-LMA names the D-LMA, the D-LMA the MAG.
    EXPECT_EQ(Ladder(r, 4.0, 8.0),
              (std::vector<std::string>{"n1-anchor:DlmaCacheUpdate>n2-anchor",
                                        "n3-anchor:DlmaCacheUpdate>n2-anchor"}));
    // Fig 9 afterwards (the captures show the tunnel to the MAG): the shortest path too.
    const FlowRecord& down = Flow(r, "down");
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
}

TEST(DistributedLmaBypass, PreviousMagForwardsAndRetargetsTheOriginatingLma)
{
    ScenarioConfig cfg = LoadBypass();
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& intra = r.handovers[1];
    // §5.1.2: the D-LMA updates the mapping and informs the previous MAG, which tells the
    // O-LMA the new MAG when the O-LMA's next packet reaches it.
    EXPECT_EQ(Ladder(r, intra.l2UpS, cfg.durationS),
              (std::vector<std::string>{"n3-ar2:PBU>n3-anchor",
                                        "n3-anchor:DlmaLocationInform>n3-ar1",
                                        "n3-anchor:PBA>n3-ar2",
                                        "n3-ar1:DlmaCacheUpdate>n2-anchor"}));
    // Loss: as without the bypass, the packets reaching the de-registered binding or the
    // detached MAG before the new binding, plus the one on its way to the old MAG when the
    // inform arrives there.
    const FlowRecord& down = Flow(r, "down");
    double window = (intra.signalingDoneS - intra.l2DownS) * 1e3;
    EXPECT_LE(down.lost, std::ceil(window / cfg.flows[0].intervalMs) + 1);
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
}

TEST(DistributedLmaBypass, HandoverLatencyIsPmipv6s)
{
    // The bypass adds no message to the MAG change's critical path (PBU, PBA).
    const std::vector<std::vector<std::string>> sets{
        {},
        {"processing.access_ms=2", "processing.anchor_ms=3"},
        {"links.8.delay_ms=25", "l2.switch_time_ms=80"}};
    for (const auto& set : sets)
    {
        SCOPED_TRACE(::testing::PrintToString(set));
        ScenarioConfig cfg = LoadBypass(set);
        RunResults r = Simulate(cfg);
        ASSERT_EQ(r.handovers.size(), 2u);
        double mag = PredictPmipv6(cfg, r, r.handovers[1], "n3-anchor");
        EXPECT_NEAR(r.handovers[1].latencyMs, mag, mag * 0.01);
    }
}

TEST(DistributedLmaBypass, CapturesShowFig9AndThePreviousMagsForwarding)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("dlma-bypass",
                          "distributed-lma-figs7-8.json",
                          {"protocol.dlma_bypass=true",
                           "duration_s=10.5",
                           "flows.0.stop_s=10.2",
                           "flows.1.stop_s=5.1",
                           "flows.2.stop_s=5.1"},
                          std::nullopt,
                          &r);
    ExpectCleanCaptures(dir);
    std::string hoa = Flow(r, "down").address;
    auto seen =
        TunnelHops(dir, r, hoa, {"n1-anchor", "n2-anchor", "n3-anchor", "n3-ar1", "n3-ar2"}, 10.3);
    // Fig 7's first packets, then the D-LMA's leg, then Fig 9: O-LMA -> MAG directly.
    EXPECT_TRUE(HopsBetween(seen, 5.0, 5.05).count("n2-anchor>n1-anchor"));
    EXPECT_EQ(HopsBetween(seen, 6.0, 8.9), (std::set<std::string>{"n2-anchor>n3-ar1"}));
    // §5.1.2: after the move the previous MAG tunnels to the new one, then the O-LMA does.
    auto after = HopsBetween(seen, 9.0, 10.3);
    EXPECT_TRUE(after.count("n3-ar1>n3-ar2"));
    EXPECT_TRUE(after.count("n2-anchor>n3-ar2"));
    EXPECT_EQ(HopsBetween(seen, 10.0, 10.3), (std::set<std::string>{"n2-anchor>n3-ar2"}));
}

TEST(DistributedLmaBypass, HomeLmaTrackingTheMagTunnelsStraightToIt)
{
    // §5.1.1's alternative (protocol.dlma_mag_tracking=h-lma): the V-LMA's Location Inform
    // names the MAG, the H-LMA tunnels the first packet to the MAG and names the MAG to the
    // O-LMA; the D-LMA tells the O-LMA nothing.
    ScenarioConfig cfg = LoadBypass({"protocol.dlma_mag_tracking=h-lma"});
    RunResults r = Simulate(cfg);
    EXPECT_EQ(Ladder(r, 4.0, 8.0),
              (std::vector<std::string>{"n1-anchor:DlmaCacheUpdate>n2-anchor"}));
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& intra = r.handovers[1];
    // On the MAG change the D-LMA informs the H-LMA, which informs the previous MAG; that
    // MAG re-targets the O-LMA.
    EXPECT_EQ(Ladder(r, intra.l2UpS, cfg.durationS),
              (std::vector<std::string>{"n3-ar2:PBU>n3-anchor",
                                        "n3-anchor:DlmaLocationInform>n1-anchor",
                                        "n3-anchor:PBA>n3-ar2",
                                        "n1-anchor:DlmaLocationInform>n3-ar1",
                                        "n3-ar1:DlmaCacheUpdate>n2-anchor"}));
    // Loss: what reached the previous MAG before the H-LMA's inform did, plus one.
    auto informs = Messages(r, "n1-anchor", "DlmaLocationInform", intra.l2UpS);
    ASSERT_FALSE(informs.empty());
    double informAt = informs.front().timeS +
                      WiredMs(Path(cfg, "n1-anchor", "n3-ar1"), informs.front().bytes) / 1e3;
    const FlowRecord& down = Flow(r, "down");
    double window = (informAt - intra.l2DownS) * 1e3;
    EXPECT_LE(down.lost, std::ceil(window / cfg.flows[0].intervalMs) + 1);
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
    // The MAG change stays PMIPv6's: the inform to the H-LMA is off its critical path.
    double mag = PredictPmipv6(cfg, r, intra, "n3-anchor");
    EXPECT_NEAR(intra.latencyMs, mag, mag * 0.01);
}

TEST(DistributedLmaBypass, CapturesShowTheHomeLmaTunnellingToTheMag)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("dlma-hlma-tracks",
                          "distributed-lma-figs7-8.json",
                          {"protocol.dlma_bypass=true",
                           "protocol.dlma_mag_tracking=h-lma",
                           "duration_s=9.5",
                           "flows.0.stop_s=6.2",
                           "flows.1.stop_s=5.1",
                           "flows.2.stop_s=5.1"},
                          std::nullopt,
                          &r);
    ExpectCleanCaptures(dir);
    std::string hoa = Flow(r, "down").address;
    auto seen = TunnelHops(dir, r, hoa, {"n1-anchor", "n2-anchor", "n3-anchor", "n3-ar1"}, 6.3);
    // First packets: O-LMA -> H-LMA -> MAG, no tunnel from or to the D-LMA; then Fig 9.
    auto first = HopsBetween(seen, 5.0, 5.05);
    EXPECT_TRUE(first.count("n2-anchor>n1-anchor"));
    EXPECT_TRUE(first.count("n1-anchor>n3-ar1"));
    EXPECT_FALSE(first.count("n1-anchor>n3-anchor"));
    EXPECT_EQ(HopsBetween(seen, 5.5, 6.2), (std::set<std::string>{"n2-anchor>n3-ar1"}));
}
