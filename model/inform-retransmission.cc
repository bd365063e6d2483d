/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inform-retransmission.h"

#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("InformRetransmission");

namespace
{
/// RFC 6275 §12 MAX_BINDACK_TIMEOUT, which RFC 5213 §6.9.4's back-off stops growing at.
const Time kMaxBindackTimeout = Seconds(32);
} // namespace

void
InformRetransmission::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local, GiveUpCallback giveUp)
{
    m_mh = mh;
    m_local = local;
    m_giveUp = giveUp;
}

void
InformRetransmission::SetBackOff(Time initial, uint32_t retries, uint64_t* counter)
{
    m_initial = initial;
    m_retries = retries;
    m_retransmissions = counter;
}

void
InformRetransmission::Inform(const HomeNetworkPrefix& prefix,
                             Ipv6Address locator,
                             Ipv6Address to,
                             uint16_t sequence)
{
    BindingChangeInform pbci;
    pbci.SetSequence(sequence);
    pbci.AddLocation(prefix, locator);
    Start(pbci, to);
}

void
InformRetransmission::Start(const BindingChangeInform& pbci, Ipv6Address to)
{
    uint16_t sequence = pbci.GetSequence();
    Pending& p = m_pending[sequence];
    p.timer.Cancel();
    p.pbci = pbci;
    p.to = to;
    p.timeout = m_initial;
    p.retries = 0;
    Send(p);
    p.timer = Simulator::Schedule(p.timeout, &InformRetransmission::Fire, this, sequence);
}

void
InformRetransmission::Fire(uint16_t sequence)
{
    auto it = m_pending.find(sequence);
    if (it == m_pending.end())
    {
        return;
    }
    Pending& p = it->second;
    if (p.retries == m_retries)
    {
        NS_LOG_INFO("PBCI " << sequence << " to " << p.to << " given up");
        m_pending.erase(it);
        m_giveUp(sequence);
        return;
    }
    p.retries++;
    if (m_retransmissions)
    {
        (*m_retransmissions)++;
    }
    p.timeout = std::min(p.timeout * 2, kMaxBindackTimeout);
    Send(p);
    p.timer = Simulator::Schedule(p.timeout, &InformRetransmission::Fire, this, sequence);
}

bool
InformRetransmission::Acknowledge(uint16_t sequence)
{
    auto it = m_pending.find(sequence);
    if (it == m_pending.end())
    {
        return false;
    }
    it->second.timer.Cancel();
    m_pending.erase(it);
    return true;
}

void
InformRetransmission::Send(const Pending& p)
{
    // A copy: sending adds the authentication option (§8) to the message it is given.
    BindingChangeInform pbci = p.pbci;
    m_mh->Send(pbci, m_local, p.to);
}

void
InformRetransmission::Dispose()
{
    for (auto& [sequence, p] : m_pending)
    {
        p.timer.Cancel();
    }
    m_pending.clear();
    m_answered.clear();
    m_mh = nullptr;
}

bool
InformRetransmission::AnswerRepeat(Ipv6Address from, uint16_t sequence)
{
    auto it = m_answered.find(from);
    if (it == m_answered.end() || it->second.GetSequence() != sequence)
    {
        return false;
    }
    NS_LOG_LOGIC("PBCI " << sequence << " from " << from << " repeated: same PBCA");
    BindingChangeAck pbca = it->second;
    m_mh->Send(pbca, m_local, from);
    return true;
}

void
InformRetransmission::Answer(const BindingChangeAck& pbca, Ipv6Address to)
{
    m_answered.insert_or_assign(to, pbca);
    BindingChangeAck sent = pbca;
    m_mh->Send(sent, m_local, to);
}

} // namespace ns3
