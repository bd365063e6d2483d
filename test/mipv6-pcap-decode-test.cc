/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Interoperability: hand-built MIPv6 packets (RFC 6275) written to a raw-IPv6 pcap are
// decoded by Wireshark (tshark) with the values that were built and nothing malformed: a
// BU with Alternate CoA, Nonce Indices and Binding Authorization Data behind a Home
// Address option, a BA behind a Type 2 Routing header, HoTI/HoT/CoTI/CoT, a BE, a BRR and
// a UDP datagram behind a Type 2 Routing header.
#include "command.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-error.h"
#include "ns3/binding-refresh-request.h"
#include "ns3/binding-update.h"
#include "ns3/care-of-test-init.h"
#include "ns3/care-of-test.h"
#include "ns3/home-address-option-header.h"
#include "ns3/home-test-init.h"
#include "ns3/home-test.h"
#include "ns3/ipv6-header.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/return-routability.h"
#include "ns3/trace-helper.h"
#include "ns3/type2-routing-header.h"
#include "ns3/udp-header.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace dmmtest;

namespace
{

const Ipv6Address kHoa("2001:db8:1::100");
const Ipv6Address kCoa("2001:db8:2::200");
const Ipv6Address kCn("2001:db8:3::300");
const Ipv6Address kAltCoa("2001:db8:4::400");

std::vector<std::string>
Split(const std::string& s, char sep)
{
    std::vector<std::string> parts;
    std::istringstream in(s);
    for (std::string part; std::getline(in, part, sep);)
    {
        parts.push_back(part);
    }
    if (!s.empty() && s.back() == sep)
    {
        parts.emplace_back();
    }
    return parts;
}

bool
IsTrue(const std::string& v)
{
    return v == "1" || v == "True" || v == "true";
}

/// Prepend an IPv6 header whose payload is the whole of \p p.
Ptr<Packet>
WithIpv6(Ptr<Packet> p, Ipv6Address src, Ipv6Address dst, uint8_t nextHeader)
{
    Ipv6Header ip;
    ip.SetSource(src);
    ip.SetDestination(dst);
    ip.SetNextHeader(nextHeader);
    ip.SetPayloadLength(p->GetSize());
    ip.SetHopLimit(64);
    p->AddHeader(ip);
    return p;
}

/// A Mobility Header packet with the checksum over the given pseudo-header addresses.
Ptr<Packet>
Mh(MobilityHeader& mh, Ipv6Address pseudoSrc, Ipv6Address pseudoDst)
{
    mh.InitializeChecksum(pseudoSrc, pseudoDst);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(mh);
    return p;
}

/// The packets of the test, in pcap order.
std::vector<Ptr<Packet>>
BuildPackets()
{
    std::vector<Ptr<Packet>> packets;

    // 1. BU from the care-of address with a Home Address option; checksum over the HoA.
    BindingUpdate bu;
    bu.SetSequence(4242);
    bu.SetLifetime(Seconds(600));
    bu.GetOptions().SetAlternateCareOfAddress(kAltCoa);
    bu.GetOptions().SetNonceIndices(3, 4);
    std::vector<uint8_t> kcn(20, 0x42);
    auto kbm = ReturnRoutability::BindingManagementKey(
        ReturnRoutability::HomeKeygenToken(kcn, kHoa, {1, 2, 3, 4, 5, 6, 7, 8}),
        ReturnRoutability::CareOfKeygenToken(kcn, kAltCoa, {8, 7, 6, 5, 4, 3, 2, 1}));
    ReturnRoutability::SignBindingMessage(bu, kbm, kAltCoa, kCn);
    Ptr<Packet> p = Mh(bu, kHoa, kCn);
    HomeAddressOptionHeader hao;
    hao.SetNextHeader(MobilityHeader::PROT_NUMBER);
    hao.SetHomeAddress(kHoa);
    p->AddHeader(hao);
    packets.push_back(WithIpv6(p, kCoa, kCn, HomeAddressOptionHeader::PROT_NUMBER));

    // 2. BA to the care-of address via a Type 2 Routing header; checksum over the HoA.
    BindingAck ba;
    ba.SetStatus(BindingAck::EXPIRED_NONCES);
    ba.SetSequence(4242);
    ba.GetOptions().SetBindingRefreshAdvice(75);
    p = Mh(ba, kCn, kHoa);
    Type2RoutingHeader rh;
    rh.SetNextHeader(MobilityHeader::PROT_NUMBER);
    rh.SetHomeAddress(kHoa);
    p->AddHeader(rh);
    packets.push_back(WithIpv6(p, kCn, kCoa, Type2RoutingHeader::PROT_NUMBER));

    // 3-6. The return routability messages.
    HomeTestInit hoti;
    hoti.SetHomeInitCookie(0x0102030405060708ULL);
    packets.push_back(WithIpv6(Mh(hoti, kHoa, kCn), kHoa, kCn, MobilityHeader::PROT_NUMBER));
    CareOfTestInit coti;
    coti.SetCareOfInitCookie(0x1112131415161718ULL);
    packets.push_back(WithIpv6(Mh(coti, kCoa, kCn), kCoa, kCn, MobilityHeader::PROT_NUMBER));
    HomeTest hot;
    hot.SetHomeNonceIndex(3);
    hot.SetHomeInitCookie(0x0102030405060708ULL);
    hot.SetHomeKeygenToken(0x2122232425262728ULL);
    packets.push_back(WithIpv6(Mh(hot, kCn, kHoa), kCn, kHoa, MobilityHeader::PROT_NUMBER));
    CareOfTest cot;
    cot.SetCareOfNonceIndex(4);
    cot.SetCareOfInitCookie(0x1112131415161718ULL);
    cot.SetCareOfKeygenToken(0x3132333435363738ULL);
    packets.push_back(WithIpv6(Mh(cot, kCn, kCoa), kCn, kCoa, MobilityHeader::PROT_NUMBER));

    // 7. BE, 8. BRR.
    BindingError be;
    be.SetStatus(BindingError::UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION);
    be.SetHomeAddress(kHoa);
    packets.push_back(WithIpv6(Mh(be, kCn, kCoa), kCn, kCoa, MobilityHeader::PROT_NUMBER));
    BindingRefreshRequest brr;
    p = Mh(brr, kCn, kHoa);
    rh.SetNextHeader(MobilityHeader::PROT_NUMBER);
    p->AddHeader(rh);
    packets.push_back(WithIpv6(p, kCn, kCoa, Type2RoutingHeader::PROT_NUMBER));

    // 9. UDP via a Type 2 Routing header: the checksum's destination is the HoA.
    p = Create<Packet>(reinterpret_cast<const uint8_t*>("route optimised"), 15);
    UdpHeader udp;
    udp.SetSourcePort(5000);
    udp.SetDestinationPort(6000);
    udp.EnableChecksums();
    udp.InitializeChecksum(kCn, kHoa, 17);
    p->AddHeader(udp);
    rh.SetNextHeader(17);
    p->AddHeader(rh);
    packets.push_back(WithIpv6(p, kCn, kCoa, Type2RoutingHeader::PROT_NUMBER));
    return packets;
}

class Mipv6PcapDecodeTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (std::system("command -v tshark > /dev/null 2>&1") != 0)
        {
            GTEST_SKIP() << "tshark not installed (Debian package 'tshark'); pcap decoding "
                            "not checked";
        }
        std::string tmpl = (std::filesystem::temp_directory_path() / "dmm-mip6-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        m_dir = tmpl;
        m_file = m_dir + "/mip6.pcap";
        // Through CreateObject: its attributes (snap length, nanosecond mode) are only set
        // there; a wrapper on the stack wrote garbage snap lengths, and tshark then saw
        // records of 0 captured bytes now and then.
        Ptr<PcapFileWrapper> pcap = CreateObject<PcapFileWrapper>();
        pcap->Open(m_file, std::ios::out);
        pcap->Init(PcapHelper::DLT_RAW);
        int i = 0;
        for (const auto& p : BuildPackets())
        {
            pcap->Write(Seconds(++i), p);
        }
        pcap->Close();
    }

