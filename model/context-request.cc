/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "context-request.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ContextRequest");

NS_OBJECT_ENSURE_REGISTERED(ContextRequest);

TypeId
ContextRequest::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ContextRequest")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ContextRequest>();
    return tid;
}

TypeId
ContextRequest::GetInstanceTypeId() const
{
    return GetTypeId();
}

ContextRequest::ContextRequest()
    : DmmSessionHeader(CONTEXT_REQUEST)
{
}

} // namespace ns3
