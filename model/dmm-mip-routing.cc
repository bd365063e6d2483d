/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dmm-mip-routing.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/mr-redirect.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmmMipRouting");
NS_OBJECT_ENSURE_REGISTERED(DmmMipRouting);

namespace
{
constexpr uint8_t MOBILITY_HEADER = 135; //!< next header of a Mobility Header
} // namespace

TypeId
DmmMipRouting::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DmmMipRouting")
            .SetParent<DistributedMobilityRouting>()
            .SetGroupName("Dmm")
            .AddConstructor<DmmMipRouting>()
            .AddAttribute(
                "Optimization",
                "How a correspondent's router finds the node's router (seed 002 "
                "§4.3): Query (Fig 3: ask the location management, hold the first "
                "packets) or Redirect (Fig 4: native to the anchoring router, "
                "which redirects).",
                EnumValue(DmmMipRouting::QUERY),
                MakeEnumAccessor(&DmmMipRouting::m_optimization),
                MakeEnumChecker(DmmMipRouting::QUERY, "Query", DmmMipRouting::REDIRECT, "Redirect"))
            .AddAttribute("RedirectInterval",
                          "At most one Redirect per receiver and address in this interval "
                          "(packets in flight meet the old route meanwhile).",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&DmmMipRouting::m_redirectInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AnswerLifetime",
                          "How long the anchoring router redirects with an LM answer "
                          "for a node that left it (Fig 4). Nobody tells it of the "
                          "node's later moves, so a packet arriving natively after this "
                          "makes it ask again (0: on every such packet, as Fig 4 reads).",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&DmmMipRouting::m_answerLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("UpdateNativeSenders",
                          "During a handover context (§4.4) also send the new location "
                          "to the router of a correspondent whose packets arrive here "
                          "natively (this router anchors the address), not only to the "
                          "senders of tunnelled packets as Fig 5 draws it.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&DmmMipRouting::m_updateNativeSenders),
                          MakeBooleanChecker());
    return tid;
}

DmmMipRouting::DmmMipRouting()
{
}

DmmMipRouting::~DmmMipRouting()
{
}

const DmmMipRouting::MipStats&
DmmMipRouting::GetMipStats() const
{
    return m_mipStats;
}

std::size_t
DmmMipRouting::GetRateLimitedPairs() const
{
    return m_redirectedAt.size();
}

void
DmmMipRouting::Setup(Ipv6Address local)
{
    DistributedMobilityRouting::Setup(local);
    // Not in the constructor: the TypeId that lists "Resolved" is only set after it, so a
    // connection made there fails silently and no answer would trigger a Redirect.
    [[maybe_unused]] bool connected =
        TraceConnectWithoutContext("Resolved", MakeCallback(&DmmMipRouting::Resolved, this));
    NS_ASSERT_MSG(connected, "no Resolved trace source");
    MobilityL4Protocol::Install(GetIpv6L3()->GetObject<Node>())
        ->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          MrRedirect::SUBTYPE,
                          MakeCallback(&DmmMipRouting::HandleRedirect, this));
}

bool
DmmMipRouting::RouteInput(Ptr<const Packet> p,
                          const Ipv6Header& header,
                          Ptr<const NetDevice> idev,
                          UnicastForwardCallback ucb,
                          MulticastForwardCallback mcb,
                          LocalDeliverCallback lcb,
                          ErrorCallback ecb)
{
    if (header.GetNextHeader() == MOBILITY_HEADER && TakeRedirect(p, header))
    {
        return true;
    }
    if (!GetDecapsulatedFrom().IsAny() && DropMovedOn(p, header))
    {
        return true;
    }
    if (m_updateNativeSenders && GetDecapsulatedFrom().IsAny() &&
        header.GetNextHeader() != MOBILITY_HEADER)
    {
        UpdateNativeSender(header);
    }
    return DistributedMobilityRouting::RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
}

