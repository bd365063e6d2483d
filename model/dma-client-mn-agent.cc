/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dma-client-mn-agent.h"

#include "ns3/boolean.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/icmpv6-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/source-address-selection.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmaClientMnAgent");
NS_OBJECT_ENSURE_REGISTERED(DmaClientMnAgent);

namespace
{

/// \param next an IPv6 Next Header value \return true for ICMPv6 (ND) and the mobility
/// signalling (Mobility Header, or the extension headers BUs and BAs carry: Home Address
/// destination option, type 2 routing header)
bool
IsSignalling(uint8_t next)
{
    return next == 58 || next == 135 || next == 60 || next == 43 || next == 0;
}

} // namespace

TypeId
DmaClientMnAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DmaClientMnAgent")
            .SetParent<MipMnAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<DmaClientMnAgent>()
            .AddAttribute("ProxyLocationUpdate",
                          "Send the Binding Updates to earlier home agents through the current "
                          "access router, which relays them (the proxy LU of 000 §5.1.2); "
                          "false: directly.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DmaClientMnAgent::m_proxyLu),
                          MakeBooleanChecker())
            .AddAttribute("IdleRelease",
                          "Seed 003 §3.2: mobility resources are released after IP "
                          "communication stopped. An address no packet was sent or received "
                          "with for this long is de-registered at its home agent and "
                          "forgotten, and one never used is not bound after a move; 0: "
                          "every address is kept and bound at every move.",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&DmaClientMnAgent::m_idleRelease),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

DmaClientMnAgent::DmaClientMnAgent() = default;

DmaClientMnAgent::~DmaClientMnAgent() = default;

const DmaClientMnAgent::Stats&
DmaClientMnAgent::GetStats() const
{
    return m_stats;
}

std::vector<Ipv6Address>
DmaClientMnAgent::GetHomeAddresses() const
{
    std::vector<Ipv6Address> out;
    for (const auto& [home, ha] : m_homes)
    {
        out.push_back(home);
    }
    return out;
}

void
DmaClientMnAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    MipMnAgent::StartApplication();
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    ipv6->TraceConnectWithoutContext("Tx", MakeCallback(&DmaClientMnAgent::Used, this));
    ipv6->TraceConnectWithoutContext("Rx", MakeCallback(&DmaClientMnAgent::Used, this));
}

void
DmaClientMnAgent::StopApplication()
{
    m_refresh.Cancel();
    MipMnAgent::StopApplication();
}

void
DmaClientMnAgent::DoDispose()
{
    m_refresh.Cancel();
    MipMnAgent::DoDispose();
}

void
DmaClientMnAgent::Used(Ptr<const Packet> p, Ptr<Ipv6>, uint32_t)
{
    Ipv6Header header;
    if (m_kept.empty() || p->PeekHeader(header) == 0)
    {
        return;
    }
    if (header.GetNextHeader() == Ipv6Header::IPV6_IPV6)
    {
        // Tunnelled (RFC 6275 §11.3.1): the flow uses the inner header's home address;
        // the outer care-of address only carries it, so it does not count as used.
        Ptr<Packet> inner = p->Copy();
        inner->RemoveHeader(header);
        if (inner->PeekHeader(header) == 0)
        {
            return;
        }
    }
    if (IsSignalling(header.GetNextHeader()))
    {
        return; // the node's own BUs, BAs and ND keep no address alive: only its flows do
    }
    Touch(header.GetSource());
    Touch(header.GetDestination());
}

void
DmaClientMnAgent::Touch(Ipv6Address address)
{
    auto it = m_kept.find(address);
    if (it != m_kept.end())
    {
        it->second.lastUse = Simulator::Now();
    }
}

bool
DmaClientMnAgent::IsIdle(Ipv6Address home) const
{
    if (!m_idleRelease.IsStrictlyPositive())
    {
        return false;
    }
    auto it = m_kept.find(home);
    return it == m_kept.end() || it->second.lastUse == Time::Min() ||
           Simulator::Now() - it->second.lastUse >= m_idleRelease;
}

void
DmaClientMnAgent::LinkAdvertised(const NdOptions& options, const HomeNetworkPrefix& onLink)
{
    NS_LOG_FUNCTION(this);
    for (const auto& pio : options.GetPrefixInformation())
    {
        if (pio.prefix == onLink)
        {
            m_advertised = pio;
        }
    }
    // RFC 6275 §7.2: the R flag marks the router's own address; that router is the home
    // agent of the address formed from this RA (on the shared link, or from the per-node
    // prefix, DmaClientAccessAgent).
    std::vector<HomeNetworkPrefix> routers = options.GetRouterAddresses();
    m_advertisedHa = routers.empty() ? Ipv6Address() : routers.front().prefix;
}

