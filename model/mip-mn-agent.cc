/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mip-mn-agent.h"

#include "ns3/boolean.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/nd-options.h"
#include "ns3/net-device.h"
#include "ns3/rr-initiator.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MipMnAgent");
NS_OBJECT_ENSURE_REGISTERED(MipMnAgent);

TypeId
MipMnAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MipMnAgent")
            .SetParent<MnAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<MipMnAgent>()
            .AddAttribute("DadWait",
                          "Register a new care-of address only after duplicate address "
                          "detection has finished (RFC 4862); false: use it at once, as an "
                          "optimistic address (RFC 4429).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MipMnAgent::m_dadWait),
                          MakeBooleanChecker())
            .AddAttribute("DadPollInterval",
                          "How often the address state is checked while waiting for DAD.",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&MipMnAgent::m_dadPoll),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("Hierarchical",
                          "Use a MAP announced in router advertisements (HMIPv6, RFC 5380).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MipMnAgent::m_hierarchical),
                          MakeBooleanChecker());
    return tid;
}

MipMnAgent::MipMnAgent()
    : m_dadWait(false),
      m_hierarchical(false)
{
}

MipMnAgent::~MipMnAgent()
{
}

void
MipMnAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_lu = nullptr;
    m_mr = nullptr;
    m_tunnel = nullptr;
    m_rr = nullptr;
    MnAgent::DoDispose();
}

void
MipMnAgent::Setup(Ptr<ClientLocationUpdate> lu,
                  Ptr<HostMobilityRouting> mr,
                  Ptr<Ipv6TunnelL4Protocol> tunnel,
                  Ipv6Address home,
                  Ipv6Address homeAgent)
{
    NS_LOG_FUNCTION(this);
    m_lu = lu;
    m_mr = mr;
    m_tunnel = tunnel;
    m_home = home;
    m_homeAgent = homeAgent;
    if (!home.IsAny()) // distributed home agents: home addresses come from the links
    {
        m_mr->AddTunnelAddress(home);
        m_mr->SetPreferredSource(home);
    }
    m_lu->SetOutcomeCallback(MakeCallback(&MipMnAgent::Outcome, this));
}

void
MipMnAgent::SetRouteOptimization(Ptr<RrInitiator> rr)
{
    NS_LOG_FUNCTION(this);
    m_rr = rr;
    if (m_rr)
    {
        m_rr->SetDoneCallback(MakeCallback(&MipMnAgent::RouteOptimized, this));
    }
}

Ipv6Address
MipMnAgent::GetCareOf() const
{
    return m_careOf;
}

Ipv6Address
MipMnAgent::GetRegionalCareOf() const
{
    return m_rcoa;
}

Ipv6Address
MipMnAgent::GetHomeAddress() const
{
    return m_home;
}

void
MipMnAgent::RouterAdvertised(Ipv6Address router, const NdOptions& options)
{
    NS_LOG_FUNCTION(this);
    std::vector<HomeNetworkPrefix> prefixes = options.GetPrefixes();
    if (prefixes.empty())
    {
        return;
    }
    Mac48Address mac = Mac48Address::ConvertFrom(GetDevice()->GetAddress());
    Ipv6Address careOf = Ipv6Address::MakeAutoconfiguredAddress(mac, prefixes.front().prefix);
    Ipv6Address map;
    if (ReadsMapOption())
    {
        for (const auto& option : options.GetMapOptions())
        {
            map = option.address; // RFC 5380 §6.1: first (the ARs announce one MAP)
            break;
        }
    }
    if ((careOf == m_careOf || careOf == m_pendingCareOf) && map == m_map)
    {
        return; // the same link advertised again
    }
    LinkAdvertised(options, prefixes.front());
    NS_LOG_INFO("new care-of address " << careOf << " from " << router << " MAP " << map);
    m_pendingCareOf = careOf;
    // Scheduled: the stack configures the address from this RA after we see it.
    Simulator::ScheduleNow(&MipMnAgent::WaitForDad, this, careOf, map);
}

Ipv6Address
MipMnAgent::HomeAddressForSelection() const
{
    return m_home; // :: for distributed home agents: no fixed home address
}

bool
MipMnAgent::DadDone(Ipv6Address address) const
{
    NS_LOG_FUNCTION(this);
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    Ptr<Ipv6Interface> iface = ipv6->GetInterface(ipv6->GetInterfaceForDevice(GetDevice()));
    for (uint32_t i = 0; i < iface->GetNAddresses(); ++i)
    {
        if (iface->GetAddress(i).GetAddress() == address)
        {
            // A deprecated address (RFC 4862 §5.5.4) has finished DAD as well.
            Ipv6InterfaceAddress::State_e state = iface->GetAddress(i).GetState();
            return state == Ipv6InterfaceAddress::PREFERRED ||
                   state == Ipv6InterfaceAddress::DEPRECATED;
        }
    }
    return false;
}

