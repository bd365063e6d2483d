/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_TOPOLOGY_GENERATOR_H
#define DMM_TOPOLOGY_GENERATOR_H

#include "ns3/scenario-config.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

/// \brief Delay or rate of the links of each tier of a generated topology.
struct TierValues
{
    double core;        //!< links at the core: core-anchor, core-cn, anchor-anchor, core-AR (flat)
    double aggregation; //!< links between routers of one network, and of per-network cns
    double access;      //!< the last link to an access router (and AR-AR, near-mn cns)
};

/// \brief The parameters of a generated topology (the `topology` object of a scenario).
struct TopologyParameters
{
    std::string type;        //!< flat, hierarchical, migrating-ha, fully-distributed, dmm-mip
    uint32_t networks;       //!< number of networks, >= 1
    uint32_t arsPerNetwork;  //!< access routers per network, >= 1
    uint32_t hopsToAnchor;   //!< hierarchical, migrating-ha: routers between anchor and ARs
    std::string mesh;        //!< flat: AR links "ring" or "full"; migrating-ha: anchor links
    TierValues delayMs;      //!< one-way link delays, ms
    TierValues rateMbps;     //!< link rates, Mbit/s
    uint32_t mns;            //!< mobile nodes mn1, mn2, ...
    uint32_t cns;            //!< correspondent nodes cn1, cn2, ...
    std::string cnPlacement; //!< "core", "per-network" or "near-mn"
    /// dmm-mip: mobility routers of each network (key "mrs"); empty: ars_per_network each
    std::vector<uint32_t> mrsPerNetwork;
    /// dmm-mip: networks (from 1) whose HAA is a node of its own (key "separate_haa")
    std::set<uint32_t> separateHaa;
    /// dmm-mip: mr_role of the routers the correspondents hang off (key "cn_mr_role":
    /// "convergence" or "anycast"; empty: none)
    std::string cnMrRole;
};

/// \brief Nodes and links of a generated topology, as a scenario's `nodes` and `links`.
struct GeneratedTopology
{
    std::vector<NodeConfig> nodes; //!< in a fixed order: core, networks, cns, mns
    std::vector<LinkConfig> links; //!< in a fixed order
};

/**
 * \ingroup dmm
 * \brief Generates the nodes and links of the standard topologies of the DMM framework
 * draft (seed 000) from a few parameters.
 *
 * Every type has a router `core` (the rest of the Internet). Per network k (from 1):
 * - `flat` (§5.1): access routers `nk-arj`, each linked to `core`; all access routers,
 *   in order, form a ring (`mesh` "ring") or a full mesh (`mesh` "full") of access links.
 * - `hierarchical` (Fig 3): `core` - `nk-anchor` - `nk-r1` - ... - `nk-rH` - {`nk-arj`}
 *   with H = `hops_to_anchor` (the ARs hang off the anchor when H = 0).
 * - `migrating-ha` (Fig 6): as hierarchical, and the anchors (border routers, core tier)
 *   are also linked to each other in a full mesh (`mesh` "full") or a ring.
 * - `fully-distributed` (Fig 9): `core` - `nk-gw` - {`nk-mrj`} with the mobility routers
 *   as access nodes, and `nk-lm` (role anchor: LM server and prefix allocation) linked to
 *   `nk-gw` only, off the data path between MRs and the core.
 * - `dmm-mip` (seed 002 §3.2, Fig 1): as fully-distributed, with `mrs[k-1]` mobility
 *   routers in network k (`mrs`, else `ars_per_network`), and for each network listed in
 *   `separate_haa` the HAA on a node of its own, `nk-haa` (role router, `haa_for`
 *   `nk-lm`), linked to `nk-gw`; elsewhere the HAA is on `nk-lm`; `cn_mr_role` gives
 *   the routers the correspondents hang off (`core` or the `nk-gw`) that `mr_role`
 *   (seed 002 §5, Fig 6).
 *
 * Correspondent nodes `cni` hang off `core` (`cn_placement` "core"), off the top router of
 * network ((i - 1) mod networks) + 1 ("per-network": anchor, gw, or first AR in flat), or
 * off access router number ((i - 1) mod ARs) + 1 in node order ("near-mn": where mobile
 * node i starts under generated movement). Mobile nodes `mni` have no links.
 */
class TopologyGenerator
{
  public:
    /**
     * \brief Read and validate the parameters of a generated topology.
     * \param j the `topology` object (its type is not "custom")
     * \param path its JSON path, for messages
     * \returns the parameters
     * \throws ScenarioError naming the JSON path
     */
    static TopologyParameters Parse(const nlohmann::json& j, const std::string& path);

    /**
     * \brief Generate a topology.
     * \param p valid parameters
     * \returns nodes and links
     */
    static GeneratedTopology Generate(const TopologyParameters& p);

    /// \returns the generated types (without "custom")
    static const std::vector<std::string>& Types();
};

} // namespace ns3

#endif /* DMM_TOPOLOGY_GENERATOR_H */
