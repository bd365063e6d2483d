/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mr-agent.h"

#include "ns3/context-reply.h"
#include "ns3/context-request.h"
#include "ns3/distributed-mobility-routing.h"
#include "ns3/ipv6-interface.h"
#include "ns3/location-management.h"
#include "ns3/location-register-ack.h"
#include "ns3/location-register.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MrAgent");
NS_OBJECT_ENSURE_REGISTERED(MrAgent);

TypeId
MrAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MrAgent")
            .SetParent<AccessRouterAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<MrAgent>()
            .AddAttribute("ContextTimeout",
                          "How long to wait for the previous router's context before "
                          "registering only what is known.",
                          TimeValue(MilliSeconds(500)),
                          MakeTimeAccessor(&MrAgent::m_contextTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("ForwardingTime",
                          "How long a previous router forwards a departed node's packets to "
                          "the router that asked for its context.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&MrAgent::m_forwardingTime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("IdleRelease",
                          "How long an earlier address of a node may go without a packet "
                          "crossing this router before it is released (mobility support "
                          "only for ongoing communication); 0 never releases.",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&MrAgent::m_idleRelease),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

MrAgent::MrAgent()
{
}

MrAgent::~MrAgent()
{
}

void
MrAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [mac, node] : m_served)
    {
        node.timer.Cancel();
    }
    m_mr = nullptr;
    m_mh = nullptr;
    AccessRouterAgent::DoDispose();
}

void
MrAgent::Setup(Ptr<DistributedMobilityRouting> mr, Ipv6Address address, Ipv6Address server)
{
    NS_LOG_FUNCTION(this);
    m_mr = mr;
    m_address = address;
    m_server = server;
    m_mr->TraceConnectWithoutContext("AccessTraffic", MakeCallback(&PrefixUse::Note, &m_use));
}

const MrAgent::MrStats&
MrAgent::GetMrStats() const
{
    return m_mrStats;
}

void
MrAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    AccessRouterAgent::StartApplication();
    m_mh = MobilityL4Protocol::Install(GetNode());
    for (uint8_t subType : {DmmSessionHeader::CONTEXT_REQUEST,
                            DmmSessionHeader::CONTEXT_REPLY,
                            DmmSessionHeader::LOCATION_REGISTER_ACK})
    {
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              subType,
                              MakeCallback(&MrAgent::Handle, this));
    }
}

void
MrAgent::DoNotifyArrival(Mac48Address mac, Ipv6Address previous)
{
    m_served[mac].previous = previous;
    AccessRouterAgent::DoNotifyArrival(mac, previous);
}

void
MrAgent::DoNotifyDetached(Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    auto it = m_served.find(mac);
    if (it != m_served.end())
    {
        Served& node = it->second;
        node.attached = false;
        node.registering = false;
        node.timer.Cancel();
        for (const auto& unacked : node.waiting)
        {
            m_unacked.erase(unacked);
        }
        node.waiting.clear();
        for (const auto& [home, server] : node.homes)
        {
            m_mr->RemoveAccessRoute(HomeNetworkPrefix::Make(home, 128));
            m_mr->Hold(home); // until the next router asks for the context
        }
    }
    AccessRouterAgent::DoNotifyDetached(mac);
}

void
MrAgent::HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    const std::string* mnId = LookupPolicy(mac);
    if (!mnId)
    {
        AccessRouterAgent::HandleSolicitation(interface, peer, mac); // not ours to track
        return;
    }
    Served& node = m_served[mac];
    if (node.attached && !node.registering)
    {
        Advertise(mac); // solicited again while here
        return;
    }
    if (node.registering)
    {
        return; // the advertisement follows the registrations
    }
    node.mnId = *mnId;
    m_byMnId[*mnId].insert(mac);
    node.accessInterface = interface;
    node.linkLocal = peer;
    node.attached = true;
    node.registering = true;
    node.returned = false;
    node.visit = ++m_visits;
    // Its address here: stateless autoconfiguration from this link's prefix.
    node.own = Ipv6Address::MakeAutoconfiguredAddress(mac, GetOnLinkPrefix(interface).prefix);
    node.homes.emplace(node.own, m_server);
    if (!node.previous.IsAny() && node.previous != GetRouterAddress())
    {
        Simulator::Schedule(m_processingDelay, &MrAgent::AskContext, this, mac);
    }
    else
    {
        Simulator::Schedule(m_processingDelay, &MrAgent::InitialAttachment, this, mac);
    }
}

