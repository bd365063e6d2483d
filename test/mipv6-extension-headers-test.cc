/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The extension headers of MIPv6 (RFC 6275 sections 6.3 and 6.4): Home Address destination
// option and Type 2 Routing header, built and parsed from untrusted bytes; Mobility Header
// checksums when a Home Address option is present.
#include "ns3/binding-update.h"
#include "ns3/home-address-option-header.h"
#include "ns3/packet.h"
#include "ns3/type2-routing-header.h"

#include <gtest/gtest.h>
#include <random>
#include <vector>

using namespace ns3;
using HR = HomeAddressOptionHeader::ParseResult;
using RR = Type2RoutingHeader::ParseResult;

namespace
{

const Ipv6Address kHoa("2001:db8:1::100");
const Ipv6Address kCoa("2001:db8:2::200");
const Ipv6Address kCn("2001:db8:3::300");

template <class H>
std::vector<uint8_t>
Bytes(const H& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

std::vector<uint8_t>
HaoBytes()
{
    HomeAddressOptionHeader hao;
    hao.SetNextHeader(135);
    hao.SetHomeAddress(kHoa);
    return Bytes(hao);
}

/// A Destination Options header of 8 * (1 + extLen) octets with \p options after the two
/// fixed octets, padded with Pad1.
std::vector<uint8_t>
DestOpts(std::vector<uint8_t> options)
{
    std::vector<uint8_t> b{17, 0};
    b.insert(b.end(), options.begin(), options.end());
    while (b.size() % 8 != 0)
    {
        b.push_back(0);
    }
    b[1] = static_cast<uint8_t>(b.size() / 8 - 1);
    return b;
}

std::vector<uint8_t>
HaoOption(Ipv6Address a = kHoa)
{
    std::vector<uint8_t> o{201, 16};
    uint8_t buf[16];
    a.Serialize(buf);
    o.insert(o.end(), buf, buf + 16);
    return o;
}

/// RFC 8200 section 8.1 checksum, written independently of the module.
uint16_t
ReferenceChecksum(std::vector<uint8_t> upper, Ipv6Address src, Ipv6Address dst, uint8_t nh)
{
    upper[4] = upper[5] = 0;
    std::vector<uint8_t> buf(40, 0);
    src.Serialize(&buf[0]);
    dst.Serialize(&buf[16]);
    buf[34] = upper.size() >> 8;
    buf[35] = upper.size() & 0xff;
    buf[39] = nh;
    buf.insert(buf.end(), upper.begin(), upper.end());
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < buf.size(); i += 2)
    {
        sum += (buf[i] << 8) | buf[i + 1];
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return ~sum & 0xffff;
}

} // namespace

TEST(HomeAddressOptionHeader, WireLayout)
{
    auto b = HaoBytes();
    ASSERT_EQ(b.size(), 24u);
    EXPECT_EQ(b[0], 135);
    EXPECT_EQ(b[1], 2);
    // PadN of 2 data octets, then the option at 8n+6.
    EXPECT_EQ(b[2], 1);
    EXPECT_EQ(b[3], 2);
    EXPECT_EQ(b[6], 201);
    EXPECT_EQ(b[7], 16);
    EXPECT_EQ(Ipv6Address::Deserialize(&b[8]), kHoa);
    EXPECT_EQ(HomeAddressOptionHeader::PROT_NUMBER, 60);
}

TEST(HomeAddressOptionHeader, RoundTripLeavesThePayload)
{
    HomeAddressOptionHeader hao;
    hao.SetNextHeader(17);
    hao.SetHomeAddress(kHoa);
    Ptr<Packet> p = Create<Packet>(10);
    p->AddHeader(hao);
    ASSERT_EQ(HomeAddressOptionHeader::Parse(p), HR::OK);
    HomeAddressOptionHeader rx;
    p->RemoveHeader(rx);
    EXPECT_EQ(rx.GetParseResult(), HR::OK);
    EXPECT_EQ(rx.GetNextHeader(), 17);
    EXPECT_EQ(rx.GetHomeAddress(), kHoa);
    EXPECT_EQ(rx.GetHeaderLength(), 24u);
    EXPECT_EQ(p->GetSize(), 10u);
}

TEST(HomeAddressOptionHeader, ParseSkipsPaddingAndSkippableOptions)
{
    HomeAddressOptionHeader out;
    // Pad1, an unknown option with action bits 00 (type 0x1e), PadN, then the HAO.
    std::vector<uint8_t> opts{0, 0x1e, 3, 9, 9, 9, 1, 1, 0};
    auto hao = HaoOption();
    opts.insert(opts.end(), hao.begin(), hao.end());
    auto b = DestOpts(opts);
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size(), &out), HR::OK);
    EXPECT_EQ(out.GetHomeAddress(), kHoa);
    EXPECT_EQ(out.GetNextHeader(), 17);
    EXPECT_EQ(out.GetHeaderLength(), b.size());
    // The router alert option (type 5, action 00) is skipped too.
    b = DestOpts({5, 2, 0, 0});
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size()), HR::NO_HOME_ADDRESS_OPTION);
}

