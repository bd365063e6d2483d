/*
 * dmm: IP mobility management for ns-3.
 *
 * Unit tests of LocationCache (locators with time-outs, longest-prefix match).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/core-module.h"
#include "ns3/location-cache.h"

#include <gtest/gtest.h>
#include <optional>

using namespace ns3;

namespace
{

const Ipv6Address kL1("2001:100::1");
const Ipv6Address kL2("2001:200::1");

HomeNetworkPrefix
Hnp(const char* address, uint8_t length = 64)
{
    HomeNetworkPrefix p;
    p.prefix = Ipv6Address(address);
    p.length = length;
    return p;
}

class LocationCacheTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        lc = CreateObject<LocationCache>();
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    template <typename F>
    void At(Time t, F f)
    {
        Simulator::Schedule(t - Simulator::Now(), f);
    }

    /// Look \p a up at time \p t into \p out.
    void LookupAt(Time t, const char* a, std::optional<Ipv6Address>* out)
    {
        Ipv6Address address(a);
        At(t, [this, address, out]() { *out = lc->Lookup(address); });
    }

    Ptr<LocationCache> lc;
};

} // namespace

TEST_F(LocationCacheTest, HitAndMiss)
{
    lc->Insert(Hnp("2001:1:0:1::"), kL1);
    EXPECT_EQ(lc->Lookup(Ipv6Address("2001:1:0:1::5")), kL1);
    EXPECT_FALSE(lc->Lookup(Ipv6Address("2001:2::1")).has_value());
    EXPECT_EQ(lc->GetStats().hits, 1U);
    EXPECT_EQ(lc->GetStats().misses, 1U);
    EXPECT_EQ(lc->GetStats().inserted, 1U);
    EXPECT_EQ(lc->GetSize(), 1U);
}

TEST_F(LocationCacheTest, LongestPrefixMatchWins)
{
    lc->Insert(Hnp("2001:1::", 48), kL1);
    lc->Insert(Hnp("2001:1:0:7::99", 64), kL2); // host bits are ignored
    EXPECT_EQ(lc->Lookup(Ipv6Address("2001:1:0:7::1")), kL2);
    EXPECT_EQ(lc->Lookup(Ipv6Address("2001:1:0:8::1")), kL1);
    EXPECT_TRUE(lc->Remove(Hnp("2001:1:0:7::", 64)));
    EXPECT_FALSE(lc->Remove(Hnp("2001:1:0:7::", 64)));
    EXPECT_EQ(lc->Lookup(Ipv6Address("2001:1:0:7::1")), kL1);
    lc->Flush();
    EXPECT_EQ(lc->GetSize(), 0U);
    EXPECT_FALSE(lc->Lookup(Ipv6Address("2001:1:0:7::1")).has_value());
}

TEST_F(LocationCacheTest, EntryTimesOutAtExactlyTimeout)
{
    std::optional<Ipv6Address> before;
    std::optional<Ipv6Address> atTimeout = kL2;
    std::size_t sizeBefore = 0;
    std::size_t sizeAt = 99;
    int expiredTraces = 0;
    lc->TraceConnectWithoutContext("EntryExpired",
                                   MakeBoundCallback(
                                       +[](int* n, const HomeNetworkPrefix&, Ipv6Address) { ++*n; },
                                       &expiredTraces));
    At(Seconds(1), [&]() { lc->Insert(Hnp("2001:1:0:1::"), kL1); }); // default Timeout 10 s
    At(Seconds(11) - NanoSeconds(1), [&]() { sizeBefore = lc->GetSize(); });
    LookupAt(Seconds(11) - NanoSeconds(1), "2001:1:0:1::5", &before);
    At(Seconds(11), [&]() { sizeAt = lc->GetSize(); });
    LookupAt(Seconds(11), "2001:1:0:1::5", &atTimeout);
    Simulator::Run();
    EXPECT_EQ(before, kL1);
    EXPECT_FALSE(atTimeout.has_value());
    EXPECT_EQ(sizeBefore, 1U);
    EXPECT_EQ(sizeAt, 0U);
    EXPECT_EQ(lc->GetStats().hits, 1U); // the expired lookup is not a hit
    EXPECT_EQ(lc->GetStats().expired, 1U);
    EXPECT_EQ(lc->GetStats().misses, 1U);
    EXPECT_EQ(expiredTraces, 1);
}

TEST_F(LocationCacheTest, ReinsertRefreshesTheTimeout)
{
    lc->SetAttribute("Timeout", TimeValue(Seconds(5)));
    std::optional<Ipv6Address> afterFirstEnd;
    std::optional<Ipv6Address> afterSecondEnd = kL1;
    At(Seconds(1), [&]() { lc->Insert(Hnp("2001:1:0:1::"), kL1); });
    At(Seconds(4), [&]() { lc->Insert(Hnp("2001:1:0:1::"), kL2); }); // moved, restarts 5 s
    LookupAt(Seconds(7), "2001:1:0:1::5", &afterFirstEnd);
    LookupAt(Seconds(9), "2001:1:0:1::5", &afterSecondEnd);
    Simulator::Run();
    EXPECT_EQ(afterFirstEnd, kL2);
    EXPECT_FALSE(afterSecondEnd.has_value());
    EXPECT_EQ(lc->GetStats().inserted, 2U);
    EXPECT_EQ(lc->GetStats().expired, 1U);
}

TEST_F(LocationCacheTest, ExpiredLongerPrefixFallsBackToALiveShorterOne)
{
    std::optional<Ipv6Address> result;
    At(Seconds(1), [&]() { lc->Insert(Hnp("2001:1:0:1::"), kL2); });
    At(Seconds(8), [&]() { lc->Insert(Hnp("2001:1::", 48), kL1); });
    LookupAt(Seconds(12), "2001:1:0:1::5", &result);
    Simulator::Run();
    EXPECT_EQ(result, kL1);
    EXPECT_EQ(lc->GetStats().expired, 1U);
    EXPECT_EQ(lc->GetStats().hits, 1U);
}

TEST_F(LocationCacheTest, PurgeErasesDeadEntriesAndZeroTimeoutNeverExpires)
{
    std::size_t purged = 0;
    At(Seconds(1), [&]() {
        lc->Insert(Hnp("2001:1:0:1::"), kL1);
        lc->Insert(Hnp("2001:1:0:2::"), kL1);
    });
    At(Seconds(20), [&]() {
        purged = lc->Purge();
        lc->SetAttribute("Timeout", TimeValue(Seconds(0)));
        lc->Insert(Hnp("2001:1:0:3::"), kL2);
    });
    std::optional<Ipv6Address> muchLater;
    LookupAt(Seconds(1000), "2001:1:0:3::1", &muchLater);
    Simulator::Run();
    EXPECT_EQ(purged, 2U);
    EXPECT_EQ(lc->GetStats().expired, 2U);
    EXPECT_EQ(muchLater, kL2);
}
