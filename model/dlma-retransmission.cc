/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-retransmission.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaRetransmission");

void
DlmaRetransmission::Setup(SendCallback send, Time initial, Time max)
{
    m_send = send;
    m_initial = initial;
    m_max = max;
}

void
DlmaRetransmission::Begin(std::shared_ptr<DlmaMessage> m, const std::string& mnId, Ipv6Address to)
{
    Key key{m->GetSubType(), mnId, to};
    Pending& p = m_pending[key];
    p.timer.Cancel();
    p.message = m;
    p.timeout = m_initial;
    m_send(*p.message, to, false);
    p.timer = Simulator::Schedule(p.timeout, &DlmaRetransmission::Fire, this, key);
}

void
DlmaRetransmission::Fire(Key key)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
    {
        return;
    }
    Pending& p = it->second;
    p.timeout = p.timeout * 2;
    if (p.timeout > m_max)
    {
        NS_LOG_INFO("giving up " << unsigned(std::get<0>(key)) << " for " << std::get<1>(key));
        m_givenUp++;
        m_pending.erase(it);
        return;
    }
    m_retransmissions++;
    m_send(*p.message, std::get<2>(key), true);
    p.timer = Simulator::Schedule(p.timeout, &DlmaRetransmission::Fire, this, key);
}

bool
DlmaRetransmission::Acknowledge(const Key& key)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
    {
        return false;
    }
    it->second.timer.Cancel();
    m_pending.erase(it);
    return true;
}

void
DlmaRetransmission::Clear()
{
    for (auto& [key, p] : m_pending)
    {
        p.timer.Cancel();
    }
    m_pending.clear();
}

uint64_t
DlmaRetransmission::GetRetransmissions() const
{
    return m_retransmissions;
}

uint64_t
DlmaRetransmission::GetGivenUp() const
{
    return m_givenUp;
}

} // namespace ns3
