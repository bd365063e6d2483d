/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "anchor-agent.h"

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/packet.h"
#include "ns3/routing-control.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AnchorAgent");
NS_OBJECT_ENSURE_REGISTERED(AnchorAgent);

TypeId
AnchorAgent::GetTypeId()
{
    static TypeId tid = TypeId("ns3::AnchorAgent").SetParent<DmmAgent>().SetGroupName("Dmm");
    return tid;
}

AnchorAgent::AnchorAgent()
{
}

AnchorAgent::~AnchorAgent()
{
}

void
AnchorAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_haa = nullptr;
    m_lm = nullptr;
    m_mr = nullptr;
    m_rc = nullptr;
    m_mh = nullptr;
    DmmAgent::DoDispose();
}

void
AnchorAgent::Setup(Ptr<HomeAddressAllocation> haa,
                   Ptr<LocationManagement> lm,
                   Ptr<MobilityRouting> mr,
                   Ptr<RoutingControl> rc,
                   Ipv6Address address)
{
    NS_LOG_FUNCTION(this);
    m_haa = haa;
    m_lm = lm;
    m_mr = mr;
    m_rc = rc;
    m_address = address;
    m_mr->AddMobileAggregate(m_haa->GetAggregate());
    m_rc->Follow(m_lm);
    m_lm->TraceConnectWithoutContext("BindingRemoved",
                                     MakeCallback(&AnchorAgent::NotifyRemoved, this));
}

const AnchorAgent::Stats&
AnchorAgent::GetStats() const
{
    return m_stats;
}

Ptr<LocationManagement>
AnchorAgent::GetLocationManagement() const
{
    return m_lm;
}

Ptr<HomeAddressAllocation>
AnchorAgent::GetAllocation() const
{
    return m_haa;
}

Ipv6Address
AnchorAgent::GetAddress() const
{
    return m_address;
}

Ptr<MobilityRouting>
AnchorAgent::GetMobilityRouting() const
{
    return m_mr;
}

Ptr<MobilityL4Protocol>
AnchorAgent::GetMobilityProtocol() const
{
    return m_mh;
}

void
AnchorAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    DmmAgent::StartApplication();
    m_mh = MobilityL4Protocol::Install(GetNode());
    m_mh->RegisterHandler(MobilityHeader::BINDING_UPDATE,
                          MakeCallback(&AnchorAgent::HandleUpdate, this));
}

void
AnchorAgent::StopApplication()
{
    DmmAgent::StopApplication();
}

void
AnchorAgent::HandleUpdate(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    if (!m_running)
    {
        return;
    }
    m_stats.updatesReceived++;
    Simulator::Schedule(m_processingDelay, &AnchorAgent::ProcessUpdate, this, p, header);
}

void
AnchorAgent::CountAck(uint8_t status)
{
    m_stats.acksSent++;
    m_stats.rejected += status >= 128 ? 1 : 0;
}

void
AnchorAgent::CountIgnored()
{
    m_stats.ignored++;
}

void
AnchorAgent::NotifyRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause)
{
    BindingRemoved(entry, cause);
}

void
AnchorAgent::BindingRemoved(const BindingCacheEntry&, LocationManagement::RemovalCause)
{
}

} // namespace ns3
