/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// PrefixTable: the longest-prefix match on the mobility routing's per-packet path.
#include "ns3/prefix-table.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{
HomeNetworkPrefix
P(const char* a, uint8_t len)
{
    return HomeNetworkPrefix::Make(Ipv6Address(a), len);
}
} // namespace

TEST(PrefixTable, LongestPrefixWins)
{
    PrefixTable<int> t;
    t.Set(P("2001:1::", 48), 48);
    t.Set(P("2001:1:0:5::", 64), 64);
    t.Set(P("2001:1:0:5::7", 128), 128);
    EXPECT_EQ(*t.Lookup(Ipv6Address("2001:1:0:5::7")), 128);
    EXPECT_EQ(*t.Lookup(Ipv6Address("2001:1:0:5::8")), 64);
    EXPECT_EQ(*t.Lookup(Ipv6Address("2001:1:0:6::1")), 48);
    EXPECT_EQ(t.Lookup(Ipv6Address("2001:2::1")), nullptr);
}

TEST(PrefixTable, SetReplacesAndEraseRemovesOnlyTheExactPrefix)
{
    PrefixTable<int> t;
    t.Set(P("2001:1:0:5::", 64), 1);
    t.Set(P("2001:1:0:5::99", 64), 2); // host bits ignored: same key
    EXPECT_EQ(t.GetSize(), 1u);
    EXPECT_EQ(*t.Lookup(Ipv6Address("2001:1:0:5::1")), 2);
    EXPECT_FALSE(t.Erase(P("2001:1:0:5::", 48)));
    EXPECT_TRUE(t.Erase(P("2001:1:0:5::", 64)));
    EXPECT_FALSE(t.Erase(P("2001:1:0:5::", 64)));
    EXPECT_EQ(t.Lookup(Ipv6Address("2001:1:0:5::1")), nullptr);
    EXPECT_EQ(t.GetSize(), 0u);
}

TEST(PrefixTable, TenThousandPrefixesEachFoundExactly)
{
    PrefixTable<uint32_t> t;
    auto prefix = [](uint32_t i) {
        uint8_t b[16] = {0x20, 0x01, 0, 1, 0, 0, uint8_t(i >> 8), uint8_t(i)};
        return HomeNetworkPrefix::Make(Ipv6Address(b), 64);
    };
    for (uint32_t i = 0; i < 10000; ++i)
    {
        t.Set(prefix(i), i);
    }
    EXPECT_EQ(t.GetSize(), 10000u);
    for (uint32_t i = 0; i < 10000; i += 37)
    {
        const uint32_t* v = t.Lookup(prefix(i).prefix);
        ASSERT_NE(v, nullptr);
        EXPECT_EQ(*v, i);
    }
    EXPECT_EQ(t.GetEntries().size(), 10000u);
}
