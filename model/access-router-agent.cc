/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "access-router-agent.h"

#include "ns3/boolean.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"
#include "ns3/ndisc-cache.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AccessRouterAgent");
NS_OBJECT_ENSURE_REGISTERED(AccessRouterAgent);

TypeId
AccessRouterAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AccessRouterAgent")
            .SetParent<DmmAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<AccessRouterAgent>()
            .AddAttribute("RouterLifetime",
                          "Router lifetime advertised in RAs.",
                          TimeValue(Seconds(1800)),
                          MakeTimeAccessor(&AccessRouterAgent::m_routerLifetime),
                          MakeTimeChecker(Seconds(0), Seconds(9000)))
            .AddAttribute("ValidLifetime",
                          "Valid lifetime of advertised prefixes.",
                          TimeValue(Seconds(2592000)),
                          MakeTimeAccessor(&AccessRouterAgent::m_validLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PreferredLifetime",
                          "Preferred lifetime of advertised prefixes.",
                          TimeValue(Seconds(604800)),
                          MakeTimeAccessor(&AccessRouterAgent::m_preferredLifetime),
                          MakeTimeChecker(Seconds(0)))
            // A node keeps an address until its valid lifetime ends (RFC 4862 §5.5.4): with
            // the RFC 4861 default of 30 days, a node that is given a new prefix at each
            // router (dma, fully-distributed) kept an address for every one it was given.
            .AddAttribute("PrefixLifetime",
                          "Valid lifetime of the prefixes a MAR or mobility router advertises "
                          "(it also bounds their preferred lifetime). Each node attached is "
                          "sent an unsolicited RA every third of it, so a prefix it still uses "
                          "is refreshed and a released one, no longer advertised, ends at the "
                          "node at most this long after. 0: ValidLifetime and "
                          "PreferredLifetime, RAs only in answer to solicitations.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&AccessRouterAgent::m_prefixLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PrefixProperties",
                          "Describe each prefix that has properties (a MAR: anchored here, or "
                          "kept for session continuity) in a Prefix Properties option "
                          "([I-D.korhonen-dmm-prefix-properties]). Off: an optional extension "
                          "(seed 003 §4.2 step 4: 'if supported'); deprecation alone tells "
                          "hosts which prefix to use.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&AccessRouterAgent::m_prefixProperties),
                          MakeBooleanChecker())
            // ns-3 never removes a neighbour entry: an access router's cache grew by every
            // node that ever attached. Linux's gc_stale_time is 60 s.
            .AddAttribute("NeighborGcTime",
                          "How long after a node left its STALE neighbour entries are removed "
                          "unless it came back (0: kept, as ns-3 does).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&AccessRouterAgent::m_neighborGcTime),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("RouterSolicitation",
                            "A router solicitation arrived from a mobile node.",
                            MakeTraceSourceAccessor(&AccessRouterAgent::m_rsTrace),
                            "ns3::AccessRouterAgent::NeighborTracedCallback")
            .AddTraceSource("RouterAdvertisement",
                            "A unicast router advertisement was sent.",
                            MakeTraceSourceAccessor(&AccessRouterAgent::m_raTrace),
                            "ns3::AccessRouterAgent::NeighborTracedCallback")
            .AddTraceSource("Detached",
                            "A mobile node left (a plain access router; MAG and MAR "
                            "override the notification).",
                            MakeTraceSourceAccessor(&AccessRouterAgent::m_detachedTrace),
                            "ns3::AccessRouterAgent::DetachedTracedCallback")
            .AddTraceSource("Arrival",
                            "Layer 2 says a mobile node arrives from another router.",
                            MakeTraceSourceAccessor(&AccessRouterAgent::m_arrivalTrace),
                            "ns3::AccessRouterAgent::ArrivalTracedCallback");
    return tid;
}

AccessRouterAgent::AccessRouterAgent()
    : m_policy(std::make_shared<PolicyStore>()),
      m_prefixProperties(false)
{
    NS_LOG_FUNCTION(this);
}

AccessRouterAgent::~AccessRouterAgent()
{
    NS_LOG_FUNCTION(this);
}

void
AccessRouterAgent::DoDispose()
{
    CancelReadvertisements();
    m_socket = nullptr;
    DmmAgent::DoDispose();
}

