/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002): the fully distributed roles (scenario-location.cc) plus a
// home address allocation (HAA) per local network and the HAA-MR interface.
#include "scenario-run.h"

#include "ns3/dmm-mip-mr-agent.h"
#include "ns3/haa-agent.h"
#include "ns3/log.h"
#include "ns3/yans-wifi-helper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioDmmMip");

void
ScenarioRun::InstallHomeAddressAgents()
{
    const dmm::FunctionSpec* spec = Role("anchor").Function("haa_server");
    if (spec == nullptr)
    {
        return;
    }
    // §3.2 Fig 1, local networks 1 and 2: the HAA sits with the network's LM.
    std::map<Ipv6Address, Ptr<HaaAgent>> haas;
    for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
    {
        ObjectFactory factory = spec->Factory();
        factory.Set("ProcessingDelay", TimeValue(ScenarioMilliseconds(m_cfg.anchorProcessingMs)));
        Ptr<HaaAgent> haa = factory.Create<HaaAgent>();
        haa->Setup(FirstGlobal(n->name));
        m_nodes[n->name]->AddApplication(haa);
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
        mr->SetHaa(LmaFor(name)); // co-located with the network's LM
        for (const NodeConfig* n : m_cfg.NodesWithRole("anchor"))
        {
            // §4.2: the home HAA of an address homed at a network's LM sits with that LM.
            mr->AddHomeHaa(FirstGlobal(n->name), FirstGlobal(n->name));
        }
    }
}

} // namespace ns3
