/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP's alternative implementation (seed 001 §7, Figs 10-11), the variant
// protocol.epmip_architecture = alternative: legacy MAGs, the DAF in every LMA (the
// anchor's "mr" is an AnchorDrf), standalone LMFs on the routers marked "epmip_role": "lmf"
// relaying by hash of the HNP (§7.4), and the routers with a DRF marked "epmip_role":
// "border" (BG+DRF, §7.1) or "drf_router" (Router+DRF, §7.3 Fig 11) that announce the
// ePMIP prefix set (scenario-routes.cc) and tunnel what it attracts to the nodes' eLMAs.
#include "scenario-run.h"

#include "ns3/anchor-dmf.h"
#include "ns3/anchor-drf.h"
#include "ns3/boolean.h"
#include "ns3/border-drf.h"
#include "ns3/enum.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/lma-agent.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/standalone-lmf.h"
#include "ns3/string.h"
#include "ns3/yans-wifi-helper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioEpmipAlternative");

/// The PBCI back-off keys present in \p raw as DRF / LegacyInterworking attributes
/// (helper/scenario-epmip-legacy.cc).
std::vector<std::pair<std::string, Ptr<AttributeValue>>> InformBackOffAttributes(
    const nlohmann::json& raw);

namespace
{

/// \return the node's AnchorDrf, if its mobility routing is one
Ptr<AnchorDrf>
AnchorDrfOf(Ptr<Node> node)
{
    auto list = DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol());
    for (uint32_t i = 0; list && i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        if (auto drf = DynamicCast<AnchorDrf>(list->GetRoutingProtocol(i, priority)))
        {
            return drf;
        }
    }
    return nullptr;
}

/**
 * \brief Make \p node a BG+DRF or Router+DRF (§7.1, §7.3).
 * \param anchorMr the eLMAs' DRF, whose attributes (protocol.* keys) hold here too
 * \return its DRF
 */
Ptr<BorderDrf>
InstallBorderDrf(Ptr<Node> node, const dmm::FunctionSpec& anchorMr)
{
    auto drf = CreateObject<BorderDrf>();
    for (const auto& [name, value] : anchorMr.attributes)
    {
        drf->SetAttribute(name, StringValue(value));
    }
    // No PMIP path to detour on: the announced prefixes lead here (deviation documented).
    drf->SetAttribute("FirstPackets", EnumValue(DistributedRoutingFunction::BUFFER));
    InsertMobilityRouting(node, drf);
    MobilityL4Protocol::Install(node);
    return drf;
}

} // namespace

void
ScenarioRun::InstallAlternativeEpmip()
{
    const dmm::FunctionSpec* mr = Role("anchor").Function("mr");
    if (!mr || !mr->IsA("ns3::AnchorDrf"))
    {
        return;
    }
    std::vector<Ipv6Address> lmfs;
    for (const NodeConfig* n : m_cfg.NodesWithRole("router"))
    {
        if (n->epmipRole == "lmf")
        {
            lmfs.push_back(FirstGlobal(n->name));
            auto lmf = CreateObject<StandaloneLmf>();
            m_nodes[n->name]->AggregateObject(lmf);
        }
    }
    size_t i = 0;
    for (const NodeConfig* n : m_cfg.NodesWithRole("router"))
    {
        if (n->epmipRole == "lmf")
        {
            Ptr<Node> node = m_nodes[n->name];
            node->GetObject<StandaloneLmf>()->Setup(MobilityL4Protocol::Install(node),
                                                    lmfs[i++],
                                                    lmfs);
        }
    }
    NS_ABORT_MSG_IF(lmfs.empty(), "epmip_architecture alternative needs an \"lmf\" router");
    size_t index = 0;
    for (const NodeConfig* n : m_cfg.NodesWithRole("router"))
    {
        if (n->epmipRole != "border" && n->epmipRole != "drf_router")
        {
            continue;
        }
        Ptr<Node> node = m_nodes[n->name];
        Ptr<BorderDrf> drf = InstallBorderDrf(node, *mr);
        drf->Setup(node->GetObject<MobilityL4Protocol>(), FirstGlobal(n->name));
        // §7.4: a preferred LMF, as for the eLMAs (round robin, after theirs).
        Ipv6Address preferred = lmfs[(m_anchorPools.size() + index++) % lmfs.size()];
        for (const auto& [pool, anchor] : m_anchorPools)
        {
            drf->AddLmf(pool, preferred);
            Ipv6TunnelL4Protocol::Install(m_nodes[anchor])->AddPeer(FirstGlobal(n->name));
        }
    }
    index = 0;
    for (const auto& [pool, anchor] : m_anchorPools)
    {
        Ptr<Node> node = m_nodes[anchor];
        Ptr<AnchorDrf> drf = AnchorDrfOf(node);
        // §7.4: one preferred LMF per eLMA (here by the anchors' order, round robin).
        Ipv6Address preferred = lmfs[index++ % lmfs.size()];
        auto dmf = CreateObject<AnchorDmf>();
        for (const auto& [attribute, value] : InformBackOffAttributes(m_cfg.raw))
        {
            drf->SetAttribute(attribute, *value); // its registrations' back-off
            dmf->SetAttribute(attribute, *value);
        }
        drf->Setup(node->GetObject<MobilityL4Protocol>(), FirstGlobal(anchor));
        drf->SetPreferredLmf(node->GetObject<LocationManagement>(), preferred, FirstGlobal(anchor));
        if (m_cfg.raw.contains("protocol") &&
            m_cfg.raw["protocol"].contains("forward_late_downlink"))
        {
            drf->SetAttribute("ForwardLateDownlink",
                              BooleanValue(m_cfg.protocol.forwardLateDownlink));
        }
        // §7.2: the DMF takes over the nodes a MAG moves here from another eLMA.
        node->AggregateObject(dmf);
        dmf->Setup(node->GetObject<MobilityL4Protocol>(), FirstGlobal(anchor), drf);
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            if (auto lma = DynamicCast<LmaAgent>(node->GetApplication(a)))
            {
                // The LMA binds another eLMA's HNP only when the DMF admits it.
                lma->SetAttribute("AdmitForeignPrefix",
                                  CallbackValue(MakeCallback(&AnchorDmf::Admits, dmf)));
            }
        }
        for (const auto& [otherPool, other] : m_anchorPools)
        {
            drf->AddLmf(otherPool, preferred); // §7.1: the ePMIP prefix set
            node->GetObject<Ipv6TunnelL4Protocol>()->AddPeer(FirstGlobal(other));
            if (other != anchor)
            {
                dmf->AddDomainPool(otherPool);
            }
        }
    }
}

} // namespace ns3
