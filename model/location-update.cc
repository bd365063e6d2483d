/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-update.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationUpdate");
NS_OBJECT_ENSURE_REGISTERED(LocationUpdate);

TypeId
LocationUpdate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationUpdate").SetParent<Object>().SetGroupName("Dmm");
    return tid;
}

void
LocationUpdate::SetOutcomeCallback(OutcomeCallback cb)
{
    m_outcome = cb;
}

void
LocationUpdate::DoDispose()
{
    m_outcome = OutcomeCallback();
    Object::DoDispose();
}

} // namespace ns3
