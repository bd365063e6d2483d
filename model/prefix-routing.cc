/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "prefix-routing.h"

#include "ns3/ipv6-route.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/output-stream-wrapper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6PrefixRouting");
NS_OBJECT_ENSURE_REGISTERED(Ipv6PrefixRouting);

TypeId
Ipv6PrefixRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ipv6PrefixRouting")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("Dmm")
                            .AddConstructor<Ipv6PrefixRouting>();
    return tid;
}

Ipv6PrefixRouting::Ipv6PrefixRouting() = default;
Ipv6PrefixRouting::~Ipv6PrefixRouting() = default;

void
Ipv6PrefixRouting::AddRoute(const HomeNetworkPrefix& prefix,
                            Ipv6Address gateway,
                            uint32_t interface)
{
    NS_LOG_FUNCTION(this << prefix.prefix << +prefix.length << gateway << interface);
    Ipv6Address network = prefix.prefix.CombinePrefix(Ipv6Prefix(prefix.length));
    m_routes.Set(prefix, {network, gateway, interface});
}

bool
Ipv6PrefixRouting::RemoveRoute(const HomeNetworkPrefix& prefix)
{
    return m_routes.Erase(prefix);
}

std::size_t
Ipv6PrefixRouting::GetNRoutes() const
{
    return m_routes.GetSize();
}

const Ipv6PrefixRouting::Stats&
Ipv6PrefixRouting::GetStats() const
{
    return m_stats;
}

Ptr<Ipv6Route>
Ipv6PrefixRouting::Lookup(Ipv6Address dst, Ptr<const NetDevice> oif, bool withSource) const
{
    // With an output device given, a shorter route through it beats a longer one
    // elsewhere, as in Ipv6StaticRouting::LookupStatic.
    const NextHop* hop = m_routes.Lookup(dst, [this, oif](const NextHop& h) {
        return !oif || m_ipv6->GetNetDevice(h.interface) == oif;
    });
    if (!hop)
    {
        return nullptr;
    }
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    if (withSource)
    {
        // The same source address static routing selects for an entry like this one.
        route->SetSource(
            m_ipv6->SourceAddressSelection(hop->interface,
                                           hop->gateway.IsAny() ? hop->network : hop->gateway));
    }
    route->SetDestination(hop->network);
    route->SetGateway(hop->gateway);
    route->SetOutputDevice(m_ipv6->GetNetDevice(hop->interface));
    return route;
}

Ptr<Ipv6Route>
Ipv6PrefixRouting::RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr)
{
    Ipv6Address dst = header.GetDestination();
    Ptr<Ipv6Route> route = dst.IsMulticast() ? nullptr : Lookup(dst, oif, true);
    sockerr = route ? Socket::ERROR_NOTERROR : Socket::ERROR_NOROUTETOHOST;
    ++(route ? m_stats.originated : m_stats.noRoute);
    return route;
}

bool
Ipv6PrefixRouting::RouteInput(Ptr<const Packet> p,
                              const Ipv6Header& header,
                              Ptr<const NetDevice> idev,
                              UnicastForwardCallback ucb,
                              MulticastForwardCallback mcb,
                              LocalDeliverCallback lcb,
                              ErrorCallback ecb)
{
    if (header.GetDestination().IsMulticast())
    {
        return false; // multicast routes stay with static routing
    }
    if (!m_ipv6->IsForwarding(m_ipv6->GetInterfaceForDevice(idev)))
    {
        if (!ecb.IsNull())
        {
            ecb(p, header, Socket::ERROR_NOROUTETOHOST);
        }
        return true;
    }
    // Ipv6L3Protocol::IpForward reads the device and the gateway, never the source: the
    // source address selection (a scan of the interface's addresses) is left out.
    Ptr<Ipv6Route> route = Lookup(header.GetDestination(), nullptr, false);
    if (!route)
    {
        ++m_stats.noRoute;
        return false; // let the next protocol try
    }
    ++m_stats.forwarded;
    ucb(idev, route, p, header);
    return true;
}

// Connected routes and routes from the stack (ICMPv6 redirects, router advertisements)
// stay with the static routing below which this protocol sits.
void
Ipv6PrefixRouting::NotifyInterfaceUp(uint32_t)
{
}

void
Ipv6PrefixRouting::NotifyInterfaceDown(uint32_t)
{
}

void
Ipv6PrefixRouting::NotifyAddAddress(uint32_t, Ipv6InterfaceAddress)
{
}

void
Ipv6PrefixRouting::NotifyRemoveAddress(uint32_t, Ipv6InterfaceAddress)
{
}

void
Ipv6PrefixRouting::NotifyAddRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
Ipv6PrefixRouting::NotifyRemoveRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
Ipv6PrefixRouting::SetIpv6(Ptr<Ipv6> ipv6)
{
    m_ipv6 = ipv6;
}

void
Ipv6PrefixRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit) const
{
    std::ostream& os = *stream->GetStream();
    os << "Ipv6PrefixRouting: " << m_routes.GetSize() << " routes\n";
    for (const auto& [prefix, hop] : m_routes.GetEntries())
    {
        os << prefix.prefix << "/" << +prefix.length << " via " << hop.gateway << " if "
           << hop.interface << "\n";
    }
}

void
Ipv6PrefixRouting::DoDispose()
{
    m_ipv6 = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

} // namespace ns3
