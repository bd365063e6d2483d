/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "hoa-reply.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HoaReply");

NS_OBJECT_ENSURE_REGISTERED(HoaReply);

TypeId
HoaReply::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HoaReply")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HoaReply>();
    return tid;
}

TypeId
HoaReply::GetInstanceTypeId() const
{
    return GetTypeId();
}

HoaReply::HoaReply()
    : DmmSessionHeader(SUBTYPE)
{
}

} // namespace ns3
