/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "path-monitor.h"

#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-records.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/simulator.h"
#include "ns3/virtual-net-device.h"

#include <algorithm>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PathMonitor");

NS_OBJECT_ENSURE_REGISTERED(PathMonitor);

TypeId
PathMonitor::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PathMonitor")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<PathMonitor>()
                            .AddAttribute("MaxTransit",
                                          "How long a packet may stay in the network and "
                                          "still be followed; older ones (lost) are "
                                          "forgotten, which bounds the monitor's memory.",
                                          TimeValue(Seconds(60)),
                                          MakeTimeAccessor(&PathMonitor::m_maxTransit),
                                          MakeTimeChecker(Seconds(0)));
    return tid;
}

PathMonitor::PathMonitor()
    : m_sum(0),
      m_count(0),
      m_expired(0)
{
}

PathMonitor::~PathMonitor()
{
}

void
PathMonitor::Watch(Ptr<Node> node)
{
    node->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
        "Tx",
        MakeCallback(&PathMonitor::Tx, this));
}

void
PathMonitor::SetShortestPathCallback(ShortestPathCallback cb)
{
    m_shortest = cb;
}

void
PathMonitor::Tx(Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface)
{
    auto it = m_links.find(p->GetUid());
    // A host's tunnel interface is not a link: the packet leaves again on a real one.
    if (it != m_links.end() && !DynamicCast<VirtualNetDevice>(ipv6->GetNetDevice(interface)))
    {
        it->second.links++;
    }
}

void
PathMonitor::PacketSent(uint32_t flow,
                        Ptr<const Packet> p,
                        const Address&,
                        const Address&,
                        const SeqTsSizeHeader&)
{
    m_links[p->GetUid()] = InFlight{0, Simulator::Now()};
    m_horizon.Add(p->GetUid(), Simulator::Now());
    Time horizon = Simulator::Now() - m_maxTransit;
    m_horizon.Expire(horizon, [this, horizon](uint64_t uid) {
        auto it = m_links.find(uid); // if still there, never received: nothing removes it
        if (it != m_links.end() && it->second.sent < horizon)
        {
            m_links.erase(it);
            m_expired++;
        }
    });
    FlowTiming& t = m_flowTimings[flow];
    if (!t.sent)
    {
        t.sent = true;
        t.firstSent = Simulator::Now();
    }
}

void
PathMonitor::PacketReceived(uint32_t flow, Ptr<const Packet> p, const Address&)
{
    auto it = m_links.find(p->GetUid());
    if (it == m_links.end())
    {
        return; // a stream (TCP) packet: segments are not the application's packets
    }
    uint32_t links = it->second.links;
    uint32_t shortest = m_shortest.IsNull() ? 0 : m_shortest(flow);
    if (shortest > 0)
    {
        m_sum += static_cast<double>(links) / shortest;
        m_count++;
    }
    FlowPath& f = m_flowPaths[flow];
    f.minLinks = f.maxLinks == 0 ? links : std::min(f.minLinks, links);
    f.maxLinks = std::max(f.maxLinks, links);
    f.lastLinks = links;
    f.lastShortestLinks = shortest;
    RecordTiming(flow, it->second, shortest);
    m_links.erase(it);
}

void
PathMonitor::RecordTiming(uint32_t flow, const InFlight& packet, uint32_t shortest)
{
    Time now = Simulator::Now();
    FlowTiming& t = m_flowTimings[flow];
    if (!t.delivered)
    {
        t.delivered = true;
        t.firstDelivery = now;
    }
    if (shortest == 0)
    {
        return; // the MN is between access routers: no shortest path to compare with
    }
    if (packet.links > shortest)
    {
        // Sent before the first optimal delivery: routed before the path was optimised
        // (until that delivery it is in the future, so every detour counts).
        if (!t.optimized || packet.sent < t.optimizedAt)
        {
            t.detoured++;
        }
    }
    else if (!t.optimized)
    {
        t.optimized = true;
        t.optimizedAt = now;
    }
}

PathMonitor::FlowTiming
PathMonitor::GetFlowTiming(uint32_t flow) const
{
    auto it = m_flowTimings.find(flow);
    return it == m_flowTimings.end() ? FlowTiming{} : it->second;
}

PathMonitor::FlowPath
PathMonitor::GetFlowPath(uint32_t flow) const
{
    auto it = m_flowPaths.find(flow);
    return it == m_flowPaths.end() ? FlowPath{} : it->second;
}

void
PathMonitor::FillFlowTiming(uint32_t flow, FlowRecord& record) const
{
    FlowTiming t = GetFlowTiming(flow);
    if (!t.sent)
    {
        return; // not followed per packet (a TCP flow) or never sent
    }
    record.timed = true;
    if (t.delivered)
    {
        record.firstPacketDelayMs = (t.firstDelivery - t.firstSent).GetSeconds() * 1e3;
    }
    if (t.optimized)
    {
        record.optimizedAfterMs = (t.optimizedAt - t.firstSent).GetSeconds() * 1e3;
    }
    record.detouredPackets = t.detoured;
}

uint64_t
PathMonitor::GetExpired() const
{
    return m_expired;
}

std::size_t
PathMonitor::GetFollowed() const
{
    return m_links.size();
}

double
PathMonitor::GetMeanStretch() const
{
    return m_count ? m_sum / m_count : std::numeric_limits<double>::quiet_NaN();
}

} // namespace ns3
