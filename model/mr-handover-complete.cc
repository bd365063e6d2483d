/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mr-handover-complete.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MrHandoverComplete");

NS_OBJECT_ENSURE_REGISTERED(MrHandoverComplete);

TypeId
MrHandoverComplete::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MrHandoverComplete")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<MrHandoverComplete>();
    return tid;
}

TypeId
MrHandoverComplete::GetInstanceTypeId() const
{
    return GetTypeId();
}

MrHandoverComplete::MrHandoverComplete()
    : DmmSessionHeader(SUBTYPE)
{
}

} // namespace ns3
