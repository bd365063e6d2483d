/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "proxy-location-update.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/epmip-message.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/sequence-number-store.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProxyLocationUpdate");
NS_OBJECT_ENSURE_REGISTERED(ProxyLocationUpdate);

TypeId
ProxyLocationUpdate::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ProxyLocationUpdate")
            .SetParent<LocationUpdate>()
            .SetGroupName("Dmm")
            .AddConstructor<ProxyLocationUpdate>()
            .AddAttribute("Lifetime",
                          "Binding lifetime requested in Proxy Binding Updates.",
                          TimeValue(Seconds(300)),
                          MakeTimeAccessor(&ProxyLocationUpdate::m_lifetime),
                          MakeTimeChecker(Seconds(4), Seconds(262140)))
            .AddAttribute("RefreshRatio",
                          "Fraction of the granted lifetime after which the binding is refreshed.",
                          DoubleValue(0.8),
                          MakeDoubleAccessor(&ProxyLocationUpdate::m_refreshRatio),
                          MakeDoubleChecker<double>(0.1, 0.99))
            .AddAttribute("InitialBindackTimeout",
                          "First retransmission timeout (RFC 6275 INITIAL_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&ProxyLocationUpdate::m_initialTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxBindackTimeout",
                          "Give up once the timeout would exceed this (RFC 6275 "
                          "MAX_BINDACK_TIMEOUT).",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&ProxyLocationUpdate::m_maxTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("UseTimestamps",
                          "Send the Timestamp option (RFC 5213 §5.5, default on).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&ProxyLocationUpdate::m_useTimestamps),
                          MakeBooleanChecker())
            .AddAttribute("HandoffIndicator",
                          "Handoff Indicator sent on registration (RFC 5213 §8.4); 4 = handoff "
                          "state unknown, since a MAG cannot tell an attach from a handover.",
                          UintegerValue(4),
                          MakeUintegerAccessor(&ProxyLocationUpdate::m_handoffIndicator),
                          MakeUintegerChecker<uint8_t>(1, 5))
            .AddAttribute("AccessTechnologyType",
                          "Access Technology Type (RFC 5213 §8.5): 3 = IEEE 802.3, 4 = 802.11.",
                          UintegerValue(3),
                          MakeUintegerAccessor(&ProxyLocationUpdate::m_accessTechnology),
                          MakeUintegerChecker<uint8_t>(1, 5))
            .AddAttribute("MaxSequenceResyncs",
                          "How often one update adopts the LMA's last accepted sequence number "
                          "from a status-135 PBA and is sent again (RFC 6275 §11.7.3) before it "
                          "is abandoned; one suffices unless another registration of the node "
                          "overtakes it.",
                          UintegerValue(3),
                          MakeUintegerAccessor(&ProxyLocationUpdate::m_maxResyncs),
                          MakeUintegerChecker<uint32_t>(0, 16))
            .AddAttribute("SequenceStore",
                          "Sequence numbers shared with the other MAGs (RFC 5213 §5.5 leaves "
                          "such a context transfer out of scope); null, the default: learn "
                          "the LMA's number from its status-135 refusal.",
                          PointerValue(),
                          MakePointerAccessor(&ProxyLocationUpdate::m_store),
                          MakePointerChecker<SequenceNumberStore>());
    return tid;
}

ProxyLocationUpdate::ProxyLocationUpdate()
{
}

ProxyLocationUpdate::~ProxyLocationUpdate()
{
}

void
ProxyLocationUpdate::Halt()
{
    for (auto& [id, e] : m_list)
    {
        e.rtx.Stop();
        e.refresh.Cancel();
    }
    m_list.clear();
}

void
ProxyLocationUpdate::DoDispose()
{
    Halt();
    m_mh = nullptr;
    m_store = nullptr;
    LocationUpdate::DoDispose();
}

void
ProxyLocationUpdate::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local, Ipv6Address anchor)
{
    m_mh = mh;
    m_local = local;
    m_anchor = anchor;
    m_mh->RegisterHandler(MobilityHeader::BINDING_ACK,
                          MakeCallback(&ProxyLocationUpdate::HandlePba, this));
}

Ipv6Address
ProxyLocationUpdate::GetAnchor() const
{
    return m_anchor;
}

void
ProxyLocationUpdate::SetAnchorFor(const std::string& mnId, Ipv6Address anchor)
{
    m_anchorOf[mnId] = anchor;
}

Ipv6Address
ProxyLocationUpdate::GetAnchor(const std::string& mnId) const
{
    auto it = m_anchorOf.find(mnId);
    return it == m_anchorOf.end() ? m_anchor : it->second;
}

