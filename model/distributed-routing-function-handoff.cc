/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The handoff of DistributedRoutingFunction (seed 001 §4.3, Fig 3): the PBCIs an n-eMAG
// sends its node's p-eMAG and the p-eMAG the correspondents' eMAGs, their PBCAs, and the
// late-downlink forwarding; the queries and the location cache are in
// distributed-routing-function.cc.
#include "distributed-routing-function.h"

#include "ns3/binding-change-ack.h"
#include "ns3/binding-change-inform.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DistributedRoutingFunctionHandoff");

bool
DistributedRoutingFunction::Informing(Ipv6Address src) const
{
    return std::any_of(m_informing.begin(), m_informing.end(), [src](const auto& entry) {
        return entry.second.Contains(src);
    });
}

void
DistributedRoutingFunction::Registered(const LocationUpdate::Outcome& outcome)
{
    if (!m_mh || outcome.previous.IsAny() || outcome.previous == m_local ||
        !IsBindingAccepted(outcome.status) || !outcome.lifetime.IsStrictlyPositive() ||
        !IsEmag(outcome.previous))
    {
        return;
    }
    NS_LOG_FUNCTION(this << outcome.mnId << outcome.previous);
    // §4.3: the PBA's previous location tells the n-eMAG whom to inform.
    for (const auto& prefix : outcome.prefixes)
    {
        m_informing[Inform(prefix, m_local, outcome.previous)] = prefix;
    }
}

uint16_t
DistributedRoutingFunction::Inform(const HomeNetworkPrefix& prefix,
                                   Ipv6Address locator,
                                   Ipv6Address to)
{
    m_drfStats.informs++;
    m_reliable.Inform(prefix, locator, to, m_sequence); // retransmitted until the PBCA
    return m_sequence++;
}

void
DistributedRoutingFunction::HandleInform(Ptr<Packet> p,
                                         const Ipv6Header& header,
                                         Ptr<Ipv6Interface>)
{
    BindingChangeInform pbci;
    p->RemoveHeader(pbci);
    auto locations = pbci.GetLocations();
    if (locations.empty() || m_reliable.AnswerRepeat(header.GetSource(), pbci.GetSequence()))
    {
        return;
    }
    auto [prefix, locator] = locations.front();
    NS_LOG_FUNCTION(this << prefix.ToString() << locator << header.GetSource());
    BindingChangeAck pbca;
    pbca.SetSequence(pbci.GetSequence());
    // From the eLMA, :: means the node we served went to a legacy MAG (§6).
    if (locator == header.GetSource() || (locator.IsAny() && !LocationOf(prefix.prefix)))
    {
        HandOver(prefix, locator, pbca); // sent by the node's new eMAG: we were its eMAG
    }
    else
    {
        // Sent by its previous eMAG: follow the node. While our own PBCA is awaited, this
        // is newer than what it will say (both ends moved at once, §9).
        m_drfStats.retargeted++;
        SetLocation(prefix, locator);
        if (!m_informing.empty())
        {
            m_fresh.insert(prefix);
        }
    }
    m_reliable.Answer(pbca, header.GetSource());
}

void
DistributedRoutingFunction::HandOver(const HomeNetworkPrefix& prefix,
                                     Ipv6Address locator,
                                     EpmipMessage& pbca)
{
    m_drfStats.handedOver++;
    HandedOver(prefix, locator);
    std::map<HomeNetworkPrefix, Ipv6Address> correspondents;
    for (auto it = m_peers.begin(); it != m_peers.end();)
    {
        for (Ipv6Address dst : prefix.Contains(it->first) ? it->second : std::set<Ipv6Address>{})
        {
            if (const auto* entry = LocationOf(dst))
            {
                correspondents.insert(*entry);
            }
        }
        it = prefix.Contains(it->first) ? m_peers.erase(it) : std::next(it);
    }
    for (const auto& [peer, peerLocator] : correspondents)
    {
        pbca.AddLocation(peer, peerLocator);
        if (peerLocator != locator && m_told.emplace(prefix, peerLocator).second)
        {
            Inform(prefix, locator, peerLocator); // the correspondent's eMAG re-targets
        }
    }
    if (locator.IsAny())
    {
        ForgetTold(prefix); // no forwarding to a legacy MAG: nothing to end later
    }
    else if (m_forwardLate)
    {
        m_forwardingTo[prefix] = locator;
        // Late downlink still tunnelled here goes on to the node (§4.3), for a while.
        SetLocation(prefix, locator);
        DropEndedForwarding();
        m_forwarding.push_back(Simulator::Schedule(m_forwardingLifetime,
                                                   &DistributedRoutingFunction::StopForwarding,
                                                   this,
                                                   prefix,
                                                   locator));
    }
}

