/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mobility-routing.h"

#include "ipv6-tunnel-l4-protocol.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityRouting");
NS_OBJECT_ENSURE_REGISTERED(MobilityRouting);

TypeId
MobilityRouting::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MobilityRouting")
            .SetParent<Ipv6RoutingProtocol>()
            .SetGroupName("Dmm")
            .AddConstructor<MobilityRouting>()
            .AddAttribute("EnableLocalRouting",
                          "Deliver packets between two mobile nodes of the same access router "
                          "locally instead of through the anchor (RFC 5213 "
                          "EnableMAGLocalRouting, default false).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MobilityRouting::m_localRouting),
                          MakeBooleanChecker())
            .AddAttribute("IngressFiltering",
                          "Drop packets from an access interface whose source is neither on "
                          "that link nor a prefix served there (BCP 38).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MobilityRouting::m_ingressFiltering),
                          MakeBooleanChecker())
            .AddTraceSource("Intercept",
                            "A packet was taken over by mobility routing.",
                            MakeTraceSourceAccessor(&MobilityRouting::m_interceptTrace),
                            "ns3::MobilityRouting::InterceptTracedCallback")
            .AddTraceSource("AccessTraffic",
                            "A packet from an access interface, or forwarded onto one on an "
                            "access route: the traffic of attached nodes, native or tunnelled.",
                            MakeTraceSourceAccessor(&MobilityRouting::m_accessTrace),
                            "ns3::MobilityRouting::InterceptTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was dropped, with the reason (no binding for a mobile "
                            "prefix, ingress filtered, a refused extension header, ...).",
                            MakeTraceSourceAccessor(&MobilityRouting::m_dropTrace),
                            "ns3::MobilityRouting::DropTracedCallback");
    return tid;
}

MobilityRouting::MobilityRouting()
    : m_ingressFiltering(true),
      m_localRouting(false)
{
    NS_LOG_FUNCTION(this);
}

MobilityRouting::~MobilityRouting()
{
    NS_LOG_FUNCTION(this);
}

