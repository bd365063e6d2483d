/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-helper.h"

#include "ns3/binding-cache.h"
#include "ns3/boolean.h"
#include "ns3/client-location-update.h"
#include "ns3/cn-agent.h"
#include "ns3/ha-agent.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/location-update-relay.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/mip-mn-agent.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/prefix-pool-allocation.h"
#include "ns3/routing-control.h"
#include "ns3/rr-initiator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6Helper");

Mipv6Helper::Mipv6Helper()
    : m_homePrefix(HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), 64))
{
    m_ha.SetTypeId("ns3::HaAgent");
    m_map.SetTypeId("ns3::HaAgent");
    m_map.Set("Map", BooleanValue(true));
    m_lu.SetTypeId("ns3::ClientLocationUpdate");
    m_mn.SetTypeId("ns3::MipMnAgent");
    m_lm.SetTypeId("ns3::BindingCache");
    m_lm.Set("ProxyRegistration", BooleanValue(false));
    m_relay.SetTypeId("ns3::LocationUpdateRelay");
}

void
Mipv6Helper::SetRelayAttribute(const std::string& name, const AttributeValue& value)
{
    m_relay.Set(name, value);
}

ApplicationContainer
Mipv6Helper::InstallRelay(Ptr<Node> node, Ipv6Address address)
{
    Ptr<LocationUpdateRelay> relay = m_relay.Create<LocationUpdateRelay>();
    relay->SetAddress(address);
    node->AddApplication(relay);
    return ApplicationContainer(relay);
}

// Out of line: the members hold Ptr<HaAgent>, which users need not include.
Mipv6Helper::~Mipv6Helper() = default;
Mipv6Helper::Mipv6Helper(const Mipv6Helper& other) = default;
Mipv6Helper& Mipv6Helper::operator=(const Mipv6Helper& other) = default;

void
Mipv6Helper::SetHomeAgentAttribute(const std::string& name, const AttributeValue& value)
{
    m_ha.Set(name, value);
}

void
Mipv6Helper::SetMapAttribute(const std::string& name, const AttributeValue& value)
{
    m_map.Set(name, value);
}

void
Mipv6Helper::SetLocationUpdateAttribute(const std::string& name, const AttributeValue& value)
{
    m_lu.Set(name, value);
}

void
Mipv6Helper::SetMobileNodeAttribute(const std::string& name, const AttributeValue& value)
{
    m_mn.Set(name, value);
}

void
Mipv6Helper::SetLocationManagementAttribute(const std::string& name, const AttributeValue& value)
{
    m_lm.Set(name, value);
}

void
Mipv6Helper::SetLocationManagementType(const std::string& type)
{
    m_lm.SetTypeId(type);
}

void
Mipv6Helper::SetLocationUpdateType(const std::string& type)
{
    m_lu.SetTypeId(type);
}

void
Mipv6Helper::SetMobileNodeType(const std::string& type)
{
    m_mn.SetTypeId(type);
}

void
Mipv6Helper::SetHomePrefix(const HomeNetworkPrefix& prefix)
{
    m_homePrefix = prefix;
}

void
Mipv6Helper::SetHomeLink(const HomeNetworkPrefix& prefix)
{
    m_homePrefix = prefix;
    m_homeLink = true;
}

Ptr<HaAgent>
Mipv6Helper::GetHomeAgent() const
{
    return m_homeAgent;
}

void
Mipv6Helper::SetRouteOptimization(bool enable)
{
    m_routeOptimization = enable;
}

