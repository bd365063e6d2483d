/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The signalling of DlmaAgent (seed 004 §4.3-§5.1.3): its messages, their handling and
// their retransmission; the location tables and the tunnels are in dlma-agent.cc.
#include "dlma-agent.h"

#include "ns3/binding-cache.h"
#include "ns3/dlma-cache-update.h"
#include "ns3/dlma-location-ack.h"
#include "ns3/dlma-location-inform.h"
#include "ns3/dlma-uniqueness-check.h"
#include "ns3/dlma-uniqueness-reply.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/packet.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaAgentSignalling");

void
DlmaAgent::HandleMessage(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    if (!m_running)
    {
        return;
    }
    DlmaLocationInform m; // one layout for the four: the subtype says which
    p->RemoveHeader(m);
    if (!m.GetMobileNode() && m.GetSubType() != DlmaMessage::CACHE_UPDATE)
    {
        m_dlmaStats.invalid++;
        return;
    }
    switch (m.GetSubType())
    {
    case DlmaMessage::UNIQUENESS_CHECK: {
        // The H-LMA processes it like a PBU: the V-LMA's binding waits for it.
        Ipv6Address from = header.GetSource();
        compat::ScheduleFunction(GetProcessingDelay(), [this, m, from]() { HandleCheck(m, from); });
        break;
    }
    case DlmaMessage::UNIQUENESS_REPLY:
        HandleReply(m, header.GetSource());
        break;
    case DlmaMessage::LOCATION_INFORM:
        HandleInform(m, header.GetSource());
        break;
    case DlmaMessage::LOCATION_ACK:
        m_retx.Acknowledge({DlmaMessage::LOCATION_INFORM, *m.GetMobileNode(), header.GetSource()});
        break;
    default:
        HandleCacheUpdate(m);
        break;
    }
}

void
DlmaAgent::HandleCheck(const DlmaMessage& m, Ipv6Address from)
{
    const std::string mnId = *m.GetMobileNode();
    // §4.3: registration at the H-LMA, through the V-LMA, if the node has no HoA yet.
    std::optional<HomeNetworkPrefix> hoa = GetAllocation()->Lookup(mnId);
    if (!hoa)
    {
        hoa = GetAllocation()->Allocate(mnId);
    }
    DlmaUniquenessReply reply;
    reply.SetSequence(m.GetSequence());
    reply.SetMobileNode(mnId);
    std::optional<HomeNetworkPrefix> asked = m.GetHomePrefix();
    if (!hoa)
    {
        reply.SetStatus(DlmaMessage::REFUSED);
    }
    else
    {
        bool unique = !asked || (asked->prefix == hoa->prefix && asked->length == hoa->length);
        reply.SetStatus(unique ? DlmaMessage::UNIQUE : DlmaMessage::NOT_UNIQUE);
        m_dlmaStats.notUnique += unique ? 0 : 1;
        reply.SetHomePrefix(*hoa);
        Ipv6Address current = GetLocation(*hoa);
        if (AnchoredHere(*hoa) || m_remote.count(*hoa))
        {
            // The current D-LMA: the new one informs it (§4.3, §5.1.3).
            reply.SetLma(AnchoredHere(*hoa) ? GetAddress() : current);
        }
    }
    m_dlmaStats.checksAnswered++;
    GetMobilityProtocol()->Send(reply, GetAddress(), from);
}

