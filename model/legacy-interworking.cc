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
            .AddTraceSource("Inform",
                            "A PBCI sent for a move between an eMAG and a legacy MAG.",
                            MakeTraceSourceAccessor(&LegacyInterworking::m_informTrace),
                            "ns3::LegacyInterworking::InformTracedCallback");
    return tid;
}

LegacyInterworking::LegacyInterworking()
{
}

LegacyInterworking::~LegacyInterworking()
{
}

void
LegacyInterworking::DoDispose()
{
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
    BindingChangeInform pbci;
    pbci.SetSequence(m_sequence++);
    pbci.AddLocation(prefix, locator);
    m_informTrace(prefix, locator, to);
    m_mh->Send(pbci, m_address, to);
}

void
LegacyInterworking::HandleAck(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    BindingChangeAck pbca;
    p->RemoveHeader(pbca);
    m_stats.acks++;
}

} // namespace ns3
