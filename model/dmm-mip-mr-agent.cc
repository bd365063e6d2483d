/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dmm-mip-mr-agent.h"

#include "ns3/boolean.h"
#include "ns3/context-reply.h"
#include "ns3/dmm-mip-routing.h"
#include "ns3/enum.h"
#include "ns3/hoa-reply.h"
#include "ns3/hoa-request.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mr-handover-complete.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmmMipMrAgent");
NS_OBJECT_ENSURE_REGISTERED(DmmMipMrAgent);

TypeId
DmmMipMrAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DmmMipMrAgent")
            .SetParent<MrAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<DmmMipMrAgent>()
            .AddAttribute("UpdateLmOnAttach",
                          "Register a node's home address with the location management at "
                          "its first attachment too (seed 002 §4.1: optional, the address is "
                          "anchored here and routed natively).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DmmMipMrAgent::m_updateLmOnAttach),
                          MakeBooleanChecker())
            .AddAttribute("HaaTimeout",
                          "How long to wait for the HAA's HoA Reply before leaving the node "
                          "without service.",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&DmmMipMrAgent::m_haaTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("NewHomeAddress",
                          "A node arriving from another router also forms an address on this "
                          "router's link, anchored here (seed 002 §4.2, optional); otherwise "
                          "the advertisement only names the router and the node keeps its "
                          "home address.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DmmMipMrAgent::m_newHomeAddress),
                          MakeBooleanChecker())
            .AddAttribute("HandoverComplete",
                          "Once the location servers acknowledged a node's new location, "
                          "tell the previous router, which deletes its temporary mobility "
                          "context (seed 002 §4.4); otherwise only ForwardingTime ends it.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&DmmMipMrAgent::m_handoverComplete),
                          MakeBooleanChecker())
            .AddAttribute("HoaStatus",
                          "Where a router learns the HoA status of a node arriving from "
                          "another router (seed 002 §4.2: \"e.g. from mobile node's HAA in "
                          "home local network\"): the previous router's context transfer, "
                          "or the home HAA asked before the LMs are updated.",
                          EnumValue(DmmMipMrAgent::CONTEXT),
                          MakeEnumAccessor(&DmmMipMrAgent::m_hoaStatus),
                          MakeEnumChecker(DmmMipMrAgent::CONTEXT,
                                          "Context",
                                          DmmMipMrAgent::HOME_HAA,
                                          "HomeHaa"));
    return tid;
}

DmmMipMrAgent::DmmMipMrAgent()
{
}

DmmMipMrAgent::~DmmMipMrAgent()
{
}

void
DmmMipMrAgent::SetHaa(Ipv6Address haa)
{
    m_haa = haa;
}

void
DmmMipMrAgent::AddHomeHaa(Ipv6Address server, Ipv6Address haa)
{
    m_homeHaas[server] = haa;
}

const DmmMipMrAgent::HaaStats&
DmmMipMrAgent::GetHaaStats() const
{
    return m_haaStats;
}

void
DmmMipMrAgent::StartApplication()
{
    MrAgent::StartApplication();
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          HoaReply::SUBTYPE,
                          MakeCallback(&DmmMipMrAgent::Receive, this));
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          MrHandoverComplete::SUBTYPE,
                          MakeCallback(&DmmMipMrAgent::Completed, this));
}

std::optional<SecurityContext>
DmmMipMrAgent::GetSecurityContext(const std::string& mnId) const
{
    for (const Mac48Address& mac : ServedMacs(mnId))
    {
        if (auto context = m_security.find(mac); context != m_security.end())
        {
            return context->second;
        }
    }
    return std::nullopt;
}

void
DmmMipMrAgent::HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac)
{
    MrAgent::HandleSolicitation(interface, peer, mac);
    auto prefix = m_prefixes.find(mac);
    auto node = m_served.find(mac);
    Ptr<DmmMipRouting> mr = DynamicCast<DmmMipRouting>(m_mr);
    if (node != m_served.end() && mr)
    {
        for (const auto& [home, server] : node->second.homes)
        {
            mr->ClearMovedTo(home, Ipv6Address::GetAny()); // back here: no handover away
        }
    }
    if (node != m_served.end())
    {
        const Ipv6Address& previous = node->second.previous;
        node->second.autonomous =
            m_newHomeAddress || previous.IsAny() || previous == GetRouterAddress();
    }
    if (prefix != m_prefixes.end() && node != m_served.end() && node->second.attached)
    {
        // Back at the router of its stateful prefix: that is its address here.
        AdoptPrefix(node->second, mac, prefix->second);
    }
}

