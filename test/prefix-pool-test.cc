/*
 * dmm: IP mobility management for ns-3.
 *
 * Unit tests of HomeNetworkPrefix and PrefixPoolAllocation.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/core-module.h"
#include "ns3/prefix-pool-allocation.h"

#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

HomeNetworkPrefix
Hnp(const char* address, uint8_t length)
{
    HomeNetworkPrefix p;
    p.prefix = Ipv6Address(address);
    p.length = length;
    return p;
}

Ptr<PrefixPoolAllocation>
MakePool(const char* pool, uint8_t poolLength, uint8_t allocatedLength, uint32_t maxPrefixes = 0)
{
    Ptr<PrefixPoolAllocation> a = CreateObject<PrefixPoolAllocation>();
    a->SetAttribute("PoolPrefix", Ipv6AddressValue(Ipv6Address(pool)));
    a->SetAttribute("PoolPrefixLength", UintegerValue(poolLength));
    a->SetAttribute("AllocatedPrefixLength", UintegerValue(allocatedLength));
    a->SetAttribute("MaxPrefixes", UintegerValue(maxPrefixes));
    return a;
}

} // namespace

TEST(HomeNetworkPrefix, ContainsComparesOnlyThePrefixBits)
{
    HomeNetworkPrefix p = Hnp("2001:1:0:3::", 64);
    EXPECT_TRUE(p.Contains(Ipv6Address("2001:1:0:3::1")));
    EXPECT_TRUE(p.Contains(Ipv6Address("2001:1:0:3:ffff:ffff:ffff:ffff")));
    EXPECT_FALSE(p.Contains(Ipv6Address("2001:1:0:4::1")));
    EXPECT_TRUE(Hnp("2001:1::", 48).Contains(p));
    EXPECT_FALSE(p.Contains(Hnp("2001:1::", 48)));
    EXPECT_EQ(p.ToString(), "2001:1:0:3::/64");
}

TEST(HomeNetworkPrefix, MakeClearsHostBitsAndOrderIsStrict)
{
    HomeNetworkPrefix p = HomeNetworkPrefix::Make(Ipv6Address("2001:1:0:3::99"), 64);
    EXPECT_EQ(p, Hnp("2001:1:0:3::", 64));
    EXPECT_NE(p, Hnp("2001:1:0:3::", 56));
    EXPECT_TRUE(Hnp("2001:1:0:3::", 56) < Hnp("2001:1:0:3::", 64));
    EXPECT_FALSE(Hnp("2001:1:0:3::", 64) < Hnp("2001:1:0:3::", 56));
    EXPECT_TRUE(Hnp("2001:1:0:2::", 64) < Hnp("2001:1:0:3::", 64));
    EXPECT_FALSE(p < p);
}

TEST(PrefixPool, AllocatesLowestIndexFirstInADeterministicOrder)
{
    auto pool = MakePool("2001:1::", 48, 64);
    EXPECT_EQ(*pool->Allocate("mn-a"), Hnp("2001:1::", 64));
    EXPECT_EQ(*pool->Allocate("mn-b"), Hnp("2001:1:0:1::", 64));
    EXPECT_EQ(*pool->Allocate("mn-c"), Hnp("2001:1:0:2::", 64));
    EXPECT_EQ(pool->GetStats().allocated, 3U);
    // A second pool with the same attributes hands out the same sequence.
    auto again = MakePool("2001:1::", 48, 64);
    EXPECT_EQ(*again->Allocate("x"), Hnp("2001:1::", 64));
    EXPECT_EQ(*again->Allocate("y"), Hnp("2001:1:0:1::", 64));
}

TEST(PrefixPool, IndexBitsSitJustAboveTheAllocatedLength)
{
    auto pool = MakePool("2001:1::", 48, 56);
    pool->Allocate("a");
    EXPECT_EQ(*pool->Allocate("b"), Hnp("2001:1:0:100::", 56));
    EXPECT_EQ(*pool->GetPrefixAt(255), Hnp("2001:1:0:ff00::", 56));
    EXPECT_FALSE(pool->GetPrefixAt(256).has_value());
}

TEST(PrefixPool, SameMobileNodeGetsTheSamePrefix)
{
    auto pool = MakePool("2001:1::", 48, 64);
    auto first = pool->Allocate("mn-a");
    pool->Allocate("mn-b");
    auto second = pool->Allocate("mn-a");
    ASSERT_TRUE(first && second);
    EXPECT_EQ(*first, *second);
    EXPECT_EQ(*pool->Lookup("mn-a"), *first);
    EXPECT_EQ(pool->GetStats().allocated, 2U);
    EXPECT_EQ(pool->GetAllocatedCount(), 2U);
    EXPECT_FALSE(pool->Lookup("mn-z").has_value());
}

TEST(PrefixPool, ExhaustionByMaxPrefixesReturnsNulloptAndCounts)
{
    auto pool = MakePool("2001:1::", 48, 64, 2);
    std::vector<std::string> refused;
    pool->TraceConnectWithoutContext(
        "Exhausted",
        MakeBoundCallback(
            +[](std::vector<std::string>* v, const std::string& mn) { v->push_back(mn); },
            &refused));
    EXPECT_TRUE(pool->Allocate("a").has_value());
    EXPECT_TRUE(pool->Allocate("b").has_value());
    EXPECT_FALSE(pool->Allocate("c").has_value());
    EXPECT_FALSE(pool->Allocate("d").has_value());
    EXPECT_EQ(pool->GetStats().exhausted, 2U);
    EXPECT_EQ(pool->GetStats().allocated, 2U);
    EXPECT_EQ(refused, (std::vector<std::string>{"c", "d"}));
    // Already allocated MNs still get theirs.
    EXPECT_TRUE(pool->Allocate("a").has_value());
}

TEST(PrefixPool, ASlash62PoolHoldsFourSlash64s)
{
    auto pool = MakePool("2001:1::", 62, 64);
    EXPECT_EQ(pool->GetCapacity(), 4U);
    EXPECT_EQ(*pool->Allocate("a"), Hnp("2001:1::", 64));
    EXPECT_EQ(*pool->Allocate("b"), Hnp("2001:1:0:1::", 64));
    EXPECT_EQ(*pool->Allocate("c"), Hnp("2001:1:0:2::", 64));
    EXPECT_EQ(*pool->Allocate("d"), Hnp("2001:1:0:3::", 64));
    EXPECT_FALSE(pool->Allocate("e").has_value());
    EXPECT_EQ(pool->GetStats().exhausted, 1U);
}

TEST(PrefixPool, ReleasedPrefixesAreReusedLowestFirst)
{
    auto pool = MakePool("2001:1::", 62, 64);
    int released = 0;
    pool->TraceConnectWithoutContext(
        "Released",
        MakeBoundCallback(
            +[](int* n, const std::string&, const HomeNetworkPrefix&) { ++*n; },
            &released));
    for (const char* mn : {"a", "b", "c", "d"})
    {
        pool->Allocate(mn);
    }
    EXPECT_TRUE(pool->Release("c"));
    EXPECT_TRUE(pool->Release("a"));
    EXPECT_FALSE(pool->Release("a"));
    EXPECT_FALSE(pool->Release("nobody"));
    EXPECT_EQ(released, 2);
    EXPECT_EQ(pool->GetStats().released, 2U);
    EXPECT_FALSE(pool->Lookup("a").has_value());
    EXPECT_EQ(*pool->Allocate("e"), Hnp("2001:1::", 64));
    EXPECT_EQ(*pool->Allocate("f"), Hnp("2001:1:0:2::", 64));
    EXPECT_FALSE(pool->Allocate("g").has_value());
    // Releasing the highest index, then more: still lowest-first.
    EXPECT_TRUE(pool->Release("d"));
    EXPECT_TRUE(pool->Release("b"));
    EXPECT_EQ(*pool->Allocate("h"), Hnp("2001:1:0:1::", 64));
    EXPECT_EQ(*pool->Allocate("i"), Hnp("2001:1:0:3::", 64));
}

TEST(PrefixPool, AReleasedPrefixWaitsForTheReuseDelay)
{
    // A node may hold a released prefix's address for the lifetime it was advertised with
    // (RFC 4862 §5.5.4): the pool hands it out again only after ReuseDelay.
    auto pool = MakePool("2001:1::", 62, 64);
    pool->SetAttribute("ReuseDelay", TimeValue(Seconds(10)));
    std::vector<HomeNetworkPrefix> got;
    auto allocate = [&](const char* mn) {
        std::optional<HomeNetworkPrefix> p = pool->Allocate(mn);
        got.push_back(p ? *p : Hnp("::", 0));
    };
    Simulator::Schedule(Seconds(1), [&]() {
        allocate("a"); // index 0
        allocate("b"); // index 1
        pool->Release("a");
        pool->Release("b"); // the highest: the high-water mark falls only once it is free
        allocate("c");      // 0 and 1 cool down: index 2
        allocate("d");      // index 3; the /62 holds four
        allocate("e");      // none free: refused
    });
    Simulator::Schedule(Seconds(10.999), [&]() { allocate("f"); }); // still cooling
    Simulator::Schedule(Seconds(11), [&]() {
        allocate("g"); // 0 and 1 free again: lowest first
        allocate("h");
    });
    Simulator::Run();
    Simulator::Destroy();
    std::vector<HomeNetworkPrefix> expected{Hnp("2001:1::", 64),
                                            Hnp("2001:1:0:1::", 64),
                                            Hnp("2001:1:0:2::", 64),
                                            Hnp("2001:1:0:3::", 64),
                                            Hnp("::", 0),
                                            Hnp("::", 0),
                                            Hnp("2001:1::", 64),
                                            Hnp("2001:1:0:1::", 64)};
    EXPECT_EQ(got, expected);
}

TEST(PrefixPool, AggregateAndIsAnchoredCoverThePool)
{
    auto pool = MakePool("2001:1::7", 48, 64);
    EXPECT_EQ(pool->GetAggregate(), Hnp("2001:1::", 48));
    EXPECT_TRUE(pool->IsAnchored(Ipv6Address("2001:1:0:5::1")));
    EXPECT_TRUE(pool->IsAnchored(Ipv6Address("2001:1:0:ffff::1")));
    EXPECT_FALSE(pool->IsAnchored(Ipv6Address("2001:2::1")));
    auto p = pool->Allocate("a");
    ASSERT_TRUE(p);
    EXPECT_TRUE(pool->GetAggregate().Contains(*p));
}

TEST(PrefixPool, BadInputIsRefusedWithoutCrashing)
{
    auto pool = MakePool("2001:1::", 48, 64);
    EXPECT_FALSE(pool->Allocate("").has_value());
    EXPECT_EQ(pool->GetStats().invalidRequests, 1U);
    EXPECT_EQ(pool->GetStats().allocated, 0U);

    auto inverted = MakePool("2001:1::", 48, 32);
    EXPECT_FALSE(inverted->CheckConfiguration().empty());
    EXPECT_EQ(inverted->GetCapacity(), 0U);
    EXPECT_FALSE(inverted->Allocate("a").has_value());
    EXPECT_TRUE(MakePool("2001:1::", 48, 64)->CheckConfiguration().empty());
}

TEST(PrefixPool, TypeIdCreatesTheModeByName)
{
    ObjectFactory f;
    f.SetTypeId("ns3::PrefixPoolAllocation");
    f.Set("PoolPrefix", Ipv6AddressValue(Ipv6Address("2001:5::")));
    Ptr<HomeAddressAllocation> haa = f.Create<HomeAddressAllocation>();
    ASSERT_TRUE(haa);
    EXPECT_EQ(*haa->Allocate("a"), Hnp("2001:5::", 64));
}
