/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-agent.h"

#include "ns3/boolean.h"
#include "ns3/dlma-cache-update.h"
#include "ns3/dlma-location-inform.h"
#include "ns3/dlma-uniqueness-check.h"
#include "ns3/dlma-uniqueness-reply.h"
#include "ns3/enum.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaAgent");
NS_OBJECT_ENSURE_REGISTERED(DlmaAgent);

TypeId
DlmaAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DlmaAgent")
            .SetParent<LmaAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<DlmaAgent>()
            .AddAttribute("CacheTimeout",
                          "An O-LMA forgets a cached D-LMA after this long without a packet "
                          "for the prefix (seed 004 §4.4, §5.1).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&DlmaAgent::m_cacheTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("ForwardingLifetime",
                          "How long a previous D-LMA forwards to the new D-LMA (§4.3: \"for "
                          "a limited time\", §5.1.3).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&DlmaAgent::m_forwardingLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("CacheUpdateHoldDown",
                          "An H-LMA or previous D-LMA sends one Cache Update per O-LMA, "
                          "prefix and location within this time: the packets already in "
                          "flight do not each earn one.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&DlmaAgent::m_updateHoldDown),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("BypassDlma",
                          "A D-LMA tells the O-LMA its node's proxy CoA, so that later packets "
                          "are tunnelled straight to the MAG (§5.1.1, Fig 9), and informs the "
                          "previous MAG after a MAG change (§5.1.2). The draft's main flow "
                          "(Fig 8) goes through the D-LMA.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DlmaAgent::m_bypass),
                          MakeBooleanChecker())
            .AddAttribute("BypassOlma",
                          "An O-LMA that knows the MAG of a packet's destination and receives "
                          "the packet from the MAG of a mobile source tells that MAG the "
                          "destination's proxy CoA: the MAGs tunnel to each other (§5.4, "
                          "Fig 11), unless either node's location is private "
                          "(SetLocationPrivate). The draft only says it \"may\".",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DlmaAgent::m_bypassOlma),
                          MakeBooleanChecker())
            .AddAttribute(
                "MagTracking",
                "With BypassDlma, which LMA keeps track of a visitor's MAG (§5.1.1): "
                "Dlma, the D-LMA names the MAG to the O-LMAs and the H-LMA only "
                "knows the D-LMA (a node changes D-LMA less often than MAG); Hlma, "
                "the D-LMA informs the H-LMA of every MAG, and the H-LMA tunnels "
                "the first packets straight to the MAG and names it to the O-LMA.",
                EnumValue(DlmaAgent::D_LMA_TRACKS),
                MakeEnumAccessor(&DlmaAgent::m_magTracker),
                MakeEnumChecker(DlmaAgent::D_LMA_TRACKS, "Dlma", DlmaAgent::H_LMA_TRACKS, "Hlma"))
            .AddAttribute("InitialRetransmitTimeout",
                          "First retransmission timeout of a Uniqueness Check (and, with "
                          "AcknowledgeInforms, a Location Inform), doubled on each one "
                          "(RFC 5213 §6.9.4, RFC 6275 INITIAL_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&DlmaAgent::m_initialTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxRetransmitTimeout",
                          "Give up once the timeout would exceed this (RFC 6275 "
                          "MAX_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&DlmaAgent::m_maxTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("AcknowledgeInforms",
                          "Receivers of a Location Inform answer with a Location Ack and "
                          "senders retransmit until it arrives (the draft defines no "
                          "acknowledgement: off keeps §6.3's message count).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DlmaAgent::m_ackInforms),
                          MakeBooleanChecker())
            .AddAttribute("InformOrdering",
                          "How a Location Inform is found stale. Timestamp: the sender puts "
                          "the RFC 5213 §8.8 Timestamp option in it, and an inform older than "
                          "the newest location applied here (another LMA's inform, this LMA's "
                          "own binding) is refused, as RFC 5213 §5.5 orders PBUs from "
                          "different MAGs. PerLmaSequence: only an inform with an older "
                          "sequence number than the same LMA's last one is refused.",
                          EnumValue(DlmaAgent::TIMESTAMP),
                          MakeEnumAccessor(&DlmaAgent::m_informOrder),
                          MakeEnumChecker(DlmaAgent::TIMESTAMP,
                                          "Timestamp",
                                          DlmaAgent::PER_LMA_SEQUENCE,
                                          "PerLmaSequence"))
            .AddAttribute("HnpLength",
                          "Length of the HoA prefixes (HNPs) the LMAs allocate.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&DlmaAgent::m_hnpLength),
                          MakeUintegerChecker<uint8_t>(1, 128))
            .AddTraceSource("Location",
                            "Where packets for an HoA prefix not anchored here now go "
                            "(:: when the entry ended).",
                            MakeTraceSourceAccessor(&DlmaAgent::m_locationTrace),
                            "ns3::DlmaAgent::LocationTracedCallback");
    return tid;
}