Ptr<HaAgent>
Mipv6Helper::InstallAnchor(Ptr<Node> node,
                           Ipv6Address address,
                           const HomeNetworkPrefix& prefix,
                           const ObjectFactory& agentFactory,
                           uint8_t allocatedLength)
{
    Ptr<MobilityRouting> mr = InsertMobilityRouting(node, CreateObject<MobilityRouting>());
    // Home addresses and RCoAs are single addresses carved from the anchor's /64 (or
    // per-node prefixes, InstallPerNodePrefixHomeAgent).
    Ptr<PrefixPoolAllocation> haa = CreateObject<PrefixPoolAllocation>();
    haa->SetAttribute("PoolPrefix", Ipv6AddressValue(prefix.prefix));
    haa->SetAttribute("PoolPrefixLength", UintegerValue(prefix.length));
    haa->SetAttribute("AllocatedPrefixLength", UintegerValue(allocatedLength));
    Ptr<LocationManagement> lm = m_lm.Create<LocationManagement>();
    Ptr<RoutingControl> rc = CreateObject<RoutingControl>();
    rc->Setup(mr, node->GetObject<Ipv6TunnelL4Protocol>(), address);
    Ptr<HaAgent> agent = agentFactory.Create<HaAgent>();
    agent->Setup(haa, lm, mr, rc, address);
    node->AddApplication(agent);
    return agent;
}

ApplicationContainer
Mipv6Helper::InstallHomeAgent(Ptr<Node> node, Ipv6Address address)
{
    NS_ABORT_MSG_IF(m_homeAgent, "Mipv6Helper: one home agent per helper");
    m_homeAgent = InstallAnchor(node, address, m_homePrefix, m_ha);
    if (!m_homeLink)
    {
        // RFC 4291 §2.6.1: the all-zero interface identifier is the subnet-router anycast
        // address of the home prefix, never a home address.
        m_homeAgent->GetAllocation()->Allocate("subnet-router anycast");
    }
    return ApplicationContainer(m_homeAgent);
}

ApplicationContainer
Mipv6Helper::InstallMap(Ptr<Node> node, Ipv6Address address, const HomeNetworkPrefix& regional)
{
    return ApplicationContainer(InstallAnchor(node, address, regional, m_map));
}

ApplicationContainer
Mipv6Helper::InstallHomeAgentOnLink(Ptr<Node> node,
                                    Ipv6Address address,
                                    const HomeNetworkPrefix& link)
{
    return ApplicationContainer(InstallAnchor(node, address, link, m_ha));
}

ApplicationContainer
Mipv6Helper::InstallPerNodePrefixHomeAgent(Ptr<Node> node,
                                           Ipv6Address address,
                                           const HomeNetworkPrefix& pool,
                                           uint8_t allocatedLength)
{
    return ApplicationContainer(InstallAnchor(node, address, pool, m_ha, allocatedLength));
}

Ptr<MipMnAgent>
Mipv6Helper::CreateMobileNode(Ptr<Node> node,
                              Ptr<NetDevice> device,
                              Ipv6Address home,
                              Ipv6Address homeAgent,
                              Ptr<ClientLocationUpdate>& lu,
                              Ptr<HostMobilityRouting>& mr,
                              const std::string& mode)
{
    mr = DynamicCast<HostMobilityRouting>(
        InsertMobilityRouting(node, CreateObject<HostMobilityRouting>()));
    mr->CreateTunnelInterface();
    lu = m_lu.Create<ClientLocationUpdate>();
    lu->Setup(node->GetObject<MobilityL4Protocol>(), homeAgent);
    // A DMM mode's subclass, unless the type chosen already is one.
    ObjectFactory factory = m_mn;
    if (!mode.empty() && factory.GetTypeId() != TypeId::LookupByName(mode) &&
        !factory.GetTypeId().IsChildOf(TypeId::LookupByName(mode)))
    {
        factory.SetTypeId(mode);
    }
    Ptr<MipMnAgent> agent = factory.Create<MipMnAgent>();
    agent->SetDevice(device);
    agent->Setup(lu, mr, node->GetObject<Ipv6TunnelL4Protocol>(), home, homeAgent);
    node->AddApplication(agent);
    return agent;
}

