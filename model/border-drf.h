/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_BORDER_DRF_H
#define DMM_BORDER_DRF_H

#include "ns3/distributed-routing-function.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief A router with a DRF announcing the ePMIP prefix set in the alternative
 *        implementation (seed 001 §7.1, §7.3, Figs 10-11): the border gateway (BG+DRF) or
 *        one of the anycast Router+DRFs.
 *
 * The eLMAs announce no prefix (§7.1); these routers announce the prefixes assigned to the
 * ePMIP area, so every packet for a node of the area that does not come through an eLMA's
 * tunnel reaches the nearest of them. The DRF asks its preferred LMF for the node's
 * location (the eLMA holding its binding) and tunnels the packet to that eLMA, which
 * delivers it through its PMIP tunnel. Unlike an eMAG's DRF it has no PMIP path to fall
 * back on: the packets sent before the location is known are buffered (the helper sets
 * FirstPackets=Buffer), and a node no LMF knows is unreachable. Any source is served:
 * correspondents outside the area (BG, §7.1), fixed correspondents inside it (Router+DRF,
 * §7.3) and the first packets an eLMA sends natively while it queries.
 */
class BorderDrf : public DistributedRoutingFunction
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    BorderDrf();

  protected:
    bool Serves(Ipv6Address src) const override;
};

} // namespace ns3

#endif // DMM_BORDER_DRF_H