void
MrAgent::InitialAttachment(Mac48Address mac)
{
    Register(mac, Ipv6Address());
}

void
MrAgent::AskContext(Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    Served& node = m_served[mac];
    ContextRequest request;
    request.SetSequence(++m_sequence);
    request.SetMobileNode(node.mnId);
    m_mrStats.contextRequests++;
    m_mh->Send(request, m_address, node.previous);
    node.timer = Simulator::Schedule(m_contextTimeout, &MrAgent::ContextTimedOut, this, mac);
}

void
MrAgent::ContextTimedOut(Mac48Address mac)
{
    m_mrStats.contextTimeouts++;
    Register(mac, Ipv6Address());
}

void
MrAgent::Handle(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface)
{
    NS_LOG_FUNCTION(this);
    std::optional<uint8_t> subType = DmmSessionHeader::PeekSubType(p);
    if (subType == DmmSessionHeader::CONTEXT_REQUEST)
    {
        ContextRequest request;
        p->RemoveHeader(request);
        Simulator::Schedule(m_processingDelay,
                            &MrAgent::ServeContext,
                            this,
                            request,
                            header.GetSource());
    }
    else if (subType == DmmSessionHeader::CONTEXT_REPLY)
    {
        ContextReply reply;
        p->RemoveHeader(reply);
        DeliverHere(reply); // the previous router forwards the node's packets right behind
        Simulator::Schedule(m_processingDelay, &MrAgent::ContextArrived, this, reply);
    }
    else if (subType == DmmSessionHeader::LOCATION_REGISTER_ACK)
    {
        Acknowledged(p, header.GetSource());
    }
}

void
MrAgent::ServeContext(const ContextRequest& request, Ipv6Address from)
{
    NS_LOG_FUNCTION(this);
    std::optional<std::string> mnId = request.GetMobileNode();
    // Of a node with several interfaces, the first served here: as it always was.
    const std::set<Mac48Address>& macs = ServedMacs(mnId.value_or(""));
    auto it = macs.empty() ? m_served.end() : m_served.find(*macs.begin());
    if (it == m_served.end() || it->second.attached)
    {
        m_mrStats.invalid++;
        return;
    }
    Served& node = it->second;
    for (auto home = node.homes.begin(); home != node.homes.end();)
    {
        Ipv6Address address = (home++)->first; // Release erases it
        if (address != node.own && m_idleRelease.IsStrictlyPositive() &&
            m_use.IsIdle(HomeNetworkPrefix::Make(address, 128), m_idleRelease))
        {
            Release(node, address); // its flows ended here: the next router does not carry it
        }
    }
    ContextReply reply;
    reply.SetSequence(request.GetSequence());
    reply.SetMobileNode(*mnId);
    // The address formed here first: its home server names the network the node left.
    reply.AddSession(HomeNetworkPrefix::Make(node.own, 128), node.homes.at(node.own));
    std::vector<Ipv6Address> forwarded;
    for (const auto& [home, server] : node.homes)
    {
        if (home != node.own)
        {
            reply.AddSession(HomeNetworkPrefix::Make(home, 128), server);
        }
        // Packets still routed here (stale caches, packets in flight) follow the node.
        m_mr->SetDestinationTunnel(HomeNetworkPrefix::Make(home, 128),
                                   MobilityRouting::Tunnel{m_address, from});
        forwarded.push_back(home);
        m_use.Forget(HomeNetworkPrefix::Make(home, 128)); // the next router watches it
    }
    Simulator::Schedule(m_forwardingTime, &MrAgent::StopForwarding, this, forwarded, from);
    AddToContext(it->first, from, reply);
    m_mrStats.contextsServed++;
    m_mh->Send(reply, m_address, from);
    // After the reply, on the same path: the new router knows the addresses when they come.
    for (const auto& home : forwarded)
    {
        m_mr->Release(home, from);
    }
    if (ForgetsDepartedNodes())
    {
        Simulator::Schedule(m_forwardingTime, &MrAgent::Forget, this, it->first, node.visit);
    }
}

