/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-query.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationQuery");

NS_OBJECT_ENSURE_REGISTERED(LocationQuery);

TypeId
LocationQuery::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationQuery")
                            .SetParent<LocationMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationQuery>();
    return tid;
}

TypeId
LocationQuery::GetInstanceTypeId() const
{
    return GetTypeId();
}

LocationQuery::LocationQuery()
    : LocationMessage(LOCATION_QUERY)
{
}

} // namespace ns3
