/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mar-agent.h"

#include "ns3/dmm-session-header.h"
#include "ns3/enum.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/packet.h"
#include "ns3/proxy-location-update.h"
#include "ns3/routing-control.h"
#include "ns3/session-query.h"
#include "ns3/session-reply.h"
#include "ns3/session-update.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MarAgent");
NS_OBJECT_ENSURE_REGISTERED(MarAgent);

TypeId
MarAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MarAgent")
            .SetParent<AccessRouterAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<MarAgent>()
            .AddAttribute("IdleRelease",
                          "A prefix whose flows have ended is released: no "
                          "packet of it crossed this MAR for this long. A "
                          "foreign prefix is then de-registered at its H-MAR "
                          "and its session removed; this MAR's own prefix is "
                          "released when the node leaves with it idle (or "
                          "never used). 0 never releases (every prefix the "
                          "node was given is kept while it moves).",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&MarAgent::m_idleRelease),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SessionSource",
                          "Where this MAR learns an arriving node's ongoing "
                          "sessions (seed 003 §3.3): the central database "
                          "(the draft's choice), or the Mobility Session "
                          "options of the node's router solicitation (then "
                          "the database is not used, and the RA announces "
                          "this MAR as the anchor of its prefix).",
                          EnumValue(DATABASE),
                          MakeEnumAccessor(&MarAgent::m_sessionSource),
                          MakeEnumChecker(DATABASE, "database", SOLICITATION, "solicitation"))
            .AddAttribute("PrefixesPerNode",
                          "Prefixes this MAR anchors for each node (each interface of a "
                          "multi-interface node) it serves: with more than one, new flows "
                          "can each take their own (SourceAddressSelection SpreadFlows), so "
                          "that each is anchored, and can be moved, on its own (seed 003 "
                          "§4.3, Fig 6: Flow#1 on HNP1, Flow#2 on HNP2).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&MarAgent::m_prefixesPerNode),
                          MakeUintegerChecker<uint32_t>(1, 16));
    return tid;
}

MarAgent::MarAgent()
    : m_sessionSource(DATABASE)
{
}

MarAgent::~MarAgent()
{
}

void
MarAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_haa = nullptr;
    m_mr = nullptr;
    m_lu = nullptr;
    m_rc = nullptr;
    m_mh = nullptr;
    AccessRouterAgent::DoDispose();
}

void
MarAgent::Setup(Ptr<HomeAddressAllocation> haa,
                Ptr<MobilityRouting> mr,
                Ptr<ProxyLocationUpdate> lu,
                Ptr<RoutingControl> rc,
                Ipv6Address address,
                Ipv6Address database)
{
    NS_LOG_FUNCTION(this);
    m_haa = haa;
    m_mr = mr;
    m_lu = lu;
    m_rc = rc;
    m_address = address;
    m_database = database;
    m_lu->SetOutcomeCallback(MakeCallback(&MarAgent::Outcome, this));
    m_mr->TraceConnectWithoutContext("AccessTraffic", MakeCallback(&PrefixUse::Note, &m_use));
}

const MarAgent::Stats&
MarAgent::GetStats() const
{
    return m_stats;
}

void
MarAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    AccessRouterAgent::StartApplication();
    m_mh = MobilityL4Protocol::Install(GetNode());
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::REPLY,
                          MakeCallback(&MarAgent::HandleSession, this));
}

void
MarAgent::HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    std::string session = LookupSession(mac);
    if (session.empty())
    {
        m_stats.unknownNode++;
        return;
    }
    bool known = m_attached.count(session) > 0;
    Attached& node = m_attached[session];
    node.accessInterface = interface;
    node.linkLocal = peer;
    node.mac = mac;
    if (known)
    {
        if (node.complete && node.moving.empty())
        {
            Simulator::Schedule(m_processingDelay, &MarAgent::Advertise, this, session);
        }
        return; // the RA follows the registrations under way
    }
    Simulator::Schedule(m_processingDelay, &MarAgent::Attach, this, session);
}

void
MarAgent::Attach(std::string mnId)
{
    NS_LOG_FUNCTION(this);
    auto it = m_attached.find(mnId);
    if (it == m_attached.end())
    {
        return; // left meanwhile
    }
    Attached& node = it->second;
    for (uint32_t i = 0; i < m_prefixesPerNode; ++i)
    {
        std::optional<HomeNetworkPrefix> local = m_haa->Allocate(AllocationKey(mnId, i));
        if (!local)
        {
            break; // the pool is exhausted: the node gets fewer
        }
        node.locals.push_back(*local);
        m_mr->SetAccessRoute(*local, node.accessInterface, node.linkLocal); // native here
        m_use.Watch(*local);
    }
    if (node.locals.empty())
    {
        m_stats.rejected++;
        m_attached.erase(it);
        return;
    }
    if (m_sessionSource == SOLICITATION)
    {
        RegisterListed(mnId);
        return;
    }
    // Record the session, then ask for the others: the query follows the update on the
    // same path, so the reply already lists this MAR's session.
    SessionUpdate update;
    Identify(update, mnId);
    for (const auto& local : node.locals)
    {
        update.AddSession(local, m_address);
    }
    m_mh->Send(update, m_address, m_database);
    Query(mnId, false);
}

