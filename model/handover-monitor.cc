/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-monitor.h"

#include "ns3/l2-mobility.h"
#include "ns3/log.h"
#include "ns3/mn-agent.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/simulator.h"

#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverMonitor");
NS_OBJECT_ENSURE_REGISTERED(HandoverMonitor);

namespace
{
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
}

TypeId
HandoverMonitor::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HandoverMonitor")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HandoverMonitor>();
    return tid;
}

HandoverMonitor::HandoverMonitor()
{
}

HandoverMonitor::~HandoverMonitor()
{
}

void
HandoverMonitor::WatchMobileNode(const std::string& mn, Ptr<L2Mobility> link, Ptr<MnAgent> agent)
{
    link->TraceConnectWithoutContext("L2Down",
                                     MakeCallback(&HandoverMonitor::L2Down, this).Bind(mn));
    link->TraceConnectWithoutContext("L2Up", MakeCallback(&HandoverMonitor::L2Up, this).Bind(mn));
    agent->TraceConnectWithoutContext("HandoverComplete",
                                      MakeCallback(&HandoverMonitor::Complete, this).Bind(mn));
    m_open[mn] = -1;
}

uint32_t
HandoverMonitor::AddFlow(const std::string& name,
                         const std::string& mn,
                         const std::string& cn,
                         bool downlink,
                         double startS)
{
    Flow f;
    f.record = FlowRecord{name, mn, cn, startS, 0, 0, 0, NaN, ""};
    f.downlink = downlink;
    m_flows.push_back(f);
    return m_flows.size() - 1;
}

void
HandoverMonitor::SetFlowAddress(uint32_t flow, const std::string& address)
{
    m_flows[flow].record.address = address;
}

void
HandoverMonitor::L2Down(std::string mn, const std::string& from)
{
    double now = Simulator::Now().GetSeconds();
    m_open[mn] = m_handovers.size();
    m_handovers.push_back(HandoverRecord{now, mn, from, "", now, NaN, NaN, NaN, NaN, NaN, 0});
}

void
HandoverMonitor::L2Up(std::string mn, const std::string& to)
{
    long i = m_open[mn];
    if (i >= 0 && m_handovers[i].to.empty())
    {
        m_handovers[i].to = to;
        m_handovers[i].l2UpS = Simulator::Now().GetSeconds();
    }
}

void
HandoverMonitor::Complete(std::string mn)
{
    long i = m_open[mn];
    if (i < 0 || std::isnan(m_handovers[i].l2UpS) || !std::isnan(m_handovers[i].signalingDoneS))
    {
        return;
    }
    HandoverRecord& h = m_handovers[i];
    h.signalingDoneS = Simulator::Now().GetSeconds();
    h.latencyMs = (h.signalingDoneS - h.l2DownS) * 1e3;
}

void
HandoverMonitor::PacketSent(uint32_t flow,
                            Ptr<const Packet>,
                            const Address&,
                            const Address&,
                            const SeqTsSizeHeader& header)
{
    Flow& f = m_flows[flow];
    uint32_t seq = header.GetSeq();
    if (seq >= f.sentAt.size())
    {
        f.sentAt.resize(seq + 1, NaN);
    }
    f.sentCount += std::isnan(f.sentAt[seq]) ? 1 : 0;
    f.sentAt[seq] = Simulator::Now().GetSeconds();
}

void
HandoverMonitor::PacketReceived(uint32_t flow,
                                Ptr<const Packet>,
                                const Address&,
                                const Address&,
                                const SeqTsSizeHeader& header)
{
    Flow& f = m_flows[flow];
    double now = Simulator::Now().GetSeconds();
    uint32_t seq = header.GetSeq();
    if (seq >= f.received.size())
    {
        f.received.resize(seq + 1, false);
    }
    if (f.received[seq])
    {
        return; // a duplicate adds nothing
    }
    f.received[seq] = true;
    f.receivedCount++;
    f.delaySum += now - header.GetTs().GetSeconds();
    if (!f.downlink || f.record.startS < 0)
    {
        return;
    }
    long i = m_open[f.record.mn];
    // Only after re-attachment: a frame already in flight at the detach is still
    // delivered by some devices (Wi-Fi retries), which says nothing about the handover.
    if (i >= 0 && std::isnan(m_handovers[i].firstRxS) && f.record.startS < m_handovers[i].l2DownS &&
        now >= m_handovers[i].l2UpS)
    {
        HandoverRecord& h = m_handovers[i];
        h.firstRxS = now;
        h.interruptionMs = (now - h.l2DownS) * 1e3;
    }
}

std::vector<FlowRecord>
HandoverMonitor::GetFlows() const
{
    std::vector<FlowRecord> out;
    for (const auto& f : m_flows)
    {
        FlowRecord r = f.record;
        r.sent = f.sentCount;
        r.received = f.receivedCount;
        r.lost = r.sent - std::min(r.sent, r.received);
        r.meanDelayMs = r.received ? f.delaySum / r.received * 1e3 : NaN;
        out.push_back(r);
    }
    return out;
}

std::vector<HandoverRecord>
HandoverMonitor::GetHandovers() const
{
    std::vector<HandoverRecord> out = m_handovers;
    for (auto& h : out)
    {
        h.lostPackets = 0;
    }
    for (const auto& f : m_flows)
    {
        double meanDelay = f.receivedCount ? f.delaySum / f.receivedCount : 0;
        for (uint32_t seq = 0; seq < f.sentAt.size(); ++seq)
        {
            double sentAt = f.sentAt[seq];
            if (std::isnan(sentAt) || (seq < f.received.size() && f.received[seq]))
            {
                continue;
            }
            // The packet was caught by the last handover that began before it would have arrived.
            long charged = -1;
            for (size_t i = 0; i < out.size(); ++i)
            {
                bool end = out[i].mn == f.record.mn || out[i].mn == f.record.cn; // cn may move
                if (end && out[i].l2DownS <= sentAt + meanDelay && f.record.startS < out[i].l2DownS)
                {
                    charged = i;
                }
            }
            if (charged >= 0)
            {
                out[charged].lostPackets++;
            }
        }
    }
    return out;
}

} // namespace ns3
