/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-monitor.h"

#include "ns3/boolean.h"
#include "ns3/l2-mobility.h"
#include "ns3/log.h"
#include "ns3/mn-agent.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/simulator.h"

#include <algorithm>
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
                            .AddConstructor<HandoverMonitor>()
                            // Off by default: 16 bytes per packet, for runs of millions.
                            .AddAttribute("PacketTrace",
                                          "Keep every packet's send and delivery times for "
                                          "GetPackets (the packets.csv trace).",
                                          BooleanValue(false),
                                          MakeBooleanAccessor(&HandoverMonitor::m_packetTrace),
                                          MakeBooleanChecker());
    return tid;
}

HandoverMonitor::HandoverMonitor()
    : m_packetTrace(false)
{
}

HandoverMonitor::~HandoverMonitor()
{
}

uint32_t
HandoverMonitor::NodeIndex(const std::string& name)
{
    auto [it, added] = m_nodeIds.emplace(name, m_nodes.size());
    if (added)
    {
        m_nodes.push_back(Node{name});
    }
    return it->second;
}

void
HandoverMonitor::WatchMobileNode(const std::string& mn, Ptr<L2Mobility> link, Ptr<MnAgent> agent)
{
    uint32_t id = NodeIndex(mn);
    m_nodes[id].watched = true;
    link->TraceConnectWithoutContext("L2Down",
                                     MakeCallback(&HandoverMonitor::L2Down, this).Bind(id));
    link->TraceConnectWithoutContext("L2Up", MakeCallback(&HandoverMonitor::L2Up, this).Bind(id));
    agent->TraceConnectWithoutContext("HandoverComplete",
                                      MakeCallback(&HandoverMonitor::Complete, this).Bind(id));
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
    f.mn = NodeIndex(mn);
    f.cn = NodeIndex(cn);
    m_flows.push_back(f);
    return m_flows.size() - 1;
}

void
HandoverMonitor::SetFlowAddress(uint32_t flow, const std::string& address)
{
    m_flows[flow].record.address = address;
}

void
HandoverMonitor::L2Down(uint32_t mn, const std::string& from)
{
    double now = Simulator::Now().GetSeconds();
    Node& node = m_nodes[mn];
    node.open = m_handovers.size();
    node.history.push_back(m_handovers.size());
    m_handovers.push_back(
        HandoverRecord{now, node.name, from, "", now, NaN, NaN, NaN, NaN, NaN, 0});
}

void
HandoverMonitor::L2Up(uint32_t mn, const std::string& to)
{
    long i = m_nodes[mn].open;
    if (i >= 0 && m_handovers[i].to.empty())
    {
        m_handovers[i].to = to;
        m_handovers[i].l2UpS = Simulator::Now().GetSeconds();
    }
}

void
HandoverMonitor::Complete(uint32_t mn)
{
    long i = m_nodes[mn].open;
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
    double now = Simulator::Now().GetSeconds();
    f.sentCount += f.seqs.Sent(seq, now) ? 1 : 0;
    if (m_packetTrace)
    {
        Trace(f.sentAt, seq, now);
    }
}

