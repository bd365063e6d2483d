/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dma-helper.h"

#include "ns3/ipv6-address.h"
#include "ns3/lma-agent.h"
#include "ns3/log.h"
#include "ns3/mag-agent.h"
#include "ns3/mar-agent.h"
#include "ns3/mobility-routing.h"
#include "ns3/prefix-pool-allocation.h"
#include "ns3/proxy-location-update.h"
#include "ns3/routing-control.h"
#include "ns3/session-db-agent.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmaHelper");

DmaHelper::DmaHelper(const Pmipv6Helper& functions)
    : m_functions(functions)
{
    m_mar.SetTypeId("ns3::MarAgent");
    // The MARs give a node a new prefix at every visit: finite lifetimes, or it keeps them all.
    m_mar.Set("PrefixLifetime", TimeValue(Seconds(600)));
    m_database.SetTypeId("ns3::SessionDbAgent");
}

DmaHelper::~DmaHelper() = default;

void
DmaHelper::SetMarAttribute(const std::string& name, const AttributeValue& value)
{
    m_mar.Set(name, value);
}

void
DmaHelper::SetSessionDatabaseAttribute(const std::string& name, const AttributeValue& value)
{
    m_database.Set(name, value);
}

void
DmaHelper::AddMobileNode(Mac48Address mac, const std::string& mnId)
{
    m_policy.emplace_back(mac, mnId);
    for (const auto& mar : m_mars)
    {
        mar->SetPolicy(mac, mnId);
    }
}

ApplicationContainer
DmaHelper::InstallSessionDatabase(Ptr<Node> node, Ipv6Address address)
{
    Ptr<SessionDbAgent> db = m_database.Create<SessionDbAgent>();
    db->SetAddress(address);
    node->AddApplication(db);
    return ApplicationContainer(db);
}

ApplicationContainer
DmaHelper::InstallMar(Ptr<Node> node,
                      uint32_t accessInterface,
                      const HomeNetworkPrefix& onLink,
                      Ipv6Address address,
                      const HomeNetworkPrefix& pool,
                      Ipv6Address database)
{
    NS_LOG_FUNCTION(node->GetId() << accessInterface << address << database);
    // The H-MAR role is an LMA for this MAR's own pool; the V-MAR role shares its
    // allocation and mobility routing.
    m_functions.SetAllocationAttribute("PoolPrefix", Ipv6AddressValue(pool.prefix));
    m_functions.SetAllocationAttribute("PoolPrefixLength", UintegerValue(pool.length));
    auto lma = DynamicCast<LmaAgent>(m_functions.InstallLma(node, address).Get(0));
    Ptr<MobilityRouting> mr = lma->GetMobilityRouting();
    mr->AddAccessInterface(accessInterface, onLink);
    Ptr<MarAgent> mar = m_mar.Create<MarAgent>();
    if (auto pool = DynamicCast<PrefixPoolAllocation>(lma->GetAllocation()))
    {
        // A node holds a released prefix's address for the lifetime the MAR advertised.
        TimeValue lifetime;
        mar->GetAttribute("PrefixLifetime", lifetime);
        pool->SetAttribute("ReuseDelay", lifetime);
    }
    mar->Setup(lma->GetAllocation(),
               mr,
               m_functions.CreateLocationUpdate(node, address, Ipv6Address::GetAny()),
               m_functions.CreateRoutingControl(node, mr, address),
               address,
               database);
    mar->AddAccessInterface(accessInterface, onLink);
    mar->WatchBindings(lma->GetLocationManagement());
    if (!m_mars.empty())
    {
        mar->SharePolicy(m_mars.front()); // one policy store for the domain
    }
    for (const auto& [mac, mnId] : m_policy)
    {
        mar->SetPolicy(mac, mnId);
    }
    node->AddApplication(mar);
    m_mars.push_back(mar);
    return ApplicationContainer(mar);
}

} // namespace ns3