void
MarAgent::Query(const std::string& session, bool wholeNode)
{
    SessionQuery query;
    query.SetSequence(++m_sequence);
    // An interface's attachment asks for that interface's sessions; a flow move asks for
    // the whole node's, to find the anchor of the moved prefix.
    if (wholeNode)
    {
        query.SetMobileNode(MobileNodeOf(session));
    }
    else
    {
        Identify(query, session);
    }
    m_queries.erase(m_sequence); // a wrapped-around sequence number no longer open
    m_queries.emplace(m_sequence, session);
    m_mh->Send(query, m_address, m_database);
}

void
MarAgent::Identify(DmmSessionHeader& message, const std::string& session) const
{
    message.SetMobileNode(MobileNodeOf(session));
    if (IsPerInterface(session))
    {
        // RFC 5213 §8.6's option names the interface: the database keeps sessions per
        // interface (seed 003 §4.3), so another interface's MAR does not take them.
        message.GetOptions().SetMobileNodeLinkLayerIdentifier(LinkLayerId(session));
    }
}

std::vector<uint8_t>
MarAgent::LinkLayerId(const std::string& session) const
{
    auto it = m_attached.find(session);
    if (!IsPerInterface(session) || it == m_attached.end())
    {
        return {};
    }
    std::vector<uint8_t> id(6);
    it->second.mac.CopyTo(id.data());
    return id;
}

void
MarAgent::HandleSession(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    if (DmmSessionHeader::PeekSubType(p) != DmmSessionHeader::REPLY ||
        header.GetSource() != m_database)
    {
        return;
    }
    // Like every signalling message at an access router (processing.access_ms).
    Simulator::Schedule(m_processingDelay, &MarAgent::ProcessReply, this, p);
}

void
MarAgent::ProcessReply(Ptr<Packet> p)
{
    NS_LOG_FUNCTION(this);
    SessionReply reply;
    p->RemoveHeader(reply);
    auto query = m_queries.find(reply.GetSequence());
    if (query == m_queries.end() || MobileNodeOf(query->second) != reply.GetMobileNode())
    {
        return; // not a question of ours
    }
    std::string session = query->second;
    m_queries.erase(query);
    auto it = m_attached.find(session);
    if (it == m_attached.end())
    {
        return; // no longer attached
    }
    auto sessions = reply.GetSessions();
    std::set<HomeNetworkPrefix>& moving = it->second.moving;
    if (!moving.empty())
    {
        // A flow move (§4.3): only the listed prefixes come to this interface.
        sessions.erase(std::remove_if(sessions.begin(),
                                      sessions.end(),
                                      [&moving](const auto& s) { return !moving.count(s.first); }),
                       sessions.end());
    }
    RegisterSessions(session, sessions);
}

void
MarAgent::RegisterSessions(const std::string& mnId,
                           const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>& sessions)
{
    Attached& node = m_attached[mnId];
    for (const auto& [prefix, anchor] : sessions)
    {
        if (anchor != m_address && !anchor.IsAny() && !node.pending.count(anchor) &&
            !node.foreign.count(anchor))
        {
            // Seed 003 §4.2 step 3: this MAR is the node's V-MAR for that prefix.
            node.pending.insert(anchor);
            m_lu->RegisterWith(anchor, MobileNodeOf(mnId), {prefix}, LinkLayerId(mnId));
        }
    }
    if (node.pending.empty())
    {
        node.moving.clear();
        Advertise(mnId); // no other anchor: the last message's processing was the last step
    }
}

