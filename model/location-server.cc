/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-server.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-update.h"
#include "ns3/boolean.h"
#include "ns3/ipv6-interface.h"
#include "ns3/lm-relay.h"
#include "ns3/location-notify.h"
#include "ns3/location-query.h"
#include "ns3/location-register-ack.h"
#include "ns3/location-register.h"
#include "ns3/location-reply.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationServer");
NS_OBJECT_ENSURE_REGISTERED(LocationServer);

TypeId
LocationServer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationServer")
                            .SetParent<DmmAgent>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationServer>()
                            .AddTraceSource("Answer",
                                            "A Location Reply or Notify was sent.",
                                            MakeTraceSourceAccessor(&LocationServer::m_answerTrace),
                                            "ns3::LocationServer::AnswerTracedCallback");
    return tid;
}

LocationServer::LocationServer()
{
}

LocationServer::~LocationServer()
{
}

void
LocationServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_lm = nullptr;
    m_mh = nullptr;
    m_relay = nullptr;
    DmmAgent::DoDispose();
}

void
LocationServer::Setup(Ptr<LocationManagement> lm,
                      Ipv6Address address,
                      const std::vector<HomeNetworkPrefix>& partition,
                      const std::vector<Ipv6Address>& servers)
{
    NS_LOG_FUNCTION(this);
    m_lm = lm;
    m_address = address;
    m_partition = partition;
    m_servers = std::set<Ipv6Address>(servers.begin(), servers.end());
    m_lm->TraceConnectWithoutContext("BindingUpdated",
                                     MakeCallback(&LocationServer::BindingChanged, this));
    m_lm->TraceConnectWithoutContext("BindingRemoved",
                                     MakeCallback(&LocationServer::BindingRemoved, this));
}

Ptr<LocationManagement>
LocationServer::GetLocationManagement() const
{
    return m_lm;
}

Ipv6Address
LocationServer::GetAddress() const
{
    return m_address;
}

bool
LocationServer::IsHomeServerOf(Ipv6Address a) const
{
    NS_LOG_FUNCTION(this);
    for (const auto& prefix : m_partition)
    {
        if (prefix.Contains(a))
        {
            return true;
        }
    }
    return false;
}

const LocationServer::Stats&
LocationServer::GetStats() const
{
    return m_stats;
}

void
LocationServer::SetRelay(Ptr<LmRelay> relay)
{
    m_relay = relay;
}

void
LocationServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    DmmAgent::StartApplication();
    m_mh = MobilityL4Protocol::Install(GetNode());
    m_mh->RegisterHandler(MobilityHeader::BINDING_UPDATE,
                          MakeCallback(&LocationServer::HandleUpdate, this));
    // A mobility router on the same node takes the replies, notifications and stale hints.
    for (uint8_t subType : {DmmSessionHeader::LOCATION_QUERY, DmmSessionHeader::LOCATION_REGISTER})
    {
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              subType,
                              MakeCallback(&LocationServer::HandleLocation, this));
    }
    if (m_relay)
    {
        m_relay->Setup(m_mh, m_address);
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              DmmSessionHeader::LOCATION_REPLY,
                              MakeCallback(&LocationServer::HandleLocation, this));
    }
}

void
LocationServer::StopApplication()
{
    DmmAgent::StopApplication();
}

void
LocationServer::HandleUpdate(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    if (m_running)
    {
        Simulator::Schedule(m_processingDelay, &LocationServer::ProcessUpdate, this, p, header);
    }
}

void
LocationServer::HandleLocation(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface)
{
    NS_LOG_FUNCTION(this);
    std::optional<uint8_t> subType = DmmSessionHeader::PeekSubType(p);
    if (subType == DmmSessionHeader::LOCATION_REGISTER)
    {
        if (m_running)
        {
            Simulator::Schedule(m_processingDelay,
                                &LocationServer::ProcessRegister,
                                this,
                                p,
                                header.GetSource());
        }
        return;
    }
    if (subType == DmmSessionHeader::LOCATION_REPLY && m_relay)
    {
        if (m_running)
        {
            Simulator::Schedule(m_processingDelay,
                                &LmRelay::RelayAnswer,
                                m_relay,
                                p,
                                header.GetSource());
        }
        return;
    }
    if (subType != DmmSessionHeader::LOCATION_QUERY)
    {
        m_stats.invalid++;
        return;
    }
    if (m_running)
    {
        Simulator::Schedule(m_processingDelay,
                            &LocationServer::ProcessQuery,
                            this,
                            p,
                            header.GetSource());
    }
}

void
LocationServer::ProcessUpdate(Ptr<Packet> p, Ipv6Header header)
{
    NS_LOG_FUNCTION(this);
    BindingUpdate bu;
    p->RemoveHeader(bu);
    // The source is the home address (HAO applied); the care-of address is the Alternate
    // Care-of Address option's, and the Anchor option names a visited network's server.
    Ipv6Address home = header.GetSource();
    Ipv6Address careOf = bu.GetOptions().GetAlternateCareOfAddress().value_or(home);
    std::optional<Ipv6Address> visited =
        DmmSessionHeader::GetAnchorOption(bu.GetOptions(), DmmSessionHeader::VISITED_SERVER);
    BindingResult result;
    result.sequence = bu.GetSequence();
    if (bu.GetProxyRegistration() || (!bu.GetHomeRegistration() && !bu.GetMapRegistration()))
    {
        result.status = BindingStatus::HOME_REGISTRATION_NOT_SUPPORTED;
    }
    else if (bu.GetHomeRegistration() && !IsHomeServerOf(home))
    {
        result.status = BindingStatus::NOT_HOME_SUBNET;
    }
    else
    {
        std::ostringstream id;
        id << home;
        BindingRequest req;
        req.mnId = id.str();
        req.prefixes.push_back(HomeNetworkPrefix::Make(home, 128));
        req.careOf = visited.value_or(careOf);
        req.lifetime = bu.GetLifetime();
        req.sequence = bu.GetSequence();
        result = m_lm->Update(req);
    }
    m_stats.registrations++;
    m_stats.rejected += IsBindingAccepted(result.status) ? 0 : 1;
    NS_LOG_INFO("LM " << m_address << ": " << home << " -> " << visited.value_or(careOf)
                      << " status " << result.status);
    BindingAck ba;
    ba.SetStatus(static_cast<uint8_t>(result.status));
    ba.SetSequence(result.sequence);
    ba.SetLifetime(result.lifetime);
    if (bu.GetAckRequested() || !IsBindingAccepted(result.status))
    {
        m_mh->SendToMobileNode(ba, m_address, careOf, home);
    }
}

