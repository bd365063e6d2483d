/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-retransmission.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaRetransmission");

void
DlmaRetransmission::Setup(SendCallback send, Time initial, Time max)
{
    m_send = send;
    m_retransmitter.Setup(MakeCallback(&DlmaRetransmission::Transmit, this),
                          MakeCallback(&DlmaRetransmission::GiveUp, this));
    m_retransmitter.SetBackOff(initial, max, Retransmitter::GIVE_UP_BEYOND_MAX);
}

void
DlmaRetransmission::Begin(std::shared_ptr<DlmaMessage> m, const std::string& mnId, Ipv6Address to)
{
    m_retransmitter.Start(Key{m->GetSubType(), mnId, to}, m);
}

void
DlmaRetransmission::Transmit(const Key& key, std::shared_ptr<DlmaMessage>& m, bool again)
{
    m_send(*m, std::get<2>(key), again);
}

void
DlmaRetransmission::GiveUp(const Key& key)
{
    NS_LOG_INFO("giving up " << unsigned(std::get<0>(key)) << " for " << std::get<1>(key));
}

bool
DlmaRetransmission::Acknowledge(const Key& key)
{
    return m_retransmitter.Acknowledge(key);
}

void
DlmaRetransmission::Clear()
{
    m_retransmitter.Clear();
}

uint64_t
DlmaRetransmission::GetRetransmissions() const
{
    return m_retransmitter.GetRetransmissions();
}

uint64_t
DlmaRetransmission::GetGivenUp() const
{
    return m_retransmitter.GetGivenUp();
}

} // namespace ns3
