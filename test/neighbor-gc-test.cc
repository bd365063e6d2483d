/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// An access router forgets the neighbour entries of a node that left (ns-3 keeps every
// entry forever, so a router's cache grew by every node that ever attached): STALE entries
// go NeighborGcTime after the detach, unless the node came back.
#include "pmipv6-fixture.h"

#include <gtest/gtest.h>

namespace ns3
{
namespace test
{

namespace
{

/// Entries of the mobile node in mag1's caches at \p at, with the node moving mag1 -> mag2
/// at 20 s (its entry confirmed by NUD, REACHABLE, then STALE for good: no packet goes
/// there any more) and, when \p back, mag2 -> mag1 at 30 s.
std::size_t
EntriesAtMag1(Time gcTime, bool back, Time at)
{
    Config::SetDefault("ns3::AccessRouterAgent::NeighborGcTime", TimeValue(gcTime));
    Pmipv6Network net;
    Ptr<Ipv6L3Protocol> ipv6 = net.mag[0]->GetObject<Ipv6L3Protocol>();
    std::size_t entries = 0;
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    net.linkSwitch->ScheduleAttach(Seconds(20), "mag2");
    if (back)
    {
        net.linkSwitch->ScheduleAttach(Seconds(30), "mag1");
    }
    Simulator::Schedule(at, [&]() {
        for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
        {
            if (Ptr<NdiscCache> cache = ipv6->GetInterface(i)->GetNdiscCache())
            {
                entries += cache->LookupInverse(net.mnMac).size();
            }
        }
    });
    Simulator::Stop(at + Seconds(1));
    Simulator::Run();
    Simulator::Destroy();
    Config::SetDefault("ns3::AccessRouterAgent::NeighborGcTime", TimeValue(Seconds(60)));
    return entries;
}

} // namespace

TEST(NeighborGc, DepartedNodeIsForgottenAfterGcTime)
{
    // ns-3 alone keeps the entry for good.
    EXPECT_GE(EntriesAtMag1(Seconds(0), false, Seconds(100)), 1u);
    EXPECT_GE(EntriesAtMag1(Seconds(60), false, Seconds(50)), 1u); // before the GC time
    EXPECT_EQ(EntriesAtMag1(Seconds(60), false, Seconds(100)), 0u);
}

TEST(NeighborGc, ReturningNodeKeepsItsEntries)
{
    EXPECT_GE(EntriesAtMag1(Seconds(60), true, Seconds(100)), 1u);
}

} // namespace test
} // namespace ns3
