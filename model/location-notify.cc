/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-notify.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationNotify");

NS_OBJECT_ENSURE_REGISTERED(LocationNotify);

TypeId
LocationNotify::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationNotify")
                            .SetParent<LocationMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationNotify>();
    return tid;
}

TypeId
LocationNotify::GetInstanceTypeId() const
{
    return GetTypeId();
}

LocationNotify::LocationNotify()
    : LocationMessage(LOCATION_NOTIFY)
{
}

} // namespace ns3
