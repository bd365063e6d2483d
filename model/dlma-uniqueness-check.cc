/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-uniqueness-check.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaUniquenessCheck");

NS_OBJECT_ENSURE_REGISTERED(DlmaUniquenessCheck);

TypeId
DlmaUniquenessCheck::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DlmaUniquenessCheck")
                            .SetParent<DlmaMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<DlmaUniquenessCheck>();
    return tid;
}

TypeId
DlmaUniquenessCheck::GetInstanceTypeId() const
{
    return GetTypeId();
}

DlmaUniquenessCheck::DlmaUniquenessCheck()
    : DlmaMessage(UNIQUENESS_CHECK)
{
}

} // namespace ns3
