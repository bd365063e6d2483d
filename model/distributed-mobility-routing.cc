/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "distributed-mobility-routing.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/location-notify.h"
#include "ns3/location-query.h"
#include "ns3/location-reply.h"
#include "ns3/location-stale.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DistributedMobilityRouting");
NS_OBJECT_ENSURE_REGISTERED(DistributedMobilityRouting);

namespace
{
constexpr uint8_t IPV6_IN_IPV6 = 41; //!< next header of a tunnelled packet
} // namespace

TypeId
DistributedMobilityRouting::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DistributedMobilityRouting")
            .SetParent<MobilityRouting>()
            .SetGroupName("Dmm")
            .AddConstructor<DistributedMobilityRouting>()
            .AddAttribute("QueryTimeout",
                          "Time to wait for a Location Reply before dropping the packets "
                          "that wait for it.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&DistributedMobilityRouting::m_queryTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("QueueSize",
                          "Packets per home address that may wait: for a Location Reply at "
                          "the address's own router, or, held, for the departed node's new "
                          "router.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&DistributedMobilityRouting::m_queueSize),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RetryInterval",
                          "At an address's own router: how long after an answer that does "
                          "not reach the departed node (no entry yet, or its old care-of "
                          "address) the router asks again, while packets wait.",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&DistributedMobilityRouting::m_retryInterval),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("Push",
                          "The servers notify changes (they remember who asked): answers are "
                          "kept until notified, and a departed node's own router waits for "
                          "the notification instead of asking again.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DistributedMobilityRouting::m_push),
                          MakeBooleanChecker())
            .AddAttribute("MaxReferrals",
                          "Referrals followed per query (the location is two levels deep).",
                          UintegerValue(2),
                          MakeUintegerAccessor(&DistributedMobilityRouting::m_maxReferrals),
                          MakeUintegerChecker<uint8_t>())
            .AddTraceSource("Resolved",
                            "A location answer entered the cache (locator :: = native).",
                            MakeTraceSourceAccessor(&DistributedMobilityRouting::m_resolvedTrace),
                            "ns3::DistributedMobilityRouting::ResolvedTracedCallback");
    return tid;
}

DistributedMobilityRouting::DistributedMobilityRouting()
    : m_cache(CreateObject<LocationCache>())
{
}

DistributedMobilityRouting::~DistributedMobilityRouting()
{
}

void
DistributedMobilityRouting::DoDispose()
{
    for (auto& [home, pending] : m_pending)
    {
        pending.timeout.Cancel();
        pending.retry.Cancel();
    }
    m_held.clear();
    m_pending.clear();
    m_mh = nullptr;
    m_cache = nullptr;
    MobilityRouting::DoDispose();
}

void
DistributedMobilityRouting::Setup(Ipv6Address local)
{
    m_local = local;
    m_mh = MobilityL4Protocol::Install(GetIpv6L3()->GetObject<Node>());
    for (uint8_t subType : {DmmSessionHeader::LOCATION_REPLY,
                            DmmSessionHeader::LOCATION_NOTIFY,
                            DmmSessionHeader::LOCATION_STALE})
    {
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              subType,
                              MakeCallback(&DistributedMobilityRouting::HandleMessage, this));
    }
    // Decapsulated packets come back through RouteInput at once: remember their sender
    // to hint it when this router no longer serves the destination.
    Ipv6TunnelL4Protocol::Install(GetIpv6L3()->GetObject<Node>())
        ->TraceConnectWithoutContext("Decap",
                                     MakeCallback(&DistributedMobilityRouting::Decapsulated, this));
}

void
DistributedMobilityRouting::Decapsulated(Ptr<const Packet>, Ipv6Address, Ipv6Address remote)
{
    m_decapFrom = remote;
}

void
DistributedMobilityRouting::Hold(Ipv6Address home)
{
    m_held.insert(home);
    Pending& pending = m_pending[home];
    pending.timeout.Cancel();
    pending.since = Simulator::Now();
    pending.timeout =
        Simulator::Schedule(m_queryTimeout, &DistributedMobilityRouting::HoldExpired, this, home);
}