void
DmaClientMnAgent::Move(Ipv6Address careOf, Ipv6Address)
{
    NS_LOG_FUNCTION(this);
    m_careOf = careOf;
    m_pendingCareOf = Ipv6Address();
    if (!m_homes.count(careOf) && !m_advertisedHa.IsAny())
    {
        m_homes[careOf] = m_advertisedHa; // at home here: flows started here stay native
        m_kept[careOf].formed = m_advertised;
        if (!m_refresh.IsRunning() && m_advertised.validLifetime != NdOptions::INFINITE_LIFETIME)
        {
            m_refresh = Simulator::Schedule(Seconds(m_advertised.validLifetime / 3.0),
                                            &DmaClientMnAgent::RefreshHomes,
                                            this);
        }
    }
    if (m_proxyLu)
    {
        m_lu->SetRelay(m_advertisedHa); // this router relays the updates to the others
    }
    m_waiting.clear();
    auto returned = m_homes.find(careOf);
    if (returned != m_homes.end() && m_lu->HasBinding(returned->second))
    {
        // Back at that router (RFC 6275 §11.5.4): its home address is on-link, so nothing
        // from it goes through the reverse tunnel any more, not even the updates below.
        m_mr->RemoveSourceTunnel(HomeNetworkPrefix::Make(careOf, 128));
        HoldOnLinkRoute(careOf); // the router defends the address until it de-registers
        m_lu->Unbind(returned->second, careOf);
        m_waiting.insert({returned->second, careOf});
    }
    DropIdle();
    for (const auto& [home, ha] : m_homes)
    {
        if (home != careOf && !m_kept[home].releasing)
        {
            m_lu->Bind(ha, ClientLocationUpdate::PeerKind::HOME_AGENT, home, careOf);
            m_waiting.insert({ha, home});
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete();
    }
}

void
DmaClientMnAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    NS_LOG_FUNCTION(this);
    Ipv6Address bound = outcome.prefixes.front().prefix;
    auto kept = m_kept.find(bound);
    if (kept != m_kept.end() && kept->second.releasing && !outcome.lifetime.IsStrictlyPositive())
    {
        Forget(bound);
        return;
    }
    if (!m_waiting.erase({outcome.anchor, bound}))
    {
        return; // a refresh
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
            CheckIdle(home);
        }
        else
        {
            m_mr->RemoveSourceTunnel(prefix);
            ReleaseOnLinkRoute(home);
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete(); // every home agent answered, in parallel
    }
}

void
DmaClientMnAgent::DropIdle()
{
    std::vector<Ipv6Address> idle;
    for (const auto& [home, ha] : m_homes)
    {
        if (home != m_careOf && !m_kept[home].releasing && IsIdle(home))
        {
            idle.push_back(home);
        }
    }
    for (Ipv6Address home : idle)
    {
        if (m_lu->HasBinding(m_homes[home], home))
        {
            Release(home);
        }
        else
        {
            m_stats.forgottenUnbound++; // no flow ever needed it elsewhere: never bound
            m_homes.erase(home);
            m_kept.erase(home); // not refreshed any more: its valid lifetime ends it
        }
    }
}

void
DmaClientMnAgent::CheckIdle(Ipv6Address home)
{
    auto it = m_kept.find(home);
    if (it == m_kept.end() || !m_homes.count(home))
    {
        return;
    }
    Kept& kept = it->second;
    kept.check.Cancel(); // one pending check per address, the latest
    if (!m_idleRelease.IsStrictlyPositive() || home == m_careOf || kept.releasing)
    {
        return;
    }
    if (IsIdle(home))
    {
        Release(home);
        return;
    }
    Time last = kept.lastUse == Time::Min() ? Simulator::Now() : kept.lastUse;
    kept.check = Simulator::Schedule(last + m_idleRelease - Simulator::Now(),
                                     &DmaClientMnAgent::CheckIdle,
                                     this,
                                     home);
}

void
DmaClientMnAgent::Release(Ipv6Address home)
{
    NS_LOG_FUNCTION(this << home);
    m_stats.releasedBindings++;
    m_kept[home].releasing = true;
    m_lu->Unbind(m_homes[home], m_careOf, home);
}

void
DmaClientMnAgent::Forget(Ipv6Address home)
{
    NS_LOG_FUNCTION(this << home);
    // RFC 6275 §11.7.1: with the binding gone, nothing from the address is tunnelled.
    m_mr->RemoveSourceTunnel(HomeNetworkPrefix::Make(home, 128));
    m_homes.erase(home);
    m_kept.erase(home); // not refreshed any more: its valid lifetime ends it
}

void
DmaClientMnAgent::RefreshHomes()
{
    NS_LOG_FUNCTION(this);
    // Seed 003 §3.2 releases the node's resources once its communication stopped. Its
    // routers advertise finite lifetimes (PrefixLifetime) and only the current one
    // refreshes its own prefix: the node keeps each earlier address it still binds or
    // uses, and one it forgot ends one valid lifetime later, as RFC 4862 §5.5.4 removes
    // an address no router advertises any more. Ipv6L3Protocol::AddAutoconfiguredAddress
    // on a prefix the stack has restarts its timers with the lifetimes it first gave.
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    int32_t interface = ipv6->GetInterfaceForDevice(GetDevice());
    uint32_t shortest = NdOptions::INFINITE_LIFETIME;
    for (auto& [home, kept] : m_kept)
    {
        const NdOptions::PrefixInformation& formed = kept.formed;
        if (ipv6->GetInterfaceForAddress(home) < 0)
        {
            continue; // gone already (a lifetime ran out unrefreshed)
        }
        if (home != m_careOf && interface >= 0)
        {
            ipv6->AddAutoconfiguredAddress(interface,
                                           formed.prefix.prefix,
                                           Ipv6Prefix(formed.prefix.length),
                                           Icmpv6OptionPrefixInformation::AUTADDRCONF,
                                           formed.validLifetime,
                                           formed.preferredLifetime,
                                           Ipv6Address::GetAny());
            GetSourceAddressSelection()->Refreshed(formed); // or it ranks it expired
            m_stats.refreshedAddresses++;
        }
        shortest = std::min(shortest, formed.validLifetime);
    }
    if (shortest != NdOptions::INFINITE_LIFETIME)
    {
        m_refresh =
            Simulator::Schedule(Seconds(shortest / 3.0), &DmaClientMnAgent::RefreshHomes, this);
    }
}

} // namespace ns3
