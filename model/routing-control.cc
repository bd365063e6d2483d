/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "routing-control.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-routing.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RoutingControl");
NS_OBJECT_ENSURE_REGISTERED(RoutingControl);

TypeId
RoutingControl::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RoutingControl")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<RoutingControl>()
            .AddAttribute("ReverseTunnel",
                          "Send the uplink of an attached node's prefix anchored elsewhere "
                          "through the reverse tunnel to its anchor (RFC 5213 §6.10.5); false "
                          "routes it directly from this access router, as seed 003 §3.1 "
                          "allows where ingress filtering permits (downlink still comes "
                          "through the anchor).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&RoutingControl::m_reverseTunnel),
                          MakeBooleanChecker())
            .AddTraceSource("Installed",
                            "Forwarding of a prefix through a tunnel was installed.",
                            MakeTraceSourceAccessor(&RoutingControl::m_installTrace),
                            "ns3::RoutingControl::ForwardingTracedCallback")
            .AddTraceSource("Removed",
                            "Forwarding of a prefix through a tunnel was removed.",
                            MakeTraceSourceAccessor(&RoutingControl::m_removeTrace),
                            "ns3::RoutingControl::ForwardingTracedCallback");
    return tid;
}

RoutingControl::RoutingControl()
{
}

RoutingControl::~RoutingControl()
{
}

void
RoutingControl::DoDispose()
{
    m_mr = nullptr;
    m_tunnel = nullptr;
    Object::DoDispose();
}

void
RoutingControl::Setup(Ptr<MobilityRouting> mr, Ptr<Ipv6TunnelL4Protocol> tunnel, Ipv6Address local)
{
    m_mr = mr;
    m_tunnel = tunnel;
    m_local = local;
}

void
RoutingControl::Follow(Ptr<LocationManagement> lm)
{
    lm->TraceConnectWithoutContext("BindingUpdated",
                                   MakeCallback(&RoutingControl::BindingUpdated, this));
    lm->TraceConnectWithoutContext("BindingRemoved",
                                   MakeCallback(&RoutingControl::BindingRemoved, this));
}

void
RoutingControl::Withdraw(const BindingCacheEntry& entry, Ipv6Address careOf)
{
    for (const auto& hnp : entry.prefixes)
    {
        m_mr->RemoveDestinationTunnel(hnp);
        m_removeTrace(hnp, careOf);
    }
    m_tunnel->RemovePeer(careOf);
    m_installed.erase(entry.mnId);
}

void
RoutingControl::BindingUpdated(const BindingCacheEntry& entry, Ipv6Address previousCareOf)
{
    NS_LOG_FUNCTION(this << entry.mnId << entry.careOf << previousCareOf);
    auto it = m_installed.find(entry.mnId);
    if (it != m_installed.end())
    {
        Withdraw(entry, it->second);
    }
    if (entry.state != BindingCacheEntry::State::ACTIVE)
    {
        return; // de-registering: drop the node's traffic until re-registration or deletion
    }
    for (const auto& hnp : entry.prefixes)
    {
        m_mr->SetDestinationTunnel(hnp, {m_local, entry.careOf});
        m_installTrace(hnp, entry.careOf);
    }
    m_tunnel->AddPeer(entry.careOf);
    m_installed[entry.mnId] = entry.careOf;
}

void
RoutingControl::BindingRemoved(const BindingCacheEntry& entry,
                               LocationManagement::RemovalCause cause)
{
    NS_LOG_FUNCTION(this << entry.mnId << cause);
    auto it = m_installed.find(entry.mnId);
    if (it != m_installed.end())
    {
        Withdraw(entry, it->second);
    }
}

void
RoutingControl::AddAttachedNode(const std::vector<HomeNetworkPrefix>& prefixes,
                                uint32_t interface,
                                Ipv6Address linkLocal,
                                Ipv6Address anchor)
{
    for (const auto& hnp : prefixes)
    {
        m_mr->SetAccessRoute(hnp, interface, linkLocal); // also passes the ingress filter
        if (m_reverseTunnel)
        {
            m_mr->SetSourceTunnel(hnp, {m_local, anchor});
        }
        m_installTrace(hnp, anchor);
    }
    m_tunnel->AddPeer(anchor);
}

void
RoutingControl::RemoveAttachedNode(const std::vector<HomeNetworkPrefix>& prefixes,
                                   Ipv6Address anchor)
{
    for (const auto& hnp : prefixes)
    {
        m_mr->RemoveAccessRoute(hnp);
        m_mr->RemoveSourceTunnel(hnp);
        m_removeTrace(hnp, anchor);
    }
    m_tunnel->RemovePeer(anchor);
}

} // namespace ns3
