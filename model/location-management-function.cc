/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-management-function.h"

#include "ns3/binding-query-answer.h"
#include "ns3/binding-query-request.h"
#include "ns3/ipv6-interface.h"
#include "ns3/legacy-interworking.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationManagementFunction");
NS_OBJECT_ENSURE_REGISTERED(LocationManagementFunction);

TypeId
LocationManagementFunction::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocationManagementFunction")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<LocationManagementFunction>()
            .AddTraceSource("Query",
                            "A queried address and the location answered (:: if none).",
                            MakeTraceSourceAccessor(&LocationManagementFunction::m_queryTrace),
                            "ns3::LocationManagementFunction::QueryTracedCallback");
    return tid;
}

LocationManagementFunction::LocationManagementFunction()
{
}

LocationManagementFunction::~LocationManagementFunction()
{
}

void
LocationManagementFunction::DoDispose()
{
    m_mh = nullptr;
    m_lm = nullptr;
    m_interworking = nullptr;
    Object::DoDispose();
}

void
LocationManagementFunction::Setup(Ptr<MobilityL4Protocol> mh,
                                  Ptr<LocationManagement> lm,
                                  Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_mh = mh;
    m_lm = lm;
    m_address = address;
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::BINDING_QUERY_REQUEST,
                          MakeCallback(&LocationManagementFunction::HandleQuery, this));
}

const LocationManagementFunction::Stats&
LocationManagementFunction::GetStats() const
{
    return m_stats;
}

void
LocationManagementFunction::SetInterworking(Ptr<LegacyInterworking> interworking)
{
    m_interworking = interworking;
}

void
LocationManagementFunction::HandleQuery(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    BindingQueryRequest pbqr;
    p->RemoveHeader(pbqr);
    m_stats.queries++;
    BindingQueryAnswer pbqa;
    pbqa.SetSequence(pbqr.GetSequence());
    for (const auto& [queried, unused] : pbqr.GetLocations())
    {
        const BindingCacheEntry* e = m_lm->LookupByAddress(queried.prefix);
        bool known = e && e->state == BindingCacheEntry::State::ACTIVE;
        HomeNetworkPrefix answer = queried;
        for (const auto& hnp : known ? e->prefixes : std::vector<HomeNetworkPrefix>{})
        {
            answer = hnp.Contains(queried.prefix) ? hnp : answer;
        }
        if (known && m_interworking && !m_interworking->IsEmag(e->careOf))
        {
            known = false; // at a legacy MAG: no direct tunnel to it (§6)
            m_interworking->Waiting(answer, header.GetSource());
        }
        Ipv6Address locator = known ? e->careOf : Ipv6Address::GetAny();
        // R marks "no binding here" so that the asker can fall back to PMIP routing (§5.1).
        pbqa.SetRemove(pbqa.GetRemove() || !known);
        pbqa.AddLocation(answer, locator);
        (known ? m_stats.answered : m_stats.unknown)++;
        m_queryTrace(queried.prefix, locator);
    }
    m_mh->Send(pbqa, m_address, header.GetSource());
}

} // namespace ns3
