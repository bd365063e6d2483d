/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_MOVEMENT_GENERATOR_H
#define DMM_MOVEMENT_GENERATOR_H

#include "ns3/scenario-config.h"
#include "ns3/topology-graph.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace ns3
{

/// \brief The parameters of generated movement (the `movement` object of a scenario).
struct MovementParameters
{
    std::string type;             //!< "random-walk" or "corridor"
    double residenceS;            //!< time at each access node, s, > 0
    double crossProbability{0};   //!< random walk: chance of a move to a farther router
    double startS;                //!< first attachment, s
    std::vector<std::string> mns; //!< the mobile nodes that move (the others stay)
};

/**
 * \ingroup dmm
 * \brief Generates the attachment lists of mobile nodes that move through the access
 * routers of a topology.
 *
 * Mobile node i (in node order, from 1) first attaches at \c start_s to access node
 * ((i - 1) mod A) + 1 in node order (A access nodes), then moves every \c residence_s
 * while the time is below the scenario's duration:
 * - `random-walk`: to an access node adjacent to the current one (AccessAdjacency()),
 *   drawn uniformly with a std::mt19937_64 seeded with the std::seed_seq {seed, i} and
 *   UniformIndex(), whose results the C++ standard fixes on every platform; with
 *   \c cross_probability q, each move first draws u = (gen() >> 11) * 2^-53 and, when
 *   u < q, goes to a farther access node instead (Farther());
 * - `corridor`: to the next access node in node order, turning back at either end.
 *
 * Mobile nodes not listed in \c mns stay at their first access node.
 */
class MovementGenerator
{
  public:
    /**
     * \brief Read and validate the `movement` object.
     * \param j the object
     * \param path its JSON path, for messages
     * \param c the scenario, with its nodes and duration already read
     * \returns the parameters
     * \throws ScenarioError naming the JSON path
     */
    static MovementParameters Parse(const nlohmann::json& j,
                                    const std::string& path,
                                    const ScenarioConfig& c);

    /**
     * \brief Generate the attachments of every mobile node of a scenario.
     * \param p valid parameters
     * \param c the scenario (nodes, links, seed, duration)
     * \returns the attachments, mobile node after mobile node, each in time order
     * \throws ScenarioError if the scenario has fewer than two access nodes
     */
    static std::vector<AttachmentConfig> Generate(const MovementParameters& p,
                                                  const ScenarioConfig& c);

    /**
     * \brief Where a mobile node may move from each access node.
     *
     * The neighbours of an access node are the other access nodes nearest to it in wired
     * hops: siblings under one router (hierarchical topologies), or access nodes linked
     * to it directly (a ring or mesh of access routers). In the generated topologies these
     * are the access routers that share a parent, or the ring/mesh neighbours.
     *
     * \param g the wired topology
     * \returns for each access node, its neighbours in vertex order
     */
    static std::map<std::string, std::vector<std::string>> AccessAdjacency(const TopologyGraph& g);

    /**
     * \brief A uniform draw in [0, n) by rejection, identical on every platform (unlike
     * std::uniform_int_distribution, whose algorithm the standard leaves open).
     * \param gen the generator
     * \param n the number of outcomes, >= 1
     * \returns the draw
     */
    static uint64_t UniformIndex(std::mt19937_64& gen, uint64_t n);

    /**
     * \brief The access nodes a random walk may cross to (cross_probability): all but
     *        \p from and its neighbours; in the generated types, those of other networks.
     * \param ars the access nodes in node order \param from the current one
     * \param neighbours its neighbours \returns the candidates, in node order
     */
    static std::vector<std::string> Farther(const std::vector<const NodeConfig*>& ars,
                                            const std::string& from,
                                            const std::vector<std::string>& neighbours);
};

} // namespace ns3

#endif /* DMM_MOVEMENT_GENERATOR_H */
