/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "prefix-routing-helper.h"

#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6.h"

namespace ns3
{

Ipv6PrefixRoutingHelper*
Ipv6PrefixRoutingHelper::Copy() const
{
    return new Ipv6PrefixRoutingHelper(*this);
}

Ptr<Ipv6RoutingProtocol>
Ipv6PrefixRoutingHelper::Create(Ptr<Node>) const
{
    return CreateObject<Ipv6PrefixRouting>();
}

Ptr<Ipv6PrefixRouting>
Ipv6PrefixRoutingHelper::Get(Ptr<Ipv6> ipv6)
{
    Ptr<Ipv6RoutingProtocol> top = ipv6->GetRoutingProtocol();
    if (auto routing = DynamicCast<Ipv6PrefixRouting>(top))
    {
        return routing;
    }
    auto list = DynamicCast<Ipv6ListRouting>(top);
    for (uint32_t i = 0; list && i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        if (auto routing = DynamicCast<Ipv6PrefixRouting>(list->GetRoutingProtocol(i, priority)))
        {
            return routing;
        }
    }
    return nullptr;
}

} // namespace ns3
