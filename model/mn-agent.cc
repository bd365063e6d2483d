/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mn-agent.h"

#include "ns3/boolean.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/ipv6-routing-table-entry.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/source-address-selection.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MnAgent");
NS_OBJECT_ENSURE_REGISTERED(MnAgent);

TypeId
MnAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MnAgent")
            .SetParent<DmmAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<MnAgent>()
            .AddAttribute("ListSessions",
                          "List the node's ongoing mobility sessions (prefix and anchor) in "
                          "Mobility Session options of its router solicitations, for MARs "
                          "that learn them from the node (seed 003 §3.3, way 1).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MnAgent::m_listSessions),
                          MakeBooleanChecker())
            .AddAttribute("SessionIdle",
                          "With ListSessions: a prefix is listed only if one of its "
                          "packets was sent or received within this time (the MARs' "
                          "IdleRelease: the network releases it otherwise). 0 lists every "
                          "prefix the node still holds.",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&MnAgent::m_sessionIdle),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("RouterSolicitation",
                            "A router solicitation was sent (argument: source address).",
                            MakeTraceSourceAccessor(&MnAgent::m_rsTrace),
                            "ns3::Ipv6Address::TracedCallback")
            .AddTraceSource("RouterAdvertisement",
                            "A router advertisement was received.",
                            MakeTraceSourceAccessor(&MnAgent::m_raTrace),
                            "ns3::MnAgent::RaTracedCallback")
            .AddTraceSource("HandoverComplete",
                            "The node can send and receive again on every address it keeps "
                            "(the end of the handover latency).",
                            MakeTraceSourceAccessor(&MnAgent::m_completeTrace),
                            "ns3::TracedCallback::Void");
    return tid;
}

MnAgent::MnAgent()
    : m_selection(CreateObject<SourceAddressSelection>()),
      m_lastRs(Seconds(-1)),
      m_listSessions(false)
{
}

MnAgent::~MnAgent()
{
}

void
MnAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_onLinkCheck.Cancel();
    m_device = nullptr;
    m_socket = nullptr;
    m_selection->Dispose();
    DmmAgent::DoDispose();
}

void
MnAgent::SetDevice(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this);
    m_device = device;
    // Registered once, here: NetDevice offers no way to remove a link-change callback.
    m_device->AddLinkChangeCallback(MakeCallback(&MnAgent::LinkChanged, this));
}

void
MnAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    DmmAgent::StartApplication();
    m_socket = Socket::CreateSocket(GetNode(), Ipv6RawSocketFactory::GetTypeId());
    m_socket->SetAttribute("Protocol", UintegerValue(Icmpv6L4Protocol::PROT_NUMBER));
    m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 0));
    m_socket->SetRecvCallback(MakeCallback(&MnAgent::HandleRead, this));
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    m_selection->SetInterface(ipv6->GetInterface(Interface()));
    if (m_listSessions)
    {
        // Only then: this is the node's per-packet path.
        ipv6->TraceConnectWithoutContext("SendOutgoing", MakeCallback(&MnAgent::Used, this));
        ipv6->TraceConnectWithoutContext("LocalDeliver", MakeCallback(&MnAgent::Used, this));
    }
}