void
AccessRouterAgent::AddAccessInterface(uint32_t interface, const HomeNetworkPrefix& onLinkPrefix)
{
    m_interfaces[interface] = onLinkPrefix;
}

Ptr<Ipv6L3Protocol>
AccessRouterAgent::GetIpv6() const
{
    return GetNode()->GetObject<Ipv6L3Protocol>();
}

const AccessRouterAgent::Stats&
AccessRouterAgent::GetAccessStats() const
{
    return m_stats;
}

Time
AccessRouterAgent::AdvertisedValidLifetime() const
{
    return m_prefixLifetime.IsStrictlyPositive() ? m_prefixLifetime : m_validLifetime;
}

Time
AccessRouterAgent::AdvertisedPreferredLifetime() const
{
    return std::min(m_preferredLifetime, AdvertisedValidLifetime());
}

void
AccessRouterAgent::CancelReadvertisements()
{
    for (auto& [mac, event] : m_readvertise)
    {
        event.Cancel();
    }
    m_readvertise.clear();
}

bool
AccessRouterAgent::RefreshesPrefixes() const
{
    return m_prefixLifetime.IsStrictlyPositive();
}

HomeNetworkPrefix
AccessRouterAgent::GetOnLinkPrefix(uint32_t interface) const
{
    auto it = m_interfaces.find(interface);
    return it == m_interfaces.end() ? HomeNetworkPrefix{} : it->second;
}

void
AccessRouterAgent::StartApplication()
{
    DmmAgent::StartApplication();
    NS_LOG_FUNCTION(this);
    m_socket = Socket::CreateSocket(GetNode(), Ipv6RawSocketFactory::GetTypeId());
    m_socket->SetAttribute("Protocol", UintegerValue(Icmpv6L4Protocol::PROT_NUMBER));
    m_socket->SetRecvPktInfo(true);
    m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), 0));
    m_socket->SetRecvCallback(MakeCallback(&AccessRouterAgent::HandleRead, this));
}

void
AccessRouterAgent::StopApplication()
{
    DmmAgent::StopApplication();
    NS_LOG_FUNCTION(this);
    CancelReadvertisements(); // a run without a stop time ends when its events do
    if (m_socket)
    {
        m_socket->Close();
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket = nullptr;
    }
}

void
AccessRouterAgent::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Ptr<Packet> p;
    while ((p = socket->Recv()))
    {
        Ipv6PacketInfoTag info;
        Ipv6Header ip;
        if (!p->RemovePacketTag(info) || p->GetSize() < ip.GetSerializedSize() + 8)
        {
            continue;
        }
        p->RemoveHeader(ip);
        Ptr<Ipv6L3Protocol> ipv6 = GetIpv6();
        uint32_t interface = info.GetRecvIf();
        int32_t byDevice = ipv6->GetInterfaceForDevice(GetNode()->GetDevice(interface));
        if (byDevice < 0 || m_interfaces.count(byDevice) == 0)
        {
            continue;
        }
        uint8_t type = 0;
        p->CopyData(&type, 1);
        if (type != Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION || ip.GetHopLimit() != 255)
        {
            continue; // RFC 4861 §6.1.1: only on-link solicitations are valid
        }
        std::optional<NdOptions> options = NdOptions::Parse(p, 8); // RS body: 8 bytes
        std::optional<Mac48Address> lla =
            options ? options->GetSourceLinkLayerAddress() : std::nullopt;
        if (!lla || !ip.GetSource().IsLinkLocal())
        {
            // Malformed, or without the link-layer address that identifies the node.
            m_stats.invalidSolicitations++;
            continue;
        }
        Mac48Address mac = *lla;
        // RFC 4861 §6.2.6: the solicitation creates a STALE neighbour entry, so the
        // unicast advertisement needs no address resolution.
        Ptr<NdiscCache> cache = ipv6->GetInterface(byDevice)->GetNdiscCache();
        NdiscCache::Entry* entry = cache->Lookup(ip.GetSource());
        if (!entry)
        {
            // ns-3.37's Entry constructor leaves m_state unset: read before it is given
            // one, reused heap memory can make it REACHABLE without a NUD timer function,
            // and the next packet from the host crashes in UpdateReachableTimer.
            entry = cache->Add(ip.GetSource());
            entry->MarkStale();
        }
        entry->SetMacAddress(mac);
        if (!entry->IsReachable())
        {
            entry->MarkStale();
        }
        m_rsTrace(byDevice, ip.GetSource(), mac);
        m_readvertise.try_emplace(mac); // on the link (IsOnLink)
        SolicitationOptions(mac, *options);
        HandleSolicitation(byDevice, ip.GetSource(), mac);
    }
}