Ipv6Address
ProxyLocationUpdate::GetLocal() const
{
    return m_local;
}

const ProxyLocationUpdate::Stats&
ProxyLocationUpdate::GetStats() const
{
    return m_stats;
}

uint64_t
ProxyLocationUpdate::Timestamp() const
{
    // RFC 5213 §8.8 format; simulation time is the clock.
    return TimeToPmipTimestamp(Simulator::Now());
}

void
ProxyLocationUpdate::Register(const std::string& mnId,
                              const std::vector<HomeNetworkPrefix>& prefixes,
                              const std::vector<uint8_t>& linkLayerId)
{
    RegisterWith(GetAnchor(mnId), mnId, prefixes, linkLayerId);
}

void
ProxyLocationUpdate::RegisterWith(Ipv6Address anchor,
                                  const std::string& mnId,
                                  const std::vector<HomeNetworkPrefix>& prefixes,
                                  const std::vector<uint8_t>& linkLayerId)
{
    NS_LOG_FUNCTION(this << anchor << mnId);
    Key key{mnId, anchor, linkLayerId};
    auto [it, created] = m_list.try_emplace(key);
    Entry& e = it->second;
    if (created && m_store)
    {
        // Continue from the number the previous MAG sent, so the LMA needs no refusal.
        e.sequence = m_store->Lookup(mnId).value_or(0);
    }
    e.prefixes = prefixes;
    e.linkLayerId = linkLayerId;
    e.lifetime = m_lifetime;
    StartUpdate(key);
}

void
ProxyLocationUpdate::Deregister(const std::string& mnId)
{
    // Every session of the node: each interface registered its own (RFC 5213 §5.4).
    std::vector<std::vector<uint8_t>> interfaces;
    for (const auto& [key, entry] : m_list)
    {
        if (std::get<0>(key) == mnId && std::get<1>(key) == GetAnchor(mnId))
        {
            interfaces.push_back(std::get<2>(key));
        }
    }
    for (const auto& linkLayerId : interfaces)
    {
        DeregisterWith(GetAnchor(mnId), mnId, linkLayerId);
    }
}

void
ProxyLocationUpdate::DeregisterWith(Ipv6Address anchor,
                                    const std::string& mnId,
                                    const std::vector<uint8_t>& linkLayerId)
{
    NS_LOG_FUNCTION(this << anchor << mnId);
    auto it = m_list.find({mnId, anchor, linkLayerId});
    if (it == m_list.end())
    {
        return;
    }
    it->second.refresh.Cancel();
    it->second.lifetime = Seconds(0);
    StartUpdate(it->first);
}

void
ProxyLocationUpdate::StartUpdate(Key key)
{
    m_list[key].resyncs = 0;
    SendPbu(key);
}

void
ProxyLocationUpdate::SendPbu(Key key)
{
    Entry& e = m_list[key];
    e.sequence++;
    if (m_store)
    {
        m_store->Record(std::get<0>(key), e.sequence);
    }
    e.rtx.Start(m_initialTimeout);
    Retransmit(key);
}

void
ProxyLocationUpdate::Retransmit(Key key)
{
    const std::string& mnId = std::get<0>(key);
    Entry& e = m_list[key];
    if (!e.rtx.Next(m_maxTimeout))
    {
        m_stats.timedOut++;
        ReportOutcome(Outcome{mnId,
                              BindingStatus::REASON_UNSPECIFIED,
                              e.prefixes,
                              Seconds(0),
                              true,
                              std::get<1>(key),
                              e.linkLayerId});
        return;
    }
    ProxyBindingUpdate pbu;
    pbu.SetSequence(e.sequence); // retransmissions keep the sequence number (RFC 5213 §6.9.4)
    pbu.SetLifetime(e.lifetime);
    MobilityOptions& opts = pbu.GetOptions();
    opts.SetMobileNodeIdentifier(mnId);
    if (e.prefixes.empty())
    {
        opts.AddHomeNetworkPrefix(Ipv6Address::GetAny(), 0); // RFC 5213 §6.9.1.1: ask for one
    }
    for (const auto& hnp : e.prefixes)
    {
        opts.AddHomeNetworkPrefix(hnp.prefix, hnp.length);
    }
    opts.SetHandoffIndicator(m_handoffIndicator);
    opts.SetAccessTechnologyType(m_accessTechnology);
    if (!e.linkLayerId.empty())
    {
        opts.SetMobileNodeLinkLayerIdentifier(e.linkLayerId);
    }
    if (m_useTimestamps)
    {
        opts.SetTimestamp(Timestamp());
    }
    m_mh->Send(pbu, m_local, std::get<1>(key));
    ReportUpdate(mnId, e.sequence, e.lifetime, e.rtx.IsRetransmission());
    e.rtx.timer = Simulator::Schedule(e.rtx.timeout, &ProxyLocationUpdate::Retransmit, this, key);
}