void
DlmaAgent::HandleReply(const DlmaMessage& m, Ipv6Address from)
{
    const std::string mnId = *m.GetMobileNode();
    auto pending = m_pending.find(mnId);
    if (pending != m_pending.end() && pending->second.check != m.GetSequence())
    {
        // The answer to a check a newer PBU replaced: it may describe another state of the
        // node, and must not stop the retransmission of the newer check (RFC 6275 §9.5.1
        // matches an acknowledgement to its request by sequence number the same way).
        m_dlmaStats.staleReplies++;
        return;
    }
    m_retx.Acknowledge({DlmaMessage::UNIQUENESS_CHECK, mnId, from});
    if (pending == m_pending.end())
    {
        return; // answered already (a retransmitted check)
    }
    HeldUpdate held = pending->second;
    m_pending.erase(pending);
    if (m.GetStatus() != DlmaMessage::UNIQUE && m.GetStatus() != DlmaMessage::NOT_UNIQUE)
    {
        m_dlmaStats.refused++; // the MAG retransmits, or gives up (RFC 5213 §6.9.4)
        return;
    }
    std::optional<HomeNetworkPrefix> hoa = m.GetHomePrefix();
    if (!hoa)
    {
        m_dlmaStats.invalid++;
        return;
    }
    m_visitors[mnId] =
        Visitor{*hoa, m_homeLma.at(mnId), m.GetLma().value_or(Ipv6Address::GetAny())};
    if (m.GetStatus() == DlmaMessage::NOT_UNIQUE)
    {
        // §4.3: the HoA the MAG named is not the node's; the V-LMA obtained a valid one
        // (the reply's), which the binding and the PBA carry instead. Processed as named,
        // the PBU would be refused (RFC 5213 §5.3.2: NOT_AUTHORIZED_FOR_HNP).
        held.packet = held.packet->Copy();
        ProxyBindingUpdate pbu;
        held.packet->RemoveHeader(pbu);
        pbu.GetOptions().RemoveOption(MobilityOptions::HOME_NETWORK_PREFIX);
        pbu.GetOptions().AddHomeNetworkPrefix(hoa->prefix, hoa->length);
        held.packet->AddHeader(pbu);
    }
    ProcessHeld(held);
}

void
DlmaAgent::ProcessHeld(const HeldUpdate& held)
{
    Ptr<BindingCache> cache = DynamicCast<BindingCache>(GetLocationManagement());
    if (cache)
    {
        cache->SetReceivedAt(held.arrived);
    }
    LmaAgent::ProcessUpdate(held.packet, held.header);
    if (cache)
    {
        cache->SetReceivedAt(std::nullopt);
    }
}

const BindingCacheEntry*
DlmaAgent::Superseded(const ProxyBindingUpdate& pbu, Ipv6Address from) const
{
    std::optional<std::string> mnId = pbu.GetOptions().GetMobileNodeIdentifier();
    std::optional<HomeNetworkPrefix> prefix = mnId ? KnownPrefix(*mnId) : std::nullopt;
    if (!pbu.GetProxyRegistration() || !pbu.GetLifetime().IsStrictlyPositive() || !prefix)
    {
        return nullptr;
    }
    // Active but no longer anchored here: only a Location Inform takes the node away from
    // a binding without ending it.
    const BindingCacheEntry* e = GetLocationManagement()->LookupByAddress(prefix->prefix);
    bool stale = e && e->state == BindingCacheEntry::State::ACTIVE && e->careOf == from &&
                 !m_anchored.count(e->mnId);
    return stale ? e : nullptr;
}

void
DlmaAgent::RefuseRefresh(const ProxyBindingUpdate& pbu, Ipv6Address from, BindingCacheEntry entry)
{
    // A PBU from the binding's own MAG is a lifetime extension, no handoff (RFC 5213
    // §5.3.3): it cannot outrank the newer location the node registered at another D-LMA
    // (§4.3). The MAG kept the session past the node's detachment (RFC 5213 §6.9.1.3 has
    // it de-register): this LMA is not the node's anchor any more (RFC 5213 §8.9, status
    // 153), and ends the binding, so the node's next attachment there is a new one.
    m_dlmaStats.staleRefreshes++;
    BindingRequest req;
    req.mnId = entry.mnId;
    req.prefixes = entry.prefixes;
    req.careOf = from;
    req.sequence = pbu.GetSequence();
    req.timestamp = pbu.GetOptions().GetTimestamp();
    req.handoffIndicator = entry.handoffIndicator;
    req.accessTechnology = entry.accessTechnology;
    req.linkLayerId = entry.linkLayerId;
    GetLocationManagement()->Update(req); // lifetime zero: a de-registration
    ProxyBindingAck pba;
    pba.SetStatus(static_cast<uint8_t>(BindingStatus::NOT_LMA_FOR_THIS_MN));
    pba.SetSequence(pbu.GetSequence());
    pba.GetOptions() = pbu.GetOptions(); // the options a PBA echoes (RFC 5213 §5.3.6)
    CountAck(pba.GetStatus());
    GetMobilityProtocol()->Send(pba, GetAddress(), from);
}

