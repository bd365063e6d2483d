/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "anchor-drf.h"

#include "ns3/binding-change-inform.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AnchorDrf");
NS_OBJECT_ENSURE_REGISTERED(AnchorDrf);

TypeId
AnchorDrf::GetTypeId()
{
    static TypeId tid = TypeId("ns3::AnchorDrf")
                            .SetParent<DistributedRoutingFunction>()
                            .SetGroupName("Dmm")
                            .AddConstructor<AnchorDrf>();
    return tid;
}

AnchorDrf::AnchorDrf()
{
}

void
AnchorDrf::DoDispose()
{
    m_lm = nullptr;
    DistributedRoutingFunction::DoDispose();
}

void
AnchorDrf::SetPreferredLmf(Ptr<LocationManagement> lm, Ipv6Address lmf, Ipv6Address local)
{
    NS_LOG_FUNCTION(this << lmf << local);
    m_address = local;
    m_lm = lm;
    m_preferred = lmf;
    m_lm->TraceConnectWithoutContext("BindingUpdated",
                                     MakeCallback(&AnchorDrf::BindingUpdated, this));
}

bool
AnchorDrf::Serves(Ipv6Address src) const
{
    // Uplink reaches the LMA through the PMIP tunnel: the source is bound here (§7.2).
    const BindingCacheEntry* e = m_lm ? m_lm->LookupByAddress(src) : nullptr;
    return e && e->state == BindingCacheEntry::State::ACTIVE;
}

void
AnchorDrf::BindingUpdated(const BindingCacheEntry& entry, Ipv6Address)
{
    if (entry.state != BindingCacheEntry::State::ACTIVE)
    {
        return;
    }
    Ptr<MobilityL4Protocol> mh = GetIpv6L3()->GetObject<Node>()->GetObject<MobilityL4Protocol>();
    for (const auto& hnp : entry.prefixes)
    {
        if (!m_registered.insert(hnp).second)
        {
            continue; // a refresh: the location (this eLMA) is unchanged
        }
        BindingChangeInform pbci;
        pbci.SetSequence(0x8000 | m_registrations++);
        pbci.AddLocation(hnp, m_address);
        mh->Send(pbci, m_address, m_preferred);
    }
}

} // namespace ns3
