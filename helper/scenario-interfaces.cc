/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Mobile nodes with several interfaces: one layer-2 mobility per interface, and the
// scenario's flow moves as changes of the logical interface's flow bindings.
#include "scenario-run.h"

#include "ns3/l2-mobility.h"
#include "ns3/log.h"
#include "ns3/logical-net-device.h"
#include "ns3/mn-agent.h"
#include "ns3/simulator.h"
#include "ns3/yans-wifi-helper.h"

#include <algorithm>
#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioInterfaces");

Ptr<L2Mobility>
ScenarioRun::InstallL2Mobility(const NodeConfig& mn, Ptr<MnAgent> agent)
{
    Ptr<LogicalNetDevice> logical = DynamicCast<LogicalNetDevice>(m_mnDevice.at(mn.name));
    std::vector<Ptr<L2Mobility>>& perInterface = m_interfaceL2[mn.name];
    if (!logical)
    {
        perInterface.push_back(
            m_access.CreateL2Mobility(m_mnDevice[mn.name], agent, m_accessAgent));
    }
    for (uint32_t i = 0; logical && i < logical->GetNPhysical(); ++i)
    {
        // The agent is not told of one interface's detach: it would drop the routes the
        // node learnt on its other links (MnAgent::NotifyDetached knows one link only).
        perInterface.push_back(
            m_access.CreateL2Mobility(logical->GetPhysical(i), nullptr, m_accessAgent));
    }
    MovePlan& plan = m_movePlans.emplace_back();
    std::vector<const AttachmentConfig*> moves = m_cfg.AttachmentsOf(mn.name);
    // Each interface's attachments are in time order already (ParseMobility); several
    // interfaces' are merged, a tie kept in file order as when all were scheduled at once.
    std::stable_sort(
        moves.begin(),
        moves.end(),
        [](const AttachmentConfig* a, const AttachmentConfig* b) { return a->atS < b->atS; });
    plan.moves.reserve(moves.size());
    for (const AttachmentConfig* a : moves)
    {
        plan.moves.push_back(static_cast<uint32_t>(a - m_cfg.mobility.data()));
    }
    plan.config = &m_cfg;
    plan.interfaces = &perInterface;
    plan.logical = logical;
    for (const auto& l2 : perInterface)
    {
        l2->TraceConnectWithoutContext("MoveBegins", MakeBoundCallback(&MoveBegins, &plan));
    }
    ScheduleNextMove(&plan);
    return perInterface.front();
}

void
ScenarioRun::ScheduleNextMove(MovePlan* plan)
{
    if (plan->next == plan->moves.size())
    {
        return;
    }
    const AttachmentConfig* a = &plan->config->mobility[plan->moves[plan->next++]];
    // ns-3 checks a delay's sign in debug builds only: one in the past would turn time back.
    NS_ABORT_MSG_IF(Seconds(a->atS) < Simulator::Now(),
                    "move plan of " << a->mn << " out of time order at " << a->atS << " s");
    size_t index =
        plan->logical && !a->interface.empty() ? plan->logical->FindPhysical(a->interface) : 0;
    plan->interfaces->at(index)->ScheduleAttach(Seconds(a->atS), a->attach);
}

void
ScenarioRun::MoveBegins(MovePlan* plan, const std::string&)
{
    ScheduleNextMove(plan);
}

std::vector<Mac48Address>
ScenarioRun::MobileNodeMacs(const std::string& mn) const
{
    Ptr<NetDevice> device = m_mnDevice.at(mn);
    Ptr<LogicalNetDevice> logical = DynamicCast<LogicalNetDevice>(device);
    std::vector<Mac48Address> macs;
    for (uint32_t i = 0; logical && i < logical->GetNPhysical(); ++i)
    {
        macs.push_back(Mac48Address::ConvertFrom(logical->GetPhysical(i)->GetAddress()));
    }
    if (macs.empty())
    {
        macs.push_back(Mac48Address::ConvertFrom(device->GetAddress()));
    }
    return macs;
}

void
ScenarioRun::ScheduleFlowMoves()
{
    for (size_t i = 0; i < m_cfg.flowMoves.size(); ++i)
    {
        Simulator::Schedule(Seconds(m_cfg.flowMoves[i].atS), &ScenarioRun::MoveFlow, this, i);
    }
}

void
ScenarioRun::MoveFlow(size_t index)
{
    const FlowMoveConfig& move = m_cfg.flowMoves[index];
    auto address = m_flowAddress.find(move.flow);
    if (address == m_flowAddress.end() || address->second.IsAny())
    {
        m_warnings.push_back(fmt::format("flow_moves[{}]: flow \"{}\" has no address at {} s; "
                                         "nothing moved",
                                         index,
                                         move.flow,
                                         move.atS));
        return;
    }
    const FlowConfig& flow =
        *std::find_if(m_cfg.flows.begin(), m_cfg.flows.end(), [&move](const FlowConfig& f) {
            return f.name == move.flow;
        });
    bool downlink = m_cfg.FindNode(flow.to)->role == "mn";
    auto logical = DynamicCast<LogicalNetDevice>(m_mnDevice.at(downlink ? flow.to : flow.from));
    // The flow is its prefix: per-prefix anchoring (seed 003 §4.3) moves the prefix.
    logical->BindPrefix(address->second, 64, logical->FindPhysical(move.interface));
    // ... and asks the routers of its links to serve it on the new one (a MAR does).
    m_mnAgents.at(downlink ? flow.to : flow.from)
        ->SolicitFor(HomeNetworkPrefix::Make(address->second, 64));
    NS_LOG_INFO("flow " << move.flow << " (" << address->second << ") moved to " << move.interface);
}

} // namespace ns3
