/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "conservation-monitor.h"

#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/node-list.h"
#include "ns3/node.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-header.h"
#include "ns3/wifi-mac-queue.h"
#include "ns3/wifi-mac.h"

#include <array>
#include <unordered_set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ConservationMonitor");
NS_OBJECT_ENSURE_REGISTERED(ConservationMonitor);

namespace
{
constexpr uint8_t UDP = 17;
constexpr uint8_t FRAGMENT = 44;
constexpr uint8_t IPV6_IN_IPV6 = 41;
constexpr uint8_t ICMPV6 = 58;

/// Whether a packet whose next header is \p next can end in ICMPv6 (most data packets are
/// UDP right after IPv6: no need to copy their bytes).
bool
MayEndInIcmp(uint8_t next)
{
    return next == ICMPV6 || next == IPV6_IN_IPV6 || next == 0 || next == 43 || next == 60 ||
           next == FRAGMENT;
}

/**
 * Whether the bytes from \p at, announced as \p next by the header before them, end in
 * ICMPv6, through IPv6-in-IPv6 and extension headers. ns-3 builds an ICMPv6 error (or a
 * redirect) on a copy of the offending packet, which keeps its uid: that is not the data
 * packet being seen.
 */
bool
EndsInIcmp(const uint8_t* b, uint32_t n, uint32_t at, uint8_t next)
{
    for (int headers = 0; headers < 16; ++headers)
    {
        if (next == IPV6_IN_IPV6 && at + 40 <= n)
        {
            next = b[at + 6];
            at += 40;
        }
        else if ((next == 0 || next == 43 || next == 60) && at + 2 <= n)
        {
            next = b[at];
            at += (b[at + 1] + 1) * 8;
        }
        else if (next == FRAGMENT && at + 8 <= n)
        {
            next = b[at];
            at += 8;
        }
        else
        {
            break;
        }
    }
    return next == ICMPV6;
}

} // namespace

TypeId
ConservationMonitor::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ConservationMonitor")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ConservationMonitor>();
    return tid;
}

void
ConservationMonitor::AddFlow(uint32_t flow, Ptr<PacketSink> sink)
{
    if (flow >= m_sinks.size())
    {
        m_sinks.resize(flow + 1);
        m_sinkWatched.resize(flow + 1, false);
    }
    m_sinks[flow] = sink;
}

ConservationMonitor::Track*
ConservationMonitor::Find(Ptr<const Packet> p)
{
    auto it = m_tracks.find(p->GetUid());
    return it == m_tracks.end() ? nullptr : &it->second;
}

ConservationMonitor::Track*
ConservationMonitor::FindData(Ptr<const Packet> p, uint32_t ipAt, uint8_t* next)
{
    Track* t = Find(p);
    uint8_t b[256];
    uint32_t n = t ? p->CopyData(b, ipAt + 40) : 0;
    if (next && n >= ipAt + 40)
    {
        *next = b[ipAt + 6];
    }
    if (!t || n < ipAt + 40 || !MayEndInIcmp(b[ipAt + 6]))
    {
        return t;
    }
    n = p->CopyData(b, sizeof(b));
    return EndsInIcmp(b, n, ipAt + 40, b[ipAt + 6]) ? nullptr : t;
}

ConservationMonitor::Track*
ConservationMonitor::FindData(Ptr<const Packet> payload, const Ipv6Header& header)
{
    Track* t = Find(payload);
    if (!t || !MayEndInIcmp(header.GetNextHeader()))
    {
        return t;
    }
    uint8_t b[256];
    uint32_t n = payload->CopyData(b, sizeof(b));
    return EndsInIcmp(b, n, 0, header.GetNextHeader()) ? nullptr : t;
}

void
ConservationMonitor::Seen(Track& t, uint64_t uid, Stage stage, uint32_t node)
{
    t.stage = stage;
    t.node = node;
    t.fragment = false;
    m_nd.Forget(uid);
}

