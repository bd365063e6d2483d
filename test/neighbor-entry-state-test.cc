/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Regression test of issue 14's start-up crash: a neighbour entry that an access router
// creates on a Router Solicitation must get a state before anything reads it.
#include "pmipv6-fixture.h"

#include <cstdint>
#include <cstdlib>
#include <gtest/gtest.h>
#include <new>

namespace
{

/// While set, new memory the size of an NdiscCache::Entry holds REACHABLE in every 32-bit
/// word, as heap memory reused after a freed REACHABLE entry can at city scale.
bool g_poisonEntries = false;

} // namespace

// Replaces the global allocator of this test binary (the library's NdiscCache::Add uses it
// too); outside the poisoned window it is plain malloc.
void*
operator new(std::size_t size)
{
    void* p = std::malloc(size ? size : 1);
    if (!p)
    {
        throw std::bad_alloc();
    }
    if (g_poisonEntries && size == sizeof(ns3::NdiscCache::Entry))
    {
        auto* words = static_cast<uint32_t*>(p);
        for (std::size_t i = 0; i < size / sizeof(uint32_t); ++i)
        {
            words[i] = ns3::NdiscCache::Entry::REACHABLE;
        }
    }
    return p;
}

// The nothrow form as well (std::stable_sort's buffer uses it): under the sanitizers their
// own nothrow new would otherwise hand out memory that the delete above frees with free.
void*
operator new(std::size_t size, const std::nothrow_t&) noexcept
{
    return std::malloc(size ? size : 1);
}

void
operator delete(void* p) noexcept
{
    std::free(p);
}

void
operator delete(void* p, const std::nothrow_t&) noexcept
{
    std::free(p);
}

void
operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}

namespace ns3
{
namespace test
{

/// The first RS of a host creates a STALE entry (RFC 4861 §6.2.6) whatever the memory held.
TEST(NeighborEntryState, EntryCreatedBySolicitationIsStaleEvenInReusedMemory)
{
    Pmipv6Network net;
    Ptr<Ipv6L3Protocol> ipv6 = net.mag[0]->GetObject<Ipv6L3Protocol>();
    int solicitations = 0;
    bool reachable = false;
    bool stale = false;
    net.magAgent[0]->TraceConnectWithoutContext(
        "RouterSolicitation",
        Callback<void, uint32_t, Ipv6Address, Mac48Address>(
            [&](uint32_t interface, Ipv6Address peer, Mac48Address) {
                NdiscCache::Entry* entry =
                    ipv6->GetInterface(interface)->GetNdiscCache()->Lookup(peer);
                if (solicitations++ == 0 && entry)
                {
                    reachable = entry->IsReachable();
                    stale = entry->IsStale();
                }
                if (reachable)
                {
                    // REACHABLE without a NUD timer function: the host's next packet would
                    // crash in NdiscCache::Entry::UpdateReachableTimer.
                    Simulator::Stop();
                }
            }));
    g_poisonEntries = true;
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    g_poisonEntries = false;
    Time end = Simulator::Now();
    Simulator::Destroy();

    ASSERT_GE(solicitations, 1);
    EXPECT_FALSE(reachable);
    EXPECT_TRUE(stale);
    // The host kept talking to its router (DAD, RS, data) without a crash.
    EXPECT_EQ(end, Seconds(5));
}

} // namespace test
} // namespace ns3
