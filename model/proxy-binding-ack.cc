/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/proxy-binding-ack.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProxyBindingAck");

NS_OBJECT_ENSURE_REGISTERED(ProxyBindingAck);

TypeId
ProxyBindingAck::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ProxyBindingAck")
                            .SetParent<BindingAck>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ProxyBindingAck>();
    return tid;
}

TypeId
ProxyBindingAck::GetInstanceTypeId() const
{
    return GetTypeId();
}

ProxyBindingAck::ProxyBindingAck()
{
    SetFlags(FLAG_P);
}

} // namespace ns3