void
DistributedMobilityRouting::HoldExpired(Ipv6Address home)
{
    m_held.erase(home);
    QueryTimedOut(home);
}

void
DistributedMobilityRouting::Release(Ipv6Address home, Ipv6Address locator)
{
    if (m_held.erase(home))
    {
        Deliver(home, locator);
    }
}

void
DistributedMobilityRouting::AddServer(const HomeNetworkPrefix& prefix, Ipv6Address server)
{
    m_servers.Set(prefix, server);
}

void
DistributedMobilityRouting::AddHostInterface(uint32_t interface)
{
    m_hostInterfaces.insert(interface);
}

void
DistributedMobilityRouting::AddAccessLink(uint32_t interface, const HomeNetworkPrefix& onLink)
{
    m_links.Set(onLink, interface);
    m_linkPrefixes.emplace_back(interface, onLink);
    m_hostInterfaces.insert(interface);
}

void
DistributedMobilityRouting::NodeAttached(uint32_t interface, Ipv6Address, Mac48Address mac)
{
    // The node forms its address on this link by stateless autoconfiguration.
    for (const auto& [linkInterface, prefix] : m_linkPrefixes)
    {
        if (linkInterface == interface)
        {
            m_attached.insert(Ipv6Address::MakeAutoconfiguredAddress(mac, prefix.prefix));
        }
    }
}

void
DistributedMobilityRouting::NodeDetached(Mac48Address mac)
{
    for (const auto& [linkInterface, prefix] : m_linkPrefixes)
    {
        m_attached.erase(Ipv6Address::MakeAutoconfiguredAddress(mac, prefix.prefix));
    }
}

Ptr<LocationCache>
DistributedMobilityRouting::GetCache() const
{
    return m_cache;
}

const DistributedMobilityRouting::LocatorStats&
DistributedMobilityRouting::GetLocatorStats() const
{
    return m_locatorStats;
}

bool
DistributedMobilityRouting::IsOwnLink(Ipv6Address a) const
{
    return m_links.Lookup(a) != nullptr;
}

bool
DistributedMobilityRouting::IsDeparted(Ipv6Address a) const
{
    return IsOwnLink(a) && !m_attached.count(a);
}

bool
DistributedMobilityRouting::RouteInput(Ptr<const Packet> p,
                                       const Ipv6Header& header,
                                       Ptr<const NetDevice> idev,
                                       UnicastForwardCallback ucb,
                                       MulticastForwardCallback mcb,
                                       LocalDeliverCallback lcb,
                                       ErrorCallback ecb)
{
    Ipv6Address dst = header.GetDestination();
    bool candidate = !dst.IsMulticast() && !dst.IsLinkLocal() && m_servers.Lookup(dst) &&
                     !IsLocal(dst) && !m_attached.count(dst);
    Ipv6Address decapFrom = m_decapFrom;
    m_decapFrom = Ipv6Address();
    if (candidate)
    {
        if (m_held.count(dst))
        {
            return Wait(p, header); // until its new router asks for it
        }
        if (const Tunnel* forward = LookupDestinationTunnel(dst))
        {
            if (!decapFrom.IsAny() && decapFrom != forward->remote)
            {
                SendStale(decapFrom, dst, m_local); // the sender's locator is this router
            }
            Encapsulate(p, header, *forward); // a departed node's packets follow it
            return true;
        }
        bool own = IsOwnLink(dst);
        if (header.GetNextHeader() == IPV6_IN_IPV6)
        {
            if (own)
            {
                return Redirect(p, header); // a stale locator: the node left this link
            }
        }
        else if (own || m_hostInterfaces.count(GetIpv6L3()->GetInterfaceForDevice(idev)))
        {
            if (Resolve(p, header, own))
            {
                return true;
            }
        }
    }
    return MobilityRouting::RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
}

