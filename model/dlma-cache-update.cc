/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-cache-update.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaCacheUpdate");

NS_OBJECT_ENSURE_REGISTERED(DlmaCacheUpdate);

TypeId
DlmaCacheUpdate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DlmaCacheUpdate")
                            .SetParent<DlmaMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<DlmaCacheUpdate>();
    return tid;
}

TypeId
DlmaCacheUpdate::GetInstanceTypeId() const
{
    return GetTypeId();
}

DlmaCacheUpdate::DlmaCacheUpdate()
    : DlmaMessage(CACHE_UPDATE)
{
}

} // namespace ns3
