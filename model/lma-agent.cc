/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lma-agent.h"

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/packet.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/routing-control.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaAgent");
NS_OBJECT_ENSURE_REGISTERED(LmaAgent);

TypeId
LmaAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaAgent")
            .SetParent<Application>()
            .SetGroupName("Dmm")
            .AddConstructor<LmaAgent>()
            .AddAttribute("ProcessingDelay",
                          "Time to process a Proxy Binding Update before answering it.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&LmaAgent::m_processingDelay),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

LmaAgent::LmaAgent()
    : m_running(false)
{
}

LmaAgent::~LmaAgent()
{
}

void
LmaAgent::DoDispose()
{
    m_haa = nullptr;
    m_lm = nullptr;
    m_mr = nullptr;
    m_rc = nullptr;
    m_mh = nullptr;
    Application::DoDispose();
}

void
LmaAgent::Setup(Ptr<HomeAddressAllocation> haa,
                Ptr<LocationManagement> lm,
                Ptr<MobilityRouting> mr,
                Ptr<RoutingControl> rc,
                Ipv6Address address)
{
    m_haa = haa;
    m_lm = lm;
    m_mr = mr;
    m_rc = rc;
    m_address = address;
    m_mr->AddMobileAggregate(m_haa->GetAggregate());
    m_rc->Follow(m_lm);
    m_lm->TraceConnectWithoutContext("BindingRemoved",
                                     MakeCallback(&LmaAgent::BindingRemoved, this));
}

const LmaAgent::Stats&
LmaAgent::GetStats() const
{
    return m_stats;
}

Ptr<LocationManagement>
LmaAgent::GetLocationManagement() const
{
    return m_lm;
}

void
LmaAgent::StartApplication()
{
    m_mh = MobilityL4Protocol::Install(GetNode());
    m_mh->RegisterHandler(MobilityHeader::BINDING_UPDATE, MakeCallback(&LmaAgent::HandlePbu, this));
    m_running = true;
}

void
LmaAgent::StopApplication()
{
    m_running = false;
}

void
LmaAgent::HandlePbu(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    if (!m_running)
    {
        return;
    }
    m_stats.pbuReceived++;
    Simulator::Schedule(m_processingDelay, &LmaAgent::ProcessPbu, this, p, header);
}

void
LmaAgent::ProcessPbu(Ptr<Packet> p, Ipv6Header header)
{
    ProxyBindingUpdate pbu;
    p->RemoveHeader(pbu);
    if (!pbu.GetProxyRegistration())
    {
        return; // a plain BU is for a home agent, not for us
    }
    const MobilityOptions& opts = pbu.GetOptions();
    BindingRequest req;
    req.mnId = opts.GetMobileNodeIdentifier().value_or("");
    req.careOf = header.GetSource(); // RFC 5213 §5.3.1: the proxy-CoA is the PBU's source
    req.lifetime = pbu.GetLifetime();
    req.sequence = pbu.GetSequence();
    req.timestamp = opts.GetTimestamp();
    req.handoffIndicator = opts.GetHandoffIndicator().value_or(0);
    req.accessTechnology = opts.GetAccessTechnologyType().value_or(0);
    req.linkLayerId = opts.GetMobileNodeLinkLayerIdentifier().value_or(std::vector<uint8_t>{});

    BindingResult result;
    result.sequence = pbu.GetSequence();
    std::vector<std::pair<Ipv6Address, uint8_t>> hnps = opts.GetHomeNetworkPrefixes();
    std::optional<HomeNetworkPrefix> hnp;
    if (!req.mnId.empty() && !hnps.empty() && req.lifetime.IsStrictlyPositive())
    {
        // RFC 5213 §5.3.2: ALL_ZERO asks for a prefix; a named one must be this MN's.
        hnp = hnps.front().first.IsAny() ? m_haa->Allocate(req.mnId) : m_haa->Lookup(req.mnId);
        if (!hnps.front().first.IsAny() &&
            (!hnp || !hnp->Contains(hnps.front().first) || hnp->length != hnps.front().second))
        {
            result.status = BindingStatus::NOT_AUTHORIZED_FOR_HNP;
            hnp.reset();
        }
        else if (!hnp)
        {
            result.status = BindingStatus::INSUFFICIENT_RESOURCES;
        }
    }
    else if (!req.mnId.empty() && !hnps.empty())
    {
        hnp = m_haa->Lookup(req.mnId); // de-registration names the prefix being released
    }
    if (hnp || req.mnId.empty() || hnps.empty())
    {
        if (hnp)
        {
            req.prefixes.push_back(*hnp);
        }
        // The LM checks the missing options, ordering and lifetimes (RFC 5213 §5.3.1).
        result = m_lm->Update(req);
    }

    ProxyBindingAck pba;
    pba.SetStatus(static_cast<uint8_t>(result.status));
    pba.SetSequence(result.sequence);
    pba.SetLifetime(result.lifetime);
    MobilityOptions& out = pba.GetOptions();
    if (!req.mnId.empty())
    {
        out.SetMobileNodeIdentifier(req.mnId);
    }
    const auto& echoed =
        hnp ? std::vector<std::pair<Ipv6Address, uint8_t>>{{hnp->prefix, hnp->length}} : hnps;
    for (const auto& [prefix, length] : echoed)
    {
        out.AddHomeNetworkPrefix(prefix, length);
    }
    if (req.handoffIndicator)
    {
        out.SetHandoffIndicator(req.handoffIndicator);
    }
    if (req.accessTechnology)
    {
        out.SetAccessTechnologyType(req.accessTechnology);
    }
    if (req.timestamp)
    {
        out.SetTimestamp(*req.timestamp);
    }
    if (!req.linkLayerId.empty())
    {
        out.SetMobileNodeLinkLayerIdentifier(req.linkLayerId);
    }
    m_stats.pbaSent++;
    m_stats.rejected += static_cast<uint8_t>(result.status) >= 128 ? 1 : 0;
    m_mh->Send(pba, m_address, header.GetSource());
}

void
LmaAgent::BindingRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause)
{
    m_haa->Release(entry.mnId); // the prefix returns to the pool with the binding (§5.3.5)
}

} // namespace ns3
