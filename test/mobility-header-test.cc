/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Mobility Header wire format: PBU/PBA round trips, lengths and option alignment,
// checksum, validation of malformed input, robustness against random bytes.
#include "ns3/core-module.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-option.h"
#include "ns3/network-module.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"

#include <gtest/gtest.h>
#include <map>
#include <random>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address kSrc("2001:470:1::1");
const Ipv6Address kDst("2001:470:2::2");

void
FillAllOptions(MobilityOptions& o)
{
    o.SetMobileNodeIdentifier("mn1@dmm.example");
    o.AddHomeNetworkPrefix(Ipv6Address("2001:470:a::"), 64);
    o.AddHomeNetworkPrefix(Ipv6Address("2001:470:b::"), 48);
    o.SetHandoffIndicator(3);
    o.SetAccessTechnologyType(4);
    o.SetTimestamp(0x0000123456789abcULL);
    o.SetMobileNodeLinkLayerIdentifier({0x00, 0x11, 0x22, 0x33, 0x44, 0x55});
    o.SetLinkLocalAddress(Ipv6Address("fe80::1"));
}

ProxyBindingUpdate
MakePbu()
{
    ProxyBindingUpdate pbu;
    pbu.SetSequence(4711);
    pbu.SetLifetime(Seconds(3600));
    FillAllOptions(pbu.GetOptions());
    return pbu;
}

std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

Ptr<Packet>
FromBytes(const std::vector<uint8_t>& b)
{
    return Create<Packet>(b.data(), b.size());
}

/// Checksum written independently of the module: RFC 2460 section 8.1 pseudo-header.
uint16_t
ReferenceChecksum(std::vector<uint8_t> mh, Ipv6Address src, Ipv6Address dst)
{
    mh[4] = 0;
    mh[5] = 0;
    std::vector<uint8_t> buf(40, 0);
    src.Serialize(&buf[0]);
    dst.Serialize(&buf[16]);
    uint32_t len = mh.size();
    buf[32] = len >> 24;
    buf[33] = len >> 16;
    buf[34] = len >> 8;
    buf[35] = len;
    buf[39] = 135;
    buf.insert(buf.end(), mh.begin(), mh.end());
    if (buf.size() % 2)
    {
        buf.push_back(0);
    }
    uint64_t sum = 0;
    for (size_t i = 0; i < buf.size(); i += 2)
    {
        sum += (buf[i] << 8) | buf[i + 1];
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<uint16_t>(~sum);
}

/// Offset of the first option after the 12 octets of BU/BA common header + data.
constexpr size_t kOptionsStart = 12;

/// Walk the options: (offset, type, length), padding included.
std::vector<std::tuple<size_t, uint8_t, uint8_t>>
WalkOptions(const std::vector<uint8_t>& b)
{
    std::vector<std::tuple<size_t, uint8_t, uint8_t>> out;
    size_t pos = kOptionsStart;
    while (pos < b.size())
    {
        if (b[pos] == 0)
        {
            out.emplace_back(pos, 0, 0);
            ++pos;
            continue;
        }
        out.emplace_back(pos, b[pos], b[pos + 1]);
        pos += 2 + b[pos + 1];
    }
    EXPECT_EQ(pos, b.size()) << "options must end exactly at the end of the message";
    return out;
}

} // namespace

