/*
 * dmm: IP mobility management for ns-3.
 *
 * Unit tests of the logical interface (LogicalNetDevice, RFC 7847) over two access
 * devices: which physical device a packet leaves on (flow binding by source prefix,
 * longest match; learnt link of the destination; first link up; group packets on every
 * link), a moved flow sent to the router of its new link, reception from every device
 * without duplicates, per-device attach/detach reports, and one IPv6 interface whose
 * flows reach two routers over the two links.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/logical-net-device.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

constexpr uint16_t kIpv6 = 0x86DD;

/// An IPv6 packet (header only, payload zero) from \p source; \p icmpType sets an ICMPv6
/// message type after the header (0: UDP). An RA gets its whole 16-octet fixed part: the
/// access link drops a shorter one, which ns-3 would read past.
Ptr<Packet>
Ipv6From(const char* source, uint8_t icmpType = 0)
{
    uint8_t payload = icmpType == 134 ? 16 : 8;
    std::vector<uint8_t> bytes(40 + payload, 0);
    bytes[0] = 0x60;
    bytes[5] = payload;
    bytes[6] = icmpType != 0 ? 58 : 17;
    bytes[7] = 64;
    Ipv6Address(source).Serialize(bytes.data() + 8);
    bytes[40] = icmpType;
    return Create<Packet>(bytes.data(), bytes.size());
}

/// A router advertisement from \p source offering \p prefix/64 (one Prefix Information
/// option, L and A flags) with \p valid seconds of valid lifetime.
Ptr<Packet>
RaFrom(const char* source, const char* prefix, uint32_t valid)
{
    constexpr size_t kRa = 40;  // RA after the IPv6 header
    constexpr size_t kPio = 56; // PIO after the 16-byte RA body
    std::vector<uint8_t> bytes(kPio + 32, 0);
    bytes[0] = 0x60;
    bytes[5] = 48; // payload length: RA body and one PIO
    bytes[6] = 58;
    bytes[7] = 255;
    Ipv6Address(source).Serialize(bytes.data() + 8);
    bytes[kRa] = 134;
    bytes[kPio] = 3; // Prefix Information
    bytes[kPio + 1] = 4;
    bytes[kPio + 2] = 64;
    bytes[kPio + 3] = 0xc0;
    for (int i = 0; i < 4; ++i)
    {
        bytes[kPio + 4 + i] = (valid >> (24 - 8 * i)) & 0xff;
    }
    Ipv6Address(prefix).Serialize(bytes.data() + kPio + 16);
    return Create<Packet>(bytes.data(), bytes.size());
}

/// The Internet checksum of an ICMPv6 message in \p ip (an IPv6 packet), pseudo-header
/// included (RFC 4443 §2.3): 0 when the message's checksum field is right.
uint16_t
Icmpv6ChecksumResidue(const std::vector<uint8_t>& ip)
{
    uint32_t sum = 0;
    auto add = [&sum](uint8_t hi, uint8_t lo) { sum += (hi << 8) | lo; };
    for (size_t i = 8; i < 40; i += 2)
    {
        add(ip[i], ip[i + 1]); // source and destination
    }
    size_t length = ip.size() - 40;
    sum += length + 58;
    for (size_t i = 40; i < ip.size(); i += 2)
    {
        add(ip[i], i + 1 < ip.size() ? ip[i + 1] : 0);
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<uint16_t>(~sum);
}

/// A router node with one access device on its own channel; records what it receives.
struct Router
{
    explicit Router(const char* mac)
    {
        node = CreateObject<Node>();
        dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(Mac48Address(mac));
        node->AddDevice(dev);
        // A protocol handler, not the device's receive callback: the IPv6 stack some
        // tests install must see the frames too.
        node->RegisterProtocolHandler(MakeCallback(&Router::OnReceive, this), kIpv6, dev);
        channel = CreateObject<AccessChannel>();
        dev->Attach(channel);
    }

    void OnReceive(Ptr<NetDevice>,
                   Ptr<const Packet> p,
                   uint16_t,
                   const Address&,
                   const Address&,
                   NetDevice::PacketType)
    {
        rx.push_back(p->GetUid());
    }

    Mac48Address Mac() const
    {
        return Mac48Address::ConvertFrom(dev->GetAddress());
    }

    /// Sends \p p to \p to on its link now.
    void Send(Ptr<Packet> p, Mac48Address to)
    {
        dev->Send(p, to, kIpv6);
    }

    Ptr<Node> node;
    Ptr<AccessNetDevice> dev;
    Ptr<AccessChannel> channel;
    std::vector<uint64_t> rx;
};

/// A host whose logical interface sits on two access devices "if1" and "if2", attached to
/// the links of two routers; records what the logical device delivers and reports.
class LogicalNetDeviceTest : public ::testing::Test
{
  protected:
    LogicalNetDeviceTest()
        : ar1("00:00:00:00:01:01"),
          ar2("00:00:00:00:02:02")
    {
        host = CreateObject<Node>();
        logical = CreateObject<LogicalNetDevice>();
        host->AddDevice(logical);
        host->RegisterProtocolHandler(MakeCallback(&LogicalNetDeviceTest::OnReceive, this),
                                      kIpv6,
                                      logical);
        logical->TraceConnectWithoutContext(
            "PhysicalLink",
            MakeCallback(&LogicalNetDeviceTest::OnPhysicalLink, this));
        for (const char* name : {"if1", "if2"})
        {
            Ptr<AccessNetDevice> dev = CreateObject<AccessNetDevice>();
            logical->AddPhysical(dev, name);
            phys.push_back(dev);
        }
        phys[0]->Attach(ar1.channel);
        phys[1]->Attach(ar2.channel);
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    void OnReceive(Ptr<NetDevice> device,
                   Ptr<const Packet> p,
                   uint16_t,
                   const Address&,
                   const Address&,
                   NetDevice::PacketType)
    {
        EXPECT_EQ(device, logical);
        delivered.push_back(p->GetUid());
    }

    void OnPhysicalLink(uint32_t index, const std::string& name, bool up)
    {
        reports.push_back(std::to_string(index) + name + (up ? "+" : "-"));
    }

    /// Sends \p p through the logical device to \p to and runs the simulation.
    void SendAndRun(Ptr<Packet> p, Mac48Address to)
    {
        EXPECT_TRUE(logical->Send(p, to, kIpv6));
        Simulator::Run();
    }

    Router ar1;
    Router ar2;
    Ptr<Node> host;
    Ptr<LogicalNetDevice> logical;
    std::vector<Ptr<AccessNetDevice>> phys;
    std::vector<uint64_t> delivered;
    std::vector<std::string> reports;
};

TEST_F(LogicalNetDeviceTest, PhysicalDevicesShareTheLogicalLinkLayerAddress)
{
    EXPECT_EQ(logical->GetNPhysical(), 2u);
    EXPECT_EQ(logical->FindPhysical("if2"), 1);
    EXPECT_EQ(logical->FindPhysical("if3"), -1);
    for (const auto& dev : phys)
    {
        EXPECT_EQ(dev->GetAddress(), logical->GetAddress());
        EXPECT_EQ(dev->GetNode(), host);
    }
}

TEST_F(LogicalNetDeviceTest, SourcePrefixBindingChoosesTheDevice)
{
    logical->BindPrefix(Ipv6Address("2001:470:1::"), 64, 0);
    logical->BindPrefix(Ipv6Address("2001:470:2::"), 64, 1);
    Ptr<Packet> one = Ipv6From("2001:470:1::5");
    Ptr<Packet> two = Ipv6From("2001:470:2::5");
    // The router's address is the logical neighbour; only the binding decides the link.
    logical->Send(one, ar1.Mac(), kIpv6);
    logical->Send(two, ar2.Mac(), kIpv6);
    Simulator::Run();
    EXPECT_EQ(ar1.rx, std::vector<uint64_t>{one->GetUid()});
    EXPECT_EQ(ar2.rx, std::vector<uint64_t>{two->GetUid()});
}

TEST_F(LogicalNetDeviceTest, LongestPrefixBindingWins)
{
    logical->BindPrefix(Ipv6Address("2001:470:1::"), 64, 0);
    logical->BindPrefix(Ipv6Address("2001:470:1::7"), 128, 1);
    logical->BindPrefix(Ipv6Address("2001:470::"), 48, 0);
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:1::7")), 1);
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:1::8")), 0);
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:0:9::8")), 0);
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:471::1")), -1);
    // Rebinding replaces: a flow moves, it is not duplicated.
    logical->BindPrefix(Ipv6Address("2001:470:1::7"), 128, 0);
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:1::7")), 0);
    logical->UnbindPrefix(Ipv6Address("2001:470::"), 48);
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:0:9::8")), -1);
}

TEST_F(LogicalNetDeviceTest, UnboundPacketFollowsTheLinkItsDestinationWasHeardOn)
{
    // Nothing heard yet: the first device whose link is up, where ar2 is not.
    SendAndRun(Ipv6From("fe80::1"), ar2.Mac());
    EXPECT_TRUE(ar2.rx.empty());
    EXPECT_EQ(ar1.dev->GetStats().rxFrames, 0u); // unicast for ar2: nobody on link 1
    ar2.Send(Ipv6From("fe80::2"), Mac48Address::ConvertFrom(logical->GetAddress()));
    Simulator::Run();
    Ptr<Packet> p = Ipv6From("fe80::1");
    SendAndRun(p, ar2.Mac());
    EXPECT_EQ(ar2.rx, std::vector<uint64_t>{p->GetUid()});
}

// Neighbor Discovery hands the device the address it read from a link-layer address
// option: the same MAC without the type Mac48Address gives (ns-3's Address of type 0).
TEST_F(LogicalNetDeviceTest, AnUntypedDestinationIsTheSameNeighbour)
{
    ar2.Send(Ipv6From("fe80::2"), Mac48Address::ConvertFrom(logical->GetAddress()));
    Simulator::Run();
    uint8_t bytes[6];
    ar2.Mac().CopyTo(bytes);
    Ptr<Packet> p = Ipv6From("fe80::1");
    EXPECT_TRUE(logical->Send(p, Address(0, bytes, 6), kIpv6));
    Simulator::Run();
    EXPECT_EQ(ar2.rx, std::vector<uint64_t>{p->GetUid()});
}

TEST_F(LogicalNetDeviceTest, UnboundPacketSkipsADetachedDevice)
{
    phys[0]->Detach();
    Ptr<Packet> p = Ipv6From("fe80::1");
    SendAndRun(p, ar2.Mac());
    EXPECT_EQ(ar2.rx, std::vector<uint64_t>{p->GetUid()});
}

TEST_F(LogicalNetDeviceTest, GroupPacketsLeaveOnEveryAttachedDevice)
{
    Ptr<Packet> rs = Ipv6From("fe80::1", 133);
    SendAndRun(rs, Mac48Address::GetMulticast(Ipv6Address::GetAllRoutersMulticast()));
    EXPECT_EQ(ar1.rx.size(), 1u);
    EXPECT_EQ(ar2.rx.size(), 1u);
    phys[1]->Detach();
    SendAndRun(Ipv6From("fe80::1", 133), Mac48Address::GetBroadcast());
    EXPECT_EQ(ar1.rx.size(), 2u);
    EXPECT_EQ(ar2.rx.size(), 1u);
}

TEST_F(LogicalNetDeviceTest, MovedFlowLeavesThroughTheRouterOfItsNewLink)
{
    Mac48Address self = Mac48Address::ConvertFrom(logical->GetAddress());
    ar1.Send(Ipv6From("fe80::a1", 134), self); // router advertisement on link 1
    ar2.Send(Ipv6From("fe80::a2", 134), self); // and on link 2
    Simulator::Run();
    // IP resolved its next hop (ar1) before the flow moved to if2 (RFC 7847 §6.3).
    logical->BindPrefix(Ipv6Address("2001:470:1::"), 64, 1);
    Ptr<Packet> p = Ipv6From("2001:470:1::5");
    SendAndRun(p, ar1.Mac());
    EXPECT_TRUE(ar1.rx.empty());
    EXPECT_EQ(ar2.rx, std::vector<uint64_t>{p->GetUid()});
    EXPECT_EQ(logical->GetStats().rebound, 1u);
}

TEST_F(LogicalNetDeviceTest, AdvertisedPrefixIsBoundToTheLinkOfItsRouter)
{
    Mac48Address self = Mac48Address::ConvertFrom(logical->GetAddress());
    ar1.Send(RaFrom("fe80::a1", "2001:470:1::", 3600), self);
    ar2.Send(RaFrom("fe80::a2", "2001:470:2::", 3600), self);
    Simulator::Run();
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:1::5")), 0);
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:2::5")), 1);
    EXPECT_FALSE(logical->IsExplicit(Ipv6Address("2001:470:2::"), 64));
    // IP chose ar1 as the next hop of a packet whose source is ar2's prefix.
    Ptr<Packet> p = Ipv6From("2001:470:2::5");
    SendAndRun(p, ar1.Mac());
    EXPECT_EQ(ar2.rx, std::vector<uint64_t>{p->GetUid()});
    // Withdrawn (valid lifetime 0): the learnt binding goes.
    ar2.Send(RaFrom("fe80::a2", "2001:470:2::", 0), self);
    Simulator::Run();
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:2::5")), -1);
}

TEST_F(LogicalNetDeviceTest, AnExplicitBindingOutlivesAdvertisements)
{
    Mac48Address self = Mac48Address::ConvertFrom(logical->GetAddress());
    logical->BindPrefix(Ipv6Address("2001:470:1::"), 64, 1); // the flow moved to if2
    ar1.Send(RaFrom("fe80::a1", "2001:470:1::", 3600), self);
    Simulator::Run();
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:1::5")), 1);
    EXPECT_TRUE(logical->IsExplicit(Ipv6Address("2001:470:1::"), 64));
    ar1.Send(RaFrom("fe80::a1", "2001:470:1::", 0), self);
    Simulator::Run();
    EXPECT_EQ(logical->LookupBinding(Ipv6Address("2001:470:1::5")), 1);
}

TEST_F(LogicalNetDeviceTest, ReceivesFromEveryDeviceThroughTheLogicalDevice)
{
    Mac48Address self = Mac48Address::ConvertFrom(logical->GetAddress());
    Ptr<Packet> one = Ipv6From("2001:470:1::a");
    Ptr<Packet> two = Ipv6From("2001:470:2::a");
    ar1.Send(one, self);
    ar2.Send(two, self);
    Simulator::Run();
    EXPECT_EQ(delivered, (std::vector<uint64_t>{one->GetUid(), two->GetUid()}));
    EXPECT_EQ(logical->GetStats().rxPackets, 2u);
}

TEST_F(LogicalNetDeviceTest, AFrameHeardOnTwoDevicesIsDeliveredOnce)
{
    phys[1]->Attach(ar1.channel); // both interfaces on link 1
    Ptr<Packet> ra = Ipv6From("fe80::a1", 134);
    ar1.Send(ra, Mac48Address::GetBroadcast());
    Simulator::Run();
    EXPECT_EQ(phys[0]->GetStats().rxFrames, 1u);
    EXPECT_EQ(phys[1]->GetStats().rxFrames, 1u);
    EXPECT_EQ(delivered, std::vector<uint64_t>{ra->GetUid()});
    EXPECT_EQ(logical->GetStats().duplicate, 1u);
}

TEST_F(LogicalNetDeviceTest, ReportsEachDevicesAttachAndDetach)
{
    EXPECT_EQ(reports, (std::vector<std::string>{"0if1+", "1if2+"})); // the fixture's
    reports.clear();
    EXPECT_TRUE(logical->IsLinkUp());
    phys[0]->Detach();
    EXPECT_TRUE(logical->IsLinkUp());
    phys[1]->Detach();
    EXPECT_FALSE(logical->IsLinkUp());
    phys[1]->Attach(ar1.channel);
    EXPECT_EQ(reports, (std::vector<std::string>{"0if1-", "1if2-", "1if2+"}));
}

TEST_F(LogicalNetDeviceTest, OneIpv6InterfaceReachesBothRoutersPerSourcePrefix)
{
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.Install(NodeContainer(host, ar1.node, ar2.node));
    auto addInterface = [](Ptr<Node> node, Ptr<NetDevice> dev, const char* address) {
        Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
        uint32_t i = ipv6->AddInterface(dev);
        ipv6->AddAddress(i, Ipv6InterfaceAddress(Ipv6Address(address), Ipv6Prefix(64)));
        ipv6->SetUp(i);
        return i;
    };
    uint32_t hostIf = addInterface(host, logical, "2001:470:1::5");
    host->GetObject<Ipv6>()->AddAddress(
        hostIf,
        Ipv6InterfaceAddress(Ipv6Address("2001:470:2::5"), Ipv6Prefix(64)));
    addInterface(ar1.node, ar1.dev, "2001:470:1::1");
    addInterface(ar2.node, ar2.dev, "2001:470:2::1");
    logical->BindPrefix(Ipv6Address("2001:470:1::"), 64, 0);
    logical->BindPrefix(Ipv6Address("2001:470:2::"), 64, 1);

    Ptr<Ipv6> ipv6 = host->GetObject<Ipv6>();
    EXPECT_EQ(ipv6->GetNInterfaces(), 2u);      // loopback and the logical interface only
    EXPECT_EQ(ipv6->GetNAddresses(hostIf), 3u); // one link-local, two global
    std::vector<int> received(2, 0);
    std::vector<Ptr<Socket>> sinks;
    for (int i = 0; i < 2; ++i)
    {
        Ptr<Node> router = i == 0 ? ar1.node : ar2.node;
        Ptr<Socket> sink = Socket::CreateSocket(router, UdpSocketFactory::GetTypeId());
        sink->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 9));
        sink->SetRecvCallback(Callback<void, Ptr<Socket>>(
            [&received, i](Ptr<Socket> s) { received[i] += s->Recv() ? 1 : 0; }));
        sinks.push_back(sink);
    }
    for (const char* to : {"2001:470:1::1", "2001:470:2::1"})
    {
        Ptr<Socket> src = Socket::CreateSocket(host, UdpSocketFactory::GetTypeId());
        src->Connect(Inet6SocketAddress(Ipv6Address(to), 9));
        Simulator::Schedule(Seconds(2), [src]() { src->Send(Create<Packet>(100)); });
    }
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    EXPECT_EQ(received, (std::vector<int>{1, 1}));
    EXPECT_EQ(logical->GetStats().noPhysical + logical->GetStats().physicalRefused, 0u);
}

TEST(LogicalNetDeviceOwnAddresses, EachDeviceSolicitsWithItsOwnAddress)
{
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    Router ar1("00:00:00:00:01:01");
    Ptr<Node> host = CreateObject<Node>();
    Ptr<LogicalNetDevice> logical =
        CreateObjectWithAttributes<LogicalNetDevice>("SharedLinkLayerAddress", BooleanValue(false));
    host->AddDevice(logical);
    Ptr<AccessNetDevice> if1 = CreateObject<AccessNetDevice>();
    logical->AddPhysical(if1, "if1");
    if1->Attach(ar1.channel);
    EXPECT_NE(if1->GetAddress(), logical->GetAddress());
    std::vector<std::vector<uint8_t>> heard;
    ar1.dev->TraceConnectWithoutContext(
        "Sniffer",
        Callback<void, Ptr<const Packet>>([&heard](Ptr<const Packet> frame) {
            std::vector<uint8_t> bytes(frame->GetSize());
            frame->CopyData(bytes.data(), bytes.size());
            heard.emplace_back(bytes.begin() + 14, bytes.end()); // after Ethernet
        }));
    // The host's stack solicits routers once its link-local address is usable.
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.Install(host);
    Ptr<Ipv6> ipv6 = host->GetObject<Ipv6>();
    ipv6->SetUp(ipv6->AddInterface(logical));
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    auto solicitation = std::find_if(heard.begin(), heard.end(), [](const auto& ip) {
        return ip.size() > 40 && ip[6] == 58 && ip[40] == 133;
    });
    ASSERT_NE(solicitation, heard.end());
    const std::vector<uint8_t>& rs = *solicitation;
    ASSERT_EQ(rs.size(), 56u); // IPv6, RS body, one Source Link-Layer Address option
    EXPECT_EQ(rs[40], 133);
    uint8_t own[6];
    Mac48Address::ConvertFrom(if1->GetAddress()).CopyTo(own);
    EXPECT_EQ(std::vector<uint8_t>(rs.begin() + 50, rs.end()), std::vector<uint8_t>(own, own + 6));
    EXPECT_EQ(Icmpv6ChecksumResidue(rs), 0);
    // Unicast to the logical address still reaches the node.
    ar1.Send(Ipv6From("fe80::1"), Mac48Address::ConvertFrom(logical->GetAddress()));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    EXPECT_EQ(logical->GetStats().rxPackets, 1u);
    EXPECT_TRUE(if1->Accepts(Mac48Address::ConvertFrom(logical->GetAddress())));
    Simulator::Destroy();
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
}

} // namespace