void
DlmaAgent::HandleInform(const DlmaMessage& m, Ipv6Address from)
{
    std::optional<HomeNetworkPrefix> prefix = m.GetHomePrefix();
    std::optional<Ipv6Address> mag = m.GetMag();
    std::optional<Ipv6Address> lma = mag ? std::optional(from) : m.GetLma(); // code 2: from
    if (!prefix || !lma)
    {
        m_dlmaStats.invalid++;
        return;
    }
    if (m_ackInforms)
    {
        DlmaLocationAck ack;
        ack.SetSequence(m.GetSequence());
        ack.SetMobileNode(*m.GetMobileNode());
        ack.SetHomePrefix(*prefix);
        m_dlmaStats.acksSent++;
        GetMobilityProtocol()->Send(ack, GetAddress(), from);
    }
    if (IsStaleInform(m, from, *prefix))
    {
        m_dlmaStats.staleInforms++;
        return;
    }
    m_anchored.erase(*m.GetMobileNode());
    m_cache.erase(*prefix);
    InformPreviousMags(*m.GetMobileNode(), *prefix, mag.value_or(*lma));
    Location& loc = m_remote[*prefix];
    loc.expiry.Cancel();
    loc.lma = *lma;
    loc.mag = mag.value_or(Ipv6Address::GetAny());
    loc.lastUsed = Simulator::Now();
    loc.informer = from;
    loc.sequence = m.GetSequence();
    if (auto ts = m.GetOptions().GetTimestamp())
    {
        m_locatedAt[*prefix] = *ts;
    }
    if (!IsHome(*prefix))
    {
        // A previous D-LMA forwards only for a while (§4.3); the H-LMA's master location
        // lasts until the next Location Inform.
        loc.expiry =
            Simulator::Schedule(m_forwardingLifetime, &DlmaAgent::Expire, this, *prefix, false);
    }
    Apply(*prefix);
}

bool
DlmaAgent::IsStaleInform(const DlmaMessage& m, Ipv6Address from, const HomeNetworkPrefix& prefix)
{
    std::optional<uint64_t> ts = m.GetOptions().GetTimestamp();
    if (m_informOrder == TIMESTAMP && ts)
    {
        // RFC 5213 §5.3.1, §5.5: the registration with the newest timestamp wins, whichever
        // MAG sent it. Informs of different LMAs race the same way (a node moving A, B, A
        // quickly, unequal delays); an equal timestamp is a retransmission.
        auto located = m_locatedAt.find(prefix);
        return located != m_locatedAt.end() && *ts < located->second;
    }
    // Overtaken by a newer inform of the same LMA (a delayed copy, a retransmission):
    // applying it would bring back a MAG or D-LMA the node has left. RFC 5213 §5.3.1
    // refuses an older PBU sequence number the same way; an equal one is a retransmission
    // and changes nothing.
    auto known = m_remote.find(prefix);
    return known != m_remote.end() && known->second.informer == from &&
           IsSequenceNewer(known->second.sequence, m.GetSequence());
}

void
DlmaAgent::HandleCacheUpdate(const DlmaMessage& m)
{
    std::optional<HomeNetworkPrefix> prefix = m.GetHomePrefix();
    std::optional<Ipv6Address> lma = m.GetLma();
    if (!prefix || !lma)
    {
        m_dlmaStats.invalid++;
        return;
    }
    if (IsHome(*prefix) || AnchoredHere(*prefix) || m_remote.count(*prefix))
    {
        return; // this LMA's own knowledge is fresher than a cache
    }
    Location& loc = m_cache[*prefix];
    loc.expiry.Cancel();
    loc.lma = *lma;
    loc.mnId = m.GetMobileNode().value_or(loc.mnId); // a previous MAG's names no node
    loc.lastUsed = Simulator::Now();
    loc.expiry = Simulator::Schedule(m_cacheTimeout, &DlmaAgent::Expire, this, *prefix, true);
    m_dlmaStats.cached++;
    Apply(*prefix);
}