bool
DistributedMobilityRouting::Resolve(Ptr<const Packet> p, const Ipv6Header& header, bool queue)
{
    Ipv6Address dst = header.GetDestination();
    std::optional<Ipv6Address> locator = m_cache->Lookup(dst);
    if (locator && (IsDeparted(*locator) || (locator->IsAny() && IsOwnLink(dst))))
    {
        // The node left this very link (a "native" answer for an address of this link
        // was true only while its node was attached).
        m_cache->Remove(HomeNetworkPrefix::Make(dst, 128));
        locator.reset();
    }
    if (locator && *locator == m_local)
    {
        return false; // served here: the access route delivers it
    }
    if (locator && !locator->IsAny())
    {
        m_locatorStats.intercepted++;
        m_locatorStats.tunnelled++;
        Encapsulate(p, header, Tunnel{m_local, *locator});
        return true;
    }
    if (locator)
    {
        return false; // no entry anywhere: the address is at its own router
    }
    Query(dst, *m_servers.Lookup(dst), false);
    if (!queue)
    {
        m_locatorStats.firstNative++;
        return false; // the native route leads to the address's own router meanwhile
    }
    return Wait(p, header);
}

bool
DistributedMobilityRouting::Wait(Ptr<const Packet> p, const Ipv6Header& header)
{
    m_locatorStats.intercepted++;
    auto& queue = m_pending[header.GetDestination()].queue;
    if (queue.size() < m_queueSize)
    {
        queue.emplace_back(p->Copy(), header);
        return true;
    }
    m_locatorStats.queueFull++;
    NotifyDrop(p, header, QUEUE_FULL);
    return true;
}

bool
DistributedMobilityRouting::Redirect(Ptr<const Packet> p, const Ipv6Header& header)
{
    Ptr<Packet> inner = p->Copy();
    Ipv6Header innerHeader;
    if (inner->RemoveHeader(innerHeader) == 0 || !m_servers.Lookup(innerHeader.GetDestination()))
    {
        return false;
    }
    // The inner packet is forwarded again: it loses a hop, so no loop can last.
    if (innerHeader.GetHopLimit() <= 1)
    {
        m_locatorStats.hopLimit++;
        NotifyDrop(inner, innerHeader, HOP_LIMIT);
        return true;
    }
    innerHeader.SetHopLimit(innerHeader.GetHopLimit() - 1);
    m_locatorStats.redirected++;
    NS_LOG_INFO(m_local << " redirects a packet for " << innerHeader.GetDestination() << " from "
                        << header.GetSource() << " (stale locator " << header.GetDestination()
                        << ")");
    SendStale(header.GetSource(), innerHeader.GetDestination(), header.GetDestination());
    // What this router knew about the address predates the move it just noticed: ask.
    m_cache->Remove(HomeNetworkPrefix::Make(innerHeader.GetDestination(), 128));
    Resolve(inner, innerHeader, true);
    return true;
}

void
DistributedMobilityRouting::Query(Ipv6Address home, Ipv6Address server, bool referred)
{
    auto [it, fresh] = m_pending.try_emplace(home);
    Pending& pending = it->second;
    if (fresh)
    {
        pending.since = Simulator::Now();
    }
    if (pending.timeout.IsRunning() && !referred)
    {
        return; // already asking
    }
    pending.server = server;
    pending.awaitingChange = false;
    pending.sequence = ++m_sequence;
    pending.timeout.Cancel();
    pending.timeout =
        Simulator::Schedule(m_queryTimeout, &DistributedMobilityRouting::QueryTimedOut, this, home);
    LocationQuery query;
    query.SetSequence(pending.sequence);
    query.SetLocation(home, Ipv6Address::GetAny());
    query.SetSubscribe(m_push); // push: the server notifies this router of changes
    m_locatorStats.queries++;
    NS_LOG_INFO(m_local << " asks " << server << " where " << home << " is");
    m_mh->Send(query, m_local, server);
}

