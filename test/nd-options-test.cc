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
