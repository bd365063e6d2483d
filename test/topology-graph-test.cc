/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// TopologyGraph on small hand-made graphs: hop counts, next hops with the lowest-index
// tie-break, unreachable vertices, anycast (nearest originator, lowest index on a tie,
// consistent hop by hop) and the graph of a scenario's nodes and links.
#include "ns3/topology-graph.h"

#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;

namespace
{

/// Adds vertices named v0, v1, ... as routers.
TopologyGraph
Vertices(std::size_t n)
{
    TopologyGraph g;
    for (std::size_t i = 0; i < n; ++i)
    {
        g.AddVertex({"v" + std::to_string(i), "router", 0, ""});
    }
    return g;
}

/// A square 0-1-3-2-0 whose edges at vertex 0 are added in the order 0-2, 0-1: two
/// shortest paths from 0 to 3, and the lower-index one (via 1) is not the first edge.
TopologyGraph
Square()
{
    TopologyGraph g = Vertices(4);
    g.AddEdge(0, 2, {1.0, 100.0});
    g.AddEdge(2, 3, {1.0, 100.0});
    g.AddEdge(0, 1, {2.0, 10.0});
    g.AddEdge(1, 3, {1.0, 100.0});
    return g;
}

} // namespace

TEST(TopologyGraph, DistancesOnSquare)
{
    TopologyGraph g = Square();
    EXPECT_EQ(g.GetNVertices(), 4U);
    EXPECT_EQ(g.GetNEdges(), 4U);
    EXPECT_EQ(g.Distance(0, 0), 0U);
    EXPECT_EQ(g.Distance(0, 1), 1U);
    EXPECT_EQ(g.Distance(0, 2), 1U);
    EXPECT_EQ(g.Distance(0, 3), 2U);
    EXPECT_EQ(g.Distance(3, 0), 2U);
    EXPECT_EQ(g.Distance(1, 2), 2U);
}

TEST(TopologyGraph, NextHopTieGoesToLowestIndex)
{
    TopologyGraph g = Square();
    EXPECT_EQ(g.NextHop(0, 3), 1U); // 1 and 2 tie; 1 is lower although 0-2 was added first
    EXPECT_EQ(g.NextHop(3, 0), 1U);
    EXPECT_EQ(g.NextHop(1, 2), 0U); // 0 and 3 tie
    EXPECT_EQ(g.NextHop(2, 1), 0U);
    EXPECT_EQ(g.NextHop(0, 2), 2U); // a direct neighbour
    EXPECT_EQ(g.NextHop(2, 2), 2U); // itself
    EXPECT_EQ(g.NextHops(0), (std::vector<std::size_t>{0, 1, 2, 1}));
    EXPECT_EQ(g.GetNeighbours(0), (std::vector<std::size_t>{1, 2}));
}

TEST(TopologyGraph, SameRoutesWhateverTheEdgeOrder)
{
    TopologyGraph a = Square();
    TopologyGraph b = Vertices(4);
    b.AddEdge(3, 1, {1.0, 100.0});
    b.AddEdge(1, 0, {2.0, 10.0});
    b.AddEdge(3, 2, {1.0, 100.0});
    b.AddEdge(2, 0, {1.0, 100.0});
    for (std::size_t v = 0; v < 4; ++v)
    {
        EXPECT_EQ(a.NextHops(v), b.NextHops(v)) << "from " << v;
    }
}

TEST(TopologyGraph, Unreachable)
{
    TopologyGraph g = Square();
    std::size_t lone = g.AddVertex({"lone", "cn", 0, ""});
    EXPECT_EQ(g.Distance(0, lone), TopologyGraph::UNREACHABLE);
    EXPECT_EQ(g.NextHop(0, lone), TopologyGraph::NONE);
    EXPECT_EQ(g.NextHop(lone, 0), TopologyGraph::NONE);
    EXPECT_EQ(g.NextHop(lone, lone), lone);
    // Adding an edge recomputes the cached distances.
    g.AddEdge(3, lone, {1.0, 1.0});
    EXPECT_EQ(g.Distance(0, lone), 3U);
    EXPECT_EQ(g.NextHop(0, lone), 1U);
}

TEST(TopologyGraph, EdgesAndVertices)
{
    TopologyGraph g = Square();
    ASSERT_TRUE(g.GetEdge(1, 0).has_value());
    EXPECT_DOUBLE_EQ(g.GetEdge(1, 0)->delayMs, 2.0);
    EXPECT_DOUBLE_EQ(g.GetEdge(0, 1)->rateMbps, 10.0);
    EXPECT_FALSE(g.GetEdge(0, 3).has_value());
    EXPECT_EQ(g.FindVertex("v3"), std::optional<std::size_t>(3));
    EXPECT_FALSE(g.FindVertex("nope").has_value());
    EXPECT_THROW(g.AddEdge(0, 1, {1.0, 1.0}), std::invalid_argument);
    EXPECT_THROW(g.AddEdge(2, 2, {1.0, 1.0}), std::invalid_argument);
    EXPECT_THROW(g.AddVertex({"v0", "router", 0, ""}), std::invalid_argument);
    EXPECT_THROW(g.Distance(0, 9), std::out_of_range);
}

