/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PREFIX_USE_H
#define DMM_PREFIX_USE_H

#include "ns3/home-address-allocation.h"
#include "ns3/nstime.h"
#include "ns3/prefix-table.h"
#include "ns3/ptr.h"

namespace ns3
{

class Ipv6Header;
class Packet;

/**
 * \ingroup dmm
 * \brief When each prefix served on an access link last carried a packet: a MAR releases
 *        a prefix whose flows ended (seed 003 §3.1, §4.1: mobility support only for
 *        ongoing flows).
 */
class PrefixUse
{
  public:
    /**
     * \brief Watch \p prefix, not used yet, unless it is watched already.
     * \param prefix the prefix
     */
    void Watch(const HomeNetworkPrefix& prefix);
    /**
     * \brief Watch \p prefix as used now (its flows were live elsewhere).
     * \param prefix the prefix
     */
    void MarkUsed(const HomeNetworkPrefix& prefix);
    /// \brief Stop watching \p prefix. \param prefix the prefix
    void Forget(const HomeNetworkPrefix& prefix);
    /**
     * \brief A packet crossed the access link (connect to AccessTraffic).
     * \param p the packet \param header its IPv6 header
     */
    void Note(Ptr<const Packet> p, const Ipv6Header& header);
    /**
     * \param prefix a prefix \param threshold how long without a packet makes it idle
     * \return true if no packet of \p prefix crossed for \p threshold, or ever
     */
    bool IsIdle(const HomeNetworkPrefix& prefix, Time threshold) const;
    /// \param prefix a watched prefix that carried a packet \return the time since
    Time IdleFor(const HomeNetworkPrefix& prefix) const;

  private:
    PrefixTable<Time> m_last; //!< last packet of each prefix (Time::Min(): none yet)
};

} // namespace ns3

#endif // DMM_PREFIX_USE_H
