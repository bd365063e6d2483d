/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "access-router-drf.h"

#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AccessRouterDrf");
NS_OBJECT_ENSURE_REGISTERED(AccessRouterDrf);

TypeId
AccessRouterDrf::GetTypeId()
{
    static TypeId tid = TypeId("ns3::AccessRouterDrf")
                            .SetParent<DistributedRoutingFunction>()
                            .SetGroupName("Dmm")
                            .AddConstructor<AccessRouterDrf>();
    return tid;
}

AccessRouterDrf::AccessRouterDrf()
{
}

void
AccessRouterDrf::AddFixed(const HomeNetworkPrefix& prefix)
{
    NS_LOG_FUNCTION(this << prefix.ToString());
    m_fixed.push_back(prefix.Canonical());
}

bool
AccessRouterDrf::Serves(Ipv6Address src) const
{
    // No reverse tunnel here: the fixed nodes are on the router's own links (§5.2).
    for (const auto& prefix : m_fixed)
    {
        if (prefix.Contains(src))
        {
            return true;
        }
    }
    return false;
}

} // namespace ns3
