/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PREFIX_ROUTING_HELPER_H
#define DMM_PREFIX_ROUTING_HELPER_H

#include "ns3/ipv6-routing-helper.h"
#include "ns3/prefix-routing.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Creates Ipv6PrefixRouting for InternetStackHelper (usually inside an
 * Ipv6ListRoutingHelper, below Ipv6StaticRoutingHelper) and finds it on a node.
 */
class Ipv6PrefixRoutingHelper : public Ipv6RoutingHelper
{
  public:
    /// \return a copy of this helper
    Ipv6PrefixRoutingHelper* Copy() const override;
    /// \param node the node \return a new Ipv6PrefixRouting
    Ptr<Ipv6RoutingProtocol> Create(Ptr<Node> node) const override;
    /**
     * \brief The node's Ipv6PrefixRouting: its routing protocol or one in its list.
     * \param ipv6 the node's stack \return the protocol, or null
     */
    static Ptr<Ipv6PrefixRouting> Get(Ptr<Ipv6> ipv6);
};

} // namespace ns3

#endif // DMM_PREFIX_ROUTING_HELPER_H
