/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What the plain-script examples share: named nodes on a tree of point-to-point links
// 2001:aaaa:<k>::/64 (a node's default route leads to its parent, each prefix is routed down
// to its originators), access links 2001:bbbb:<k>::/64, one move of the mobile node, a UDP
// flow to it, and the report: the handover ladder ("sender:Type" of every Mobility Header
// message and RA sent within a second of the detach) checked against the expected one, the
// handover latency (detach to the node's HandoverComplete) and the packets delivered.
#ifndef DMM_EXAMPLE_TOPOLOGY_H
#define DMM_EXAMPLE_TOPOLOGY_H

#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/access-router-agent.h"
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/link-switch.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/node-list.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/point-to-point-module.h"

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <tuple>
#include <vector>

namespace dmmexample
{
using namespace ns3;

/// An access link: the router's interface, the link's prefix, the router's address on it.
struct AccessLink
{
    uint32_t interface;
    HomeNetworkPrefix onLink;
    Ipv6Address address;
};

/// The topology, the move, the flow and the report of one example.
class Example
{
  public:
    bool verbose{true}; //!< print every message as it is sent

    /// \param name the node's name \param router forward packets \return the node, with IPv6
    /// and list routing (mobility routing goes above static routing)
    /// The command line every example takes (--switchMs, --verbose). \return switchMs
    double ParseCommandLine(int argc, char* argv[])
    {
        double switchMs = 50;
        CommandLine cmd;
        cmd.AddValue("switchMs", "layer-2 switch time, ms", switchMs);
        cmd.AddValue("verbose", "print the signalling as it happens", verbose);
        cmd.Parse(argc, argv);
        return switchMs;
    }

    /// The correspondent "cn" (a host), then \p routers, then the wired links
    /// {parent, child, delay ms}, parents first.
    void BuildTree(const std::vector<std::string>& routers,
                   const std::vector<std::tuple<std::string, std::string, double>>& links)
    {
        AddNode("cn", false);
        for (const auto& router : routers)
        {
            AddNode(router);
        }
        for (const auto& [parent, child, delayMs] : links)
        {
            Connect(parent, child, delayMs);
        }
    }

    Ptr<Node> AddNode(const std::string& name, bool router = true)
    {
        Ipv6ListRoutingHelper list;
        list.Add(Ipv6StaticRoutingHelper(), 0);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.SetRoutingHelper(list);
        stack.SetIpv6NsRsJitter(false); // movement detection timing must be exact
        Ptr<Node> node = CreateObject<Node>();
        stack.Install(node);
        // Weak end-system model, as Linux: an anchor's address is reached on any interface.
        node->GetObject<Ipv6L3Protocol>()->SetAttribute("StrongEndSystemModel",
                                                        BooleanValue(false));
        node->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(router));
        Names::Add(name, node);
        return node;
    }

    /// \param name the mobile node's name \return its access device, attached nowhere yet
    Ptr<AccessNetDevice> AddMobileNode(const std::string& name)
    {
        Ptr<AccessNetDevice> dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(Mac48Address::Allocate());
        AddNode(name, false)->AddDevice(dev);
        Ipv6AddressHelper().AssignWithoutAddress(NetDeviceContainer(dev));
        return dev;
    }

    /// \param name a node's name \return the node
    Ptr<Node> Get(const std::string& name) const
    {
        return Names::Find<Node>(name);
    }

