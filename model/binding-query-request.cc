/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "binding-query-request.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingQueryRequest");
NS_OBJECT_ENSURE_REGISTERED(BindingQueryRequest);

TypeId
BindingQueryRequest::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingQueryRequest")
                            .SetParent<EpmipMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingQueryRequest>();
    return tid;
}

TypeId
BindingQueryRequest::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingQueryRequest::BindingQueryRequest()
    : EpmipMessage(BINDING_QUERY_REQUEST)
{
}

} // namespace ns3
