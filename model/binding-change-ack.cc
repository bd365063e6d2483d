/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "binding-change-ack.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingChangeAck");
NS_OBJECT_ENSURE_REGISTERED(BindingChangeAck);

TypeId
BindingChangeAck::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingChangeAck")
                            .SetParent<EpmipMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingChangeAck>();
    return tid;
}

TypeId
BindingChangeAck::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingChangeAck::BindingChangeAck()
    : EpmipMessage(BINDING_CHANGE_ACK)
{
}

} // namespace ns3
