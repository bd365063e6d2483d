/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The fully distributed scenario's roles (000 §5.2, Fig 9): location servers partitioned
// by prefix, mobility routers routing by their answers, and the plain access agents.
#include "scenario-run.h"

#include "ns3/access-router-agent.h"
#include "ns3/binding-cache.h"
#include "ns3/boolean.h"
#include "ns3/ha-agent.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/location-server.h"
#include "ns3/log.h"
#include "ns3/mag-agent.h"
#include "ns3/mr-agent.h"
#include "ns3/yans-wifi-helper.h"

#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioLocation");

void
ScenarioRun::InstallLocationServers()
{
    // Each access link prefix belongs to the partition of its network's server (the
    // anchor nearest the router): the network that allocates an address holds it.
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> partition;
    for (const NodeConfig* n : m_cfg.AttachmentPoints())
    {
        if (n->role == "anchor")
        {
            throw ScenarioError(fmt::format("mobility: mobile nodes attach to \"{}\", a location "
                                            "server (role anchor); under \"{}\" they attach "
                                            "to access routers",
                                            n->name,
                                            m_recipe.name));
        }
        partition.emplace_back(m_accessPort.at(n->name).second, LmaFor(n->name));
    }
    InstallMobilityRouters(partition);
    std::vector<Ipv6Address> servers;
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        servers.push_back(FirstGlobal(n->name));
    }
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        Ptr<Node> node = m_nodes[n->name];
        if (!m_routers.count(n->name))
        {
            // The node takes Binding Updates with a Home Address option (RFC 6275 §9.3.1).
            InsertMobilityRouting(node, CreateObject<MobilityRouting>());
        }
        std::vector<HomeNetworkPrefix> own;
        for (const auto& [prefix, server] : partition)
        {
            if (server == FirstGlobal(n->name))
            {
                own.push_back(prefix);
            }
        }
        ObjectFactory server = Role("anchor").agent.Factory();
        server.Set("ProcessingDelay", TimeValue(ScenarioMilliseconds(m_cfg.anchorProcessingMs)));
        Ptr<LocationServer> lm = server.Create<LocationServer>();
        lm->Setup(Role("anchor").Function("lm")->Factory().Create<LocationManagement>(),
                  FirstGlobal(n->name),
                  own,
                  servers);
        node->AddApplication(lm);
    }
}

bool
ScenarioRun::IsMobilityRouter(const std::string& name) const
{
    // Every access router, and every router of a network that correspondents hang off:
    // traffic is routed by location where it enters (a listed node is in a network
    // unless it is a plain router; a generated one when it has a network index).
    const NodeConfig* n = m_cfg.FindNode(name);
    if (n->role == "access")
    {
        return true;
    }
    if (n->role == "cn" || n->role == "mn" || (n->role == "router" && n->network == 0))
    {
        return false;
    }
    return !CorrespondentInterfaces(name).empty();
}

std::vector<uint32_t>
ScenarioRun::CorrespondentInterfaces(const std::string& name) const
{
    std::vector<uint32_t> out;
    for (const Port& port : m_ports.at(name))
    {
        auto [a, b] = m_edges[port.edge];
        if (m_cfg.FindNode(m_names[a == m_vertex.at(name) ? b : a])->role == "cn")
        {
            out.push_back(port.interface);
        }
    }
    return out;
}

void
ScenarioRun::InstallMobilityRouters(
    const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>& partition)
{
    for (const auto& [name, node] : m_nodes)
    {
        // Routers other than access routers route by location when the recipe says so.
        const dmm::FunctionSpec* spec =
            Role(m_cfg.FindNode(name)->role == "access" ? "access" : "router").Function("mr");
        if (!spec || !IsMobilityRouter(name))
        {
            continue;
        }
        bool push = spec->Attribute("Push") == "true";
        auto mr = spec->Factory().Create<DistributedMobilityRouting>();
        InsertMobilityRouting(node, mr);
        mr->Setup(FirstGlobal(name));
        // Pushed answers stay until the server changes them.
        mr->GetCache()->SetAttribute(
            "Timeout",
            TimeValue(push ? Seconds(0) : Seconds(m_cfg.protocol.locationCacheS)));
        for (const auto& [prefix, server] : partition)
        {
            mr->AddServer(prefix, server);
        }
        for (uint32_t interface : CorrespondentInterfaces(name))
        {
            mr->AddHostInterface(interface);
        }
        m_routers[name] = mr;
    }
}

Ptr<AccessRouterAgent>
ScenarioRun::InstallLocatedAccess(const std::string& name)
{
    auto [interface, onLink] = m_accessPort[name];
    Ptr<DistributedMobilityRouting> mr = m_routers.at(name);
    mr->AddAccessLink(interface, onLink);
    Ptr<AccessRouterAgent> agent;
    if (Role("access").agent.Is("ns3::MrAgent"))
    {
        // Fig 9's AR31+LU: the router registers its nodes and fetches their context.
        Ptr<MrAgent> mrAgent = CreateObjectWithAttributes<MrAgent>(
            "ProcessingDelay",
            TimeValue(ScenarioMilliseconds(m_cfg.accessProcessingMs)),
            "ForwardingTime",
            TimeValue(Seconds(m_cfg.protocol.locationCacheS)));
        mrAgent->AddAccessInterface(interface, onLink);
        mrAgent->Setup(mr, FirstGlobal(name), LmaFor(name));
        for (const NodeConfig* mn : m_cfg.NodesWithRole("mn"))
        {
            mrAgent->SetPolicy(Mac48Address::ConvertFrom(m_mnDevice[mn->name]->GetAddress()),
                               mn->name + "@dmm");
        }
        Ptr<Ipv6TunnelL4Protocol> tunnel = Ipv6TunnelL4Protocol::Install(m_nodes[name]);
        for (const auto& [router, other] : m_routers)
        {
            tunnel->AddPeer(FirstGlobal(router)); // any router may tunnel to this one
        }
        agent = mrAgent;
    }
    else
    {
        agent = CreatePlainAccessAgent(interface, onLink);
    }
    agent->SetRouterAddress(AddressOn(name, onLink)); // named to the next router by layer 2
    // The RA names the network's location server (RFC 5380's MAP option: hierarchical
    // location management, 000 §5.2).
    agent->SetMapOption(MapOptionFor(LmaFor(name)));
    agent->TraceConnectWithoutContext("RouterSolicitation",
                                      MakeCallback(&DistributedMobilityRouting::NodeAttached, mr));
    agent->TraceConnectWithoutContext("Detached",
                                      MakeCallback(&DistributedMobilityRouting::NodeDetached, mr));
    m_nodes[name]->AddApplication(agent);
    return agent;
}

Ptr<AccessRouterAgent>
ScenarioRun::CreatePlainAccessAgent(uint32_t interface, const HomeNetworkPrefix& onLink)
{
    Ptr<AccessRouterAgent> agent = CreateObjectWithAttributes<AccessRouterAgent>(
        "ProcessingDelay",
        TimeValue(ScenarioMilliseconds(m_cfg.accessProcessingMs)));
    agent->AddAccessInterface(interface, onLink);
    return agent;
}

NdOptions::MapOption
ScenarioRun::MapOptionFor(Ipv6Address address) const
{
    NdOptions::MapOption option;
    option.distance = 1;
    option.validLifetime = static_cast<uint32_t>(m_cfg.protocol.bindingLifetimeS);
    option.address = address;
    return option;
}

} // namespace ns3
