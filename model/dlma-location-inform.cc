/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-location-inform.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaLocationInform");

NS_OBJECT_ENSURE_REGISTERED(DlmaLocationInform);

TypeId
DlmaLocationInform::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DlmaLocationInform")
                            .SetParent<DlmaMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<DlmaLocationInform>();
    return tid;
}

TypeId
DlmaLocationInform::GetInstanceTypeId() const
{
    return GetTypeId();
}

DlmaLocationInform::DlmaLocationInform()
    : DlmaMessage(LOCATION_INFORM)
{
}

} // namespace ns3