bool
MrAgent::ForgetsDepartedNodes() const
{
    return true;
}

void
MrAgent::Forget(Mac48Address mac, uint32_t visit)
{
    auto it = m_served.find(mac);
    if (it == m_served.end() || it->second.attached || it->second.visit != visit)
    {
        return; // back here since
    }
    // Its context went to the next router and the forwarding ended: nothing here needs it.
    auto macs = m_byMnId.find(it->second.mnId);
    macs->second.erase(mac);
    if (macs->second.empty())
    {
        m_byMnId.erase(macs);
    }
    m_served.erase(it);
}

void
MrAgent::StopForwarding(std::vector<Ipv6Address> homes, Ipv6Address to)
{
    NS_LOG_FUNCTION(this);
    for (const auto& home : homes)
    {
        // Only this forwarding: the node may have come back and left again since.
        const MobilityRouting::Tunnel* tunnel = m_mr->LookupDestinationTunnel(home);
        if (tunnel && tunnel->remote == to)
        {
            m_mr->RemoveDestinationTunnel(HomeNetworkPrefix::Make(home, 128));
        }
    }
}

const std::set<Mac48Address>&
MrAgent::ServedMacs(const std::string& mnId) const
{
    static const std::set<Mac48Address> none;
    auto macs = m_byMnId.find(mnId);
    return macs == m_byMnId.end() ? none : macs->second;
}

void
MrAgent::DeliverHere(const ContextReply& reply)
{
    NS_LOG_FUNCTION(this);
    for (const Mac48Address& mac : ServedMacs(reply.GetMobileNode().value_or("")))
    {
        const Served& node = m_served.at(mac);
        for (const auto& [prefix, server] : reply.GetSessions())
        {
            if (node.attached && prefix.prefix != node.own)
            {
                m_mr->SetAccessRoute(prefix, node.accessInterface, node.linkLocal);
            }
        }
    }
}

void
MrAgent::ContextArrived(const ContextReply& reply)
{
    NS_LOG_FUNCTION(this);
    auto it = m_served.end();
    for (const Mac48Address& mac : ServedMacs(reply.GetMobileNode().value_or("")))
    {
        if (m_served.at(mac).timer.IsRunning())
        {
            it = m_served.find(mac); // the interface that asked
            break;
        }
    }
    auto sessions = reply.GetSessions();
    if (it == m_served.end() || sessions.empty())
    {
        m_mrStats.invalid++;
        return;
    }
    Served& node = it->second;
    node.timer.Cancel();
    node.returned = false;
    // The context lists what the node uses now; what it had on an earlier visit here is past.
    Ipv6Address ownServer = node.homes.at(node.own);
    node.homes = {{node.own, ownServer}};
    for (const auto& [prefix, server] : sessions)
    {
        node.homes[prefix.prefix] = server;
        node.returned = node.returned || prefix.prefix == node.own;
        if (prefix.prefix != node.own && m_idleRelease.IsStrictlyPositive())
        {
            m_use.MarkUsed(prefix); // its flows were live at the previous router
            Simulator::Schedule(m_idleRelease,
                                &MrAgent::ReleaseIdle,
                                this,
                                it->first,
                                prefix.prefix,
                                node.visit);
        }
    }
    if (ContextReceived(it->first, reply))
    {
        Register(it->first, sessions.front().second);
    }
}

