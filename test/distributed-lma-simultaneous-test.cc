/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Seed 004 §6.4, the simultaneous move, on scenarios/distributed-lma-simultaneous.json:
// mn11 (H-LMA n1-anchor) and mn22 (H-LMA n2-anchor) send to each other. mn11 sits at n3,
// mn22 first at n4 (its O-LMA n4-anchor caches mn11 at n3), then at home. At 7 s both
// change LMA at once: mn11 goes home to n1, mn22 back to n4, whose cache still names n3.
// The previous D-LMA n3 forwards and re-targets n4 (§5.1.3); the H-LMA n2 forwards mn22's
// packets from mn11's new O-LMA n1 and tells it the new D-LMA (§4.4).
#include "closed-form.h"
#include "distributed-lma-ladder.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

const HandoverRecord&
MoveOf(const RunResults& r, const std::string& mn, double at)
{
    for (const auto& h : r.handovers)
    {
        if (h.mn == mn && std::abs(h.l2DownS - at) < 1e-9)
        {
            return h;
        }
    }
    throw std::runtime_error("no handover of " + mn);
}

} // namespace

TEST(DistributedLmaSimultaneousMove, StaleCachesAreRepairedByForwardingAndRetargeting)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-simultaneous.json",
                     {},
                     {},
                     {});
    RunResults r = Simulate(cfg);
    // Both new anchors inform the previous ones; the first packets that follow a stale
    // cache (n4: mn11 at n3) or the pool (n1 -> H-LMA n2) reach an LMA that forwards
    // them and re-targets their O-LMA.
    EXPECT_EQ(Ladder(r, 7.0, 7.5),
              (std::vector<std::string>{"n3-ar1:PBU>n3-anchor",
                                        "n2-ar1:PBU>n2-anchor",
                                        "n3-anchor:PBA>n3-ar1",
                                        "n2-anchor:PBA>n2-ar1",
                                        "n1-ar1:PBU>n1-anchor",
                                        "n4-ar1:PBU>n4-anchor",
                                        "n1-anchor:DlmaLocationInform>n3-anchor",
                                        "n1-anchor:PBA>n1-ar1",
                                        "n4-anchor:DlmaLocationInform>n2-anchor",
                                        "n4-anchor:PBA>n4-ar1",
                                        "n3-anchor:DlmaCacheUpdate>n4-anchor",
                                        "n2-anchor:DlmaCacheUpdate>n1-anchor"}));
    // No loop: nothing ran out of hops, every packet is accounted for.
    EXPECT_EQ(r.packets.dropped.count("hop_limit"), 0u);
    EXPECT_EQ(r.packets.dropped.count("tunnel_hop_limit"), 0u);
    EXPECT_EQ(r.packets.unaccounted, 0u);
    // Bounded loss. A packet to a moving node is lost if it is sent while its sender is
    // detached or unregistered, or reaches the receiver after its detach but before the
    // receiver's previous anchor, de-registered until the Location Inform arrives there,
    // forwards it. In sending time: from the receiver's detach less the old path's delay
    // to the later of the sender's registration and the inform's arrival.
    const double interval = cfg.flows[0].intervalMs;
    const double tunnelled = 200 + 8 + 40 + 40; // payload, UDP, inner and outer IPv6
    for (const auto& [receiver, sender, previous, next] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {"mn11", "mn22", "n3-anchor", "n1-anchor"},
             {"mn22", "mn11", "n2-anchor", "n4-anchor"}})
    {
        SCOPED_TRACE(receiver);
        const HandoverRecord& h = MoveOf(r, receiver, 7.0);
        const HandoverRecord& s = MoveOf(r, sender, 7.0);
        const SignalingRecord& inform = Message(r, next, "DlmaLocationInform", h.l2UpS);
        double informAt = inform.timeS + WiredMs(Path(cfg, next, previous), inform.bytes) / 1e3;
        double oldPath = AccessMs(cfg, s.from, tunnelled) +
                         WiredMs(Path(cfg, s.from, h.from), tunnelled) +
                         AccessMs(cfg, h.from, tunnelled);
        double window = (std::max(informAt, s.signalingDoneS) - h.l2DownS) * 1e3 + oldPath;
        EXPECT_GT(h.lostPackets, 0u);
        EXPECT_LE(h.lostPackets, std::floor(window / interval) + 1);
    }
    // Re-optimised: both flows end on the direct route between the two D-LMAs.
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks) << f.flow;
        EXPECT_EQ(f.received + f.lost, f.sent) << f.flow;
    }
}