TEST(HomeAddressOptionHeader, ParseNamesEveryProblem)
{
    HomeAddressOptionHeader out;
    auto good = HaoBytes();
    for (uint32_t cut = 0; cut < good.size(); ++cut)
    {
        EXPECT_EQ(HomeAddressOptionHeader::Parse(good.data(), cut), HR::TRUNCATED) << cut;
    }
    EXPECT_EQ(HomeAddressOptionHeader::Parse(nullptr, 0), HR::TRUNCATED);

    // An option running past the header end.
    auto overrun = DestOpts({1, 10});
    EXPECT_EQ(HomeAddressOptionHeader::Parse(overrun.data(), overrun.size(), &out), HR::BAD_LENGTH);
    EXPECT_EQ(out.GetErrorOffset(), 2u);
    // HAO of the wrong length, twice, or with a multicast address.
    auto shortHao = DestOpts({201, 4, 0, 0, 0, 0});
    EXPECT_EQ(HomeAddressOptionHeader::Parse(shortHao.data(), shortHao.size()), HR::BAD_OPTION);
    auto twice = HaoOption();
    auto second = HaoOption();
    twice.insert(twice.end(), second.begin(), second.end());
    auto b = DestOpts(twice);
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size()), HR::BAD_OPTION);
    b = DestOpts(HaoOption(Ipv6Address("ff02::1")));
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size()), HR::BAD_OPTION);

    // Unknown options whose action bits say discard (RFC 8200 section 4.2).
    b = DestOpts({0x5e, 0});
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size()), HR::UNRECOGNIZED_OPTION_DISCARD);
    b = DestOpts({1, 0, 0x9e, 0});
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size(), &out),
              HR::UNRECOGNIZED_OPTION_ICMP);
    EXPECT_EQ(out.GetErrorOffset(), 4u);
    b = DestOpts({0xde, 0});
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size()), HR::UNRECOGNIZED_OPTION_ICMP);
    b = DestOpts({});
    EXPECT_EQ(HomeAddressOptionHeader::Parse(b.data(), b.size()), HR::NO_HOME_ADDRESS_OPTION);
    EXPECT_EQ(HomeAddressOptionHeader::ParseResultToString(HR::NO_HOME_ADDRESS_OPTION),
              "NO_HOME_ADDRESS_OPTION");
}

TEST(HomeAddressOptionHeader, DeserializeOfTruncatedOrMalformedBytesDoesNotAssert)
{
    auto b = HaoBytes();
    b.resize(20);
    Ptr<Packet> p = Create<Packet>(b.data(), b.size());
    HomeAddressOptionHeader rx;
    EXPECT_EQ(p->RemoveHeader(rx), 0u);
    EXPECT_EQ(rx.GetParseResult(), HR::TRUNCATED);
    EXPECT_EQ(p->GetSize(), 20u);

    std::mt19937 rng(5);
    for (int i = 0; i < 2000; ++i)
    {
        std::vector<uint8_t> r(rng() % 40);
        for (auto& x : r)
        {
            x = rng() % 4 == 0 ? 201 : rng();
        }
        Ptr<Packet> q = Create<Packet>(r.data(), r.size());
        HomeAddressOptionHeader h;
        q->RemoveHeader(h);
        Type2RoutingHeader t;
        Create<Packet>(r.data(), r.size())->RemoveHeader(t);
    }
}