void
DmmMipMrAgent::InitialAttachment(Mac48Address mac)
{
    Served& node = m_served[mac];
    // Placeholder: the association the security work would set up here (§4.4, §6).
    uint8_t b[16];
    m_address.GetBytes(b);
    m_security[mac] =
        SecurityContext{(uint32_t(b[14]) << 24) | (uint32_t(b[15]) << 16) | ++m_spis, 1};
    HoaRequest request;
    request.SetSequence(++m_haaSequence);
    request.SetMobileNode(node.mnId);
    request.AddSession(HomeNetworkPrefix::Make(node.own, 128), m_address);
    m_asking[m_haaSequence] = mac;
    m_timers[m_haaSequence] =
        Simulator::Schedule(m_haaTimeout, &DmmMipMrAgent::TimedOut, this, m_haaSequence);
    m_haaStats.requests++;
    m_mh->Send(request, m_address, m_haa);
}

void
DmmMipMrAgent::TimedOut(uint16_t sequence)
{
    m_haaStats.timeouts++;
    m_asking.erase(sequence);
    m_timers.erase(sequence);
}

void
DmmMipMrAgent::Receive(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    HoaReply reply;
    p->RemoveHeader(reply);
    if (m_statusAsked.count(reply.GetSequence()))
    {
        Simulator::Schedule(m_processingDelay, &DmmMipMrAgent::StatusReceived, this, reply);
        return;
    }
    if (!m_asking.count(reply.GetSequence()))
    {
        m_haaStats.late++;
        return;
    }
    Simulator::Schedule(m_processingDelay, &DmmMipMrAgent::Assigned, this, reply);
}

void
DmmMipMrAgent::Assigned(const HoaReply& reply)
{
    auto it = m_asking.find(reply.GetSequence());
    if (it == m_asking.end())
    {
        m_haaStats.late++; // timed out while the reply was processed
        return;
    }
    Mac48Address mac = it->second;
    m_asking.erase(it);
    m_timers[reply.GetSequence()].Cancel();
    m_timers.erase(reply.GetSequence());
    auto sessions = reply.GetSessions();
    Served& node = m_served[mac];
    if (reply.GetRemove() || sessions.empty())
    {
        m_haaStats.refused++;
        return;
    }
    m_haaStats.assigned++;
    if (!node.attached)
    {
        return; // left meanwhile
    }
    if (sessions.front().first.length < 128)
    {
        m_prefixes[mac] = sessions.front().first;
        m_mr->AddAccessLink(node.accessInterface, sessions.front().first);
        AdoptPrefix(node, mac, sessions.front().first);
    }
    if (m_updateLmOnAttach)
    {
        Send(mac, m_server, {node.own}, m_address, false); // the advertisement waits for it
    }
    Register(mac, Ipv6Address());
}

void
DmmMipMrAgent::AdoptPrefix(Served& node, Mac48Address mac, const HomeNetworkPrefix& prefix)
{
    node.homes.erase(node.own);
    node.own = Ipv6Address::MakeAutoconfiguredAddress(mac, prefix.prefix);
    node.homes.emplace(node.own, m_server);
    node.advertised = prefix;
    m_mr->NodeAttached(node.accessInterface, node.linkLocal, mac);
    m_mr->SetAccessRoute(HomeNetworkPrefix::Make(node.own, 128),
                         node.accessInterface,
                         node.linkLocal);
}

void
DmmMipMrAgent::AddToContext(Mac48Address mac, Ipv6Address to, ContextReply& reply)
{
    // §4.4: the previous router records the node's new location for the handover, also
    // when it does not forward, to update the correspondents' routers.
    Ptr<DmmMipRouting> mr = DynamicCast<DmmMipRouting>(m_mr);
    for (const auto& [home, server] : m_served[mac].homes)
    {
        if (mr)
        {
            mr->SetMovedTo(home, to);
        }
    }
    if (!m_handoverComplete)
    {
        TimeValue forwarding; // no completion will come: the forwarding time bounds it
        GetAttribute("ForwardingTime", forwarding);
        Simulator::Schedule(forwarding.Get(), &DmmMipMrAgent::Release, this, mac, to);
    }
    auto it = m_security.find(mac);
    if (it != m_security.end())
    {
        it->second.AddTo(reply.GetOptions()); // §4.4: "e.g. security context"
    }
}

bool
DmmMipMrAgent::ContextReceived(Mac48Address mac, const ContextReply& reply)
{
    std::optional<SecurityContext> context = SecurityContext::Find(reply.GetOptions());
    if (context)
    {
        m_security[mac] = *context;
    }
    m_handingOver[mac] = m_served[mac].previous;
    return m_hoaStatus == CONTEXT || !AskStatus(mac, reply.GetSessions().front().second);
}

