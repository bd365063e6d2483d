/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/proxy-binding-update.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProxyBindingUpdate");

NS_OBJECT_ENSURE_REGISTERED(ProxyBindingUpdate);

TypeId
ProxyBindingUpdate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ProxyBindingUpdate")
                            .SetParent<BindingUpdate>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ProxyBindingUpdate>();
    return tid;
}

TypeId
ProxyBindingUpdate::GetInstanceTypeId() const
{
    return GetTypeId();
}

ProxyBindingUpdate::ProxyBindingUpdate()
{
    SetFlags(FLAG_A | FLAG_P);
}

} // namespace ns3
