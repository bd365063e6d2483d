/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mr-redirect.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MrRedirect");

NS_OBJECT_ENSURE_REGISTERED(MrRedirect);

TypeId
MrRedirect::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MrRedirect")
                            .SetParent<LocationMessage>()
                            .SetGroupName("Dmm")
                            .AddConstructor<MrRedirect>();
    return tid;
}

TypeId
MrRedirect::GetInstanceTypeId() const
{
    return GetTypeId();
}

MrRedirect::MrRedirect()
    : LocationMessage(SUBTYPE)
{
}

} // namespace ns3