void
LocationServer::ProcessRegister(Ptr<Packet> p, Ipv6Address from)
{
    NS_LOG_FUNCTION(this);
    LocationRegister reg;
    p->RemoveHeader(reg);
    // Routers register on behalf of nodes (network-based): no lifetimes; the sender's
    // clock orders registrations from different routers (RFC 5213 §5.5.1's approach).
    uint64_t timestamp = reg.GetOptions().GetTimestamp().value_or(0);
    LocationRegisterAck ack;
    ack.SetSequence(reg.GetSequence());
    ack.SetRemove(reg.GetRemove());
    for (const auto& [prefix, locator] : reg.GetSessions())
    {
        Ipv6Address home = prefix.prefix;
        auto it = m_registered.find(home);
        bool older = it != m_registered.end() && timestamp < it->second.timestamp;
        bool foreignPointer = m_servers.count(locator) && !IsHomeServerOf(home);
        if (older || foreignPointer)
        {
            m_stats.rejected++;
            continue;
        }
        Answer before = Lookup(home);
        if (reg.GetRemove())
        {
            if (it != m_registered.end())
            {
                m_registered.erase(it);
            }
        }
        else
        {
            m_registered[home] = Registered{locator, timestamp};
        }
        m_stats.registrations++;
        ack.AddSession(prefix, locator);
        Answer after = Lookup(home);
        if (after.locator != before.locator)
        {
            NotifySubscribers(home, after);
        }
    }
    m_mh->Send(ack, m_address, from);
}

LocationServer::Answer
LocationServer::Lookup(Ipv6Address home) const
{
    NS_LOG_FUNCTION(this);
    if (auto it = m_registered.find(home); it != m_registered.end())
    {
        return Answer{it->second.locator, m_servers.count(it->second.locator) > 0};
    }
    const BindingCacheEntry* e = m_lm->LookupByAddress(home);
    if (!e || e->state != BindingCacheEntry::State::ACTIVE)
    {
        return Answer{};
    }
    return Answer{e->careOf, m_servers.count(e->careOf) > 0};
}

void
LocationServer::ProcessQuery(Ptr<Packet> p, Ipv6Address from)
{
    NS_LOG_FUNCTION(this);
    LocationQuery query;
    p->RemoveHeader(query);
    Ipv6Address home = query.GetHome();
    if (home.IsAny())
    {
        m_stats.invalid++;
        return;
    }
    // §3.3: an LM that holds nothing for the address asks the LM that manages it.
    if (m_relay && !IsHomeServerOf(home) && Lookup(home).locator.IsAny() &&
        m_relay->RelayQuery(query, from))
    {
        return;
    }
    if (query.IsSubscribe())
    {
        m_subscribers[home].insert(from); // push (000 §5.2): the router wants changes
    }
    m_stats.queries++;
    LocationReply reply;
    reply.SetSequence(query.GetSequence());
    Send(reply, from, home, Lookup(home));
}

void
LocationServer::Send(LocationMessage& msg, Ipv6Address to, Ipv6Address home, const Answer& answer)
{
    NS_LOG_FUNCTION(this);
    msg.SetLocation(home, answer.locator);
    msg.SetReferral(answer.referral);
    msg.SetRemove(answer.locator.IsAny());
    m_stats.referrals += answer.referral ? 1 : 0;
    m_stats.unknown += answer.locator.IsAny() ? 1 : 0;
    m_answerTrace(to, home, answer.locator, answer.referral);
    m_mh->Send(msg, m_address, to);
}

void
LocationServer::NotifySubscribers(Ipv6Address home, const Answer& answer)
{
    NS_LOG_FUNCTION(this);
    auto it = m_subscribers.find(home);
    if (it == m_subscribers.end())
    {
        return;
    }
    for (const auto& mr : it->second)
    {
        m_stats.notifications++;
        LocationNotify notify;
        Send(notify, mr, home, answer);
    }
}

void
LocationServer::BindingChanged(const BindingCacheEntry& entry, Ipv6Address previousCareOf)
{
    NS_LOG_FUNCTION(this);
    if (entry.prefixes.empty())
    {
        return;
    }
    Ipv6Address home = entry.prefixes.front().prefix;
    if (entry.state != BindingCacheEntry::State::ACTIVE)
    {
        NotifySubscribers(home, Answer{}); // de-registered: route natively
    }
    else if (entry.careOf != previousCareOf)
    {
        NotifySubscribers(home, Lookup(home)); // a refresh changes nothing
    }
}

void
LocationServer::BindingRemoved(const BindingCacheEntry& entry,
                               LocationManagement::RemovalCause cause)
{
    NS_LOG_FUNCTION(this);
    // A de-registration was notified when it was accepted.
    if (!entry.prefixes.empty() && cause == LocationManagement::EXPIRED)
    {
        NotifySubscribers(entry.prefixes.front().prefix, Answer{});
    }
}

} // namespace ns3
