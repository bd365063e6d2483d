/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "distributed-routing-function.h"

#include "ns3/binding-change-ack.h"
#include "ns3/binding-query-answer.h"
#include "ns3/binding-query-request.h"
#include "ns3/boolean.h"
#include "ns3/elma-locator.h"
#include "ns3/enum.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DistributedRoutingFunction");
NS_OBJECT_ENSURE_REGISTERED(DistributedRoutingFunction);

TypeId
DistributedRoutingFunction::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DistributedRoutingFunction")
            .SetParent<MobilityRouting>()
            .SetGroupName("Dmm")
            .AddConstructor<DistributedRoutingFunction>()
            .AddAttribute("FirstPackets",
                          "Packets sent before the peer's location is known: forwarded on "
                          "the PMIP path through the LMA, or buffered (seed 001 §4.2).",
                          EnumValue(PMIP_PATH),
                          MakeEnumAccessor(&DistributedRoutingFunction::m_firstPackets),
                          MakeEnumChecker(PMIP_PATH, "Pmip", BUFFER, "Buffer"))
            .AddAttribute("BufferSize",
                          "Packets held per destination while it is queried (Buffer).",
                          UintegerValue(16),
                          MakeUintegerAccessor(&DistributedRoutingFunction::m_bufferSize),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("LearnFromOuterHeader",
                          "Record the outer source of a packet from another eMAG's tunnel as "
                          "the location of its inner source (seed 001 §4.2).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DistributedRoutingFunction::m_learn),
                          MakeBooleanChecker())
            .AddAttribute(
                "ElmaDiscovery",
                "How the eLMA holding a node's binding is found (seed 001 §4.4): "
                "configured prefix map, Hop-by-Hop option on a PBQR sent to the "
                "node's address, or relay by the eLMA asked.",
                EnumValue(PREFIX_MAP),
                MakeEnumAccessor(&DistributedRoutingFunction::m_discovery),
                MakeEnumChecker(PREFIX_MAP, "PrefixMap", HOP_BY_HOP, "HopByHop", RELAY, "Relay"))
            .AddAttribute("QueryTimeout",
                          "Time to wait for a PBQA before routing by PMIP (§5.1).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&DistributedRoutingFunction::m_queryTimeout),
                          MakeTimeChecker())
            .AddAttribute("QueryRetries",
                          "PBQRs sent again after a time-out before routing by PMIP (§5.1: "
                          "\"one or more query message may be re-sent\").",
                          UintegerValue(1),
                          MakeUintegerAccessor(&DistributedRoutingFunction::m_queryRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ForwardLateDownlink",
                          "As a node's previous eMAG, tunnel its late downlink to the new "
                          "eMAG named by the PBCI (seed 001 §4.3, proposed there).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&DistributedRoutingFunction::m_forwardLate),
                          MakeBooleanChecker())
            .AddAttribute("ForwardingLifetime",
                          "How long the previous eMAG forwards late downlink (§4.3).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&DistributedRoutingFunction::m_forwardingLifetime),
                          MakeTimeChecker())
            .AddAttribute("InitialInformTimeout",
                          "First wait for the PBCA before a PBCI is sent again, doubled on "
                          "each retransmission (RFC 5213 §6.9.4, InitialBindackTimeoutFirstReg).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&DistributedRoutingFunction::m_informTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("InformRetries",
                          "PBCI retransmissions before giving up; 5 lets the back-off reach "
                          "MAX_BINDACK_TIMEOUT (32 s, RFC 6275 §12).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&DistributedRoutingFunction::m_informRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Located",
                            "A destination prefix got a location (:: if none).",
                            MakeTraceSourceAccessor(&DistributedRoutingFunction::m_locatedTrace),
                            "ns3::DistributedRoutingFunction::LocatedTracedCallback");
    return tid;
}

DistributedRoutingFunction::DistributedRoutingFunction()
    : m_firstPackets(PMIP_PATH),
      m_bufferSize(16),
      m_learn(false),
      m_discovery(PREFIX_MAP),
      m_queryTimeout(Seconds(1)),
      m_queryRetries(1),
      m_forwardLate(true),
      m_forwardingLifetime(Seconds(1)),
      m_informTimeout(Seconds(1)),
      m_informRetries(5)
{
}

void
DistributedRoutingFunction::DoDispose()
{
    for (auto& [dst, timer] : m_timers)
    {
        timer.Cancel();
    }
    m_timers.clear();
    m_reliable.Dispose();
    m_informing.clear();
    for (auto& event : m_forwarding)
    {
        event.Cancel();
    }
    m_forwarding.clear();
    m_buffer.clear();
    m_otherAck = OtherAckCallback();
    m_mh = nullptr;
    MobilityRouting::DoDispose();
}

void
DistributedRoutingFunction::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local)
{
    NS_LOG_FUNCTION(this << local);
    m_mh = mh;
    m_local = local;
    m_reliable.Setup(mh, local, MakeCallback(&DistributedRoutingFunction::InformTimedOut, this));
    m_reliable.SetBackOff(m_informTimeout, m_informRetries, &m_drfStats.informRetransmissions);
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::BINDING_QUERY_ANSWER,
                          MakeCallback(&DistributedRoutingFunction::HandleAnswer, this));
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::BINDING_CHANGE_INFORM,
                          MakeCallback(&DistributedRoutingFunction::HandleInform, this));
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::BINDING_CHANGE_ACK,
                          MakeCallback(&DistributedRoutingFunction::HandleInformAck, this));
    Ipv6TunnelL4Protocol::Install(GetIpv6L3()->GetObject<Node>())
        ->TraceConnectWithoutContext("Decap",
                                     MakeCallback(&DistributedRoutingFunction::Decapsulated, this));
}

