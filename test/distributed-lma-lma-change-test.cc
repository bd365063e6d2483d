/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Distributed LMAs (seed 004) changing LMA between two visited networks
// (scenarios/distributed-lma-lma-change.json): mn11 registers at n1-anchor (H-LMA), is
// anchored at n2-anchor, then at n3-anchor; cn41 behind n4-anchor (O-LMA) has cached
// n2-anchor. The previous D-LMA forwards for a limited time and re-targets the O-LMA
// (§4.3, §5.1.3); after that time a packet tunnelled to it is dropped (§4.4).
#include "closed-form.h"
#include "distributed-lma-ladder.h"
#include "test-paths.h"

#include "ns3/config.h"
#include "ns3/nstime.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ScenarioConfig
Load(const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-lma-change.json",
                        overrides,
                        {},
                        {});
}

} // namespace

TEST(DistributedLmaChange, PreviousLmaForwardsAndRetargetsTheOriginatingLma)
{
    ScenarioConfig cfg = Load();
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& h = r.handovers[1];
    // §4.3: the H-LMA names the current D-LMA in its reply; the new D-LMA informs both.
    EXPECT_EQ(Ladder(r, h.l2UpS, h.signalingDoneS),
              (std::vector<std::string>{"n3-ar1:PBU>n3-anchor",
                                        "n3-anchor:DlmaUniquenessCheck>n1-anchor",
                                        "n1-anchor:DlmaUniquenessReply>n3-anchor",
                                        "n3-anchor:DlmaLocationInform>n1-anchor",
                                        "n3-anchor:DlmaLocationInform>n2-anchor",
                                        "n3-anchor:PBA>n3-ar1"}));
    // §5.1.3: the first packet the O-LMA still tunnels to n2-anchor is forwarded, and the
    // O-LMA told where the node is now.
    auto after = Ladder(r, h.signalingDoneS, h.signalingDoneS + 0.1);
    ASSERT_FALSE(after.empty());
    EXPECT_EQ(after.front(), "n2-anchor:DlmaCacheUpdate>n4-anchor");
    // Closed form of this LMA change (visited to visited): as from the home network.
    auto path = Path(cfg, "n3-anchor", "n1-anchor");
    double lma = PredictPmipv6(cfg, r, h, "n3-anchor") +
                 WiredMs(path, Message(r, "n3-anchor", "DlmaUniquenessCheck", h.l2UpS).bytes) +
                 cfg.anchorProcessingMs +
                 WiredMs(path, Message(r, "n1-anchor", "DlmaUniquenessReply", h.l2UpS).bytes);
    EXPECT_NEAR(h.latencyMs, lma, lma * 0.01);
    // Bounded loss: what reached n2-anchor between the detach and the Location Inform.
    const FlowRecord& down = Flow(r, "down");
    // A copy: Messages returns a temporary.
    const SignalingRecord inform = Messages(r, "n3-anchor", "DlmaLocationInform", h.l2UpS)[1];
    double informAt =
        inform.timeS + WiredMs(Path(cfg, "n3-anchor", "n2-anchor"), inform.bytes) / 1e3;
    double interval = cfg.flows[0].intervalMs;
    EXPECT_GT(down.lost, 0u);
    EXPECT_LE(down.lost, std::ceil((informAt - h.l2DownS) * 1e3 / interval) + 1);
    // Afterwards straight from the O-LMA to the new D-LMA.
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
}