void
MnAgent::StopApplication()
{
    NS_LOG_FUNCTION(this);
    DmmAgent::StopApplication();
    if (m_socket)
    {
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
MnAgent::LinkChanged()
{
    NS_LOG_FUNCTION(this);
    // A device may raise link up more than once per attachment; one solicitation is enough.
    if (!m_running || !m_device->IsLinkUp() || m_lastRs == Simulator::Now())
    {
        return;
    }
    m_lastRs = Simulator::Now();
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    int32_t interface = ipv6->GetInterfaceForDevice(m_device);
    Ipv6Address linkLocal = ipv6->GetInterface(interface)->GetLinkLocalAddress().GetAddress();
    m_rsTrace(linkLocal);
    auto sessions = GetOngoingSessions();
    if (!sessions.empty())
    {
        SendSolicitation(linkLocal, sessions);
        return;
    }
    GetNode()->GetObject<Icmpv6L4Protocol>()->SendRS(linkLocal,
                                                     Ipv6Address::GetAllRoutersMulticast(),
                                                     m_device->GetAddress());
}

void
MnAgent::SendSolicitation(Ipv6Address linkLocal,
                          const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>& sessions)
{
    NS_LOG_FUNCTION(this);
    // After the source link-layer address: ns-3 stops reading options at one it does not know.
    std::vector<uint8_t> tail;
    for (const auto& [prefix, anchor] : sessions)
    {
        auto option = NdOptions::BuildMobilitySession({prefix, anchor});
        tail.insert(tail.end(), option.begin(), option.end());
    }
    Ptr<Packet> p = Create<Packet>(tail.data(), tail.size());
    p->AddHeader(Icmpv6OptionLinkLayerAddress(true, m_device->GetAddress()));
    Icmpv6RS rs;
    Ipv6Address dst = Ipv6Address::GetAllRoutersMulticast();
    rs.CalculatePseudoHeaderChecksum(linkLocal,
                                     dst,
                                     p->GetSize() + rs.GetSerializedSize(),
                                     Icmpv6L4Protocol::PROT_NUMBER);
    p->AddHeader(rs);
    // Sent at once, without ns-3's retransmission timer (SendRS builds its own packet).
    GetNode()->GetObject<Icmpv6L4Protocol>()->SendMessage(p, linkLocal, dst, 255);
}

void
MnAgent::SolicitFor(const HomeNetworkPrefix& prefix)
{
    NS_LOG_FUNCTION(this << prefix);
    auto known = m_anchors.find(prefix);
    Ipv6Address anchor = known == m_anchors.end() ? Ipv6Address::GetAny() : known->second;
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    int32_t interface = ipv6->GetInterfaceForDevice(m_device);
    Ipv6Address linkLocal = ipv6->GetInterface(interface)->GetLinkLocalAddress().GetAddress();
    m_rsTrace(linkLocal);
    SendSolicitation(linkLocal, {{prefix, anchor}});
}

void
MnAgent::AddSession(const HomeNetworkPrefix& prefix, Ipv6Address anchor)
{
    m_anchors.emplace(prefix, anchor);
}

std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>
MnAgent::GetOngoingSessions() const
{
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> out;
    if (!m_listSessions)
    {
        return out;
    }
    for (const auto& [prefix, anchor] : m_anchors)
    {
        auto used = m_lastUse.find(prefix);
        bool live = m_sessionIdle.IsZero() ||
                    (used != m_lastUse.end() && Simulator::Now() - used->second < m_sessionIdle);
        if (live && Holds(prefix))
        {
            out.emplace_back(prefix, anchor);
        }
    }
    return out;
}

void
MnAgent::Used(const Ipv6Header& header, Ptr<const Packet>, uint32_t)
{
    for (const auto& [prefix, anchor] : m_anchors)
    {
        if (prefix.Contains(header.GetSource()) || prefix.Contains(header.GetDestination()))
        {
            m_lastUse[prefix] = Simulator::Now();
        }
    }
}

bool
MnAgent::Holds(const HomeNetworkPrefix& prefix) const
{
    Ptr<Ipv6Interface> iface = GetNode()->GetObject<Ipv6L3Protocol>()->GetInterface(Interface());
    for (uint32_t i = 0; i < iface->GetNAddresses(); ++i)
    {
        if (prefix.Contains(iface->GetAddress(i).GetAddress()))
        {
            return true;
        }
    }
    return false;
}

Ptr<Ipv6StaticRouting>
MnAgent::StaticRouting() const
{
    return Ipv6StaticRoutingHelper().GetStaticRouting(GetNode()->GetObject<Ipv6>());
}

uint32_t
MnAgent::Interface() const
{
    return GetNode()->GetObject<Ipv6L3Protocol>()->GetInterfaceForDevice(m_device);
}

void
MnAgent::NotifyDetached()
{
    NS_LOG_FUNCTION(this);
    m_selection->Detached();
    m_onLink.clear();
    m_heldOnLink.clear();
    m_onLinkCheck.Cancel();
    Ptr<Ipv6StaticRouting> routing = StaticRouting();
    if (!routing)
    {
        return;
    }
    for (uint32_t i = routing->GetNRoutes(); i-- > 0;)
    {
        Ipv6RoutingTableEntry route = routing->GetRoute(i);
        // The old router is gone, and so is its link: a prefix learnt there is no longer
        // on-link (a node that moves would otherwise look for its old router's
        // addresses, e.g. a home agent, on the new link).
        bool onLink = route.IsNetwork() && route.GetGateway().IsAny() &&
                      !route.GetDest().IsLinkLocal() && !route.GetDest().IsAny();
        if ((route.IsDefault() || onLink) && route.GetInterface() == Interface())
        {
            routing->RemoveRoute(i);
        }
    }
}

void
MnAgent::HoldOnLinkRoute(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_heldOnLink.insert(address);
    UpdateOnLinkRoutes();
}

void
MnAgent::ReleaseOnLinkRoute(Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    if (m_heldOnLink.erase(address))
    {
        UpdateOnLinkRoutes();
    }
}

bool
MnAgent::MayResolveIn(const HomeNetworkPrefix& prefix, bool& dadPending) const
{
    Ptr<Ipv6Interface> iface = GetNode()->GetObject<Ipv6L3Protocol>()->GetInterface(Interface());
    for (uint32_t i = 0; i < iface->GetNAddresses(); ++i)
    {
        Ipv6InterfaceAddress a = iface->GetAddress(i);
        if (!prefix.Contains(a.GetAddress()))
        {
            continue;
        }
        // RFC 4429 §3.3: no address resolution from an optimistic address; RFC 6275
        // §11.5.4: none from a home address its home agent still defends.
        if (a.GetState() == Ipv6InterfaceAddress::TENTATIVE ||
            a.GetState() == Ipv6InterfaceAddress::TENTATIVE_OPTIMISTIC)
        {
            dadPending = true;
            return false;
        }
        if (m_heldOnLink.count(a.GetAddress()))
        {
            return false;
        }
    }
    return true;
}

void
MnAgent::UpdateOnLinkRoutes()
{
    NS_LOG_FUNCTION(this);
    Ptr<Ipv6StaticRouting> routing = StaticRouting();
    if (!routing || !m_device->IsLinkUp())
    {
        return;
    }
    bool dadPending = false;
    for (const auto& prefix : m_onLink)
    {
        bool allowed = MayResolveIn(prefix, dadPending);
        bool present = false;
        for (uint32_t i = routing->GetNRoutes(); i-- > 0;)
        {
            Ipv6RoutingTableEntry route = routing->GetRoute(i);
            // ns-3 keeps the RA's prefix field as the destination: with the R flag, the
            // router's full address.
            if (route.IsNetwork() && route.GetGateway().IsAny() &&
                prefix.Contains(route.GetDestNetwork()) &&
                route.GetDestNetworkPrefix() == Ipv6Prefix(prefix.length) &&
                route.GetInterface() == Interface())
            {
                present = true;
                if (!allowed)
                {
                    // Off-link meanwhile: its neighbours are reached through the router,
                    // whose link-layer address the RA carried (RFC 4429 §3.3).
                    routing->RemoveRoute(i);
                }
            }
        }
        if (allowed && !present)
        {
            // RFC 4861 §6.3.4: the L flag puts the prefix (back) on-link; ns-3 adds the
            // route only with a new address, not when the node returns to a link.
            routing->AddNetworkRouteTo(prefix.prefix, Ipv6Prefix(prefix.length), Interface());
        }
    }
    if (dadPending && !m_onLinkCheck.IsRunning())
    {
        Ptr<Icmpv6L4Protocol> icmpv6 = GetNode()->GetObject<Icmpv6L4Protocol>();
        Time dad = icmpv6->IsAlwaysDad() ? compat::DadTimeout(icmpv6) : Time(0);
        m_onLinkCheck = Simulator::Schedule(dad, &MnAgent::UpdateOnLinkRoutes, this);
    }
}

void
MnAgent::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Ptr<Packet> p;
    while ((p = socket->Recv()))
    {
        Ipv6Header ip;
        if (p->GetSize() < ip.GetSerializedSize() + 16)
        {
            continue;
        }
        p->RemoveHeader(ip);
        uint8_t type = 0;
        p->CopyData(&type, 1);
        if (type != Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT)
        {
            continue;
        }
        std::optional<NdOptions> options = NdOptions::Parse(p, 16); // RA body: 16 bytes
        if (!options || ip.GetHopLimit() != 255 || !ip.GetSource().IsLinkLocal())
        {
            continue; // RFC 4861 §6.1.2: discarded silently
        }
        m_raTrace(ip.GetSource(), options->GetPrefixes());
        for (const auto& prefix : options->GetOnLinkPrefixes())
        {
            if (std::find(m_onLink.begin(), m_onLink.end(), prefix) == m_onLink.end())
            {
                m_onLink.push_back(prefix);
            }
        }
        for (const auto& session : options->GetMobilitySessions())
        {
            AddSession(session.prefix, session.anchor); // the MAR that gave the prefix
        }
        m_selection->RouterAdvertised(*options);
        // Scheduled: ns-3's own RA processing (the address, its routes) comes after ours.
        Simulator::ScheduleNow(&MnAgent::RouterAdvertisementProcessed, this);
        RouterAdvertised(ip.GetSource(), *options);
    }
}

void
MnAgent::RouterAdvertisementProcessed()
{
    for (auto it = m_anchors.begin(); it != m_anchors.end();)
    {
        if (Holds(it->first))
        {
            ++it;
            continue;
        }
        // The stack removed its address (valid lifetime over): no session to list or watch.
        m_lastUse.erase(it->first);
        it = m_anchors.erase(it);
    }
    UpdateOnLinkRoutes();
    m_selection->ApplyStates(); // an address the RA has just configured
}

Ipv6Address
MnAgent::SelectSourceAddress(Ipv6Address destination) const
{
    return m_selection->Select(destination, HomeAddressForSelection());
}

Ipv6Address
MnAgent::SelectSourceForFlow(Ipv6Address destination)
{
    Ipv6Address source = SelectSourceAddress(destination);
    m_selection->NoteFlow(source);
    return source;
}

Ptr<SourceAddressSelection>
MnAgent::GetSourceAddressSelection() const
{
    return m_selection;
}

Ipv6Address
MnAgent::HomeAddressForSelection() const
{
    return Ipv6Address::GetAny();
}

void
MnAgent::RouterAdvertised(Ipv6Address, const NdOptions&)
{
    // A plain host is ready once its router advertised its prefixes (PMIPv6: the HNP).
    NotifyHandoverComplete();
}

void
MnAgent::NotifyHandoverComplete()
{
    m_completeTrace();
}

Ptr<NetDevice>
MnAgent::GetDevice() const
{
    return m_device;
}

} // namespace ns3
