/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Interoperability: the PBU and PBA that MobilityL4Protocol puts on a point-to-point link
// are decoded by Wireshark (tshark) with the values that were sent and nothing malformed.
#include "command.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"

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

std::vector<std::string>
Split(const std::string& s, char sep)
{
    std::vector<std::string> parts;
    std::string cur;
    for (char c : s)
    {
        if (c == sep)
        {
            parts.push_back(cur);
            cur.clear();
        }
        else
        {
            cur += c;
        }
    }
    parts.push_back(cur);
    return parts;
}

bool
IsTrue(const std::string& v)
{
    return v == "1" || v == "True" || v == "true";
}

/// The PBU/PBA exchange of this test, captured on both ends of the link.
class PcapDecodeTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (!HaveTshark())
        {
            GTEST_SKIP() << "tshark not installed (Debian package 'tshark'); pcap decoding "
                            "not checked";
        }
        std::string tmpl = (std::filesystem::temp_directory_path() / "dmm-pcap-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        m_dir = tmpl;
    }

    void TearDown() override
    {
        Simulator::Destroy();
        if (!m_dir.empty() && !HasFailure())
        {
            std::error_code ec;
            std::filesystem::remove_all(m_dir, ec);
        }
    }

    std::string m_dir;
};

} // namespace

/// Runs the MAG -> LMA PBU and the PBA reply with pcap on; returns the PBAs received.
static int
RunExchange(const std::string& pcapPrefix)
{
    NodeContainer nodes;
    nodes.Create(2); // 0: MAG, 1: LMA
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer devices = p2p.Install(nodes);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.Install(nodes);
    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("2001:470:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer ifaces = address.Assign(devices);
    Ipv6Address lmaAddr = ifaces.GetAddress(1, 1);
    p2p.EnablePcapAll(pcapPrefix);

    Ptr<MobilityL4Protocol> mag = MobilityL4Protocol::Install(nodes.Get(0));
    Ptr<MobilityL4Protocol> lma = MobilityL4Protocol::Install(nodes.Get(1));

    // The LMA answers every PBU with a PBA carrying the same sequence number, MN-ID and HNP.
    lma->RegisterHandler(
        MobilityHeader::BINDING_UPDATE,
        MobilityL4Protocol::Handler([lma](Ptr<Packet> p, const Ipv6Header& ip, Ptr<Ipv6Interface>) {
            ProxyBindingUpdate pbu;
            p->RemoveHeader(pbu);
            ProxyBindingAck pba;
            pba.SetStatus(ProxyBindingAck::ACCEPTED);
            pba.SetSequence(pbu.GetSequence());
            pba.SetLifetime(pbu.GetLifetime());
            pba.GetOptions().SetMobileNodeIdentifier(*pbu.GetOptions().GetMobileNodeIdentifier());
            for (const auto& [prefix, len] : pbu.GetOptions().GetHomeNetworkPrefixes())
            {
                pba.GetOptions().AddHomeNetworkPrefix(prefix, len);
            }
            pba.GetOptions().SetTimestamp(*pbu.GetOptions().GetTimestamp());
            lma->Send(pba, ip.GetDestination(), ip.GetSource());
        }));
    int pbaReceived = 0;
    mag->RegisterHandler(
        MobilityHeader::BINDING_ACK,
        MobilityL4Protocol::Handler(
            [&](Ptr<Packet>, const Ipv6Header&, Ptr<Ipv6Interface>) { ++pbaReceived; }));

    ProxyBindingUpdate pbu;
    pbu.SetSequence(4242);
    pbu.SetLifetime(Seconds(600));
    MobilityOptions& o = pbu.GetOptions();
    o.SetMobileNodeIdentifier("mn1@dmm.example");
    o.AddHomeNetworkPrefix(Ipv6Address("2001:470:abcd:1::"), 64);
    o.SetHandoffIndicator(1);
    o.SetAccessTechnologyType(3);
    o.SetTimestamp(MobilityOptions::TimeToTimestamp(Seconds(1.5)));
    o.SetMobileNodeLinkLayerIdentifier({0x00, 0x11, 0x22, 0x33, 0x44, 0x55});
    Simulator::Schedule(Seconds(1), [&]() { mag->Send(pbu, Ipv6Address::GetAny(), lmaAddr); });
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    return pbaReceived;
}

TEST_F(PcapDecodeTest, TsharkDecodesPbuAndPba)
{
    ASSERT_EQ(RunExchange(m_dir + "/mh"), 1);
    // The pcap writers live as long as the devices: destroy them to flush the files.
    Simulator::Destroy();

    std::string file = m_dir + "/mh-0-0.pcap";
    ASSERT_TRUE(std::filesystem::exists(file)) << file;

    std::string fields = RunCommand(
        "TZ=UTC tshark -r '" + file +
        "' -Y mipv6 -T fields -E separator=/t -e mip6.mhtype -e mip6.bu.seqnr -e mip6.bu.p_flag"
        " -e mip6.ba.status -e mip6.ba.seqnr -e mip6.ba.p_flag -e mip6.mnid.identifier"
        " -e mip6.nemo.mnp.mnp -e mip6.nemo.mnp.pfl -e mip6.hi -e mip6.att -e mip6.mnlli.lli"
        " -e mip6.timestamp_tmp -e mip6.bu.lifetime 2>/dev/null");
    std::vector<std::string> lines;
    std::istringstream in(fields);
    for (std::string line; std::getline(in, line);)
    {
        lines.push_back(line);
    }
    ASSERT_EQ(lines.size(), 2u) << "tshark output:\n" << fields;

    auto bu = Split(lines[0], '\t');
    ASSERT_EQ(bu.size(), 14u) << lines[0];
    EXPECT_EQ(bu[0], "5");
    EXPECT_EQ(bu[1], "4242");
    EXPECT_TRUE(IsTrue(bu[2])) << "P flag: " << bu[2];
    EXPECT_EQ(bu[6], "mn1@dmm.example");
    EXPECT_EQ(bu[7], "2001:470:abcd:1::");
    EXPECT_EQ(bu[8], "64");
    EXPECT_EQ(bu[9], "1");
    EXPECT_EQ(bu[10], "3");
    EXPECT_EQ(bu[11], "001122334455");
    // 48-bit seconds and 16-bit fractions since 1970, as Wireshark reads them.
    EXPECT_NE(bu[12].find("1970 00:00:01.5"), std::string::npos) << bu[12];
    EXPECT_EQ(bu[13], "150"); // 600 s in 4-second units

    auto ba = Split(lines[1], '\t');
    ASSERT_EQ(ba.size(), 14u) << lines[1];
    EXPECT_EQ(ba[0], "6");
    EXPECT_EQ(ba[3], "0");
    EXPECT_EQ(ba[4], "4242");
    EXPECT_TRUE(IsTrue(ba[5])) << "P flag: " << ba[5];
    EXPECT_EQ(ba[6], "mn1@dmm.example");
    EXPECT_EQ(ba[7], "2001:470:abcd:1::");

    for (const char* f : {"/mh-0-0.pcap", "/mh-1-0.pcap"})
    {
        std::string malformed = RunCommand("tshark -r '" + m_dir + f +
                                           "' -Y '_ws.malformed || _ws.expert.severity "
                                           ">= error' 2>/dev/null");
        EXPECT_EQ(malformed, "") << f;
        std::string count = RunCommand("tshark -r '" + m_dir + f + "' -Y mipv6 2>/dev/null");
        EXPECT_EQ(std::count(count.begin(), count.end(), '\n'), 2) << f << ":\n" << count;
    }
}
