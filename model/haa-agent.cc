/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "haa-agent.h"

#include "ns3/enum.h"
#include "ns3/hoa-reply.h"
#include "ns3/hoa-request.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/prefix-pool-allocation.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HaaAgent");
NS_OBJECT_ENSURE_REGISTERED(HaaAgent);

TypeId
HaaAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HaaAgent")
            .SetParent<DmmAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<HaaAgent>()
            .AddAttribute(
                "Mode",
                "How home addresses are assigned (seed 002 §4.1): Stateless "
                "authorises the address a node autoconfigures on its router's "
                "link; Stateful assigns a prefix from the router's pool.",
                EnumValue(HaaAgent::STATELESS),
                MakeEnumAccessor(&HaaAgent::m_mode),
                MakeEnumChecker(HaaAgent::STATELESS, "Stateless", HaaAgent::STATEFUL, "Stateful"))
            .AddAttribute("AllocatedPrefixLength",
                          "Stateful: the length of the prefix assigned to a node.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&HaaAgent::m_allocatedLength),
                          MakeUintegerChecker<uint8_t>(1, 128))
            .AddTraceSource("Assigned",
                            "A node got a new home address (or prefix) here.",
                            MakeTraceSourceAccessor(&HaaAgent::m_assignedTrace),
                            "ns3::HaaAgent::AssignedTracedCallback");
    return tid;
}

HaaAgent::HaaAgent()
{
}

HaaAgent::~HaaAgent()
{
}

void
HaaAgent::DoDispose()
{
    m_pools.clear();
    DmmAgent::DoDispose();
}

void
HaaAgent::Setup(Ipv6Address address)
{
    m_address = address;
}

void
HaaAgent::AddMobilityRouter(Ipv6Address router, const HomeNetworkPrefix& space)
{
    m_spaces[router] = space;
}

const HaaAgent::HaaStats&
HaaAgent::GetHaaStats() const
{
    return m_stats;
}

std::optional<HaaAgent::Assignment>
HaaAgent::Lookup(const std::string& mnId) const
{
    auto it = m_assignments.find(mnId);
    return it == m_assignments.end() ? std::nullopt : std::optional<Assignment>(it->second);
}

void
HaaAgent::StartApplication()
{
    DmmAgent::StartApplication();
    Handle(DmmSessionHeader::MH_TYPE, HoaRequest::SUBTYPE, MakeCallback(&HaaAgent::Receive, this));
}

void
HaaAgent::Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    if (!m_running)
    {
        return; // a stopped agent models a failed node
    }
    HoaRequest request;
    p->RemoveHeader(request);
    m_stats.requests++;
    if (!request.GetMobileNode())
    {
        m_stats.malformed++;
        return;
    }
    Simulator::Schedule(m_processingDelay, &HaaAgent::Answer, this, request, header.GetSource());
}

void
HaaAgent::Answer(const HoaRequest& request, Ipv6Address from)
{
    std::optional<HomeNetworkPrefix> proposed;
    for (const auto& [prefix, router] : request.GetSessions())
    {
        proposed = prefix;
    }
    std::optional<Assignment> a = Decide(*request.GetMobileNode(), from, proposed);
    HoaReply reply;
    reply.SetSequence(request.GetSequence());
    reply.SetMobileNode(*request.GetMobileNode());
    reply.SetRemove(!a);
    if (a)
    {
        reply.AddSession(a->hoa, a->anchor);
    }
    m_mh->Send(reply, m_address, from);
}

std::optional<HaaAgent::Assignment>
HaaAgent::Decide(const std::string& mnId,
                 Ipv6Address router,
                 std::optional<HomeNetworkPrefix> proposed)
{
    auto known = m_assignments.find(mnId);
    if (known != m_assignments.end())
    {
        // §3.3: the home local network keeps the node's HoA, whichever router asks.
        m_stats.repeated++;
        return known->second;
    }
    if (!m_spaces.count(router))
    {
        m_stats.unknownRouter++;
        return std::nullopt;
    }
    std::optional<Assignment> a = Assign(mnId, router, proposed);
    if (a)
    {
        m_stats.assigned++;
        m_assignments[mnId] = *a;
        m_assignedTrace(mnId, a->hoa, a->anchor);
    }
    return a;
}

std::optional<HaaAgent::Assignment>
HaaAgent::Assign(const std::string& mnId,
                 Ipv6Address router,
                 std::optional<HomeNetworkPrefix> proposed)
{
    const HomeNetworkPrefix& space = m_spaces.at(router);
    if (m_mode == STATEFUL)
    {
        Ptr<HomeAddressAllocation>& pool = m_pools[router];
        if (!pool)
        {
            pool =
                CreateObjectWithAttributes<PrefixPoolAllocation>("PoolPrefix",
                                                                 Ipv6AddressValue(space.prefix),
                                                                 "PoolPrefixLength",
                                                                 UintegerValue(space.length),
                                                                 "AllocatedPrefixLength",
                                                                 UintegerValue(m_allocatedLength));
        }
        std::optional<HomeNetworkPrefix> prefix = pool->Allocate(mnId);
        if (!prefix)
        {
            m_stats.exhausted++;
            return std::nullopt;
        }
        return Assignment{*prefix, router};
    }
    if (!proposed || !space.Contains(proposed->prefix))
    {
        m_stats.outside++;
        return std::nullopt;
    }
    auto [holder, fresh] = m_holders.emplace(proposed->prefix, mnId);
    if (!fresh && holder->second != mnId)
    {
        m_stats.duplicate++; // the HAA is the network's authority on who holds an address
        return std::nullopt;
    }
    return Assignment{HomeNetworkPrefix::Make(proposed->prefix, 128), router};
}

} // namespace ns3
