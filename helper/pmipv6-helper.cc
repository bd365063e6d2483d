/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pmipv6-helper.h"

#include "ns3/home-address-extension.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/lma-agent.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mag-agent.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/proxy-location-update.h"
#include "ns3/replicated-binding-cache.h"
#include "ns3/routing-control.h"
#include "ns3/type2-routing-extension.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6Helper");

Pmipv6Helper::Pmipv6Helper()
{
    m_allocation.SetTypeId("ns3::PrefixPoolAllocation");
    m_lm.SetTypeId("ns3::BindingCache");
    m_lma.SetTypeId("ns3::LmaAgent");
    m_mag.SetTypeId("ns3::MagAgent");
    m_lu.SetTypeId("ns3::ProxyLocationUpdate");
    m_mr.SetTypeId("ns3::MobilityRouting");
    m_rc.SetTypeId("ns3::RoutingControl");
}

void
Pmipv6Helper::InstallReplication(const ApplicationContainer& lmas) const
{
    std::vector<Ptr<LmaAgent>> anchors;
    for (auto it = lmas.Begin(); it != lmas.End(); ++it)
    {
        anchors.push_back(DynamicCast<LmaAgent>(*it));
        NS_ABORT_MSG_IF(!anchors.back(), "Pmipv6Helper::InstallReplication: not an LmaAgent");
    }
    for (const auto& lma : anchors)
    {
        auto replica = DynamicCast<ReplicatedBindingCache>(lma->GetLocationManagement());
        NS_ABORT_MSG_IF(!replica,
                        "Pmipv6Helper::InstallReplication: the LMAs' location management must "
                        "be an ns3::ReplicatedBindingCache (SetLocationManagementType)");
        std::vector<Ipv6Address> peers;
        for (const auto& other : anchors)
        {
            if (other != lma)
            {
                peers.push_back(other->GetAddress());
            }
            lma->GetMobilityRouting()->AddMobileAggregate(other->GetAllocation()->GetAggregate());
        }
        replica->Replicate(lma->GetNode()->GetObject<MobilityL4Protocol>(),
                           lma->GetAddress(),
                           peers);
    }
}

// Out of line: the members hold Ptr<MagAgent>, which users need not include.
Pmipv6Helper::~Pmipv6Helper() = default;
Pmipv6Helper::Pmipv6Helper(const Pmipv6Helper& other) = default;
Pmipv6Helper& Pmipv6Helper::operator=(const Pmipv6Helper& other) = default;

void
Pmipv6Helper::SetLmaType(const std::string& type)
{
    m_lma.SetTypeId(type);
}

void
Pmipv6Helper::SetMagType(const std::string& type)
{
    m_mag.SetTypeId(type);
}

void
Pmipv6Helper::SetLocationUpdateType(const std::string& type)
{
    m_lu.SetTypeId(type);
}

void
Pmipv6Helper::SetMobilityRoutingType(const std::string& type)
{
    m_mr.SetTypeId(type);
}

void
Pmipv6Helper::SetRoutingControlType(const std::string& type)
{
    m_rc.SetTypeId(type);
}

void
Pmipv6Helper::SetRoutingControlAttribute(const std::string& name, const AttributeValue& value)
{
    m_rc.Set(name, value);
}

Ptr<RoutingControl>
Pmipv6Helper::CreateRoutingControl(Ptr<Node> node, Ptr<MobilityRouting> mr, Ipv6Address self) const
{
    Ptr<RoutingControl> rc = m_rc.Create<RoutingControl>();
    rc->Setup(mr, node->GetObject<Ipv6TunnelL4Protocol>(), self);
    return rc;
}

void
Pmipv6Helper::SetAllocationType(const std::string& type)
{
    m_allocation.SetTypeId(type);
}

void
Pmipv6Helper::SetAllocationAttribute(const std::string& name, const AttributeValue& value)
{
    m_allocation.Set(name, value);
}

void
Pmipv6Helper::SetLocationManagementType(const std::string& type)
{
    m_lm.SetTypeId(type);
}

void
Pmipv6Helper::SetLocationManagementAttribute(const std::string& name, const AttributeValue& value)
{
    m_lm.Set(name, value);
}

void
Pmipv6Helper::SetLmaAttribute(const std::string& name, const AttributeValue& value)
{
    m_lma.Set(name, value);
}

void
Pmipv6Helper::SetMagAttribute(const std::string& name, const AttributeValue& value)
{
    m_mag.Set(name, value);
}

void
Pmipv6Helper::SetLocationUpdateAttribute(const std::string& name, const AttributeValue& value)
{
    m_lu.Set(name, value);
}

void
Pmipv6Helper::SetMobilityRoutingAttribute(const std::string& name, const AttributeValue& value)
{
    m_mr.Set(name, value);
}

void
Pmipv6Helper::SetMagMobilityRoutingType(const std::string& type)
{
    m_magMr.emplace();
    m_magMr->SetTypeId(type);
}

