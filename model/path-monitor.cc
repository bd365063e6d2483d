/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "path-monitor.h"

#include "ns3/log.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
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
                            .AddConstructor<PathMonitor>();
    return tid;
}

PathMonitor::PathMonitor()
    : m_sum(0),
      m_count(0)
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
        it->second++;
    }
}

void
PathMonitor::PacketSent(uint32_t,
                        Ptr<const Packet> p,
                        const Address&,
                        const Address&,
                        const SeqTsSizeHeader&)
{
    m_links[p->GetUid()] = 0;
}

void
PathMonitor::PacketReceived(uint32_t flow, Ptr<const Packet> p, const Address&)
{
    auto it = m_links.find(p->GetUid());
    if (it == m_links.end())
    {
        return; // a stream (TCP) packet: segments are not the application's packets
    }
    uint32_t shortest = m_shortest.IsNull() ? 0 : m_shortest(flow);
    if (shortest > 0)
    {
        m_sum += static_cast<double>(it->second) / shortest;
        m_count++;
    }
    FlowPath& f = m_flowPaths[flow];
    f.minLinks = f.maxLinks == 0 ? it->second : std::min(f.minLinks, it->second);
    f.maxLinks = std::max(f.maxLinks, it->second);
    f.lastLinks = it->second;
    f.lastShortestLinks = shortest;
    m_links.erase(it);
}

PathMonitor::FlowPath
PathMonitor::GetFlowPath(uint32_t flow) const
{
    auto it = m_flowPaths.find(flow);
    return it == m_flowPaths.end() ? FlowPath{} : it->second;
}

double
PathMonitor::GetMeanStretch() const
{
    return m_count ? m_sum / m_count : std::numeric_limits<double>::quiet_NaN();
}

} // namespace ns3
