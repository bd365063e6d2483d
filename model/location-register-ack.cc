/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-register-ack.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationRegisterAck");

NS_OBJECT_ENSURE_REGISTERED(LocationRegisterAck);

TypeId
LocationRegisterAck::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationRegisterAck")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationRegisterAck>();
    return tid;
}

TypeId
LocationRegisterAck::GetInstanceTypeId() const
{
    return GetTypeId();
}

LocationRegisterAck::LocationRegisterAck()
    : DmmSessionHeader(LOCATION_REGISTER_ACK)
{
}

} // namespace ns3
