/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Test-only PMIPv6 topology assembled by hand from the model classes (no scenario builder):
//
//   cn --p2p-- lma --p2p-- mag1 ~~access~~ (mn)
//               \--p2p-- mag2 ~~access~~
//
// The MN's access device starts detached; a LinkSwitch moves it between the MAGs'
// access channels. Every wired link has a fixed delay, so signalling timing is exact.
#ifndef DMM_TEST_PMIPV6_FIXTURE_H
#define DMM_TEST_PMIPV6_FIXTURE_H

#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/binding-cache.h"
#include "ns3/core-module.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/internet-module.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/link-switch.h"
#include "ns3/lma-agent.h"
#include "ns3/mag-agent.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/prefix-pool-allocation.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/proxy-location-update.h"
#include "ns3/routing-control.h"

#include <array>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace test
{

/// Knobs of the hand-built PMIPv6 network.
struct Pmipv6Options
{
    Time lifetime{Seconds(20)};                 //!< ProxyLocationUpdate Lifetime
    double refreshRatio{0.8};                   //!< ProxyLocationUpdate RefreshRatio
    Time initialBindackTimeout{Seconds(1)};     //!< ProxyLocationUpdate InitialBindackTimeout
    Time maxBindackTimeout{Seconds(32)};        //!< ProxyLocationUpdate MaxBindackTimeout
    Time minDelayBeforeBceDelete{Seconds(1.5)}; //!< BindingCache MinDelayBeforeBceDelete
    Time switchTime{MilliSeconds(50)};          //!< LinkSwitch SwitchTime
    std::array<bool, 2> policy{true, true};     //!< MN's MAC in each MAG's policy store
    bool useTimestamps{true};                   //!< UseTimestamps of the LMA and the MAGs
    uint32_t maxSequenceResyncs{3};             //!< ProxyLocationUpdate MaxSequenceResyncs
    bool sharedSequences{false};                //!< one SequenceStore for both MAGs
};

/// One Mobility Header message seen by a MobilityL4Protocol trace.
struct MhRecord
{
    Time at;                                 //!< when it was traced
    uint8_t type{0};                         //!< MH type (5 PBU, 6 PBA)
    uint16_t sequence{0};                    //!< sequence number
    Time lifetime;                           //!< lifetime field
    uint8_t status{0};                       //!< PBA status
    std::vector<HomeNetworkPrefix> prefixes; //!< HNP options
    bool timestamp{false};                   //!< carries a Timestamp option
    Ipv6Address src;                         //!< IPv6 source
    Ipv6Address dst;                         //!< IPv6 destination
};

/// Records PBUs and PBAs passing a "Tx" or "Rx" trace of a MobilityL4Protocol.
inline void
RecordMh(Ptr<MobilityL4Protocol> mh, const std::string& source, std::vector<MhRecord>* out)
{
    mh->TraceConnectWithoutContext(
        source,
        Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
            [out](Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst) {
                uint8_t bytes[3] = {0, 0, 0};
                if (p->CopyData(bytes, 3) != 3)
                {
                    return;
                }
                MhRecord r;
                r.at = Simulator::Now();
                r.type = bytes[2];
                r.src = src;
                r.dst = dst;
                Ptr<Packet> copy = p->Copy();
                const MobilityOptions* opts = nullptr;
                ProxyBindingUpdate pbu;
                ProxyBindingAck pba;
                if (r.type == MobilityHeader::BINDING_UPDATE)
                {
                    copy->RemoveHeader(pbu);
                    r.sequence = pbu.GetSequence();
                    r.lifetime = pbu.GetLifetime();
                    opts = &pbu.GetOptions();
                }
                else if (r.type == MobilityHeader::BINDING_ACK)
                {
                    copy->RemoveHeader(pba);
                    r.sequence = pba.GetSequence();
                    r.lifetime = pba.GetLifetime();
                    r.status = pba.GetStatus();
                    opts = &pba.GetOptions();
                }
                if (opts)
                {
                    r.timestamp = opts->GetTimestamp().has_value();
                    for (const auto& [prefix, length] : opts->GetHomeNetworkPrefixes())
                    {
                        r.prefixes.push_back(HomeNetworkPrefix::Make(prefix, length));
                    }
                }
                out->push_back(r);
            }));
}

/// \return the records of one MH type
inline std::vector<MhRecord>
OfType(const std::vector<MhRecord>& records, uint8_t type)
{
    std::vector<MhRecord> out;
    for (const auto& r : records)
    {
        if (r.type == type)
        {
            out.push_back(r);
        }
    }
    return out;
}

