/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The messages between distributed local mobility anchors (seed 004): one class per
// message, their round trip, the validation of malformed options, and tshark's decoding.
#include "command.h"

#include "ns3/dlma-cache-update.h"
#include "ns3/dlma-location-inform.h"
#include "ns3/dlma-uniqueness-check.h"
#include "ns3/dlma-uniqueness-reply.h"
#include "ns3/ipv6-header.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/trace-helper.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address kHLma("2001:aaaa:1::1");
const Ipv6Address kVLma("2001:aaaa:2::1");
const HomeNetworkPrefix kHnp = HomeNetworkPrefix::Make(Ipv6Address("2001:1:1:5::"), 64);

/// \return the serialized bytes of \p m
std::vector<uint8_t>
Bytes(const MobilityHeader& m)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// \return the offset of the first option of \p type in a serialized DMM message
size_t
OptionAt(const std::vector<uint8_t>& b, uint8_t type)
{
    size_t i = 6 + DmmSessionHeader::MESSAGE_DATA_SIZE;
    while (i + 1 < b.size() && b[i] != type)
    {
        i += b[i] == 0 ? 1 : 2 + b[i + 1]; // Pad1 has no length octet
    }
    return i;
}

/// One of each message, filled as the protocol fills it.
std::vector<std::pair<std::shared_ptr<DlmaMessage>, std::string>>
AllMessages()
{
    auto inform = std::make_shared<DlmaLocationInform>();
    auto update = std::make_shared<DlmaCacheUpdate>();
    auto check = std::make_shared<DlmaUniquenessCheck>();
    auto reply = std::make_shared<DlmaUniquenessReply>();
    for (DlmaMessage* m : std::vector<DlmaMessage*>{inform.get(), update.get()})
    {
        m->SetMobileNode("mn1@dmm");
        m->SetHomePrefix(kHnp);
        m->SetLma(kVLma);
    }
    // InformOrdering Timestamp (the default): RFC 5213 §8.8's option after the LMA Address.
    inform->GetOptions().SetTimestamp(MobilityOptions::TimeToTimestamp(Seconds(3.25)));
    check->SetMobileNode("mn1@dmm");
    check->SetHomePrefix(kHnp);
    reply->SetMobileNode("mn1@dmm");
    reply->SetHomePrefix(kHnp);
    reply->SetStatus(DlmaMessage::UNIQUE);
    return {{inform, "DlmaLocationInform"},
            {update, "DlmaCacheUpdate"},
            {check, "DlmaUniquenessCheck"},
            {reply, "DlmaUniquenessReply"}};
}

} // namespace

TEST(DistributedLmaMessages, RoundTripKeepsSubtypeAndFields)
{
    uint8_t sub = DlmaMessage::LOCATION_INFORM;
    for (auto& [m, name] : AllMessages())
    {
        m->SetSequence(sub + 100);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(*m);
        EXPECT_EQ(MobilityHeader::Validate(p), MobilityHeader::ParseResult::OK) << name;
        EXPECT_EQ(*DmmSessionHeader::PeekSubType(p), sub) << name;
        EXPECT_EQ(MobilityHeader::GetMessageName(p), name);
        DlmaLocationInform back; // the layout is common: any class reads any of them
        p->RemoveHeader(back);
        EXPECT_EQ(back.GetSubType(), sub);
        EXPECT_EQ(back.GetSequence(), sub + 100);
        EXPECT_EQ(back.GetMobileNode(), "mn1@dmm");
        ASSERT_TRUE(back.GetHomePrefix().has_value());
        EXPECT_EQ(back.GetHomePrefix()->prefix, kHnp.prefix);
        EXPECT_EQ(back.GetHomePrefix()->length, 64);
        EXPECT_EQ(back.GetLma().has_value(), m->GetLma().has_value()) << name;
        EXPECT_EQ(back.GetStatus(), m->GetStatus()) << name;
        sub++;
    }
    DlmaUniquenessReply notUnique;
    notUnique.SetStatus(DlmaMessage::NOT_UNIQUE);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(notUnique);
    DlmaUniquenessReply back;
    p->RemoveHeader(back);
    EXPECT_EQ(back.GetStatus(), DlmaMessage::NOT_UNIQUE);
    EXPECT_FALSE(back.GetHomePrefix().has_value());
    EXPECT_FALSE(back.GetLma().has_value());
}