TEST(MobilityHeader, PbuRoundTripWithEveryOption)
{
    ProxyBindingUpdate pbu = MakePbu();
    pbu.SetHomeRegistration(true);
    pbu.SetMobileRouter(true);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(pbu);
    EXPECT_EQ(p->GetSize(), pbu.GetSerializedSize());

    ProxyBindingUpdate rx;
    uint32_t n = p->RemoveHeader(rx);
    EXPECT_EQ(n, pbu.GetSerializedSize());
    EXPECT_EQ(p->GetSize(), 0u);
    EXPECT_EQ(rx.GetParseResult(), MobilityHeader::ParseResult::OK);
    EXPECT_EQ(rx.GetMhType(), MobilityHeader::BINDING_UPDATE);
    EXPECT_EQ(rx.GetSequence(), 4711);
    EXPECT_EQ(rx.GetLifetime(), Seconds(3600));
    EXPECT_TRUE(rx.GetAckRequested());
    EXPECT_TRUE(rx.GetHomeRegistration());
    EXPECT_FALSE(rx.GetLinkLocalCompatibility());
    EXPECT_FALSE(rx.GetKeyManagement());
    EXPECT_FALSE(rx.GetMapRegistration());
    EXPECT_TRUE(rx.GetMobileRouter());
    EXPECT_TRUE(rx.GetProxyRegistration());

    const MobilityOptions& o = rx.GetOptions();
    EXPECT_EQ(o, pbu.GetOptions());
    EXPECT_EQ(o.GetMobileNodeIdentifier(), std::optional<std::string>("mn1@dmm.example"));
    auto hnps = o.GetHomeNetworkPrefixes();
    ASSERT_EQ(hnps.size(), 2u);
    EXPECT_EQ(hnps[0].first, Ipv6Address("2001:470:a::"));
    EXPECT_EQ(hnps[0].second, 64);
    EXPECT_EQ(hnps[1].first, Ipv6Address("2001:470:b::"));
    EXPECT_EQ(hnps[1].second, 48);
    EXPECT_EQ(o.GetHandoffIndicator(), std::optional<uint8_t>(3));
    EXPECT_EQ(o.GetAccessTechnologyType(), std::optional<uint8_t>(4));
    EXPECT_EQ(o.GetTimestamp(), std::optional<uint64_t>(0x0000123456789abcULL));
    EXPECT_EQ(o.GetMobileNodeLinkLayerIdentifier(),
              (std::optional<std::vector<uint8_t>>({0x00, 0x11, 0x22, 0x33, 0x44, 0x55})));
    EXPECT_EQ(o.GetLinkLocalAddress(), std::optional<Ipv6Address>(Ipv6Address("fe80::1")));
    EXPECT_EQ(o.GetUnknownOptionCount(), 0u);
}

