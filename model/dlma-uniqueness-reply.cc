/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-uniqueness-reply.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaUniquenessReply");

NS_OBJECT_ENSURE_REGISTERED(DlmaUniquenessReply);

TypeId
DlmaUniquenessReply::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DlmaUniquenessReply")
                            .SetParent<DlmaMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<DlmaUniquenessReply>();
    return tid;
}

TypeId
DlmaUniquenessReply::GetInstanceTypeId() const
{
    return GetTypeId();
}

DlmaUniquenessReply::DlmaUniquenessReply()
    : DlmaMessage(UNIQUENESS_REPLY)
{
}

} // namespace ns3
