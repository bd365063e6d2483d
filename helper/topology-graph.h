/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_TOPOLOGY_GRAPH_H
#define DMM_TOPOLOGY_GRAPH_H

#include "ns3/scenario-config.h"

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/// \brief A vertex of a TopologyGraph: one wired node of a scenario (mobile nodes are not
/// vertices; they attach through the access links).
struct TopologyVertex
{
    std::string name; //!< node name
    std::string role; //!< anchor, router, access or cn
    uint32_t network; //!< network index from 1, 0 when the node belongs to none
    std::string tier; //!< "core", "aggregation", "access", "host" or "" (not generated)
};

/// \brief An edge of a TopologyGraph: one wired point-to-point link.
struct TopologyEdge
{
    double delayMs;  //!< one-way propagation delay, ms
    double rateMbps; //!< data rate, Mbit/s
};

/**
 * \ingroup dmm
 * \brief The wired topology of a scenario as a Boost.Graph graph, with deterministic
 * shortest-path next hops and anycast (nearest originator) choices.
 *
 * The metric is the hop count. When several neighbours of a vertex lie on shortest paths
 * to a destination, the next hop is the one with the lowest vertex index; when several
 * originators of an anycast prefix are equally near, the one with the lowest vertex index
 * is chosen. Vertex indices follow the order of AddVertex calls (the scenario's node
 * order), so routes do not depend on container iteration order, the platform or the
 * standard library.
 *
 * The anycast rule is consistent hop by hop: the next hop towards the chosen originator
 * chooses the same originator, so packets forwarded along the per-vertex choices reach the
 * originator their first router picked.
 */
class TopologyGraph
{
  public:
    /// Marks an unreachable vertex (no next hop, no originator).
    static constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();
    /// The distance of an unreachable vertex.
    static constexpr uint32_t UNREACHABLE = std::numeric_limits<uint32_t>::max();

    /// \brief For one vertex: the originator of an anycast prefix it routes to.
    struct AnycastChoice
    {
        std::size_t originator; //!< nearest originator, the vertex itself or NONE
        std::size_t nextHop;    //!< neighbour towards it, the vertex itself or NONE
        uint32_t distance;      //!< hops to it, 0 or UNREACHABLE
    };

    /**
     * \brief The graph of a scenario's nodes (all but the mns, in node order) and links (in
     * link order).
     * \param nodes the nodes
     * \param links the links; their ends must name nodes that are not mns
     * \returns the graph
     */
    static TopologyGraph FromConfig(const std::vector<NodeConfig>& nodes,
                                    const std::vector<LinkConfig>& links);

    /**
     * \brief Add a vertex.
     * \param vertex its properties; the name must be new
     * \returns its index (0, 1, ... in call order)
     */
    std::size_t AddVertex(const TopologyVertex& vertex);
    /**
     * \brief Add an undirected edge.
     * \param a one end
     * \param b the other end (not \p a, not already joined to \p a)
     * \param edge its properties
     */
    void AddEdge(std::size_t a, std::size_t b, const TopologyEdge& edge);

    /// \returns the number of vertices
    std::size_t GetNVertices() const;
    /// \returns the number of edges
    std::size_t GetNEdges() const;
    /// \returns the properties of vertex \p v
    const TopologyVertex& GetVertex(std::size_t v) const;
    /// \returns the vertex named \p name, if any
    std::optional<std::size_t> FindVertex(const std::string& name) const;
    /// \returns the properties of the edge between \p a and \p b, if any
    std::optional<TopologyEdge> GetEdge(std::size_t a, std::size_t b) const;
    /// \returns the neighbours of \p v in increasing index order
    std::vector<std::size_t> GetNeighbours(std::size_t v) const;

    /**
     * \param from source vertex
     * \param to destination vertex
     * \returns the hop count of a shortest path, UNREACHABLE if there is none
     */
    uint32_t Distance(std::size_t from, std::size_t to) const;
    /**
     * \param from source vertex
     * \param to destination vertex
     * \returns the lowest-index neighbour of \p from on a shortest path to \p to; \p from
     *          itself when \p to == \p from; NONE when \p to is unreachable
     */
    std::size_t NextHop(std::size_t from, std::size_t to) const;
    /**
     * \param from source vertex
     * \returns NextHop(from, to) for every vertex \c to, indexed by \c to
     */
    std::vector<std::size_t> NextHops(std::size_t from) const;
    /**
     * \brief Route every vertex to the nearest originator of one anycast prefix.
     * \param originators the vertices that advertise the prefix (one for a unicast prefix;
     *        order and duplicates do not matter)
     * \returns the choice of every vertex, indexed by vertex
     */
    std::vector<AnycastChoice> Anycast(const std::vector<std::size_t>& originators) const;

  private:
    using Graph = boost::
        adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, TopologyVertex, TopologyEdge>;

    /// Computes the distance matrix and the sorted neighbour lists if the graph changed.
    void Update() const;
    /// Throws std::out_of_range unless \p v is a vertex.
    void Check(std::size_t v) const;

    Graph m_graph;                                          //!< vertices and edges
    std::map<std::string, std::size_t> m_index;             //!< vertex name -> index
    mutable bool m_valid{false};                            //!< caches match m_graph
    mutable std::vector<std::vector<uint32_t>> m_distance;  //!< [from][to] hop counts
    mutable std::vector<std::vector<std::size_t>> m_sorted; //!< neighbours by index
};

} // namespace ns3

#endif /* DMM_TOPOLOGY_GRAPH_H */