void
Pmipv6Helper::SetMagMobilityRoutingAttribute(const std::string& name, const AttributeValue& value)
{
    NS_ABORT_MSG_IF(!m_magMr, "SetMagMobilityRoutingType first");
    m_magMr->Set(name, value);
}

Ptr<MobilityRouting>
Pmipv6Helper::InstallMobilityRouting(Ptr<Node> node, int16_t priority) const
{
    return InsertMobilityRouting(node, m_mr.Create<MobilityRouting>(), priority);
}

Ptr<MobilityRouting>
InsertMobilityRouting(Ptr<Node> node, Ptr<MobilityRouting> mr, int16_t priority)
{
    Ptr<Ipv6ListRouting> list =
        DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol());
    NS_ABORT_MSG_IF(!list,
                    "node " << node->GetId()
                            << ": mobility routing needs an Ipv6ListRouting (install the stack "
                               "with an Ipv6ListRoutingHelper)");
    list->AddRoutingProtocol(mr, priority);
    Ipv6TunnelL4Protocol::Install(node);
    MobilityL4Protocol::Install(node);
    HomeAddressExtension::Install(node, mr);
    Type2RoutingExtension::Install(node, mr);
    return mr;
}

HomeNetworkPrefix
Pmipv6Helper::GetMobileAggregate() const
{
    return m_allocation.Create<HomeAddressAllocation>()->GetAggregate();
}

ApplicationContainer
Pmipv6Helper::InstallLma(Ptr<Node> node, Ipv6Address lmaa)
{
    Ptr<MobilityRouting> mr = InstallMobilityRouting(node);
    Ptr<HomeAddressAllocation> haa = m_allocation.Create<HomeAddressAllocation>();
    Ptr<LocationManagement> lm = m_lm.Create<LocationManagement>();
    Ptr<RoutingControl> rc = CreateRoutingControl(node, mr, lmaa);
    node->AggregateObject(haa);
    node->AggregateObject(lm);
    Ptr<LmaAgent> lma = m_lma.Create<LmaAgent>();
    lma->Setup(haa, lm, mr, rc, lmaa);
    node->AddApplication(lma);
    m_aggregates.push_back(haa->GetAggregate());
    return ApplicationContainer(lma);
}

ApplicationContainer
Pmipv6Helper::InstallMag(Ptr<Node> node,
                         uint32_t accessInterface,
                         const HomeNetworkPrefix& onLink,
                         Ipv6Address proxyCoa,
                         Ipv6Address lmaa)
{
    Ptr<MobilityRouting> mr = m_magMr
                                  ? InsertMobilityRouting(node, m_magMr->Create<MobilityRouting>())
                                  : InstallMobilityRouting(node);
    mr->AddAccessInterface(accessInterface, onLink);
    if (m_aggregates.empty())
    {
        mr->AddMobileAggregate(GetMobileAggregate());
    }
    for (const auto& aggregate : m_aggregates)
    {
        mr->AddMobileAggregate(aggregate); // every LMA's pool: nodes of any anchor visit
    }
    Ptr<ProxyLocationUpdate> lu = CreateLocationUpdate(node, proxyCoa, lmaa);
    Ptr<RoutingControl> rc = CreateRoutingControl(node, mr, proxyCoa);
    Ptr<MagAgent> mag = m_mag.Create<MagAgent>();
    mag->Setup(lu, rc);
    mag->AddAccessInterface(accessInterface, onLink);
    if (!m_mags.empty())
    {
        mag->SharePolicy(m_mags.front()); // one policy store for the domain
    }
    for (const auto& policy : m_policy)
    {
        mag->AddPolicy(policy.mac, policy.mnId, policy.lmaa); // the store: already there
    }
    node->AddApplication(mag);
    m_mags.push_back(mag);
    return ApplicationContainer(mag);
}

Ptr<ProxyLocationUpdate>
Pmipv6Helper::CreateLocationUpdate(Ptr<Node> node, Ipv6Address proxyCoa, Ipv6Address lmaa) const
{
    Ptr<ProxyLocationUpdate> lu = m_lu.Create<ProxyLocationUpdate>();
    lu->Setup(node->GetObject<MobilityL4Protocol>(), proxyCoa, lmaa);
    return lu;
}

void
Pmipv6Helper::AddMobileNode(Mac48Address mac, const std::string& mnId, Ipv6Address lmaa)
{
    m_policy.push_back({mac, mnId, lmaa});
    for (const auto& mag : m_mags)
    {
        mag->AddPolicy(mac, mnId, lmaa);
    }
}

ApplicationContainer
Pmipv6Helper::InstallMobileNode(Ptr<Node> node, Ptr<NetDevice> device)
{
    Ptr<MnAgent> agent = CreateObject<MnAgent>();
    agent->SetDevice(device);
    node->AddApplication(agent);
    return ApplicationContainer(agent);
}

} // namespace ns3