void
DistributedMobilityRouting::QueryTimedOut(Ipv6Address home)
{
    auto it = m_pending.find(home);
    if (it != m_pending.end())
    {
        GiveUp(it, QUERY_TIMEOUT);
    }
}

void
DistributedMobilityRouting::HandleMessage(Ptr<Packet> p,
                                          const Ipv6Header& header,
                                          Ptr<Ipv6Interface>)
{
    std::optional<uint8_t> subType = DmmSessionHeader::PeekSubType(p);
    if (subType != DmmSessionHeader::LOCATION_REPLY &&
        subType != DmmSessionHeader::LOCATION_NOTIFY && subType != DmmSessionHeader::LOCATION_STALE)
    {
        return;
    }
    if (*subType == DmmSessionHeader::LOCATION_STALE)
    {
        LocationStale stale;
        p->RemoveHeader(stale);
        auto key = HomeNetworkPrefix::Make(stale.GetHome(), 128);
        std::optional<Ipv6Address> cached = m_cache->Lookup(stale.GetHome());
        if (cached && *cached == stale.GetLocator() && m_cache->Remove(key))
        {
            m_locatorStats.staleReceived++;
        }
        // A forwarding router too: the node has moved on again, so look it up instead.
        const Tunnel* forward = LookupDestinationTunnel(stale.GetHome());
        if (forward && forward->remote == stale.GetLocator() && RemoveDestinationTunnel(key))
        {
            m_locatorStats.staleReceived++;
        }
        return;
    }
    if (*subType == DmmSessionHeader::LOCATION_REPLY)
    {
        LocationReply reply;
        p->RemoveHeader(reply);
        Answered(reply, true, header.GetSource());
        return;
    }
    LocationNotify notify;
    p->RemoveHeader(notify);
    Answered(notify, false, header.GetSource());
}

void
DistributedMobilityRouting::Answered(const LocationMessage& msg, bool reply, Ipv6Address from)
{
    Ipv6Address home = msg.GetHome();
    auto it = m_pending.find(home);
    if (reply && (it == m_pending.end() || it->second.sequence != msg.GetSequence() ||
                  it->second.server != from))
    {
        return; // a late answer to a query given up or superseded
    }
    const Ipv6Address* homeServer = m_servers.Lookup(home);
    auto source = m_answeredBy.find(home);
    if (!reply && (!homeServer || from != *homeServer) &&
        (source == m_answeredBy.end() || source->second != from))
    {
        return; // pushed by a server this router no longer follows for the address
    }
    if (!reply && it != m_pending.end() && it->second.timeout.IsRunning() &&
        !it->second.awaitingChange)
    {
        return; // a query is under way: its answer is at least as fresh
    }
    if (!reply && msg.GetRemove() && homeServer && from != *homeServer)
    {
        // The visited network lost the node: its home server knows where it went.
        m_locatorStats.answers++;
        m_cache->Remove(HomeNetworkPrefix::Make(home, 128));
        m_answeredBy.erase(home);
        Query(home, *homeServer, false);
        return;
    }
    m_locatorStats.answers++;
    NS_LOG_INFO(m_local << " hears from " << from << ": " << home << " at " << msg.GetLocator()
                        << (msg.IsReferral() ? " (referral)" : "")
                        << (msg.GetRemove() ? " (none)" : ""));
    if (msg.IsReferral())
    {
        // Hierarchical location: the home server points to the visited network's server.
        Pending& pending = m_pending[home];
        if (pending.referrals++ < m_maxReferrals)
        {
            Query(home, msg.GetLocator(), true);
            return;
        }
        GiveUp(m_pending.find(home), NO_LOCATION);
        return;
    }
    m_answeredBy[home] = from;
    Deliver(home, msg.GetRemove() ? Ipv6Address::GetAny() : msg.GetLocator());
}