bool
DmmMipRouting::Resolve(Ptr<const Packet> p, const Ipv6Header& header, bool queue)
{
    Ipv6Address dst = header.GetDestination();
    if (!queue)
    {
        // The correspondent's router.
        if (m_optimization == REDIRECT && !GetCache()->Lookup(dst))
        {
            m_mipStats.nativeFirst++; // Fig 4 step 3: the anchoring router will redirect
            return false;
        }
        return DistributedMobilityRouting::Resolve(p, header, true); // Fig 3: hold, ask
    }
    // The anchoring router, for a node that left its link.
    if (m_optimization == REDIRECT && !AnsweredRecently(dst))
    {
        // Fig 4 steps 4-5 come before the Redirect (8): ask the LM. This router's entry
        // is not kept current (the correspondents' routers tunnel past it once
        // redirected), so it may name a router the node has left: a Redirect with it
        // would send the correspondent's router to a Location Stale and back here.
        GetCache()->Remove(HomeNetworkPrefix::Make(dst, 128));
    }
    bool consumed = DistributedMobilityRouting::Resolve(p, header, true);
    if (m_optimization == REDIRECT && consumed)
    {
        std::optional<Ipv6Address> locator = GetCache()->Lookup(dst);
        if (locator && !locator->IsAny())
        {
            SendRedirect(header.GetSource(), dst, *locator, ROUTE_OPTIMIZATION);
        }
        else
        {
            m_waiting[dst].insert(header.GetSource()); // Fig 4 step 8 follows the answer
        }
    }
    return consumed;
}

bool
DmmMipRouting::AnsweredRecently(Ipv6Address home) const
{
    auto it = m_answeredAt.find(home);
    return it != m_answeredAt.end() && Simulator::Now() - it->second < m_answerLifetime;
}

void
DmmMipRouting::Resolved(Ipv6Address home, Ipv6Address locator)
{
    m_answeredAt[home] = Simulator::Now();
    auto it = m_waiting.find(home);
    if (it == m_waiting.end())
    {
        return;
    }
    std::set<Ipv6Address> correspondents = std::move(it->second);
    m_waiting.erase(it);
    for (const auto& to : correspondents)
    {
        if (!locator.IsAny())
        {
            SendRedirect(to, home, locator, ROUTE_OPTIMIZATION);
        }
    }
}

void
DmmMipRouting::SendStale(Ipv6Address to, Ipv6Address home, Ipv6Address locator)
{
    const Tunnel* forward = LookupDestinationTunnel(home);
    if (forward && locator == GetLocal())
    {
        // §4.4 Fig 5 step 7: the previous router tells the sender where the node is now.
        SendRedirect(to, home, forward->remote, LOCATION_UPDATE);
        return;
    }
    DistributedMobilityRouting::SendStale(to, home, locator);
}

void
DmmMipRouting::SetMovedTo(Ipv6Address home, Ipv6Address router)
{
    m_movedTo[home] = router;
}

void
DmmMipRouting::ClearMovedTo(Ipv6Address home, Ipv6Address router)
{
    auto it = m_movedTo.find(home);
    if (it != m_movedTo.end() && (router.IsAny() || it->second == router))
    {
        m_movedTo.erase(it);
        if (!router.IsAny())
        {
            m_released.insert(home);
        }
    }
    if (router.IsAny())
    {
        m_released.erase(home); // back here
    }
    // The context transfer also left the new location in this router's cache (Release):
    // part of the same temporary context, and it would send the node's packets back to
    // the new router after the node moved on again.
    std::optional<Ipv6Address> cached = GetCache()->Lookup(home);
    if (cached && (router.IsAny() || *cached == router))
    {
        GetCache()->Remove(HomeNetworkPrefix::Make(home, 128));
    }
}

bool
DmmMipRouting::DropMovedOn(Ptr<const Packet> p, const Ipv6Header& header)
{
    Ipv6Address dst = header.GetDestination();
    if (LookupDestinationTunnel(dst))
    {
        return false; // forwarded
    }
    auto it = m_movedTo.find(dst);
    if (it == m_movedTo.end())
    {
        if (m_released.count(dst))
        {
            // After the handover: this router knows nothing of the node any more. The
            // packet takes the native route to the anchoring router; the sender's entry
            // naming this router is stale (also when the sender is that anchoring router).
            DistributedMobilityRouting::SendStale(GetDecapsulatedFrom(), dst, GetLocal());
        }
        return false;
    }
    // §4.4: without the forwarding tunnel the packet is lost, but the sender's router
    // still learns the new location ("the pMR needs to send a message to MR31").
    m_mipStats.notForwarded++;
    NotifyDrop(p, header, NO_BINDING);
    SendRedirect(GetDecapsulatedFrom(), dst, it->second, LOCATION_UPDATE);
    return true;
}