void
DlmaAgent::SendLocation(DlmaMessage& m,
                        const std::string& mnId,
                        const HomeNetworkPrefix& prefix,
                        Ipv6Address lma,
                        Ipv6Address to)
{
    m.SetSequence(m_sequence++);
    if (!mnId.empty())
    {
        m.SetMobileNode(mnId);
    }
    m.SetHomePrefix(prefix);
    m.SetLma(lma);
    (m.GetSubType() == DlmaMessage::LOCATION_INFORM ? m_dlmaStats.informsSent
                                                    : m_dlmaStats.updatesSent)++;
    GetMobilityProtocol()->Send(m, GetAddress(), to);
}

void
DlmaAgent::Tell(Ipv6Address olma, const HomeNetworkPrefix& prefix, Ipv6Address lma)
{
    if (m_peers.at(olma).Contains(prefix.prefix))
    {
        // The H-LMA tunnelled it: the Location Inform told it. No record either, or a
        // later change of LMA would take its empty location for a MAG to inform.
        return;
    }
    // Once per hold-down, then forgotten.
    if (!m_toldSweep.IsRunning())
    {
        m_toldSweep = Simulator::Schedule(m_updateHoldDown, &DlmaAgent::SweepTold, this);
    }
    auto& told = m_told[{olma, prefix}];
    if (told.first != lma || Simulator::Now() - told.second >= m_updateHoldDown)
    {
        told = {lma, Simulator::Now()};
        DlmaCacheUpdate update;
        // §5.4: the O-LMA needs the node to apply its location-privacy policy.
        SendLocation(update, m_bypassOlma ? MagOf(prefix).first : "", prefix, lma, olma);
    }
}

std::pair<std::string, Ipv6Address>
DlmaAgent::MagOf(const HomeNetworkPrefix& prefix) const
{
    if (const BindingCacheEntry* e = AnchoredHere(prefix))
    {
        return {e->mnId, e->careOf};
    }
    auto it = m_cache.find(prefix);
    if (it != m_cache.end() && !m_peers.count(it->second.lma))
    {
        return {it->second.mnId, it->second.lma}; // D-LMA bypass: the O-LMA knows the MAG
    }
    return {"", Ipv6Address::GetAny()};
}

void
DlmaAgent::BypassOriginating(const Ipv6Header& header, Ipv6Address from)
{
    if (!m_bypassOlma)
    {
        return;
    }
    // §5.4 bypasses only the tunnel between two MAGs (Fig 11): from a fixed node, or to
    // one, the O-LMA keeps tunnelling to protect the mobile node's location.
    const BindingCacheEntry* source = AnchoredHere(PrefixOf(header.GetSource()));
    HomeNetworkPrefix prefix = PrefixOf(header.GetDestination());
    auto [mnId, mag] = MagOf(prefix);
    if (!source || source->careOf != from || mag.IsAny() || mag == from)
    {
        return;
    }
    if (mnId.empty() || m_private.count(mnId) || m_private.count(source->mnId))
    {
        m_dlmaStats.keptPrivate++; // MAG2 would see proxy-CoA1, MAG1 proxy-CoA2
        return;
    }
    auto& told = m_told[{from, prefix}];
    if (told.first != mag || Simulator::Now() - told.second >= m_updateHoldDown)
    {
        told = {mag, Simulator::Now()};
        DlmaCacheUpdate update;
        m_dlmaStats.magsTold++;
        SendLocation(update, mnId, prefix, mag, from);
    }
}

