/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Neighbor Discovery options read from untrusted bytes (router solicitations at access
// routers, router advertisements at mobile nodes).
#include "ns3/nd-options.h"
#include "ns3/packet.h"

#include <gtest/gtest.h>
#include <random>

using namespace ns3;

namespace
{
Ptr<Packet>
Message(std::vector<uint8_t> bytes)
{
    return Create<Packet>(bytes.data(), bytes.size());
}

const std::vector<uint8_t> kRsBody{133, 0, 0, 0, 0, 0, 0, 0};
} // namespace

TEST(NdOptions, SourceLinkLayerAddressOfASolicitation)
{
    std::vector<uint8_t> rs = kRsBody;
    rs.insert(rs.end(), {1, 1, 0x02, 0, 0, 0, 0, 0x0f});
    auto options = NdOptions::Parse(Message(rs), 8);
    ASSERT_TRUE(options);
    ASSERT_TRUE(options->GetSourceLinkLayerAddress());
    EXPECT_EQ(*options->GetSourceLinkLayerAddress(), Mac48Address("02:00:00:00:00:0f"));
}

TEST(NdOptions, MalformedOptionsDiscardTheMessage)
{
    for (std::vector<uint8_t> tail : std::vector<std::vector<uint8_t>>{
             {1, 0, 2, 0, 0, 0, 0, 0}, // zero length
             {1, 2, 2, 0, 0, 0, 0, 0}, // length runs past the end
             {1},                      // a lone byte
         })
    {
        std::vector<uint8_t> rs = kRsBody;
        rs.insert(rs.end(), tail.begin(), tail.end());
        EXPECT_FALSE(NdOptions::Parse(Message(rs), 8)) << int(tail[0]) << " " << tail.size();
    }
    EXPECT_FALSE(NdOptions::Parse(Message({133, 0, 0}), 8)) << "shorter than the body";
}

TEST(NdOptions, WrongSizedOptionsAreIgnoredNotTrusted)
{
    std::vector<uint8_t> rs = kRsBody;
    // A 16-byte "link-layer address": not a MAC-48, so no address.
    rs.insert(rs.end(), {1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
    auto options = NdOptions::Parse(Message(rs), 8);
    ASSERT_TRUE(options);
    EXPECT_FALSE(options->GetSourceLinkLayerAddress());
}

TEST(NdOptions, PrefixInformationOfAnAdvertisement)
{
    std::vector<uint8_t> ra(16, 0);
    ra[0] = 134;
    std::vector<uint8_t> pio(32, 0);
    pio[0] = 3;
    pio[1] = 4;
    pio[2] = 64;
    pio[16] = 0x20;
    pio[17] = 0x01;
    pio[19] = 0x01;
    ra.insert(ra.end(), pio.begin(), pio.end());
    std::vector<uint8_t> bad = pio;
    bad[2] = 200; // prefix length over 128: ignored
    ra.insert(ra.end(), bad.begin(), bad.end());
    auto options = NdOptions::Parse(Message(ra), 16);
    ASSERT_TRUE(options);
    ASSERT_EQ(options->GetPrefixes().size(), 1u);
    EXPECT_EQ(options->GetPrefixes()[0], HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), 64));
}

TEST(NdOptions, RandomBytesNeverCrash)
{
    std::mt19937 rng(7);
    for (int i = 0; i < 5000; ++i)
    {
        std::vector<uint8_t> bytes(rng() % 80);
        for (auto& b : bytes)
        {
            b = rng() % 4 == 0 ? rng() % 5 : rng();
        }
        auto options = NdOptions::Parse(Message(bytes), 8);
        if (options)
        {
            options->GetSourceLinkLayerAddress();
            options->GetPrefixes();
        }
    }
    SUCCEED();
}

TEST(NdOptions, MapOptionOfAnAdvertisement)
{
    NdOptions::MapOption map;
    map.distance = 2;
    map.preference = 9;
    map.rFlag = true;
    map.validLifetime = 0x01020304;
    map.address = Ipv6Address("2001:db8:ff::1");
    auto option = NdOptions::BuildMapOption(map);
    ASSERT_EQ(option.size(), 24u);
    // RFC 5380 section 10.1: type 23, length 3, Dist|Pref, R flag, lifetime, address.
    EXPECT_EQ(option[0], 23);
    EXPECT_EQ(option[1], 3);
    EXPECT_EQ(option[2], 0x29);
    EXPECT_EQ(option[3], 0x80);
    EXPECT_EQ(option[4], 1);
    EXPECT_EQ(option[7], 4);

    std::vector<uint8_t> ra(16, 0);
    ra[0] = 134;
    ra.insert(ra.end(), option.begin(), option.end());
    NdOptions::MapOption second = map;
    second.rFlag = false;
    second.distance = 0x1f; // masked to 4 bits
    second.address = Ipv6Address("2001:db8:ff::2");
    auto option2 = NdOptions::BuildMapOption(second);
    ra.insert(ra.end(), option2.begin(), option2.end());
    auto options = NdOptions::Parse(Message(ra), 16);
    ASSERT_TRUE(options);
    auto maps = options->GetMapOptions();
    ASSERT_EQ(maps.size(), 2u);
    EXPECT_EQ(maps[0], map);
    EXPECT_FALSE(maps[1].rFlag);
    EXPECT_EQ(maps[1].distance, 0x0f);
    EXPECT_EQ(maps[1].address, Ipv6Address("2001:db8:ff::2"));
}

TEST(NdOptions, MalformedMapOptionsAreIgnored)
{
    NdOptions::MapOption map;
    map.address = Ipv6Address("2001:db8:ff::1");
    auto option = NdOptions::BuildMapOption(map);
    std::vector<uint8_t> ra(16, 0);
    ra[0] = 134;

    // Length 2 (16 octets): well-formed TLV, but not a MAP option.
    auto shortMap = ra;
    shortMap.insert(shortMap.end(), option.begin(), option.begin() + 16);
    shortMap[17] = 2;
    auto options = NdOptions::Parse(Message(shortMap), 16);
    ASSERT_TRUE(options);
    EXPECT_TRUE(options->GetMapOptions().empty());

    // A multicast MAP address.
    auto multicast = ra;
    multicast.insert(multicast.end(), option.begin(), option.end());
    multicast[16 + 8] = 0xff;
    options = NdOptions::Parse(Message(multicast), 16);
    ASSERT_TRUE(options);
    EXPECT_TRUE(options->GetMapOptions().empty());

    // Length 3 but only 16 octets present: the whole message is discarded.
    auto truncated = ra;
    truncated.insert(truncated.end(), option.begin(), option.begin() + 16);
    EXPECT_FALSE(NdOptions::Parse(Message(truncated), 16));
}

TEST(NdOptions, PrefixLifetimesAndPropertiesOfAnAdvertisement)
{
    // A DMA RA (seed 003 §4.2 step 4): a kept prefix, deprecated, and the MAR's own, each
    // described by a Prefix Properties option ([I-D.korhonen-dmm-prefix-properties]).
    std::vector<uint8_t> ra(16, 0);
    ra[0] = 134;
    std::vector<uint8_t> pio(32, 0);
    pio[0] = 3;
    pio[1] = 4;
    pio[2] = 64;
    pio[3] = 0xc0;
    pio[7] = 100; // valid 100 s, preferred 0
    Ipv6Address("2001:1:1::").Serialize(&pio[16]);
    ra.insert(ra.end(), pio.begin(), pio.end());
    pio[11] = 50; // preferred 50 s
    Ipv6Address("2001:1:3::").Serialize(&pio[16]);
    ra.insert(ra.end(), pio.begin(), pio.end());
    NdOptions::PrefixProperties kept{HomeNetworkPrefix::Make(Ipv6Address("2001:1:1::"), 64),
                                     NdOptions::PROPERTY_CONTINUITY};
    NdOptions::PrefixProperties local{HomeNetworkPrefix::Make(Ipv6Address("2001:1:3::"), 64),
                                      NdOptions::PROPERTY_LOCAL};
    for (const auto& pp : {kept, local})
    {
        auto bytes = NdOptions::BuildPrefixProperties(pp);
        ASSERT_EQ(bytes.size(), NdOptions::PREFIX_PROPERTIES_SIZE);
        ra.insert(ra.end(), bytes.begin(), bytes.end());
    }
    auto bad = NdOptions::BuildPrefixProperties(local);
    bad[2] = 129; // prefix length over 128: ignored, the message still valid
    ra.insert(ra.end(), bad.begin(), bad.end());
    auto options = NdOptions::Parse(Message(ra), 16);
    ASSERT_TRUE(options);
    auto info = options->GetPrefixInformation();
    ASSERT_EQ(info.size(), 2u);
    EXPECT_EQ(info[0].prefix, kept.prefix);
    EXPECT_EQ(info[0].flags, 0xc0);
    EXPECT_EQ(info[0].validLifetime, 100u);
    EXPECT_EQ(info[0].preferredLifetime, 0u);
    EXPECT_EQ(info[1].preferredLifetime, 50u);
    auto properties = options->GetPrefixProperties();
    ASSERT_EQ(properties.size(), 2u);
    EXPECT_EQ(properties[0], kept);
    EXPECT_EQ(properties[1], local);
}

TEST(NdOptions, MobilitySessionsListedInASolicitation)
{
    // Seed 003 §3.3 (1): the node lists each prefix it keeps with its anchor; options the
    // router cannot use (prefix length over 128, a non-unicast anchor) are skipped alone.
    std::vector<uint8_t> rs = kRsBody;
    rs.insert(rs.end(), {1, 1, 0x02, 0, 0, 0, 0, 0x0f});
    NdOptions::MobilitySession first{HomeNetworkPrefix::Make(Ipv6Address("2001:1:1::"), 64),
                                     Ipv6Address("2001:db8::1")};
    NdOptions::MobilitySession second{HomeNetworkPrefix::Make(Ipv6Address("2001:1:3::"), 64),
                                      Ipv6Address("2001:db8::3")};
    for (const auto& s : {first, second})
    {
        auto bytes = NdOptions::BuildMobilitySession(s);
        ASSERT_EQ(bytes.size(), NdOptions::MOBILITY_SESSION_SIZE);
        EXPECT_EQ(bytes[0], NdOptions::MOBILITY_SESSION_TYPE);
        rs.insert(rs.end(), bytes.begin(), bytes.end());
    }
    auto longPrefix = NdOptions::BuildMobilitySession(first);
    longPrefix[2] = 129;
    rs.insert(rs.end(), longPrefix.begin(), longPrefix.end());
    auto multicast = NdOptions::BuildMobilitySession({first.prefix, Ipv6Address("ff02::2")});
    rs.insert(rs.end(), multicast.begin(), multicast.end());
    auto options = NdOptions::Parse(Message(rs), 8);
    ASSERT_TRUE(options);
    EXPECT_TRUE(options->GetSourceLinkLayerAddress());
    auto sessions = options->GetMobilitySessions();
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_EQ(sessions[0], first);
    EXPECT_EQ(sessions[1], second);
    EXPECT_TRUE(options->GetPrefixProperties().empty()); // a distinct type
}
