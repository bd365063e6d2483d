/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The reference for tools/benchmark.py --plain: the benchmark's shape in plain ns-3, with
// no class of this library. cn - core - lma - A aggregation routers - R access routers
// each - M hosts spread over the access routers (host i on access router i mod A*R), one
// downlink UDP flow per host, nobody moves. Wired links are point-to-point with the
// benchmark's delays; each access router and its hosts share a CSMA link. Routing is
// ns-3's Ipv6StaticRouting as a plain script sets it up: a /64 per link, towards the
// neighbour on the shortest path, and a default route on the hosts.
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <algorithm>
#include <deque>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PlainNs3Baseline");

namespace
{

/// A link: its ends (node indices), interfaces and addresses, and its prefix.
struct Link
{
    std::vector<uint32_t> nodes;       //!< node index of each end
    Ipv6InterfaceContainer interfaces; //!< in the order of nodes
    Ipv6Address network;               //!< the link's /64
};

/// The wired graph and its links, filled while building.
struct Topology
{
    NodeContainer nodes;                                              //!< every node
    std::vector<Link> links;                                          //!< every link
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> adjacent; //!< node -> (link, end)

    uint32_t Add()
    {
        nodes.Create(1);
        adjacent.emplace_back();
        return nodes.GetN() - 1;
    }

    void Connect(const std::vector<uint32_t>& ends, NetDeviceContainer devices)
    {
        Ipv6AddressHelper address;
        Link link;
        link.network = Ipv6Address(("2001:" + std::to_string(links.size() + 1) + "::").c_str());
        address.SetBase(link.network, Ipv6Prefix(64));
        link.interfaces = address.Assign(devices);
        link.nodes = ends;
        for (uint32_t e = 0; e < ends.size(); ++e)
        {
            link.interfaces.SetForwarding(e, true);
            adjacent[ends[e]].emplace_back(links.size(), e);
        }
        links.push_back(link);
    }
};

/// Breadth-first from \p from: for every node, the (link, end) of the first hop.
std::vector<std::pair<uint32_t, uint32_t>>
FirstHops(const Topology& t, uint32_t from)
{
    const std::pair<uint32_t, uint32_t> none{UINT32_MAX, 0};
    std::vector<std::pair<uint32_t, uint32_t>> first(t.nodes.GetN(), none);
    std::vector<bool> seen(t.nodes.GetN(), false);
    std::deque<uint32_t> queue{from};
    seen[from] = true;
    while (!queue.empty())
    {
        uint32_t n = queue.front();
        queue.pop_front();
        for (auto [link, end] : t.adjacent[n])
        {
            const Link& l = t.links[link];
            for (uint32_t e = 0; e < l.nodes.size(); ++e)
            {
                uint32_t m = l.nodes[e];
                if (!seen[m])
                {
                    seen[m] = true;
                    first[m] = n == from ? std::make_pair(link, e) : first[n];
                    queue.push_back(m);
                }
            }
        }
    }
    return first;
}

/// A /64 route per link not attached to each router, through the shortest path.
void
AddRoutes(const Topology& t, const std::vector<uint32_t>& routers)
{
    Ipv6StaticRoutingHelper helper;
    for (uint32_t r : routers)
    {
        Ptr<Ipv6> ipv6 = t.nodes.Get(r)->GetObject<Ipv6>();
        auto first = FirstHops(t, r);
        for (uint32_t i = 0; i < t.links.size(); ++i)
        {
            const Link& l = t.links[i];
            bool attached = std::find(l.nodes.begin(), l.nodes.end(), r) != l.nodes.end();
            // Off the link, one first hop leads to either end (a tree).
            auto [viaLink, viaEnd] = first[l.nodes[0]];
            if (attached || viaLink == UINT32_MAX)
            {
                continue;
            }
            const Link& via = t.links[viaLink];
            uint32_t mine = std::find(via.nodes.begin(), via.nodes.end(), r) - via.nodes.begin();
            helper.GetStaticRouting(ipv6)->AddNetworkRouteTo(
                l.network,
                Ipv6Prefix(64),
                via.interfaces.GetAddress(viaEnd, 1),
                via.interfaces.GetInterfaceIndex(mine));
        }
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t aggregation = 3;
    uint32_t access = 4;
    uint32_t hosts = 10;
    double duration = 20;
    double intervalMs = 20;
    uint32_t size = 200;
    CommandLine cmd(__FILE__);
    cmd.AddValue("aggregation", "aggregation routers", aggregation);
    cmd.AddValue("access", "access routers per aggregation router", access);
    cmd.AddValue("hosts", "hosts (one downlink flow each)", hosts);
    cmd.AddValue("duration", "simulated seconds", duration);
    cmd.AddValue("intervalMs", "packet interval of each flow", intervalMs);
    cmd.AddValue("size", "packet size in bytes", size);
    cmd.Parse(argc, argv);

    Topology t;
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    auto p2p = [&t](uint32_t a, uint32_t b, double delayMs) {
        PointToPointHelper helper;
        helper.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
        helper.SetChannelAttribute("Delay", TimeValue(MilliSeconds(delayMs)));
        t.Connect({a, b}, helper.Install(t.nodes.Get(a), t.nodes.Get(b)));
    };
    uint32_t cn = t.Add();
    uint32_t core = t.Add();
    uint32_t lma = t.Add();
    std::vector<uint32_t> routers{core, lma};
    std::vector<uint32_t> ars;
    for (uint32_t a = 0; a < aggregation; ++a)
    {
        routers.push_back(t.Add());
        for (uint32_t r = 0; r < access; ++r)
        {
            ars.push_back(t.Add());
        }
    }
    std::vector<uint32_t> hostIndex;
    for (uint32_t h = 0; h < hosts; ++h)
    {
        hostIndex.push_back(t.Add());
    }
    stack.Install(t.nodes);
    p2p(cn, core, 5);
    p2p(core, lma, 5);
    for (uint32_t a = 0; a < aggregation; ++a)
    {
        p2p(lma, routers[2 + a], 2);
        for (uint32_t r = 0; r < access; ++r)
        {
            p2p(routers[2 + a], ars[a * access + r], 1);
        }
    }
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MilliSeconds(1)));
    Ipv6StaticRoutingHelper routing;
    for (uint32_t i = 0; i < ars.size(); ++i)
    {
        NodeContainer link(t.nodes.Get(ars[i]));
        std::vector<uint32_t> ends{ars[i]};
        for (uint32_t h = i; h < hosts; h += ars.size())
        {
            link.Add(t.nodes.Get(hostIndex[h]));
            ends.push_back(hostIndex[h]);
        }
        t.Connect(ends, csma.Install(link));
        const Link& l = t.links.back();
        for (uint32_t e = 1; e < ends.size(); ++e)
        {
            routing.GetStaticRouting(t.nodes.Get(ends[e])->GetObject<Ipv6>())
                ->SetDefaultRoute(l.interfaces.GetAddress(0, 1), l.interfaces.GetInterfaceIndex(e));
        }
    }
    routers.push_back(cn);
    routers.insert(routers.end(), ars.begin(), ars.end());
    AddRoutes(t, routers);