DlmaAgent::DlmaAgent()
{
}

DlmaAgent::~DlmaAgent()
{
}

void
DlmaAgent::DoDispose()
{
    for (auto* table : {&m_remote, &m_cache})
    {
        for (auto& [prefix, location] : *table)
        {
            location.expiry.Cancel();
        }
        table->clear();
    }
    m_pending.clear();
    m_retx.Clear();
    m_toldSweep.Cancel();
    m_told.clear();
    m_locatedAt.clear();
    LmaAgent::DoDispose();
}

void
DlmaAgent::AddPeer(const HomeNetworkPrefix& pool, Ipv6Address lma)
{
    m_peers[lma] = pool;
}

void
DlmaAgent::SetHomeLma(const std::string& mnId, Ipv6Address hLma)
{
    m_homeLma[mnId] = hLma;
}

void
DlmaAgent::SetLocationPrivate(const std::string& mnId)
{
    m_private.insert(mnId);
}

const DlmaAgent::DlmaStats&
DlmaAgent::GetDlmaStats() const
{
    return m_dlmaStats;
}

size_t
DlmaAgent::GetToldCount() const
{
    return m_told.size();
}

void
DlmaAgent::StartApplication()
{
    LmaAgent::StartApplication();
    Ptr<MobilityRouting> mr = GetMobilityRouting();
    Ptr<Ipv6TunnelL4Protocol> tunnel = Ipv6TunnelL4Protocol::Install(GetNode());
    mr->AddMobileAggregate(GetAllocation()->GetAggregate());
    for (const auto& [lma, pool] : m_peers)
    {
        // §4.4: without a location, a packet goes to the H-LMA that owns its prefix.
        mr->AddMobileAggregate(pool);
        mr->SetDestinationTunnel(pool, {GetAddress(), lma});
        tunnel->AddPeer(lma);
    }
    tunnel->SetAcceptCallback(MakeCallback(&DlmaAgent::Accept, this));
    tunnel->TraceConnectWithoutContext("Encap", MakeCallback(&DlmaAgent::Encapsulated, this));
    GetLocationManagement()->TraceConnectWithoutContext(
        "BindingUpdated",
        MakeCallback(&DlmaAgent::BindingUpdated, this));
    m_retx.Setup(MakeCallback(&DlmaAgent::Transmit, this), m_initialTimeout, m_maxTimeout);
    for (uint8_t sub = DlmaMessage::LOCATION_INFORM; sub <= DlmaMessage::LOCATION_ACK; ++sub)
    {
        GetMobilityProtocol()->RegisterHandler(DmmSessionHeader::MH_TYPE,
                                               sub,
                                               MakeCallback(&DlmaAgent::HandleMessage, this));
    }
}

HomeNetworkPrefix
DlmaAgent::PrefixOf(Ipv6Address a) const
{
    return HomeNetworkPrefix::Make(a, m_hnpLength);
}

bool
DlmaAgent::IsHome(const HomeNetworkPrefix& prefix) const
{
    return GetAllocation()->GetAggregate().Contains(prefix.prefix);
}

const BindingCacheEntry*
DlmaAgent::AnchoredHere(const HomeNetworkPrefix& prefix) const
{
    const BindingCacheEntry* e = GetLocationManagement()->LookupByAddress(prefix.prefix);
    return e && m_anchored.count(e->mnId) ? e : nullptr;
}

Ipv6Address
DlmaAgent::GetLocation(const HomeNetworkPrefix& prefix) const
{
    if (const BindingCacheEntry* e = AnchoredHere(prefix))
    {
        return e->careOf;
    }
    for (const auto* table : {&m_remote, &m_cache})
    {
        auto it = table->find(prefix);
        if (it != table->end())
        {
            return it->second.lma;
        }
    }
    return Ipv6Address::GetAny();
}

std::optional<HomeNetworkPrefix>
DlmaAgent::KnownPrefix(const std::string& mnId) const
{
    auto it = m_visitors.find(mnId);
    return it != m_visitors.end() ? std::optional(it->second.prefix) : LmaAgent::KnownPrefix(mnId);
}

bool
DlmaAgent::KeepsPrefix(const BindingCacheEntry& entry) const
{
    // §4.1: the H-LMA keeps the HoA of a node anchored elsewhere.
    return !entry.prefixes.empty() && m_remote.count(entry.prefixes.front());
}

