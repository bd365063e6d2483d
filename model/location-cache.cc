/*
 * dmm: IP mobility management for ns-3.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/location-cache.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationCache");

NS_OBJECT_ENSURE_REGISTERED(LocationCache);

TypeId
LocationCache::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocationCache")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<LocationCache>()
            .AddAttribute("Timeout",
                          "Lifetime of an entry after its last Insert; zero = never expires.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&LocationCache::m_timeout),
                          MakeTimeChecker(Time(0)))
            .AddTraceSource("EntryExpired",
                            "An entry was erased because its time-out passed.",
                            MakeTraceSourceAccessor(&LocationCache::m_expiredTrace),
                            "ns3::LocationCache::EntryTracedCallback");
    return tid;
}

LocationCache::LocationCache()
{
    NS_LOG_FUNCTION(this);
}

LocationCache::~LocationCache()
{
    NS_LOG_FUNCTION(this);
}

bool
LocationCache::IsDead(const Entry& e) const
{
    return !m_timeout.IsZero() && Simulator::Now() >= e.expiresAt;
}

void
LocationCache::Insert(const HomeNetworkPrefix& key, Ipv6Address locator)
{
    NS_LOG_FUNCTION(this << key << locator);
    const HomeNetworkPrefix k = key.Canonical();
    auto [it, created] = m_entries.try_emplace(k);
    if (created)
    {
        ++m_lengthUse[k.length];
    }
    it->second.locator = locator;
    it->second.expiresAt = Simulator::Now() + m_timeout;
    ++m_stats.inserted;
    if (created && m_entries.size() >= m_purgeAt)
    {
        // Lookup erases a dead entry it meets; one never looked up again would stay: purge,
        // at a cost amortised over the entries created since the last purge.
        Purge();
        m_purgeAt = std::max<std::size_t>(64, 2 * m_entries.size());
    }
}

std::optional<Ipv6Address>
LocationCache::Lookup(Ipv6Address address)
{
    // Copy of the lengths: erasing an expired entry may drop a length from m_lengthUse.
    std::vector<uint8_t> lengths;
    lengths.reserve(m_lengthUse.size());
    for (const auto& [length, count] : m_lengthUse)
    {
        lengths.push_back(length);
    }
    for (uint8_t length : lengths)
    {
        auto it = m_entries.find(HomeNetworkPrefix::Make(address, length));
        if (it == m_entries.end())
        {
            continue;
        }
        if (IsDead(it->second))
        {
            // A shorter live prefix may still cover the address: keep looking.
            EraseExpired(it);
            continue;
        }
        ++m_stats.hits;
        return it->second.locator;
    }
    ++m_stats.misses;
    return std::nullopt;
}

bool
LocationCache::Remove(const HomeNetworkPrefix& key)
{
    auto it = m_entries.find(key.Canonical());
    if (it == m_entries.end())
    {
        return false;
    }
    Erase(it);
    return true;
}

void
LocationCache::Flush()
{
    m_entries.clear();
    m_lengthUse.clear();
}

std::size_t
LocationCache::Purge()
{
    std::size_t n = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();)
    {
        auto next = std::next(it);
        if (IsDead(it->second))
        {
            EraseExpired(it);
            ++n;
        }
        it = next;
    }
    return n;
}

std::size_t
LocationCache::GetSize() const
{
    std::size_t n = 0;
    for (const auto& [key, e] : m_entries)
    {
        n += IsDead(e) ? 0 : 1;
    }
    return n;
}

const LocationCache::Stats&
LocationCache::GetStats() const
{
    return m_stats;
}

void
LocationCache::EraseExpired(std::map<HomeNetworkPrefix, Entry>::iterator it)
{
    const HomeNetworkPrefix key = it->first;
    const Ipv6Address locator = it->second.locator;
    NS_LOG_INFO("entry " << key << " -> " << locator << " expired");
    Erase(it);
    ++m_stats.expired;
    m_expiredTrace(key, locator);
}

void
LocationCache::Erase(std::map<HomeNetworkPrefix, Entry>::iterator it)
{
    auto len = m_lengthUse.find(it->first.length);
    if (len != m_lengthUse.end() && --len->second == 0)
    {
        m_lengthUse.erase(len);
    }
    m_entries.erase(it);
}

} // namespace ns3
