/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP with fixed correspondents (seed 001 §5.2, Figs 7-8): routers marked "epmip_role":
// "ar" run an AR+DRF for the cn nodes linked to them, a router marked "fixed_lmf" runs the
// LMF that answers for those cn nodes with their AR's address.
#include "scenario-run.h"

#include "ns3/access-router-drf.h"
#include "ns3/fixed-node-lmf.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/string.h"
#include "ns3/yans-wifi-helper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioEpmipFixed");

std::vector<std::string>
ScenarioRun::FixedNodesBehind(const std::string& ar) const
{
    std::vector<std::string> fixed;
    for (const LinkConfig& link : m_cfg.links)
    {
        const std::string& other = link.a == ar ? link.b : (link.b == ar ? link.a : "");
        const NodeConfig* n = other.empty() ? nullptr : m_cfg.FindNode(other);
        if (n && n->role == "cn")
        {
            fixed.push_back(other);
        }
    }
    return fixed;
}

ScenarioRun::Drfs
ScenarioRun::InstallAccessRouterDrfs()
{
    Drfs ars;
    const dmm::FunctionSpec* mr = Role("access").Function("mr");
    for (const NodeConfig* n : m_cfg.NodesWithRole("router"))
    {
        if (n->epmipRole != "ar")
        {
            continue;
        }
        auto drf = CreateObject<AccessRouterDrf>();
        // The eMAGs' DRF attributes (protocol.* keys) hold for the AR+DRF too.
        for (const auto& [name, value] : mr ? mr->attributes : decltype(mr->attributes){})
        {
            drf->SetAttribute(name, StringValue(value));
        }
        for (const auto& cn : FixedNodesBehind(n->name))
        {
            drf->AddFixed(HomeNetworkPrefix::Make(FirstGlobal(cn), 128));
        }
        InsertMobilityRouting(m_nodes[n->name], drf);
        ars.emplace_back(drf, n->name);
    }
    return ars;
}

void
ScenarioRun::InstallFixedNodeLmf(const Drfs& drfs)
{
    std::vector<const NodeConfig*> lmfs;
    for (const NodeConfig* n : m_cfg.NodesWithRole("router"))
    {
        if (n->epmipRole == "fixed_lmf")
        {
            lmfs.push_back(n);
        }
    }
    if (lmfs.empty())
    {
        return; // no LMF for fixed nodes: they are correspondents of §5.1 (PMIP routing)
    }
    Ptr<Node> node = m_nodes[lmfs.front()->name];
    Ipv6Address address = FirstGlobal(lmfs.front()->name);
    auto lmf = CreateObject<FixedNodeLmf>();
    lmf->Setup(MobilityL4Protocol::Install(node), address);
    node->AggregateObject(lmf);
    for (const NodeConfig* ar : m_cfg.NodesWithRole("router"))
    {
        for (const auto& cn :
             ar->epmipRole == "ar" ? FixedNodesBehind(ar->name) : std::vector<std::string>{})
        {
            // §5.2: configured, as the draft allows; the DRFs ask this LMF for them.
            auto fixed = HomeNetworkPrefix::Make(FirstGlobal(cn), 128);
            lmf->AddFixed(fixed, FirstGlobal(ar->name));
            for (const auto& [drf, name] : drfs)
            {
                drf->AddLmf(fixed, address);
            }
        }
    }
}

} // namespace ns3