TEST(MobilityHeader, PbaRoundTripWithEveryOption)
{
    ProxyBindingAck pba;
    pba.SetStatus(ProxyBindingAck::NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
    pba.SetSequence(65535);
    pba.SetLifetime(Seconds(10)); // rounded up to 12 s
    pba.SetKeyManagement(true);
    FillAllOptions(pba.GetOptions());
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(pba);

    ProxyBindingAck rx;
    p->RemoveHeader(rx);
    EXPECT_EQ(rx.GetParseResult(), MobilityHeader::ParseResult::OK);
    EXPECT_EQ(rx.GetStatus(), 155);
    EXPECT_FALSE(rx.IsAccepted());
    EXPECT_EQ(rx.GetSequence(), 65535);
    EXPECT_EQ(rx.GetLifetime(), Seconds(12));
    EXPECT_EQ(rx.GetLifetimeUnits(), 3);
    EXPECT_TRUE(rx.GetKeyManagement());
    EXPECT_FALSE(rx.GetMobileRouter());
    EXPECT_TRUE(rx.GetProxyRegistration());
    EXPECT_EQ(rx.GetOptions(), pba.GetOptions());
}

TEST(MobilityHeader, WireLayoutOfCommonHeaderAndMessageData)
{
    ProxyBindingUpdate pbu;
    pbu.SetSequence(0x1234);
    pbu.SetLifetimeUnits(0xabcd);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(pbu);
    auto b = Bytes(p);
    ASSERT_EQ(b.size(), 16u); // 12 octets padded to 16
    EXPECT_EQ(b[0], 59);
    EXPECT_EQ(b[1], 1); // (16 / 8) - 1
    EXPECT_EQ(b[2], 5);
    EXPECT_EQ(b[3], 0);
    EXPECT_EQ(b[6], 0x12);
    EXPECT_EQ(b[7], 0x34);
    EXPECT_EQ(b[8], 0x82); // A and P
    EXPECT_EQ(b[9], 0x00);
    EXPECT_EQ(b[10], 0xab);
    EXPECT_EQ(b[11], 0xcd);
    EXPECT_EQ(b[12], 1); // PadN of 4 octets
    EXPECT_EQ(b[13], 2);

    ProxyBindingAck pba;
    pba.SetStatus(0);
    pba.SetSequence(0x1234);
    Ptr<Packet> q = Create<Packet>();
    q->AddHeader(pba);
    auto a = Bytes(q);
    EXPECT_EQ(a[2], 6);
    EXPECT_EQ(a[6], 0);    // status
    EXPECT_EQ(a[7], 0x20); // P
    EXPECT_EQ(a[8], 0x12);
    EXPECT_EQ(a[9], 0x34);
}

TEST(MobilityHeader, LengthIsMultipleOfEightAndOptionsAligned)
{
    // RFC 5213 / RFC 6275 alignment requirements, written out independently.
    const std::map<uint8_t, std::pair<int, int>> align = {
        {22, {8, 4}}, // Home Network Prefix
        {27, {8, 2}}, // Timestamp
        {26, {8, 6}}, // Link-local Address
        {25, {8, 4}}, // MN Link-layer Identifier (identifier on an 8-octet boundary)
    };
    // Try several option orders and NAI lengths so that every padding size is exercised.
    for (int naiLen = 1; naiLen <= 9; ++naiLen)
    {
        ProxyBindingUpdate pbu;
        MobilityOptions& o = pbu.GetOptions();
        o.SetHandoffIndicator(1);
        o.SetMobileNodeIdentifier(std::string(naiLen, 'x'));
        o.AddHomeNetworkPrefix(Ipv6Address("2001:470:a::"), 64);
        o.SetTimestamp(42);
        o.SetAccessTechnologyType(3);
        o.SetLinkLocalAddress(Ipv6Address("fe80::2"));
        o.SetMobileNodeLinkLayerIdentifier({1, 2, 3, 4, 5, 6});
        o.AddHomeNetworkPrefix(Ipv6Address("2001:470:c::"), 64);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(pbu);
        auto b = Bytes(p);
        ASSERT_EQ(b.size() % 8, 0u);
        EXPECT_EQ((b[1] + 1u) * 8, b.size());
        int seen = 0;
        for (auto [off, type, len] : WalkOptions(b))
        {
            auto it = align.find(type);
            if (it != align.end())
            {
                ++seen;
                EXPECT_EQ(off % it->second.first, static_cast<size_t>(it->second.second))
                    << "option " << +type << " at offset " << off << " naiLen " << naiLen;
            }
            if (type == 1) // PadN content must be zero
            {
                for (size_t i = 0; i < len; ++i)
                {
                    EXPECT_EQ(b[off + 2 + i], 0);
                }
            }
        }
        EXPECT_EQ(seen, 5);
        EXPECT_EQ(MobilityHeader::Validate(p), MobilityHeader::ParseResult::OK);
    }
}

TEST(MobilityHeader, ChecksumMatchesIndependentComputationAndDetectsBitFlip)
{
    ProxyBindingUpdate pbu = MakePbu();
    pbu.InitializeChecksum(kSrc, kDst);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(pbu);
    auto b = Bytes(p);
    uint16_t written = (b[4] << 8) | b[5];
    EXPECT_NE(written, 0);
    EXPECT_EQ(written, ReferenceChecksum(b, kSrc, kDst));
    EXPECT_EQ(MobilityHeader::Validate(p, kSrc, kDst), MobilityHeader::ParseResult::OK);
    // Other addresses give another pseudo-header.
    EXPECT_EQ(MobilityHeader::Validate(p, kDst, kSrc), MobilityHeader::ParseResult::OK)
        << "swapping addresses keeps the one's complement sum";
    EXPECT_EQ(MobilityHeader::Validate(p, kSrc, Ipv6Address("2001:470:2::3")),
              MobilityHeader::ParseResult::BAD_CHECKSUM);

    ProxyBindingUpdate good;
    good.InitializeChecksum(kSrc, kDst);
    p->Copy()->RemoveHeader(good);
    EXPECT_TRUE(good.IsChecksumOk());
    EXPECT_EQ(good.GetChecksum(), written);

    // Flip one bit of the sequence number: still well formed, checksum wrong.
    auto flipped = b;
    flipped[7] ^= 0x01;
    Ptr<Packet> f = FromBytes(flipped);
    EXPECT_EQ(MobilityHeader::Validate(f), MobilityHeader::ParseResult::OK);
    EXPECT_EQ(MobilityHeader::Validate(f, kSrc, kDst), MobilityHeader::ParseResult::BAD_CHECKSUM);
    ProxyBindingUpdate bad;
    bad.InitializeChecksum(kSrc, kDst);
    f->RemoveHeader(bad);
    EXPECT_FALSE(bad.IsChecksumOk());
    EXPECT_EQ(bad.GetParseResult(), MobilityHeader::ParseResult::BAD_CHECKSUM);
}

TEST(MobilityHeader, ValidateRejectsEveryTruncation)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(MakePbu());
    auto b = Bytes(p);
    ASSERT_EQ(MobilityHeader::Validate(p), MobilityHeader::ParseResult::OK);
    for (size_t len = 0; len < b.size(); ++len)
    {
        std::vector<uint8_t> prefix(b.begin(), b.begin() + len);
        EXPECT_EQ(MobilityHeader::Validate(FromBytes(prefix)),
                  MobilityHeader::ParseResult::TRUNCATED)
            << "prefix of " << len << " octets";
        ProxyBindingUpdate h;
        FromBytes(prefix)->RemoveHeader(h);
        EXPECT_NE(h.GetParseResult(), MobilityHeader::ParseResult::OK);
    }
}