void
DistributedRoutingFunction::HandleInformAck(Ptr<Packet> p,
                                            const Ipv6Header& header,
                                            Ptr<Ipv6Interface>)
{
    BindingChangeAck pbca;
    p->RemoveHeader(pbca);
    m_drfStats.informAcks++;
    bool ours = m_reliable.Acknowledge(pbca.GetSequence());
    auto it = m_informing.find(pbca.GetSequence());
    if (it == m_informing.end())
    {
        if (!ours)
        {
            OtherInformAck(pbca, header.GetSource());
        }
        return; // else a correspondent's eMAG acknowledging our PBCI
    }
    m_informing.erase(it);
    for (const auto& [prefix, locator] : pbca.GetLocations())
    {
        if (m_fresh.count(prefix) == 0)
        {
            SetLocation(prefix, locator); // the uplink is optimized again (§4.3)
        }
    }
    if (m_informing.empty())
    {
        m_fresh.clear();
    }
}

void
DistributedRoutingFunction::InformTimedOut(uint16_t seq)
{
    // Uplink queries its destinations again.
    m_drfStats.informTimeouts += m_informing.erase(seq);
}

void
DistributedRoutingFunction::DropEndedForwarding()
{
    // Every period lasts ForwardingLifetime, so they end in the order they began.
    while (!m_forwarding.empty() && m_forwarding.front().IsExpired())
    {
        m_forwarding.pop_front();
    }
}

std::size_t
DistributedRoutingFunction::GetForwardingPeriods() const
{
    return m_forwarding.size();
}

void
DistributedRoutingFunction::StopForwarding(HomeNetworkPrefix prefix, Ipv6Address locator)
{
    DropEndedForwarding(); // this period's own end counts as expired while it runs
    const auto* entry = m_locations.Lookup(prefix.prefix);
    ForgetTold(prefix);
    m_forwardingTo.erase(prefix);
    if (entry && entry->first == prefix && entry->second == locator)
    {
        m_locations.Erase(prefix);
        RemoveDestinationTunnel(prefix);
    }
}

void
DistributedRoutingFunction::ForgetTold(const HomeNetworkPrefix& prefix)
{
    auto told = m_told.lower_bound({prefix, Ipv6Address()});
    while (told != m_told.end() && told->first == prefix)
    {
        told = m_told.erase(told);
    }
}

bool
DistributedRoutingFunction::IsEmag(Ipv6Address address) const
{
    // The eMAGs of the domain are the tunnel peers the scenario configured (§8); a legacy
    // MAG is none, so it gets no PBCI it would not understand.
    Ptr<Ipv6TunnelL4Protocol> tunnels =
        GetIpv6L3()->GetObject<Node>()->GetObject<Ipv6TunnelL4Protocol>();
    return tunnels && tunnels->IsPeer(address);
}

void
DistributedRoutingFunction::TellSender(Ptr<const Packet> inner, Ipv6Address remote)
{
    Ipv6Header ip;
    if (m_forwardingTo.empty() || inner->PeekHeader(ip) == 0)
    {
        return;
    }
    for (const auto& [prefix, locator] : m_forwardingTo)
    {
        // A correspondent's eMAG we did not know of (it learnt the old location from a
        // PBCA while the node moved, §9) still sends here: tell it, once per handoff.
        if (prefix.Contains(ip.GetDestination()) && remote != locator &&
            m_told.emplace(prefix, remote).second)
        {
            Inform(prefix, locator, remote);
        }
    }
}

} // namespace ns3