void
HandoverMonitor::Trace(std::vector<double>& times, uint32_t seq, double t)
{
    if (seq >= times.size())
    {
        times.resize(seq + 1, NaN);
    }
    times[seq] = t;
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
    if (!f.seqs.Received(seq))
    {
        return; // a duplicate adds nothing
    }
    f.receivedCount++;
    if (m_packetTrace)
    {
        Trace(f.receivedAt, seq, now);
    }
    f.delaySum += now - header.GetTs().GetSeconds();
    AddDelay(f, header.GetTs().GetSeconds(), now);
    if (!f.downlink || f.record.startS < 0)
    {
        return;
    }
    long i = m_nodes[f.mn].open;
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

std::size_t
HandoverMonitor::GetSequenceState() const
{
    std::size_t n = 0;
    for (const auto& f : m_flows)
    {
        n += f.seqs.GetUnreceived().size() + f.seqs.GetRuns();
    }
    return n;
}

std::vector<PacketRecord>
HandoverMonitor::GetPackets() const
{
    std::vector<PacketRecord> out;
    if (!m_packetTrace)
    {
        return out;
    }
    for (const auto& f : m_flows)
    {
        for (uint32_t seq = 0; seq < f.sentAt.size(); ++seq)
        {
            // A packet delivered but never seen sent does not count in flows.csv either.
            if (!std::isnan(f.sentAt[seq]))
            {
                double rx = seq < f.receivedAt.size() ? f.receivedAt[seq] : NaN;
                out.push_back(PacketRecord{f.record.flow, seq, f.sentAt[seq], rx});
            }
        }
    }
    return out;
}

uint32_t
HandoverMonitor::End(const Flow& f, bool receiver)
{
    // A flow between two mobile nodes is "downlink" to its mn, so the mn receives.
    return receiver == f.downlink ? f.mn : f.cn;
}

long
HandoverMonitor::PeriodAt(uint32_t mn, double t) const
{
    if (!m_nodes[mn].watched)
    {
        return -2;
    }
    const std::vector<long>& mine = m_nodes[mn].history;
    auto after = std::upper_bound(mine.begin(), mine.end(), t, [this](double x, long i) {
        return x < m_handovers[i].l2DownS;
    });
    if (after == mine.begin())
    {
        return -1;
    }
    long i = *(after - 1);
    // NaN (not yet re-attached) compares false: detached.
    return m_handovers[i].l2UpS <= t ? i : -2;
}

void
HandoverMonitor::AddDelay(Flow& f, double sentS, double receivedS)
{
    // The receiver's path is the one it was attached through on arrival; the sender's, the
    // one it sent through. Packets that reach a detached node (a device's retries) say
    // nothing about either router's path.
    for (bool receiver : {true, false})
    {
        long period = PeriodAt(End(f, receiver), receiver ? receivedS : sentS);
        if (period >= -1)
        {
            PathDelay& d = (receiver ? f.atReceiver : f.atSender)[period];
            d.sum += receivedS - sentS;
            d.count++;
        }
    }
}

std::vector<HandoverMonitor::Threshold>
HandoverMonitor::Thresholds(const Flow& f, bool receiver) const
{
    std::vector<Threshold> out;
    const Node& node = m_nodes[End(f, receiver)];
    if (!node.watched)
    {
        return out;
    }
    const std::map<long, PathDelay>& periods = receiver ? f.atReceiver : f.atSender;
    double flowMean = f.receivedCount ? f.delaySum / f.receivedCount : 0;
    long previous = -1;
    for (long i : node.history)
    {
        const HandoverRecord& h = m_handovers[i];
        if (f.record.startS < h.l2DownS)
        {
            // The path the node leaves: a packet still on it at the detach is lost. With no
            // packet delivered through that router, the flow's mean is the best estimate.
            auto p = periods.find(previous);
            double delay = p != periods.end() ? p->second.sum / p->second.count : flowMean;
            // Kept in order (so that a binary search finds the last one) even when a stay
            // is shorter than the difference between two paths' delays.
            double sentS =
                out.empty() ? h.l2DownS - delay : std::max(out.back().sentS, h.l2DownS - delay);
            out.push_back(Threshold{sentS, i});
        }
        previous = i;
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
    auto last = [](const std::vector<Threshold>& t, double sentS) {
        auto after = std::upper_bound(t.begin(), t.end(), sentS, [](double x, const Threshold& y) {
            return x < y.sentS;
        });
        return after == t.begin() ? nullptr : &*(after - 1);
    };
    for (const auto& f : m_flows)
    {
        std::vector<Threshold> atReceiver = Thresholds(f, true);
        std::vector<Threshold> atSender = Thresholds(f, false); // cn may move
        for (const SeqLedger::Unreceived& lost : f.seqs.GetUnreceived())
        {
            double sentAt = lost.second;
            // Caught by the latest handover, of either end, whose old path it was still on.
            const Threshold* r = last(atReceiver, sentAt);
            const Threshold* s = last(atSender, sentAt);
            const Threshold* charged = !s || (r && r->sentS >= s->sentS) ? r : s;
            if (charged)
            {
                out[charged->handover].lostPackets++;
            }
        }
    }
    return out;
}

} // namespace ns3