void
DistributedRoutingFunction::AddLmf(const HomeNetworkPrefix& prefix, Ipv6Address lmf)
{
    m_lmfs.emplace_back(prefix.Canonical(), lmf);
    m_anchors.insert(lmf);
}

void
DistributedRoutingFunction::SetQueryLmf(Ipv6Address lmf)
{
    m_queryLmf = lmf;
}

void
DistributedRoutingFunction::SetOtherAckHandler(OtherAckCallback handler)
{
    m_otherAck = handler;
}

void
DistributedRoutingFunction::OtherInformAck(const BindingChangeAck& pbca, Ipv6Address src)
{
    if (!m_otherAck.IsNull())
    {
        m_otherAck(pbca, src);
    }
}

void
DistributedRoutingFunction::SetLocation(const HomeNetworkPrefix& prefix, Ipv6Address locator)
{
    NS_LOG_FUNCTION(this << prefix.ToString() << locator);
    m_locatedTrace(prefix, locator);
    for (auto it = m_unlocated.begin(); it != m_unlocated.end();)
    {
        it = prefix.Contains(*it) && !locator.IsAny() ? m_unlocated.erase(it) : std::next(it);
    }
    if (locator == m_local || locator.IsAny()) // :: is a node at a legacy MAG (§6)
    {
        m_locations.Erase(prefix);
        RemoveDestinationTunnel(prefix); // the node is here: the access route delivers it
        return;
    }
    m_locations.Set(prefix, {prefix, locator});
    SetDestinationTunnel(prefix, Tunnel{m_local, locator});
}

const DistributedRoutingFunction::DrfStats&
DistributedRoutingFunction::GetDrfStats() const
{
    return m_drfStats;
}

Ipv6Address
DistributedRoutingFunction::LmfFor(Ipv6Address dst) const
{
    for (const auto& [prefix, lmf] : m_lmfs)
    {
        if (prefix.Contains(dst))
        {
            return lmf;
        }
    }
    return Ipv6Address::GetAny();
}

bool
DistributedRoutingFunction::Serves(Ipv6Address src) const
{
    // Only uplink of an attached node (it has a reverse tunnel here) is optimized (§4.2);
    // §4.1: the DAF is disabled for a node whose prefix a legacy LMA manages (no LMF).
    return LookupSourceTunnel(src) && !LmfFor(src).IsAny();
}

