/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What each scenario role becomes under the selected profile (the profile's recipe).
#include "scenario-run.h"

#include "ns3/access-router-agent.h"
#include "ns3/boolean.h"
#include "ns3/dma-client-access-agent.h"
#include "ns3/dma-helper.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ha-agent.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/l2-mobility.h"
#include "ns3/lma-agent.h"
#include "ns3/log.h"
#include "ns3/mag-agent.h"
#include "ns3/mar-agent.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/nd-options.h"
#include "ns3/pointer.h"
#include "ns3/prefix-pool-allocation.h"
#include "ns3/proxy-location-update.h"
#include "ns3/routing-control.h"
#include "ns3/scenario-domain-profiles.h"
#include "ns3/source-address-selection.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/yans-wifi-helper.h"

#include <algorithm>
#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioProfiles");

namespace
{

/// Give a helper's factory a recipe spec's type and attributes (nothing when absent).
template <typename SetType, typename SetAttribute>
void
Apply(const dmm::FunctionSpec* spec, SetType setType, SetAttribute setAttribute)
{
    if (spec == nullptr || spec->type.empty())
    {
        return;
    }
    setType(spec->type);
    for (const auto& [name, value] : spec->attributes)
    {
        setAttribute(name, StringValue(value));
    }
}

} // namespace

void
ScenarioRun::ApplyPmipv6Recipe()
{
    // The anchor-side functions are the LMA's, or under DMA the MAR's (an H-MAR is an LMA
    // for its own prefixes).
    const dmm::RoleRecipe& access = Role("access");
    const dmm::RoleRecipe& anchor = access.agent.Is("ns3::MarAgent") ? access : Role("anchor");
    Pmipv6Helper& h = m_pmip;
    using S = const std::string&;
    using V = const AttributeValue&;
    Apply(
        anchor.Function("haa"),
        [&h](S t) { h.SetAllocationType(t); },
        [&h](S n, V v) { h.SetAllocationAttribute(n, v); });
    Apply(
        anchor.Function("lm"),
        [&h](S t) { h.SetLocationManagementType(t); },
        [&h](S n, V v) { h.SetLocationManagementAttribute(n, v); });
    Apply(
        anchor.Function("mr"),
        [&h](S t) { h.SetMobilityRoutingType(t); },
        [&h](S n, V v) { h.SetMobilityRoutingAttribute(n, v); });
    Apply(
        anchor.Function("rc"),
        [&h](S t) { h.SetRoutingControlType(t); },
        [&h](S n, V v) { h.SetRoutingControlAttribute(n, v); });
    Apply(
        access.Function("lu"),
        [&h](S t) { h.SetLocationUpdateType(t); },
        [&h](S n, V v) { h.SetLocationUpdateAttribute(n, v); });
    if (Role("anchor").agent.IsA("ns3::LmaAgent"))
    {
        Apply(
            &Role("anchor").agent,
            [&h](S t) { h.SetLmaType(t); },
            [&h](S n, V v) { h.SetLmaAttribute(n, v); });
    }
    if (access.agent.Is("ns3::MagAgent"))
    {
        Apply(
            &access.agent,
            [&h](S t) { h.SetMagType(t); },
            [&h](S n, V v) { h.SetMagAttribute(n, v); });
    }
}

void
ScenarioRun::ApplyMipv6Recipe()
{
    Mipv6Helper& h = m_mip;
    using S = const std::string&;
    using V = const AttributeValue&;
    auto none = [](S) {};
    // §7.4: a domain of its own profile may be the run's only Mobile IPv6 part.
    const dmm::Recipe& mip = MipRecipe(m_cfg);
    const dmm::RoleRecipe& mn = mip.Role("mn");
    if (mn.agent.IsA("ns3::MipMnAgent"))
    {
        Apply(
            &mn.agent,
            [&h](S t) { h.SetMobileNodeType(t); },
            [&h](S n, V v) { h.SetMobileNodeAttribute(n, v); });
        Apply(
            mn.Function("lu"),
            [&h](S t) { h.SetLocationUpdateType(t); },
            [&h](S n, V v) { h.SetLocationUpdateAttribute(n, v); });
    }
    if (mip.Role("anchor").agent.Is("ns3::HaAgent"))
    {
        Apply(&mip.Role("anchor").agent, none, [&h](S n, V v) { h.SetHomeAgentAttribute(n, v); });
        Apply(
            mip.Role("anchor").Function("lm"),
            [&h](S t) { h.SetLocationManagementType(t); },
            [&h](S n, V v) { h.SetLocationManagementAttribute(n, v); });
    }
    if (mip.Role("aggregation").agent.Is("ns3::HaAgent"))
    {
        Apply(&mip.Role("aggregation").agent, none, [&h](S n, V v) { h.SetMapAttribute(n, v); });
    }
}

void
ScenarioRun::ConfigurePmipv6()
{
    ApplyPmipv6Recipe();
    const ProtocolConfig& p = m_cfg.protocol;
    m_pmip.SetAllocationAttribute("PoolPrefix",
                                  Ipv6AddressValue(dmm::AddressPlan::CentralPool().prefix));
    m_pmip.SetAllocationAttribute("PoolPrefixLength", UintegerValue(dmm::AddressPlan::POOL_LENGTH));
    m_pmip.SetLocationManagementAttribute(
        "MinDelayBeforeBceDelete",
        TimeValue(ScenarioMilliseconds(p.minDelayBeforeBceDeleteMs)));
    m_pmip.SetLocationManagementAttribute("UseTimestamps", BooleanValue(p.useTimestamps));
    m_pmip.SetLmaAttribute("ProcessingDelay",
                           TimeValue(ScenarioMilliseconds(m_cfg.anchorProcessingMs)));
    m_pmip.SetMagAttribute("ProcessingDelay",
                           TimeValue(ScenarioMilliseconds(m_cfg.accessProcessingMs)));
    m_pmip.SetMagAttribute("DeregisterOnDetach", BooleanValue(p.deregisterOnDetach));
    m_pmip.SetLocationUpdateAttribute("Lifetime", TimeValue(Seconds(p.bindingLifetimeS)));
    m_pmip.SetLocationUpdateAttribute("RefreshRatio", DoubleValue(p.refreshRatio));
    m_pmip.SetLocationUpdateAttribute("UseTimestamps", BooleanValue(p.useTimestamps));
    m_pmip.SetRoutingControlAttribute("ReverseTunnel", BooleanValue(p.uplink != "direct"));
    if (p.sharedSequenceNumbers)
    {
        // One store for every MAG (and MAR) of the run: the domain's shared state.
        m_pmip.SetLocationUpdateAttribute("SequenceStore",
                                          PointerValue(CreateObject<SequenceNumberStore>()));
    }
    for (const NodeConfig* mn : m_cfg.NodesWithRole("mn"))
    {
        // Distributed anchors: the anchor of the network of the first attachment.
        auto attachments = m_cfg.AttachmentsOf(mn->name);
        Ipv6Address lmaa = m_recipe.anchors == "per-network" &&
                                   m_recipe.homePrefixes == "unicast" && !attachments.empty()
                               ? LmaFor(attachments.front()->attach)
                               : Ipv6Address::GetAny();
        for (Mac48Address mac : MobileNodeMacs(mn->name))
        {
            m_pmip.AddMobileNode(mac, mn->name + "@dmm", lmaa);
        }
    }
}

void
ScenarioRun::InstallAccess(const std::string& name)
{
    Ptr<Node> node = m_nodes[name];
    auto [interface, onLink] = m_accessPort[name];
    bool homeLink = m_cfg.FindNode(name)->role == "anchor";
    if (homeLink && !Role("mn").agent.IsA("ns3::MipMnAgent") && m_recipe.anchors != "none")
    {
        throw ScenarioError(fmt::format("mobility: mobile nodes attach to the anchor \"{}\"; "
                                        "a home link needs a client-based profile (mipv6, "
                                        "mipv6-ro, hmipv6), not \"{}\"",
                                        name,
                                        m_recipe.name));
    }
    const dmm::RoleRecipe& access = RecipeOfNode(m_cfg, name).Role("access");
    Ptr<AccessRouterAgent> agent;
    if (access.Function("mr")->IsA("ns3::DistributedMobilityRouting"))
    {
        agent = InstallLocatedAccess(name);
    }
    else if (access.agent.Is("ns3::MarAgent"))
    {
        agent = InstallMar(name);
    }
    else if (access.agent.Is("ns3::MagAgent"))
    {
        agent = DynamicCast<AccessRouterAgent>(
            m_pmip.InstallMag(node, interface, onLink, FirstGlobal(name), LmaFor(name)).Get(0));
        if (m_recipe.homePrefixes == "anycast")
        {
            // Fig 6: the anchor nearest a correspondent tunnels its traffic, whichever.
            for (const NodeConfig* anchor : m_cfg.NodesWithRole("anchor"))
            {
                node->GetObject<Ipv6TunnelL4Protocol>()->AddPeer(FirstGlobal(anchor->name));
            }
        }
    }
    else
    {
        // A plain access router still validates sources on its access link (BCP 38).
        // The home agent's own MR serves its home link.
        Ipv6Address onLinkAddress = AddressOn(name, onLink);
        Ptr<MobilityRouting> mr;
        if (homeLink)
        {
            mr = m_mip.GetHomeAgent()->GetMobilityRouting();
        }
        else if (access.agent.Is("ns3::DmaClientAccessAgent"))
        {
            mr = InstallDmaClientAccess(name, agent);
        }
        else if (access.Has("ha"))
        {
            // Fig 8: the router is the home agent of its link, and says so in its RAs.
            mr = DynamicCast<AnchorAgent>(
                     m_mip.InstallHomeAgentOnLink(node, onLinkAddress, onLink).Get(0))
                     ->GetMobilityRouting();
        }
        else
        {
            mr = m_pmip.InstallMobilityRouting(node);
        }
        mr->AddAccessInterface(interface, onLink);
        if (!agent)
        {
            agent = CreatePlainAccessAgent(interface, onLink);
        }
        if (access.Has("ha"))
        {
            agent->SetRouterAddress(onLinkAddress);
            if (access.Has("relay"))
            {
                m_mip.SetRelayAttribute("ProcessingDelay",
                                        TimeValue(ScenarioMilliseconds(m_cfg.accessProcessingMs)));
                m_mip.InstallRelay(node, onLinkAddress);
            }
        }
        if (Role("aggregation").agent.Is("ns3::HaAgent") && !homeLink)
        {
            // RFC 5380 §10.1: the access router announces the MAP of its region.
            agent->SetMapOption(MapOptionFor(m_mapAddress.at(NearestOfRole(name, "aggregation"))));
        }
        node->AddApplication(agent);
    }
    m_accessAgent[name] = agent;
}

Ptr<MobilityRouting>
ScenarioRun::InstallDmaClientAccess(const std::string& name, Ptr<AccessRouterAgent>& agent)
{
    // Seed 003 §3.2: a prefix per node from the router's own pool, which the core routes
    // to it; its home agent anchors exactly those prefixes.
    auto [interface, onLink] = m_accessPort[name];
    auto pool = dmm::AddressPlan::AnchorPool(m_anchorPools.size() + 1);
    m_anchorPools.push_back({pool, name});
    Ptr<AnchorAgent> ha = DynamicCast<AnchorAgent>(
        m_mip.InstallPerNodePrefixHomeAgent(m_nodes[name], AddressOn(name, onLink), pool, 64)
            .Get(0));
    const Time lifetime = Seconds(m_cfg.protocol.prefixLifetimeS);
    if (auto allocation = DynamicCast<PrefixPoolAllocation>(ha->GetAllocation()))
    {
        // A node may hold a released prefix's address for the lifetime it was advertised.
        allocation->SetAttribute("ReuseDelay", TimeValue(lifetime));
    }
    Ptr<DmaClientAccessAgent> dma = CreateObjectWithAttributes<DmaClientAccessAgent>(
        "ProcessingDelay",
        TimeValue(ScenarioMilliseconds(m_cfg.accessProcessingMs)),
        "PrefixLifetime",
        TimeValue(lifetime));
    dma->AddAccessInterface(interface, onLink);
    dma->Setup(ha->GetAllocation(), ha->GetMobilityRouting(), ha->GetLocationManagement());
    agent = dma;
    return ha->GetMobilityRouting();
}

void
ScenarioRun::InstallMobileNodes()
{
    for (const NodeConfig* n : m_cfg.NodesWithRole("mn"))
    {
        m_mnDevice[n->name] =
            n->interfaces.size() > 1
                ? m_access.InstallMultiInterfaceMobileNode(m_nodes[n->name], n->interfaces)
                : m_access.InstallMobileNode(m_nodes[n->name], m_stream);
    }
}

void
ScenarioRun::InstallProfile()
{
    std::vector<const NodeConfig*> anchors = m_cfg.NodesWithRole("anchor");
    if (m_recipe.anchors == "per-network" && anchors.empty())
    {
        throw ScenarioError(fmt::format("nodes: profile \"{}\" needs at least one node with "
                                        "role \"anchor\"",
                                        m_recipe.name));
    }
    const dmm::FunctionSpec& anchor = Role("anchor").agent;
    if (m_recipe.anchors == "central")
    {
        if (anchors.size() != 1 && m_cfg.centralAnchor.empty())
        {
            throw ScenarioError(fmt::format("nodes: profile \"{}\" needs exactly one node with "
                                            "role \"anchor\" (found {}), or central_anchor "
                                            "naming the one to use",
                                            m_recipe.name,
                                            anchors.size()));
        }
        // With several anchors (a multi-network topology), a centralized profile uses
        // the named one; the others are plain routers.
        m_anchor = m_cfg.centralAnchor.empty() ? anchors.front()->name : m_cfg.centralAnchor;
        if (Role("anchor").Has("haa")) // DMA's session database anchors nothing
        {
            m_anchorPools.push_back({dmm::AddressPlan::CentralPool(), m_anchor});
        }
    }
    InstallMobileNodes();
    ConfigureMipv6();
    if (anchor.Is("ns3::LocationServer"))
    {
        InstallLocationServers();
    }
    else if (anchor.Is("ns3::HaAgent"))
    {
        m_mip.InstallHomeAgent(m_nodes[m_anchor], FirstGlobal(m_anchor));
    }
    InstallMaps();
    if (anchor.Is("ns3::SessionDbAgent"))
    {
        ConfigurePmipv6();
        DmaHelper database;
        database.SetSessionDatabaseAttribute(
            "ProcessingDelay",
            TimeValue(ScenarioMilliseconds(m_cfg.anchorProcessingMs)));
        database.InstallSessionDatabase(m_nodes[m_anchor], FirstGlobal(m_anchor));
    }
    else if (anchor.IsA("ns3::LmaAgent"))
    {
        ConfigurePmipv6();
        InstallLmas();
        ConfigureEpmip();
    }
    for (const NodeConfig* n : m_cfg.AttachmentPoints())
    {
        InstallAccess(n->name);
    }
    InstallEpmip();
    InstallDlmaBypass();
    for (const NodeConfig* n : m_cfg.NodesWithRole("mn"))
    {
        Ptr<MnAgent> agent = InstallMobileNodeAgent(n->name);
        m_mnAgents[n->name] = agent;
        // Several prefixes per node: each new flow takes its own (seed 003 §4.3).
        agent->GetSourceAddressSelection()->SetAttribute(
            "SpreadFlows",
            BooleanValue(m_cfg.protocol.prefixesPerNode > 1));
        if (m_cfg.protocol.sessionSource == "solicitation" &&
            Role("access").agent.Is("ns3::MarAgent"))
        {
            // Seed 003 §3.3 way 1: the node lists what the MARs would keep (IdleRelease).
            agent->SetAttribute("ListSessions", BooleanValue(true));
            agent->SetAttribute("SessionIdle", TimeValue(Seconds(m_cfg.protocol.idleReleaseS)));
        }
        Ptr<L2Mobility> l2 = InstallL2Mobility(*n, agent);
        m_l2[n->name] = l2;
        m_handovers->WatchMobileNode(n->name, l2, agent);
    }
    if (Role("cn").agent.Is("ns3::CnAgent"))
    {
        for (const NodeConfig* n : m_cfg.NodesWithRole("cn"))
        {
            m_mip.InstallCorrespondent(m_nodes[n->name]);
        }
    }
    m_stream += m_mip.AssignStreams(m_stream);
}

Ptr<AccessRouterAgent>
ScenarioRun::InstallMar(const std::string& name)
{
    if (!m_dma)
    {
        m_dma.emplace(m_pmip); // the MARs' functions as the recipe configured them
        m_dma->SetMarAttribute("ProcessingDelay",
                               TimeValue(ScenarioMilliseconds(m_cfg.accessProcessingMs)));
        m_dma->SetMarAttribute("IdleRelease", TimeValue(Seconds(m_cfg.protocol.idleReleaseS)));
        m_dma->SetMarAttribute("PrefixProperties", BooleanValue(m_cfg.protocol.prefixProperties));
        m_dma->SetMarAttribute("PrefixLifetime",
                               TimeValue(Seconds(m_cfg.protocol.prefixLifetimeS)));
        m_dma->SetMarAttribute("PrefixesPerNode", UintegerValue(m_cfg.protocol.prefixesPerNode));
        m_dma->SetMarAttribute("SessionSource",
                               EnumValue(m_cfg.protocol.sessionSource == "solicitation"
                                             ? MarAgent::SOLICITATION
                                             : MarAgent::DATABASE));
        for (const NodeConfig* mn : m_cfg.NodesWithRole("mn"))
        {
            for (Mac48Address mac : MobileNodeMacs(mn->name))
            {
                m_dma->AddMobileNode(mac, mn->name + "@dmm");
            }
        }
    }
    auto [interface, onLink] = m_accessPort[name];
    auto pool = dmm::AddressPlan::AnchorPool(m_anchorPools.size() + 1);
    m_anchorPools.push_back({pool, name});
    return DynamicCast<AccessRouterAgent>(m_dma
                                              ->InstallMar(m_nodes[name],
                                                           interface,
                                                           onLink,
                                                           FirstGlobal(name),
                                                           pool,
                                                           FirstGlobal(m_anchor))
                                              .Get(0));
}

void
ScenarioRun::InstallLmas()
{
    if (m_recipe.anchors == "central")
    {
        m_pmip.InstallLma(m_nodes[m_anchor], FirstGlobal(m_anchor));
        return;
    }
    uint32_t index = 0;
    ApplicationContainer lmas;
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        // Each anchor allocates from its own /48: 2001:1:<index>::/48.
        auto pool = dmm::AddressPlan::AnchorPool(++index);
        m_anchorPools.push_back({pool, n->name});
        if (&RecipeOfNode(m_cfg, n->name) != &m_recipe)
        {
            // §7.4: a Mobile IPv6 domain's anchor is its home agent, the pool's first /64
            // its home prefix; the pool is routed to it as any other domain's.
            m_mip.SetHomePrefix(HomeNetworkPrefix::Make(pool.prefix, 64));
            m_mip.InstallHomeAgent(m_nodes[n->name], FirstGlobal(n->name));
            continue;
        }
        m_pmip.SetAllocationAttribute("PoolPrefix", Ipv6AddressValue(pool.prefix));
        lmas.Add(m_pmip.InstallLma(m_nodes[n->name], FirstGlobal(n->name)));
    }
    if (Role("anchor").Function("lm")->IsA("ns3::ReplicatedBindingCache"))
    {
        m_pmip.InstallReplication(lmas); // Fig 6: every anchor serves every pool
    }
    ConnectDistributedLmas(lmas);
}

