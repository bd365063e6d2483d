/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "fixed-node-lmf.h"

#include "ns3/binding-query-answer.h"
#include "ns3/binding-query-request.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FixedNodeLmf");
NS_OBJECT_ENSURE_REGISTERED(FixedNodeLmf);

TypeId
FixedNodeLmf::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FixedNodeLmf")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<FixedNodeLmf>()
            .AddTraceSource("Query",
                            "A queried address and the access router answered (:: if none).",
                            MakeTraceSourceAccessor(&FixedNodeLmf::m_queryTrace),
                            "ns3::FixedNodeLmf::QueryTracedCallback");
    return tid;
}

FixedNodeLmf::FixedNodeLmf()
{
}

void
FixedNodeLmf::DoDispose()
{
    m_mh = nullptr;
    Object::DoDispose();
}

void
FixedNodeLmf::Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_mh = mh;
    m_address = address;
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::BINDING_QUERY_REQUEST,
                          MakeCallback(&FixedNodeLmf::HandleQuery, this));
}

void
FixedNodeLmf::AddFixed(const HomeNetworkPrefix& prefix, Ipv6Address router)
{
    m_fixed.emplace_back(prefix.Canonical(), router);
}

const FixedNodeLmf::Stats&
FixedNodeLmf::GetStats() const
{
    return m_stats;
}

const std::pair<HomeNetworkPrefix, Ipv6Address>*
FixedNodeLmf::Find(Ipv6Address address) const
{
    for (const auto& entry : m_fixed)
    {
        if (entry.first.Contains(address))
        {
            return &entry;
        }
    }
    return nullptr;
}

void
FixedNodeLmf::HandleQuery(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this << header.GetSource());
    BindingQueryRequest pbqr;
    p->RemoveHeader(pbqr);
    m_stats.queries++;
    BindingQueryAnswer pbqa;
    pbqa.SetSequence(pbqr.GetSequence());
    for (const auto& [queried, unused] : pbqr.GetLocations())
    {
        const auto* entry = Find(queried.prefix);
        // §5.2: the location of a fixed node is its access router.
        Ipv6Address locator = entry ? entry->second : Ipv6Address::GetAny();
        pbqa.SetRemove(pbqa.GetRemove() || !entry);
        pbqa.AddLocation(entry ? entry->first : queried, locator);
        (entry ? m_stats.answered : m_stats.unknown)++;
        m_queryTrace(queried.prefix, locator);
    }
    m_mh->Send(pbqa, m_address, header.GetSource());
}

} // namespace ns3
