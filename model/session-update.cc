/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "session-update.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SessionUpdate");
NS_OBJECT_ENSURE_REGISTERED(SessionUpdate);

TypeId
SessionUpdate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SessionUpdate")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<SessionUpdate>();
    return tid;
}

TypeId
SessionUpdate::GetInstanceTypeId() const
{
    return GetTypeId();
}

SessionUpdate::SessionUpdate()
    : DmmSessionHeader(UPDATE)
{
}

} // namespace ns3
