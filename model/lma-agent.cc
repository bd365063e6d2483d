/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lma-agent.h"

#include "ns3/access-router-agent.h"
#include "ns3/anchor-drf.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/epmip-message.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/packet.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/routing-control.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaAgent");
NS_OBJECT_ENSURE_REGISTERED(LmaAgent);

TypeId
LmaAgent::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmaAgent")
                            .SetParent<AnchorAgent>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LmaAgent>()
                            .AddAttribute("MaxPrefixesPerRequest",
                                          "A PBU with more Home Network Prefix options is "
                                          "refused (status 130, insufficient resources) "
                                          "without a binding change; its PBA echoes the "
                                          "first only, so it always fits.",
                                          UintegerValue(16),
                                          MakeUintegerAccessor(&LmaAgent::m_maxPrefixes),
                                          MakeUintegerChecker<uint32_t>(1, 64))
                            .AddAttribute("SessionKey",
                                          "What a mobility session is: \"interface\", one per "
                                          "MN-ID and MN link-layer identifier (RFC 5213 "
                                          "§5.4.1, multihoming), or \"node\", one per MN-ID.",
                                          EnumValue(INTERFACE),
                                          MakeEnumAccessor(&LmaAgent::m_sessionKey),
                                          MakeEnumChecker(INTERFACE, "interface", NODE, "node"))
                            .AddAttribute("PreviousLocation",
                                          "A PBA moving a binding to another proxy-CoA carries "
                                          "the previous one (seed 001 §4.3: an eLMA).",
                                          BooleanValue(false),
                                          MakeBooleanAccessor(&LmaAgent::m_previousLocation),
                                          MakeBooleanChecker())
                            .AddAttribute("AdmitForeignPrefix",
                                          "Decides on a PBU naming an HNP this LMA neither "
                                          "allocated nor binds (bool (const "
                                          "HomeNetworkPrefix&)): seed 001 §7.2's eLMA takes "
                                          "over another eLMA's node (AnchorDmf::Admits). "
                                          "Null: refused (RFC 5213 §5.3.2).",
                                          CallbackValue(),
                                          MakeCallbackAccessor(&LmaAgent::m_admitForeign),
                                          MakeCallbackChecker());
    return tid;
}

LmaAgent::LmaAgent()
{
}

LmaAgent::~LmaAgent()
{
}

uint64_t
LmaAgent::GetTooManyPrefixes() const
{
    return m_tooManyPrefixes;
}

std::optional<HomeNetworkPrefix>
LmaAgent::KnownPrefix(const std::string& mnId) const
{
    NS_LOG_FUNCTION(this);
    if (auto allocated = GetAllocation()->Lookup(mnId))
    {
        return allocated;
    }
    // Another anchor allocated it: a replicated LM (migrating home agents) knows it.
    const BindingCacheEntry* entry = GetLocationManagement()->Lookup(mnId);
    if (entry && !entry->prefixes.empty())
    {
        return entry->prefixes.front();
    }
    return std::nullopt;
}

bool
LmaAgent::KeepsPrefix(const BindingCacheEntry& entry) const
{
    // Seed 001 §7.2: an eLMA's node another eLMA took over still uses the prefix there;
    // another node given it here would share it. It returns with the node's next session
    // here.
    auto drf = DynamicCast<AnchorDrf>(GetMobilityRouting());
    return drf && drf->AnchoredElsewhere(entry);
}

std::vector<std::string>
LmaAgent::SessionsOf(const std::string& mnId) const
{
    // A node's sessions are keyed mnId or mnId#LL-ID (NewSessionKey): one range of the
    // map, so a PBU costs O(log n) at an LMA with n nodes, not a scan of every session.
    std::vector<std::string> keys;
    if (m_sessions.count(mnId))
    {
        keys.push_back(mnId);
    }
    const std::string prefix = mnId + '#';
    for (auto it = m_sessions.lower_bound(prefix);
         it != m_sessions.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it)
    {
        if (it->second.mnId == mnId)
        {
            keys.push_back(it->first);
        }
    }
    return keys;
}

