/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "hoa-request.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HoaRequest");

NS_OBJECT_ENSURE_REGISTERED(HoaRequest);

TypeId
HoaRequest::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HoaRequest")
                            .SetParent<DmmSessionHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HoaRequest>();
    return tid;
}

TypeId
HoaRequest::GetInstanceTypeId() const
{
    return GetTypeId();
}

HoaRequest::HoaRequest()
    : DmmSessionHeader(SUBTYPE)
{
}

} // namespace ns3
