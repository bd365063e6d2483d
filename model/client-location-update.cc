/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "client-location-update.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-update.h"
#include "ns3/dmm-session-header.h"
#include "ns3/double.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ClientLocationUpdate");
NS_OBJECT_ENSURE_REGISTERED(ClientLocationUpdate);

namespace
{
std::string
AddressString(Ipv6Address a)
{
    std::ostringstream os;
    os << a;
    return os.str();
}
} // namespace

TypeId
ClientLocationUpdate::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ClientLocationUpdate")
            .SetParent<LocationUpdate>()
            .SetGroupName("Dmm")
            .AddConstructor<ClientLocationUpdate>()
            .AddAttribute("Lifetime",
                          "Lifetime requested from home agents and MAPs.",
                          TimeValue(Seconds(300)),
                          MakeTimeAccessor(&ClientLocationUpdate::m_lifetime),
                          MakeTimeChecker(Seconds(4), Seconds(262140)))
            .AddAttribute("CorrespondentLifetime",
                          "Lifetime requested from correspondents (RFC 6275 §5.2.6 caps it "
                          "at MAX_RR_BINDING_LIFETIME, 420 s).",
                          TimeValue(Seconds(420)),
                          MakeTimeAccessor(&ClientLocationUpdate::m_correspondentLifetime),
                          MakeTimeChecker(Seconds(4), Seconds(420)))
            .AddAttribute("RefreshRatio",
                          "Fraction of the granted lifetime after which a binding is refreshed.",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&ClientLocationUpdate::m_refreshRatio),
                          MakeDoubleChecker<double>(0.1, 0.99))
            .AddAttribute("InitialBindackTimeout",
                          "First retransmission timeout (RFC 6275 INITIAL_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&ClientLocationUpdate::m_initialTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("InitialBindackTimeoutFirstReg",
                          "First retransmission timeout of a first home registration "
                          "(RFC 6275 §13, InitialBindackTimeoutFirstReg).",
                          TimeValue(Seconds(1.5)),
                          MakeTimeAccessor(&ClientLocationUpdate::m_initialTimeoutFirstReg),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxBindackTimeout",
                          "Give up once the timeout would exceed this (MAX_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&ClientLocationUpdate::m_maxTimeout),
                          MakeTimeChecker(MilliSeconds(1)));
    return tid;
}

ClientLocationUpdate::ClientLocationUpdate()
{
}

ClientLocationUpdate::~ClientLocationUpdate()
{
}

void
ClientLocationUpdate::DoDispose()
{
    Halt();
    m_mh = nullptr;
    m_authorize = AuthorizeCallback();
    m_verify = VerifyCallback();
    LocationUpdate::DoDispose();
}

void
ClientLocationUpdate::Halt()
{
    for (auto& [key, e] : m_list)
    {
        e.rtx.Stop();
        e.refresh.Cancel();
    }
    m_list.clear();
}

void
ClientLocationUpdate::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address homeAgent)
{
    m_mh = mh;
    m_homeAgent = homeAgent;
    m_mh->RegisterHandler(MobilityHeader::BINDING_ACK,
                          MakeCallback(&ClientLocationUpdate::HandleBa, this));
}

void
ClientLocationUpdate::SetAuthorizeCallback(AuthorizeCallback cb)
{
    m_authorize = cb;
}

void
ClientLocationUpdate::SetVerifyCallback(VerifyCallback cb)
{
    m_verify = cb;
}

uint64_t
ClientLocationUpdate::GetUnverifiedAcks() const
{
    return m_unverified;
}

void
ClientLocationUpdate::SetRelay(Ipv6Address relay)
{
    m_relay = relay;
}

void
ClientLocationUpdate::SetCareOf(Ipv6Address careOf)
{
    m_careOf = careOf;
}

uint64_t
ClientLocationUpdate::GetRetransmissions() const
{
    return m_retransmissions;
}

bool
ClientLocationUpdate::IsBound(Ipv6Address peer) const
{
    auto it = m_list.lower_bound(Key{peer, Ipv6Address()});
    return it != m_list.end() && it->first.first == peer && it->second.acked;
}

bool
ClientLocationUpdate::HasBinding(Ipv6Address peer) const
{
    auto it = m_list.lower_bound(Key{peer, Ipv6Address()});
    return it != m_list.end() && it->first.first == peer;
}

bool
ClientLocationUpdate::HasBinding(Ipv6Address peer, Ipv6Address home) const
{
    return m_list.count(Key{peer, home}) > 0;
}

void
ClientLocationUpdate::Register(const std::string&,
                               const std::vector<HomeNetworkPrefix>& prefixes,
                               const std::vector<uint8_t>&)
{
    NS_ASSERT_MSG(prefixes.size() == 1, "a home registration binds one home address");
    Bind(m_homeAgent, PeerKind::HOME_AGENT, prefixes.front().prefix, m_careOf);
}

void
ClientLocationUpdate::Deregister(const std::string&)
{
    Unbind(m_homeAgent, m_careOf);
}

void
ClientLocationUpdate::Bind(Ipv6Address peer,
                           PeerKind kind,
                           Ipv6Address home,
                           Ipv6Address careOf,
                           Ipv6Address visitedServer)
{
    NS_LOG_FUNCTION(this << peer << home << careOf);
    Key key{peer, home};
    Entry& e = m_list[key];
    e.kind = kind;
    e.home = home;
    e.careOf = careOf;
    e.visitedServer = visitedServer;
    e.lifetime = kind == PeerKind::CORRESPONDENT ? m_correspondentLifetime : m_lifetime;
    SendBu(key);
}

