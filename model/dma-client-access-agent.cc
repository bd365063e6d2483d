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

#include <algorithm>
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
}

void
DmaClientAccessAgent::BindingUpdated(const BindingCacheEntry& entry, Ipv6Address)
{
    NS_LOG_FUNCTION(this << entry.careOf);
    // RFC 6275 §10.4.1: once the node registers a care-of address elsewhere, the home
    // agent intercepts its home address; the native route would outrank the binding.
    for (const auto& home : entry.prefixes)
    {
        auto it = std::find_if(m_routed.begin(), m_routed.end(), [&](const auto& routed) {
            return routed.first.Contains(home.prefix) && !routed.first.Contains(entry.careOf);
        });
        if (it != m_routed.end() && entry.lifetime.IsStrictlyPositive())
        {
            StopNativeRoute(it->first);
        }
    }
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
    // Native on the access link: the node's own prefix, wherever its link-local address is.
    RouteNatively(*prefix, interface, peer);
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
DmaClientAccessAgent::RouteNatively(const HomeNetworkPrefix& prefix,
                                    uint32_t interface,
                                    Ipv6Address peer)
{
    m_mr->SetAccessRoute(prefix, interface, peer);
    for (const auto& [routed, ifIndex] : m_routed)
    {
        if (routed == prefix)
        {
            return;
        }
    }
    m_routed.emplace_back(prefix, interface);
    GetStaticRouting()->AddNetworkRouteTo(prefix.prefix,
                                          Ipv6Prefix(prefix.length),
                                          peer,
                                          interface);
}

void
DmaClientAccessAgent::StopNativeRoute(const HomeNetworkPrefix& prefix)
{
    m_mr->RemoveAccessRoute(prefix);
    for (auto it = m_routed.begin(); it != m_routed.end(); ++it)
    {
        if (it->first == prefix)
        {
            GetStaticRouting()->RemoveRoute(prefix.prefix,
                                            Ipv6Prefix(prefix.length),
                                            it->second,
                                            Ipv6Address::GetAny());
            m_routed.erase(it);
            return;
        }
    }
}

} // namespace ns3
