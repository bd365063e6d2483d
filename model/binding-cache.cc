/*
 * dmm: IP mobility management for ns-3.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/binding-cache.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingCache");

NS_OBJECT_ENSURE_REGISTERED(BindingCache);

TypeId
BindingCache::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BindingCache")
            .SetParent<LocationManagement>()
            .SetGroupName("Dmm")
            .AddConstructor<BindingCache>()
            .AddAttribute("MinDelayBeforeBceDelete",
                          "How long a de-registered entry is kept before deletion "
                          "(RFC 5213 §9 MinDelayBeforeBCEDelete). Proxy registration only.",
                          TimeValue(MilliSeconds(10000)),
                          MakeTimeAccessor(&BindingCache::m_minDelayBeforeBceDelete),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxLifetime",
                          "Granted lifetime = min(requested, MaxLifetime); zero = no cap. "
                          "The default is the largest lifetime a BA can carry (65535 x 4 s).",
                          TimeValue(Seconds(65535 * 4)),
                          MakeTimeAccessor(&BindingCache::m_maxLifetime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("UseTimestamps",
                          "Order proxy registrations by the Timestamp option instead of sequence "
                          "numbers (RFC 5213 §9 TimestampBasedApproachInUse).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&BindingCache::m_useTimestamps),
                          MakeBooleanChecker())
            .AddAttribute("TimestampValidityWindow",
                          "Largest accepted difference between a timestamp and the local clock "
                          "(RFC 5213 §9 TimestampValidityWindow).",
                          TimeValue(MilliSeconds(300)),
                          MakeTimeAccessor(&BindingCache::m_timestampValidityWindow),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ProxyRegistration",
                          "true: an LMA processing PBUs (RFC 5213); false: a home agent "
                          "processing BUs (RFC 6275: no HI/ATT/timestamp, immediate delete).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&BindingCache::m_proxyRegistration),
                          MakeBooleanChecker());
    return tid;
}

BindingCache::BindingCache()
{
    NS_LOG_FUNCTION(this);
}

BindingCache::~BindingCache()
{
    NS_LOG_FUNCTION(this);
}

void
BindingCache::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [mnId, rec] : m_entries)
    {
        rec.timer.Cancel();
    }
    m_entries.clear();
    m_prefixOwner.clear();
    m_lengthUse.clear();
    LocationManagement::DoDispose();
}

bool
BindingCache::IsSequenceNewer(uint16_t candidate, uint16_t last)
{
    return ns3::IsSequenceNewer(candidate, last);
}

BindingResult
BindingCache::Reject(BindingStatus status, uint16_t seq)
{
    // The PMIPv6-only codes mean nothing to a Mobile IPv6 node.
    if (!m_proxyRegistration && static_cast<uint8_t>(status) >= 152)
    {
        status = BindingStatus::REASON_UNSPECIFIED;
    }
    NotifyRejected(status);
    BindingResult r;
    r.status = status;
    r.lifetime = Time(0);
    r.sequence = seq;
    return r;
}

void
BindingCache::SetReceivedAt(std::optional<Time> receivedAt)
{
    m_receivedAt = receivedAt;
}

BindingResult
BindingCache::Update(const BindingRequest& req)
{
    NS_LOG_FUNCTION(this << req.mnId << req.careOf << req.lifetime.As(Time::S) << req.sequence);

    // RFC 5213 §5.3.1: the MN identifier option is mandatory.
    if (req.mnId.empty())
    {
        return Reject(BindingStatus::MISSING_MN_ID_OPTION, req.sequence);
    }
    if (req.lifetime.IsStrictlyNegative())
    {
        return Reject(BindingStatus::REASON_UNSPECIFIED, req.sequence);
    }
    const bool timestamps = m_proxyRegistration && m_useTimestamps;
    // RFC 5213 §5.3.1 and §5.5.1: with the timestamp approach a PBU without a Timestamp option,
    // or one too far from the local clock, is refused before any cache lookup.
    if (timestamps)
    {
        if (!req.timestamp)
        {
            return Reject(BindingStatus::TIMESTAMP_MISMATCH, req.sequence);
        }
        const Time skew =
            PmipTimestampToTime(*req.timestamp) - m_receivedAt.value_or(Simulator::Now());
        if (Abs(skew) > m_timestampValidityWindow)
        {
            return Reject(BindingStatus::TIMESTAMP_MISMATCH, req.sequence);
        }
    }
    // RFC 5213 §5.3.1: HNP, handoff indicator and access technology options (value 0 is the
    // reserved value, i.e. the option was absent).
    if (req.prefixes.empty())
    {
        return Reject(m_proxyRegistration ? BindingStatus::MISSING_HNP_OPTION
                                          : BindingStatus::REASON_UNSPECIFIED,
                      req.sequence);
    }
    if (m_proxyRegistration && req.handoffIndicator == 0)
    {
        return Reject(BindingStatus::MISSING_HI_OPTION, req.sequence);
    }
    if (m_proxyRegistration && req.accessTechnology == 0)
    {
        return Reject(BindingStatus::MISSING_ATT_OPTION, req.sequence);
    }
    if (req.careOf.IsAny())
    {
        return Reject(BindingStatus::REASON_UNSPECIFIED, req.sequence);
    }

    std::vector<HomeNetworkPrefix> prefixes;
    prefixes.reserve(req.prefixes.size());
    for (const auto& p : req.prefixes)
    {
        prefixes.push_back(p.Canonical());
    }
    std::sort(prefixes.begin(), prefixes.end());
    prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());

    // RFC 5213 §5.4.1.1: a prefix bound to another mobile node is not this one's to claim.
    for (const auto& p : prefixes)
    {
        auto owner = m_prefixOwner.find(p);
        if (owner != m_prefixOwner.end() && owner->second != req.mnId)
        {
            return Reject(BindingStatus::NOT_AUTHORIZED_FOR_HNP, req.sequence);
        }
    }
    auto it = m_entries.find(req.mnId);
    // RFC 5213 §5.4.1.1: the PBU must name exactly the prefix set of the mobility session.
    if (it != m_entries.end() && it->second.entry.prefixes != prefixes)
    {
        return Reject(BindingStatus::BCE_PBU_PREFIX_SET_MISMATCH, req.sequence);
    }

    if (req.lifetime.IsZero())
    {
        if (it == m_entries.end())
        {
            // RFC 6275 §10.3.2: no binding to remove for this node.
            return Reject(m_proxyRegistration ? BindingStatus::NOT_LMA_FOR_THIS_MN
                                              : BindingStatus::NOT_HOME_AGENT_FOR_THIS_MN,
                          req.sequence);
        }
        // RFC 5213 §5.3.5: the previous MAG's late de-registration must not tear down the
        // binding the new MAG just made. Checked before ordering because the old MAG's sequence
        // numbers are unrelated to the new MAG's.
        if (m_proxyRegistration && req.careOf != it->second.entry.careOf)
        {
            NS_LOG_INFO("ignoring de-registration of " << req.mnId << " from stale proxy-CoA "
                                                       << req.careOf);
            ++GetMutableStats().staleDeregistrations;
            BindingResult r;
            r.status = BindingStatus::ACCEPTED;
            r.lifetime = Time(0);
            r.sequence = req.sequence;
            return r;
        }
        if (auto rejection = CheckOrdering(it->second, req))
        {
            return *rejection;
        }
        return Deregister(it->second, req);
    }

    if (it != m_entries.end())
    {
        if (auto rejection = CheckOrdering(it->second, req))
        {
            return *rejection;
        }
    }
    return Register(req, prefixes);
}

std::optional<BindingResult>
BindingCache::CheckOrdering(const Record& rec, const BindingRequest& req)
{
    if (m_proxyRegistration && m_useTimestamps)
    {
        // RFC 5213 §5.5.1: equal timestamps pass, so a retransmitted PBU is accepted again.
        if (rec.entry.lastTimestamp && req.timestamp && *req.timestamp < *rec.entry.lastTimestamp)
        {
            return Reject(BindingStatus::TIMESTAMP_LOWER_THAN_PREV, req.sequence);
        }
        return std::nullopt;
    }
    // RFC 6275 §9.5.1: reject unless newer, and echo the last accepted sequence number.
    if (!IsSequenceNewer(req.sequence, rec.entry.lastSequence))
    {
        return Reject(BindingStatus::SEQUENCE_OUT_OF_WINDOW, rec.entry.lastSequence);
    }
    return std::nullopt;
}

BindingResult
BindingCache::Register(const BindingRequest& req, const std::vector<HomeNetworkPrefix>& prefixes)
{
    Time granted = req.lifetime;
    if (m_maxLifetime.IsStrictlyPositive() && granted > m_maxLifetime)
    {
        granted = m_maxLifetime;
    }
    const Time now = Simulator::Now();

    auto [it, created] = m_entries.try_emplace(req.mnId);
    Record& rec = it->second;
    BindingCacheEntry& e = rec.entry;
    const Ipv6Address previous = created ? Ipv6Address::GetAny() : e.careOf;
    const bool wasActive = !created && e.state == BindingCacheEntry::State::ACTIVE;
    if (created)
    {
        e.mnId = req.mnId;
        e.prefixes = prefixes;
        for (const auto& p : prefixes)
        {
            m_prefixOwner[p] = req.mnId;
            ++m_lengthUse[p.length];
        }
    }
    else if (!wasActive)
    {
        NS_LOG_INFO("registration from " << req.careOf << " revives de-registering entry of "
                                         << req.mnId);
        ++GetMutableStats().reactivated;
    }
    e.careOf = req.careOf;
    e.lifetime = granted;
    e.registeredAt = now;
    e.expiresAt = now + granted;
    e.lastSequence = req.sequence;
    if (req.timestamp)
    {
        e.lastTimestamp = req.timestamp;
    }
    e.handoffIndicator = req.handoffIndicator;
    e.accessTechnology = req.accessTechnology;
    e.linkLayerId = req.linkLayerId;
    e.state = BindingCacheEntry::State::ACTIVE;

    rec.timer.Cancel();
    rec.timer = Simulator::Schedule(granted, &BindingCache::Expire, this, req.mnId);

    NotifyUpdated(e, previous, wasActive && previous == req.careOf);

    BindingResult r;
    r.status = BindingStatus::ACCEPTED;
    r.lifetime = granted;
    r.sequence = req.sequence;
    return r;
}

BindingResult
BindingCache::Deregister(Record& rec, const BindingRequest& req)
{
    BindingCacheEntry& e = rec.entry;
    e.lastSequence = req.sequence;
    if (req.timestamp)
    {
        e.lastTimestamp = req.timestamp;
    }
    BindingResult r;
    r.status = BindingStatus::ACCEPTED;
    r.lifetime = Time(0);
    r.sequence = req.sequence;

    if (e.state == BindingCacheEntry::State::DEREGISTERING)
    {
        // A retransmitted de-registration: the deletion already runs, do not postpone it.
        return r;
    }
    ++GetMutableStats().deregistrationsAccepted;
    rec.timer.Cancel();
    const std::string mnId = e.mnId;
    // RFC 6275 §10.3.2: a home agent deletes at once; RFC 5213 §5.3.5: an LMA waits.
    const Time delay = m_proxyRegistration ? m_minDelayBeforeBceDelete : Time(0);
    e.state = BindingCacheEntry::State::DEREGISTERING;
    e.lifetime = Time(0);
    e.expiresAt = Simulator::Now() + delay;
    FireUpdated(e, e.careOf);
    if (delay.IsZero())
    {
        RemoveEntry(mnId, DEREGISTERED);
    }
    else
    {
        rec.timer = Simulator::Schedule(delay, &BindingCache::DeleteDeregistered, this, mnId);
    }
    return r;
}

void
BindingCache::Expire(std::string mnId)
{
    NS_LOG_FUNCTION(this << mnId);
    auto it = m_entries.find(mnId);
    if (it != m_entries.end() && it->second.entry.state == BindingCacheEntry::State::ACTIVE)
    {
        RemoveEntry(mnId, EXPIRED);
    }
}

void
BindingCache::DeleteDeregistered(std::string mnId)
{
    NS_LOG_FUNCTION(this << mnId);
    auto it = m_entries.find(mnId);
    if (it != m_entries.end() && it->second.entry.state == BindingCacheEntry::State::DEREGISTERING)
    {
        RemoveEntry(mnId, DEREGISTERED);
    }
}

void
BindingCache::RemoveEntry(const std::string& mnId, RemovalCause cause)
{
    auto it = m_entries.find(mnId);
    if (it == m_entries.end())
    {
        return;
    }
    it->second.timer.Cancel();
    BindingCacheEntry removed = std::move(it->second.entry);
    m_entries.erase(it);
    for (const auto& p : removed.prefixes)
    {
        m_prefixOwner.erase(p);
        auto len = m_lengthUse.find(p.length);
        if (len != m_lengthUse.end() && --len->second == 0)
        {
            m_lengthUse.erase(len);
        }
    }
    // Traced after the erase so that listeners see the cache without the entry.
    NotifyRemoved(removed, cause);
}

const BindingCacheEntry*
BindingCache::Lookup(const std::string& mnId) const
{
    auto it = m_entries.find(mnId);
    return it == m_entries.end() ? nullptr : &it->second.entry;
}

const BindingCacheEntry*
BindingCache::LookupByAddress(Ipv6Address a) const
{
    // One map probe per prefix length in use, longest first: longest-prefix match.
    for (const auto& [length, count] : m_lengthUse)
    {
        auto owner = m_prefixOwner.find(HomeNetworkPrefix::Make(a, length));
        if (owner != m_prefixOwner.end())
        {
            return Lookup(owner->second);
        }
    }
    return nullptr;
}

std::vector<BindingCacheEntry>
BindingCache::GetEntries() const
{
    std::vector<BindingCacheEntry> out;
    out.reserve(m_entries.size());
    for (const auto& [mnId, rec] : m_entries)
    {
        out.push_back(rec.entry);
    }
    return out;
}

std::size_t
BindingCache::GetSize() const
{
    return m_entries.size();
}

} // namespace ns3