    void TearDown() override
    {
        if (!m_dir.empty() && !HasFailure())
        {
            std::error_code ec;
            std::filesystem::remove_all(m_dir, ec);
        }
    }

    /// One line per packet: the values of \p fields, tab-separated.
    std::vector<std::vector<std::string>> Fields(const std::vector<std::string>& fields,
                                                 const std::string& options = "")
    {
        std::string cmd = "TZ=UTC tshark -r '" + m_file + "' " + options +
                          " -T fields -E separator=/t -E occurrence=a -E aggregator=,";
        for (const auto& f : fields)
        {
            cmd += " -e " + f;
        }
        std::istringstream in(RunCommand(cmd + " 2>/dev/null"));
        std::vector<std::vector<std::string>> rows;
        for (std::string line; std::getline(in, line);)
        {
            auto row = Split(line, '\t');
            row.resize(fields.size());
            rows.push_back(row);
        }
        return rows;
    }

    std::string m_dir;
    std::string m_file;
};

} // namespace

TEST_F(Mipv6PcapDecodeTest, NothingMalformed)
{
    std::string bad = RunCommand("tshark -r '" + m_file +
                                 "' -o udp.check_checksum:TRUE"
                                 " -Y '_ws.malformed || _ws.expert.severity >= warning'"
                                 " 2>/dev/null");
    EXPECT_EQ(bad, "");
    auto rows = Fields({"frame.number"});
    EXPECT_EQ(rows.size(), 9u);
}

