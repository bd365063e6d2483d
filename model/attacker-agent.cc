/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "attacker-agent.h"

#include "ns3/binding-update.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AttackerAgent");
NS_OBJECT_ENSURE_REGISTERED(AttackerAgent);

TypeId
AttackerAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AttackerAgent")
            .SetParent<Application>()
            .SetGroupName("Dmm")
            .AddConstructor<AttackerAgent>()
            .AddAttribute("SequenceOffset",
                          "Added to an overheard Binding Update's sequence number, so that a "
                          "forgery is newer than what the anchor last accepted.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&AttackerAgent::m_sequenceOffset),
                          MakeUintegerChecker<uint16_t>())
            .AddTraceSource("Sent",
                            "An attack message was sent.",
                            MakeTraceSourceAccessor(&AttackerAgent::m_sentTrace),
                            "ns3::AttackerAgent::SentTracedCallback");
    return tid;
}

AttackerAgent::AttackerAgent()
    : m_sequenceOffset(1000)
{
}

AttackerAgent::~AttackerAgent() = default;

void
AttackerAgent::DoDispose()
{
    m_mh = nullptr;
    Application::DoDispose();
}

void
AttackerAgent::SetAddress(Ipv6Address address)
{
    m_address = address;
}

void
AttackerAgent::Overhear(Ptr<MobilityL4Protocol> victim)
{
    victim->TraceConnectWithoutContext("Tx", MakeCallback(&AttackerAgent::Heard, this));
}

void
AttackerAgent::AddAttack(const Attack& attack)
{
    m_attacks.push_back(attack);
}

const std::vector<AttackerAgent::Attack>&
AttackerAgent::GetAttacks() const
{
    return m_attacks;
}

uint64_t
AttackerAgent::GetDataPacketsReceived() const
{
    return m_dataReceived;
}

void
AttackerAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_mh = MobilityL4Protocol::Install(GetNode());
    GetNode()->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
        "Rx",
        MakeCallback(&AttackerAgent::Received, this));
    for (size_t i = 0; i < m_attacks.size(); ++i)
    {
        Simulator::Schedule(std::max(Time(0), m_attacks[i].at - Simulator::Now()),
                            &AttackerAgent::Fire,
                            this,
                            i);
    }
}

void
AttackerAgent::StopApplication()
{
}

void
AttackerAgent::Heard(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
{
    std::string name = MobilityHeader::GetMessageName(p);
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    // One message per name: what the script can ask for, not what the victim sends.
    auto it = std::find_if(m_heard.begin(), m_heard.end(), [&](const struct Heard& h) {
        return h.name == name;
    });
    if (it == m_heard.end())
    {
        it = m_heard.insert(m_heard.end(), {name, {}, {}, {}});
    }
    it->bytes = bytes;
    it->src = src;
    it->dst = dst;
}

void
AttackerAgent::Fire(size_t index)
{
    Attack& a = m_attacks[index];
    auto heard = std::find_if(m_heard.begin(), m_heard.end(), [&](const struct Heard& h) {
        return h.name == a.message;
    });
    if (heard == m_heard.end())
    {
        NS_LOG_WARN("nothing overheard to " << a.type << " (" << a.message << ")");
        a.missed++;
    }
    else
    {
        NS_LOG_INFO(a.type << " " << a.message << " to " << heard->dst);
        a.type == "replay" ? Replay(*heard) : Forge(*heard, a.keepAuthentication);
        a.sent++;
    }
    if (a.sent + a.missed < a.count)
    {
        Simulator::Schedule(a.interval, &AttackerAgent::Fire, this, index);
    }
}

void
AttackerAgent::Replay(const struct Heard& h)
{
    // As overheard, from the original source: only freshness can tell it apart.
    Ptr<Packet> p = Create<Packet>(h.bytes.data(), h.bytes.size());
    m_sentTrace(p, "replay");
    GetNode()->GetObject<Ipv6L3Protocol>()->Send(p,
                                                 h.src,
                                                 h.dst,
                                                 MobilityL4Protocol::PROT_NUMBER,
                                                 nullptr);
}

void
AttackerAgent::Forge(const struct Heard& h, bool keepAuthentication)
{
    if (h.bytes[2] != MobilityHeader::BINDING_UPDATE)
    {
        // Any other message: sent from the attacker's address, its options as overheard.
        std::vector<uint8_t> bytes = h.bytes;
        bytes[4] = bytes[5] = 0;
        uint16_t sum =
            MobilityHeader::ComputeChecksum(bytes.data(), bytes.size(), m_address, h.dst);
        bytes[4] = static_cast<uint8_t>(sum >> 8);
        bytes[5] = static_cast<uint8_t>(sum);
        Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
        m_sentTrace(p, "forge");
        GetNode()->GetObject<Ipv6L3Protocol>()->Send(p,
                                                     m_address,
                                                     h.dst,
                                                     MobilityL4Protocol::PROT_NUMBER,
                                                     nullptr);
        return;
    }
    BindingUpdate bu;
    Create<Packet>(h.bytes.data(), h.bytes.size())->RemoveHeader(bu);
    bu.SetSequence(static_cast<uint16_t>(bu.GetSequence() + m_sequenceOffset));
    MobilityOptions& options = bu.GetOptions();
    if (options.GetTimestamp())
    {
        options.SetTimestamp(MobilityOptions::TimeToTimestamp(Simulator::Now()));
    }
    if (options.GetAlternateCareOfAddress())
    {
        options.SetAlternateCareOfAddress(m_address);
    }
    if (!keepAuthentication)
    {
        options.RemoveOption(MobilityOptions::MESSAGE_AUTHENTICATION);
        options.RemoveOption(MobilityOptions::REPLAY_PROTECTION);
    }
    m_sentTrace(Create<Packet>(bu.ToBytes().data(), bu.GetSerializedSize()), "forge");
    if (bu.GetProxyRegistration())
    {
        m_mh->Send(bu, m_address, h.dst); // the LMA would tunnel the prefix to the attacker
    }
    else
    {
        m_mh->SendWithHomeAddress(bu, m_address, h.dst, h.src); // the victim's home address
    }
}

void
AttackerAgent::Received(Ptr<const Packet> p, Ptr<Ipv6>, uint32_t)
{
    uint8_t header[40];
    if (p->GetSize() < sizeof(header))
    {
        return;
    }
    p->CopyData(header, sizeof(header));
    constexpr uint8_t UDP = 17;
    constexpr uint8_t IPV6_IN_IPV6 = 41;
    if (header[6] == UDP || header[6] == IPV6_IN_IPV6)
    {
        m_dataReceived++;
    }
}

} // namespace ns3