Ipv6Address
ScenarioRun::AddressOn(const std::string& node, const HomeNetworkPrefix& prefix) const
{
    Ptr<Ipv6> ipv6 = m_nodes.at(node)->GetObject<Ipv6>();
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t a = 0; a < ipv6->GetNAddresses(i); ++a)
        {
            if (prefix.Contains(ipv6->GetAddress(i, a).GetAddress()))
            {
                return ipv6->GetAddress(i, a).GetAddress();
            }
        }
    }
    return Ipv6Address::GetAny();
}

Ipv6Address
ScenarioRun::LmaFor(const std::string& access) const
{
    // A network is the region of its anchor: access routers use the nearest one.
    return FirstGlobal(m_recipe.anchors == "per-network" ? NearestOfRole(access, "anchor", true)
                                                         : m_anchor);
}

Ptr<MnAgent>
ScenarioRun::InstallMobileNodeAgent(const std::string& name)
{
    const dmm::RoleRecipe& role = RecipeOfNode(m_cfg, name).Role("mn");
    if (!role.agent.IsA("ns3::MipMnAgent"))
    {
        return DynamicCast<MnAgent>(
            m_pmip.InstallMobileNode(m_nodes[name], m_mnDevice[name]).Get(0));
    }
    std::vector<Ipv6Address> correspondents;
    for (const auto& f : m_cfg.flows)
    {
        const std::string& peer = f.from == name ? f.to : (f.to == name ? f.from : "");
        if (!peer.empty() && m_cfg.FindNode(peer)->role == "cn" &&
            std::find(correspondents.begin(), correspondents.end(), FirstGlobal(peer)) ==
                correspondents.end())
        {
            correspondents.push_back(FirstGlobal(peer));
        }
    }
    if (m_cfg.protocol.dad == "off")
    {
        m_nodes[name]->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));
    }
    if (role.agent.IsA("ns3::LocatedMnAgent"))
    {
        std::vector<Ipv6Address> routers;
        for (const auto& [router, mr] : m_routers)
        {
            routers.push_back(FirstGlobal(router));
        }
        return DynamicCast<MnAgent>(
            m_mip.InstallLocatedMobileNode(m_nodes[name], m_mnDevice[name], routers).Get(0));
    }
    if (role.agent.IsA("ns3::DmaClientMnAgent"))
    {
        // No fixed home address: flows use the address of the router where they start.
        Ptr<MnAgent> agent = DynamicCast<MnAgent>(
            m_mip.InstallDistributedMobileNode(m_nodes[name], m_mnDevice[name]).Get(0));
        agent->SetAttribute("IdleRelease", TimeValue(Seconds(m_cfg.protocol.idleReleaseS)));
        return agent;
    }
    return DynamicCast<MnAgent>(
        m_mip.InstallMobileNode(m_nodes[name], m_mnDevice[name], name + "@dmm", correspondents)
            .Get(0));
}