void
AccessRouterAgent::HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    std::vector<AdvertisedPrefix> prefixes{
        {m_interfaces[interface], m_validLifetime, m_preferredLifetime}};
    Simulator::Schedule(m_processingDelay,
                        &AccessRouterAgent::SendAdvertisement,
                        this,
                        interface,
                        peer,
                        prefixes);
}

void
AccessRouterAgent::SolicitationOptions(Mac48Address, const NdOptions&)
{
}

void
AccessRouterAgent::NotifyDetached(Mac48Address mac)
{
    NS_LOG_FUNCTION(this << mac);
    auto readvertise = m_readvertise.find(mac);
    if (readvertise != m_readvertise.end())
    {
        readvertise->second.Cancel();
        m_readvertise.erase(readvertise);
    }
    if (m_neighborGcTime.IsStrictlyPositive())
    {
        EventId& forget = m_forget[mac];
        forget.Cancel();
        forget =
            Simulator::Schedule(m_neighborGcTime, &AccessRouterAgent::ForgetNeighbor, this, mac);
    }
    DoNotifyDetached(mac);
}

void
AccessRouterAgent::NotifyArrival(Mac48Address mac, Ipv6Address previous)
{
    NS_LOG_FUNCTION(this << mac << previous);
    if (auto it = m_forget.find(mac); it != m_forget.end())
    {
        it->second.Cancel();
        m_forget.erase(it);
    }
    m_readvertise.try_emplace(mac);
    DoNotifyArrival(mac, previous);
}

bool
AccessRouterAgent::IsOnLink(Mac48Address mac) const
{
    return m_readvertise.count(mac) > 0;
}

void
AccessRouterAgent::DoNotifyDetached(Mac48Address mac)
{
    m_detachedTrace(mac);
}

void
AccessRouterAgent::DoNotifyArrival(Mac48Address mac, Ipv6Address previous)
{
    m_arrivalTrace(mac, previous);
}

void
AccessRouterAgent::ForgetNeighbor(Mac48Address mac)
{
    NS_LOG_FUNCTION(this << mac);
    m_forget.erase(mac);
    Ptr<Ipv6L3Protocol> ipv6 = GetIpv6();
    for (const auto& [interface, prefix] : m_interfaces)
    {
        Ptr<NdiscCache> cache = ipv6->GetInterface(interface)->GetNdiscCache();
        // Only STALE ones: an entry resolving, or with packets waiting, is in use.
        for (NdiscCache::Entry* entry : cache->LookupInverse(mac))
        {
            if (entry->IsStale())
            {
                cache->Remove(entry);
                m_stats.forgottenNeighbors++;
            }
        }
    }
}

Ipv6Address
AccessRouterAgent::GetRouterAddress() const
{
    return m_routerAddress;
}

void
AccessRouterAgent::SetPolicy(Mac48Address mac, const std::string& mnId)
{
    auto [it, added] = m_policy->nodes.emplace(mac, mnId);
    if (added)
    {
        m_policy->interfaces[mnId]++;
    }
    else if (it->second != mnId)
    {
        m_policy->interfaces[it->second]--;
        m_policy->interfaces[mnId]++;
        it->second = mnId;
    }
}

void
AccessRouterAgent::SharePolicy(Ptr<const AccessRouterAgent> other)
{
    m_policy = other->m_policy;
}

std::string
AccessRouterAgent::LookupSession(Mac48Address mac) const
{
    const std::string* mnId = LookupPolicy(mac);
    if (!mnId)
    {
        return "";
    }
    if (m_policy->interfaces.at(*mnId) < 2)
    {
        return *mnId;
    }
    std::ostringstream key;
    key << *mnId << '%' << mac;
    return key.str();
}

std::string
AccessRouterAgent::MobileNodeOf(const std::string& session)
{
    return session.substr(0, session.find_first_of("%+")); // interface, prefix index
}

bool
AccessRouterAgent::IsPerInterface(const std::string& session)
{
    return session.find('%') != std::string::npos;
}

const std::string*
AccessRouterAgent::LookupPolicy(Mac48Address mac) const
{
    auto it = m_policy->nodes.find(mac);
    return it == m_policy->nodes.end() ? nullptr : &it->second;
}

