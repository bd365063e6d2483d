/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-mag-forwarding.h"

#include "ns3/boolean.h"
#include "ns3/dlma-cache-update.h"
#include "ns3/dlma-location-inform.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaMagForwarding");
NS_OBJECT_ENSURE_REGISTERED(DlmaMagForwarding);

TypeId
DlmaMagForwarding::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DlmaMagForwarding")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<DlmaMagForwarding>()
            .AddAttribute("ForwardingLifetime",
                          "How long a previous MAG forwards to the new MAG (§5.1.2).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&DlmaMagForwarding::m_lifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("CacheUpdateHoldDown",
                          "One Cache Update per O-LMA and prefix within this time.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&DlmaMagForwarding::m_holdDown),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("CacheTimeout",
                          "A MAG-to-MAG tunnel an O-LMA named (§5.4) ends after this long "
                          "without a packet, as an O-LMA's cache entry (§5.1).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&DlmaMagForwarding::m_cacheTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("RetargetMags",
                          "A previous MAG also sends a Cache Update to a MAG that tunnels "
                          "to it (§5.4's MAG-to-MAG tunnels, with DlmaAgent BypassOlma).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DlmaMagForwarding::m_retargetMags),
                          MakeBooleanChecker())
            .AddAttribute("HnpLength",
                          "Length of the HoA prefixes (HNPs) the LMAs allocate.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&DlmaMagForwarding::m_hnpLength),
                          MakeUintegerChecker<uint8_t>(1, 128));
    return tid;
}

DlmaMagForwarding::DlmaMagForwarding()
{
}

DlmaMagForwarding::~DlmaMagForwarding()
{
}

void
DlmaMagForwarding::DoDispose()
{
    for (auto& [prefix, entry] : m_forward)
    {
        entry.second.Cancel();
    }
    m_forward.clear();
    for (auto& [prefix, entry] : m_peerTunnels)
    {
        std::get<2>(entry).Cancel();
    }
    m_peerTunnels.clear();
    m_mh = nullptr;
    m_mr = nullptr;
    Object::DoDispose();
}

const DlmaMagForwarding::Stats&
DlmaMagForwarding::GetStats() const
{
    return m_stats;
}

void
DlmaMagForwarding::Install(Ptr<Node> node, Ptr<MobilityRouting> mr, Ipv6Address local)
{
    m_mh = MobilityL4Protocol::Install(node);
    m_mr = mr;
    m_local = local;
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DlmaMessage::LOCATION_INFORM,
                          MakeCallback(&DlmaMagForwarding::HandleInform, this));
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DlmaMessage::CACHE_UPDATE,
                          MakeCallback(&DlmaMagForwarding::HandleCacheUpdate, this));
    Ptr<Ipv6TunnelL4Protocol> tunnel = Ipv6TunnelL4Protocol::Install(node);
    tunnel->TraceConnectWithoutContext("Decap",
                                       MakeCallback(&DlmaMagForwarding::Decapsulated, this));
    tunnel->TraceConnectWithoutContext("Encap",
                                       MakeCallback(&DlmaMagForwarding::Encapsulated, this));
}

void
DlmaMagForwarding::AddPeer(Ipv6Address address, bool olma)
{
    // Tunnels from O-LMAs (Fig 9) and from a previous MAG (§5.1.2) end here.
    m_mh->GetObject<Ipv6TunnelL4Protocol>()->AddPeer(address);
    (olma ? m_lmas : m_mags).insert(address);
}

void
DlmaMagForwarding::HandleInform(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    DlmaLocationInform m;
    p->RemoveHeader(m);
    std::optional<HomeNetworkPrefix> prefix = m.GetHomePrefix();
    std::optional<Ipv6Address> mag = m.GetLma();
    if (!prefix || !mag || *mag == m_local)
    {
        m_stats.invalid++;
        return;
    }
    m_stats.informs++;
    auto& entry = m_forward[*prefix];
    entry.first = *mag;
    entry.second.Cancel();
    entry.second = Simulator::Schedule(m_lifetime, &DlmaMagForwarding::Expire, this, *prefix);
    m_mr->SetDestinationTunnel(*prefix, {m_local, *mag});
}

