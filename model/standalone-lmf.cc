/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "standalone-lmf.h"

#include "ns3/binding-change-ack.h"
#include "ns3/binding-change-inform.h"
#include "ns3/binding-query-answer.h"
#include "ns3/binding-query-request.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("StandaloneLmf");
NS_OBJECT_ENSURE_REGISTERED(StandaloneLmf);

TypeId
StandaloneLmf::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::StandaloneLmf")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<StandaloneLmf>()
            .AddAttribute("HnpLength",
                          "Length of the home network prefixes hashed (a queried address is "
                          "hashed as its prefix of this length).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&StandaloneLmf::m_hnpLength),
                          MakeUintegerChecker<uint8_t>(1, 128))
            .AddAttribute("RepeatLifetime",
                          "How long the PBCA to a PBCI is kept to answer its "
                          "retransmissions (RFC 5213 §6.9.4 back-off: 1 s doubled, 5 "
                          "retries, is given up after 63 s).",
                          TimeValue(Seconds(64)),
                          MakeTimeAccessor(&StandaloneLmf::m_repeatLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Relay",
                            "A message was relayed to the LMF responsible for a prefix.",
                            MakeTraceSourceAccessor(&StandaloneLmf::m_relayTrace),
                            "ns3::StandaloneLmf::RelayTracedCallback");
    return tid;
}

StandaloneLmf::StandaloneLmf()
    : m_repeatLifetime(Seconds(64)),
      m_hnpLength(64)
{
}

void
StandaloneLmf::DoDispose()
{
    m_answers.Dispose();
    m_mh = nullptr;
    Object::DoDispose();
}

void
StandaloneLmf::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address address, std::vector<Ipv6Address> lmfs)
{
    NS_LOG_FUNCTION(this << address);
    m_mh = mh;
    m_address = address;
    m_lmfs = std::move(lmfs);
    m_answers.Setup(mh, address, InformRetransmission::GiveUpCallback()); // answers only
    m_answers.SetRepeatLifetime(m_repeatLifetime);
    using H = DmmSessionHeader;
    m_mh->RegisterHandler(H::MH_TYPE,
                          H::BINDING_QUERY_REQUEST,
                          MakeCallback(&StandaloneLmf::HandleQuery, this));
    m_mh->RegisterHandler(H::MH_TYPE,
                          H::BINDING_CHANGE_INFORM,
                          MakeCallback(&StandaloneLmf::HandleInform, this));
    m_mh->RegisterHandler(H::MH_TYPE,
                          H::BINDING_QUERY_ANSWER,
                          MakeCallback(&StandaloneLmf::HandleRelayedAnswer, this));
    m_mh->RegisterHandler(H::MH_TYPE,
                          H::BINDING_CHANGE_ACK,
                          MakeCallback(&StandaloneLmf::HandleRelayedAck, this));
}

const StandaloneLmf::Stats&
StandaloneLmf::GetStats() const
{
    return m_stats;
}

HomeNetworkPrefix
StandaloneLmf::Hnp(const HomeNetworkPrefix& prefix) const
{
    return HomeNetworkPrefix::Make(prefix.prefix, std::min(prefix.length, m_hnpLength)).Canonical();
}

Ipv6Address
StandaloneLmf::ResponsibleFor(const HomeNetworkPrefix& prefix) const
{
    // §7.4: the preferred LMF finds the responsible one by hashing the HNP (FNV-1a: the
    // same answer in every LMF, whatever the platform).
    HomeNetworkPrefix hnp = Hnp(prefix);
    uint8_t bytes[16];
    hnp.prefix.GetBytes(bytes);
    uint32_t hash = 2166136261u;
    for (uint8_t i = 0; i < 16; ++i)
    {
        hash = (hash ^ bytes[i]) * 16777619u;
    }
    hash = (hash ^ hnp.length) * 16777619u;
    return m_lmfs.empty() ? m_address : m_lmfs[hash % m_lmfs.size()];
}