TEST(Type2RoutingHeader, WireLayoutAndRoundTrip)
{
    Type2RoutingHeader rh;
    rh.SetNextHeader(17);
    rh.SetHomeAddress(kHoa);
    auto b = Bytes(rh);
    ASSERT_EQ(b.size(), 24u);
    EXPECT_EQ(b[0], 17);
    EXPECT_EQ(b[1], 2);
    EXPECT_EQ(b[2], 2);
    EXPECT_EQ(b[3], 1);
    EXPECT_EQ(b[4] | b[5] | b[6] | b[7], 0);
    EXPECT_EQ(Ipv6Address::Deserialize(&b[8]), kHoa);

    Ptr<Packet> p = Create<Packet>(b.data(), b.size());
    p->AddAtEnd(Create<Packet>(8));
    Type2RoutingHeader rx;
    p->RemoveHeader(rx);
    EXPECT_EQ(rx.GetParseResult(), RR::OK);
    EXPECT_EQ(rx.GetNextHeader(), 17);
    EXPECT_EQ(rx.GetSegmentsLeft(), 1);
    EXPECT_EQ(rx.GetHomeAddress(), kHoa);
    EXPECT_EQ(p->GetSize(), 8u);
}

TEST(Type2RoutingHeader, ParseNamesEveryProblem)
{
    Type2RoutingHeader rh;
    rh.SetHomeAddress(kHoa);
    auto good = Bytes(rh);
    EXPECT_EQ(Type2RoutingHeader::Parse(good.data(), good.size()), RR::OK);
    for (uint32_t cut = 0; cut < good.size(); ++cut)
    {
        EXPECT_EQ(Type2RoutingHeader::Parse(good.data(), cut), RR::TRUNCATED) << cut;
    }
    auto b = good;
    b[2] = 0; // a type 0 routing header
    EXPECT_EQ(Type2RoutingHeader::Parse(b.data(), b.size()), RR::WRONG_TYPE);
    b = good;
    b[1] = 1; // 16 octets
    EXPECT_EQ(Type2RoutingHeader::Parse(b.data(), b.size()), RR::BAD_LENGTH);
    b = good;
    b[3] = 0;
    EXPECT_EQ(Type2RoutingHeader::Parse(b.data(), b.size()), RR::BAD_SEGMENTS_LEFT);
    b[3] = 2;
    EXPECT_EQ(Type2RoutingHeader::Parse(b.data(), b.size()), RR::BAD_SEGMENTS_LEFT);
    b = good;
    b[8] = 0xff;
    EXPECT_EQ(Type2RoutingHeader::Parse(b.data(), b.size()), RR::BAD_HOME_ADDRESS);
    EXPECT_EQ(Type2RoutingHeader::Parse(Ptr<const Packet>()), RR::TRUNCATED);
}

TEST(HomeAddressOptionHeader, MobilityHeaderChecksumUsesTheHomeAddress)
{
    // RFC 6275 section 6.1.1: with a Home Address option, the pseudo-header source is the
    // home address although the IPv6 source is the care-of address.
    BindingUpdate bu;
    bu.SetSequence(3);
    bu.SetHomeRegistration(true);
    bu.InitializeChecksum(kHoa, kCn);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(bu);
    std::vector<uint8_t> mh(p->GetSize());
    p->CopyData(mh.data(), mh.size());
    uint16_t sent = (mh[4] << 8) | mh[5];
    EXPECT_EQ(sent, ReferenceChecksum(mh, kHoa, kCn, 135));

    HomeAddressOptionHeader hao;
    hao.SetNextHeader(135);
    hao.SetHomeAddress(kHoa);
    p->AddHeader(hao);

    // The receiver strips the option and verifies with the home address.
    HomeAddressOptionHeader rxHao;
    p->RemoveHeader(rxHao);
    ASSERT_EQ(rxHao.GetParseResult(), HR::OK);
    EXPECT_EQ(MobilityHeader::Validate(p, rxHao.GetHomeAddress(), kCn),
              MobilityHeader::ParseResult::OK);
    EXPECT_EQ(MobilityHeader::Validate(p, kCoa, kCn), MobilityHeader::ParseResult::BAD_CHECKSUM);
    BindingUpdate rx;
    rx.InitializeChecksum(rxHao.GetHomeAddress(), kCn);
    p->RemoveHeader(rx);
    EXPECT_TRUE(rx.IsChecksumOk());
    EXPECT_EQ(rx.GetSequence(), 3);
}
