/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-register.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationRegister");

NS_OBJECT_ENSURE_REGISTERED(LocationRegister);

TypeId
LocationRegister::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationRegister")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationRegister>();
    return tid;
}

TypeId
LocationRegister::GetInstanceTypeId() const
{
    return GetTypeId();
}

LocationRegister::LocationRegister()
    : DmmSessionHeader(LOCATION_REGISTER)
{
}

} // namespace ns3
