/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Network-based fully distributed DMM (000 §5.2, Fig 9's AR31+LU): mobility support only
// for ongoing communication. A mobility router releases an earlier address of a node once
// no packet used it for protocol.idle_release_s (MrAgent IdleRelease), so the context
// handed from router to router stays the size of what the node uses, however often it moves.
#include "tour-scenarios.h"

#include <gtest/gtest.h>
#include <map>

using namespace dmmtest;

namespace
{

/// Fig 9 with network-based location update; mn11 moves every 6 s through five routers,
/// back and forth between networks 1 and 3, with one downlink flow on its first address.
ScenarioConfig
LoadTour(double idleReleaseS)
{
    json j = Fig9Tour({"mr11", "mr31", "mr32", "mr31", "mr11", "mr31"}, 6, 32);
    j["protocol"]["idle_release_s"] = idleReleaseS;
    return ParseScenario(j);
}

/// Sizes of the context replies, in handover order.
std::vector<uint32_t>
ContextSizes(const RunResults& r)
{
    std::vector<uint32_t> sizes;
    for (const auto& s : r.signaling)
    {
        if (s.type == "ContextReply")
        {
            sizes.push_back(s.bytes);
        }
    }
    return sizes;
}

/// LocationRegisters sent by the routers outside every handover (releases), by destination.
std::map<std::string, size_t>
RegistersBetweenHandovers(const RunResults& r)
{
    std::map<std::string, size_t> n;
    for (const auto& s : r.signaling)
    {
        bool inHandover = false;
        for (const auto& h : r.handovers)
        {
            inHandover = inHandover || (s.timeS >= h.l2DownS && s.timeS <= h.signalingDoneS);
        }
        if (s.type == "LocationRegister" && !inHandover)
        {
            n[s.dst]++;
        }
    }
    return n;
}

} // namespace

TEST(MrIdleRelease, TheContextCarriesOnlyTheAddressesInUse)
{
    RunResults released = Simulate(LoadTour(5));
    RunResults kept = Simulate(LoadTour(0));
    ASSERT_EQ(released.handovers.size(), 5u);
    ASSERT_EQ(kept.handovers.size(), 5u);
    std::vector<uint32_t> small = ContextSizes(released);
    std::vector<uint32_t> grown = ContextSizes(kept);
    ASSERT_EQ(small.size(), 5u);
    ASSERT_EQ(grown.size(), 5u);
    // Released: the address formed at the router left (it names the network) and the one
    // the flow uses, whatever the tour so far; back at mr11 the flow's address is that
    // router's own, so the last reply has one. Kept: every address the node ever formed.
    EXPECT_EQ(small[2], small[1]);
    EXPECT_EQ(small[3], small[1]);
    EXPECT_EQ(small[4], small[0]);
    EXPECT_GT(small[1], small[0]);
    EXPECT_EQ(grown[1], small[1]);
    EXPECT_GT(grown[2], grown[1]); // mr31's address too
    EXPECT_EQ(grown[4], grown[2]); // mr11's, mr31's and mr32's, from then on
    // Each address left idle is de-registered by the router serving the node, 5 s after it
    // arrived there: mr31's at mr32 (lm3 knows it), mr32's at mr31 (lm3), mr31's at mr11
    // (lm1, the visited network's, and lm3, its home server's pointer). mr11's address,
    // the flow's, never. Nothing of the kind without release.
    std::string lm1 = Message(released, "lm1", "LocationRegisterAck", 0).src;
    std::string lm3 = Message(released, "lm3", "LocationRegisterAck", 0).src;
    EXPECT_EQ(RegistersBetweenHandovers(released),
              (std::map<std::string, size_t>{{lm1, 1}, {lm3, 3}}));
    EXPECT_TRUE(RegistersBetweenHandovers(kept).empty());
}

TEST(MrIdleRelease, TheFlowInUseIsCarriedThroughEveryMove)
{
    for (double idle : {5.0, 0.0})
    {
        SCOPED_TRACE(idle);
        RunResults r = Simulate(LoadTour(idle));
        ASSERT_EQ(r.flows.size(), 1u);
        EXPECT_EQ(r.flows[0].received, r.flows[0].sent); // held and forwarded at each move
        EXPECT_EQ(r.packets.unaccounted, 0u);
        EXPECT_EQ(r.packets.Dropped(), 0u);
    }
}