void
ClientLocationUpdate::Unbind(Ipv6Address peer, Ipv6Address careOf, Ipv6Address home)
{
    NS_LOG_FUNCTION(this << peer << careOf << home);
    std::vector<Key> keys;
    for (auto it = m_list.lower_bound(Key{peer, Ipv6Address()});
         it != m_list.end() && it->first.first == peer;
         ++it)
    {
        if (home.IsAny() || it->first.second == home)
        {
            keys.push_back(it->first);
        }
    }
    for (const Key& key : keys)
    {
        Entry& e = m_list[key];
        e.refresh.Cancel();
        e.careOf = careOf;
        e.lifetime = Seconds(0);
        SendBu(key);
    }
}

void
ClientLocationUpdate::SendBu(Key key)
{
    Entry& e = m_list[key];
    e.sequence++;
    e.acked = false;
    // RFC 6275 §11.8: a first home registration may need DAD at the home agent.
    bool firstReg = e.kind == PeerKind::HOME_AGENT && !e.everAcked;
    e.rtx.Start(firstReg ? m_initialTimeoutFirstReg : m_initialTimeout);
    e.refresh.Cancel();
    Transmit(key);
}

void
ClientLocationUpdate::Transmit(Key key)
{
    Ipv6Address peer = key.first;
    Entry& e = m_list[key];
    if (!e.rtx.Next(m_maxTimeout))
    {
        Outcome outcome{AddressString(e.home),
                        BindingStatus::REASON_UNSPECIFIED,
                        {HomeNetworkPrefix::Make(e.home, 128)},
                        Seconds(0),
                        true,
                        peer};
        ReportOutcome(outcome);
        return;
    }
    BindingUpdate bu;
    bu.SetHomeRegistration(e.kind == PeerKind::HOME_AGENT);
    bu.SetMapRegistration(e.kind == PeerKind::MAP);
    bu.SetSequence(e.sequence); // a retransmission keeps its sequence number
    bu.SetLifetime(e.lifetime);
    bool atHome = e.home == e.careOf;
    if (!atHome)
    {
        bu.GetOptions().SetAlternateCareOfAddress(e.careOf); // §6.2.5: survives IPsec
    }
    // Through a proxy LU (000 §5.1.2, Fig 8 pLU): the current router relays it.
    bool relayed = !m_relay.IsAny() && e.kind == PeerKind::HOME_AGENT && peer != m_relay && !atHome;
    if (relayed)
    {
        DmmSessionHeader::AddAnchorOption(bu.GetOptions(), DmmSessionHeader::RELAY_TARGET, peer);
    }
    if (!e.visitedServer.IsAny())
    {
        DmmSessionHeader::AddAnchorOption(bu.GetOptions(),
                                          DmmSessionHeader::VISITED_SERVER,
                                          e.visitedServer);
    }
    if (e.kind == PeerKind::CORRESPONDENT && (m_authorize.IsNull() || !m_authorize(peer, bu)))
    {
        e.rtx.Stop(); // no keys yet: the return routability procedure resends
        return;
    }
    if (atHome)
    {
        m_mh->Send(bu, e.home, peer); // §11.5.4: returning home, no Home Address option
    }
    else
    {
        m_mh->SendWithHomeAddress(bu, e.careOf, relayed ? m_relay : peer, e.home);
    }
    m_retransmissions += e.rtx.IsRetransmission() ? 1 : 0;
    ReportUpdate(AddressString(e.home), e.sequence, e.lifetime, e.rtx.IsRetransmission());
    e.rtx.timer = Simulator::Schedule(e.rtx.timeout, &ClientLocationUpdate::Transmit, this, key);
}

void
ClientLocationUpdate::HandleBa(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    std::vector<uint8_t> bytes = CopyLeadingBytes(p, p->GetSize());
    BindingAck ba;
    p->RemoveHeader(ba);
    // The destination is the home address (after the type 2 routing header).
    auto it = m_list.find(Key{header.GetSource(), header.GetDestination()});
    if (ba.GetProxyRegistration() || it == m_list.end() || !it->second.rtx.pending ||
        ba.GetSequence() != it->second.sequence)
    {
        return; // RFC 6275 §11.7.3: only the answer to the outstanding BU counts
    }
    Ipv6Address peer = it->first.first;
    Key key = it->first;
    if (it->second.kind == PeerKind::CORRESPONDENT && !m_verify.IsNull() && !m_verify(peer, bytes))
    {
        m_unverified++; // RFC 6275 §11.7.3: silently discarded; the BU is retransmitted
        return;
    }
    Entry& e = it->second;
    e.rtx.Stop();
    bool accepted = ba.GetStatus() < 128;
    Outcome outcome{AddressString(e.home),
                    static_cast<BindingStatus>(ba.GetStatus()),
                    {HomeNetworkPrefix::Make(e.home, 128)},
                    ba.GetLifetime(),
                    false,
                    peer};
    if (accepted && e.lifetime.IsStrictlyPositive())
    {
        e.acked = true;
        e.everAcked = true;
        e.refresh = Simulator::Schedule(ba.GetLifetime() * m_refreshRatio,
                                        &ClientLocationUpdate::SendBu,
                                        this,
                                        key);
    }
    else
    {
        m_list.erase(it);
    }
    ReportOutcome(outcome);
}

} // namespace ns3