    /// \param parent a node \param child its child in the tree \param delayMs the link's delay
    void Connect(const std::string& parent, const std::string& child, double delayMs)
    {
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        p2p.SetChannelAttribute("Delay", TimeValue(MilliSeconds(delayMs)));
        Ipv6AddressHelper addr;
        addr.SetBase(("2001:aaaa:" + std::to_string(++m_wired) + "::").c_str(), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(p2p.Install(Get(parent), Get(child)));
        Ipv6StaticRoutingHelper()
            .GetStaticRouting((ifs.Begin() + 1)->first)
            ->SetDefaultRoute(ifs.GetAddress(0, 1), ifs.GetInterfaceIndex(1));
        uint32_t ids[] = {Get(parent)->GetId(), Get(child)->GetId()};
        m_uplinks[ids[1]] = {ids[0], ifs.GetInterfaceIndex(0), ifs.GetAddress(1, 1)};
        for (uint32_t i : {0, 1})
        {
            m_address.emplace(ids[i], ifs.GetAddress(i, 1)); // a node's first: its address
            m_routes.push_back({HomeNetworkPrefix::Make(ifs.GetAddress(i, 1), 128), {ids[i]}});
        }
    }

    /// \param name a node with a wired link \return its address on its first link
    Ipv6Address Address(const std::string& name) const
    {
        return m_address.at(Get(name)->GetId());
    }

    /// \param router the access router \param sharedMac the same router MAC on every link
    /// (PMIPv6, RFC 5213 §6.9.3) \return its new access link, routed to it
    AccessLink AddAccess(const std::string& router, bool sharedMac = false)
    {
        Ptr<AccessNetDevice> dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(sharedMac ? Mac48Address("02:00:00:00:00:01") : Mac48Address::Allocate());
        Get(router)->AddDevice(dev);
        dev->Attach(m_channels[router] = CreateObject<AccessChannel>());
        auto onLink = HomeNetworkPrefix::Make(
            Ipv6Address(("2001:bbbb:" + std::to_string(m_channels.size()) + "::").c_str()),
            64);
        Ipv6AddressHelper addr;
        addr.SetBase(onLink.prefix, Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(NetDeviceContainer(dev));
        ifs.SetForwarding(0, true);
        Originate(onLink, {router});
        return {ifs.GetInterfaceIndex(0), onLink, ifs.GetAddress(0, 1)};
    }

    /// \param prefix a prefix \param owners the nodes originating it (anycast if several)
    void Originate(const HomeNetworkPrefix& prefix, const std::vector<std::string>& owners)
    {
        m_routes.push_back({prefix, {}});
        for (const auto& owner : owners)
        {
            m_routes.back().second.push_back(Get(owner)->GetId());
        }
    }

    /**
     * \brief The node attaches to \p from at 0.5 s and moves to \p to at 3 s.
     * \param device its device \param mn its agent \param switchMs layer-2 switch time
     * \param access the access routers' agents by name \param from first \param to second
     */
    void Move(Ptr<AccessNetDevice> device,
              Ptr<MnAgent> mn,
              double switchMs,
              const std::map<std::string, Ptr<Application>>& access,
              const std::string& from,
              const std::string& to)
    {
        m_l2 =
            CreateObjectWithAttributes<LinkSwitch>("SwitchTime", TimeValue(MilliSeconds(switchMs)));
        m_l2->SetDevice(device, mn);
        for (const auto& [name, agent] : access)
        {
            m_l2->AddAccessLink(name, m_channels.at(name), DynamicCast<AccessRouterAgent>(agent));
            agent->TraceConnectWithoutContext("RouterAdvertisement",
                                              MakeCallback(&Example::Advertised, this).Bind(name));
        }
        m_l2->ScheduleAttach(Seconds(0.5), from);
        m_l2->ScheduleAttach(Seconds(3), to);
        m_l2->TraceConnectWithoutContext("L2Down", MakeCallback(&Example::Layer2, this).Bind(true));
        m_l2->TraceConnectWithoutContext("L2Up", MakeCallback(&Example::Layer2, this).Bind(false));
        mn->TraceConnectWithoutContext("HandoverComplete", MakeCallback(&Example::Complete, this));
    }

    /// \brief A UDP flow of 100 packets/s from 1 s to 4.5 s. \param from its source
    /// \param to its sink \param dst gives the destination address at 1 s
    void StartFlow(const std::string& from, const std::string& to, std::function<Ipv6Address()> dst)
    {
        PacketSinkHelper sink("ns3::UdpSocketFactory",
                              Inet6SocketAddress(Ipv6Address::GetAny(), 9));
        sink.Install(Get(to)).Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(&Example::Received, this));
        compat::ScheduleFunction(Seconds(1), [this, from, dst]() {
            OnOffHelper onoff("ns3::UdpSocketFactory", Inet6SocketAddress(dst(), 9));
            onoff.SetConstantRate(DataRate("80kbps"), 100);
            onoff.Install(Get(from)).Stop(Seconds(3.5));
            Log("flow to ", dst());
        });
    }

    /// \brief Route, run for 5 s and report. Every node's Mobility Header messages are watched
    /// from 0.1 s, when every agent has started (some install the protocol only then).
    /// \param expected the expected ladder \return 0 if it was and packets crossed the move
    int Run(const std::vector<std::string>& expected)
    {
        InstallRoutes();
        compat::ScheduleFunction(Seconds(0.1), [this]() {
            for (auto node = NodeList::Begin(); node != NodeList::End(); ++node)
            {
                if (auto mh = (*node)->GetObject<MobilityL4Protocol>())
                {
                    mh->TraceConnectWithoutContext(
                        "Tx",
                        MakeCallback(&Example::Sent, this).Bind(Names::FindName(*node)));
                }
            }
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        std::cout << "packets delivered: " << m_received << ", after the handover: " << m_after
                  << "\nhandover latency: " << m_latency.As(Time::MS)
                  << (m_latency.IsZero() ? " (not complete)" : "") << "\nladder:";
        bool ok = m_ladder == expected && m_after > 0;
        for (const auto& step : m_ladder)
        {
            std::cout << " " << step;
        }
        for (size_t i = 0; !ok && i < expected.size(); ++i)
        {
            std::cout << (i ? " " : "\nexpected: ") << expected[i];
        }
        std::cout << "\nladder: " << (ok ? "ok" : "FAILED") << std::endl;
        Simulator::Destroy();
        return ok ? 0 : 1;
    }

  private:
    /// A child's link to its parent: the parent, its interface, the child's address there.
    struct Uplink
    {
        uint32_t parent;
        uint32_t interface;
        Ipv6Address address;
    };

    /// Routes every prefix down the tree to its originators (the default routes lead up).
    void InstallRoutes()
    {
        for (const auto& [prefix, owners] : m_routes)
        {
            for (uint32_t n : owners)
            {
                // Up from each originator to the first node that originates it too (or the root).
                while (m_uplinks.count(n) &&
                       std::find(owners.begin(), owners.end(), m_uplinks[n].parent) == owners.end())
                {
                    const Uplink& up = m_uplinks[n];
                    Ptr<Ipv6> ipv6 = NodeList::GetNode(up.parent)->GetObject<Ipv6>();
                    Ipv6StaticRoutingHelper().GetStaticRouting(ipv6)->AddNetworkRouteTo(
                        prefix.prefix,
                        Ipv6Prefix(prefix.length),
                        up.address,
                        up.interface);
                    n = up.parent;
                }
            }
        }
    }

    template <typename... T>
    void Log(const T&... what) const
    {
        if (verbose)
        {
            ((std::cout << Simulator::Now().As(Time::MS) << "  ") << ... << what) << std::endl;
        }
    }

    void Record(const std::string& sender, const std::string& type)
    {
        if (!m_down.IsNegative() && Simulator::Now() < m_down + Seconds(1))
        {
            m_ladder.push_back(sender + ":" + type);
        }
    }

    void Sent(std::string node, Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
    {
        Log(node, " sends ", MobilityHeader::GetMessageName(p), " ", src, " -> ", dst);
        Record(node, MobilityHeader::GetMessageName(p));
    }

    void Advertised(std::string node, uint32_t, Ipv6Address, Mac48Address)
    {
        Log(node, " sends RA");
        Record(node, "RA");
    }

    void Layer2(bool down, const std::string& router)
    {
        Log(down ? "mn leaves " : "mn joins ", router);
        m_down = down && m_down.IsNegative() ? Simulator::Now() : m_down; // the move reported
        m_attached = !down && !m_down.IsNegative() ? Simulator::Now() : m_attached;
    }

    void Complete()
    {
        Log("mn handover complete");
        bool first = m_latency.IsZero() && !m_down.IsNegative();
        m_latency = first ? Simulator::Now() - m_down : m_latency;
    }

    void Received(Ptr<const Packet>, const ns3::Address&)
    {
        ++m_received;
        m_after += m_attached.IsStrictlyPositive() ? 1 : 0;
    }

    std::map<uint32_t, Uplink> m_uplinks;                 //!< uplinks by node id
    std::map<uint32_t, Ipv6Address> m_address;            //!< first wired address by node id
    std::map<std::string, Ptr<AccessChannel>> m_channels; //!< access channels by router
    std::vector<std::pair<HomeNetworkPrefix, std::vector<uint32_t>>> m_routes; //!< originators
    uint32_t m_wired{0};               //!< wired links so far
    Ptr<LinkSwitch> m_l2;              //!< the node's layer 2
    std::vector<std::string> m_ladder; //!< "sender:Type" after the detach
    Time m_down{Seconds(-1)};          //!< the detach of the move
    Time m_attached;                   //!< the attachment after it
    Time m_latency;                    //!< detach to HandoverComplete
    uint64_t m_received{0};            //!< packets delivered
    uint64_t m_after{0};               //!< of which after the attachment
};

} // namespace dmmexample

#endif // DMM_EXAMPLE_TOPOLOGY_H