std::string
LmaAgent::NewSessionKey(const std::string& mnId, const std::vector<uint8_t>& linkLayerId) const
{
    if (!m_sessions.count(mnId))
    {
        return mnId; // the first session keeps the plain MN-ID: single-interface runs unchanged
    }
    std::ostringstream key;
    key << mnId << '#' << std::hex << std::setfill('0');
    for (uint8_t byte : linkLayerId)
    {
        key << std::setw(2) << static_cast<unsigned>(byte);
    }
    std::string base = key.str();
    std::string unique = base;
    for (uint32_t n = 1; m_sessions.count(unique); n++)
    {
        unique = base + "." + std::to_string(n);
    }
    return unique;
}

std::string
LmaAgent::SessionOf(const std::string& mnId,
                    Ipv6Address hnp,
                    uint8_t handoffIndicator,
                    const std::vector<uint8_t>& linkLayerId) const
{
    NS_LOG_FUNCTION(this << mnId << hnp << +handoffIndicator);
    if (m_sessionKey == NODE)
    {
        return mnId;
    }
    if (!hnp.IsAny())
    {
        // A DMA access router allocates a prefix per interface of a multi-interface node
        // under its own key (seed 003 §4.3): the prefix names that session.
        std::optional<std::string> owner =
            GetAllocation()->LookupOwner(HomeNetworkPrefix::Make(hnp, 64));
        if (owner && AccessRouterAgent::MobileNodeOf(*owner) == mnId)
        {
            return *owner;
        }
    }
    std::vector<std::string> sessions = SessionsOf(mnId);
    // RFC 5213 §5.4.1.1: a named prefix identifies its session whatever the interface.
    for (const auto& key : sessions)
    {
        auto prefix = hnp.IsAny() ? std::nullopt : KnownPrefix(key);
        if (prefix && prefix->Contains(hnp))
        {
            return key;
        }
    }
    if (handoffIndicator == 1)
    {
        return NewSessionKey(mnId, linkLayerId); // attachment over a new interface
    }
    for (const auto& key : sessions)
    {
        if (!linkLayerId.empty() && m_sessions.at(key).linkLayerId == linkLayerId)
        {
            return key; // handoff (HI 3/4) of the interface the session is on
        }
    }
    // HI 2 (the session moves to another interface), or no LL-ID to tell sessions apart:
    // only an unambiguous session can be the one meant.
    bool moves = handoffIndicator == 2 || linkLayerId.empty();
    if (moves && sessions.size() == 1)
    {
        return sessions.front();
    }
    return NewSessionKey(mnId, linkLayerId);
}

