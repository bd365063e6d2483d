/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lm-sync.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmSync");
NS_OBJECT_ENSURE_REGISTERED(LmSync);

TypeId
LmSync::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmSync")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LmSync>();
    return tid;
}

TypeId
LmSync::GetInstanceTypeId() const
{
    return GetTypeId();
}

LmSync::LmSync()
    : DmmSessionHeader(SYNC)
{
}

} // namespace ns3
