/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-location-ack.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaLocationAck");

NS_OBJECT_ENSURE_REGISTERED(DlmaLocationAck);

TypeId
DlmaLocationAck::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DlmaLocationAck")
                            .SetParent<DlmaMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<DlmaLocationAck>();
    return tid;
}

TypeId
DlmaLocationAck::GetInstanceTypeId() const
{
    return GetTypeId();
}

DlmaLocationAck::DlmaLocationAck()
    : DlmaMessage(LOCATION_ACK)
{
}

} // namespace ns3
