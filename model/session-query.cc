/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "session-query.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SessionQuery");
NS_OBJECT_ENSURE_REGISTERED(SessionQuery);

TypeId
SessionQuery::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SessionQuery")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<SessionQuery>();
    return tid;
}

TypeId
SessionQuery::GetInstanceTypeId() const
{
    return GetTypeId();
}

SessionQuery::SessionQuery()
    : DmmSessionHeader(QUERY)
{
}

} // namespace ns3