/// The hand-built network; call Simulator::Destroy() after each run.
class Pmipv6Network
{
  public:
    explicit Pmipv6Network(const Pmipv6Options& opt = Pmipv6Options())
    {
        // Addresses of a previous test in this process must not collide with ours.
        Ipv6AddressGenerator::Reset();
        lma = CreateObject<Node>();
        cn = CreateObject<Node>();
        mn = CreateObject<Node>();
        for (auto& m : mag)
        {
            m = CreateObject<Node>();
        }
        Ipv6ListRoutingHelper list;
        list.Add(Ipv6StaticRoutingHelper(), 0);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.SetRoutingHelper(list);
        stack.SetIpv6NsRsJitter(false);
        NodeContainer all;
        for (const auto& n : {lma, cn, mn, mag[0], mag[1]})
        {
            all.Add(n);
        }
        stack.Install(all);

        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        Ipv6StaticRoutingHelper routing;
        for (uint32_t i = 0; i < 2; ++i)
        {
            NetDeviceContainer devs = p2p.Install(lma, mag[i]);
            lmaToMag[i] = DynamicCast<PointToPointNetDevice>(devs.Get(0));
            Ipv6AddressHelper addr;
            addr.SetBase(Ipv6Address(i == 0 ? "2001:aaaa:1::" : "2001:aaaa:2::"), Ipv6Prefix(64));
            Ipv6InterfaceContainer ifs = addr.Assign(devs);
            lmaLinkAddr[i] = ifs.GetAddress(0, 1);
            magAddr[i] = ifs.GetAddress(1, 1);
            routing.GetStaticRouting(mag[i]->GetObject<Ipv6>())
                ->SetDefaultRoute(lmaLinkAddr[i], ifs.GetInterfaceIndex(1));
        }
        lmaAddr = lmaLinkAddr[0];
        {
            NetDeviceContainer devs = p2p.Install(lma, cn);
            Ipv6AddressHelper addr;
            addr.SetBase(Ipv6Address("2001:aaaa:3::"), Ipv6Prefix(64));
            Ipv6InterfaceContainer ifs = addr.Assign(devs);
            cnAddr = ifs.GetAddress(1, 1);
            routing.GetStaticRouting(cn->GetObject<Ipv6>())
                ->SetDefaultRoute(ifs.GetAddress(0, 1), ifs.GetInterfaceIndex(1));
        }
        for (const auto& n : {lma, mag[0], mag[1]})
        {
            n->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
        }

        // The MN, detached until its first attachment.
        mnDevice = NewAccessDevice(mn, Mac48Address::Allocate(), nullptr);
        mnMac = Mac48Address::ConvertFrom(mnDevice->GetAddress());
        Ipv6AddressHelper().AssignWithoutAddress(NetDeviceContainer(mnDevice));

        // LMA: HAA + LM + MR + RC.
        lmaMr = AddMobilityRouting(lma);
        pool = CreateObject<PrefixPoolAllocation>();
        cache = CreateObjectWithAttributes<BindingCache>("MinDelayBeforeBceDelete",
                                                         TimeValue(opt.minDelayBeforeBceDelete),
                                                         "UseTimestamps",
                                                         BooleanValue(opt.useTimestamps));
        lmaRc = CreateObject<RoutingControl>();
        lmaRc->Setup(lmaMr, lma->GetObject<Ipv6TunnelL4Protocol>(), lmaAddr);
        lmaAgent = CreateObject<LmaAgent>();
        lmaAgent->Setup(pool, cache, lmaMr, lmaRc, lmaAddr);
        lma->AddApplication(lmaAgent);

        // MAGs: access link + LU + RC + MR.
        mnAgent = CreateObject<MnAgent>();
        mnAgent->SetDevice(mnDevice);
        mn->AddApplication(mnAgent);
        linkSwitch =
            CreateObjectWithAttributes<LinkSwitch>("SwitchTime", TimeValue(opt.switchTime));
        linkSwitch->SetDevice(mnDevice, mnAgent);
        Ptr<SequenceNumberStore> store =
            opt.sharedSequences ? CreateObject<SequenceNumberStore>() : nullptr;
        for (uint32_t i = 0; i < 2; ++i)
        {
            accessChannel[i] =
                CreateObjectWithAttributes<AccessChannel>("DataRate",
                                                          DataRateValue(DataRate("100Mbps")),
                                                          "Delay",
                                                          TimeValue(MicroSeconds(500)));
            // One MAC on every MAG's access link: the MN sees one router (RFC 5213 §6.9.3).
            Ptr<AccessNetDevice> dev =
                NewAccessDevice(mag[i], Mac48Address("02:00:00:00:00:01"), accessChannel[i]);
            Ipv6AddressHelper addr;
            Ipv6Address onLink(i == 0 ? "2001:bbbb:1::" : "2001:bbbb:2::");
            addr.SetBase(onLink, Ipv6Prefix(64));
            Ipv6InterfaceContainer ifs = addr.Assign(NetDeviceContainer(dev));
            ifs.SetForwarding(0, true);
            uint32_t interface = ifs.GetInterfaceIndex(0);

            magMr[i] = AddMobilityRouting(mag[i]);
            magMr[i]->AddAccessInterface(interface, HomeNetworkPrefix::Make(onLink, 64));
            magMr[i]->AddMobileAggregate(pool->GetAggregate());
            lu[i] = CreateObjectWithAttributes<ProxyLocationUpdate>(
                "Lifetime",
                TimeValue(opt.lifetime),
                "RefreshRatio",
                DoubleValue(opt.refreshRatio),
                "InitialBindackTimeout",
                TimeValue(opt.initialBindackTimeout),
                "MaxBindackTimeout",
                TimeValue(opt.maxBindackTimeout),
                "UseTimestamps",
                BooleanValue(opt.useTimestamps),
                "MaxSequenceResyncs",
                UintegerValue(opt.maxSequenceResyncs),
                "SequenceStore",
                PointerValue(store));
            lu[i]->Setup(mag[i]->GetObject<MobilityL4Protocol>(), magAddr[i], lmaAddr);
            Ptr<RoutingControl> rc = CreateObject<RoutingControl>();
            rc->Setup(magMr[i], mag[i]->GetObject<Ipv6TunnelL4Protocol>(), magAddr[i]);
            magAgent[i] = CreateObject<MagAgent>();
            magAgent[i]->AddAccessInterface(interface, HomeNetworkPrefix::Make(onLink, 64));
            magAgent[i]->Setup(lu[i], rc);
            if (opt.policy[i])
            {
                magAgent[i]->AddPolicy(mnMac, mnId);
            }
            mag[i]->AddApplication(magAgent[i]);
            linkSwitch->AddAccessLink(Name(i), accessChannel[i], magAgent[i]);
        }
    }

