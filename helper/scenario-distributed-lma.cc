/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The distributed-lma profile's wiring (seed 004): every LMA knows the others' pools
// (anycast of the superset, §4.2; the H-LMA of a prefix, §4.4) and each node's H-LMA.
#include "scenario-run.h"

#include "ns3/dlma-agent.h"
#include "ns3/log.h"
#include "ns3/yans-wifi-helper.h"

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
        for (const auto& [pool, anchor] : m_anchorPools)
        {
            if (FirstGlobal(anchor) != agent->GetAddress())
            {
                agent->AddPeer(pool, FirstGlobal(anchor));
            }
        }
        // §4.1: a node registers in the network of its first attachment.
        for (const NodeConfig* mn : m_cfg.NodesWithRole("mn"))
        {
            auto attachments = m_cfg.AttachmentsOf(mn->name);
            if (!attachments.empty())
            {
                agent->SetHomeLma(mn->name + "@dmm", LmaFor(attachments.front()->attach));
            }
        }
    }
}

} // namespace ns3