TEST(TopologyGraph, AnycastNearestOriginator)
{
    // A line 0-1-2-3-4-5 with originators at both ends.
    TopologyGraph g = Vertices(6);
    for (std::size_t i = 0; i + 1 < 6; ++i)
    {
        g.AddEdge(i, i + 1, {1.0, 1.0});
    }
    auto c = g.Anycast({5, 0});
    EXPECT_EQ(c[0].originator, 0U);
    EXPECT_EQ(c[0].nextHop, 0U);
    EXPECT_EQ(c[0].distance, 0U);
    EXPECT_EQ(c[1].originator, 0U);
    EXPECT_EQ(c[1].nextHop, 0U);
    EXPECT_EQ(c[2].originator, 0U);
    EXPECT_EQ(c[2].nextHop, 1U);
    EXPECT_EQ(c[2].distance, 2U);
    EXPECT_EQ(c[3].originator, 5U);
    EXPECT_EQ(c[3].nextHop, 4U);
    EXPECT_EQ(c[3].distance, 2U);
    EXPECT_EQ(c[5].originator, 5U);
}

TEST(TopologyGraph, AnycastTieGoesToLowestIndex)
{
    // 0-1-2-3-4: vertex 2 is two hops from both originators 4 and 0.
    TopologyGraph g = Vertices(5);
    for (std::size_t i = 0; i + 1 < 5; ++i)
    {
        g.AddEdge(i, i + 1, {1.0, 1.0});
    }
    for (const auto& originators :
         {std::vector<std::size_t>{4, 0}, std::vector<std::size_t>{0, 4, 4}})
    {
        auto c = g.Anycast(originators);
        EXPECT_EQ(c[2].originator, 0U);
        EXPECT_EQ(c[2].nextHop, 1U);
        EXPECT_EQ(c[2].distance, 2U);
        EXPECT_EQ(c[3].originator, 4U);
    }
    auto none = g.Anycast({});
    EXPECT_EQ(none[2].originator, TopologyGraph::NONE);
    EXPECT_EQ(none[2].nextHop, TopologyGraph::NONE);
}

TEST(TopologyGraph, AnycastIsConsistentHopByHop)
{
    // A 4x4 grid with originators at three corners: many ties. Following the next hops
    // from any vertex reaches the originator that vertex chose, one hop closer each time.
    TopologyGraph g = Vertices(16);
    for (std::size_t r = 0; r < 4; ++r)
    {
        for (std::size_t col = 0; col < 4; ++col)
        {
            std::size_t v = r * 4 + col;
            if (col + 1 < 4)
            {
                g.AddEdge(v, v + 1, {1.0, 1.0});
            }
            if (r + 1 < 4)
            {
                g.AddEdge(v, v + 4, {1.0, 1.0});
            }
        }
    }
    auto c = g.Anycast({15, 3, 12});
    for (std::size_t v = 0; v < 16; ++v)
    {
        std::size_t hop = c[v].nextHop;
        if (hop != v)
        {
            EXPECT_EQ(c[hop].originator, c[v].originator) << "vertex " << v;
            EXPECT_EQ(c[hop].distance + 1, c[v].distance) << "vertex " << v;
        }
    }
    EXPECT_EQ(c[0].originator, 3U);   // 3 and 12 tie at 3 hops
    EXPECT_EQ(c[5].originator, 3U);   // 3 and 12 tie at 3 hops (15 at 4)
    EXPECT_EQ(c[10].originator, 15U); // 2 hops from 15, 3 from 3 and 12
}

TEST(TopologyGraph, FromConfigSkipsMobileNodes)
{
    std::vector<NodeConfig> nodes(4);
    nodes[0].name = "a";
    nodes[0].role = "anchor";
    nodes[1].name = "mn";
    nodes[1].role = "mn";
    nodes[2].name = "ar";
    nodes[2].role = "access";
    nodes[2].network = 2;
    nodes[2].tier = "access";
    nodes[3].name = "cn";
    nodes[3].role = "cn";
    std::vector<LinkConfig> links{{"a", "ar", 2.0, 100.0}, {"cn", "a", 5.0, 1000.0}};
    TopologyGraph g = TopologyGraph::FromConfig(nodes, links);
    ASSERT_EQ(g.GetNVertices(), 3U);
    EXPECT_EQ(g.GetVertex(1).name, "ar");
    EXPECT_EQ(g.GetVertex(1).network, 2U);
    EXPECT_EQ(g.GetVertex(1).tier, "access");
    EXPECT_EQ(g.GetVertex(2).name, "cn");
    EXPECT_EQ(g.Distance(1, 2), 2U);
    EXPECT_DOUBLE_EQ(g.GetEdge(2, 0)->delayMs, 5.0);
    links.push_back({"mn", "a", 1.0, 1.0});
    EXPECT_THROW(TopologyGraph::FromConfig(nodes, links), std::invalid_argument);
}