void
ScenarioRun::ConfigureMipv6()
{
    ApplyMipv6Recipe(); // types and recipe attributes first: scenario keys refine them
    const ProtocolConfig& p = m_cfg.protocol;
    if (m_accessPort.count(m_anchor))
    {
        m_mip.SetHomeLink(m_accessPort[m_anchor].second); // a real home link (RFC 6275 §2)
    }
    else
    {
        m_mip.SetHomePrefix(dmm::AddressPlan::HomePrefix());
    }
    m_mip.SetRouteOptimization(MipRecipe(m_cfg).Role("mn").Has("rr"));
    Time processing = ScenarioMilliseconds(m_cfg.anchorProcessingMs);
    m_mip.SetHomeAgentAttribute("ProcessingDelay", TimeValue(processing));
    m_mip.SetMapAttribute("ProcessingDelay", TimeValue(processing));
    m_mip.SetLocationUpdateAttribute("Lifetime", TimeValue(Seconds(p.bindingLifetimeS)));
    m_mip.SetLocationUpdateAttribute("RefreshRatio", DoubleValue(p.refreshRatio));
    m_mip.SetMobileNodeAttribute("DadWait", BooleanValue(p.dad == "wait"));
}

void
ScenarioRun::InstallMaps()
{
    if (!Role("aggregation").agent.Is("ns3::HaAgent"))
    {
        return;
    }
    uint32_t index = 0;
    for (const NodeConfig* n : m_cfg.NodesWithRole("aggregation"))
    {
        // Each MAP owns a regional prefix; its address lives in it (RFC 5380 §10).
        auto regional = dmm::AddressPlan::RegionalPrefix(++index);
        Ipv6Address address = dmm::AddressPlan::MapAddress(index);
        Ptr<Ipv6> ipv6 = m_nodes[n->name]->GetObject<Ipv6>();
        ipv6->AddAddress(m_ports[n->name].front().interface,
                         Ipv6InterfaceAddress(address, Ipv6Prefix(128)));
        m_mip.InstallMap(m_nodes[n->name], address, regional);
        m_regional[n->name] = regional;
        m_mapAddress[n->name] = address;
    }
    if (m_regional.empty())
    {
        throw ScenarioError(fmt::format("nodes: profile \"{}\" needs at least one node with "
                                        "role \"aggregation\" (a MAP)",
                                        m_recipe.name));
    }
}

Ipv6Address
ScenarioRun::CurrentGlobal(const std::string& mn, Ipv6Address destination)
{
    // RFC 6724 §5 at the node (MIPv6: the home address, rule 4; DMA: not a prefix its
    // router deprecated, rule 3; then the current router's own prefix).
    return m_mnAgents.at(mn)->SelectSourceForFlow(destination);
}

} // namespace ns3
