/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ADDRESS_PLAN_H
#define DMM_ADDRESS_PLAN_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"

#include <cstdint>
#include <fmt/format.h>
#include <sstream>
#include <string>

namespace ns3
{
namespace dmm
{

/**
 * \ingroup dmm
 * \brief The scenario runner's address plan, in one place.
 *
 * - wired links: 2001:aaaa:<link>::/64, link k of the file (or generator) from 1;
 * - access links: 2001:bbbb:<access router>::/64, the i-th attachment point from 1;
 * - mobile prefixes of a central anchor: 2001:1::/48 (home addresses of MIPv6 from
 *   2001:1::/64);
 * - an anchor or MAR of index i (in file order, from 1): its pool 2001:1:<i>::/48;
 * - the MAP of index k (HMIPv6 regional prefix): 2001:cccc:<k>::/64, MAP address ::1.
 * ns-3 drops 2001:db8::/32 when forwarding, so the plan avoids it.
 */
struct AddressPlan
{
    /// Length of an anchor's mobile prefix aggregate.
    static constexpr uint8_t POOL_LENGTH = 48;

    /// \return the central anchor's mobile prefixes (2001:1::/48)
    static HomeNetworkPrefix CentralPool()
    {
        return HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), POOL_LENGTH);
    }

    /// \return the home link prefix of MIPv6 home addresses without a real home link
    static HomeNetworkPrefix HomePrefix()
    {
        return HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), 64);
    }

    /// \param index anchor or MAR index from 1 \return its pool 2001:1:<index>::/48
    static HomeNetworkPrefix AnchorPool(uint32_t index)
    {
        return HomeNetworkPrefix::Make(Ipv6Address(fmt::format("2001:1:{:x}::", index).c_str()),
                                       POOL_LENGTH);
    }

    /// \return the aggregate of the anchors' pools (2001:1::/32)
    static HomeNetworkPrefix PoolAggregate()
    {
        return HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), 32);
    }

    /// \return the aggregate of the access links' prefixes (2001:bbbb::/32)
    static HomeNetworkPrefix AccessAggregate()
    {
        return HomeNetworkPrefix::Make(Ipv6Address("2001:bbbb::"), 32);
    }

    /// \param index MAP index from 1 \return its regional prefix 2001:cccc:<index>::/64
    static HomeNetworkPrefix RegionalPrefix(uint32_t index)
    {
        return HomeNetworkPrefix::Make(Ipv6Address(fmt::format("2001:cccc:{:x}::", index).c_str()),
                                       64);
    }

    /// \param index MAP index from 1 \return the MAP's address 2001:cccc:<index>::1
    static Ipv6Address MapAddress(uint32_t index)
    {
        return Ipv6Address(fmt::format("2001:cccc:{:x}::1", index).c_str());
    }

    /// \param link wired link index from 1 \return its prefix base 2001:aaaa:<link>::
    static Ipv6Address WiredLink(uint32_t link)
    {
        return Ipv6Address(fmt::format("2001:aaaa:{:x}::", link).c_str());
    }

    /// \param index attachment point index from 1 \return its prefix base 2001:bbbb:<i>::
    static Ipv6Address AccessLink(uint32_t index)
    {
        return Ipv6Address(fmt::format("2001:bbbb:{:x}::", index).c_str());
    }
};

/// \param a an address \return its text form
inline std::string
Str(Ipv6Address a)
{
    std::ostringstream os;
    os << a;
    return os.str();
}

} // namespace dmm
} // namespace ns3

#endif // DMM_ADDRESS_PLAN_H