void
DlmaAgent::SweepTold()
{
    bool left = false;
    for (auto it = m_told.begin(); it != m_told.end();)
    {
        bool lma = m_peers.count(it->second.first) > 0;
        bool done = lma && Simulator::Now() - it->second.second >= m_updateHoldDown;
        left |= lma && !done;
        it = done ? m_told.erase(it) : std::next(it);
    }
    if (left)
    {
        m_toldSweep = Simulator::Schedule(m_updateHoldDown, &DlmaAgent::SweepTold, this);
    }
}

void
DlmaAgent::ForgetTold(HomeNetworkPrefix prefix)
{
    if (AnchoredHere(prefix) || m_remote.count(prefix) || m_cache.count(prefix))
    {
        return; // the end of that state calls again
    }
    m_locatedAt.erase(prefix); // no location left here for a late inform to bring back
    // Records naming a MAG are read as long as this LMA anchors, forwards or caches the
    // prefix (§5.1.2, §5.1.3): without any of those they are dead weight.
    bool young = false;
    for (auto it = m_told.begin(); it != m_told.end();)
    {
        bool mine = it->first.second == prefix;
        bool done = mine && Simulator::Now() - it->second.second >= m_updateHoldDown;
        young |= mine && !done;
        it = done ? m_told.erase(it) : std::next(it);
    }
    if (young)
    {
        Simulator::Schedule(m_updateHoldDown, &DlmaAgent::ForgetTold, this, prefix);
    }
}

bool
DlmaAgent::ToldCareOf(const HomeNetworkPrefix& prefix, Ipv6Address careOf) const
{
    for (const auto& [key, told] : m_told)
    {
        if (key.second == prefix && told.first == careOf)
        {
            return true;
        }
    }
    return false;
}

void
DlmaAgent::InformPreviousMags(const std::string& mnId,
                              const HomeNetworkPrefix& prefix,
                              Ipv6Address lma)
{
    if (!m_bypass)
    {
        return;
    }
    // §5.1.3, last paragraph: O-LMAs this LMA told the node's proxy CoA tunnel to that
    // MAG, past this LMA; the MAG forwards and re-targets them. It learns the new D-LMA,
    // not the new MAG, which only the new D-LMA knows (the inform names the D-LMA).
    std::set<Ipv6Address> mags;
    for (auto it = m_told.begin(); it != m_told.end();)
    {
        bool mag = it->first.second == prefix && !m_peers.count(it->second.first) &&
                   it->second.first != lma;
        if (mag)
        {
            mags.insert(it->second.first);
        }
        it = mag ? m_told.erase(it) : std::next(it); // the MAG re-targets those O-LMAs now
    }
    for (Ipv6Address mag : mags)
    {
        DlmaLocationInform inform;
        SendLocation(inform, mnId, prefix, lma, mag);
    }
}

void
DlmaAgent::Inform(const std::string& mnId,
                  const HomeNetworkPrefix& prefix,
                  Ipv6Address to,
                  Ipv6Address mag)
{
    DlmaLocationInform inform;
    inform.SetSequence(m_sequence++);
    inform.SetMobileNode(mnId);
    inform.SetHomePrefix(prefix);
    if (mag.IsAny())
    {
        inform.SetLma(GetAddress());
    }
    else
    {
        inform.SetMag(mag); // the D-LMA is then the inform's source
    }
    if (m_informOrder == TIMESTAMP)
    {
        // When this LMA became the location: a retransmission keeps it, as it is no newer.
        inform.GetOptions().SetTimestamp(MobilityOptions::TimeToTimestamp(Simulator::Now()));
    }
    m_dlmaStats.informsSent++;
    if (!m_ackInforms)
    {
        GetMobilityProtocol()->Send(inform, GetAddress(), to);
        return;
    }
    m_retx.Start(inform, mnId, to); // until the Location Ack
}

void
DlmaAgent::Transmit(DlmaMessage& m, Ipv6Address to, bool again)
{
    m_dlmaStats.retransmitted += again ? 1 : 0;
    GetMobilityProtocol()->Send(m, GetAddress(), to);
}

} // namespace ns3