void
MrAgent::Register(Mac48Address mac, Ipv6Address previousServer)
{
    NS_LOG_FUNCTION(this);
    Served& node = m_served[mac];
    if (!node.attached)
    {
        return; // left meanwhile
    }
    bool changedNetwork = previousServer != m_server; // :: (unknown) counts as a change
    std::map<Ipv6Address, std::vector<Ipv6Address>> here;
    std::map<Ipv6Address, std::vector<Ipv6Address>> pointers;
    std::map<Ipv6Address, std::vector<Ipv6Address>> removals;
    for (const auto& [home, server] : node.homes)
    {
        // Packets for a node that was here but never left are not forwarded back.
        m_mr->RemoveDestinationTunnel(HomeNetworkPrefix::Make(home, 128));
        bool wasAway = home != node.own || node.returned; // registered by the previous router
        if (wasAway && !previousServer.IsAny() && changedNetwork && previousServer != server)
        {
            removals[previousServer].push_back(home); // the network it left tracks it no more
        }
        if (home == node.own)
        {
            if (node.returned)
            {
                removals[m_server].push_back(home); // back at its router: native again
            }
            continue;
        }
        m_mr->SetAccessRoute(HomeNetworkPrefix::Make(home, 128),
                             node.accessInterface,
                             node.linkLocal);
        here[m_server].push_back(home);
        if (changedNetwork && server != m_server)
        {
            pointers[server].push_back(home); // hierarchical: the home server hears of networks
        }
    }
    for (const auto& [server, homes] : removals)
    {
        Send(mac, server, homes, Ipv6Address::GetAny(), true);
    }
    for (const auto& [server, homes] : here)
    {
        Send(mac, server, homes, m_address, false);
    }
    for (const auto& [server, homes] : pointers)
    {
        Send(mac, server, homes, m_server, false);
    }
    if (node.waiting.empty())
    {
        Advertise(mac);
    }
}

void
MrAgent::Send(Mac48Address mac,
              Ipv6Address server,
              const std::vector<Ipv6Address>& homes,
              Ipv6Address locator,
              bool remove)
{
    uint16_t sequence = SendRegister(server, homes, locator, remove);
    m_served[mac].waiting.insert({server, sequence});
    m_unacked[{server, sequence}] = mac;
}

uint16_t
MrAgent::SendRegister(Ipv6Address server,
                      const std::vector<Ipv6Address>& homes,
                      Ipv6Address locator,
                      bool remove)
{
    NS_LOG_FUNCTION(this);
    LocationRegister reg;
    reg.SetSequence(++m_sequence);
    reg.SetRemove(remove);
    reg.GetOptions().SetTimestamp(TimeToPmipTimestamp(Simulator::Now()));
    for (const auto& home : homes)
    {
        reg.AddSession(HomeNetworkPrefix::Make(home, 128), locator);
    }
    m_mrStats.registers++;
    m_mh->Send(reg, m_address, server);
    return m_sequence;
}

void
MrAgent::Acknowledged(Ptr<Packet> p, Ipv6Address from)
{
    NS_LOG_FUNCTION(this);
    LocationRegisterAck ack;
    p->RemoveHeader(ack);
    auto unacked = m_unacked.find({from, ack.GetSequence()});
    if (unacked == m_unacked.end())
    {
        // A release's answer (not awaited), or a late answer for a node that left.
        m_mrStats.acks += ack.GetRemove() ? 1 : 0;
        m_mrStats.invalid += ack.GetRemove() ? 0 : 1;
        return;
    }
    Mac48Address mac = unacked->second;
    m_unacked.erase(unacked);
    Served& node = m_served[mac];
    node.waiting.erase({from, ack.GetSequence()});
    m_mrStats.acks++;
    if (node.waiting.empty() && node.registering)
    {
        Simulator::Schedule(m_processingDelay, &MrAgent::RegistrationsDone, this, mac);
    }
}