void
MipMnAgent::WaitForDad(Ipv6Address careOf, Ipv6Address map)
{
    NS_LOG_FUNCTION(this);
    if (careOf != m_pendingCareOf)
    {
        return; // moved on meanwhile
    }
    if (m_dadWait && !DadDone(careOf))
    {
        Simulator::Schedule(m_dadPoll, &MipMnAgent::WaitForDad, this, careOf, map);
        return;
    }
    Move(careOf, map);
}

void
MipMnAgent::Move(Ipv6Address careOf, Ipv6Address map)
{
    NS_LOG_FUNCTION(this);
    m_careOf = careOf;
    m_pendingCareOf = Ipv6Address();
    // Correspondents bind the RCoA under HMIPv6: a move under the same MAP keeps their
    // bindings (RFC 5380 §6); any other move invalidates the direct routes.
    if (m_rr && (map.IsAny() || map != m_map))
    {
        m_rr->Moved();
    }
    if (careOf == m_home)
    {
        // RFC 6275 §11.5.4: back on the home link; the home address is on-link again.
        m_map = Ipv6Address();
        m_rcoa = Ipv6Address();
        // At home the home address is on-link: nothing goes through the tunnel any more,
        // not even the de-registration (its old care-of address is off-link here).
        m_mr->RemoveSourceTunnel(HomeNetworkPrefix::Make(m_home, 128));
        if (m_lu->HasBinding(m_homeAgent))
        {
            HoldOnLinkRoute(m_home); // the home agent defends the home address until the BA
            m_lu->Unbind(m_homeAgent, m_home);
        }
        else
        {
            NotifyHandoverComplete(); // never registered away: nothing to undo
        }
        return;
    }
    if (!map.IsAny())
    {
        if (map != m_map)
        {
            // RFC 5380 §6.1: the RCoA comes from the MAP's prefix.
            Mac48Address mac = Mac48Address::ConvertFrom(GetDevice()->GetAddress());
            m_rcoa = Ipv6Address::MakeAutoconfiguredAddress(mac, map.CombinePrefix(Ipv6Prefix(64)));
            m_mr->AddTunnelAddress(m_rcoa);
            m_map = map;
        }
        m_lu->Bind(m_map, ClientLocationUpdate::PeerKind::MAP, m_rcoa, careOf);
        return;
    }
    m_map = Ipv6Address();
    m_rcoa = Ipv6Address();
    m_lu->Bind(m_homeAgent, ClientLocationUpdate::PeerKind::HOME_AGENT, m_home, careOf);
}

bool
MipMnAgent::ReadsMapOption() const
{
    return m_hierarchical;
}

void
MipMnAgent::LinkAdvertised(const NdOptions&, const HomeNetworkPrefix&)
{
}

void
MipMnAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    NS_LOG_FUNCTION(this);
    if (IsBindingAccepted(outcome.status) && outcome.anchor == m_homeAgent && m_careOf == m_home &&
        !outcome.lifetime.IsStrictlyPositive())
    {
        m_mr->RemoveSourceTunnel(HomeNetworkPrefix::Make(m_home, 128)); // de-registered
        ReleaseOnLinkRoute(m_home);
        NotifyHandoverComplete();
        return;
    }
    if (!IsBindingAccepted(outcome.status) || !outcome.lifetime.IsStrictlyPositive())
    {
        NS_LOG_WARN("binding with " << outcome.anchor << " failed: " << outcome.status
                                    << (outcome.timedOut ? " (timed out)" : ""));
        return;
    }
    if (m_rr && m_rr->IsCorrespondent(outcome.anchor))
    {
        m_rr->BindingAcknowledged(outcome.anchor);
        return;
    }
    if (!m_map.IsAny() && outcome.anchor == m_map)
    {
        m_mr->SetSourceTunnel(HomeNetworkPrefix::Make(m_rcoa, 128), {m_careOf, m_map});
        if (m_peers.insert(m_map).second)
        {
            m_tunnel->AddPeer(m_map);
        }
        const auto* home = m_mr->LookupSourceTunnel(m_home);
        if (!home || home->local != m_rcoa)
        {
            // A new MAP: the home agent learns the new RCoA (sent through the MAP).
            m_lu->Bind(m_homeAgent, ClientLocationUpdate::PeerKind::HOME_AGENT, m_home, m_rcoa);
            return;
        }
    }
    else if (outcome.anchor == m_homeAgent)
    {
        Ipv6Address careOf = m_rcoa.IsAny() ? m_careOf : m_rcoa;
        m_mr->SetSourceTunnel(HomeNetworkPrefix::Make(m_home, 128), {careOf, m_homeAgent});
        if (m_peers.insert(m_homeAgent).second)
        {
            m_tunnel->AddPeer(m_homeAgent);
        }
    }
    else
    {
        return;
    }
    if (m_rr && m_rr->Start(m_home, m_rcoa.IsAny() ? m_careOf : m_rcoa))
    {
        return; // complete when every correspondent has acknowledged
    }
    NotifyHandoverComplete();
}

void
MipMnAgent::RouteOptimized()
{
    NotifyHandoverComplete();
}

} // namespace ns3
