/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The sources of udp flows: packet by packet (OnOffApplication) or, under "data": "fluid",
// counted between handovers (FluidFlow).
#include "scenario-run.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/on-off-helper.h"
#include "ns3/uinteger.h"
#include "ns3/yans-wifi-helper.h"

#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioFluid");

Ptr<Application>
ScenarioRun::InstallUdpSource(size_t index,
                              uint32_t id,
                              const Inet6SocketAddress& peer,
                              Ipv6Address src,
                              Ptr<Application> sink)
{
    const FlowConfig& f = m_cfg.flows[index];
    DataRate rate(f.sizeBytes * 8 * 1000.0 / f.intervalMs);
    // Built in both modes: its random variables take automatic RNG stream numbers, and
    // everything created later (RS and DAD delays) must draw the same numbers in both.
    OnOffHelper onoff("ns3::UdpSocketFactory", peer);
    onoff.SetConstantRate(rate, f.sizeBytes);
    if (m_cfg.dataMode != "fluid")
    {
        onoff.SetAttribute("EnableSeqTsSizeHeader", BooleanValue(true));
        onoff.SetAttribute("Local", AddressValue(Inet6SocketAddress(src, 0)));
        return onoff.Install(m_nodes[f.from]).Get(0);
    }
    Ptr<FluidFlow> flow = CreateObject<FluidFlow>();
    flow->SetAttribute("Remote", AddressValue(peer));
    flow->SetAttribute("Local", AddressValue(Inet6SocketAddress(src, 0)));
    flow->SetAttribute("PacketSize", UintegerValue(f.sizeBytes));
    flow->SetAttribute("DataRate", DataRateValue(rate));
    if (m_cfg.l2.type == "wifi")
    {
        // The node leaves its access point only after missed beacons (l2 keys).
        double holdMs = (m_cfg.l2.maxMissedBeacons + 2) * m_cfg.l2.beaconIntervalMs;
        flow->SetAttribute("Hold", TimeValue(ScenarioMilliseconds(holdMs)));
    }
    m_nodes[f.from]->AddApplication(flow);
    sink->TraceConnectWithoutContext("RxWithSeqTsSize", MakeCallback(&FluidFlow::Delivered, flow));
    AnnouncePathChanges(index, flow);
    m_fluid[id] = flow;
    return flow;
}

void
ScenarioRun::AnnouncePathChanges(size_t index, Ptr<FluidFlow> flow)
{
    const FlowConfig& f = m_cfg.flows[index];
    for (const std::string& end : {f.from, f.to})
    {
        auto agent = m_mnAgents.find(end);
        if (agent == m_mnAgents.end())
        {
            continue;
        }
        m_l2.at(end)->TraceConnectWithoutContext("L2Down",
                                                 MakeCallback(&FluidFlow::EndDetached, flow));
        agent->second->TraceConnectWithoutContext("HandoverComplete",
                                                  MakeCallback(&FluidFlow::EndCompleted, flow));
        for (const AttachmentConfig* a : m_cfg.AttachmentsOf(end))
        {
            if (a->atS > f.startS)
            {
                flow->AddPathChange(Seconds(a->atS));
            }
        }
    }
    for (const FlowMoveConfig& move : m_cfg.flowMoves)
    {
        if (move.flow == f.name && move.atS > f.startS)
        {
            flow->AddPathChange(Seconds(move.atS));
        }
    }
}

void
ScenarioRun::AddFluidPackets(RunResults& r) const
{
    for (const auto& [id, flow] : m_fluid)
    {
        FluidFlow::Account counted = flow->Finish(Simulator::Now());
        FlowRecord& rec = r.flows.at(id);
        double delaySumS = rec.received ? rec.meanDelayMs / 1e3 * rec.received : 0;
        rec.sent += counted.sent;
        rec.received += counted.delivered;
        rec.lost = rec.sent - std::min(rec.sent, rec.received);
        rec.meanDelayMs = rec.received ? (delaySumS + counted.delaySumS) / rec.received * 1e3
                                       : std::numeric_limits<double>::quiet_NaN();
        r.packets.sent += counted.sent;
        r.packets.delivered += counted.delivered;
        // Counted packets still on their way at the end of the run.
        r.packets.inFlight.onLinks += counted.sent - counted.delivered;
    }
}

} // namespace ns3