bool
DistributedRoutingFunction::RouteInput(Ptr<const Packet> p,
                                       const Ipv6Header& header,
                                       Ptr<const NetDevice> idev,
                                       UnicastForwardCallback ucb,
                                       MulticastForwardCallback mcb,
                                       LocalDeliverCallback lcb,
                                       ErrorCallback ecb)
{
    Ipv6Address dst = header.GetDestination();
    Ipv6Address lmf = LmfFor(dst);
    // §5.1 with §4.4.2: a Hop-by-Hop PBQR goes towards any address, one no eLMA manages too.
    bool anyAddress = m_discovery == HOP_BY_HOP && !dst.IsLinkLocal() && !IsLocal(dst);
    if (!m_mh || (lmf.IsAny() && !anyAddress) || dst.IsMulticast() || !Serves(header.GetSource()))
    {
        return MobilityRouting::RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    if (const Tunnel* direct = LookupDestinationTunnel(dst))
    {
        m_drfStats.optimized++;
        m_peers[header.GetSource()].insert(dst); // its correspondents, for a handoff (§4.3)
        Encapsulate(p, header, *direct);
        return true;
    }
    if (Informing(header.GetSource()))
    {
        m_drfStats.detoured++; // the PBCA will name its correspondents' locations (§4.3)
        return MobilityRouting::RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    if (m_unlocated.count(dst) == 0)
    {
        Query(dst, lmf);
    }
    if (m_firstPackets == BUFFER && m_timers.count(dst) > 0)
    {
        auto& queue = m_buffer[dst];
        if (queue.size() >= m_bufferSize)
        {
            m_drfStats.bufferOverflow++;
            NotifyDrop(p, header, QUEUE_FULL);
            return true;
        }
        m_drfStats.buffered++;
        queue.emplace_back(p, header);
        return true;
    }
    m_drfStats.detoured++;
    return MobilityRouting::RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
}

void
DistributedRoutingFunction::Query(Ipv6Address dst, Ipv6Address lmf)
{
    if (m_timers.count(dst) > 0)
    {
        return; // one query per destination at a time
    }
    m_retries[dst] = 0;
    SendQuery(dst, lmf);
}

void
DistributedRoutingFunction::SendQuery(Ipv6Address dst, Ipv6Address lmf)
{
    NS_LOG_FUNCTION(this << dst << lmf);
    BindingQueryRequest pbqr;
    pbqr.SetSequence(m_sequence);
    pbqr.AddLocation(HomeNetworkPrefix::Make(dst, 128), Ipv6Address::GetAny());
    m_outstanding[m_sequence++] = dst;
    m_timers[dst] =
        Simulator::Schedule(m_queryTimeout, &DistributedRoutingFunction::QueryTimedOut, this, dst);
    m_drfStats.queries++;
    if (m_discovery == HOP_BY_HOP)
    {
        m_mh->SendWithHopByHop(pbqr, m_local, dst, ElmaQueryOption::MakeHeader(), lmf);
        return;
    }
    // §4.4.3: under Relay the eMAG's own eLMA, which relays; else the prefix map's.
    m_mh->Send(pbqr, m_local, m_discovery == RELAY && !m_queryLmf.IsAny() ? m_queryLmf : lmf);
}

void
DistributedRoutingFunction::QueryTimedOut(Ipv6Address dst)
{
    NS_LOG_FUNCTION(this << dst);
    m_timers.erase(dst);
    if (m_retries[dst] < m_queryRetries)
    {
        m_retries[dst]++;
        m_drfStats.queryRetries++;
        SendQuery(dst, LmfFor(dst)); // §5.1: re-sent before giving up
        return;
    }
    m_drfStats.queryTimeouts++;
    m_drfStats.unlocated++;
    m_unlocated.insert(dst);
    Flush(dst, QUERY_TIMEOUT);
}

void
DistributedRoutingFunction::HandleAnswer(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    BindingQueryAnswer pbqa;
    p->RemoveHeader(pbqa);
    auto it = m_outstanding.find(pbqa.GetSequence());
    auto locations = pbqa.GetLocations();
    if (it == m_outstanding.end() || locations.empty())
    {
        return; // not a query of ours (a late answer after the time-out still counts)
    }
    Ipv6Address dst = it->second;
    m_outstanding.erase(it);
    auto timer = m_timers.find(dst);
    if (timer != m_timers.end())
    {
        timer->second.Cancel();
        m_timers.erase(timer);
    }
    auto [prefix, locator] = locations.front();
    if (pbqa.GetRemove() || locator.IsAny())
    {
        m_drfStats.unlocated++;
        m_unlocated.insert(dst); // §5.1: this session stays on PMIP routing
    }
    else
    {
        m_drfStats.located++;
        SetLocation(prefix, locator);
    }
    Flush(dst, NO_LOCATION);
}

void
DistributedRoutingFunction::Flush(Ipv6Address dst, DropReason unrouted)
{
    auto it = m_buffer.find(dst);
    if (it == m_buffer.end())
    {
        return;
    }
    std::deque<Held> held = std::move(it->second);
    m_buffer.erase(it);
    for (const auto& [packet, header] : held)
    {
        const Tunnel* tunnel = LookupDestinationTunnel(dst);
        tunnel = tunnel ? tunnel : LookupSourceTunnel(header.GetSource());
        // A BG or Router+DRF (§7.1) has no PMIP path to fall back on.
        tunnel ? Encapsulate(packet, header, *tunnel) : NotifyDrop(packet, header, unrouted);
    }
}

void
DistributedRoutingFunction::Decapsulated(Ptr<const Packet> inner,
                                         Ipv6Address local,
                                         Ipv6Address remote)
{
    TellSender(inner, remote);
    bool fromAnchor = m_anchors.count(remote) > 0;
    // The PMIP path's packets come from the eLMA, which is no eMAG and locates nobody.
    if (!m_learn || local != m_local || fromAnchor || !LmfFor(remote).IsAny())
    {
        return;
    }
    Ipv6Header ip;
    if (inner->PeekHeader(ip) == 0 || LmfFor(ip.GetSource()).IsAny() ||
        LookupDestinationTunnel(ip.GetSource()))
    {
        return; // not a mobile node's packet, or its location is known already
    }
    // The remote endpoint is the sender's eMAG (§4.2's alternative to a query).
    m_drfStats.learnt++;
    SetLocation(HomeNetworkPrefix::Make(ip.GetSource(), 128), remote);
}

const std::pair<HomeNetworkPrefix, Ipv6Address>*
DistributedRoutingFunction::LocationOf(Ipv6Address dst) const
{
    return m_locations.Lookup(dst);
}

} // namespace ns3