TEST(DistributedLmaMessages, LmaAddressOptionIsAlignedEightNPlusSix)
{
    DlmaLocationInform m;
    m.SetMobileNode("mn1@dmm");
    m.SetLma(kVLma);
    std::vector<uint8_t> b = Bytes(m);
    size_t at = OptionAt(b, DlmaMessage::LMA_ADDRESS_OPTION);
    ASSERT_LT(at, b.size());
    EXPECT_EQ(at % 8, 6u);
    EXPECT_EQ(b[at + 1], 18);
    EXPECT_EQ(b[at + 2], DlmaMessage::D_LMA);
    EXPECT_EQ(b.size() % 8, 0u); // RFC 6275 §6.1.1: a multiple of 8 octets
}

TEST(DistributedLmaMessages, MalformedOptionsAreRejected)
{
    auto fromBytes = [](const std::vector<uint8_t>& b) {
        return MobilityHeader::Validate(Create<Packet>(b.data(), b.size()));
    };
    DlmaLocationInform inform;
    inform.SetMobileNode("mn1@dmm");
    inform.SetLma(kVLma);
    std::vector<uint8_t> b = Bytes(inform);
    ASSERT_EQ(fromBytes(b), MobilityHeader::ParseResult::OK);
    auto shortLma = b;
    shortLma[OptionAt(b, DlmaMessage::LMA_ADDRESS_OPTION) + 1] = 16; // 16-octet address only
    EXPECT_EQ(fromBytes(shortLma), MobilityHeader::ParseResult::BAD_OPTION);
    auto truncated = b;
    truncated.resize(b.size() - 8);
    EXPECT_NE(fromBytes(truncated), MobilityHeader::ParseResult::OK);

    DlmaUniquenessReply reply;
    reply.SetStatus(DlmaMessage::UNIQUE);
    std::vector<uint8_t> r = Bytes(reply);
    ASSERT_EQ(fromBytes(r), MobilityHeader::ParseResult::OK);
    auto longStatus = r;
    longStatus[OptionAt(r, DlmaMessage::STATUS_OPTION) + 1] = 3;
    EXPECT_EQ(fromBytes(longStatus), MobilityHeader::ParseResult::BAD_OPTION);

    // A well-formed LMA Address option with an unknown code names no D-LMA.
    auto unknownCode = b;
    unknownCode[OptionAt(b, DlmaMessage::LMA_ADDRESS_OPTION) + 2] = 9;
    Ptr<Packet> p = Create<Packet>(unknownCode.data(), unknownCode.size());
    ASSERT_EQ(MobilityHeader::Validate(p), MobilityHeader::ParseResult::OK);
    DlmaLocationInform back;
    p->RemoveHeader(back);
    EXPECT_FALSE(back.GetLma().has_value());
}

TEST(DistributedLmaMessages, TsharkDecodesThemWithNothingMalformed)
{
    if (!dmmtest::HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    std::string tmpl = (std::filesystem::temp_directory_path() / "dmm-dlma-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    std::string file = tmpl + "/dlma.pcap";
    // Through CreateObject: its attributes (snap length, nanosecond mode) are only set
    // there; a wrapper on the stack wrote garbage snap lengths, and tshark then saw
    // records of 0 captured bytes now and then.
    Ptr<PcapFileWrapper> pcap = CreateObject<PcapFileWrapper>();
    pcap->Open(file, std::ios::out);
    pcap->Init(PcapHelper::DLT_RAW);
    int i = 0;
    for (auto& [m, name] : AllMessages())
    {
        m->InitializeChecksum(kVLma, kHLma);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(*m);
        Ipv6Header ip;
        ip.SetSource(kVLma);
        ip.SetDestination(kHLma);
        ip.SetNextHeader(MobilityHeader::PROT_NUMBER);
        ip.SetPayloadLength(p->GetSize());
        ip.SetHopLimit(64);
        p->AddHeader(ip);
        pcap->Write(Seconds(++i), p);
    }
    pcap->Close();
    std::string bad =
        dmmtest::Tshark("-r '" + file + "' -Y '_ws.malformed || _ws.expert.severity >= warning'");
    EXPECT_EQ(bad, "");
    std::string types = dmmtest::Tshark("-r '" + file + "' -T fields -e mip6.mhtype");
    EXPECT_EQ(types, "253\n253\n253\n253\n");
    std::filesystem::remove_all(tmpl);
}
