/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// MobilityL4Protocol on two ns-3 nodes: a PBU crosses a point-to-point link and reaches
// the handler intact; malformed Mobility Headers are dropped under the right reason.
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

class MobilityL4ProtocolTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_nodes.Create(2);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        NetDeviceContainer devices = p2p.Install(m_nodes);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(m_nodes);
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("2001:470:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifaces = address.Assign(devices);
        m_addrA = ifaces.GetAddress(0, 1);
        m_addrB = ifaces.GetAddress(1, 1);
        m_l4a = MobilityL4Protocol::Install(m_nodes.Get(0));
        m_l4b = MobilityL4Protocol::Install(m_nodes.Get(1));
        m_l4b->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, MobilityL4Protocol::DropReason>(
                [this](Ptr<const Packet>, MobilityL4Protocol::DropReason r) {
                    m_drops.push_back(r);
                }));
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    /// Send raw bytes from A to B as IPv6 payload with next header 135.
    void SendRaw(const std::vector<uint8_t>& bytes, Time at)
    {
        Ptr<Socket> s = Socket::CreateSocket(m_nodes.Get(0), Ipv6RawSocketFactory::GetTypeId());
        s->SetAttribute("Protocol", UintegerValue(MobilityL4Protocol::PROT_NUMBER));
        Simulator::Schedule(at, [s, bytes, this]() {
            s->SendTo(Create<Packet>(bytes.data(), bytes.size()),
                      0,
                      Inet6SocketAddress(m_addrB, 0));
        });
    }

    /// A PBA from A to B with a correct checksum, as bytes.
    std::vector<uint8_t> ValidPbaBytes()
    {
        ProxyBindingAck pba;
        pba.SetSequence(3);
        pba.InitializeChecksum(m_addrA, m_addrB);
        return pba.ToBytes();
    }

    NodeContainer m_nodes;
    Ipv6Address m_addrA;
    Ipv6Address m_addrB;
    Ptr<MobilityL4Protocol> m_l4a;
    Ptr<MobilityL4Protocol> m_l4b;
    std::vector<MobilityL4Protocol::DropReason> m_drops;
};

} // namespace

TEST_F(MobilityL4ProtocolTest, InstallIsIdempotentAndRegistersProtocol135)
{
    EXPECT_EQ(MobilityL4Protocol::Install(m_nodes.Get(0)), m_l4a);
    Ptr<Ipv6L3Protocol> ipv6 = m_nodes.Get(0)->GetObject<Ipv6L3Protocol>();
    EXPECT_EQ(ipv6->GetProtocol(135), m_l4a);
    EXPECT_EQ(m_nodes.Get(0)->GetObject<MobilityL4Protocol>(), m_l4a);
    EXPECT_EQ(m_l4a->GetProtocolNumber(), 135);
    EXPECT_FALSE(m_l4a->GetDownTarget6().IsNull());
}

TEST_F(MobilityL4ProtocolTest, PbuReachesHandlerWithEqualFields)
{
    bool received = false;
    ProxyBindingUpdate got;
    Ipv6Header outer;
    m_l4b->RegisterHandler(MobilityHeader::BINDING_UPDATE,
                           MobilityL4Protocol::Handler(
                               [&](Ptr<Packet> p, const Ipv6Header& ip, Ptr<Ipv6Interface> iface) {
                                   received = true;
                                   outer = ip;
                                   got.InitializeChecksum(ip.GetSource(), ip.GetDestination());
                                   p->RemoveHeader(got);
                                   EXPECT_TRUE(iface);
                               }));
    std::vector<Ipv6Address> txSources;
    m_l4a->TraceConnectWithoutContext(
        "Tx",
        Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
            [&](Ptr<const Packet>, Ipv6Address src, Ipv6Address) { txSources.push_back(src); }));
    int rxTraces = 0;
    m_l4b->TraceConnectWithoutContext(
        "Rx",
        Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
            [&](Ptr<const Packet>, Ipv6Address, Ipv6Address) { ++rxTraces; }));

    ProxyBindingUpdate pbu;
    pbu.SetSequence(77);
    pbu.SetLifetime(Seconds(120));
    pbu.GetOptions().SetMobileNodeIdentifier("mn7@dmm");
    pbu.GetOptions().AddHomeNetworkPrefix(Ipv6Address("2001:470:77::"), 64);
    pbu.GetOptions().SetHandoffIndicator(1);
    pbu.GetOptions().SetAccessTechnologyType(3);
    pbu.GetOptions().SetTimestamp(MobilityOptions::TimeToTimestamp(Seconds(1)));
    Simulator::Schedule(Seconds(1), [&]() {
        // Source :: lets the routing protocol choose; the checksum must still be right.
        m_l4a->Send(pbu, Ipv6Address::GetAny(), m_addrB);
    });
    Simulator::Stop(Seconds(2));
    Simulator::Run();

    ASSERT_TRUE(received);
    EXPECT_EQ(outer.GetSource(), m_addrA);
    EXPECT_EQ(outer.GetNextHeader(), 135);
    ASSERT_EQ(txSources.size(), 1u);
    EXPECT_EQ(txSources[0], m_addrA);
    EXPECT_EQ(rxTraces, 1);
    EXPECT_EQ(got.GetParseResult(), MobilityHeader::ParseResult::OK);
    EXPECT_TRUE(got.IsChecksumOk());
    EXPECT_EQ(got.GetSequence(), 77);
    EXPECT_EQ(got.GetLifetime(), Seconds(120));
    EXPECT_TRUE(got.GetProxyRegistration());
    EXPECT_TRUE(got.GetAckRequested());
    EXPECT_EQ(got.GetOptions(), pbu.GetOptions());
    EXPECT_EQ(got.GetOptions().GetMobileNodeIdentifier(), std::optional<std::string>("mn7@dmm"));

    EXPECT_EQ(m_l4a->GetStats().txPackets, 1u);
    EXPECT_EQ(m_l4a->GetStats().txBytes, pbu.GetSerializedSize());
    EXPECT_EQ(m_l4b->GetStats().rxPackets, 1u);
    EXPECT_TRUE(m_drops.empty());
}