void
StandaloneLmf::Relay(EpmipMessage& message, Ipv6Address asker, Ipv6Address to)
{
    m_relays[m_sequence] = {asker, message.GetSequence()};
    message.SetSequence(m_sequence++);
    m_stats.relayed++;
    m_mh->Send(message, m_address, to);
}

void
StandaloneLmf::HandleQuery(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    BindingQueryRequest pbqr;
    p->RemoveHeader(pbqr);
    auto queried = pbqr.GetLocations();
    if (queried.empty())
    {
        return;
    }
    Ipv6Address responsible = ResponsibleFor(queried.front().first);
    if (responsible != m_address)
    {
        m_relayTrace(Hnp(queried.front().first), responsible);
        Relay(pbqr, header.GetSource(), responsible);
        return;
    }
    m_stats.queries++;
    BindingQueryAnswer pbqa;
    pbqa.SetSequence(pbqr.GetSequence());
    auto entry = m_table.find(Hnp(queried.front().first));
    bool known = entry != m_table.end();
    // R: not a registered node of the ePMIP prefix set; the asker routes natively (§7.3).
    pbqa.SetRemove(!known);
    pbqa.AddLocation(known ? entry->first : queried.front().first,
                     known ? entry->second : Ipv6Address::GetAny());
    (known ? m_stats.answered : m_stats.unknown)++;
    m_mh->Send(pbqa, m_address, header.GetSource());
}

void
StandaloneLmf::HandleInform(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    BindingChangeInform pbci;
    p->RemoveHeader(pbci);
    auto locations = pbci.GetLocations();
    const Ipv6Address from = header.GetSource();
    if (locations.empty())
    {
        return;
    }
    if (m_answers.AnswerRepeat(from, pbci.GetSequence()))
    {
        m_stats.repeats++;
        return;
    }
    auto [prefix, locator] = locations.front();
    Ipv6Address responsible = ResponsibleFor(prefix);
    if (responsible != m_address)
    {
        m_relayTrace(Hnp(prefix), responsible);
        auto [relay, first] = m_relayedInforms.try_emplace({from, pbci.GetSequence()}, m_sequence);
        if (first)
        {
            Relay(pbci, from, responsible);
            return;
        }
        // A repeat still unanswered: the responsible LMF knows it by its relay sequence.
        pbci.SetSequence(relay->second);
        m_stats.relayed++;
        m_mh->Send(pbci, m_address, responsible);
        return;
    }
    NS_LOG_FUNCTION(this << prefix.ToString() << locator);
    m_stats.registered++;
    BindingChangeAck pbca;
    pbca.SetSequence(pbci.GetSequence());
    auto [entry, created] = m_table.try_emplace(Hnp(prefix), locator);
    if (!created && entry->second != locator)
    {
        // §7.2: the HNP moved to another eLMA, which must inform the previous one; only
        // the LMF knows which that is (as the PBA's previous location does in §4.3).
        m_stats.moved++;
        pbca.AddLocation(Hnp(prefix), entry->second);
        entry->second = locator;
    }
    m_answers.Answer(pbca, from);
}

void
StandaloneLmf::HandleRelayedAnswer(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    BindingQueryAnswer pbqa;
    p->RemoveHeader(pbqa);
    Ipv6Address asker = TakeBack(pbqa);
    if (!asker.IsAny())
    {
        m_mh->Send(pbqa, m_address, asker);
    }
}

void
StandaloneLmf::HandleRelayedAck(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    BindingChangeAck pbca;
    p->RemoveHeader(pbca);
    Ipv6Address asker = TakeBack(pbca);
    if (!asker.IsAny())
    {
        m_relayedInforms.erase({asker, pbca.GetSequence()});
        m_answers.Answer(pbca, asker); // its repeats are answered here from now on
    }
}

Ipv6Address
StandaloneLmf::TakeBack(EpmipMessage& message)
{
    auto relay = m_relays.find(message.GetSequence());
    if (relay == m_relays.end())
    {
        return Ipv6Address::GetAny();
    }
    auto [asker, sequence] = relay->second;
    m_relays.erase(relay);
    message.SetSequence(sequence);
    return asker;
}

} // namespace ns3