void
ConservationMonitor::Dropped(Track* t, uint64_t uid, Reason reason)
{
    if (!t || t->stage == DROPPED)
    {
        return; // not a data packet, or already dropped since it was last seen alive
    }
    t->stage = DROPPED;
    t->reason = reason;
    m_nd.Forget(uid);
}

void
ConservationMonitor::Dropped(Ptr<const Packet> p, uint32_t ipAt, Reason reason)
{
    Dropped(FindData(p, ipAt), p->GetUid(), reason);
}

void
ConservationMonitor::PacketSent(uint32_t flow,
                                Ptr<const Packet> p,
                                const Address&,
                                const Address&,
                                const SeqTsSizeHeader&)
{
    m_tracks[p->GetUid()] = Track{flow};
    m_sent++;
}

void
ConservationMonitor::PacketReceived(uint32_t flow, Ptr<const Packet> p, const Address&)
{
    if (flow < m_sinks.size() && !m_sinkWatched[flow] && m_sinks[flow])
    {
        // The sink's socket exists once it has received; its buffer cannot have
        // overflowed before the first packet arrived.
        m_sinkWatched[flow] = true;
        m_sinks[flow]->GetListeningSocket()->TraceConnectWithoutContext(
            "Drop",
            compat::FunctionCallback<void, Ptr<const Packet>>([this](Ptr<const Packet> q) {
                Dropped(Find(q), q->GetUid(), DataPacketDrop::SOCKET_BUFFER_FULL);
            }));
    }
    auto it = m_tracks.find(p->GetUid());
    if (it != m_tracks.end())
    {
        m_nd.Forget(it->first);
        m_tracks.erase(it);
        m_delivered++;
    }
}

Ptr<NdiscCache>
ConservationMonitor::CacheOf(Ptr<Ipv6> ipv6, uint32_t interface) const
{
    Ptr<Ipv6Interface> itf = DynamicCast<Ipv6L3Protocol>(ipv6)->GetInterface(interface);
    return itf->GetDevice()->NeedsArp() ? itf->GetNdiscCache() : nullptr;
}

const Ptr<NdiscCache>&
ConservationMonitor::CachedCacheOf(uint32_t node, Ptr<Ipv6> ipv6, uint32_t interface)
{
    if (node >= m_caches.size())
    {
        m_caches.resize(node + 1);
    }
    std::vector<Ptr<NdiscCache>>& caches = m_caches[node];
    while (caches.size() <= interface)
    {
        caches.push_back(CacheOf(ipv6, caches.size()));
    }
    return caches[interface];
}

ConservationMonitor::NodeKind
ConservationMonitor::KindOf(uint32_t id) const
{
    return id < m_kind.size() ? m_kind[id] : HOST;
}

void
ConservationMonitor::Ipv6Tx(uint32_t node, Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface)
{
    Track* t = FindData(p, 0);
    if (!t && m_nd.IsEmpty())
    {
        return;
    }
    const Ptr<NdiscCache>& cache = CachedCacheOf(node, ipv6, interface);
    if (cache && m_nd.IsFollowing(cache))
    {
        CheckCache(cache, false); // before this packet can push another out
    }
    if (t)
    {
        Seen(*t, p->GetUid(), OUTPUT, node);
        if (cache)
        {
            m_nd.Expect(cache, p->GetUid(), NeighborCacheWatch::DestinationOf(p)); // until taken
        }
    }
    if (cache && m_nd.HasWaiting(cache) && !m_checkScheduled[PeekPointer(cache)])
    {
        // Right after this packet joined a queue, which may have pushed out its oldest.
        m_checkScheduled[PeekPointer(cache)] = true;
        Simulator::ScheduleNow(&ConservationMonitor::ScheduledCheck, this, cache);
    }
}

void
ConservationMonitor::ScheduledCheck(Ptr<NdiscCache> cache)
{
    m_checkScheduled[PeekPointer(cache)] = false;
    CheckCache(cache, false);
}