void
DlmaAgent::ProcessUpdate(Ptr<Packet> p, Ipv6Header header)
{
    NS_LOG_FUNCTION(this);
    ProxyBindingUpdate pbu;
    p->PeekHeader(pbu);
    std::string mnId = pbu.GetOptions().GetMobileNodeIdentifier().value_or("");
    if (const BindingCacheEntry* superseded = Superseded(pbu, header.GetSource()))
    {
        RefuseRefresh(pbu, header.GetSource(), *superseded);
        return;
    }
    auto home = m_homeLma.find(mnId);
    bool visitor = pbu.GetProxyRegistration() && pbu.GetLifetime().IsStrictlyPositive() &&
                   home != m_homeLma.end() && home->second != GetAddress() && !KnownPrefix(mnId);
    if (!visitor)
    {
        LmaAgent::ProcessUpdate(p, header);
        return;
    }
    // §4.3: the binding completes once the H-LMA has confirmed the HoA; a retransmitted
    // PBU replaces the held one and asks again.
    // The reply must answer this PBU's check, not the one of the PBU it replaced.
    m_pending[mnId] = HeldUpdate{p, header, m_sequence, Simulator::Now()};
    DlmaUniquenessCheck check;
    check.SetSequence(m_sequence++);
    check.SetMobileNode(mnId);
    auto hnps = pbu.GetOptions().GetHomeNetworkPrefixes();
    if (!hnps.empty() && !hnps.front().first.IsAny())
    {
        check.SetHomePrefix(HomeNetworkPrefix::Make(hnps.front().first, hnps.front().second));
    }
    m_dlmaStats.checksSent++;
    m_retx.Start(check, mnId, home->second); // until the reply (RFC 5213-style back-off)
}

void
DlmaAgent::Expire(HomeNetworkPrefix prefix, bool cache)
{
    auto& table = cache ? m_cache : m_remote;
    auto it = table.find(prefix);
    if (it == table.end())
    {
        return;
    }
    Time idle = Simulator::Now() - it->second.lastUsed;
    if (cache && idle < m_cacheTimeout)
    {
        // Used since: the idle time-out counts from the last packet.
        it->second.expiry =
            Simulator::Schedule(m_cacheTimeout - idle, &DlmaAgent::Expire, this, prefix, true);
        return;
    }
    (cache ? m_dlmaStats.cacheExpired : m_dlmaStats.forwardExpired)++;
    table.erase(it);
    Apply(prefix);
    ForgetTold(prefix);
}

void
DlmaAgent::Apply(const HomeNetworkPrefix& prefix)
{
    if (AnchoredHere(prefix))
    {
        return; // the binding's tunnel to the MAG, which routing control keeps
    }
    Ipv6Address lma = GetLocation(prefix);
    auto remote = m_remote.find(prefix);
    if (remote != m_remote.end() && !remote->second.mag.IsAny())
    {
        lma = remote->second.mag; // §5.1.1's alternative: the H-LMA tunnels to the MAG
    }
    if (lma.IsAny())
    {
        // No location: foreign prefixes fall back to their pool's tunnel to the H-LMA,
        // this LMA's own are dropped (NO_BINDING).
        GetMobilityRouting()->RemoveDestinationTunnel(prefix);
    }
    else
    {
        GetMobilityRouting()->SetDestinationTunnel(prefix, {GetAddress(), lma});
    }
    m_locationTrace(prefix, lma);
}

void
DlmaAgent::BindingUpdated(const BindingCacheEntry& entry, Ipv6Address previousCareOf)
{
    if (entry.prefixes.empty())
    {
        return;
    }
    if (entry.state == BindingCacheEntry::State::ACTIVE && !m_anchored.count(entry.mnId))
    {
        BecameAnchor(entry);
        return;
    }
    auto visitor = m_visitors.find(entry.mnId);
    if (entry.state == BindingCacheEntry::State::ACTIVE && previousCareOf != entry.careOf &&
        HomeTracksMag() && visitor != m_visitors.end())
    {
        // §5.1.1: the H-LMA keeps track of the MAG, and tells the previous one (§5.1.2).
        Inform(entry.mnId, entry.prefixes.front(), visitor->second.hLma, entry.careOf);
        return;
    }
    if (entry.state == BindingCacheEntry::State::ACTIVE && previousCareOf != entry.careOf &&
        ToldCareOf(entry.prefixes.front(), previousCareOf))
    {
        // §5.1.2: O-LMAs tunnel to the previous MAG, which forwards and re-targets them.
        DlmaLocationInform inform;
        SendLocation(inform, entry.mnId, entry.prefixes.front(), entry.careOf, previousCareOf);
        return;
    }
    // Routing control has just rewritten the tunnel of a binding this LMA no longer
    // anchors (a de-registration, a late refresh): restore the newer location after it.
    Simulator::ScheduleNow(&DlmaAgent::Apply, this, entry.prefixes.front());
}

