/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "l2-mobility.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("L2Mobility");

NS_OBJECT_ENSURE_REGISTERED(L2Mobility);

TypeId
L2Mobility::GetTypeId()
{
    static TypeId tid = TypeId("ns3::L2Mobility")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddTraceSource("MoveBegins",
                                            "A scheduled move (or the first attachment) "
                                            "begins: its detach comes now.",
                                            MakeTraceSourceAccessor(&L2Mobility::m_moveTrace),
                                            "ns3::L2Mobility::L2TracedCallback")
                            .AddTraceSource("L2Down",
                                            "The node left an access router.",
                                            MakeTraceSourceAccessor(&L2Mobility::m_downTrace),
                                            "ns3::L2Mobility::L2TracedCallback")
                            .AddTraceSource("L2Up",
                                            "The node is attached to an access router.",
                                            MakeTraceSourceAccessor(&L2Mobility::m_upTrace),
                                            "ns3::L2Mobility::L2TracedCallback");
    return tid;
}

void
L2Mobility::NotifyMoveBegins(const std::string& to)
{
    m_moveTrace(to);
}

void
L2Mobility::NotifyDown(const std::string& from)
{
    m_downTrace(from);
}

void
L2Mobility::NotifyUp(const std::string& to)
{
    m_upTrace(to);
}

} // namespace ns3
