/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mar-agent.h"

#include "ns3/dmm-session-header.h"
#include "ns3/enum.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
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
                          MakeEnumChecker(DATABASE, "database", SOLICITATION, "solicitation"));
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
    m_mr->TraceConnectWithoutContext("AccessTraffic", MakeCallback(&MarAgent::Used, this));
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
    const std::string* policy = LookupPolicy(mac);
    if (!policy)
    {
        m_stats.unknownNode++;
        return;
    }
    const std::string& mnId = *policy;
    bool known = m_attached.count(mnId) > 0;
    Attached& node = m_attached[mnId];
    node.accessInterface = interface;
    node.linkLocal = peer;
    if (known)
    {
        if (node.complete)
        {
            Simulator::Schedule(m_processingDelay, &MarAgent::Advertise, this, mnId);
        }
        return; // the RA follows the registrations under way
    }
    Simulator::Schedule(m_processingDelay, &MarAgent::Attach, this, mnId);
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
    std::optional<HomeNetworkPrefix> local = m_haa->Allocate(mnId);
    if (!local)
    {
        m_stats.rejected++;
        m_attached.erase(it);
        return;
    }
    node.local = *local;
    m_mr->SetAccessRoute(node.local, node.accessInterface, node.linkLocal); // native here
    if (!m_use.Lookup(node.local.prefix))
    {
        m_use.Set(node.local, Time::Min()); // no packet yet
    }
    if (m_sessionSource == SOLICITATION)
    {
        RegisterListed(mnId);
        return;
    }
    // Record the session, then ask for the others: the query follows the update on the
    // same path, so the reply already lists this MAR's session.
    SessionUpdate update;
    update.SetMobileNode(mnId);
    update.AddSession(node.local, m_address);
    m_mh->Send(update, m_address, m_database);
    SessionQuery query;
    query.SetSequence(node.query = ++m_sequence);
    query.SetMobileNode(mnId);
    m_mh->Send(query, m_address, m_database);
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
    std::optional<std::string> mnId = reply.GetMobileNode();
    auto it = mnId ? m_attached.find(*mnId) : m_attached.end();
    if (it == m_attached.end() || reply.GetSequence() != it->second.query)
    {
        return; // not (or no longer) attached, or an old answer
    }
    RegisterSessions(*mnId, reply.GetSessions());
}

void
MarAgent::RegisterSessions(const std::string& mnId,
                           const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>& sessions)
{
    Attached& node = m_attached[mnId];
    for (const auto& [prefix, anchor] : sessions)
    {
        if (anchor != m_address && !node.pending.count(anchor) && !node.foreign.count(anchor))
        {
            // Seed 003 §4.2 step 3: this MAR is the node's V-MAR for that prefix.
            node.pending.insert(anchor);
            m_lu->RegisterWith(anchor, mnId, {prefix}, {});
        }
    }
    if (node.pending.empty())
    {
        Advertise(mnId); // no other anchor: the last message's processing was the last step
    }
}

void
MarAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    NS_LOG_FUNCTION(this);
    auto it = m_attached.find(outcome.mnId);
    if (it == m_attached.end() || !it->second.pending.erase(outcome.anchor))
    {
        return; // a refresh or a de-registration answer
    }
    Attached& node = it->second;
    if (outcome.timedOut || !IsBindingAccepted(outcome.status) || outcome.prefixes.empty())
    {
        m_stats.rejected++;
    }
    else
    {
        node.foreign[outcome.anchor] = outcome.prefixes.front();
        m_use.Set(outcome.prefixes.front(), Simulator::Now()); // its flows were live
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
                                outcome.mnId,
                                outcome.anchor);
        }
    }
    if (node.pending.empty())
    {
        Simulator::Schedule(m_processingDelay, &MarAgent::Advertise, this, outcome.mnId);
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
    std::vector<AdvertisedPrefix> prefixes;
    for (const auto& [anchor, prefix] : node.foreign)
    {
        // Deprecated (§4.2 step 4), and kept for continuity [I-D.korhonen-dmm-prefix-properties].
        prefixes.push_back({prefix, m_validLifetime, Seconds(0), NdOptions::PROPERTY_CONTINUITY});
    }
    prefixes.push_back(
        {node.local,
         m_validLifetime,
         m_preferredLifetime,
         NdOptions::PROPERTY_LOCAL,
         true,
         m_sessionSource == SOLICITATION ? m_address : Ipv6Address::GetAny()}); // newest
    if (!node.complete)
    {
        node.complete = true;
        m_stats.attachments++;
    }
    SendAdvertisement(node.accessInterface, node.linkLocal, prefixes);
}

void
MarAgent::Used(Ptr<const Packet>, const Ipv6Header& header)
{
    // One hash probe per address: this is on the per-packet path of the access router.
    Time* last = m_use.Lookup(header.GetSource());
    if (!last)
    {
        last = m_use.Lookup(header.GetDestination());
    }
    if (last)
    {
        *last = Simulator::Now();
    }
}

bool
MarAgent::IsIdle(const HomeNetworkPrefix& prefix) const
{
    const Time* last = m_use.Lookup(prefix.prefix);
    return !last || *last == Time::Min() || Simulator::Now() - *last >= m_idleRelease;
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
    if (!IsIdle(prefix))
    {
        Time idle = Simulator::Now() - *m_use.Lookup(prefix.prefix);
        Simulator::Schedule(m_idleRelease - idle, &MarAgent::ReleaseIdle, this, mnId, anchor);
        return;
    }
    // Seed 003 §3.1/§4.1: the prefix served flows that have ended; new ones use this MAR's.
    m_rc->RemoveAttachedNode({prefix}, anchor);
    m_lu->DeregisterWith(anchor, mnId);
    node.foreign.erase(anchor);
    m_use.Erase(prefix);
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
    update.SetMobileNode(mnId);
    update.SetRemove(true);
    update.AddSession(prefix, anchor);
    m_mh->Send(update, m_address, m_database);
}

void
MarAgent::NotifyDetached(Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    const std::string* mnId = LookupPolicy(mac);
    auto it = mnId ? m_attached.find(*mnId) : m_attached.end();
    if (it == m_attached.end())
    {
        return;
    }
    Attached& node = it->second;
    m_mr->RemoveAccessRoute(node.local);
    if (node.complete && m_idleRelease.IsStrictlyPositive() && IsIdle(node.local))
    {
        // No flow of this MAR's prefix is alive: mobility support only for ongoing flows
        // (seed 003 §3.1), so the next MAR must not register it.
        m_haa->Release(*mnId);
        RemoveSession(*mnId, node.local, m_address);
        m_stats.releasedAtDetach++;
    }
    m_use.Erase(node.local); // tunnelled from now on: the V-MAR watches its packets
    m_listed.erase(*mnId);
    for (const auto& [anchor, prefix] : node.foreign)
    {
        m_rc->RemoveAttachedNode({prefix}, anchor);
        m_lu->DeregisterWith(anchor, *mnId);
        m_use.Erase(prefix);
    }
    m_attached.erase(it);
}

void
MarAgent::SolicitationOptions(Mac48Address mac, const NdOptions& options)
{
    const std::string* mnId = LookupPolicy(mac);
    if (m_sessionSource == SOLICITATION && mnId)
    {
        m_listed[*mnId] = options.GetMobilitySessions();
    }
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
        sessions.emplace_back(listed.prefix, listed.anchor);
    }
    m_listed.erase(mnId);
    RegisterSessions(mnId, sessions);
}

} // namespace ns3