TEST_F(Mipv6PcapDecodeTest, MessageTypesAndFields)
{
    auto rows = Fields({"mip6.mhtype",
                        "ipv6.opt.mipv6.home_address",
                        "mip6.bu.seqnr",
                        "mip6.bu.a_flag",
                        "mip6.bu.p_flag",
                        "mip6.bu.lifetime",
                        "mip6.acoa.acoa",
                        "mip6.ni.hni",
                        "mip6.ni.cni",
                        "mip6.bad.auth",
                        "ipv6.routing.type",
                        "ipv6.routing.segleft",
                        "ipv6.routing.mipv6.home_address",
                        "mip6.ba.status",
                        "mip6.ba.seqnr",
                        "mip6.bra.interval"});
    ASSERT_EQ(rows.size(), 9u);
    std::vector<std::string> types;
    for (const auto& r : rows)
    {
        types.push_back(r[0]);
    }
    EXPECT_EQ(types, (std::vector<std::string>{"5", "6", "1", "2", "3", "4", "7", "0", ""}));

    const auto& bu = rows[0];
    EXPECT_EQ(bu[1], "2001:db8:1::100");
    EXPECT_EQ(bu[2], "4242");
    EXPECT_TRUE(IsTrue(bu[3])) << bu[3];
    EXPECT_FALSE(IsTrue(bu[4])) << bu[4];
    EXPECT_EQ(bu[5], "150");
    EXPECT_EQ(bu[6], "2001:db8:4::400");
    EXPECT_EQ(bu[7], "3");
    EXPECT_EQ(bu[8], "4");
    EXPECT_EQ(bu[9].size(), 24u) << "12-octet authenticator in hex: " << bu[9];

    const auto& ba = rows[1];
    EXPECT_EQ(ba[10], "2");
    EXPECT_EQ(ba[11], "1");
    EXPECT_EQ(ba[12], "2001:db8:1::100");
    EXPECT_EQ(ba[13], "138");
    EXPECT_EQ(ba[14], "4242");
    EXPECT_EQ(ba[15], "75");

    const auto& udp = rows[8];
    EXPECT_EQ(udp[10], "2");
    EXPECT_EQ(udp[12], "2001:db8:1::100");
}

TEST_F(Mipv6PcapDecodeTest, ReturnRoutabilityAndErrorFields)
{
    auto rows = Fields({"mip6.hoti.cookie",
                        "mip6.coti.cookie",
                        "mip6.hot.nindex",
                        "mip6.hot.cookie",
                        "mip6.hot.token",
                        "mip6.cot.nindex",
                        "mip6.cot.cookie",
                        "mip6.be.status",
                        "mip6.be.haddr",
                        "udp.dstport",
                        "udp.checksum.status"},
                       "-o udp.check_checksum:TRUE");
    ASSERT_EQ(rows.size(), 9u);
    EXPECT_EQ(rows[2][0], "0x0102030405060708");
    EXPECT_EQ(rows[3][1], "0x1112131415161718");
    EXPECT_EQ(rows[4][2], "3");
    EXPECT_EQ(rows[4][3], "0x0102030405060708");
    EXPECT_EQ(rows[4][4], "0x2122232425262728");
    EXPECT_EQ(rows[5][5], "4");
    EXPECT_EQ(rows[5][6], "0x1112131415161718");
    // Wireshark 4.0 has no mip6.cot.token: it files the care-of keygen token of a CoT
    // under mip6.hot.token ("Home Keygen Token").
    EXPECT_EQ(rows[5][4], "0x3132333435363738");
    EXPECT_EQ(rows[6][7], "1");
    EXPECT_EQ(rows[6][8], "2001:db8:1::100");
    EXPECT_EQ(rows[8][9], "6000");
    // Wireshark's checksum status 1 is "Good": it checks a UDP checksum behind a Type 2
    // Routing header with the home address as pseudo-header destination, as this one is.
    EXPECT_EQ(rows[8][10], "1");
}
