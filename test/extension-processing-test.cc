/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The Home Address option and the type 2 routing header on receipt (RFC 6275 §9.3.1,
// §11.3.3), on a two-node link: accepted only with a binding or for one's own address,
// delivered with the home address to UDP, malformed headers dropped and counted.
#include "ns3/core-module.h"
#include "ns3/home-address-option-header.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/internet-module.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/point-to-point-module.h"
#include "ns3/type2-routing-header.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

/// A sender and a host with mobility routing on one point-to-point link.
struct Link
{
    Ptr<Node> sender = CreateObject<Node>();
    Ptr<Node> host = CreateObject<Node>();
    Ipv6Address senderAddress;
    Ipv6Address hostAddress;
    Ptr<HostMobilityRouting> mr;
    Ptr<Socket> socket;
    std::vector<Ipv6Address> from; //!< sources of the datagrams the host's socket got

    Link()
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
        Ipv6ListRoutingHelper list;
        list.Add(Ipv6StaticRoutingHelper(), 0);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.SetRoutingHelper(list);
        stack.Install(NodeContainer(sender, host));
        NetDeviceContainer devs = PointToPointHelper().Install(sender, host);
        Ipv6AddressHelper addr;
        addr.SetBase(Ipv6Address("2001:aaaa:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(devs);
        senderAddress = ifs.GetAddress(0, 1);
        hostAddress = ifs.GetAddress(1, 1);
        mr = DynamicCast<HostMobilityRouting>(
            InsertMobilityRouting(host, CreateObject<HostMobilityRouting>()));
        mr->CreateTunnelInterface();
        socket = Socket::CreateSocket(host, UdpSocketFactory::GetTypeId());
        socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 9));
        socket->SetRecvCallback(MakeCallback(&Link::Received, this));
    }

    ~Link()
    {
        Simulator::Destroy();
    }

    void Received(Ptr<Socket> s)
    {
        Address a;
        while (s->RecvFrom(a))
        {
            from.push_back(Inet6SocketAddress::ConvertFrom(a).GetIpv6());
        }
    }

    /// A UDP datagram from \p udpSource to \p udpDestination behind \p extension.
    void Send(const Header& extension,
              uint8_t protocol,
              Ipv6Address udpSource,
              Ipv6Address udpDestination,
              Ipv6Address ipDestination)
    {
        Ptr<Packet> p = Create<Packet>(20);
        UdpHeader udp;
        udp.SetSourcePort(9);
        udp.SetDestinationPort(9);
        udp.EnableChecksums();
        udp.InitializeChecksum(udpSource, udpDestination, UdpL4Protocol::PROT_NUMBER);
        p->AddHeader(udp);
        p->AddHeader(extension);
        Simulator::Schedule(Seconds(0.1),
                            &Ipv6L3Protocol::Send,
                            sender->GetObject<Ipv6L3Protocol>(),
                            p,
                            senderAddress,
                            ipDestination,
                            protocol,
                            nullptr);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
    }
};

const Ipv6Address kHome("2001:1::5");

} // namespace

TEST(ExtensionProcessing, HomeAddressOptionNeedsABinding)
{
    Link link;
    HomeAddressOptionHeader hao;
    hao.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
    hao.SetHomeAddress(kHome);
    link.Send(hao, HomeAddressOptionHeader::PROT_NUMBER, kHome, link.hostAddress, link.hostAddress);
    EXPECT_TRUE(link.from.empty()) << "no binding: §9.3.1 says drop";
    EXPECT_EQ(link.mr->GetStats().haoNoBinding, 1u);

    link.mr->SetBinding(kHome, link.senderAddress);
    link.Send(hao, HomeAddressOptionHeader::PROT_NUMBER, kHome, link.hostAddress, link.hostAddress);
    ASSERT_EQ(link.from.size(), 1u) << "bound: delivered, checksum over the home address";
    EXPECT_EQ(link.from.front(), kHome);
    EXPECT_EQ(link.mr->GetStats().haoReceived, 1u);
}

TEST(ExtensionProcessing, Type2RoutingHeaderOnlyForOwnAddresses)
{
    Link link;
    link.mr->AddTunnelAddress(kHome); // the host's home address
    Type2RoutingHeader rh;
    rh.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
    rh.SetHomeAddress(kHome);
    link.Send(rh, Type2RoutingHeader::PROT_NUMBER, link.senderAddress, kHome, link.hostAddress);
    ASSERT_EQ(link.from.size(), 1u);
    EXPECT_EQ(link.mr->GetStats().rh2Received, 1u);

    Type2RoutingHeader foreign;
    foreign.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
    foreign.SetHomeAddress(Ipv6Address("2001:1::99")); // not the host's: never forwarded
    link.Send(foreign,
              Type2RoutingHeader::PROT_NUMBER,
              link.senderAddress,
              Ipv6Address("2001:1::99"),
              link.hostAddress);
    EXPECT_EQ(link.from.size(), 1u);
    EXPECT_EQ(link.mr->GetStats().rh2NotHome, 1u);
}
