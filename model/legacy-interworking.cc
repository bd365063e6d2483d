/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "legacy-interworking.h"

#include "ns3/binding-change-ack.h"
#include "ns3/binding-change-inform.h"
#include "ns3/ipv6-interface.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LegacyInterworking");
NS_OBJECT_ENSURE_REGISTERED(LegacyInterworking);

TypeId
LegacyInterworking::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LegacyInterworking")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<LegacyInterworking>()
            .AddAttribute("InitialInformTimeout",
                          "First wait for the PBCA before a PBCI is sent again, doubled on "
                          "each retransmission (RFC 5213 §6.9.4, as the eMAGs' DRF).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LegacyInterworking::m_informTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("InformRetries",
                          "PBCI retransmissions before giving up (as the eMAGs' DRF).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&LegacyInterworking::m_informRetries),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Inform",
                            "A PBCI sent for a move between an eMAG and a legacy MAG.",
                            MakeTraceSourceAccessor(&LegacyInterworking::m_informTrace),
                            "ns3::LegacyInterworking::InformTracedCallback");
    return tid;
}

LegacyInterworking::LegacyInterworking()
    : m_informTimeout(Seconds(1))
{
}

LegacyInterworking::~LegacyInterworking()
{
}

void
LegacyInterworking::DoDispose()
{
    m_reliable.Dispose();
    m_mh = nullptr;
    Object::DoDispose();
}

void
LegacyInterworking::Setup(Ptr<MobilityL4Protocol> mh,
                          Ptr<LocationManagement> lm,
                          Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_mh = mh;
    m_address = address;
    m_reliable.Setup(mh, address, MakeCallback(&LegacyInterworking::GivenUp, this));
    m_reliable.SetBackOff(m_informTimeout, m_informRetries, &m_stats.retransmissions);
    lm->TraceConnectWithoutContext("BindingUpdated",
                                   MakeCallback(&LegacyInterworking::BindingUpdated, this));
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::BINDING_CHANGE_ACK,
                          MakeCallback(&LegacyInterworking::HandleAck, this));
}

void
LegacyInterworking::AddEmag(Ipv6Address proxyCoa)
{
    m_emags.insert(proxyCoa);
}

bool
LegacyInterworking::IsEmag(Ipv6Address proxyCoa) const
{
    return m_emags.empty() || m_emags.count(proxyCoa) > 0;
}

void
LegacyInterworking::Waiting(const HomeNetworkPrefix& prefix, Ipv6Address drf)
{
    m_stats.waiting++;
    m_wait[prefix].insert(drf);
}

const LegacyInterworking::Stats&
LegacyInterworking::GetStats() const
{
    return m_stats;
}

void
LegacyInterworking::BindingUpdated(const BindingCacheEntry& e, Ipv6Address previousCareOf)
{
    if (e.state != BindingCacheEntry::State::ACTIVE || e.careOf == previousCareOf)
    {
        return; // a refresh, or a de-registration: nothing moved
    }
    bool toEmag = IsEmag(e.careOf);
    for (const auto& prefix : e.prefixes)
    {
        if (!toEmag && !previousCareOf.IsAny() && IsEmag(previousCareOf))
        {
            m_stats.toLegacy++;
            Inform(prefix, Ipv6Address::GetAny(), previousCareOf);
        }
        auto waiting = m_wait.find(prefix);
        if (!toEmag || waiting == m_wait.end())
        {
            continue;
        }
        for (Ipv6Address drf : waiting->second)
        {
            m_stats.fromLegacy++;
            Inform(prefix, e.careOf, drf);
        }
        m_wait.erase(waiting);
    }
}

void
LegacyInterworking::Inform(const HomeNetworkPrefix& prefix, Ipv6Address locator, Ipv6Address to)
{
    NS_LOG_FUNCTION(this << prefix.ToString() << locator << to);
    m_informTrace(prefix, locator, to);
    m_reliable.Inform(prefix, locator, to, m_sequence++); // until the PBCA
}

void
LegacyInterworking::HandleAck(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    BindingChangeAck pbca;
    p->RemoveHeader(pbca);
    m_stats.acks++;
    m_reliable.Acknowledge(pbca.GetSequence());
}

void
LegacyInterworking::GivenUp(uint16_t sequence)
{
    NS_LOG_INFO("PBCI " << sequence << " left without a PBCA");
    m_stats.givenUp++;
}

} // namespace ns3
