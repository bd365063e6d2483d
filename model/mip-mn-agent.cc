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
            .AddAttribute("DistributedHomeAgents",
                          "Every access router is the home agent of its link (client-based "
                          "DMM): keep one binding per earlier home address.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MipMnAgent::m_distributed),
                          MakeBooleanChecker())
            .AddAttribute("ProxyLocationUpdate",
                          "With DistributedHomeAgents: send the Binding Updates to earlier "
                          "home agents through the current access router, which relays them "
                          "(the proxy LU of 000 §5.1.2); false: directly.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MipMnAgent::m_proxyLu),
                          MakeBooleanChecker())
            .AddAttribute("LocationServers",
                          "Fully distributed DMM (000 §5.2): addresses formed at every router "
                          "are home addresses; the RA's MAP option names the network's "
                          "location server, which tracks the node inside the network, and "
                          "each address's home server points to that network.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MipMnAgent::m_locationServers),
                          MakeBooleanChecker())
            .AddAttribute("Hierarchical",
                          "Use a MAP announced in router advertisements (HMIPv6, RFC 5380).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MipMnAgent::m_hierarchical),
                          MakeBooleanChecker());
    return tid;
}

MipMnAgent::MipMnAgent()
    : m_dadWait(false),
      m_hierarchical(false),
      m_distributed(false),
      m_proxyLu(false),
      m_locationServers(false)
{
}

MipMnAgent::~MipMnAgent()
{
}

void
MipMnAgent::DoDispose()
{
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
    std::vector<HomeNetworkPrefix> prefixes = options.GetPrefixes();
    if (prefixes.empty())
    {
        return;
    }
    Mac48Address mac = Mac48Address::ConvertFrom(GetDevice()->GetAddress());
    Ipv6Address careOf = Ipv6Address::MakeAutoconfiguredAddress(mac, prefixes.front().prefix);
    Ipv6Address map;
    if (m_hierarchical || m_locationServers)
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
    if (m_distributed)
    {
        m_advertisedHa = Ipv6Address();
        for (const auto& address : options.GetRouterAddresses())
        {
            if (prefixes.front().Contains(address.prefix))
            {
                m_advertisedHa = address.prefix; // this router is the link's home agent
            }
        }
    }
    NS_LOG_INFO("new care-of address " << careOf << " from " << router << " MAP " << map);
    m_pendingCareOf = careOf;
    // Scheduled: the stack configures the address from this RA after we see it.
    Simulator::ScheduleNow(&MipMnAgent::WaitForDad, this, careOf, map);
}

bool
MipMnAgent::IsPreferred(Ipv6Address address) const
{
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    Ptr<Ipv6Interface> iface = ipv6->GetInterface(ipv6->GetInterfaceForDevice(GetDevice()));
    for (uint32_t i = 0; i < iface->GetNAddresses(); ++i)
    {
        if (iface->GetAddress(i).GetAddress() == address)
        {
            return iface->GetAddress(i).GetState() == Ipv6InterfaceAddress::PREFERRED;
        }
    }
    return false;
}

void
MipMnAgent::WaitForDad(Ipv6Address careOf, Ipv6Address map)
{
    if (careOf != m_pendingCareOf)
    {
        return; // moved on meanwhile
    }
    if (m_dadWait && !IsPreferred(careOf))
    {
        Simulator::Schedule(m_dadPoll, &MipMnAgent::WaitForDad, this, careOf, map);
        return;
    }
    Move(careOf, map);
}