void
MobilityRouting::DoDispose()
{
    m_ipv6 = nullptr;
    m_tunnel = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

void
MobilityRouting::AddMobileAggregate(const HomeNetworkPrefix& aggregate)
{
    m_anchored.push_back(aggregate);
}

void
MobilityRouting::SetDestinationTunnel(const HomeNetworkPrefix& prefix, const Tunnel& tunnel)
{
    NS_LOG_FUNCTION(this << prefix.ToString() << tunnel.remote);
    m_dstTunnels.Set(prefix, tunnel);
}

bool
MobilityRouting::RemoveDestinationTunnel(const HomeNetworkPrefix& prefix)
{
    return m_dstTunnels.Erase(prefix);
}

void
MobilityRouting::SetSourceTunnel(const HomeNetworkPrefix& prefix, const Tunnel& tunnel)
{
    NS_LOG_FUNCTION(this << prefix.ToString() << tunnel.remote);
    m_srcTunnels.Set(prefix, tunnel);
}

bool
MobilityRouting::RemoveSourceTunnel(const HomeNetworkPrefix& prefix)
{
    return m_srcTunnels.Erase(prefix);
}

void
MobilityRouting::SetPeerTunnel(const HomeNetworkPrefix& prefix, const Tunnel& tunnel)
{
    NS_LOG_FUNCTION(this << prefix.ToString() << tunnel.remote);
    m_peerTunnels.Set(prefix, tunnel);
}

bool
MobilityRouting::RemovePeerTunnel(const HomeNetworkPrefix& prefix)
{
    return m_peerTunnels.Erase(prefix);
}

void
MobilityRouting::AddAccessInterface(uint32_t interface, const HomeNetworkPrefix& onLink)
{
    m_accessInterfaces[interface] = onLink;
}

void
MobilityRouting::SetAccessRoute(const HomeNetworkPrefix& prefix,
                                uint32_t interface,
                                Ipv6Address nextHop)
{
    NS_LOG_FUNCTION(this << prefix.ToString() << interface << nextHop);
    m_access.Set(prefix, {interface, nextHop});
}

bool
MobilityRouting::RemoveAccessRoute(const HomeNetworkPrefix& prefix)
{
    return m_access.Erase(prefix);
}

const MobilityRouting::Tunnel*
MobilityRouting::LookupDestinationTunnel(Ipv6Address dst) const
{
    return m_dstTunnels.Lookup(dst);
}

const MobilityRouting::Stats&
MobilityRouting::GetStats() const
{
    return m_stats;
}

bool
MobilityRouting::IsLocal(Ipv6Address a) const
{
    return m_ipv6->GetInterfaceForAddress(a) >= 0;
}

const MobilityRouting::Tunnel*
MobilityRouting::LookupSourceTunnel(Ipv6Address src) const
{
    return m_srcTunnels.Lookup(src);
}

Ptr<Ipv6L3Protocol>
MobilityRouting::GetIpv6L3() const
{
    return m_ipv6;
}

void
MobilityRouting::Encapsulate(Ptr<const Packet> p, const Ipv6Header& header, const Tunnel& tunnel)
{
    if (!m_tunnel)
    {
        m_tunnel = Ipv6TunnelL4Protocol::Install(m_ipv6->GetObject<Node>());
    }
    m_interceptTrace(p, header);
    m_tunnel->Send(p->Copy(), header, tunnel.local, tunnel.remote);
}

Ptr<Ipv6Route>
MobilityRouting::RouteOutput(Ptr<Packet> p,
                             const Ipv6Header& header,
                             Ptr<NetDevice> oif,
                             Socket::SocketErrno& sockerr)
{
    // Locally originated traffic (signalling, tunnels) is routed natively.
    sockerr = Socket::ERROR_NOROUTETOHOST;
    return nullptr;
}

bool
MobilityRouting::RouteInput(Ptr<const Packet> p,
                            const Ipv6Header& header,
                            Ptr<const NetDevice> idev,
                            UnicastForwardCallback ucb,
                            MulticastForwardCallback mcb,
                            LocalDeliverCallback lcb,
                            ErrorCallback ecb)
{
    Ipv6Address dst = header.GetDestination();
    // Ipv6L3Protocol::Receive delivers a packet for any of the node's addresses before it
    // asks routing, under the weak end-system model (ns-3.35 to 3.37): only under the strong
    // one can an address of another interface reach this point.
    if (dst.IsMulticast() || dst.IsLinkLocal() || (m_strongEndSystem && IsLocal(dst)))
    {
        return false; // local delivery and ND belong to static routing
    }
    const auto* access = m_access.Lookup(dst);
    auto accessIf = m_accessInterfaces.find(m_ipv6->GetInterfaceForDevice(idev));
    bool fromAccess = accessIf != m_accessInterfaces.end();
    if (fromAccess)
    {
        m_accessTrace(p, header);
    }
    // Uplink: RFC 5213 §6.10.5 — everything from an attached MN goes to its LMA,
    // unless local routing is enabled and the destination is attached here too.
    if (fromAccess && !(m_localRouting && access))
    {
        // Seed 004 §5.4: the O-LMA named the destination's MAG; its tunnel replaces ours.
        const Tunnel* peer = m_peerTunnels.Lookup(dst);
        if (peer && m_srcTunnels.Lookup(header.GetSource()))
        {
            m_stats.tunnelledPeer++;
            Encapsulate(p, header, *peer);
            return true;
        }
        if (const Tunnel* up = m_srcTunnels.Lookup(header.GetSource()))
        {
            m_stats.tunnelledUp++;
            Encapsulate(p, header, *up);
            return true;
        }
    }
    // BCP 38 (RFC 2827): an address from another link cannot be used here (a prefix
    // delivered on this access link, e.g. a DMA MAR's own per-MN prefix, belongs); this is
    // what breaks sessions of a node that moved without mobility support.
    if (fromAccess && m_ingressFiltering && !accessIf->second.Contains(header.GetSource()) &&
        !m_srcTunnels.Lookup(header.GetSource()) && !m_access.Lookup(header.GetSource()))
    {
        m_stats.ingressFiltered++;
        m_dropTrace(p, header, INGRESS_FILTERED);
        return true;
    }
    if (access)
    {
        Ptr<Ipv6Route> route = Create<Ipv6Route>();
        route->SetDestination(dst);
        route->SetGateway(access->second);
        route->SetOutputDevice(m_ipv6->GetNetDevice(access->first));
        route->SetSource(m_ipv6->GetAddress(access->first, 0).GetAddress());
        m_stats.deliveredAccess++;
        m_interceptTrace(p, header);
        m_accessTrace(p, header);
        ucb(idev, route, p, header);
        return true;
    }
    if (const Tunnel* down = m_dstTunnels.Lookup(dst))
    {
        m_stats.tunnelledDown++;
        Encapsulate(p, header, *down);
        return true;
    }
    for (const auto& [interface, onLink] : m_accessInterfaces)
    {
        if (onLink.Contains(dst))
        {
            return false; // an anchored address at home on our own link: delivered natively
        }
    }
    for (const auto& aggregate : m_anchored)
    {
        if (aggregate.Contains(dst))
        {
            m_stats.noBinding++;
            m_dropTrace(p, header, NO_BINDING);
            return true; // consumed: an anchored prefix must not leak to native routing
        }
    }
    return false;
}

bool
MobilityRouting::AcceptHomeAddress(Ipv6Address, Ipv6Address) const
{
    return false;
}

void
MobilityRouting::DropExtension(Ptr<const Packet> p, const Ipv6Header& header, DropReason reason)
{
    m_stats.haoNoBinding += reason == HAO_NO_BINDING ? 1 : 0;
    m_stats.badExtension += reason == BAD_EXTENSION ? 1 : 0;
    m_stats.rh2NotHome += reason == RH2_NOT_HOME ? 1 : 0;
    m_dropTrace(p, header, reason);
}

void
MobilityRouting::NotifyDrop(Ptr<const Packet> p, const Ipv6Header& header, DropReason reason)
{
    m_dropTrace(p, header, reason);
}

void
MobilityRouting::Redeliver(Ptr<Packet> payload, const Ipv6Header& header, bool viaHao)
{
    m_stats.haoReceived += viaHao ? 1 : 0;
    m_stats.rh2Received += viaHao ? 0 : 1;
    // As after decapsulation: the rewritten packet enters the stack again and is
    // delivered locally (weak end-system model: any interface will do).
    int32_t iif = m_ipv6->GetInterfaceForAddress(header.GetDestination());
    Ptr<NetDevice> device = m_ipv6->GetNetDevice(iif >= 0 ? iif : 1);
    payload->AddHeader(header);
    m_ipv6->Receive(device,
                    payload,
                    Ipv6L3Protocol::PROT_NUMBER,
                    device->GetAddress(),
                    device->GetAddress(),
                    NetDevice::PACKET_HOST);
}

void
MobilityRouting::NotifyInterfaceUp(uint32_t)
{
}

void
MobilityRouting::NotifyInterfaceDown(uint32_t)
{
}

void
MobilityRouting::NotifyAddAddress(uint32_t, Ipv6InterfaceAddress)
{
    ReadEndSystemModel(); // set after the stack was installed, before addresses come
}

void
MobilityRouting::NotifyRemoveAddress(uint32_t, Ipv6InterfaceAddress)
{
}

void
MobilityRouting::NotifyAddRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
MobilityRouting::NotifyRemoveRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
MobilityRouting::SetIpv6(Ptr<Ipv6> ipv6)
{
    m_ipv6 = DynamicCast<Ipv6L3Protocol>(ipv6);
    ReadEndSystemModel();
}

void
MobilityRouting::ReadEndSystemModel()
{
    BooleanValue strong(true);
    if (m_ipv6)
    {
        m_ipv6->GetAttribute("StrongEndSystemModel", strong);
    }
    m_strongEndSystem = strong.Get();
}

void
MobilityRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream& os = *stream->GetStream();
    os << "Node " << m_ipv6->GetObject<Node>()->GetId() << " mobility routing at "
       << Simulator::Now().As(unit) << "\n";
    for (const auto& [prefix, t] : m_dstTunnels.GetEntries())
    {
        os << "  to " << prefix.ToString() << " tunnel " << t.local << " -> " << t.remote << "\n";
    }
    for (const auto& [prefix, t] : m_srcTunnels.GetEntries())
    {
        os << "  from " << prefix.ToString() << " tunnel " << t.local << " -> " << t.remote << "\n";
    }
    for (const auto& [prefix, a] : m_access.GetEntries())
    {
        os << "  to " << prefix.ToString() << " if " << a.first << " via " << a.second << "\n";
    }
}

} // namespace ns3
