/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002): the fully distributed roles (scenario-location.cc) plus a
// home address allocation (HAA) per local network and the HAA-MR interface.
#include "scenario-run.h"

#include "ns3/dmm-mip-mr-agent.h"
#include "ns3/dmm-mip-routing.h"
#include "ns3/enum.h"
#include "ns3/haa-agent.h"
#include "ns3/json-object-reader.h"
#include "ns3/lm-relay.h"
#include "ns3/location-server.h"
#include "ns3/log.h"
#include "ns3/yans-wifi-helper.h"

#include <fmt/format.h>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioDmmMip");

namespace
{

/// \brief The node's "mr_role" (seed 002 §5, Fig 6). \param o the node \param n its config
void
ParseMrRole(const JsonObjectReader& o, NodeConfig& n)
{
    if (!o.Has("mr_role"))
    {
        return;
    }
    n.mrRole = o.Mode("mr_role", "", {"convergence", "anycast"});
    if (n.role != "router")
    {
        JsonObjectReader::Fail(
            o.Path("mr_role"),
            fmt::format("only allowed for role router (node \"{}\" is {})", n.name, n.role));
    }
}

} // namespace

void
ParseHaaNodes(const JsonObjectReader& listed, ScenarioConfig& c)
{
    // Seed 002 §3.2: an HAA apart from its LM serves that LM's local network, alone.
    const nlohmann::json& nodes = listed.Array("nodes");
    std::set<std::string> served;
    for (std::size_t i = 0; i < nodes.size(); ++i)
    {
        JsonObjectReader o(nodes[i],
                           listed.Path(fmt::format("nodes[{}]", i)),
                           ScenarioKeys("nodes[]"));
        NodeConfig& n = c.nodes.at(i);
        ParseMrRole(o, n);
        if (!o.Has("haa_for"))
        {
            continue;
        }
        n.haaFor = o.String("haa_for");
        const NodeConfig* lm = c.FindNode(n.haaFor);
        if (n.role != "router")
        {
            JsonObjectReader::Fail(
                o.Path("haa_for"),
                fmt::format("only allowed for role router (node \"{}\" is {})", n.name, n.role));
        }
        if (lm == nullptr || lm->role != "anchor" || !served.insert(n.haaFor).second)
        {
            JsonObjectReader::Fail(
                o.Path("haa_for"),
                fmt::format("\"{}\" is not an anchor without another HAA node", n.haaFor));
        }
    }
}

void
ScenarioRun::InstallHomeAddressAgents()
{
    const dmm::FunctionSpec* spec = Role("anchor").Function("haa_server");
    if (spec == nullptr)
    {
        return;
    }
    // §3.2 Fig 1: the HAA sits with the network's LM (local networks 1 and 2) or on a node
    // of its own (local network 3), as the scenario says.
    std::map<Ipv6Address, Ptr<HaaAgent>> haas;
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        ObjectFactory factory = spec->Factory();
        factory.Set("ProcessingDelay", TimeValue(ScenarioMilliseconds(m_cfg.anchorProcessingMs)));
        Ptr<HaaAgent> haa = factory.Create<HaaAgent>();
        std::string host = HaaNode(n->name);
        haa->Setup(FirstGlobal(host));
        m_nodes[host]->AddApplication(haa);
        haas[FirstGlobal(n->name)] = haa;
    }
    bool stateful = spec->Attribute("Mode") == "Stateful";
    for (const NodeConfig* n : m_cfg.AttachmentPoints())
    {
        HomeNetworkPrefix space = m_accessPort.at(n->name).second;
        if (stateful)
        {
            // Each router has its own pool, routed to it: a prefix assigned from it is
            // anchored there (§4.3: regular routing delivers the HoA to its router).
            space = dmm::AddressPlan::AnchorPool(m_anchorPools.size() + 1);
            m_anchorPools.push_back({space, n->name});
            m_location.AddPartition(space, LmaFor(n->name));
        }
        haas.at(LmaFor(n->name))->AddMobilityRouter(FirstGlobal(n->name), space);
    }
}