void
MarAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    NS_LOG_FUNCTION(this);
    std::string session = outcome.mnId;
    if (outcome.linkLayerId.size() == 6)
    {
        Mac48Address mac;
        mac.CopyFrom(outcome.linkLayerId.data());
        session = LookupSession(mac);
    }
    auto it = m_attached.find(session);
    if (it == m_attached.end() || !it->second.pending.erase(outcome.anchor))
    {
        return; // a refresh or a de-registration answer, or the node left meanwhile
    }
    Attached& node = it->second;
    if (outcome.timedOut || !IsBindingAccepted(outcome.status) || outcome.prefixes.empty())
    {
        m_stats.rejected++;
    }
    else
    {
        node.foreign[outcome.anchor] = outcome.prefixes.front();
        if (node.moving.count(outcome.prefixes.front()))
        {
            SessionUpdate update; // the database learns the prefix's new interface
            Identify(update, session);
            update.AddSession(outcome.prefixes.front(), outcome.anchor);
            m_mh->Send(update, m_address, m_database);
        }
        m_use.MarkUsed(outcome.prefixes.front()); // its flows were live
        m_rc->AddAttachedNode(outcome.prefixes,
                              node.accessInterface,
                              node.linkLocal,
                              outcome.anchor);
        m_stats.foreignPrefixes++;
        if (m_idleRelease.IsStrictlyPositive())
        {
            Simulator::Schedule(m_idleRelease,
                                &MarAgent::ReleaseIdle,
                                this,
                                session,
                                outcome.anchor);
        }
    }
    if (node.pending.empty())
    {
        node.moving.clear();
        Simulator::Schedule(m_processingDelay, &MarAgent::Advertise, this, session);
    }
}

void
MarAgent::Advertise(std::string mnId)
{
    NS_LOG_FUNCTION(this);
    auto it = m_attached.find(mnId);
    if (it == m_attached.end())
    {
        return;
    }
    Attached& node = it->second;
    Time valid = AdvertisedValidLifetime();
    Time preferred = AdvertisedPreferredLifetime();
    std::vector<AdvertisedPrefix> prefixes;
    for (const auto& [anchor, prefix] : node.foreign)
    {
        // Deprecated (§4.2 step 4), and kept for continuity [I-D.korhonen-dmm-prefix-properties].
        prefixes.push_back({prefix, valid, Seconds(0), NdOptions::PROPERTY_CONTINUITY});
    }
    for (const auto& local : node.locals)
    {
        prefixes.push_back(
            {local,
             valid,
             preferred,
             NdOptions::PROPERTY_LOCAL,
             true,
             m_sessionSource == SOLICITATION ? m_address : Ipv6Address::GetAny()}); // newest
    }
    if (!node.complete)
    {
        node.complete = true;
        m_stats.attachments++;
    }
    SendAdvertisement(node.accessInterface, node.linkLocal, prefixes);
    ScheduleReadvertisement(node.mac, [this, mnId]() { Advertise(mnId); });
}

void
MarAgent::ReleaseIdle(std::string mnId, Ipv6Address anchor)
{
    NS_LOG_FUNCTION(this);
    auto it = m_attached.find(mnId);
    if (it == m_attached.end() || !it->second.foreign.count(anchor))
    {
        return; // left, or released already
    }
    Attached& node = it->second;
    HomeNetworkPrefix prefix = node.foreign[anchor];
    if (!m_use.IsIdle(prefix, m_idleRelease))
    {
        Time left = m_idleRelease - m_use.IdleFor(prefix);
        Simulator::Schedule(left, &MarAgent::ReleaseIdle, this, mnId, anchor);
        return;
    }
    // Seed 003 §3.1/§4.1: the prefix served flows that have ended; new ones use this MAR's.
    m_rc->RemoveAttachedNode({prefix}, anchor);
    m_lu->DeregisterWith(anchor, MobileNodeOf(mnId), LinkLayerId(mnId));
    node.foreign.erase(anchor);
    m_use.Forget(prefix);
    RemoveSession(mnId, prefix, anchor);
    m_stats.released++;
}

void
MarAgent::RemoveSession(const std::string& mnId,
                        const HomeNetworkPrefix& prefix,
                        Ipv6Address anchor)
{
    if (m_sessionSource == SOLICITATION)
    {
        return; // no database: the node stops listing the prefix once its flows ended
    }
    // Seed 003 §3.3(2): the database is updated when a prefix is released.
    SessionUpdate update;
    Identify(update, mnId);
    update.SetRemove(true);
    update.AddSession(prefix, anchor);
    m_mh->Send(update, m_address, m_database);
}

void
MarAgent::DoNotifyDetached(Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    std::string session = LookupSession(mac);
    auto it = m_attached.find(session);
    if (it == m_attached.end())
    {
        return;
    }
    Attached& node = it->second;
    for (uint32_t i = 0; i < node.locals.size(); ++i)
    {
        const HomeNetworkPrefix& local = node.locals[i];
        m_mr->RemoveAccessRoute(local);
        // A prefix moved to another interface lives on there (its flows are watched there).
        if (node.complete && !node.moved.count(local) && m_idleRelease.IsStrictlyPositive() &&
            m_use.IsIdle(local, m_idleRelease))
        {
            // No flow of this MAR's prefix is alive: mobility support only for ongoing flows
            // (seed 003 §3.1), so the next MAR must not register it.
            m_haa->Release(AllocationKey(session, i));
            RemoveSession(session, local, m_address);
            m_stats.releasedAtDetach++;
        }
        m_use.Forget(local); // tunnelled from now on: the V-MAR watches its packets
    }
    m_listed.erase(session);
    for (const auto& [anchor, prefix] : node.foreign)
    {
        m_rc->RemoveAttachedNode({prefix}, anchor);
        m_lu->DeregisterWith(anchor, MobileNodeOf(session), LinkLayerId(session));
        m_use.Forget(prefix);
    }
    for (auto q = m_queries.begin(); q != m_queries.end();)
    {
        q = q->second == session ? m_queries.erase(q) : std::next(q);
    }
    m_attached.erase(it);
}

