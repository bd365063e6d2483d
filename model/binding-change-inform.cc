/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "binding-change-inform.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingChangeInform");
NS_OBJECT_ENSURE_REGISTERED(BindingChangeInform);

TypeId
BindingChangeInform::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingChangeInform")
                            .SetParent<EpmipMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingChangeInform>();
    return tid;
}

TypeId
BindingChangeInform::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingChangeInform::BindingChangeInform()
    : EpmipMessage(BINDING_CHANGE_INFORM)
{
}

} // namespace ns3
