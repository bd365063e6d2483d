/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "prefix-use.h"

#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PrefixUse");

void
PrefixUse::Watch(const HomeNetworkPrefix& prefix)
{
    if (!m_last.Lookup(prefix.prefix))
    {
        m_last.Set(prefix, Time::Min());
    }
}

void
PrefixUse::MarkUsed(const HomeNetworkPrefix& prefix)
{
    m_last.Set(prefix, Simulator::Now());
}

void
PrefixUse::Forget(const HomeNetworkPrefix& prefix)
{
    m_last.Erase(prefix);
}

void
PrefixUse::Note(Ptr<const Packet>, const Ipv6Header& header)
{
    // One hash probe per address: this is on the per-packet path of the access router.
    Time* last = m_last.Lookup(header.GetSource());
    if (!last)
    {
        last = m_last.Lookup(header.GetDestination());
    }
    if (last)
    {
        *last = Simulator::Now();
    }
}

bool
PrefixUse::IsIdle(const HomeNetworkPrefix& prefix, Time threshold) const
{
    const Time* last = m_last.Lookup(prefix.prefix);
    return !last || *last == Time::Min() || Simulator::Now() - *last >= threshold;
}

Time
PrefixUse::IdleFor(const HomeNetworkPrefix& prefix) const
{
    return Simulator::Now() - *m_last.Lookup(prefix.prefix);
}

} // namespace ns3