void
ScenarioRun::ConnectHomeAddressAgent(const std::string& name, Ptr<AccessRouterAgent> agent)
{
    if (auto mr = DynamicCast<DmmMipMrAgent>(agent))
    {
        mr->SetHaa(FirstGlobal(HaaNode(NearestOfRole(name, "anchor"))));
        for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
        {
            // §4.2: the home HAA of an address homed at a network's LM is that
            // network's HAA (on the LM's node, or its own: haa_for).
            mr->AddHomeHaa(FirstGlobal(n->name), FirstGlobal(HaaNode(n->name)));
        }
    }
}

std::string
ScenarioRun::HaaNode(const std::string& anchor) const
{
    for (const NodeConfig& n : m_cfg.nodes)
    {
        if (n.haaFor == anchor)
        {
            return n.name;
        }
    }
    return anchor; // co-located with the network's LM
}

void
ScenarioRun::InstallLmRelays()
{
    const dmm::FunctionSpec* spec = Role("anchor").Function("lm_relay");
    if (spec == nullptr)
    {
        return;
    }
    const auto& partitions = m_location.GetPartitions();
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        if (m_routers.count(n->name))
        {
            throw ScenarioError(
                fmt::format("protocol.lm_relay: \"{}\" is both an LM and a mobility "
                            "router; the relay takes the Location Replies",
                            n->name));
        }
        Ptr<Node> node = m_nodes[n->name];
        for (uint32_t i = 0; i < node->GetNApplications(); ++i)
        {
            if (auto server = DynamicCast<LocationServer>(node->GetApplication(i)))
            {
                Ptr<LmRelay> relay = spec->Factory().Create<LmRelay>();
                for (const auto& [prefix, lm] : partitions)
                {
                    relay->AddPeer(prefix, lm);
                }
                server->SetRelay(relay);
            }
        }
    }
    // Routers know their own network's LM only (§3.3: the LMs find each other).
    for (const auto& [name, router] : m_routers)
    {
        for (const auto& [prefix, lm] : partitions)
        {
            router->AddServer(prefix, LmaFor(name));
        }
    }
}

bool
ScenarioRun::MrRoleApplies(const NodeConfig& n) const
{
    // Like haa_for, other profiles ignore the key: the node stays a plain router.
    const dmm::FunctionSpec* spec = Role("router").Function("mr");
    return !n.mrRole.empty() && spec != nullptr && spec->IsA("ns3::DmmMipRouting");
}

void
ScenarioRun::InstallRoleRouter(const NodeConfig& n)
{
    Ptr<DistributedMobilityRouting> mr = m_location.InstallRouter(m_nodes[n.name],
                                                                  FirstGlobal(n.name),
                                                                  CorrespondentInterfaces(n.name));
    if (n.mrRole == "anycast")
    {
        // It originates the aggregate, so it has no native route to hand a packet to
        // (Fig 4's first step): it asks the LM (Fig 3) under either optimisation.
        mr->SetAttribute("Optimization", EnumValue(DmmMipRouting::QUERY));
    }
    m_routers[n.name] = mr;
}

std::vector<std::string>
ScenarioRun::AnycastMobilityRouters() const
{
    std::vector<std::string> out;
    for (const NodeConfig& n : m_cfg.nodes)
    {
        if (n.mrRole == "anycast" && MrRoleApplies(n))
        {
            out.push_back(n.name);
        }
    }
    return out;
}

void
ScenarioRun::RouteHomeAggregates(const std::vector<std::string>& routers)
{
    if (routers.empty())
    {
        return;
    }
    // §5: "traffic sent from CN to MN ... reach[es] a nearest MR which anycast[s] the HNP
    // aggregation". The routers' own prefixes are not announced besides (a deviation: no
    // packet reaches the anchoring router natively, Fig 4 has none to redirect).
    InstallRoutesTo(dmm::AddressPlan::AccessAggregate(), routers);
    if (!m_anchorPools.empty())
    {
        InstallRoutesTo(dmm::AddressPlan::PoolAggregate(), routers);
    }
}

} // namespace ns3
