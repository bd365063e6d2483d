/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "session-db-agent.h"

#include "ns3/dmm-session-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"
#include "ns3/session-query.h"
#include "ns3/session-reply.h"
#include "ns3/session-update.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SessionDbAgent");
NS_OBJECT_ENSURE_REGISTERED(SessionDbAgent);

TypeId
SessionDbAgent::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SessionDbAgent")
                            .SetParent<DmmAgent>()
                            .SetGroupName("Dmm")
                            .AddConstructor<SessionDbAgent>()
                            .AddAttribute("MaxSessions",
                                          "Sessions kept per mobile node; more are refused "
                                          "(counted). Bounds the state, and keeps a Session "
                                          "Reply within the Mobility Header's 2048 octets "
                                          "(about 42 sessions would not fit).",
                                          UintegerValue(32),
                                          MakeUintegerAccessor(&SessionDbAgent::m_maxSessions),
                                          MakeUintegerChecker<uint32_t>(1, 40));
    return tid;
}

SessionDbAgent::SessionDbAgent()
{
}

SessionDbAgent::~SessionDbAgent()
{
}

void
SessionDbAgent::DoDispose()
{
    m_mh = nullptr;
    DmmAgent::DoDispose();
}

void
SessionDbAgent::SetAddress(Ipv6Address address)
{
    m_address = address;
}

std::vector<SessionDbAgent::Session>
SessionDbAgent::GetSessions(const std::string& mnId) const
{
    std::vector<Session> out;
    auto it = m_sessions.find(mnId);
    for (size_t i = 0; it != m_sessions.end() && i < it->second.size(); ++i)
    {
        out.push_back(it->second[i].session);
    }
    return out;
}

const SessionDbAgent::Stats&
SessionDbAgent::GetStats() const
{
    return m_stats;
}

void
SessionDbAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    DmmAgent::StartApplication();
    m_mh = MobilityL4Protocol::Install(GetNode());
    for (uint8_t subType : {DmmSessionHeader::QUERY, DmmSessionHeader::UPDATE})
    {
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              subType,
                              MakeCallback(&SessionDbAgent::Handle, this));
    }
}

void
SessionDbAgent::StopApplication()
{
    DmmAgent::StopApplication();
}

void
SessionDbAgent::Handle(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    if (m_running)
    {
        Simulator::Schedule(m_processingDelay,
                            &SessionDbAgent::Process,
                            this,
                            p,
                            header.GetSource());
    }
}

void
SessionDbAgent::Update(const SessionUpdate& update)
{
    std::optional<std::string> mnId = update.GetMobileNode();
    if (!mnId)
    {
        m_stats.invalid++;
        return;
    }
    auto linkLayerId =
        update.GetOptions().GetMobileNodeLinkLayerIdentifier().value_or(std::vector<uint8_t>{});
    std::vector<Stored>& sessions = m_sessions[*mnId];
    for (const auto& session : update.GetSessions())
    {
        auto same = std::find_if(sessions.begin(), sessions.end(), [&session](const Stored& s) {
            return s.session == session;
        });
        if (update.GetRemove() && same != sessions.end())
        {
            sessions.erase(same);
            m_stats.removals++;
        }
        else if (!update.GetRemove() && same != sessions.end())
        {
            same->linkLayerId = linkLayerId; // moved to another interface (§4.3)
        }
        else if (!update.GetRemove() && sessions.size() >= m_maxSessions)
        {
            m_stats.refused++;
        }
        else if (!update.GetRemove())
        {
            sessions.push_back({session, linkLayerId});
            m_stats.updates++;
        }
    }
}

void
SessionDbAgent::Process(Ptr<Packet> p, Ipv6Address from)
{
    NS_LOG_FUNCTION(this);
    std::optional<uint8_t> subType = DmmSessionHeader::PeekSubType(p);
    if (subType == DmmSessionHeader::UPDATE)
    {
        SessionUpdate update;
        p->RemoveHeader(update);
        Update(update);
        return;
    }
    if (subType != DmmSessionHeader::QUERY)
    {
        m_stats.invalid++; // replies are ours to send, not to receive
        return;
    }
    SessionQuery query;
    p->RemoveHeader(query);
    std::optional<std::string> mnId = query.GetMobileNode();
    if (!mnId)
    {
        m_stats.invalid++;
        return;
    }
    SessionReply reply;
    reply.SetSequence(query.GetSequence());
    reply.SetMobileNode(*mnId);
    // With an interface named, only its sessions (seed 003 §4.3): the others stay where
    // they are; without, the whole node's.
    auto linkLayerId = query.GetOptions().GetMobileNodeLinkLayerIdentifier();
    auto it = m_sessions.find(*mnId);
    for (size_t i = 0; it != m_sessions.end() && i < it->second.size(); ++i)
    {
        const Stored& stored = it->second[i];
        if (!linkLayerId || stored.linkLayerId.empty() || stored.linkLayerId == *linkLayerId)
        {
            reply.AddSession(stored.session.first, stored.session.second);
        }
    }
    if (linkLayerId)
    {
        reply.GetOptions().SetMobileNodeLinkLayerIdentifier(*linkLayerId);
    }
    m_stats.queries++;
    m_mh->Send(reply, m_address, from);
}

} // namespace ns3
