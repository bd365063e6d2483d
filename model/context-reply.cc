/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "context-reply.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ContextReply");

NS_OBJECT_ENSURE_REGISTERED(ContextReply);

TypeId
ContextReply::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ContextReply")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ContextReply>();
    return tid;
}

TypeId
ContextReply::GetInstanceTypeId() const
{
    return GetTypeId();
}

ContextReply::ContextReply()
    : DmmSessionHeader(CONTEXT_REPLY)
{
}

} // namespace ns3
