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
    static TypeId tid =
        TypeId("ns3::LocationUpdate")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddTraceSource("Update",
                            "A location update was sent (or sent again).",
                            MakeTraceSourceAccessor(&LocationUpdate::m_updateTrace),
                            "ns3::LocationUpdate::UpdateTracedCallback")
            .AddTraceSource("Outcome",
                            "A registration or de-registration was answered or timed out.",
                            MakeTraceSourceAccessor(&LocationUpdate::m_outcomeTrace),
                            "ns3::LocationUpdate::OutcomeTracedCallback");
    return tid;
}

void
LocationUpdate::SetOutcomeCallback(OutcomeCallback cb)
{
    m_outcome = cb;
}

void
LocationUpdate::ReportOutcome(const Outcome& outcome)
{
    m_outcomeTrace(outcome);
    if (!m_outcome.IsNull())
    {
        m_outcome(outcome);
    }
}

void
LocationUpdate::ReportUpdate(const std::string& mnId,
                             uint16_t sequence,
                             Time lifetime,
                             bool retransmission)
{
    m_updateTrace(mnId, sequence, lifetime, retransmission);
}

void
LocationUpdate::DoDispose()
{
    m_outcome = OutcomeCallback();
    Object::DoDispose();
}

void
LocationUpdate::Retransmission::Start(Time initial)
{
    timer.Cancel();
    timeout = initial;
    sent = 0;
    pending = true;
}

bool
LocationUpdate::Retransmission::Next(Time max)
{
    if (sent++ > 0)
    {
        timeout = timeout * 2;
    }
    if (timeout > max)
    {
        pending = false;
        return false;
    }
    return true;
}

bool
LocationUpdate::Retransmission::IsRetransmission() const
{
    return sent > 1;
}

void
LocationUpdate::Retransmission::Stop()
{
    pending = false;
    timer.Cancel();
}

} // namespace ns3
