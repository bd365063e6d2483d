/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-reply.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationReply");

NS_OBJECT_ENSURE_REGISTERED(LocationReply);

TypeId
LocationReply::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationReply")
                            .SetParent<LocationMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationReply>();
    return tid;
}

TypeId
LocationReply::GetInstanceTypeId() const
{
    return GetTypeId();
}

LocationReply::LocationReply()
    : LocationMessage(LOCATION_REPLY)
{
}

} // namespace ns3
