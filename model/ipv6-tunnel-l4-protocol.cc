/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipv6-tunnel-l4-protocol.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"
#include "ns3/node.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6TunnelL4Protocol");
NS_OBJECT_ENSURE_REGISTERED(Ipv6TunnelL4Protocol);

TypeId
Ipv6TunnelL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipv6TunnelL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("Dmm")
            .AddConstructor<Ipv6TunnelL4Protocol>()
            .AddAttribute("AcceptAnyPeer",
                          "Decapsulate packets from any source, not only configured peers.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Ipv6TunnelL4Protocol::m_acceptAnyPeer),
                          MakeBooleanChecker())
            .AddTraceSource("Encap",
                            "A packet entered a tunnel.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_encapTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("Decap",
                            "A packet left a tunnel.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_decapTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("Drop",
                            "A tunnel packet was dropped.",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_dropTrace),
                            "ns3::Ipv6TunnelL4Protocol::DropTracedCallback");
    return tid;
}

Ipv6TunnelL4Protocol::Ipv6TunnelL4Protocol()
    : m_acceptAnyPeer(false)
{
    NS_LOG_FUNCTION(this);
}

Ipv6TunnelL4Protocol::~Ipv6TunnelL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

Ptr<Ipv6TunnelL4Protocol>
Ipv6TunnelL4Protocol::Install(Ptr<Node> node)
{
    Ptr<Ipv6TunnelL4Protocol> tunnel = node->GetObject<Ipv6TunnelL4Protocol>();
    if (tunnel)
    {
        return tunnel;
    }
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!ipv6, "Ipv6TunnelL4Protocol needs an IPv6 stack on node " << node->GetId());
    tunnel = CreateObject<Ipv6TunnelL4Protocol>();
    node->AggregateObject(tunnel);
    ipv6->Insert(tunnel);
    tunnel->SetDownTarget6(MakeCallback(&Ipv6L3Protocol::Send, ipv6));
    return tunnel;
}

void
Ipv6TunnelL4Protocol::NotifyNewAggregate()
{
    if (!m_node)
    {
        m_node = GetObject<Node>();
    }
    IpL4Protocol::NotifyNewAggregate();
}

void
Ipv6TunnelL4Protocol::DoDispose()
{
    m_node = nullptr;
    m_downTarget = DownTargetCallback6();
    m_peers.clear();
    IpL4Protocol::DoDispose();
}

void
Ipv6TunnelL4Protocol::Send(Ptr<Packet> payload,
                           const Ipv6Header& innerHeader,
                           Ipv6Address local,
                           Ipv6Address remote)
{
    NS_LOG_FUNCTION(this << payload << local << remote);
    // Traced like a received tunnel packet: the inner packet with its header.
    Ptr<Packet> p = payload->Copy();
    if (m_downTarget.IsNull())
    {
        p->AddHeader(innerHeader);
        Drop(p, NO_DOWN_TARGET);
        return;
    }
    // RFC 2473 §3.1: the entry point is a forwarding hop for the inner packet.
    Ipv6Header inner = innerHeader;
    if (inner.GetHopLimit() <= 1)
    {
        p->AddHeader(innerHeader);
        Drop(p, HOP_LIMIT);
        return;
    }
    inner.SetHopLimit(inner.GetHopLimit() - 1);
    p->AddHeader(inner);
    m_stats.encapsulated++;
    m_stats.encapsulatedBytes += p->GetSize();
    m_encapTrace(p, local, remote);
    m_downTarget(p, local, remote, PROT_NUMBER, nullptr);
}

void
Ipv6TunnelL4Protocol::AddPeer(Ipv6Address remote)
{
    m_peers[remote]++;
}

void
Ipv6TunnelL4Protocol::RemovePeer(Ipv6Address remote)
{
    auto it = m_peers.find(remote);
    if (it != m_peers.end() && --it->second == 0)
    {
        m_peers.erase(it);
    }
}

