/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Distributed LMAs (seed 004) on scenarios/distributed-lma-figs7-8.json: mn11 registers at
// its H-LMA n1-anchor (§4.1), moves to n3-ar1 (V-LMA n3-anchor, §4.3), then to n3-ar2 (MAG
// change without LMA change, §5.1.2); mn31 stays at home in network 2, where cn21 sits
// behind n2-anchor (its O-LMA). cn21 starts sending
// once mn11 is away: the first packets go through the H-LMA (Fig 7), the later ones
// straight to the D-LMA (Fig 8). Ladders, closed forms and captures.
#include "closed-form.h"
#include "distributed-lma-ladder.h"
#include "distributed-lma-tunnels.h"
#include "test-paths.h"

#include <gtest/gtest.h>
#include <set>

using namespace dmmtest;

namespace
{

const std::string FILE_NAME = "distributed-lma-figs7-8.json";

ScenarioConfig
Load(const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + FILE_NAME, overrides, {}, {});
}

const double kDataBytes = 200 + 8 + 40; //!< a packet of the flows: payload, UDP, IPv6
const double kTunnelled = kDataBytes + 40;

} // namespace

TEST(DistributedLmaFigs78, VisitedLmaChecksWithTheHomeLmaAnchorsAndInformsIt)
{
    ScenarioConfig cfg = Load();
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& h = r.handovers[0];
    // §4.3: the PBU waits for the H-LMA's answer; the V-LMA anchors and informs the H-LMA.
    EXPECT_EQ(Ladder(r, h.l2UpS, h.signalingDoneS),
              (std::vector<std::string>{"n3-ar1:PBU>n3-anchor",
                                        "n3-anchor:DlmaUniquenessCheck>n1-anchor",
                                        "n1-anchor:DlmaUniquenessReply>n3-anchor",
                                        "n3-anchor:DlmaLocationInform>n1-anchor",
                                        "n3-anchor:PBA>n3-ar1"}));
    // §5.1.2: a MAG change under the same LMA is a plain PMIPv6 exchange: no H-LMA, no
    // distributed-LMA message.
    const HandoverRecord& intra = r.handovers[1];
    EXPECT_EQ(Ladder(r, intra.l2UpS, cfg.durationS),
              (std::vector<std::string>{"n3-ar2:PBU>n3-anchor", "n3-anchor:PBA>n3-ar2"}));
    // mn31 registered at n2-anchor, its H-LMA, and never left: no check, no inform for it.
    EXPECT_EQ(Messages(r, "n3-anchor", "DlmaUniquenessCheck", 0).size(), 1u);
    EXPECT_EQ(Messages(r, "n3-anchor", "DlmaLocationInform", 0).size(), 1u);
}

TEST(DistributedLmaFigs78, FirstPacketsGoThroughTheHomeLmaWhichUpdatesTheOriginatingLma)
{
    ScenarioConfig cfg = Load();
    RunResults r = Simulate(cfg);
    // Fig 7: the H-LMA tunnels the first packet on and tells the O-LMA, once (hold-down).
    EXPECT_EQ(Ladder(r, 4.0, 8.0),
              (std::vector<std::string>{"n1-anchor:DlmaCacheUpdate>n2-anchor"}));
    const FlowRecord& down = Flow(r, "down");
    // Losses only in the MAG change at 9 s (PMIPv6: dropped while de-registered).
    const HandoverRecord& intra = r.handovers[1];
    EXPECT_LE(down.lost,
              std::ceil((intra.signalingDoneS - intra.l2DownS) * 1e3 / cfg.flows[0].intervalMs));
    // First-packet delay: cn21 -> O-LMA -> H-LMA -> D-LMA -> MAG -> mn11 (Fig 7).
    double first = WiredMs(Path(cfg, "cn21", "n2-anchor"), kDataBytes) +
                   WiredMs(Path(cfg, "n2-anchor", "n1-anchor"), kTunnelled) +
                   WiredMs(Path(cfg, "n1-anchor", "n3-anchor"), kTunnelled) +
                   WiredMs(Path(cfg, "n3-anchor", "n3-ar1"), kTunnelled) +
                   AccessMs(cfg, "n3-ar1", kDataBytes);
    EXPECT_NEAR(down.firstPacketDelayMs, first, first * 0.01);
    // Packets reaching the O-LMA before the Cache Update are triangle-routed.
    double update = Message(r, "n1-anchor", "DlmaCacheUpdate", 4.0).bytes;
    double window = WiredMs(Path(cfg, "n2-anchor", "n1-anchor"), kTunnelled) +
                    WiredMs(Path(cfg, "n1-anchor", "n2-anchor"), update);
    double interval = cfg.flows[0].intervalMs;
    EXPECT_EQ(down.detouredPackets, static_cast<uint64_t>(std::ceil(window / interval)));
    // Fig 8 afterwards: the direct tunnel O-LMA -> D-LMA is the shortest path.
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
}

TEST(DistributedLmaFigs78, HandoverLatencyMatchesClosedForms)
{
    const std::vector<std::vector<std::string>> sets{
        {},
        {"processing.access_ms=2", "processing.anchor_ms=3"},
        {"links.8.delay_ms=25", "l2.switch_time_ms=80"}};
    for (const auto& set : sets)
    {
        SCOPED_TRACE(::testing::PrintToString(set));
        ScenarioConfig cfg = Load(set);
        RunResults r = Simulate(cfg);
        ASSERT_EQ(r.handovers.size(), 2u);
        const HandoverRecord& change = r.handovers[0];
        const HandoverRecord& intra = r.handovers[1];
        double lma = PredictLmaChange(cfg, r, change);
        EXPECT_NEAR(change.latencyMs, lma, lma * 0.01);
        double mag = PredictPmipv6(cfg, r, intra, "n3-anchor");
        EXPECT_NEAR(intra.latencyMs, mag, mag * 0.01);
    }
}

TEST(DistributedLmaFigs78, CapturesShowTheTunnelsOfFigs7And8)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun(
        "dlma",
        FILE_NAME,
        {"duration_s=9.5", "flows.0.stop_s=6.2", "flows.1.stop_s=6.2", "flows.2.stop_s=6.2"},
        std::nullopt,
        &r);
    ExpectCleanCaptures(dir);
    std::string hoa = Flow(r, "down").address;
    // On the LMAs' and the MAG's links.
    auto seen = TunnelHops(dir, r, hoa, {"n1-anchor", "n2-anchor", "n3-anchor", "n3-ar1"}, 6.05);
    auto tunnels = [&seen](double from, double to) { return HopsBetween(seen, from, to); };
    // Fig 7, first packets: O-LMA -> H-LMA -> V-LMA (D-LMA) -> MAG; no direct tunnel yet.
    EXPECT_EQ(tunnels(5.0, 5.019),
              (std::set<std::string>{"n2-anchor>n1-anchor", "n1-anchor>n3-anchor"}));
    auto firstPackets = tunnels(5.0, 5.03);
    EXPECT_TRUE(firstPackets.count("n3-anchor>n3-ar1"));
    // Fig 8, subsequent packets: O-LMA -> D-LMA -> MAG.
    EXPECT_EQ(tunnels(6.0, 6.05),
              (std::set<std::string>{"n2-anchor>n3-anchor", "n3-anchor>n3-ar1"}));
}