void
ConservationMonitor::LinkChanged(Ptr<NdiscCache> cache)
{
    if (m_nd.IsFollowing(cache))
    {
        CheckCache(cache, true);
    }
}

void
ConservationMonitor::CheckCache(Ptr<NdiscCache> cache, bool flushed)
{
    for (const auto& [uid, verdict] : m_nd.Check(cache, flushed))
    {
        auto it = m_tracks.find(uid);
        if (it == m_tracks.end() || it->second.stage != OUTPUT)
        {
            continue;
        }
        it->second.stage = DROPPED;
        it->second.reason = verdict == NeighborCacheWatch::OVERFLOW ? DataPacketDrop::ND_QUEUE_FULL
                            : verdict == NeighborCacheWatch::FLUSHED
                                ? DataPacketDrop::ND_FLUSHED
                                : DataPacketDrop::ND_UNRESOLVED;
    }
}

void
ConservationMonitor::Ipv6Rx(uint32_t node, Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t)
{
    uint8_t next = 0;
    if (Track* t = FindData(p, 0, &next))
    {
        Seen(*t, p->GetUid(), IN_NODE, node);
        // A fragment for this node waits for the others (or for its reassembly time-out).
        if (next == FRAGMENT)
        {
            Ipv6Header header;
            p->PeekHeader(header);
            t->fragment = ipv6->GetInterfaceForAddress(header.GetDestination()) >= 0;
        }
        if (KindOf(node) == ATTACKER)
        {
            Dropped(t, p->GetUid(), DataPacketDrop::ATTACKER); // lost to its receiver here
        }
    }
}

void
ConservationMonitor::Ipv6Drop(const Ipv6Header& header,
                              Ptr<const Packet> p,
                              Ipv6L3Protocol::DropReason reason,
                              Ptr<Ipv6> ipv6,
                              uint32_t)
{
    // A host (IpForward off) has no routes to try: the address is not, or no longer, its.
    bool router = KindOf(ipv6->GetObject<Node>()->GetId()) == ROUTER;
    Reason r = DataPacketDrop::FromIpv6(reason, router);
    Dropped(FindData(p, header), p->GetUid(), r);
}

void
ConservationMonitor::Ipv6Local(uint32_t node,
                               const Ipv6Header& header,
                               Ptr<const Packet> p,
                               uint32_t)
{
    // The payload starts at the transport header; a tunnel's is the inner IPv6 header.
    Track* t = header.GetNextHeader() == ICMPV6         ? nullptr
               : header.GetNextHeader() == IPV6_IN_IPV6 ? FindData(p, 0)
                                                        : Find(p);
    if (!t)
    {
        return;
    }
    Seen(*t, p->GetUid(), LOCAL, node);
    t->udp = header.GetNextHeader() == UDP;
    if (header.GetNextHeader() == IPV6_IN_IPV6)
    {
        WatchTunnel(node); // a tunnel endpoint created since Watch
    }
    if (!t->udp)
    {
        return; // a tunnel: decapsulated (seen again) or dropped with its reason
    }
    // What UdpL4Protocol::Receive checks first, when checksums are on; it drops a
    // failure without a trace.
    if (!Node::ChecksumEnabled())
    {
        return;
    }
    UdpHeader udp;
    udp.EnableChecksums();
    udp.InitializeChecksum(header.GetSource(), header.GetDestination(), UDP);
    p->PeekHeader(udp);
    if (!udp.IsChecksumOk())
    {
        Dropped(t, p->GetUid(), DataPacketDrop::UDP_CHECKSUM);
    }
}