void
MipMnAgent::Move(Ipv6Address careOf, Ipv6Address map)
{
    if (m_distributed)
    {
        MoveDistributed(careOf);
        return;
    }
    if (m_locationServers)
    {
        MoveLocated(careOf, map);
        return;
    }
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

void
MipMnAgent::MoveDistributed(Ipv6Address careOf)
{
    m_careOf = careOf;
    m_pendingCareOf = Ipv6Address();
    if (!m_homes.count(careOf) && !m_advertisedHa.IsAny())
    {
        m_homes[careOf] = m_advertisedHa; // at home here: flows started here stay native
    }
    if (m_proxyLu)
    {
        m_lu->SetRelay(m_advertisedHa); // this router relays the updates to the others
    }
    m_waiting.clear();
    for (const auto& [home, ha] : m_homes)
    {
        if (home != careOf)
        {
            m_lu->Bind(ha, ClientLocationUpdate::PeerKind::HOME_AGENT, home, careOf);
            m_waiting.insert({ha, home});
        }
        else if (m_lu->HasBinding(ha))
        {
            // Back at that router: its home address is on-link, untunnelled.
            m_mr->RemoveSourceTunnel(HomeNetworkPrefix::Make(home, 128));
            m_lu->Unbind(ha, home);
            m_waiting.insert({ha, home});
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete();
    }
}

bool
MipMnAgent::DistributedOutcome(const LocationUpdate::Outcome& outcome)
{
    if (!m_waiting.erase({outcome.anchor, outcome.prefixes.front().prefix}))
    {
        return true; // a refresh
    }
    for (const auto& [home, ha] : m_homes)
    {
        if (ha != outcome.anchor || !IsBindingAccepted(outcome.status))
        {
            continue;
        }
        auto prefix = HomeNetworkPrefix::Make(home, 128);
        if (outcome.lifetime.IsStrictlyPositive())
        {
            m_mr->SetSourceTunnel(prefix, {m_careOf, ha});
            if (m_peers.insert(ha).second)
            {
                m_tunnel->AddPeer(ha);
            }
        }
        else
        {
            m_mr->RemoveSourceTunnel(prefix);
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete(); // every home agent answered, in parallel
    }
    return true;
}

void
MipMnAgent::MoveLocated(Ipv6Address careOf, Ipv6Address server)
{
    Ipv6Address previous = m_map; // the previous network's location server
    m_careOf = careOf;
    m_pendingCareOf = Ipv6Address();
    m_map = server;
    if (!m_homes.count(careOf) && !server.IsAny())
    {
        m_homes[careOf] = server; // formed here: this network's server is its home server
    }
    m_waiting.clear();
    for (const auto& [home, homeServer] : m_homes)
    {
        if (!previous.IsAny() && previous != server && previous != homeServer &&
            m_lu->HasBinding(previous, home))
        {
            Unregister(previous, home); // the previous network tracks the node no more
        }
        if (home == careOf)
        {
            if (m_lu->HasBinding(homeServer, home))
            {
                Unregister(homeServer, home); // back at its router: routed natively again
            }
            continue;
        }
        bool homeNetwork = homeServer == server;
        // The visited network tracks the node from router to router...
        m_lu->Bind(server,
                   homeNetwork ? ClientLocationUpdate::PeerKind::HOME_AGENT
                               : ClientLocationUpdate::PeerKind::MAP,
                   home,
                   careOf);
        m_waiting.insert({server, home});
        // ...and the home server hears only of a change of network (hierarchical location).
        if (!homeNetwork && (server != previous || !m_lu->HasBinding(homeServer, home)))
        {
            m_lu->Bind(homeServer,
                       ClientLocationUpdate::PeerKind::HOME_AGENT,
                       home,
                       careOf,
                       server);
            m_waiting.insert({homeServer, home});
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete();
    }
}

void
MipMnAgent::Unregister(Ipv6Address server, Ipv6Address home)
{
    m_lu->Unbind(server, m_careOf, home);
    m_waiting.insert({server, home});
}

void
MipMnAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    if (m_distributed && DistributedOutcome(outcome))
    {
        return;
    }
    if (m_locationServers)
    {
        if (m_waiting.erase({outcome.anchor, outcome.prefixes.front().prefix}) && m_waiting.empty())
        {
            NotifyHandoverComplete(); // every server answered, in parallel
        }
        return;
    }
    if (IsBindingAccepted(outcome.status) && outcome.anchor == m_homeAgent && m_careOf == m_home &&
        !outcome.lifetime.IsStrictlyPositive())
    {
        m_mr->RemoveSourceTunnel(HomeNetworkPrefix::Make(m_home, 128)); // de-registered
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
