/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The fully distributed scenario's roles (000 §5.2, Fig 9): location servers partitioned
// by prefix, mobility routers routing by their answers, and the plain access agents.
#include "scenario-run.h"

#include "ns3/access-router-agent.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/location-server.h"
#include "ns3/log.h"
#include "ns3/mar-agent.h"
#include "ns3/mr-agent.h"
#include "ns3/string.h"
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
    const dmm::RoleRecipe& anchor = Role("anchor");
    const dmm::FunctionSpec& router = *Role("access").Function("mr");
    m_location.SetRouterType(router.type);
    for (const auto& [name, value] : router.attributes)
    {
        m_location.SetRouterAttribute(name, StringValue(value));
    }
    // Pushed answers stay until the server changes them.
    bool push = router.Attribute("Push") == "true";
    m_location.SetCacheAttribute(
        "Timeout",
        TimeValue(push ? Seconds(0) : Seconds(m_cfg.protocol.locationCacheS)));
    for (const auto& [name, value] : anchor.agent.attributes)
    {
        m_location.SetServerAttribute(name, StringValue(value));
    }
    m_location.SetServerAttribute("ProcessingDelay",
                                  TimeValue(ScenarioMilliseconds(m_cfg.anchorProcessingMs)));
    m_location.SetLocationManagementType(anchor.Function("lm")->type);
    for (const auto& [name, value] : anchor.Function("lm")->attributes)
    {
        m_location.SetLocationManagementAttribute(name, StringValue(value));
    }
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
        m_location.AddPartition(m_accessPort.at(n->name).second, LmaFor(n->name));
    }
    for (const NodeConfig* mn : m_cfg.NodesWithRole("mn"))
    {
        for (Mac48Address mac : MobileNodeMacs(mn->name))
        {
            m_location.AddMobileNode(mac, mn->name + "@dmm");
        }
    }
    InstallHomeAddressAgents();
    InstallMobilityRouters();
    std::vector<Ipv6Address> servers;
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        servers.push_back(FirstGlobal(n->name));
    }
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        m_location.InstallServer(m_nodes[n->name], FirstGlobal(n->name), servers);
    }
    InstallLmRelays();
}

bool
ScenarioRun::IsMobilityRouter(const std::string& name) const
{
    // Every access router, and every router of a network that correspondents hang off:
    // traffic is routed by location where it enters (a listed node is in a network
    // unless it is a plain router; a generated one when it has a network index).
    const NodeConfig* n = m_cfg.FindNode(name);
    if (n->role == "access" || MrRoleApplies(*n))
    {
        return true; // or a router made one by mr_role (seed 002 §5)
    }
    if (n->role == "cn" || n->role == "mn" || n->role == "attacker" ||
        (n->role == "router" && n->network == 0))
    {
        return false;
    }
    return !CorrespondentInterfaces(name).empty();
}

std::vector<uint32_t>
ScenarioRun::CorrespondentInterfaces(const std::string& name) const
{
    std::vector<uint32_t> out;
    // Seed 002 §5: packets for a home address reach an anycast router from anywhere, so
    // whatever arrives natively is a correspondent's.
    bool anycast =
        m_cfg.FindNode(name)->mrRole == "anycast" && MrRoleApplies(*m_cfg.FindNode(name));
    for (const Port& port : m_ports.at(name))
    {
        auto [a, b] = m_edges[port.edge];
        if (anycast || m_cfg.FindNode(m_names[a == m_vertex.at(name) ? b : a])->role == "cn")
        {
            out.push_back(port.interface);
        }
    }
    return out;
}

void
ScenarioRun::InstallMobilityRouters()
{
    for (const auto& [name, node] : m_nodes)
    {
        // Routers other than access routers route by location when the recipe says so.
        const NodeConfig* n = m_cfg.FindNode(name);
        if (MrRoleApplies(*n))
        {
            InstallRoleRouter(*n);
            continue;
        }
        bool access = n->role == "access";
        if ((access || Role("router").Has("mr")) && IsMobilityRouter(name))
        {
            m_routers[name] =
                m_location.InstallRouter(node, FirstGlobal(name), CorrespondentInterfaces(name));
        }
    }
}

Ptr<AccessRouterAgent>
ScenarioRun::InstallLocatedAccess(const std::string& name)
{
    auto [interface, onLink] = m_accessPort[name];
    const dmm::FunctionSpec& agent = Role("access").agent;
    m_location.SetAccessType(agent.type);
    m_location.SetAccessAttribute("ProcessingDelay",
                                  TimeValue(ScenarioMilliseconds(m_cfg.accessProcessingMs)));
    if (agent.IsA("ns3::MrAgent"))
    {
        m_location.SetAccessAttribute("ForwardingTime",
                                      TimeValue(Seconds(m_cfg.protocol.forwardingTimeS)));
        m_location.SetAccessAttribute("IdleRelease",
                                      TimeValue(Seconds(m_cfg.protocol.idleReleaseS)));
    }
    if (agent.IsA("ns3::MrAgent") &&
        dmm::ApplicableKeys(m_recipe).count("protocol.prefix_lifetime_s"))
    {
        m_location.SetAccessAttribute("PrefixLifetime",
                                      TimeValue(Seconds(m_cfg.protocol.prefixLifetimeS)));
    }
    for (const auto& [attribute, value] : agent.attributes)
    {
        m_location.SetAccessAttribute(attribute, StringValue(value)); // the recipe's own
    }
    m_location.SetMapOption(MapOptionFor(Ipv6Address::GetAny()));
    Ptr<AccessRouterAgent> access =
        DynamicCast<AccessRouterAgent>(m_location
                                           .InstallAccess(m_nodes[name],
                                                          m_routers.at(name),
                                                          interface,
                                                          onLink,
                                                          AddressOn(name, onLink),
                                                          FirstGlobal(name),
                                                          LmaFor(name))
                                           .Get(0));
    ConnectHomeAddressAgent(name, access);
    return access;
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

std::map<std::string, std::map<std::string, uint64_t>>
ScenarioRun::AccessCounters() const
{
    std::map<std::string, std::map<std::string, uint64_t>> out;
    for (const auto& [name, agent] : m_accessAgent)
    {
        if (auto mar = DynamicCast<MarAgent>(agent))
        {
            const MarAgent::Stats& s = mar->GetStats();
            auto& c = out["mars"];
            c["unknown_node"] += s.unknownNode;
            c["attachments"] += s.attachments;
            c["foreign_prefixes"] += s.foreignPrefixes;
            c["rejected"] += s.rejected;
            c["released"] += s.released;
            c["released_at_detach"] += s.releasedAtDetach;
        }
        else if (auto mr = DynamicCast<MrAgent>(agent))
        {
            const MrAgent::MrStats& s = mr->GetMrStats();
            auto& c = out["mobility_routers"];
            c["context_requests"] += s.contextRequests;
            c["contexts_served"] += s.contextsServed;
            c["context_timeouts"] += s.contextTimeouts;
            c["registers"] += s.registers;
            c["register_acks"] += s.acks;
            c["released"] += s.released;
            c["invalid"] += s.invalid;
        }
    }
    return out;
}

} // namespace ns3