TEST(MobilityHeader, ValidateRejectsInconsistentHeaderLength)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(MakePbu());
    auto b = Bytes(p);

    auto longer = b;
    longer[1] += 1; // claims 8 more octets than present
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(longer)), MobilityHeader::ParseResult::TRUNCATED);

    auto shorter = b;
    shorter[1] -= 1; // 8 octets follow the claimed end
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(shorter)),
              MobilityHeader::ParseResult::BAD_LENGTH);

    // Header Len 0: 8 octets cannot hold the 6 octets of BU message data.
    std::vector<uint8_t> tiny{59, 0, 5, 0, 0, 0, 0, 1};
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(tiny)), MobilityHeader::ParseResult::BAD_LENGTH);
}

TEST(MobilityHeader, ValidateRejectsOptionOverrunAndBadOptionLength)
{
    ProxyBindingUpdate pbu;
    pbu.GetOptions().SetHandoffIndicator(1);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(pbu);
    auto b = Bytes(p);
    ASSERT_EQ(b[12], 23); // the HI option comes first, it has no alignment requirement
    ASSERT_EQ(b[13], 2);

    auto overrun = b;
    overrun[13] = 200;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(overrun)),
              MobilityHeader::ParseResult::BAD_OPTION);

    // A Handoff Indicator followed by padding: well formed with length 2, malformed with
    // length 3 although the option stays inside the message.
    std::vector<uint8_t> hi{59, 2, 5, 0, 0, 0, 0, 1, 0x82, 0, 0, 1,
                            23, 2, 0, 1, 1, 6, 0, 0, 0,    0, 0, 0};
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(hi)), MobilityHeader::ParseResult::OK);
    std::vector<uint8_t> wrongLen{59, 2, 5, 0, 0, 0, 0, 1, 0x82, 0, 0, 1,
                                  23, 3, 0, 1, 0, 0, 1, 4, 0,    0, 0, 0};
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(wrongLen)),
              MobilityHeader::ParseResult::BAD_OPTION);

    // A PadN whose length runs past the end.
    std::vector<uint8_t> padOverrun{59, 1, 5, 0, 0, 0, 0, 1, 0x82, 0, 0, 1, 1, 9, 0, 0};
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(padOverrun)),
              MobilityHeader::ParseResult::BAD_OPTION);

    // HNP with prefix length 129.
    ProxyBindingUpdate withHnp;
    withHnp.GetOptions().AddHomeNetworkPrefix(Ipv6Address("2001:470:a::"), 64);
    Ptr<Packet> q = Create<Packet>();
    q->AddHeader(withHnp);
    auto h = Bytes(q);
    ASSERT_EQ(h[12], 22);
    h[15] = 129;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(h)), MobilityHeader::ParseResult::BAD_OPTION);
}

TEST(MobilityHeader, ValidateRejectsUnknownTypeAndBadPayloadProto)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(MakePbu());
    auto b = Bytes(p);

    auto unknown = b;
    unknown[2] = 99;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(unknown)),
              MobilityHeader::ParseResult::UNKNOWN_TYPE);
    // Type 8 (Fast Binding Update, RFC 5568) is not implemented. (Until the MIPv6 messages
    // were added this checked type 7, which is now a known Binding Error.)
    auto fbu = b;
    fbu[2] = 8;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(fbu)), MobilityHeader::ParseResult::UNKNOWN_TYPE);

    auto proto = b;
    proto[0] = 6;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(proto)),
              MobilityHeader::ParseResult::BAD_PAYLOAD_PROTO);

    // Deserialising a PBA as a PBU is refused, not misread.
    ProxyBindingAck pba;
    Ptr<Packet> q = Create<Packet>();
    q->AddHeader(pba);
    ProxyBindingUpdate wrong;
    q->RemoveHeader(wrong);
    EXPECT_EQ(wrong.GetParseResult(), MobilityHeader::ParseResult::UNKNOWN_TYPE);
}

TEST(MobilityHeader, UnknownOptionIsSkippedByItsLength)
{
    ProxyBindingUpdate pbu;
    pbu.SetSequence(9);
    pbu.GetOptions().AddRawOption(200, {0xde, 0xad, 0xbe}); // unknown type
    pbu.GetOptions().SetHandoffIndicator(4);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(pbu);
    auto b = Bytes(p);
    ASSERT_EQ(b[12], 200);

    uint32_t unknown = 0;
    EXPECT_EQ(MobilityHeader::ValidateBytes(b.data(), b.size(), &unknown),
              MobilityHeader::ParseResult::OK);
    EXPECT_EQ(unknown, 1u);

    ProxyBindingUpdate rx;
    p->RemoveHeader(rx);
    EXPECT_EQ(rx.GetParseResult(), MobilityHeader::ParseResult::OK);
    EXPECT_EQ(rx.GetUnknownOptionCount(), 1u);
    EXPECT_EQ(rx.GetOptions().GetHandoffIndicator(), std::optional<uint8_t>(4));
    EXPECT_EQ(rx.GetSequence(), 9);
}