    /// \param i MAG index \return its access link name for the LinkSwitch
    static std::string Name(uint32_t i)
    {
        return i == 0 ? "mag1" : "mag2";
    }

    /// \return the MN's newest global address (:: if none)
    Ipv6Address MnAddress() const
    {
        Ptr<Ipv6> ipv6 = mn->GetObject<Ipv6>();
        uint32_t interface = ipv6->GetInterfaceForDevice(mnDevice);
        Ipv6Address found;
        for (uint32_t a = 0; a < ipv6->GetNAddresses(interface); ++a)
        {
            Ipv6Address addr = ipv6->GetAddress(interface, a).GetAddress();
            if (!addr.IsLinkLocal())
            {
                found = addr;
            }
        }
        return found;
    }

    /// \return the MN's binding at the LMA, or nullptr
    const BindingCacheEntry* Binding() const
    {
        return cache->Lookup(mnId);
    }

    /// \return the MH protocol of a node
    static Ptr<MobilityL4Protocol> Mh(Ptr<Node> n)
    {
        return n->GetObject<MobilityL4Protocol>();
    }

    /// \return the tunnel endpoint of a node
    static Ptr<Ipv6TunnelL4Protocol> Tunnel(Ptr<Node> n)
    {
        return n->GetObject<Ipv6TunnelL4Protocol>();
    }

    Ptr<Node> lma;                                      //!< the anchor
    Ptr<Node> cn;                                       //!< a correspondent behind the LMA
    Ptr<Node> mn;                                       //!< the mobile node
    std::array<Ptr<Node>, 2> mag;                       //!< the access gateways
    Ptr<LmaAgent> lmaAgent;                             //!< LMA role
    Ptr<PrefixPoolAllocation> pool;                     //!< LMA's HNP pool
    Ptr<BindingCache> cache;                            //!< LMA's binding cache
    Ptr<RoutingControl> lmaRc;                          //!< LMA's routing control
    Ptr<MobilityRouting> lmaMr;                         //!< LMA's mobility routing
    std::array<Ptr<MagAgent>, 2> magAgent;              //!< MAG roles
    std::array<Ptr<ProxyLocationUpdate>, 2> lu;         //!< MAG location updates
    std::array<Ptr<MobilityRouting>, 2> magMr;          //!< MAG mobility routing
    std::array<Ptr<PointToPointNetDevice>, 2> lmaToMag; //!< LMA's device towards each MAG
    std::array<Ptr<AccessChannel>, 2> accessChannel;    //!< MAG access channels
    Ptr<MnAgent> mnAgent;                               //!< MN role
    Ptr<LinkSwitch> linkSwitch;                         //!< moves the MN
    Ptr<AccessNetDevice> mnDevice;                      //!< MN's access device
    Mac48Address mnMac;                                 //!< its MAC
    std::string mnId{"mn@dmm"};                         //!< its MN identifier
    Ipv6Address lmaAddr;                                //!< LMAA (LMA's address on the mag1 link)
    std::array<Ipv6Address, 2> lmaLinkAddr;             //!< LMA's address on each MAG link
    std::array<Ipv6Address, 2> magAddr;                 //!< proxy-CoAs
    Ipv6Address cnAddr;                                 //!< CN's address