    Ipv6Address cnAddress = t.links[0].interfaces.GetAddress(0, 1);
    ApplicationContainer sinks;
    for (uint32_t h = 0; h < hosts; ++h)
    {
        const Link& l = t.links[t.links.size() - ars.size() + h % ars.size()];
        uint32_t end = 1 + h / ars.size();
        uint16_t port = 9000 + h;
        PacketSinkHelper sink("ns3::UdpSocketFactory",
                              Inet6SocketAddress(Ipv6Address::GetAny(), port));
        sinks.Add(sink.Install(t.nodes.Get(hostIndex[h])));
        OnOffHelper onoff("ns3::UdpSocketFactory",
                          Inet6SocketAddress(l.interfaces.GetAddress(end, 1), port));
        onoff.SetConstantRate(DataRate(size * 8 * 1000.0 / intervalMs), size);
        onoff.SetAttribute("Local", AddressValue(Inet6SocketAddress(cnAddress, 0)));
        ApplicationContainer app = onoff.Install(t.nodes.Get(cn));
        app.Start(Seconds(1.0));
        app.Stop(Seconds(duration - 0.5));
    }
    Simulator::Stop(Seconds(duration));
    Simulator::Run();
    uint64_t received = 0;
    for (uint32_t i = 0; i < sinks.GetN(); ++i)
    {
        received += DynamicCast<PacketSink>(sinks.Get(i))->GetTotalRx() / size;
    }
    std::cout << "{\"hosts\": " << hosts << ", \"received\": " << received << "}" << std::endl;
    Simulator::Destroy();
    return 0;
}