bool
DmmMipMrAgent::AskStatus(Mac48Address mac, Ipv6Address previousServer)
{
    Served& node = m_served[mac];
    std::set<Ipv6Address> servers;
    for (const auto& [home, server] : node.homes)
    {
        if (home != node.own && m_homeHaas.count(server))
        {
            servers.insert(server);
        }
    }
    for (const Ipv6Address& server : servers)
    {
        // No proposal: the home HAA answers with the node's assignment or refuses (§4.2).
        HoaRequest request;
        request.SetSequence(++m_haaSequence);
        request.SetMobileNode(node.mnId);
        m_statusAsked[m_haaSequence] = {mac, server};
        m_timers[m_haaSequence] =
            Simulator::Schedule(m_haaTimeout, &DmmMipMrAgent::StatusTimedOut, this, m_haaSequence);
        m_haaStats.statusQueries++;
        m_mh->Send(request, m_address, m_homeHaas.at(server));
    }
    if (!servers.empty())
    {
        m_statusPrevious[mac] = previousServer;
    }
    return !servers.empty();
}

void
DmmMipMrAgent::StatusReceived(const HoaReply& reply)
{
    auto it = m_statusAsked.find(reply.GetSequence());
    if (it == m_statusAsked.end())
    {
        m_haaStats.late++; // timed out while the reply was processed
        return;
    }
    auto [mac, server] = it->second;
    m_statusAsked.erase(it);
    m_timers[reply.GetSequence()].Cancel();
    m_timers.erase(reply.GetSequence());
    auto sessions = reply.GetSessions();
    m_haaStats.statusConfirmed += reply.GetRemove() || sessions.empty() ? 0 : 1;
    Served& node = m_served[mac];
    for (auto home = node.homes.begin(); home != node.homes.end();)
    {
        bool named =
            !reply.GetRemove() && !sessions.empty() && sessions.front().first.Contains(home->first);
        if (home->second != server || home->first == node.own || named)
        {
            ++home;
            continue;
        }
        // Not a home address its HAA knows of: no DMM service for it here.
        m_mr->RemoveAccessRoute(HomeNetworkPrefix::Make(home->first, 128));
        m_haaStats.unconfirmed++;
        home = node.homes.erase(home);
    }
    StatusDone(mac);
}

void
DmmMipMrAgent::StatusTimedOut(uint16_t sequence)
{
    m_haaStats.statusTimeouts++;
    Mac48Address mac = m_statusAsked.at(sequence).first;
    m_statusAsked.erase(sequence);
    m_timers.erase(sequence);
    StatusDone(mac);
}

void
DmmMipMrAgent::StatusDone(Mac48Address mac)
{
    for (const auto& [sequence, asked] : m_statusAsked)
    {
        if (asked.first == mac)
        {
            return; // another home HAA has yet to answer
        }
    }
    auto it = m_statusPrevious.find(mac);
    if (it != m_statusPrevious.end())
    {
        Ipv6Address previousServer = it->second;
        m_statusPrevious.erase(it);
        Register(mac, previousServer);
    }
}

bool
DmmMipMrAgent::ForgetsDepartedNodes() const
{
    return false;
}

void
DmmMipMrAgent::Registered(Mac48Address mac)
{
    auto it = m_handingOver.find(mac);
    if (it == m_handingOver.end())
    {
        return; // a first attachment, or the previous router never answered
    }
    Ipv6Address previous = it->second;
    m_handingOver.erase(it);
    if (!m_handoverComplete)
    {
        return;
    }
    MrHandoverComplete complete;
    complete.SetSequence(++m_haaSequence);
    complete.SetMobileNode(m_served[mac].mnId);
    m_haaStats.completions++;
    m_mh->Send(complete, m_address, previous);
}

void
DmmMipMrAgent::Completed(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    MrHandoverComplete complete;
    p->RemoveHeader(complete);
    std::optional<std::string> mnId = complete.GetMobileNode();
    for (const Mac48Address& mac : ServedMacs(mnId.value_or("")))
    {
        if (!m_served.at(mac).attached)
        {
            // §4.4: the mobility context of a node in handover is temporary; the handover
            // is finished, so the forwarding to the new router and the context go.
            Release(mac, header.GetSource());
            m_haaStats.released++;
            NS_LOG_INFO(m_address << " releases the context of " << *mnId);
            return;
        }
    }
    m_haaStats.unknownCompletion++;
}

void
DmmMipMrAgent::Release(Mac48Address mac, Ipv6Address to)
{
    std::vector<Ipv6Address> homes;
    Ptr<DmmMipRouting> mr = DynamicCast<DmmMipRouting>(m_mr);
    for (const auto& [home, server] : m_served[mac].homes)
    {
        homes.push_back(home);
        if (mr)
        {
            mr->ClearMovedTo(home, to);
        }
    }
    StopForwarding(homes, to);
    m_security.erase(mac);
}

} // namespace ns3
