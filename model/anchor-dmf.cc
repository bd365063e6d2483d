/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "anchor-dmf.h"

#include "ns3/binding-change-ack.h"
#include "ns3/distributed-routing-function.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/nstime.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AnchorDmf");
NS_OBJECT_ENSURE_REGISTERED(AnchorDmf);

namespace
{
// PBCI numbers: the DRF counts up from 0, the AnchorDrf registers with the LMF in
// 0x8000-0xBFFF, this DMF informs previous eLMAs in 0xC000-0xFFFF.
constexpr uint16_t kRangeMask = 0xC000;
constexpr uint16_t kRegistrations = 0x8000;
constexpr uint16_t kHandoffs = 0xC000;
} // namespace

TypeId
AnchorDmf::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AnchorDmf")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<AnchorDmf>()
            .AddAttribute("InitialInformTimeout",
                          "First wait for the previous eLMA's PBCA, doubled on each "
                          "retransmission (RFC 5213 §6.9.4).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&AnchorDmf::m_informTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("InformRetries",
                          "PBCI retransmissions before giving up.",
                          UintegerValue(5),
                          MakeUintegerAccessor(&AnchorDmf::m_informRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Handoff",
                            "A node's HNP came here from another eLMA, which is informed.",
                            MakeTraceSourceAccessor(&AnchorDmf::m_handoffTrace),
                            "ns3::AnchorDmf::HandoffTracedCallback");
    return tid;
}

AnchorDmf::AnchorDmf()
    : m_informTimeout(Seconds(1)),
      m_informRetries(5)
{
}

void
AnchorDmf::DoDispose()
{
    m_reliable.Dispose();
    m_informing.clear();
    if (m_drf)
    {
        m_drf->SetOtherAckHandler(DistributedRoutingFunction::OtherAckCallback());
    }
    m_mh = nullptr;
    m_drf = nullptr;
    Object::DoDispose();
}

void
AnchorDmf::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local, Ptr<DistributedRoutingFunction> drf)
{
    NS_LOG_FUNCTION(this << local);
    m_mh = mh;
    m_local = local;
    m_drf = drf;
    m_reliable.Setup(mh, local, MakeCallback(&AnchorDmf::InformTimedOut, this));
    m_reliable.SetBackOff(m_informTimeout, m_informRetries, &m_stats.informRetransmissions);
    // The DRF owns the node's PBCA handler and passes on the PBCAs of no PBCI of its own.
    m_drf->SetOtherAckHandler(MakeCallback(&AnchorDmf::Received, this));
}

void
AnchorDmf::AddDomainPool(const HomeNetworkPrefix& pool)
{
    m_pools.push_back(pool.Canonical());
}

bool
AnchorDmf::Admits(const HomeNetworkPrefix& hnp)
{
    for (const auto& pool : m_pools)
    {
        if (pool.Contains(hnp.prefix) && hnp.length >= pool.length)
        {
            m_stats.admitted++;
            return true;
        }
    }
    return false;
}

const AnchorDmf::Stats&
AnchorDmf::GetStats() const
{
    return m_stats;
}

void
AnchorDmf::Received(const BindingChangeAck& pbca, Ipv6Address src)
{
    uint16_t seq = pbca.GetSequence();
    auto it = m_informing.find(seq);
    if (it != m_informing.end())
    {
        // The previous eLMA's answer: its correspondents' locations (as §4.3's PBCA).
        m_stats.informAcks++;
        m_reliable.Acknowledge(seq);
        m_informing.erase(it);
        for (const auto& [prefix, locator] : pbca.GetLocations())
        {
            m_drf->SetLocation(prefix, locator);
        }
        return;
    }
    if ((seq & kRangeMask) != kRegistrations)
    {
        return; // not an LMF's answer to this eLMA's registration
    }
    for (const auto& [prefix, previous] : pbca.GetLocations())
    {
        if (previous != m_local)
        {
            InformPrevious(prefix, previous);
        }
    }
    NS_LOG_LOGIC("LMF " << src << " acknowledged registration " << seq);
}

void
AnchorDmf::InformPrevious(const HomeNetworkPrefix& prefix, Ipv6Address previous)
{
    NS_LOG_FUNCTION(this << prefix.ToString() << previous);
    uint16_t seq = kHandoffs | (m_next++ & ~kRangeMask);
    m_informing[seq] = prefix;
    m_stats.informs++;
    m_handoffTrace(prefix, previous);
    // The locator is this eLMA, the PBCI's source: the receiver hands the node over.
    m_reliable.Inform(prefix, m_local, previous, seq);
}

void
AnchorDmf::InformTimedOut(uint16_t seq)
{
    m_stats.informTimeouts += m_informing.erase(seq);
}

} // namespace ns3