void
DmmMipRouting::UpdateNativeSender(const Ipv6Header& header)
{
    auto it = m_movedTo.find(header.GetDestination());
    if (it == m_movedTo.end() || IsBehindHostInterface(header.GetSource()))
    {
        return;
    }
    // §4.4: "the pMR needs to send a message to MR31 to update MN1's routing location
    // stored in MR31 locally", also when that location is the native route to this
    // router, the address's anchor (the node attached here first, or a new HoA of §4.2).
    // Addressed to the correspondent as in Fig 4: its router takes it. Without it the
    // correspondent's router keeps the native route until its entry expires, and this
    // router, once the handover context is deleted, asks the LM (home LM, then the
    // visited network's, a referral) to tunnel them on.
    SendRedirect(header.GetSource(), it->first, it->second, LOCATION_UPDATE);
}

void
DmmMipRouting::SendRedirect(Ipv6Address to,
                            Ipv6Address home,
                            Ipv6Address locator,
                            RedirectReason reason)
{
    ForgetExpiredRedirects();
    RedirectKey key{to, home};
    if (m_redirectedAt.count(key))
    {
        return;
    }
    m_redirectedAt[key] = Simulator::Now();
    m_redirectOrder.emplace_back(key, Simulator::Now());
    MrRedirect redirect;
    redirect.SetSequence(++m_sequence);
    redirect.SetLocation(home, locator);
    m_mipStats.redirectsSent++;
    // Counted here, not per packet that asks for it: RedirectInterval suppresses most.
    m_mipStats.locationUpdates += reason == LOCATION_UPDATE ? 1 : 0;
    NS_LOG_INFO(GetLocal() << " redirects " << to << ": " << home << " at " << locator);
    MobilityL4Protocol::Install(GetIpv6L3()->GetObject<Node>())->Send(redirect, GetLocal(), to);
}

void
DmmMipRouting::ForgetExpiredRedirects()
{
    // Sent in time order: the expired ones are at the front, so this costs O(expired) and
    // the map holds only the pairs of the last RedirectInterval.
    while (!m_redirectOrder.empty() &&
           Simulator::Now() - m_redirectOrder.front().second >= m_redirectInterval)
    {
        auto it = m_redirectedAt.find(m_redirectOrder.front().first);
        if (it != m_redirectedAt.end() && it->second == m_redirectOrder.front().second)
        {
            m_redirectedAt.erase(it);
        }
        m_redirectOrder.pop_front();
    }
}

bool
DmmMipRouting::TakeRedirect(Ptr<const Packet> p, const Ipv6Header& header)
{
    if (DmmSessionHeader::PeekSubType(p) != MrRedirect::SUBTYPE ||
        IsLocal(header.GetDestination()) || !IsBehindHostInterface(header.GetDestination()))
    {
        return false;
    }
    m_mipStats.redirectsTaken++;
    Apply(p);
    return true;
}

bool
DmmMipRouting::IsBehindHostInterface(Ipv6Address a) const
{
    Ptr<Ipv6L3Protocol> ipv6 = GetIpv6L3();
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; IsHostInterface(i) && j < ipv6->GetNAddresses(i); ++j)
        {
            Ipv6InterfaceAddress address = ipv6->GetAddress(i, j);
            if (address.GetScope() == Ipv6InterfaceAddress::GLOBAL &&
                address.GetPrefix().IsMatch(address.GetAddress(), a))
            {
                return true;
            }
        }
    }
    return false;
}

void
DmmMipRouting::HandleRedirect(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    Apply(p);
}

void
DmmMipRouting::Apply(Ptr<const Packet> p)
{
    MrRedirect redirect;
    p->Copy()->RemoveHeader(redirect);
    if (redirect.GetParseResult() != MobilityHeader::ParseResult::OK ||
        redirect.GetLocator().IsAny())
    {
        return;
    }
    NS_LOG_INFO(GetLocal() << " re-targets " << redirect.GetHome() << " to "
                           << redirect.GetLocator());
    auto key = HomeNetworkPrefix::Make(redirect.GetHome(), 128);
    // A forwarding router in a chain: its forwarding tunnel would win over the cache and
    // keep the detour (and the Redirects) going, so the chain collapses as on a Stale.
    if (LookupDestinationTunnel(redirect.GetHome()))
    {
        RemoveDestinationTunnel(key);
    }
    GetCache()->Insert(key, redirect.GetLocator());
}

} // namespace ns3
