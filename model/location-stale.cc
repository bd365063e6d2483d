/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-stale.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationStale");

NS_OBJECT_ENSURE_REGISTERED(LocationStale);

TypeId
LocationStale::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationStale")
                            .SetParent<LocationMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationStale>();
    return tid;
}

TypeId
LocationStale::GetInstanceTypeId() const
{
    return GetTypeId();
}

LocationStale::LocationStale()
    : LocationMessage(LOCATION_STALE)
{
}

} // namespace ns3
