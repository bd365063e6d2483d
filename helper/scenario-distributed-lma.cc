/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The distributed-lma profile's wiring (seed 004): every LMA knows the others' pools
// (anycast of the superset, §4.2; the H-LMA of a prefix, §4.4) and each node's H-LMA.
#include "scenario-run.h"

#include "ns3/boolean.h"
#include "ns3/dlma-agent.h"
#include "ns3/dlma-mag-forwarding.h"
#include "ns3/enum.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-routing.h"
#include "ns3/scenario-domain-profiles.h"
#include "ns3/yans-wifi-helper.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioDistributedLma");

void
ScenarioRun::ConnectDistributedLmas(const ApplicationContainer& lmas)
{
    std::vector<Ptr<DlmaAgent>> agents;
    for (auto it = lmas.Begin(); it != lmas.End(); ++it)
    {
        if (Ptr<DlmaAgent> agent = DynamicCast<DlmaAgent>(*it))
        {
            agents.push_back(agent);
        }
    }
    if (agents.empty())
    {
        return; // another profile
    }
    for (const auto& agent : agents)
    {
        std::string self = AnchorAt(agent->GetAddress());
        agent->SetAttribute("CacheTimeout", TimeValue(Seconds(m_cfg.protocol.locationCacheS)));
        agent->SetAttribute("ForwardingLifetime",
                            TimeValue(Seconds(m_cfg.protocol.forwardingTimeS)));
        agent->SetAttribute("BypassDlma", BooleanValue(m_cfg.protocol.dlmaBypass));
        agent->SetAttribute("MagTracking",
                            EnumValue(m_cfg.protocol.dlmaMagTracking == "h-lma"
                                          ? DlmaAgent::H_LMA_TRACKS
                                          : DlmaAgent::D_LMA_TRACKS));
        agent->SetAttribute("BypassOlma", BooleanValue(m_cfg.protocol.dlmaBypassOlma));
        // §7: another domain's pools are routed, not tunnelled to their H-LMA.
        for (const auto& [pool, anchor] : m_anchorPools)
        {
            if (anchor != self && DomainOf(anchor) == DomainOf(self))
            {
                agent->AddPeer(pool, FirstGlobal(anchor));
            }
        }
        std::istringstream names(m_cfg.protocol.dlmaPrivate);
        for (std::string name; std::getline(names, name, ',');)
        {
            NS_ABORT_MSG_IF(!m_cfg.FindNode(name) || m_cfg.FindNode(name)->role != "mn",
                            "protocol.dlma_private: " << name << " is not an mn node");
            agent->SetLocationPrivate(name + "@dmm"); // §5.4: the policy profile's flag
        }
        // §4.1: a node registers in the network of its first attachment.
        for (const NodeConfig* mn : m_cfg.NodesWithRole("mn"))
        {
            auto attachments = m_cfg.AttachmentsOf(mn->name);
            if (!attachments.empty() && DomainOf(mn->name) == DomainOf(self))
            {
                agent->SetHomeLma(mn->name + "@dmm", LmaFor(attachments.front()->attach));
            }
        }
    }
}

void
ScenarioRun::InstallDlmaBypass()
{
    bool bypass = m_cfg.protocol.dlmaBypass || m_cfg.protocol.dlmaBypassOlma;
    if (!bypass || !Role("anchor").agent.IsA("ns3::DlmaAgent"))
    {
        return;
    }
    // §5.1.1-§5.1.2: O-LMAs tunnel to the MAGs, a previous MAG forwards to the new one.
    // A domain of another profile (§7.4, domain_profiles) has no MAG and no LMA.
    auto mags = m_cfg.AttachmentPoints();
    auto foreign = [this](const std::string& name) {
        return &RecipeOfNode(m_cfg, name) != &m_recipe;
    };
    mags.erase(std::remove_if(mags.begin(),
                              mags.end(),
                              [&foreign](const NodeConfig* n) { return foreign(n->name); }),
               mags.end());
    for (const NodeConfig* mag : mags)
    {
        Ptr<Node> node = m_nodes[mag->name];
        auto list = DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol());
        Ptr<MobilityRouting> mr;
        for (uint32_t i = 0; list && !mr && i < list->GetNRoutingProtocols(); ++i)
        {
            int16_t priority;
            mr = DynamicCast<MobilityRouting>(list->GetRoutingProtocol(i, priority));
        }
        NS_ABORT_MSG_IF(!mr, "distributed-lma bypass: no mobility routing on " << mag->name);
        auto forwarding = CreateObjectWithAttributes<DlmaMagForwarding>(
            "ForwardingLifetime",
            TimeValue(Seconds(m_cfg.protocol.forwardingTimeS)),
            "CacheTimeout",
            TimeValue(Seconds(m_cfg.protocol.locationCacheS)),
            "RetargetMags",
            BooleanValue(m_cfg.protocol.dlmaBypassOlma));
        forwarding->Install(node, mr, FirstGlobal(mag->name));
        for (const auto& [pool, anchor] : m_anchorPools)
        {
            if (!foreign(anchor))
            {
                forwarding->AddPeer(FirstGlobal(anchor), true);
            }
        }
        for (const NodeConfig* other : mags)
        {
            if (other != mag)
            {
                forwarding->AddPeer(FirstGlobal(other->name), false);
            }
        }
        node->AggregateObject(forwarding);
        // §5.1.3: after a change of LMA the previous MAG tunnels to the new D-LMA.
        for (const auto& [pool, anchor] : m_anchorPools)
        {
            if (FirstGlobal(anchor) != LmaFor(mag->name) && !foreign(anchor))
            {
                Ipv6TunnelL4Protocol::Install(m_nodes[anchor])->AddPeer(FirstGlobal(mag->name));
            }
        }
    }
}

} // namespace ns3
