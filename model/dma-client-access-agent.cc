/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dma-client-access-agent.h"

#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/mobility-routing.h"
#include "ns3/simulator.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmaClientAccessAgent");
NS_OBJECT_ENSURE_REGISTERED(DmaClientAccessAgent);

namespace
{

/// The allocation's identifier of a node: its link-layer address (no policy store in DMA).
std::string
NodeId(Mac48Address mac)
{
    std::ostringstream id;
    id << mac;
    return id.str();
}

} // namespace

TypeId
DmaClientAccessAgent::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DmaClientAccessAgent")
                            .SetParent<AccessRouterAgent>()
                            .SetGroupName("Dmm")
                            .AddConstructor<DmaClientAccessAgent>();
    return tid;
}

DmaClientAccessAgent::DmaClientAccessAgent() = default;

DmaClientAccessAgent::~DmaClientAccessAgent() = default;

void
DmaClientAccessAgent::DoDispose()
{
    for (auto& [prefix, visitor] : m_visitors)
    {
        visitor.release.Cancel();
    }
    m_visitors.clear();
    m_haa = nullptr;
    m_mr = nullptr;
    AccessRouterAgent::DoDispose();
}

void
DmaClientAccessAgent::Setup(Ptr<HomeAddressAllocation> haa,
                            Ptr<MobilityRouting> mr,
                            Ptr<LocationManagement> lm)
{
    m_haa = haa;
    m_mr = mr;
    lm->TraceConnectWithoutContext("BindingUpdated",
                                   MakeCallback(&DmaClientAccessAgent::BindingUpdated, this));
    lm->TraceConnectWithoutContext("BindingRemoved",
                                   MakeCallback(&DmaClientAccessAgent::BindingRemoved, this));
}

DmaClientAccessAgent::Visitors::iterator
DmaClientAccessAgent::FindVisitor(Ipv6Address a)
{
    // The prefixes are disjoint: only the greatest one not above the address can hold it.
    auto it = m_visitors.upper_bound(HomeNetworkPrefix::Make(a, 128));
    if (it == m_visitors.begin())
    {
        return m_visitors.end();
    }
    --it;
    return it->first.Contains(a) ? it : m_visitors.end();
}

DmaClientAccessAgent::Visitors::iterator
DmaClientAccessAgent::VisitorOf(Mac48Address mac)
{
    std::optional<HomeNetworkPrefix> prefix = GetPrefixOf(mac);
    return prefix ? m_visitors.find(*prefix) : m_visitors.end();
}

void
DmaClientAccessAgent::BindingUpdated(const BindingCacheEntry& entry, Ipv6Address)
{
    NS_LOG_FUNCTION(this << entry.careOf);
    if (!entry.lifetime.IsStrictlyPositive())
    {
        return; // a de-registration: BindingRemoved ends it
    }
    for (const auto& home : entry.prefixes)
    {
        auto it = FindVisitor(home.prefix);
        if (it != m_visitors.end() && !it->first.Contains(entry.careOf))
        {
            // RFC 6275 §10.4.1: once the node registers a care-of address elsewhere, the
            // home agent intercepts its home address; the native route would outrank it.
            StopNativeRoute(it);
            it->second.bound = true;
            it->second.release.Cancel();
        }
    }
}

void
DmaClientAccessAgent::BindingRemoved(const BindingCacheEntry& entry,
                                     LocationManagement::RemovalCause)
{
    NS_LOG_FUNCTION(this << entry.careOf);
    for (const auto& home : entry.prefixes)
    {
        auto it = FindVisitor(home.prefix);
        if (it != m_visitors.end() && it->second.bound)
        {
            it->second.bound = false;
            if (!IsOnLink(it->second.mac))
            {
                ScheduleRelease(it); // the node stops refreshing the address (DmaClientMnAgent)
            }
        }
    }
}

void
DmaClientAccessAgent::DoNotifyArrival(Mac48Address mac, Ipv6Address previous)
{
    if (auto it = VisitorOf(mac); it != m_visitors.end())
    {
        it->second.release.Cancel();
    }
    AccessRouterAgent::DoNotifyArrival(mac, previous);
}

void
DmaClientAccessAgent::DoNotifyDetached(Mac48Address mac)
{
    if (auto it = VisitorOf(mac); it != m_visitors.end() && !it->second.bound)
    {
        ScheduleRelease(it); // its RAs stopped now: the address ends a lifetime later
    }
    AccessRouterAgent::DoNotifyDetached(mac);
}

void
DmaClientAccessAgent::ScheduleRelease(Visitors::iterator it)
{
    if (!RefreshesPrefixes())
    {
        return; // no lifetime: the node keeps its address for ever, so does the router
    }
    it->second.release.Cancel();
    it->second.release = Simulator::Schedule(AdvertisedValidLifetime(),
                                             &DmaClientAccessAgent::ReleaseIfGone,
                                             this,
                                             it->first);
}

