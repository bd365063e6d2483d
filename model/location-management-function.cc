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
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::BINDING_QUERY_ANSWER,
                          MakeCallback(&LocationManagementFunction::HandleAnswer, this));
}

void
LocationManagementFunction::AddPeer(const HomeNetworkPrefix& prefix, Ipv6Address lmf)
{
    if (lmf != m_address)
    {
        m_peers.emplace_back(prefix.Canonical(), lmf);
    }
}

Ipv6Address
LocationManagementFunction::RelayTarget(const BindingQueryRequest& pbqr, Ipv6Address asker) const
{
    auto locations = pbqr.GetLocations();
    Ipv6Address owner = Ipv6Address::GetAny();
    if (locations.size() != 1 || m_lm->LookupByAddress(locations.front().first.prefix))
    {
        return owner;
    }
    for (const auto& [prefix, lmf] : m_peers)
    {
        if (lmf == asker)
        {
            return Ipv6Address::GetAny(); // a relayed query: answer it here
        }
        owner = prefix.Contains(locations.front().first.prefix) ? lmf : owner;
    }
    return owner;
}

void
LocationManagementFunction::Relay(const BindingQueryRequest& pbqr,
                                  Ipv6Address asker,
                                  Ipv6Address owner)
{
    NS_LOG_FUNCTION(this << asker << owner);
    m_stats.relayed++;
    BindingQueryRequest relayed;
    relayed.SetSequence(m_sequence);
    for (const auto& [prefix, locator] : pbqr.GetLocations())
    {
        relayed.AddLocation(prefix, locator);
    }
    m_relayed[m_sequence++] = {asker, pbqr.GetSequence()};
    m_mh->Send(relayed, m_address, owner);
}

void
LocationManagementFunction::HandleAnswer(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    BindingQueryAnswer answer;
    p->RemoveHeader(answer);
    auto it = m_relayed.find(answer.GetSequence());
    if (it == m_relayed.end())
    {
        return;
    }
    auto [asker, sequence] = it->second;
    m_relayed.erase(it);
    BindingQueryAnswer pbqa;
    pbqa.SetSequence(sequence);
    pbqa.SetRemove(answer.GetRemove());
    for (const auto& [prefix, locator] : answer.GetLocations())
    {
        pbqa.AddLocation(prefix, locator);
    }
    m_mh->Send(pbqa, m_address, asker);
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
    Ipv6Address owner = RelayTarget(pbqr, header.GetSource());
    if (!owner.IsAny())
    {
        Relay(pbqr, header.GetSource(), owner);
        return;
    }
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
