/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "border-drf.h"

#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BorderDrf");
NS_OBJECT_ENSURE_REGISTERED(BorderDrf);

TypeId
BorderDrf::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BorderDrf")
                            .SetParent<DistributedRoutingFunction>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BorderDrf>();
    return tid;
}

BorderDrf::BorderDrf()
{
}

bool
BorderDrf::Serves(Ipv6Address) const
{
    // §7.1/§7.3: whatever the routing system brings here for the announced prefix set has
    // no other way to its node: the announcement is the only route to it.
    return true;
}

} // namespace ns3