void
AccessRouterAgent::SetRouterAddress(Ipv6Address address)
{
    m_routerAddress = address;
}

void
AccessRouterAgent::SetMapOption(const NdOptions::MapOption& map)
{
    m_mapOption = map;
}

void
AccessRouterAgent::SendAdvertisement(uint32_t interface,
                                     Ipv6Address peer,
                                     const std::vector<AdvertisedPrefix>& prefixes)
{
    NS_LOG_FUNCTION(this);
    Ptr<Ipv6L3Protocol> ipv6 = GetIpv6();
    Ptr<Ipv6Interface> iface = ipv6->GetInterface(interface);
    Ptr<NetDevice> device = iface->GetDevice();
    Ipv6Address src = iface->GetLinkLocalAddress().GetAddress();

    // Headers are prepended: these options end last, after every option ns-3 reads (ns-3.37
    // stops reading an RA at the first option it does not know; RFC 4861 §4.6 would skip it).
    std::vector<uint8_t> tail;
    for (const auto& ap : prefixes)
    {
        if (m_prefixProperties && ap.properties)
        {
            auto pp = NdOptions::BuildPrefixProperties({ap.prefix, ap.properties});
            tail.insert(tail.end(), pp.begin(), pp.end());
        }
        if (!ap.anchor.IsAny())
        {
            auto session = NdOptions::BuildMobilitySession({ap.prefix, ap.anchor});
            tail.insert(tail.end(), session.begin(), session.end());
        }
    }
    if (m_mapOption)
    {
        std::vector<uint8_t> map = NdOptions::BuildMapOption(*m_mapOption);
        tail.insert(tail.end(), map.begin(), map.end());
    }
    Ptr<Packet> p = Create<Packet>();
    if (!tail.empty())
    {
        p = Create<Packet>(tail.data(), tail.size());
    }
    Icmpv6OptionLinkLayerAddress sllao(true, device->GetAddress());
    p->AddHeader(sllao);
    for (const auto& ap : prefixes)
    {
        bool routerAddress =
            ap.namesRouter && !m_routerAddress.IsAny() && ap.prefix.Contains(m_routerAddress);
        Icmpv6OptionPrefixInformation pio(routerAddress ? m_routerAddress : ap.prefix.prefix,
                                          ap.prefix.length);
        uint8_t onLinkAuto =
            Icmpv6OptionPrefixInformation::ONLINK | Icmpv6OptionPrefixInformation::AUTADDRCONF;
        if (!ap.onLink)
        {
            onLinkAuto = Icmpv6OptionPrefixInformation::AUTADDRCONF;
        }
        pio.SetFlags((ap.autonomous ? onLinkAuto : 0) |
                     (routerAddress ? Icmpv6OptionPrefixInformation::ROUTERADDR : 0));
        pio.SetValidTime(static_cast<uint32_t>(ap.validLifetime.GetSeconds()));
        pio.SetPreferredTime(static_cast<uint32_t>(ap.preferredLifetime.GetSeconds()));
        p->AddHeader(pio);
    }
    Icmpv6RA ra;
    ra.SetCurHopLimit(64);
    ra.SetLifeTime(static_cast<uint16_t>(m_routerLifetime.GetSeconds()));
    ra.SetReachableTime(0);
    ra.SetRetransmissionTime(0);
    ra.CalculatePseudoHeaderChecksum(src,
                                     peer,
                                     p->GetSize() + ra.GetSerializedSize(),
                                     Icmpv6L4Protocol::PROT_NUMBER);
    p->AddHeader(ra);

    SocketIpv6HopLimitTag hopLimit;
    hopLimit.SetHopLimit(255); // RFC 4861 §6.1.2
    p->AddPacketTag(hopLimit);
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(peer);
    route->SetGateway(peer);
    route->SetSource(src);
    route->SetOutputDevice(device);
    // The solicitation left the node's address in the neighbour cache.
    NdiscCache::Entry* neighbour = iface->GetNdiscCache()->Lookup(peer);
    m_raTrace(interface,
              peer,
              neighbour ? Mac48Address::ConvertFrom(neighbour->GetMacAddress()) : Mac48Address());
    ipv6->Send(p, src, peer, Icmpv6L4Protocol::PROT_NUMBER, route);
}

} // namespace ns3
