/*
 * dmm: IP mobility management for ns-3.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/home-address-allocation.h"

#include "ns3/log.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HomeAddressAllocation");

NS_OBJECT_ENSURE_REGISTERED(HomeAddressAllocation);

HomeNetworkPrefix
HomeNetworkPrefix::Make(Ipv6Address address, uint8_t length)
{
    HomeNetworkPrefix p;
    p.length = std::min<uint8_t>(length, 128);
    p.prefix = address.CombinePrefix(Ipv6Prefix(p.length));
    return p;
}

bool
HomeNetworkPrefix::Contains(Ipv6Address a) const
{
    // Clamped so that a corrupt length can never make Ipv6Prefix read out of range.
    Ipv6Prefix mask(std::min<uint8_t>(length, 128));
    return mask.IsMatch(prefix, a);
}

bool
HomeNetworkPrefix::Contains(const HomeNetworkPrefix& other) const
{
    return other.length >= length && Contains(other.prefix);
}

HomeNetworkPrefix
HomeNetworkPrefix::Canonical() const
{
    return Make(prefix, length);
}

Ipv6Prefix
HomeNetworkPrefix::GetIpv6Prefix() const
{
    return Ipv6Prefix(std::min<uint8_t>(length, 128));
}

std::string
HomeNetworkPrefix::ToString() const
{
    std::ostringstream os;
    os << prefix << "/" << static_cast<unsigned>(length);
    return os.str();
}

bool
HomeNetworkPrefix::operator==(const HomeNetworkPrefix& other) const
{
    return length == other.length && prefix == other.prefix;
}

bool
HomeNetworkPrefix::operator!=(const HomeNetworkPrefix& other) const
{
    return !(*this == other);
}

bool
HomeNetworkPrefix::operator<(const HomeNetworkPrefix& other) const
{
    if (prefix != other.prefix)
    {
        return prefix < other.prefix;
    }
    return length < other.length;
}

std::ostream&
operator<<(std::ostream& os, const HomeNetworkPrefix& p)
{
    return os << p.ToString();
}

TypeId
HomeAddressAllocation::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HomeAddressAllocation")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddTraceSource("Allocated",
                            "A prefix was newly allocated to a mobile node.",
                            MakeTraceSourceAccessor(&HomeAddressAllocation::m_allocatedTrace),
                            "ns3::HomeAddressAllocation::PrefixTracedCallback")
            .AddTraceSource("Released",
                            "The prefix of a mobile node was released.",
                            MakeTraceSourceAccessor(&HomeAddressAllocation::m_releasedTrace),
                            "ns3::HomeAddressAllocation::PrefixTracedCallback")
            .AddTraceSource("Exhausted",
                            "An allocation was refused because the address space is used up.",
                            MakeTraceSourceAccessor(&HomeAddressAllocation::m_exhaustedTrace),
                            "ns3::HomeAddressAllocation::ExhaustedTracedCallback");
    return tid;
}

HomeAddressAllocation::HomeAddressAllocation()
{
    NS_LOG_FUNCTION(this);
}

HomeAddressAllocation::~HomeAddressAllocation()
{
    NS_LOG_FUNCTION(this);
}

std::string
HomeAddressAllocation::CheckConfiguration() const
{
    return "";
}

const HomeAddressAllocation::Stats&
HomeAddressAllocation::GetStats() const
{
    return m_stats;
}

void
HomeAddressAllocation::NotifyAllocated(const std::string& mnId, const HomeNetworkPrefix& p)
{
    NS_LOG_INFO("allocated " << p << " to " << mnId);
    ++m_stats.allocated;
    m_allocatedTrace(mnId, p);
}

void
HomeAddressAllocation::NotifyReleased(const std::string& mnId, const HomeNetworkPrefix& p)
{
    NS_LOG_INFO("released " << p << " of " << mnId);
    ++m_stats.released;
    m_releasedTrace(mnId, p);
}

void
HomeAddressAllocation::NotifyExhausted(const std::string& mnId)
{
    NS_LOG_WARN("address space exhausted: no prefix for " << mnId);
    ++m_stats.exhausted;
    m_exhaustedTrace(mnId);
}

void
HomeAddressAllocation::NotifyInvalid(const std::string& why)
{
    NS_LOG_WARN("allocation request refused: " << why);
    ++m_stats.invalidRequests;
}

std::optional<std::string>
HomeAddressAllocation::LookupOwner(const HomeNetworkPrefix&) const
{
    return std::nullopt;
}

} // namespace ns3