  private:
    static Ptr<AccessNetDevice> NewAccessDevice(Ptr<Node> node,
                                                Mac48Address mac,
                                                Ptr<AccessChannel> channel)
    {
        Ptr<AccessNetDevice> dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(mac);
        node->AddDevice(dev);
        if (channel)
        {
            dev->Attach(channel);
        }
        return dev;
    }

    static Ptr<MobilityRouting> AddMobilityRouting(Ptr<Node> node)
    {
        Ptr<MobilityRouting> mr = CreateObject<MobilityRouting>();
        DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol())
            ->AddRoutingProtocol(mr, 10);
        Ipv6TunnelL4Protocol::Install(node);
        MobilityL4Protocol::Install(node);
        return mr;
    }
};

// Observers and helpers shared by the agent tests.

/// Records the drop reasons of a tunnel endpoint.
inline std::shared_ptr<std::vector<Ipv6TunnelL4Protocol::DropReason>>
RecordTunnelDrops(Ptr<Ipv6TunnelL4Protocol> tunnel)
{
    auto drops = std::make_shared<std::vector<Ipv6TunnelL4Protocol::DropReason>>();
    tunnel->TraceConnectWithoutContext(
        "Drop",
        Callback<void, Ptr<const Packet>, Ipv6TunnelL4Protocol::DropReason>(
            [drops](Ptr<const Packet>, Ipv6TunnelL4Protocol::DropReason r) {
                drops->push_back(r);
            }));
    return drops;
}

inline constexpr uint8_t PBU = MobilityHeader::BINDING_UPDATE;
inline constexpr uint8_t PBA = MobilityHeader::BINDING_ACK;

/// A binding cache event seen through "BindingUpdated" / "BindingRemoved".
struct BindingEvent
{
    Time at;                                  //!< when
    BindingCacheEntry entry;                  //!< the entry
    LocationManagement::RemovalCause cause{}; //!< removals only
};

/// Binding cache events and router advertisements of one run.
struct Observer
{
    std::vector<BindingEvent> updated;                                //!< BindingUpdated
    std::vector<BindingEvent> removed;                                //!< BindingRemoved
    std::vector<std::pair<Time, std::vector<HomeNetworkPrefix>>> ras; //!< RAs at the MN

    explicit Observer(Pmipv6Network& net)
    {
        net.cache->TraceConnectWithoutContext("BindingUpdated",
                                              Callback<void, const BindingCacheEntry&, Ipv6Address>(
                                                  [this](const BindingCacheEntry& e, Ipv6Address) {
                                                      updated.push_back({Simulator::Now(), e});
                                                  }));
        net.cache->TraceConnectWithoutContext(
            "BindingRemoved",
            Callback<void, const BindingCacheEntry&, LocationManagement::RemovalCause>(
                [this](const BindingCacheEntry& e, LocationManagement::RemovalCause c) {
                    removed.push_back({Simulator::Now(), e, c});
                }));
        net.mnAgent->TraceConnectWithoutContext(
            "RouterAdvertisement",
            Callback<void, Ipv6Address, const std::vector<HomeNetworkPrefix>&>(
                [this](Ipv6Address, const std::vector<HomeNetworkPrefix>& p) {
                    ras.emplace_back(Simulator::Now(), p);
                }));
    }
};

/// A UDP receiver on the MN counting datagrams.
inline std::shared_ptr<uint32_t>
InstallSink(Ptr<Node> node, uint16_t port)
{
    auto count = std::make_shared<uint32_t>(0);
    Ptr<Socket> s = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    s->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port));
    s->SetRecvCallback(Callback<void, Ptr<Socket>>([count](Ptr<Socket> sock) {
        while (sock->Recv())
        {
            ++*count;
        }
    }));
    return count;
}

/// Send one datagram from the CN to the MN's current global address at \p at.
inline void
SendDownlink(Pmipv6Network& net, Ptr<Socket> socket, uint16_t port, Time at)
{
    Simulator::Schedule(at - Simulator::Now(), [&net, socket, port]() {
        Ipv6Address dst = net.MnAddress();
        ASSERT_FALSE(dst.IsAny()) << "MN has no global address";
        socket->SendTo(Create<Packet>(100), 0, Inet6SocketAddress(dst, port));
    });
}

/// Every test ends with Simulator::Destroy(), also when an ASSERT leaves it early: a
/// simulation left behind would run into the next test.
class Pmipv6Agents : public ::testing::Test
{
  protected:
    void TearDown() override
    {
        Simulator::Destroy();
    }
};

} // namespace test
} // namespace ns3

#endif // DMM_TEST_PMIPV6_FIXTURE_H
