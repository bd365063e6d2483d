/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/topology-graph.h"

#include "ns3/log.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <fmt/format.h>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TopologyGraph");

TopologyGraph
TopologyGraph::FromConfig(const std::vector<NodeConfig>& nodes,
                          const std::vector<LinkConfig>& links)
{
    TopologyGraph g;
    for (const auto& n : nodes)
    {
        if (n.role != "mn")
        {
            g.AddVertex({n.name, n.role, n.network, n.tier});
        }
    }
    for (const auto& l : links)
    {
        auto a = g.FindVertex(l.a);
        auto b = g.FindVertex(l.b);
        if (!a || !b)
        {
            throw std::invalid_argument(
                fmt::format("link \"{}\"-\"{}\": an end is not a wired node", l.a, l.b));
        }
        g.AddEdge(*a, *b, {l.delayMs, l.rateMbps});
    }
    return g;
}

std::size_t
TopologyGraph::AddVertex(const TopologyVertex& vertex)
{
    if (FindVertex(vertex.name))
    {
        throw std::invalid_argument(fmt::format("duplicate vertex \"{}\"", vertex.name));
    }
    m_valid = false;
    std::size_t v = boost::add_vertex(vertex, m_graph);
    m_index[vertex.name] = v;
    return v;
}

void
TopologyGraph::AddEdge(std::size_t a, std::size_t b, const TopologyEdge& edge)
{
    Check(a);
    Check(b);
    // The builder gives every link its own subnet; a parallel edge or a loop would make
    // next hops ambiguous.
    if (a == b || boost::edge(a, b, m_graph).second)
    {
        throw std::invalid_argument(fmt::format("edge \"{}\"-\"{}\": self-loop or duplicate",
                                                m_graph[a].name,
                                                m_graph[b].name));
    }
    m_valid = false;
    boost::add_edge(a, b, edge, m_graph);
}

std::size_t
TopologyGraph::GetNVertices() const
{
    return boost::num_vertices(m_graph);
}

std::size_t
TopologyGraph::GetNEdges() const
{
    return boost::num_edges(m_graph);
}

const TopologyVertex&
TopologyGraph::GetVertex(std::size_t v) const
{
    Check(v);
    return m_graph[v];
}

std::optional<std::size_t>
TopologyGraph::FindVertex(const std::string& name) const
{
    auto it = m_index.find(name);
    if (it == m_index.end())
    {
        return std::nullopt;
    }
    return it->second;
}

std::optional<TopologyEdge>
TopologyGraph::GetEdge(std::size_t a, std::size_t b) const
{
    Check(a);
    Check(b);
    auto [e, found] = boost::edge(a, b, m_graph);
    if (!found)
    {
        return std::nullopt;
    }
    return m_graph[e];
}

std::vector<std::size_t>
TopologyGraph::GetNeighbours(std::size_t v) const
{
    Check(v);
    Update();
    return m_sorted[v];
}

uint32_t
TopologyGraph::Distance(std::size_t from, std::size_t to) const
{
    Check(from);
    Check(to);
    Update();
    return m_distance[from][to];
}

std::size_t
TopologyGraph::NextHop(std::size_t from, std::size_t to) const
{
    uint32_t d = Distance(from, to);
    if (d == 0)
    {
        return from;
    }
    if (d == UNREACHABLE)
    {
        return NONE;
    }
    // Neighbours are sorted, so the first one a hop closer is the lowest-index one.
    for (std::size_t n : m_sorted[from])
    {
        if (m_distance[n][to] == d - 1)
        {
            return n;
        }
    }
    return NONE; // not reached: a vertex at distance d has a neighbour at d - 1
}

std::vector<std::size_t>
TopologyGraph::NextHops(std::size_t from) const
{
    std::vector<std::size_t> hops(GetNVertices());
    for (std::size_t to = 0; to < hops.size(); ++to)
    {
        hops[to] = NextHop(from, to);
    }
    return hops;
}

std::vector<TopologyGraph::AnycastChoice>
TopologyGraph::Anycast(const std::vector<std::size_t>& originators) const
{
    for (std::size_t o : originators)
    {
        Check(o);
    }
    Update();
    std::vector<AnycastChoice> out(GetNVertices(), {NONE, NONE, UNREACHABLE});
    for (std::size_t v = 0; v < out.size(); ++v)
    {
        AnycastChoice& c = out[v];
        for (std::size_t o : originators)
        {
            uint32_t d = m_distance[v][o];
            // Nearest first, then the lowest index: independent of the originators' order.
            if (d != UNREACHABLE && (d < c.distance || (d == c.distance && o < c.originator)))
            {
                c.originator = o;
                c.distance = d;
            }
        }
        if (c.originator != NONE)
        {
            c.nextHop = NextHop(v, c.originator);
        }
    }
    return out;
}

void
TopologyGraph::Update() const
{
    if (m_valid)
    {
        return;
    }
    std::size_t n = GetNVertices();
    m_sorted.assign(n, {});
    for (std::size_t v = 0; v < n; ++v)
    {
        for (auto [it, end] = boost::adjacent_vertices(v, m_graph); it != end; ++it)
        {
            m_sorted[v].push_back(*it);
        }
        std::sort(m_sorted[v].begin(), m_sorted[v].end());
    }
    // Hop counts are unique whatever order the search visits edges in; only the next-hop
    // choice needs a tie-break, and NextHop() makes it from these counts.
    m_distance.assign(n, std::vector<uint32_t>(n, UNREACHABLE));
    for (std::size_t s = 0; s < n; ++s)
    {
        std::vector<uint32_t>& dist = m_distance[s];
        dist[s] = 0;
        boost::breadth_first_search(
            m_graph,
            s,
            boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                boost::make_iterator_property_map(dist.begin(),
                                                  boost::get(boost::vertex_index, m_graph)),
                boost::on_tree_edge()))));
    }
    m_valid = true;
}

void
TopologyGraph::Check(std::size_t v) const
{
    if (v >= GetNVertices())
    {
        throw std::out_of_range(
            fmt::format("vertex {} out of range ({} vertices)", v, GetNVertices()));
    }
}

} // namespace ns3