void
DlmaMagForwarding::Expire(HomeNetworkPrefix prefix)
{
    m_stats.expired++;
    m_forward.erase(prefix);
    m_mr->RemoveDestinationTunnel(prefix);
}

void
DlmaMagForwarding::Decapsulated(Ptr<const Packet> inner, Ipv6Address, Ipv6Address remote)
{
    if (m_forward.empty() || !(m_lmas.count(remote) || (m_retargetMags && m_mags.count(remote))))
    {
        return;
    }
    Ipv6Header header;
    inner->PeekHeader(header);
    auto it = m_forward.find(HomeNetworkPrefix::Make(header.GetDestination(), m_hnpLength));
    if (it == m_forward.end())
    {
        return;
    }
    // §5.1.2: the mobility routing tunnels it on; the O-LMA (§5.4: the sending MAG)
    // tunnels to the new MAG next.
    m_stats.forwarded++;
    Retarget(remote, it->first, it->second.first);
}

void
DlmaMagForwarding::Retarget(Ipv6Address to, const HomeNetworkPrefix& prefix, Ipv6Address location)
{
    Time& told = m_told[{to, prefix}];
    if (told.IsZero() || Simulator::Now() - told >= m_holdDown)
    {
        told = Simulator::Now();
        DlmaCacheUpdate update;
        update.SetSequence(m_sequence++);
        update.SetHomePrefix(prefix);
        update.SetLma(location);
        m_stats.updatesSent++;
        m_mh->Send(update, m_local, to);
    }
}

void
DlmaMagForwarding::HandleCacheUpdate(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    DlmaCacheUpdate m;
    p->RemoveHeader(m);
    std::optional<HomeNetworkPrefix> prefix = m.GetHomePrefix();
    std::optional<Ipv6Address> location = m.GetLma();
    if (!prefix || !location)
    {
        m_stats.invalid++;
        return;
    }
    auto it = m_peerTunnels.find(*prefix);
    if (!m_mags.count(*location))
    {
        // §5.1.3: the node left for another LMA; the O-LMA learns its new MAG first.
        if (it != m_peerTunnels.end())
        {
            std::get<2>(it->second).Cancel();
            m_peerTunnels.erase(it);
            m_mr->RemovePeerTunnel(*prefix);
        }
        return;
    }
    m_stats.peerTunnels++;
    auto& entry = m_peerTunnels[*prefix];
    std::get<0>(entry) = *location;
    std::get<1>(entry) = Simulator::Now();
    if (!std::get<2>(entry).IsRunning())
    {
        std::get<2>(entry) =
            Simulator::Schedule(m_cacheTimeout, &DlmaMagForwarding::ExpirePeer, this, *prefix);
    }
    m_mr->SetPeerTunnel(*prefix, {m_local, *location});
}

void
DlmaMagForwarding::Encapsulated(Ptr<const Packet> inner, Ipv6Address, Ipv6Address remote)
{
    if (m_peerTunnels.empty())
    {
        return;
    }
    Ipv6Header header;
    inner->PeekHeader(header);
    auto it = m_peerTunnels.find(HomeNetworkPrefix::Make(header.GetDestination(), m_hnpLength));
    if (it != m_peerTunnels.end() && std::get<0>(it->second) == remote)
    {
        std::get<1>(it->second) = Simulator::Now();
    }
}

void
DlmaMagForwarding::ExpirePeer(HomeNetworkPrefix prefix)
{
    auto it = m_peerTunnels.find(prefix);
    Time idle = Simulator::Now() - std::get<1>(it->second);
    if (idle < m_cacheTimeout)
    {
        // Used since: the idle time-out counts from the last packet.
        std::get<2>(it->second) = Simulator::Schedule(m_cacheTimeout - idle,
                                                      &DlmaMagForwarding::ExpirePeer,
                                                      this,
                                                      prefix);
        return;
    }
    m_stats.peerExpired++;
    m_peerTunnels.erase(it);
    m_mr->RemovePeerTunnel(prefix);
}

} // namespace ns3