void
DmaClientAccessAgent::ReleaseIfGone(HomeNetworkPrefix prefix)
{
    NS_LOG_FUNCTION(this << prefix);
    auto it = m_visitors.find(prefix);
    if (it == m_visitors.end() || IsOnLink(it->second.mac) || it->second.bound)
    {
        return;
    }
    StopNativeRoute(it);
    m_haa->Release(NodeId(it->second.mac));
    m_stats.releasedPrefixes++;
    m_visitors.erase(it);
}

std::optional<HomeNetworkPrefix>
DmaClientAccessAgent::GetPrefixOf(Mac48Address mac) const
{
    return m_haa ? m_haa->Lookup(NodeId(mac)) : std::nullopt;
}

const DmaClientAccessAgent::Stats&
DmaClientAccessAgent::GetStats() const
{
    return m_stats;
}

void
DmaClientAccessAgent::HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac)
{
    NS_LOG_FUNCTION(this << interface << peer << mac);
    Simulator::Schedule(m_processingDelay,
                        &DmaClientAccessAgent::Advertise,
                        this,
                        interface,
                        peer,
                        mac);
}

void
DmaClientAccessAgent::Advertise(uint32_t interface, Ipv6Address peer, Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    std::string id = NodeId(mac);
    std::optional<HomeNetworkPrefix> prefix = m_haa->Lookup(id);
    if (!prefix)
    {
        prefix = m_haa->Allocate(id);
        if (!prefix)
        {
            m_stats.poolExhausted++;
            return;
        }
        m_stats.advertisedPrefixes++;
    }
    auto [visitor, added] = m_visitors.try_emplace(*prefix);
    visitor->second.mac = mac;
    if (added && !IsOnLink(mac))
    {
        ScheduleRelease(visitor); // it left while its solicitation was processed
    }
    // Native on the access link: the node's own prefix, wherever its link-local address is.
    RouteNatively(visitor, interface, peer);
    std::vector<AdvertisedPrefix> prefixes;
    if (!GetRouterAddress().IsAny())
    {
        // RFC 6275 §7.2: names the home agent; no L or A flag, so no address on that prefix.
        AdvertisedPrefix router{GetOnLinkPrefix(interface),
                                AdvertisedValidLifetime(),
                                AdvertisedPreferredLifetime()};
        router.autonomous = false;
        prefixes.push_back(router);
    }
    prefixes.push_back({*prefix, AdvertisedValidLifetime(), AdvertisedPreferredLifetime()});
    SendAdvertisement(interface, peer, prefixes); // the node's own prefix first in the RA
    // The node keeps the address for its bindings elsewhere itself (DmaClientMnAgent).
    ScheduleReadvertisement(mac,
                            [this, interface, peer, mac]() { Advertise(interface, peer, mac); });
}

Ptr<Ipv6StaticRouting>
DmaClientAccessAgent::GetStaticRouting() const
{
    Ptr<Ipv6RoutingProtocol> routing = GetIpv6()->GetRoutingProtocol();
    if (Ptr<Ipv6ListRouting> list = DynamicCast<Ipv6ListRouting>(routing))
    {
        for (uint32_t i = 0; i < list->GetNRoutingProtocols(); ++i)
        {
            int16_t priority;
            if (auto s = DynamicCast<Ipv6StaticRouting>(list->GetRoutingProtocol(i, priority)))
            {
                return s;
            }
        }
    }
    return DynamicCast<Ipv6StaticRouting>(routing);
}

void
DmaClientAccessAgent::RouteNatively(Visitors::iterator it, uint32_t interface, Ipv6Address peer)
{
    const HomeNetworkPrefix& prefix = it->first;
    m_mr->SetAccessRoute(prefix, interface, peer);
    if (it->second.routed)
    {
        return;
    }
    it->second.routed = true;
    it->second.accessIf = interface;
    GetStaticRouting()->AddNetworkRouteTo(prefix.prefix,
                                          Ipv6Prefix(prefix.length),
                                          peer,
                                          interface);
}

void
DmaClientAccessAgent::StopNativeRoute(Visitors::iterator it)
{
    if (!it->second.routed)
    {
        return;
    }
    const HomeNetworkPrefix& prefix = it->first;
    m_mr->RemoveAccessRoute(prefix);
    GetStaticRouting()->RemoveRoute(prefix.prefix,
                                    Ipv6Prefix(prefix.length),
                                    it->second.accessIf,
                                    Ipv6Address::GetAny());
    it->second.routed = false;
}

} // namespace ns3