void
DlmaAgent::BecameAnchor(const BindingCacheEntry& entry)
{
    const HomeNetworkPrefix& prefix = entry.prefixes.front();
    m_anchored.insert(entry.mnId);
    // Newer than any inform of a location the node has left (RFC 5213 §5.5).
    m_locatedAt[prefix] = MobilityOptions::TimeToTimestamp(Simulator::Now());
    Ipv6Address previous = Ipv6Address::GetAny();
    Ipv6Address home = GetAddress();
    auto remote = m_remote.find(prefix);
    if (remote != m_remote.end())
    {
        previous = remote->second.lma; // the H-LMA, back home: its master location
        remote->second.expiry.Cancel();
        m_remote.erase(remote);
    }
    auto cached = m_cache.find(prefix);
    if (cached != m_cache.end())
    {
        cached->second.expiry.Cancel();
        m_cache.erase(cached);
    }
    auto visitor = m_visitors.find(entry.mnId);
    if (visitor != m_visitors.end())
    {
        home = visitor->second.hLma;
        previous = visitor->second.previous;
        // §4.3: the V-LMA informs the H-LMA (§5.1.1: of the MAG, if the H-LMA tracks it)
        Inform(entry.mnId, prefix, home, HomeTracksMag() ? entry.careOf : Ipv6Address::GetAny());
    }
    if (!previous.IsAny() && previous != GetAddress() && previous != home)
    {
        Inform(entry.mnId, prefix, previous); // §4.3, §5.1.3: and the previous D-LMA
    }
}

void
DlmaAgent::BindingRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause)
{
    LmaAgent::BindingRemoved(entry, cause);
    m_anchored.erase(entry.mnId);
    m_visitors.erase(entry.mnId);
    if (!entry.prefixes.empty())
    {
        Simulator::ScheduleNow(&DlmaAgent::Apply, this, entry.prefixes.front());
        // A new D-LMA's Location Inform still reads the records (§5.1.3): it may come
        // as late as its last retransmission; without one they can go.
        Simulator::Schedule(std::max(m_forwardingLifetime, m_maxTimeout),
                            &DlmaAgent::ForgetTold,
                            this,
                            entry.prefixes.front());
    }
}

bool
DlmaAgent::HomeTracksMag() const
{
    return m_bypass && m_magTracker == H_LMA_TRACKS;
}

bool
DlmaAgent::Accept(Ptr<const Packet> inner, Ipv6Address from)
{
    Ipv6Header header;
    inner->PeekHeader(header);
    if (!m_peers.count(from))
    {
        BypassOriginating(header, from);
        return true; // from a MAG (reverse tunnel): not this rule's business
    }
    HomeNetworkPrefix prefix = PrefixOf(header.GetDestination());
    if (const BindingCacheEntry* e = AnchoredHere(prefix))
    {
        if (m_bypass && e->state == BindingCacheEntry::State::ACTIVE)
        {
            Tell(from, prefix, e->careOf); // §5.1.1: the O-LMA tunnels to the MAG from now on
        }
        return true;
    }
    auto remote = m_remote.find(prefix);
    if (remote == m_remote.end())
    {
        if (IsHome(prefix))
        {
            return true; // the H-LMA decides (its MR drops without a binding: NO_BINDING)
        }
        m_dlmaStats.notAnchored++; // §4.4: neither anchored nor forwarded here
        return false;
    }
    Ipv6Address lma = remote->second.lma;
    Ipv6Address mag = remote->second.mag;
    if (lma == from)
    {
        // The D-LMA on record sent it back: it no longer anchors the node (de-registered)
        // and its Location Inform from the new D-LMA is on the way. No ping-pong.
        m_dlmaStats.notAnchored++;
        return false;
    }
    Tell(from, prefix, mag.IsAny() ? lma : mag); // §4.4, §5.1.3 (§5.1.1: the MAG)
    return true;
}

void
DlmaAgent::Encapsulated(Ptr<const Packet> inner, Ipv6Address local, Ipv6Address remote)
{
    if (m_cache.empty() && m_remote.empty())
    {
        return;
    }
    Ipv6Header header;
    inner->PeekHeader(header);
    HomeNetworkPrefix prefix = PrefixOf(header.GetDestination());
    for (auto* table : {&m_cache, &m_remote})
    {
        auto it = table->find(prefix);
        if (it != table->end() && (it->second.lma == remote || it->second.mag == remote))
        {
            it->second.lastUsed = Simulator::Now();
        }
    }
}

} // namespace ns3
