/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "session-reply.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SessionReply");
NS_OBJECT_ENSURE_REGISTERED(SessionReply);

TypeId
SessionReply::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SessionReply")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<SessionReply>();
    return tid;
}

TypeId
SessionReply::GetInstanceTypeId() const
{
    return GetTypeId();
}

SessionReply::SessionReply()
    : DmmSessionHeader(REPLY)
{
}

} // namespace ns3
