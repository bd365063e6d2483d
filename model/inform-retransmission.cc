/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "inform-retransmission.h"

#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/simulator.h"

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
    m_retransmitter.Setup(MakeCallback(&InformRetransmission::Send, this),
                          MakeCallback(&InformRetransmission::GiveUp, this));
}

void
InformRetransmission::SetBackOff(Time initial, uint32_t retries, uint64_t* counter)
{
    m_retransmitter.SetBackOff(initial, kMaxBindackTimeout, Retransmitter::CAP_AT_MAX, retries);
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
    m_retransmitter.Start(pbci.GetSequence(), Outgoing{pbci, to});
}

void
InformRetransmission::GiveUp(const uint16_t& sequence)
{
    NS_LOG_INFO("PBCI " << sequence << " given up");
    if (!m_giveUp.IsNull())
    {
        m_giveUp(sequence);
    }
}

bool
InformRetransmission::Acknowledge(uint16_t sequence)
{
    return m_retransmitter.Acknowledge(sequence);
}

void
InformRetransmission::Send(const uint16_t&, Outgoing& out, bool again)
{
    if (again && m_retransmissions)
    {
        (*m_retransmissions)++;
    }
    // A copy: sending adds the authentication option (§8) to the message it is given.
    BindingChangeInform pbci = out.pbci;
    m_mh->Send(pbci, m_local, out.to);
}

void
InformRetransmission::Dispose()
{
    m_retransmitter.Clear();
    m_answered.clear();
    m_answeredAt.clear();
    m_mh = nullptr;
}

bool
InformRetransmission::AnswerRepeat(Ipv6Address from, uint16_t sequence)
{
    // Answers are kept in the order sent and all for the same time: expire from the front.
    Time now = Simulator::Now();
    while (!m_answeredAt.empty() && m_answeredAt.front().first + m_repeatLifetime < now)
    {
        m_answered.erase(m_answeredAt.front().second);
        m_answeredAt.pop_front();
    }
    auto it = m_answered.find({from, sequence});
    if (it == m_answered.end())
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
    PbciKey key{to, pbca.GetSequence()};
    if (m_answered.insert_or_assign(key, pbca).second)
    {
        m_answeredAt.emplace_back(Simulator::Now(), key);
    }
    BindingChangeAck sent = pbca; // sending adds the authentication option (§8) to it
    m_mh->Send(sent, m_local, to);
}

void
InformRetransmission::SetRepeatLifetime(Time lifetime)
{
    m_repeatLifetime = lifetime;
}

} // namespace ns3