bool
Ipv6TunnelL4Protocol::IsPeer(Ipv6Address remote) const
{
    return m_peers.count(remote) > 0;
}

const Ipv6TunnelL4Protocol::Stats&
Ipv6TunnelL4Protocol::GetStats() const
{
    return m_stats;
}

int
Ipv6TunnelL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::Receive(Ptr<Packet> p, const Ipv4Header&, Ptr<Ipv4Interface>)
{
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::Receive(Ptr<Packet> p,
                              const Ipv6Header& header,
                              Ptr<Ipv6Interface> incomingInterface)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    if (!m_acceptAnyPeer && !IsPeer(header.GetSource()))
    {
        Drop(p, UNKNOWN_PEER);
        return IpL4Protocol::RX_OK; // silently discarded, no ICMP back to a stranger
    }
    if (p->GetSize() < 40)
    {
        Drop(p, TRUNCATED);
        return IpL4Protocol::RX_OK;
    }
    uint8_t inner[6];
    p->CopyData(inner, sizeof(inner));
    if ((inner[0] >> 4) != 6)
    {
        Drop(p, NOT_IPV6);
        return IpL4Protocol::RX_OK;
    }
    uint32_t payloadLength = (uint32_t(inner[4]) << 8) | inner[5];
    if (40 + payloadLength > p->GetSize())
    {
        Drop(p, TRUNCATED); // the inner header promises more than the tunnel carried
        return IpL4Protocol::RX_OK;
    }
    if (!NdOptions::IsParsableByNs3(p))
    {
        Drop(p, MALFORMED_ND); // re-injected, it would reach ns-3's ICMPv6 unchecked
        return IpL4Protocol::RX_OK;
    }
    if (!m_accept.IsNull() && !m_accept(p, header.GetSource()))
    {
        Drop(p, NOT_ANCHORED);
        return IpL4Protocol::RX_OK;
    }
    m_stats.decapsulated++;
    m_decapTrace(p, header.GetDestination(), header.GetSource());
    Ptr<NetDevice> device = incomingInterface->GetDevice();
    Ptr<Ipv6L3Protocol> ipv6 = m_node->GetObject<Ipv6L3Protocol>();
    // Re-inject: the inner packet is then routed (and possibly intercepted) like any arrival.
    ipv6->Receive(device,
                  p,
                  Ipv6L3Protocol::PROT_NUMBER,
                  device->GetAddress(),
                  device->GetAddress(),
                  NetDevice::PACKET_HOST);
    return IpL4Protocol::RX_OK;
}

void
Ipv6TunnelL4Protocol::Drop(Ptr<const Packet> p, DropReason reason)
{
    NS_LOG_LOGIC("drop " << p << " reason " << reason);
    switch (reason)
    {
    case UNKNOWN_PEER:
        m_stats.unknownPeer++;
        break;
    case TRUNCATED:
        m_stats.truncated++;
        break;
    case NOT_IPV6:
        m_stats.notIpv6++;
        break;
    case HOP_LIMIT:
        m_stats.hopLimit++;
        break;
    case NO_DOWN_TARGET:
        break;
    case NOT_ANCHORED:
        m_stats.notAnchored++;
        break;
    case MALFORMED_ND:
        m_stats.malformedNd++;
        break;
    }
    m_dropTrace(p, reason);
}

void
Ipv6TunnelL4Protocol::SetAcceptCallback(AcceptCallback cb)
{
    m_accept = cb;
}

void
Ipv6TunnelL4Protocol::SetDownTarget(DownTargetCallback)
{
}

void
Ipv6TunnelL4Protocol::SetDownTarget6(DownTargetCallback6 cb)
{
    m_downTarget = cb;
}

IpL4Protocol::DownTargetCallback
Ipv6TunnelL4Protocol::GetDownTarget() const
{
    return DownTargetCallback();
}

IpL4Protocol::DownTargetCallback6
Ipv6TunnelL4Protocol::GetDownTarget6() const
{
    return m_downTarget;
}

} // namespace ns3