TEST_F(MobilityL4ProtocolTest, MalformedMessagesAreDroppedUnderTheRightReason)
{
    int handled = 0;
    m_l4b->RegisterHandler(
        MobilityHeader::BINDING_UPDATE,
        MobilityL4Protocol::Handler(
            [&](Ptr<Packet>, const Ipv6Header&, Ptr<Ipv6Interface>) { ++handled; }));

    std::vector<uint8_t> pba = ValidPbaBytes(); // valid, but B has no BA handler

    std::vector<uint8_t> truncated(pba.begin(), pba.begin() + 5);

    ProxyBindingUpdate pbu;
    pbu.GetOptions().SetHandoffIndicator(1);
    pbu.InitializeChecksum(m_addrA, m_addrB);
    std::vector<uint8_t> good = pbu.ToBytes();

    std::vector<uint8_t> badProto = good;
    badProto[0] = 6;
    std::vector<uint8_t> unknownType = good;
    unknownType[2] = 42;
    std::vector<uint8_t> badOption = good;
    badOption[13] = 250; // HI option length runs far past the end
    std::vector<uint8_t> badLength = good;
    badLength.insert(badLength.end(), 8, 0); // 8 octets beyond Header Len
    std::vector<uint8_t> badChecksum = good;
    badChecksum[5] ^= 0xff;

    // RFC 6275 section 9.2: a bad Payload Proto or Header Len earns a Parameter Problem.
    int paramProblems = 0;
    m_nodes.Get(0)->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
        "LocalDeliver",
        Callback<void, const Ipv6Header&, Ptr<const Packet>, uint32_t>(
            [&](const Ipv6Header& ip, Ptr<const Packet> p, uint32_t) {
                Icmpv6Header icmp;
                if (ip.GetNextHeader() == 58 && p->PeekHeader(icmp) &&
                    icmp.GetType() == Icmpv6Header::ICMPV6_ERROR_PARAMETER_ERROR)
                {
                    ++paramProblems;
                }
            }));

    SendRaw(truncated, Seconds(1.0));
    SendRaw(badProto, Seconds(1.1));
    SendRaw(unknownType, Seconds(1.2));
    SendRaw(badOption, Seconds(1.3));
    SendRaw(badLength, Seconds(1.4));
    SendRaw(badChecksum, Seconds(1.5));
    SendRaw(pba, Seconds(1.6));
    SendRaw(good, Seconds(1.7));
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    using R = MobilityL4Protocol::DropReason;
    std::vector<R> expected{R::TRUNCATED,
                            R::BAD_PAYLOAD_PROTO,
                            R::UNKNOWN_TYPE,
                            R::BAD_OPTION,
                            R::BAD_LENGTH,
                            R::BAD_CHECKSUM,
                            R::NO_HANDLER};
    EXPECT_EQ(m_drops, expected);
    const auto& s = m_l4b->GetStats();
    EXPECT_EQ(s.truncated, 1u);
    EXPECT_EQ(s.badPayloadProto, 1u);
    EXPECT_EQ(s.unknownType, 1u);
    EXPECT_EQ(s.badOption, 1u);
    EXPECT_EQ(s.badLength, 1u);
    EXPECT_EQ(s.badChecksum, 1u);
    EXPECT_EQ(s.noHandler, 1u);
    EXPECT_EQ(s.rxPackets, 2u); // the PBA (no handler) and the good PBU
    EXPECT_EQ(handled, 1);
    EXPECT_EQ(paramProblems, 2);
}

