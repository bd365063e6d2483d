/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "anchor-drf.h"

#include "ns3/binding-change-ack.h"
#include "ns3/binding-change-inform.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/node.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AnchorDrf");
NS_OBJECT_ENSURE_REGISTERED(AnchorDrf);

namespace
{
// Registrations are numbered in 0x8000-0xBFFF (AnchorDmf's ranges): their PBCAs reach
// OtherInformAck, not the base DRF's own PBCIs.
constexpr uint16_t kRangeMask = 0xC000;
constexpr uint16_t kRegistrations = 0x8000;
} // namespace

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
    m_reliable.Dispose();
    m_registering.clear();
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
    // The same back-off as the DRF's other PBCIs (RFC 5213 §6.9.4).
    TimeValue timeout;
    UintegerValue retries;
    GetAttribute("InitialInformTimeout", timeout);
    GetAttribute("InformRetries", retries);
    m_reliable.Setup(GetIpv6L3()->GetObject<Node>()->GetObject<MobilityL4Protocol>(),
                     local,
                     MakeCallback(&AnchorDrf::RegistrationTimedOut, this));
    m_reliable.SetBackOff(timeout.Get(),
                          static_cast<uint32_t>(retries.Get()),
                          &m_stats.registrationRetransmissions);
}

bool
AnchorDrf::AnchoredElsewhere(const BindingCacheEntry& entry) const
{
    for (const auto& hnp : entry.prefixes)
    {
        if (m_elsewhere.count(hnp))
        {
            return true;
        }
    }
    return false;
}

const AnchorDrf::Stats&
AnchorDrf::GetAnchorStats() const
{
    return m_stats;
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
    for (const auto& hnp : entry.prefixes)
    {
        m_elsewhere.erase(hnp); // the node is back
        if (!m_registered.insert(hnp).second)
        {
            continue; // a refresh: the location (this eLMA) is unchanged
        }
        uint16_t seq = kRegistrations | (m_registrations++ & ~kRangeMask);
        m_registering[seq] = hnp;
        m_stats.registrations++;
        m_reliable.Inform(hnp, m_address, m_preferred, seq); // retransmitted until the PBCA
    }
}

void
AnchorDrf::OtherInformAck(const BindingChangeAck& pbca, Ipv6Address src)
{
    uint16_t seq = pbca.GetSequence();
    if ((seq & kRangeMask) == kRegistrations)
    {
        if (!m_reliable.Acknowledge(seq))
        {
            return; // a late answer to a registration already acknowledged: acted on
        }
        m_registering.erase(seq);
        m_stats.registrationAcks++;
    }
    DistributedRoutingFunction::OtherInformAck(pbca, src); // the DMF's
}

void
AnchorDrf::HandedOver(const HomeNetworkPrefix& prefix, Ipv6Address locator)
{
    if (locator.IsAny() || locator == m_address)
    {
        return;
    }
    // §7.2: another eLMA anchors the node now and registered it with the LMF; if it comes
    // back, this eLMA registers it again.
    m_registered.erase(prefix);
    m_elsewhere.insert(prefix);
}

void
AnchorDrf::RegistrationTimedOut(uint16_t seq)
{
    m_stats.registrationTimeouts++;
    auto it = m_registering.find(seq);
    if (it != m_registering.end())
    {
        m_registered.erase(it->second); // registered again on the binding's next refresh
        m_registering.erase(it);
    }
}

} // namespace ns3