Ptr<MipMnAgent>
Mipv6Helper::CreateDmmMobileNode(Ptr<Node> node, Ptr<NetDevice> device, const std::string& mode)
{
    // No fixed home address or home agent: the addresses come from the links.
    Ptr<ClientLocationUpdate> lu;
    Ptr<HostMobilityRouting> mr;
    return CreateMobileNode(node,
                            device,
                            Ipv6Address::GetAny(),
                            Ipv6Address::GetAny(),
                            lu,
                            mr,
                            mode);
}

ApplicationContainer
Mipv6Helper::InstallDistributedMobileNode(Ptr<Node> node, Ptr<NetDevice> device)
{
    return ApplicationContainer(CreateDmmMobileNode(node, device, "ns3::DmaClientMnAgent"));
}

ApplicationContainer
Mipv6Helper::InstallLocatedMobileNode(Ptr<Node> node,
                                      Ptr<NetDevice> device,
                                      const std::vector<Ipv6Address>& routers)
{
    Ptr<MipMnAgent> agent = CreateDmmMobileNode(node, device, "ns3::LocatedMnAgent");
    Ptr<Ipv6TunnelL4Protocol> tunnel = Ipv6TunnelL4Protocol::Install(node);
    for (const auto& router : routers)
    {
        tunnel->AddPeer(router); // any router may tunnel to the care-of address
    }
    return ApplicationContainer(agent);
}

ApplicationContainer
Mipv6Helper::InstallMobileNode(Ptr<Node> node,
                               Ptr<NetDevice> device,
                               const std::string& mnId,
                               const std::vector<Ipv6Address>& correspondents)
{
    NS_ABORT_MSG_IF(!m_homeAgent, "Mipv6Helper: install the home agent first");
    std::optional<HomeNetworkPrefix> home;
    if (m_homeLink)
    {
        Mac48Address mac = Mac48Address::ConvertFrom(device->GetAddress());
        home = HomeNetworkPrefix::Make(
            Ipv6Address::MakeAutoconfiguredAddress(mac, m_homePrefix.prefix),
            128);
    }
    else
    {
        home = m_homeAgent->GetAllocation()->Allocate(mnId);
    }
    NS_ABORT_MSG_IF(!home, "Mipv6Helper: the home prefix has no address left for " << mnId);
    Ptr<ClientLocationUpdate> lu;
    Ptr<HostMobilityRouting> mr;
    Ptr<MipMnAgent> agent =
        CreateMobileNode(node, device, home->prefix, m_homeAgent->GetAddress(), lu, mr, "");
    if (m_routeOptimization && !correspondents.empty())
    {
        Ptr<RrInitiator> rr = CreateObject<RrInitiator>();
        rr->Setup(node->GetObject<MobilityL4Protocol>(), lu, mr);
        for (const auto& cn : correspondents)
        {
            rr->AddCorrespondent(cn);
        }
        agent->SetRouteOptimization(rr);
        m_random.push_back(rr);
    }
    return ApplicationContainer(agent);
}

ApplicationContainer
Mipv6Helper::InstallCorrespondent(Ptr<Node> node)
{
    if (!m_routeOptimization)
    {
        return ApplicationContainer();
    }
    auto mr = DynamicCast<HostMobilityRouting>(
        InsertMobilityRouting(node, CreateObject<HostMobilityRouting>()));
    mr->CreateTunnelInterface();
    Ptr<CnAgent> agent = CreateObject<CnAgent>();
    agent->Setup(mr);
    node->AddApplication(agent);
    m_random.push_back(agent);
    return ApplicationContainer(agent);
}

int64_t
Mipv6Helper::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    for (const auto& object : m_random)
    {
        if (auto rr = DynamicCast<RrInitiator>(object))
        {
            used += rr->AssignStreams(stream + used);
        }
        else if (auto cn = DynamicCast<CnAgent>(object))
        {
            used += cn->AssignStreams(stream + used);
        }
    }
    return used;
}

} // namespace ns3
