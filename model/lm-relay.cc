/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lm-relay.h"

#include "ns3/location-query.h"
#include "ns3/location-reply.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmRelay");
NS_OBJECT_ENSURE_REGISTERED(LmRelay);

TypeId
LmRelay::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmRelay")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<LmRelay>()
            .AddAttribute("AnswerTimeout",
                          "How long a relayed query waits for the other LM's answer; the "
                          "asker has timed out by then (its own QueryTimeout).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LmRelay::m_answerTimeout),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Relayed",
                            "A query or an answer was relayed.",
                            MakeTraceSourceAccessor(&LmRelay::m_relayedTrace),
                            "ns3::LmRelay::RelayedTracedCallback");
    return tid;
}

LmRelay::LmRelay()
{
}

LmRelay::~LmRelay()
{
}

void
LmRelay::DoDispose()
{
    for (auto& [sequence, relayed] : m_relayed)
    {
        relayed.expiry.Cancel();
    }
    m_relayed.clear();
    m_mh = nullptr;
    Object::DoDispose();
}

void
LmRelay::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address address)
{
    m_mh = mh;
    m_address = address;
}

void
LmRelay::AddPeer(const HomeNetworkPrefix& prefix, Ipv6Address lm)
{
    m_peers.Set(prefix, lm);
}

bool
LmRelay::RelayQuery(const LocationQuery& query, Ipv6Address asker)
{
    NS_LOG_FUNCTION(this << query.GetHome() << asker);
    const Ipv6Address* peer = m_peers.Lookup(query.GetHome());
    if (peer == nullptr || *peer == m_address)
    {
        return false;
    }
    uint16_t sequence = ++m_sequence;
    if (auto old = m_relayed.find(sequence); old != m_relayed.end())
    {
        old->second.expiry.Cancel(); // wrapped around: that one is long given up
    }
    m_relayed[sequence] =
        Relayed{asker,
                *peer,
                query.GetSequence(),
                Simulator::Schedule(m_answerTimeout, &LmRelay::Expire, this, sequence)};
    LocationQuery onward;
    onward.SetSequence(sequence);
    onward.SetLocation(query.GetHome(), Ipv6Address::GetAny());
    m_stats.queriesRelayed++;
    m_relayedTrace(asker, *peer, query.GetHome());
    NS_LOG_INFO("LM " << m_address << " relays " << asker << "'s query for " << query.GetHome()
                      << " to " << *peer);
    m_mh->Send(onward, m_address, *peer);
    return true;
}

void
LmRelay::RelayAnswer(Ptr<Packet> p, Ipv6Address from)
{
    NS_LOG_FUNCTION(this << from);
    LocationReply answer;
    p->RemoveHeader(answer);
    auto it = m_relayed.find(answer.GetSequence());
    if (it == m_relayed.end() || it->second.peer != from)
    {
        m_stats.unexpected++;
        return;
    }
    Relayed relayed = it->second;
    relayed.expiry.Cancel();
    m_relayed.erase(it);
    // The asker matches the answer to its query by its own sequence number.
    LocationReply back;
    back.SetSequence(relayed.sequence);
    back.SetLocation(answer.GetHome(), answer.GetLocator());
    back.SetReferral(answer.IsReferral());
    back.SetRemove(answer.GetRemove());
    m_stats.answersRelayed++;
    m_relayedTrace(from, relayed.asker, answer.GetHome());
    m_mh->Send(back, m_address, relayed.asker);
}

void
LmRelay::Expire(uint16_t sequence)
{
    if (m_relayed.erase(sequence) > 0)
    {
        m_stats.unanswered++;
    }
}

const LmRelay::Stats&
LmRelay::GetStats() const
{
    return m_stats;
}

} // namespace ns3