void
LmaAgent::ProcessUpdate(Ptr<Packet> p, Ipv6Header header)
{
    NS_LOG_FUNCTION(this);
    Ptr<HomeAddressAllocation> haa = GetAllocation();
    ProxyBindingUpdate pbu;
    p->RemoveHeader(pbu);
    if (!pbu.GetProxyRegistration())
    {
        CountIgnored(); // a plain BU is for a home agent, not for us
        return;
    }
    const MobilityOptions& opts = pbu.GetOptions();
    BindingRequest req;
    req.mnId = opts.GetMobileNodeIdentifier().value_or("");
    req.careOf = header.GetSource(); // RFC 5213 §5.3.1: the proxy-CoA is the PBU's source
    req.lifetime = pbu.GetLifetime();
    req.sequence = pbu.GetSequence();
    req.timestamp = opts.GetTimestamp();
    req.handoffIndicator = opts.GetHandoffIndicator().value_or(0);
    req.accessTechnology = opts.GetAccessTechnologyType().value_or(0);
    req.linkLayerId = opts.GetMobileNodeLinkLayerIdentifier().value_or(std::vector<uint8_t>{});

    BindingResult result;
    result.sequence = pbu.GetSequence();
    std::vector<std::pair<Ipv6Address, uint8_t>> hnps = opts.GetHomeNetworkPrefixes();
    std::optional<HomeNetworkPrefix> hnp;
    Ipv6Address previous = Ipv6Address::GetAny();
    const std::string mnId = req.mnId;
    if (!mnId.empty() && !hnps.empty())
    {
        req.mnId = SessionOf(mnId, hnps.front().first, req.handoffIndicator, req.linkLayerId);
    }
    bool tooMany = hnps.size() > m_maxPrefixes;
    if (tooMany)
    {
        // Bounded on receipt: nothing is allocated or bound, and the reply stays small.
        result.status = BindingStatus::INSUFFICIENT_RESOURCES;
        hnps.resize(1);
        m_tooManyPrefixes++;
    }
    else if (!req.mnId.empty() && !hnps.empty() && req.lifetime.IsStrictlyPositive())
    {
        // RFC 5213 §5.3.2: ALL_ZERO asks for a prefix; a named one must be this MN's.
        hnp = KnownPrefix(req.mnId);
        if (!hnp && hnps.front().first.IsAny())
        {
            hnp = haa->Allocate(req.mnId);
        }
        auto named = HomeNetworkPrefix::Make(hnps.front().first, hnps.front().second);
        if (!hnp && !named.prefix.IsAny() && !m_admitForeign.IsNull() && m_admitForeign(named))
        {
            hnp = named; // seed 001 §7.2: an eLMA takes over another eLMA's node
        }
        if (!hnps.front().first.IsAny() &&
            (!hnp || !hnp->Contains(hnps.front().first) || hnp->length != hnps.front().second))
        {
            result.status = BindingStatus::NOT_AUTHORIZED_FOR_HNP;
            hnp.reset();
        }
        else if (!hnp)
        {
            result.status = BindingStatus::INSUFFICIENT_RESOURCES;
        }
    }
    else if (!req.mnId.empty() && !hnps.empty())
    {
        hnp = KnownPrefix(req.mnId); // de-registration names the prefix being released
    }
    if (!tooMany && (hnp || req.mnId.empty() || hnps.empty()))
    {
        if (hnp)
        {
            req.prefixes.push_back(*hnp);
        }
        const BindingCacheEntry* before = GetLocationManagement()->Lookup(req.mnId);
        previous = before ? before->careOf : Ipv6Address::GetAny();
        // The LM checks the missing options, ordering and lifetimes (RFC 5213 §5.3.1).
        result = GetLocationManagement()->Update(req);
        if (IsBindingAccepted(result.status) && req.lifetime.IsStrictlyPositive())
        {
            m_sessions[req.mnId] = Session{mnId, req.linkLayerId};
        }
    }

    ProxyBindingAck pba;
    pba.SetStatus(static_cast<uint8_t>(result.status));
    pba.SetSequence(result.sequence);
    pba.SetLifetime(result.lifetime);
    MobilityOptions& out = pba.GetOptions();
    if (!mnId.empty())
    {
        out.SetMobileNodeIdentifier(mnId);
    }
    const auto& echoed =
        hnp ? std::vector<std::pair<Ipv6Address, uint8_t>>{{hnp->prefix, hnp->length}} : hnps;
    for (const auto& [prefix, length] : echoed)
    {
        out.AddHomeNetworkPrefix(prefix, length);
    }
    if (req.handoffIndicator)
    {
        out.SetHandoffIndicator(req.handoffIndicator);
    }
    if (req.accessTechnology)
    {
        out.SetAccessTechnologyType(req.accessTechnology);
    }
    if (req.timestamp)
    {
        out.SetTimestamp(*req.timestamp);
    }
    if (!req.linkLayerId.empty())
    {
        out.SetMobileNodeLinkLayerIdentifier(req.linkLayerId);
    }
    // §4.3: the new eMAG informs the previous one, which it learns only from here.
    if (m_previousLocation && IsBindingAccepted(result.status) &&
        req.lifetime.IsStrictlyPositive() && !previous.IsAny() && previous != req.careOf)
    {
        EpmipMessage::SetPreviousLocation(out, previous);
    }
    CountAck(pba.GetStatus());
    GetMobilityProtocol()->Send(pba, GetAddress(), header.GetSource());
}

void
LmaAgent::BindingRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause)
{
    // The prefix returns to the pool with the binding (§5.3.5), and the session ends.
    if (!KeepsPrefix(entry))
    {
        GetAllocation()->Release(entry.mnId);
    }
    m_sessions.erase(entry.mnId);
}

} // namespace ns3
