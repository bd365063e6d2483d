/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The wired network's routes: every wired node routes every wired link, access network,
// anchor pool and regional prefix to the next hop of a shortest path.
#include "scenario-run.h"

#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/prefix-routing-helper.h"
#include "ns3/yans-wifi-helper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioRoutes");

void
ScenarioRun::ComputeRoutes()
{
    // Prefixes and the vertex that owns them.
    std::vector<std::pair<HomeNetworkPrefix, size_t>> owned;
    if (m_opt.staticWiredRoutes)
    {
        for (const auto& [name, ports] : m_ports)
        {
            for (const Port& port : ports)
            {
                owned.push_back({HomeNetworkPrefix::Make(port.address, 128), m_vertex[name]});
            }
        }
    }
    else
    {
        InstallLinkRoutes();
    }
    // Seed 002 §5: anycast routers announce the aggregate of the home prefixes instead.
    std::vector<std::string> anycastMrs = AnycastMobilityRouters();
    for (const auto& [name, port] : m_accessPort)
    {
        // The router's own address on the link stays routed to it (context transfer).
        owned.push_back({anycastMrs.empty()
                             ? port.second
                             : HomeNetworkPrefix::Make(AddressOn(name, port.second), 128),
                         m_vertex[name]});
    }
    // Seed 001 §7.1: with a BG+DRF or Router+DRFs the eLMAs announce nothing; those routers
    // announce the ePMIP prefix set (anycast when several, §7.3 Fig 11).
    std::vector<std::string> prefixSet;
    for (const NodeConfig* n : m_cfg.NodesWithRole("router"))
    {
        if (n->epmipRole == "border" || n->epmipRole == "drf_router")
        {
            prefixSet.push_back(n->name);
        }
    }
    for (const auto& [pool, anchor] : m_anchorPools)
    {
        if (m_recipe.homePrefixes != "anycast" && anycastMrs.empty() && prefixSet.empty())
        {
            owned.push_back({pool, m_vertex[anchor]});
        }
    }
    for (const auto& [map, regional] : m_regional)
    {
        owned.push_back({regional, m_vertex[map]});
    }
    // A unicast prefix is an anycast prefix with one originator. Each node receives its
    // routes in the order of `owned`, as before routes were installed prefix by prefix.
    for (const auto& [prefix, owner] : owned)
    {
        InstallRoutesTo(prefix, {m_names[owner]});
    }
    for (const auto& [pool, anchor] : m_anchorPools)
    {
        if (m_recipe.homePrefixes == "anycast")
        {
            // Fig 6: to the nearest anchor of the pool's domain (§7.1: all, by default).
            InstallRoutesTo(pool, AnchorsInDomainOf(anchor));
        }
    }
    for (const auto& [pool, anchor] : prefixSet.empty() ? decltype(m_anchorPools){} : m_anchorPools)
    {
        InstallRoutesTo(pool, prefixSet);
    }
    RouteHomeAggregates(anycastMrs);
}

/**
 * A route per wired link instead of a /128 per address. A link prefix has two owners,
 * and routing it towards one of them would send packets for the other the long way
 * round: where the next hops towards the two ends differ, the far end gets its /128,
 * so every address is reached through the next hop a /128 per address would give.
 */
void
ScenarioRun::InstallLinkRoutes()
{
    for (size_t i = 0; i < m_edges.size(); ++i)
    {
        auto [a, b] = m_edges[i];
        Ipv6Address atA = m_peer[{b, i}];
        Ipv6Address atB = m_peer[{a, i}];
        auto towardsA = m_graph.Anycast({a});
        auto towardsB = m_graph.Anycast({b});
        for (size_t s = 0; s < m_names.size(); ++s)
        {
            size_t hopA = towardsA[s].nextHop;
            size_t hopB = towardsB[s].nextHop;
            if (s == a || s == b || hopA == TopologyGraph::NONE)
            {
                continue; // on the link (connected route), or unreachable
            }
            InstallRoute(s, HomeNetworkPrefix::Make(atA, 64), hopA);
            if (hopB != hopA)
            {
                InstallRoute(s, HomeNetworkPrefix::Make(atB, 128), hopB);
            }
        }
    }
}

/**
 * Routes every other wired node to the originator of \p prefix nearest to it (hop count,
 * then lowest node index: TopologyGraph::Anycast). The originators route the prefix
 * themselves; a node on a link inside the prefix uses its connected route.
 */
void
ScenarioRun::InstallRoutesTo(const HomeNetworkPrefix& prefix,
                             const std::vector<std::string>& originators)
{
    std::vector<size_t> vertices;
    for (const auto& name : originators)
    {
        vertices.push_back(m_vertex.at(name));
    }
    std::vector<TopologyGraph::AnycastChoice> choices = m_graph.Anycast(vertices);
    for (size_t s = 0; s < m_names.size(); ++s)
    {
        size_t hop = choices[s].nextHop;
        if (hop == s || hop == TopologyGraph::NONE || IsOnLink(s, prefix))
        {
            continue; // an originator, or unreachable (validation rejects disconnected graphs)
        }
        InstallRoute(s, prefix, hop);
    }
}

/// Vertex \p s routes \p prefix through its link to the neighbour \p hop.
void
ScenarioRun::InstallRoute(size_t s, const HomeNetworkPrefix& prefix, size_t hop)
{
    Ptr<Ipv6> ipv6 = m_nodes[m_names[s]]->GetObject<Ipv6>();
    for (const Port& port : m_ports[m_names[s]])
    {
        const auto& e = m_edges[port.edge];
        if ((e.first == s && e.second == hop) || (e.second == s && e.first == hop))
        {
            Ipv6Address gateway = m_peer[{s, port.edge}];
            if (m_opt.staticWiredRoutes)
            {
                Ipv6StaticRoutingHelper().GetStaticRouting(ipv6)->AddNetworkRouteTo(
                    prefix.prefix,
                    Ipv6Prefix(prefix.length),
                    gateway,
                    port.interface);
            }
            else
            {
                Ipv6PrefixRoutingHelper::Get(ipv6)->AddRoute(prefix, gateway, port.interface);
            }
            return;
        }
    }
}

bool
ScenarioRun::IsOnLink(size_t vertex, const HomeNetworkPrefix& prefix) const
{
    auto it = m_ports.find(m_names[vertex]);
    if (it == m_ports.end())
    {
        return false;
    }
    for (const Port& port : it->second)
    {
        if (HomeNetworkPrefix::Make(port.address, 64).Contains(prefix.prefix))
        {
            return true; // a neighbour on a shared link: the connected route applies
        }
    }
    return false;
}

} // namespace ns3
