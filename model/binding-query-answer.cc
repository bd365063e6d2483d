/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "binding-query-answer.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingQueryAnswer");
NS_OBJECT_ENSURE_REGISTERED(BindingQueryAnswer);

TypeId
BindingQueryAnswer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingQueryAnswer")
                            .SetParent<EpmipMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingQueryAnswer>();
    return tid;
}

TypeId
BindingQueryAnswer::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingQueryAnswer::BindingQueryAnswer()
    : EpmipMessage(BINDING_QUERY_ANSWER)
{
}

} // namespace ns3