void
DistributedMobilityRouting::Deliver(Ipv6Address home, Ipv6Address locator)
{
    auto it = m_pending.find(home);
    if (IsDeparted(locator) || (locator.IsAny() && IsDeparted(home)))
    {
        // The node left this router and has not registered elsewhere yet.
        if (it != m_pending.end())
        {
            NotYet(it);
        }
        return;
    }
    if (!(locator.IsAny() && IsOwnLink(home)))
    {
        m_cache->Insert(HomeNetworkPrefix::Make(home, 128), locator);
    }
    m_resolvedTrace(home, locator);
    if (it == m_pending.end())
    {
        return;
    }
    it->second.timeout.Cancel();
    it->second.retry.Cancel();
    std::deque<std::pair<Ptr<Packet>, Ipv6Header>> queue = std::move(it->second.queue);
    m_pending.erase(it);
    for (auto& [packet, header] : queue)
    {
        if (!locator.IsAny())
        {
            m_locatorStats.tunnelled++;
            Encapsulate(packet, header, Tunnel{m_local, locator});
        }
        else
        {
            SendNatively(packet, header);
        }
    }
}

void
DistributedMobilityRouting::NotYet(std::map<Ipv6Address, Pending>::iterator it)
{
    Pending& pending = it->second;
    if (Simulator::Now() + m_retryInterval - pending.since >= m_queryTimeout)
    {
        GiveUp(it, NO_LOCATION);
        return;
    }
    pending.awaitingChange = true;
    if (m_push)
    {
        return; // the server notifies this router when the node registers
    }
    // Ask the server that answered again (the one tracking the node); a new chain of
    // referrals may follow. The query's time-out keeps running, so packets arriving
    // meanwhile wait too.
    pending.referrals = 0;
    pending.retry = Simulator::Schedule(m_retryInterval,
                                        &DistributedMobilityRouting::Query,
                                        this,
                                        it->first,
                                        pending.server,
                                        true);
}

void
DistributedMobilityRouting::GiveUp(std::map<Ipv6Address, Pending>::iterator it, DropReason reason)
{
    (reason == QUERY_TIMEOUT ? m_locatorStats.queryTimeout : m_locatorStats.noLocation) +=
        it->second.queue.size();
    for (const auto& [packet, header] : it->second.queue)
    {
        NotifyDrop(packet, header, reason);
    }
    it->second.timeout.Cancel();
    m_pending.erase(it);
}

std::vector<Ptr<const Packet>>
DistributedMobilityRouting::GetWaitingPackets() const
{
    std::vector<Ptr<const Packet>> waiting;
    for (const auto& [home, pending] : m_pending)
    {
        for (const auto& entry : pending.queue)
        {
            waiting.push_back(entry.first);
        }
    }
    return waiting;
}

void
DistributedMobilityRouting::SendNatively(Ptr<Packet> p, const Ipv6Header& header)
{
    // Forwarded from here with the original addresses (the transport checksum stays valid).
    GetIpv6L3()->Send(p,
                      header.GetSource(),
                      header.GetDestination(),
                      header.GetNextHeader(),
                      nullptr);
}

void
DistributedMobilityRouting::SendStale(Ipv6Address to, Ipv6Address home, Ipv6Address locator)
{
    auto key = std::make_pair(to, home);
    auto it = m_staleAt.find(key);
    if (it != m_staleAt.end() && Simulator::Now() - it->second < m_retryInterval)
    {
        return; // one hint per sender and address while the sender asks again
    }
    m_staleAt[key] = Simulator::Now();
    if (m_staleAt.size() >= m_staleSweepAt)
    {
        // An entry older than RetryInterval limits nothing: forget those, at a cost
        // amortised over the hints sent since the last sweep.
        for (auto old = m_staleAt.begin(); old != m_staleAt.end();)
        {
            old = Simulator::Now() - old->second < m_retryInterval ? std::next(old)
                                                                   : m_staleAt.erase(old);
        }
        m_staleSweepAt = std::max<size_t>(64, 2 * m_staleAt.size());
    }
    LocationStale stale;
    stale.SetLocation(home, locator);
    m_locatorStats.staleSent++;
    m_mh->Send(stale, m_local, to);
}

} // namespace ns3
