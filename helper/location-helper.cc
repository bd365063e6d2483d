/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-helper.h"

#include "ns3/access-router-agent.h"
#include "ns3/boolean.h"
#include "ns3/distributed-mobility-routing.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/location-cache.h"
#include "ns3/location-management.h"
#include "ns3/location-server.h"
#include "ns3/log.h"
#include "ns3/mobility-routing.h"
#include "ns3/mr-agent.h"
#include "ns3/pmipv6-helper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationHelper");

LocationHelper::LocationHelper()
{
    m_server.SetTypeId("ns3::LocationServer");
    m_lm.SetTypeId("ns3::BindingCache");
    m_lm.Set("ProxyRegistration", BooleanValue(false)); // home-agent rules
    m_router.SetTypeId("ns3::DistributedMobilityRouting");
    m_access.SetTypeId("ns3::MrAgent");
}

void
LocationHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_server.Set(name, value);
}

void
LocationHelper::SetLocationManagementType(const std::string& type)
{
    m_lm.SetTypeId(type);
}

void
LocationHelper::SetLocationManagementAttribute(const std::string& name, const AttributeValue& value)
{
    m_lm.Set(name, value);
}

void
LocationHelper::SetRouterType(const std::string& type)
{
    m_router.SetTypeId(type);
}

void
LocationHelper::SetRouterAttribute(const std::string& name, const AttributeValue& value)
{
    m_router.Set(name, value);
}

void
LocationHelper::SetCacheAttribute(const std::string& name, const AttributeValue& value)
{
    m_cache.emplace_back(name, value.Copy());
}

void
LocationHelper::SetAccessType(const std::string& type)
{
    m_access.SetTypeId(type);
}

void
LocationHelper::SetAccessAttribute(const std::string& name, const AttributeValue& value)
{
    m_access.Set(name, value);
}

void
LocationHelper::SetMapOption(const NdOptions::MapOption& option)
{
    m_map = option;
}

void
LocationHelper::AddPartition(const HomeNetworkPrefix& prefix, Ipv6Address server)
{
    m_partition.emplace_back(prefix, server);
}

const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>&
LocationHelper::GetPartitions() const
{
    return m_partition;
}

void
LocationHelper::AddMobileNode(Mac48Address mac, const std::string& mnId)
{
    m_policy.emplace_back(mac, mnId);
}

Ptr<DistributedMobilityRouting>
LocationHelper::InstallRouter(Ptr<Node> node,
                              Ipv6Address address,
                              const std::vector<uint32_t>& hostInterfaces)
{
    NS_LOG_FUNCTION(node->GetId() << address);
    auto mr = m_router.Create<DistributedMobilityRouting>();
    InsertMobilityRouting(node, mr);
    mr->Setup(address);
    for (const auto& [name, value] : m_cache)
    {
        mr->GetCache()->SetAttribute(name, *value);
    }
    for (const auto& [prefix, server] : m_partition)
    {
        mr->AddServer(prefix, server);
    }
    for (uint32_t interface : hostInterfaces)
    {
        mr->AddHostInterface(interface);
    }
    m_routers.push_back(address);
    m_routerNodes.insert(node->GetId());
    return mr;
}

ApplicationContainer
LocationHelper::InstallServer(Ptr<Node> node,
                              Ipv6Address address,
                              const std::vector<Ipv6Address>& servers)
{
    NS_LOG_FUNCTION(node->GetId() << address);
    if (!m_routerNodes.count(node->GetId()))
    {
        // The node takes Binding Updates with a Home Address option (RFC 6275 §9.3.1).
        InsertMobilityRouting(node, CreateObject<MobilityRouting>());
    }
    std::vector<HomeNetworkPrefix> own;
    for (const auto& [prefix, server] : m_partition)
    {
        if (server == address)
        {
            own.push_back(prefix);
        }
    }
    Ptr<LocationServer> lm = m_server.Create<LocationServer>();
    lm->Setup(m_lm.Create<LocationManagement>(), address, own, servers);
    node->AddApplication(lm);
    return ApplicationContainer(lm);
}

ApplicationContainer
LocationHelper::InstallAccess(Ptr<Node> node,
                              Ptr<DistributedMobilityRouting> mr,
                              uint32_t interface,
                              const HomeNetworkPrefix& onLink,
                              Ipv6Address onLinkAddress,
                              Ipv6Address address,
                              Ipv6Address server)
{
    NS_LOG_FUNCTION(node->GetId() << interface << address << server);
    mr->AddAccessLink(interface, onLink);
    Ptr<AccessRouterAgent> agent = m_access.Create<AccessRouterAgent>();
    agent->AddAccessInterface(interface, onLink);
    if (auto mrAgent = DynamicCast<MrAgent>(agent))
    {
        // Fig 9's AR31+LU: the router registers its nodes and fetches their context.
        mrAgent->Setup(mr, address, server);
        for (const auto& [mac, mnId] : m_policy)
        {
            mrAgent->SetPolicy(mac, mnId);
        }
        Ptr<Ipv6TunnelL4Protocol> tunnel = Ipv6TunnelL4Protocol::Install(node);
        for (const auto& router : m_routers)
        {
            tunnel->AddPeer(router); // any router may tunnel to this one
        }
    }
    agent->SetRouterAddress(onLinkAddress); // named to the next router by layer 2
    // The RA names the network's location server (RFC 5380's MAP option: hierarchical
    // location management, 000 §5.2).
    NdOptions::MapOption map = m_map;
    map.address = server;
    agent->SetMapOption(map);
    agent->TraceConnectWithoutContext("RouterSolicitation",
                                      MakeCallback(&DistributedMobilityRouting::NodeAttached, mr));
    agent->TraceConnectWithoutContext("Detached",
                                      MakeCallback(&DistributedMobilityRouting::NodeDetached, mr));
    node->AddApplication(agent);
    return ApplicationContainer(agent);
}

} // namespace ns3