TEST(MobilityHeader, MessageNames)
{
    auto name = [](const MobilityHeader& h) {
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(h);
        return MobilityHeader::GetMessageName(p);
    };
    ProxyBindingUpdate pbu;
    EXPECT_EQ(name(pbu), "PBU");
    pbu.SetProxyRegistration(false);
    EXPECT_EQ(name(pbu), "BU");
    ProxyBindingAck pba;
    EXPECT_EQ(name(pba), "PBA");
    pba.SetProxyRegistration(false);
    EXPECT_EQ(name(pba), "BA");

    std::vector<uint8_t> be{59, 1, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(be)), "BE");
    be[2] = 253;
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(be)), "MH253");
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes({59})), "MH?");
    EXPECT_EQ(MobilityHeader::GetMessageName(Create<Packet>()), "MH?");
}

TEST(MobilityHeader, LifetimeAndTimestampConversions)
{
    ProxyBindingUpdate pbu;
    pbu.SetLifetime(Seconds(0));
    EXPECT_EQ(pbu.GetLifetimeUnits(), 0);
    pbu.SetLifetime(MilliSeconds(1));
    EXPECT_EQ(pbu.GetLifetimeUnits(), 1);
    pbu.SetLifetime(Seconds(8));
    EXPECT_EQ(pbu.GetLifetimeUnits(), 2);
    pbu.SetLifetime(Seconds(1e9));
    EXPECT_EQ(pbu.GetLifetimeUnits(), 65535);
    EXPECT_EQ(pbu.GetLifetime(), Seconds(4.0 * 65535));

    uint64_t ts = MobilityOptions::TimeToTimestamp(Seconds(3.5));
    EXPECT_EQ(ts >> 16, 3u);
    EXPECT_EQ(ts & 0xffff, 0x8000u);
    EXPECT_EQ(MobilityOptions::TimestampToTime(ts), Seconds(3.5));
}

TEST(MobilityHeader, RandomBytesNeverCrash)
{
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> byte(0, 255);
    Ptr<Packet> valid = Create<Packet>();
    valid->AddHeader(MakePbu());
    auto base = Bytes(valid);
    int ok = 0;
    for (int i = 0; i < 4000; ++i)
    {
        std::vector<uint8_t> b;
        if (i % 2 == 0)
        {
            // Plausible start so that the deeper checks are reached.
            b.resize(std::uniform_int_distribution<int>(0, 80)(rng));
            for (auto& x : b)
            {
                x = byte(rng);
            }
            if (b.size() >= 3)
            {
                b[0] = 59;
                b[1] = (b.size() / 8 > 0 ? b.size() / 8 - 1 : 0);
                b[2] = 5 + (i % 4 == 0);
            }
        }
        else
        {
            // A valid PBU with a few random octets changed.
            b = base;
            int flips = std::uniform_int_distribution<int>(1, 4)(rng);
            for (int k = 0; k < flips; ++k)
            {
                b[std::uniform_int_distribution<size_t>(0, b.size() - 1)(rng)] = byte(rng);
            }
        }
        Ptr<Packet> p = FromBytes(b);
        auto r = MobilityHeader::Validate(p);
        MobilityHeader::Validate(p, kSrc, kDst);
        MobilityHeader::GetMessageName(p);
        ProxyBindingUpdate pbu;
        ProxyBindingAck pba;
        p->Copy()->RemoveHeader(pbu);
        p->Copy()->RemoveHeader(pba);
        if (r == MobilityHeader::ParseResult::OK)
        {
            ++ok;
            const MobilityHeader& h = b[2] == MobilityHeader::BINDING_UPDATE
                                          ? static_cast<const MobilityHeader&>(pbu)
                                          : static_cast<const MobilityHeader&>(pba);
            EXPECT_EQ(h.GetParseResult(), MobilityHeader::ParseResult::OK);
            // A valid message re-serialises into a valid message.
            Ptr<Packet> again = Create<Packet>();
            again->AddHeader(h);
            EXPECT_EQ(MobilityHeader::Validate(again), MobilityHeader::ParseResult::OK);
        }
    }
    EXPECT_GT(ok, 10) << "the fuzzer should also produce some valid messages";
}
