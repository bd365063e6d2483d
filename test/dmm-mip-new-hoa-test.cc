/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002 §4.2): with protocol.new_hoa a router a node arrives at
// gives it a new HoA anchored there; sessions started after the move use it as source
// (the MnAgent's RFC 6724 selection, the DMA profile's: the current router's prefix wins),
// those started before keep theirs. scenarios/dmm-mip-fig1.json: mn1 at mr12 (home) at
// 1 s, mr11 at 2 s, mr2 at 8 s; cn2 behind mr31 sends to it from 5 s. Access routers take
// the prefixes 2001:bbbb:N:: in scenario order (mr11 1, mr12 2, mr2 3).
#include "dmm-mip-fig1.h"
#include "ladder.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// Fig 1 with a down- and an uplink session of cn2 that start at 9 s, after the move to
/// mr2 (if \p late), and protocol.new_hoa \p newHoa.
ScenarioConfig
LoadWithLateSessions(bool late, bool newHoa)
{
    json j = ReadFig1();
    j["protocol"]["new_hoa"] = newHoa;
    json down = j["flows"][0];
    down["start_s"] = 9.0;
    down["stop_s"] = 12.0;
    down["name"] = "late-down";
    json up = down;
    up["name"] = "late-up";
    up["from"] = "mn1";
    up["to"] = "cn2";
    if (late)
    {
        j["flows"].push_back(down);
        j["flows"].push_back(up);
    }
    return ParseScenario(j);
}

/// \return the part of \p address naming its access router's link ("2001:bbbb:N:")
std::string
Link(const std::string& address)
{
    return address.substr(0, address.find(':', 10) + 1);
}

} // namespace

TEST(DmmMipNewHoa, NewSessionsUseTheNewRoutersHoaOldOnesKeepTheirs)
{
    RunResults r = Simulate(LoadWithLateSessions(true, true));
    const FlowRecord& early = FlowNamed(r, "cn2-down");
    const FlowRecord& lateDown = FlowNamed(r, "late-down");
    const FlowRecord& lateUp = FlowNamed(r, "late-up");
    // Started at mr11 (5 s): mr11's HoA, kept across the move to mr2 (8 s).
    EXPECT_EQ(Link(early.address), "2001:bbbb:1:");
    // Started at mr2: the HoA anchored there, in both directions.
    EXPECT_EQ(Link(lateDown.address), "2001:bbbb:3:");
    EXPECT_EQ(lateUp.address, lateDown.address);
    for (const FlowRecord* f : {&early, &lateDown, &lateUp})
    {
        EXPECT_EQ(f->received, f->sent) << f->flow;
    }
    // The new sessions take the shortest path from their first packet on: no detour
    // through the node's earlier routers.
    for (const FlowRecord* f : {&lateDown, &lateUp})
    {
        EXPECT_EQ(f->maxLinks, f->lastShortestLinks) << f->flow;
        EXPECT_EQ(f->detouredPackets, 0u) << f->flow;
    }
    // ... and natively: they add no byte to the tunnels (the old session's packets, the
    // same in both runs, are the only ones tunnelled).
    RunResults without = Simulate(LoadWithLateSessions(false, true));
    EXPECT_EQ(r.tunnelledBytes, without.tunnelledBytes);
    EXPECT_GT(r.tunnelledBytes, 0u);
}

TEST(DmmMipNewHoa, OffByDefaultEverySessionUsesTheHomeNetworksHoa)
{
    // §4.2 presents the new HoA as a configuration choice: off, the node keeps mr12's.
    RunResults r = Simulate(LoadWithLateSessions(true, false));
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(Link(f.address), "2001:bbbb:2:") << f.flow;
        EXPECT_EQ(f.received, f.sent) << f.flow;
    }
    // The new downlink session is tunnelled to mr2 like the old one.
    RunResults without = Simulate(LoadWithLateSessions(false, false));
    EXPECT_GT(r.tunnelledBytes, without.tunnelledBytes);
}

TEST(DmmMipNewHoa, TheRouterAnchoringTheOldSessionUpdatesItsCorrespondentsRouter)
{
    // The early session's HoA is anchored at mr11, so mr31 reaches it natively there. On
    // the move to mr2 (8 s) mr11, the previous router, sends mr31 the new location (§4.4)
    // while it forwards: mr31 tunnels to mr2, and mr11 has nothing to ask once its handover
    // context is deleted. (Without that update mr11 asked the home LM lm1, which referred
    // it to lm2: the two queries after the completion.)
    RunResults r = Simulate(LoadWithLateSessions(false, true));
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& h = r.handovers[1];
    std::vector<std::string> ladder = Ladder(r, h.l2DownS, h.signalingDoneS);
    EXPECT_NE(std::find(ladder.begin(), ladder.end(), "mr11:Redirect>?"), ladder.end());
    EXPECT_TRUE(Messages(r, "mr11", "LocationQuery", h.l2DownS).empty());
    EXPECT_EQ(FlowNamed(r, "cn2-down").received, FlowNamed(r, "cn2-down").sent);
}