std::map<ProxyLocationUpdate::Key, ProxyLocationUpdate::Entry>::iterator
ProxyLocationUpdate::FindEntry(const std::string& mnId,
                               Ipv6Address anchor,
                               const MobilityOptions& options)
{
    // The LMA echoes the MN-LL-ID (RFC 5213 §5.3.6): it tells the interfaces' sessions apart.
    auto llid = options.GetMobileNodeLinkLayerIdentifier();
    auto it = m_list.find({mnId, anchor, llid.value_or(std::vector<uint8_t>{})});
    if (it != m_list.end() || llid)
    {
        return it;
    }
    // A PBA that omits it can still only mean the node's one session at that LMA.
    auto match = m_list.end();
    for (auto e = m_list.begin(); e != m_list.end(); ++e)
    {
        if (std::get<0>(e->first) == mnId && std::get<1>(e->first) == anchor)
        {
            if (match != m_list.end())
            {
                return m_list.end(); // ambiguous
            }
            match = e;
        }
    }
    return match;
}

void
ProxyLocationUpdate::HandlePba(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    ProxyBindingAck pba;
    p->RemoveHeader(pba);
    std::optional<std::string> mnId = pba.GetOptions().GetMobileNodeIdentifier();
    if (!pba.GetProxyRegistration() || !mnId)
    {
        return;
    }
    auto it = FindEntry(*mnId, header.GetSource(), pba.GetOptions());
    if (it == m_list.end() || !it->second.rtx.pending)
    {
        return; // RFC 5213 §6.9.1.2: only the answer to the outstanding PBU counts
    }
    // RFC 6275 §11.7.3 (RFC 5213 §6.9.1.2 applies it to PBAs): a status-135 answer carries
    // the LMA's last accepted number, not ours, so it is matched on the node and the LMA.
    if (static_cast<BindingStatus>(pba.GetStatus()) == BindingStatus::SEQUENCE_OUT_OF_WINDOW)
    {
        Resync(it->first, pba.GetSequence());
        return;
    }
    if (pba.GetSequence() != it->second.sequence)
    {
        return;
    }
    Entry& e = it->second;
    e.rtx.Stop();
    Outcome outcome{*mnId,
                    static_cast<BindingStatus>(pba.GetStatus()),
                    {},
                    pba.GetLifetime(),
                    false,
                    header.GetSource(),
                    it->second.linkLayerId};
    for (const auto& [prefix, length] : pba.GetOptions().GetHomeNetworkPrefixes())
    {
        outcome.prefixes.push_back(HomeNetworkPrefix::Make(prefix, length));
    }
    outcome.previous = EpmipMessage::GetPreviousLocation(pba.GetOptions()).value_or(Ipv6Address());
    bool accepted = pba.GetStatus() < 128;
    if (accepted && e.lifetime.IsStrictlyPositive())
    {
        e.prefixes = outcome.prefixes;
        e.lifetime = m_lifetime;
        e.refresh = Simulator::Schedule(outcome.lifetime * m_refreshRatio,
                                        &ProxyLocationUpdate::StartUpdate,
                                        this,
                                        it->first);
    }
    else
    {
        m_list.erase(it);
    }
    ReportOutcome(outcome);
}

void
ProxyLocationUpdate::Resync(Key key, uint16_t lastAccepted)
{
    NS_LOG_FUNCTION(this << std::get<0>(key) << lastAccepted);
    auto it = m_list.find(key);
    Entry& e = it->second;
    e.rtx.Stop();
    if (e.resyncs >= m_maxResyncs)
    {
        // The LMA keeps refusing (another registration keeps overtaking ours): give up
        // rather than loop, as RFC 6275 §11.8 bounds retransmissions.
        m_stats.resyncsExhausted++;
        Outcome outcome{std::get<0>(key),
                        BindingStatus::SEQUENCE_OUT_OF_WINDOW,
                        e.prefixes,
                        Seconds(0),
                        false,
                        std::get<1>(key),
                        e.linkLayerId};
        m_list.erase(it);
        ReportOutcome(outcome);
        return;
    }
    // RFC 5213 §5.5: in sequence-number mode the MAG has no state shared with the previous
    // MAG; RFC 6275 §11.7.3: adopt the echoed number, so the next PBU is its successor.
    e.resyncs++;
    m_stats.sequenceResyncs++;
    e.sequence = lastAccepted;
    SendPbu(key);
}

} // namespace ns3