void
ConservationMonitor::Ipv6Forward(uint32_t node,
                                 const Ipv6Header& header,
                                 Ptr<const Packet> p,
                                 uint32_t oif)
{
    // Ipv6L3Protocol::SendRealOut answers a packet larger than the link MTU that this node
    // did not originate with Packet Too Big and returns, without a drop trace. Most
    // packets fit every link (RFC 8200 §5: 1280 octets at least): no look-up for them.
    if (p->GetSize() + header.GetSerializedSize() <= m_mtuFloor)
    {
        return;
    }
    Track* t = FindData(p, header);
    if (!t)
    {
        return;
    }
    Ptr<Ipv6> ipv6 = NodeList::GetNode(node)->GetObject<Ipv6>();
    if (p->GetSize() + header.GetSerializedSize() > ipv6->GetNetDevice(oif)->GetMtu() &&
        ipv6->GetInterfaceForAddress(header.GetSource()) < 0)
    {
        Dropped(t, p->GetUid(), DataPacketDrop::PACKET_TOO_BIG);
    }
}

void
ConservationMonitor::LinkTx(uint32_t ipAt, Ptr<const Packet> p)
{
    if (Track* t = FindData(p, ipAt))
    {
        Seen(*t, p->GetUid(), ON_LINK, t->node);
    }
}

void
ConservationMonitor::WifiDropped(WifiMacDropReason reason, Ptr<const WifiMpdu> mpdu)
{
    Track* t = FindData(mpdu->GetPacket(), LLC);
    if (t && t->stage == DROPPED && t->reason == DataPacketDrop::WIFI_QUEUE_FLUSHED &&
        reason == WIFI_MAC_DROP_EXPIRED_LIFETIME)
    {
        // WifiMacQueue::TtlExceeded removes the MPDU (the queue's drop trace) before it
        // says why: it expired.
        t->reason = DataPacketDrop::WIFI_LIFETIME_EXPIRED;
        return;
    }
    Dropped(t, mpdu->GetPacket()->GetUid(), DataPacketDrop::FromWifi(reason));
}

void
ConservationMonitor::WifiFlushed(Ptr<const WifiMpdu> mpdu)
{
    Dropped(mpdu->GetPacket(), LLC, DataPacketDrop::WIFI_QUEUE_FLUSHED);
}

PacketAccount
ConservationMonitor::Finish()
{
    for (const Ptr<NdiscCache>& cache : m_nd.GetCaches())
    {
        CheckCache(cache, false);
    }
    std::unordered_set<uint64_t> buffered;
    for (const auto& router : m_buffers)
    {
        for (const auto& p : router->GetWaitingPackets())
        {
            buffered.insert(p->GetUid());
        }
    }
    PacketAccount a;
    a.sent = m_sent;
    a.delivered = m_delivered;
    std::array<uint64_t, DataPacketDrop::COUNT> dropped{};
    for (const auto& [uid, t] : m_tracks)
    {
        if (t.stage != DROPPED && buffered.count(uid))
        {
            a.inFlight.routerBuffers++;
            continue;
        }
        NS_LOG_DEBUG("packet " << uid << " of flow " << t.flow << ": stage " << int(t.stage)
                               << " on node " << t.node);
        switch (t.stage)
        {
        case DROPPED:
            dropped[t.reason]++;
            break;
        case ON_LINK:
            a.inFlight.onLinks++;
            break;
        case QUEUED:
            a.inFlight.queueDiscs++;
            break;
        case OUTPUT:
            m_nd.IsFollowed(uid) ? a.inFlight.neighborCache++ : a.unaccounted++;
            break;
        case IN_NODE:
            t.fragment ? a.inFlight.reassembly++ : a.unaccounted++;
            break;
        case LOCAL:
            // UDP had no socket for it: delivered to another node, or the sink had stopped.
            t.udp ? dropped[DataPacketDrop::PORT_UNREACHABLE]++ : a.unaccounted++;
            break;
        case SENT:
            a.unaccounted++;
            break;
        }
    }
    for (uint8_t r = 0; r < DataPacketDrop::COUNT; ++r)
    {
        if (dropped[r] > 0)
        {
            a.dropped[DataPacketDrop::Name(static_cast<Reason>(r))] = dropped[r];
        }
    }
    NS_LOG_INFO("sent " << a.sent << " delivered " << a.delivered << " in flight "
                        << a.inFlight.Total() << " unaccounted " << a.unaccounted);
    return a;
}

} // namespace ns3