TEST_F(MobilityL4ProtocolTest, DirectReceiveSkipsUnknownOptionAndRejectsGarbage)
{
    int handled = 0;
    m_l4b->RegisterHandler(
        MobilityHeader::BINDING_UPDATE,
        MobilityL4Protocol::Handler(
            [&](Ptr<Packet>, const Ipv6Header&, Ptr<Ipv6Interface>) { ++handled; }));
    Ipv6Header ip;
    ip.SetSource(m_addrA);
    ip.SetDestination(m_addrB);
    ip.SetNextHeader(135);

    ProxyBindingUpdate pbu;
    pbu.GetOptions().AddRawOption(201, {1, 2, 3, 4, 5});
    pbu.GetOptions().AddRawOption(202, {});
    pbu.InitializeChecksum(m_addrA, m_addrB);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(pbu);
    std::vector<uint8_t> junk(64, 0xff);
    std::vector<IpL4Protocol::RxStatus> status;
    // Inside the simulation: a drop may answer with ICMPv6, which needs started nodes.
    Simulator::Schedule(Seconds(1), [&]() {
        status.push_back(m_l4b->Receive(p->Copy(), ip, nullptr));
        status.push_back(m_l4b->Receive(Create<Packet>(), ip, nullptr));
        status.push_back(m_l4b->Receive(Create<Packet>(junk.data(), junk.size()), ip, nullptr));
    });
    Simulator::Run();

    std::vector<IpL4Protocol::RxStatus> expected(3, IpL4Protocol::RX_OK);
    EXPECT_EQ(status, expected);
    EXPECT_EQ(handled, 1);
    EXPECT_EQ(m_l4b->GetStats().unknownOptionSkipped, 2u);
    ASSERT_EQ(m_drops.size(), 2u);
    EXPECT_EQ(m_drops[0], MobilityL4Protocol::DropReason::TRUNCATED);
    EXPECT_EQ(m_drops[1], MobilityL4Protocol::DropReason::BAD_PAYLOAD_PROTO);

    Ipv4Header ip4;
    EXPECT_EQ(m_l4b->Receive(p, ip4, Ptr<Ipv4Interface>()), IpL4Protocol::RX_ENDPOINT_UNREACH);
}

TEST_F(MobilityL4ProtocolTest, SendWithoutRouteIsCountedNotCrashed)
{
    std::vector<MobilityL4Protocol::DropReason> drops;
    m_l4a->TraceConnectWithoutContext(
        "Drop",
        Callback<void, Ptr<const Packet>, MobilityL4Protocol::DropReason>(
            [&](Ptr<const Packet>, MobilityL4Protocol::DropReason r) { drops.push_back(r); }));
    ProxyBindingUpdate pbu;
    Simulator::Schedule(Seconds(1), [&]() {
        m_l4a->Send(pbu, Ipv6Address::GetAny(), Ipv6Address("2001:470:99::1"));
    });
    Simulator::Run();
    EXPECT_EQ(m_l4a->GetStats().noRoute, 1u);
    EXPECT_EQ(m_l4a->GetStats().txPackets, 0u);
    ASSERT_EQ(drops.size(), 1u);
    EXPECT_EQ(drops[0], MobilityL4Protocol::DropReason::NO_ROUTE);
}

TEST_F(MobilityL4ProtocolTest, NoErrorAnswersSourcesThatAreNotOneNode)
{
    // RFC 4443 §2.4(e): a malformed Mobility Header from the unspecified address, a
    // multicast address or a subnet-router anycast address is dropped without an ICMPv6
    // error (answering ff02::1 crashed ns-3 in SendErrorParameterError: found by fuzzing).
    int errorsSent = 0;
    m_nodes.Get(1)->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
        "SendOutgoing",
        Callback<void, const Ipv6Header&, Ptr<const Packet>, uint32_t>(
            [&](const Ipv6Header& ip, Ptr<const Packet> p, uint32_t) {
                Icmpv6Header icmp;
                errorsSent += ip.GetNextHeader() == 58 && p->PeekHeader(icmp) &&
                              icmp.GetType() == Icmpv6Header::ICMPV6_ERROR_PARAMETER_ERROR;
            }));
    const std::vector<uint8_t>
        fuzzed{0x09, 0x23, 0x00, 0x00, 0x3a, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00};
    std::vector<IpL4Protocol::RxStatus> status;
    Simulator::Schedule(Seconds(1), [&]() {
        for (const char* src : {"ff02::1", "::", "2001:470:1::", "ff0e::101"})
        {
            Ipv6Header ip;
            ip.SetSource(Ipv6Address(src));
            ip.SetDestination(m_addrB);
            ip.SetNextHeader(135);
            status.push_back(
                m_l4b->Receive(Create<Packet>(fuzzed.data(), fuzzed.size()), ip, nullptr));
        }
    });
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    EXPECT_EQ(status, std::vector<IpL4Protocol::RxStatus>(4, IpL4Protocol::RX_OK));
    EXPECT_EQ(m_l4b->GetStats().badPayloadProto, 4u);
    EXPECT_EQ(errorsSent, 0);

    // A unicast source still earns its Parameter Problem (RFC 6275 §9.2).
    Ipv6Header ip;
    ip.SetSource(m_addrA);
    ip.SetDestination(m_addrB);
    EXPECT_TRUE(MobilityL4Protocol::MayAnswerWithError(ip));
    ip.SetDestination(Ipv6Address("ff02::1"));
    EXPECT_FALSE(MobilityL4Protocol::MayAnswerWithError(ip));
}