void
MarAgent::SolicitationOptions(Mac48Address mac, const NdOptions& options)
{
    std::string session = LookupSession(mac);
    auto it = m_attached.find(session);
    if (it != m_attached.end() && it->second.complete)
    {
        RequestMoves(session, options);
    }
    else if (m_sessionSource == SOLICITATION && !session.empty())
    {
        m_listed[session] = options.GetMobilitySessions();
    }
}

void
MarAgent::RequestMoves(const std::string& session, const NdOptions& options)
{
    NS_LOG_FUNCTION(this << session);
    // An attached node lists a prefix this MAR does not serve for it: a flow moved to this
    // interface (seed 003 §4.3, RFC 7847 §6.3). The H-MAR is the listed anchor, or the
    // database's when the node does not know it.
    Attached& node = m_attached[session];
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> known;
    for (const auto& listed : options.GetMobilitySessions())
    {
        bool served =
            node.moving.count(listed.prefix) ||
            std::find(node.locals.begin(), node.locals.end(), listed.prefix) != node.locals.end();
        for (const auto& [anchor, prefix] : node.foreign)
        {
            served = served || prefix == listed.prefix;
        }
        if (served)
        {
            continue;
        }
        node.moving.insert(listed.prefix);
        if (!listed.anchor.IsAny())
        {
            known.emplace_back(listed.prefix, listed.anchor);
        }
    }
    if (node.moving.empty())
    {
        return;
    }
    if (known.size() == node.moving.size())
    {
        Simulator::Schedule(m_processingDelay, &MarAgent::RegisterSessions, this, session, known);
        return;
    }
    Simulator::Schedule(m_processingDelay, &MarAgent::Query, this, session, true);
}

void
MarAgent::WatchBindings(Ptr<LocationManagement> lm)
{
    lm->TraceConnectWithoutContext("BindingUpdated", MakeCallback(&MarAgent::BindingChanged, this));
}

void
MarAgent::BindingChanged(const BindingCacheEntry& entry, Ipv6Address)
{
    std::string session = entry.mnId.substr(0, entry.mnId.find('+')); // the allocation key's
    auto it = m_attached.find(session);
    if (it == m_attached.end() || !IsPerInterface(session) || !it->second.complete)
    {
        return; // a node that left: its prefix is tunnelled as in every handover
    }
    Attached& node = it->second;
    bool elsewhere = entry.state == BindingCacheEntry::State::ACTIVE && entry.careOf != m_address &&
                     entry.linkLayerId != LinkLayerId(session);
    for (const auto& local : node.locals)
    {
        bool bound =
            std::find(entry.prefixes.begin(), entry.prefixes.end(), local) != entry.prefixes.end();
        if (!bound)
        {
            continue;
        }
        if (elsewhere && !node.moved.count(local))
        {
            // Another interface serves the prefix now: the binding's tunnel carries it.
            m_mr->RemoveAccessRoute(local);
            node.moved.insert(local);
        }
        else if (!elsewhere && node.moved.erase(local))
        {
            m_mr->SetAccessRoute(local, node.accessInterface, node.linkLocal);
        }
    }
}

std::string
MarAgent::AllocationKey(const std::string& session, uint32_t index)
{
    // The first keeps the session's key, so one prefix per node is allocated as before.
    return index == 0 ? session : session + "+" + std::to_string(index + 1);
}

void
MarAgent::RegisterListed(const std::string& mnId)
{
    NS_LOG_FUNCTION(this << mnId);
    // Seed 003 §3.3 (1): the node's word, checked where it matters: each H-MAR registers
    // only a prefix bound to this MN-ID (NOT_AUTHORIZED_FOR_HNP otherwise).
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> sessions;
    for (const auto& listed : m_listed[mnId])
    {
        if (!listed.anchor.IsAny()) // the node does not know it: nothing to register
        {
            sessions.emplace_back(listed.prefix, listed.anchor);
        }
    }
    m_listed.erase(mnId);
    RegisterSessions(mnId, sessions);
}

} // namespace ns3