TEST(DistributedLmaChange, PacketsForANodeNoLongerForwardedAreDropped)
{
    // cn41 pauses over the move; its O-LMA keeps n2-anchor cached (CacheTimeout 10 s).
    const std::vector<std::string> pause{"flows.0.stop_s=6.5",
                                         "flows.1.from=cn41",
                                         "flows.1.to=mn11",
                                         "flows.1.start_s=8.5"};
    RunResults forwarded = Simulate(Load(pause));
    EXPECT_EQ(Flow(forwarded, "up").lost, 0u) << "forwarded by n2-anchor, then direct";
    EXPECT_FALSE(Ladder(forwarded, 8.5, 9.0).empty()) << "n2-anchor re-targets the O-LMA";

    // A forwarding lifetime shorter than the O-LMA's idle time-out (a misconfiguration):
    // n2-anchor no longer forwards, and drops what the stale cache sends it (§4.4).
    // protocol.forwarding_time_s sets the previous D-LMA's ForwardingLifetime.
    std::vector<std::string> shortLived = pause;
    shortLived.push_back("protocol.forwarding_time_s=0.5");
    RunResults dropped = Simulate(Load(shortLived));
    const FlowRecord& late = Flow(dropped, "up");
    EXPECT_EQ(late.received, 0u);
    EXPECT_EQ(dropped.packets.dropped.at("not_anchored"), late.sent);
}

TEST(DistributedLmaChange, CacheTimeoutKeyEndsAnIdleOriginatingLmaCache)
{
    // protocol.location_cache_s sets the O-LMA's CacheTimeout: idle for 2 s over the move,
    // its entry for n2-anchor is gone, the packets go by prefix to the H-LMA again and
    // nothing reaches the previous D-LMA, even when it has stopped forwarding.
    const std::vector<std::string> pause{"flows.0.stop_s=6.5",
                                         "flows.1.from=cn41",
                                         "flows.1.to=mn11",
                                         "flows.1.start_s=8.5",
                                         "protocol.forwarding_time_s=0.5",
                                         "protocol.location_cache_s=1"};
    RunResults r = Simulate(Load(pause));
    EXPECT_EQ(Flow(r, "up").lost, 0u);
    EXPECT_EQ(r.packets.dropped.count("not_anchored") ? r.packets.dropped.at("not_anchored") : 0,
              0u);
}

TEST(DistributedLmaChange, PreviousMagForwardsUnderTheBypass)
{
    // With protocol.dlma_bypass the O-LMA n4-anchor tunnels to mn11's MAG n2-ar1, past
    // n2-anchor. §5.1.3's last paragraph: after the change of LMA the previous MAG forwards
    // and re-targets the O-LMA. Without it, every later packet went to the detached MAG.
    RunResults plain = Simulate(Load());
    ScenarioConfig cfg = Load({"protocol.dlma_bypass=true"});
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& h = r.handovers[1];
    // The previous D-LMA tells the MAG it named to the O-LMA; that MAG tunnels the next
    // packet to the new D-LMA and names it to the O-LMA, which the new D-LMA then tells the
    // new MAG (§5.1.1).
    auto ladder = Ladder(r, h.signalingDoneS, h.signalingDoneS + 0.1);
    EXPECT_EQ(std::vector<std::string>(ladder.begin(),
                                       ladder.begin() + std::min<size_t>(3, ladder.size())),
              (std::vector<std::string>{"n2-anchor:DlmaLocationInform>n2-ar1",
                                        "n2-ar1:DlmaCacheUpdate>n4-anchor",
                                        "n3-anchor:DlmaCacheUpdate>n4-anchor"}));
    // Loss: what reached n2-ar1 between the detach and the previous D-LMA's inform there.
    auto informs = Messages(r, "n2-anchor", "DlmaLocationInform", h.l2UpS);
    ASSERT_FALSE(informs.empty());
    const SignalingRecord& inform = informs.front();
    double informAt = inform.timeS + WiredMs(Path(cfg, "n2-anchor", "n2-ar1"), inform.bytes) / 1e3;
    const FlowRecord& down = Flow(r, "down");
    EXPECT_GT(down.lost, 0u);
    EXPECT_LE(down.lost, std::ceil((informAt - h.l2DownS) * 1e3 / cfg.flows[0].intervalMs) + 1);
    // At most the one packet in flight to the previous MAG more than without the bypass.
    EXPECT_LE(down.lost, Flow(plain, "down").lost + 1);
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
}