void
MrAgent::ReleaseIdle(Mac48Address mac, Ipv6Address home, uint32_t visit)
{
    NS_LOG_FUNCTION(this);
    Served& node = m_served[mac];
    if (!node.attached || node.visit != visit || !node.homes.count(home))
    {
        return; // left (ServeContext decides then), or released already
    }
    HomeNetworkPrefix address = HomeNetworkPrefix::Make(home, 128);
    if (!m_use.IsIdle(address, m_idleRelease))
    {
        Time left = m_idleRelease - m_use.IdleFor(address);
        Simulator::Schedule(left, &MrAgent::ReleaseIdle, this, mac, home, visit);
        return;
    }
    Release(node, home);
}

void
MrAgent::Release(Served& node, Ipv6Address home)
{
    NS_LOG_FUNCTION(this << home);
    HomeNetworkPrefix address = HomeNetworkPrefix::Make(home, 128);
    Ipv6Address homeServer = node.homes.at(home);
    m_mr->RemoveAccessRoute(address);
    // Registered here (home -> this router) and, from another network, pointed to by its
    // home server (home -> this network's server): both go. Not awaited: no step waits.
    SendRegister(m_server, {home}, Ipv6Address::GetAny(), true);
    if (homeServer != m_server)
    {
        SendRegister(homeServer, {home}, Ipv6Address::GetAny(), true);
    }
    node.homes.erase(home);
    m_use.Forget(address);
    m_mrStats.released++;
}

void
MrAgent::AddToContext(Mac48Address, Ipv6Address, ContextReply&)
{
}

bool
MrAgent::ContextReceived(Mac48Address, const ContextReply&)
{
    return true;
}

void
MrAgent::Registered(Mac48Address)
{
}

void
MrAgent::RegistrationsDone(Mac48Address mac)
{
    Advertise(mac);
    if (m_served[mac].attached)
    {
        Registered(mac);
    }
}

void
MrAgent::Advertise(Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    Served& node = m_served[mac];
    if (!node.attached)
    {
        return;
    }
    node.registering = false;
    HomeNetworkPrefix prefix =
        node.advertised.length ? node.advertised : GetOnLinkPrefix(node.accessInterface);
    std::vector<AdvertisedPrefix> prefixes;
    if (RefreshesPrefixes())
    {
        // Its addresses from earlier routers, deprecated (as a MAR's kept prefixes, seed 003
        // §4.2 step 4): not on-link here, only their lifetimes refreshed while they are
        // used; a released one is left out and ends at the node.
        std::set<HomeNetworkPrefix> earlier;
        for (const auto& [home, server] : node.homes)
        {
            HomeNetworkPrefix p = HomeNetworkPrefix::Make(home, 64);
            if (!p.Contains(node.own) && earlier.insert(p).second)
            {
                AdvertisedPrefix kept{p, AdvertisedValidLifetime(), Seconds(0)};
                kept.onLink = false;
                prefixes.push_back(kept);
            }
        }
    }
    // Last here, first in the RA: the stack takes it first, as with no other prefix.
    AdvertisedPrefix own{prefix,
                         AdvertisedValidLifetime(),
                         AdvertisedPreferredLifetime(),
                         0,
                         node.autonomous};
    // ns-3's host keys a prefix by the option's whole Prefix field, with the R flag the
    // router's address (RFC 6275 §7.2): the next router's refresh of it, which cannot name
    // that router, would not match, and the address would end while in use.
    own.namesRouter = !RefreshesPrefixes();
    prefixes.push_back(own);
    SendAdvertisement(node.accessInterface, node.linkLocal, prefixes);
    ScheduleReadvertisement(mac, [this, mac]() { Advertise(mac); });
}

} // namespace ns3
