/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// PrefixTable: the longest-prefix match on the mobility routing's per-packet path.
#include "ns3/prefix-table.h"

#include <algorithm>
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

TEST(PrefixTable, EveryLengthMatchesExactlyItsLeadingBits)
{
    // The table masks with a mask it computes once per length: it must agree with
    // Ipv6Prefix at every length, byte boundaries or not.
    uint8_t base[16] = {0x20,
                        0x01,
                        0x0d,
                        0xb8,
                        0xa5,
                        0x5a,
                        0xc3,
                        0x3c,
                        0x96,
                        0x69,
                        0xf0,
                        0x0f,
                        0x81,
                        0x18,
                        0x7e,
                        0xe7};
    auto flip = [&](uint32_t bit) {
        uint8_t b[16];
        std::copy(base, base + 16, b);
        b[bit / 8] ^= static_cast<uint8_t>(0x80 >> (bit % 8));
        return Ipv6Address(b);
    };
    for (uint32_t len = 0; len <= 128; ++len)
    {
        PrefixTable<uint32_t> t;
        t.Set(HomeNetworkPrefix::Make(Ipv6Address(base), static_cast<uint8_t>(len)), len);
        ASSERT_NE(t.Lookup(Ipv6Address(base)), nullptr) << "/" << len;
        for (uint32_t bit = 0; bit < 128; ++bit)
        {
            bool inside =
                Ipv6Prefix(static_cast<uint8_t>(len)).IsMatch(flip(bit), Ipv6Address(base));
            EXPECT_EQ(t.Lookup(flip(bit)) != nullptr, inside) << "/" << len << " bit " << bit;
            EXPECT_EQ(inside, bit >= len) << "/" << len << " bit " << bit;
        }
        auto entries = t.GetEntries();
        ASSERT_EQ(entries.size(), 1u);
        EXPECT_EQ(entries.begin()->first.prefix,
                  Ipv6Address(base).CombinePrefix(Ipv6Prefix(static_cast<uint8_t>(len))));
        EXPECT_TRUE(t.Erase(HomeNetworkPrefix::Make(flip(127), static_cast<uint8_t>(len))) ||
                    len == 128)
            << "host bits do not name another prefix below /128";
    }
}
