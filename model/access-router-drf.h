/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ACCESS_ROUTER_DRF_H
#define DMM_ACCESS_ROUTER_DRF_H

#include "ns3/distributed-routing-function.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The DRF of an access router of fixed nodes (AR+DRF, seed 001 §5.2, Fig 8).
 *
 * It optimizes the packets of the fixed nodes behind it (AddFixed) towards mobile nodes
 * exactly as an eMAG's DRF does for its attached nodes: query the node's LMF, tunnel to its
 * eMAG, follow the eMAG's PBCI when the node moves (§4.3). It has no DMF (§5.2: "nodes
 * attached are all fixed nodes"), so it never starts a handoff. The eMAGs reach the fixed
 * nodes through it because the fixed-node LMF answers with its address.
 */
class AccessRouterDrf : public DistributedRoutingFunction
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AccessRouterDrf();

    /**
     * \brief A fixed node (or prefix of fixed nodes) reached through this router.
     * \param prefix its address or prefix
     */
    void AddFixed(const HomeNetworkPrefix& prefix);

  protected:
    bool Serves(Ipv6Address src) const override;

  private:
    std::vector<HomeNetworkPrefix> m_fixed; //!< the fixed nodes behind this router
};

} // namespace ns3

#endif // DMM_ACCESS_ROUTER_DRF_H
