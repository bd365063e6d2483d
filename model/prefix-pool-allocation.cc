/*
 * dmm: IP mobility management for ns-3.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/prefix-pool-allocation.h"

#include "ns3/ipv6-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <iterator>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PrefixPoolAllocation");

NS_OBJECT_ENSURE_REGISTERED(PrefixPoolAllocation);

TypeId
PrefixPoolAllocation::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PrefixPoolAllocation")
            .SetParent<HomeAddressAllocation>()
            .SetGroupName("Dmm")
            .AddConstructor<PrefixPoolAllocation>()
            .AddAttribute("PoolPrefix",
                          "The pool from which per-MN prefixes are carved.",
                          Ipv6AddressValue(Ipv6Address("2001:1::")),
                          MakeIpv6AddressAccessor(&PrefixPoolAllocation::m_poolPrefix),
                          MakeIpv6AddressChecker())
            .AddAttribute("PoolPrefixLength",
                          "Length of the pool prefix.",
                          UintegerValue(48),
                          MakeUintegerAccessor(&PrefixPoolAllocation::m_poolPrefixLength),
                          MakeUintegerChecker<uint8_t>(0, 128))
            .AddAttribute("AllocatedPrefixLength",
                          "Length of each allocated prefix (64 for a home network prefix, "
                          "128 for a single home address).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&PrefixPoolAllocation::m_allocatedLength),
                          MakeUintegerChecker<uint8_t>(0, 128))
            .AddAttribute("MaxPrefixes",
                          "At most this many prefixes allocated at once; 0 = all that fit.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PrefixPoolAllocation::m_maxPrefixes),
                          MakeUintegerChecker<uint32_t>())
            // A node keeps an address until the valid lifetime it was advertised with ends
            // (RFC 4862 §5.5.4): handed to another node sooner, the prefix would be two
            // nodes' at once.
            .AddAttribute("ReuseDelay",
                          "A released prefix is handed out again only this long after its "
                          "release (the valid lifetime its routers advertise; 0: at once).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PrefixPoolAllocation::m_reuseDelay),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

PrefixPoolAllocation::PrefixPoolAllocation()
{
    NS_LOG_FUNCTION(this);
}

PrefixPoolAllocation::~PrefixPoolAllocation()
{
    NS_LOG_FUNCTION(this);
}

std::string
PrefixPoolAllocation::CheckConfiguration() const
{
    if (m_allocatedLength < m_poolPrefixLength)
    {
        return "PrefixPoolAllocation: AllocatedPrefixLength " + std::to_string(m_allocatedLength) +
               " is shorter than PoolPrefixLength " + std::to_string(m_poolPrefixLength);
    }
    return "";
}

uint64_t
PrefixPoolAllocation::GetCapacity() const
{
    if (!CheckConfiguration().empty())
    {
        return 0;
    }
    const unsigned bits = m_allocatedLength - m_poolPrefixLength;
    // 2^64 or more prefixes cannot be counted in 64 bits and could never be used up anyway.
    uint64_t capacity = bits >= 64 ? std::numeric_limits<uint64_t>::max() : (uint64_t{1} << bits);
    if (m_maxPrefixes != 0)
    {
        capacity = std::min<uint64_t>(capacity, m_maxPrefixes);
    }
    return capacity;
}

uint64_t
PrefixPoolAllocation::GetAllocatedCount() const
{
    return m_byMn.size();
}

std::optional<HomeNetworkPrefix>
PrefixPoolAllocation::GetPrefixAt(uint64_t index) const
{
    if (index >= GetCapacity())
    {
        return std::nullopt;
    }
    uint8_t bytes[16];
    m_poolPrefix.CombinePrefix(Ipv6Prefix(m_poolPrefixLength)).GetBytes(bytes);
    // Bit k of the index (LSB first) goes to address bit (allocatedLength - 1 - k), counted from
    // the most significant bit; the bits above the pool length stay the pool's.
    const unsigned bits = m_allocatedLength - m_poolPrefixLength;
    for (unsigned k = 0; k < bits && k < 64; ++k)
    {
        if ((index >> k) & 1U)
        {
            const unsigned pos = m_allocatedLength - 1 - k;
            bytes[pos / 8] |= static_cast<uint8_t>(0x80U >> (pos % 8));
        }
    }
    HomeNetworkPrefix p;
    p.prefix = Ipv6Address(bytes);
    p.length = m_allocatedLength;
    return p;
}

std::optional<HomeNetworkPrefix>
PrefixPoolAllocation::Allocate(const std::string& mnId)
{
    NS_LOG_FUNCTION(this << mnId);
    if (mnId.empty())
    {
        NotifyInvalid("empty mobile node identifier");
        return std::nullopt;
    }
    auto it = m_byMn.find(mnId);
    if (it != m_byMn.end())
    {
        return GetPrefixAt(it->second);
    }
    const std::string problem = CheckConfiguration();
    if (!problem.empty())
    {
        NS_LOG_ERROR(problem);
        NotifyExhausted(mnId);
        return std::nullopt;
    }
    Reclaim();
    uint64_t index;
    if (!m_freed.empty() && *m_freed.begin() < GetCapacity())
    {
        index = *m_freed.begin();
        m_freed.erase(m_freed.begin());
    }
    else if (m_nextIndex < GetCapacity())
    {
        index = m_nextIndex++;
    }
    else
    {
        NotifyExhausted(mnId);
        return std::nullopt;
    }
    m_byMn[mnId] = index;
    m_owner[index] = mnId;
    auto p = GetPrefixAt(index);
    NotifyAllocated(mnId, *p);
    return p;
}

std::optional<uint64_t>
PrefixPoolAllocation::IndexOf(const HomeNetworkPrefix& prefix) const
{
    if (prefix.length != m_allocatedLength || !GetAggregate().Contains(prefix.prefix))
    {
        return std::nullopt;
    }
    uint8_t bytes[16];
    prefix.prefix.GetBytes(bytes);
    uint64_t index = 0;
    const unsigned bits = m_allocatedLength - m_poolPrefixLength;
    for (unsigned k = 0; k < bits && k < 64; ++k) // the inverse of GetPrefixAt
    {
        const unsigned pos = m_allocatedLength - 1 - k;
        if (bytes[pos / 8] & (0x80U >> (pos % 8)))
        {
            index |= uint64_t{1} << k;
        }
    }
    return index;
}

std::optional<std::string>
PrefixPoolAllocation::LookupOwner(const HomeNetworkPrefix& prefix) const
{
    std::optional<uint64_t> index = IndexOf(prefix);
    auto it = index ? m_owner.find(*index) : m_owner.end();
    return it == m_owner.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<HomeNetworkPrefix>
PrefixPoolAllocation::Lookup(const std::string& mnId) const
{
    auto it = m_byMn.find(mnId);
    if (it == m_byMn.end())
    {
        return std::nullopt;
    }
    return GetPrefixAt(it->second);
}

bool
PrefixPoolAllocation::Release(const std::string& mnId)
{
    NS_LOG_FUNCTION(this << mnId);
    auto it = m_byMn.find(mnId);
    if (it == m_byMn.end())
    {
        return false;
    }
    const uint64_t index = it->second;
    auto p = GetPrefixAt(index);
    m_byMn.erase(it);
    m_owner.erase(index);
    if (m_reuseDelay.IsStrictlyPositive())
    {
        m_cooling.emplace_back(Simulator::Now() + m_reuseDelay, index); // in release order
    }
    else
    {
        Free(index);
    }
    if (p)
    {
        NotifyReleased(mnId, *p);
    }
    return true;
}

void
PrefixPoolAllocation::Free(uint64_t index)
{
    if (index + 1 == m_nextIndex)
    {
        // Shrinking the high-water mark keeps m_freed small when MNs come and go.
        --m_nextIndex;
        while (!m_freed.empty() && *m_freed.rbegin() + 1 == m_nextIndex)
        {
            m_freed.erase(std::prev(m_freed.end()));
            --m_nextIndex;
        }
    }
    else
    {
        m_freed.insert(index);
    }
}

void
PrefixPoolAllocation::Reclaim()
{
    while (!m_cooling.empty() && m_cooling.front().first <= Simulator::Now())
    {
        Free(m_cooling.front().second);
        m_cooling.pop_front();
    }
}

bool
PrefixPoolAllocation::IsAnchored(Ipv6Address a) const
{
    return GetAggregate().Contains(a);
}

HomeNetworkPrefix
PrefixPoolAllocation::GetAggregate() const
{
    return HomeNetworkPrefix::Make(m_poolPrefix, m_poolPrefixLength);
}

std::vector<std::pair<std::string, HomeNetworkPrefix>>
PrefixPoolAllocation::GetAllocations() const
{
    std::vector<std::pair<std::string, HomeNetworkPrefix>> out;
    out.reserve(m_byMn.size());
    for (const auto& [mnId, index] : m_byMn)
    {
        if (auto p = GetPrefixAt(index))
        {
            out.emplace_back(mnId, *p);
        }
    }
    return out;
}

} // namespace ns3
