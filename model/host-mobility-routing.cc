/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "host-mobility-routing.h"

#include "ns3/home-address-option-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/mobility-header.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/type2-routing-header.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HostMobilityRouting");
NS_OBJECT_ENSURE_REGISTERED(HostMobilityRouting);

TypeId
HostMobilityRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HostMobilityRouting")
                            .SetParent<MobilityRouting>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HostMobilityRouting>();
    return tid;
}

HostMobilityRouting::HostMobilityRouting()
{
    NS_LOG_FUNCTION(this);
}

HostMobilityRouting::~HostMobilityRouting()
{
    NS_LOG_FUNCTION(this);
}

void
HostMobilityRouting::DoDispose()
{
    m_device = nullptr;
    MobilityRouting::DoDispose();
}

uint32_t
HostMobilityRouting::CreateTunnelInterface()
{
    NS_ASSERT_MSG(!m_device, "the tunnel interface exists already");
    Ptr<Ipv6L3Protocol> ipv6 = GetIpv6L3();
    m_device = CreateObject<VirtualNetDevice>();
    m_device->SetAddress(Mac48Address::Allocate());
    m_device->SetNeedsArp(false);
    m_device->SetSendCallback(MakeCallback(&HostMobilityRouting::TunnelSend, this));
    ipv6->GetObject<Node>()->AddDevice(m_device);
    m_interface = ipv6->AddInterface(m_device);
    // A forwarding interface sends no router solicitation: nothing answers on a tunnel.
    ipv6->SetForwarding(m_interface, true);
    ipv6->SetUp(m_interface);
    return m_interface;
}

uint32_t
HostMobilityRouting::GetTunnelInterface() const
{
    return m_interface;
}

void
HostMobilityRouting::AddTunnelAddress(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    GetIpv6L3()->AddAddress(m_interface, Ipv6InterfaceAddress(address, Ipv6Prefix(128)));
}

void
HostMobilityRouting::SetPreferredSource(Ipv6Address address)
{
    m_preferredSource = address;
}

void
HostMobilityRouting::SetDirectRoute(Ipv6Address correspondent, Ipv6Address home, Ipv6Address careOf)
{
    NS_LOG_FUNCTION(this << correspondent << home << careOf);
    m_direct[correspondent] = Direct{home, careOf};
}

bool
HostMobilityRouting::RemoveDirectRoute(Ipv6Address correspondent)
{
    return m_direct.erase(correspondent) > 0;
}

void
HostMobilityRouting::SetBinding(Ipv6Address home, Ipv6Address careOf)
{
    NS_LOG_FUNCTION(this << home << careOf);
    m_bindings[home] = careOf;
}

bool
HostMobilityRouting::RemoveBinding(Ipv6Address home)
{
    return m_bindings.erase(home) > 0;
}

Ipv6Address
HostMobilityRouting::GetBinding(Ipv6Address home) const
{
    auto it = m_bindings.find(home);
    return it == m_bindings.end() ? Ipv6Address::GetAny() : it->second;
}

const HostMobilityRouting::HostStats&
HostMobilityRouting::GetHostStats() const
{
    return m_hostStats;
}

bool
HostMobilityRouting::AcceptHomeAddress(Ipv6Address home, Ipv6Address careOf) const
{
    auto it = m_bindings.find(home);
    return it != m_bindings.end() && it->second == careOf;
}

bool
HostMobilityRouting::IsHomeTest(Ptr<const Packet> p, const Ipv6Header& header)
{
    // RFC 6275 §9.3.2: a Home Test always goes to the home address, never via a binding.
    uint8_t bytes[3] = {0, 0, 0};
    return header.GetNextHeader() == MobilityHeader::PROT_NUMBER && p &&
           p->CopyData(bytes, 3) == 3 && bytes[2] == MobilityHeader::HOME_TEST;
}

Ptr<Ipv6Route>
HostMobilityRouting::RouteOutput(Ptr<Packet> p,
                                 const Ipv6Header& header,
                                 Ptr<NetDevice> oif,
                                 Socket::SocketErrno& sockerr)
{
    sockerr = Socket::ERROR_NOROUTETOHOST;
    Ipv6Address dst = header.GetDestination();
    if (!m_device || dst.IsMulticast() || dst.IsLinkLocal() || (oif && oif != m_device))
    {
        return nullptr;
    }
    Ipv6Address src = header.GetSource();
    if (src.IsAny())
    {
        src = m_preferredSource; // RFC 6275 §11.3.1: sessions use the home address
    }
    bool direct = m_direct.count(dst) && m_direct.at(dst).home == src;
    bool bound = m_bindings.count(dst) > 0 && !IsHomeTest(p, header);
    if (src.IsAny() || (!direct && !bound && !LookupSourceTunnel(src)))
    {
        return nullptr;
    }
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(dst);
    route->SetSource(src);
    route->SetGateway(Ipv6Address::GetAny());
    route->SetOutputDevice(m_device);
    sockerr = Socket::ERROR_NOTERROR;
    return route;
}

bool
HostMobilityRouting::TunnelSend(Ptr<Packet> packet, const Address&, const Address&, uint16_t)
{
    Ipv6Header header;
    packet->RemoveHeader(header);
    Ipv6Address src = header.GetSource();
    Ipv6Address dst = header.GetDestination();
    if (auto b = m_bindings.find(dst); b != m_bindings.end())
    {
        // Correspondent: to the care-of address, the home address in a type 2 RH (§9.3.2).
        Type2RoutingHeader rh;
        rh.SetNextHeader(header.GetNextHeader());
        rh.SetHomeAddress(dst);
        packet->AddHeader(rh);
        SendDirect(packet, src, b->second, Type2RoutingHeader::PROT_NUMBER);
        return true;
    }
    if (auto d = m_direct.find(dst); d != m_direct.end() && d->second.home == src)
    {
        // Mobile node: from the care-of address, the home address in a HAO (§11.3.1).
        HomeAddressOptionHeader hao;
        hao.SetNextHeader(header.GetNextHeader());
        hao.SetHomeAddress(src);
        packet->AddHeader(hao);
        SendDirect(packet, d->second.careOf, dst, HomeAddressOptionHeader::PROT_NUMBER);
        return true;
    }
    if (const Tunnel* tunnel = LookupSourceTunnel(src);
        tunnel && !dst.IsMulticast() && !dst.IsLinkLocal())
    {
        m_hostStats.reverseTunnelled++;
        Encapsulate(packet, header, *tunnel);
        return true;
    }
    // The stack's own traffic on this interface (DAD, ND) has nowhere to go.
    m_hostStats.noTreatment++;
    NotifyDrop(packet, header, NO_TREATMENT);
    return true;
}

void
HostMobilityRouting::SendDirect(Ptr<Packet> packet,
                                Ipv6Address src,
                                Ipv6Address dst,
                                uint8_t nextHeader)
{
    m_hostStats.routeOptimised++;
    // Routed again from the top: a care-of address may itself be tunnelled (HMIPv6 RCoA).
    GetIpv6L3()->Send(packet, src, dst, nextHeader, nullptr);
}

} // namespace ns3
