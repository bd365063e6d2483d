/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-monitor.h"

#include "ns3/boolean.h"
#include "ns3/callback.h"
#include "ns3/l2-mobility.h"
#include "ns3/log.h"
#include "ns3/mn-agent.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

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
                                          MakeBooleanChecker())
                            .AddAttribute("RecordSink",
                                          "Where each handover row goes once it is final, "
                                          "in time order (none: kept until GetHandovers).",
                                          CallbackValue(),
                                          MakeCallbackAccessor(&HandoverMonitor::m_sink),
                                          MakeCallbackChecker())
                            // Bounds the one-way delay of a delivered packet: beyond it a
                            // packet counts as lost in its (already written) row.
                            .AddAttribute("SettleTime",
                                          "With a RecordSink: how long after its send a packet "
                                          "may still be delivered, and after the node's next "
                                          "handover a row is final.",
                                          TimeValue(Seconds(20)),
                                          MakeTimeAccessor(&HandoverMonitor::m_settleTime),
                                          MakeTimeChecker(MilliSeconds(1)));
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
    f.lastThreshold[RECEIVER] = NaN;
    f.lastThreshold[SENDER] = NaN;
    // Moved, not copied, when m_flows grows (a copy doubles the flows' memory for a time).
    static_assert(std::is_nothrow_move_constructible<Flow>::value, "Flow must move");
    static_assert(std::is_nothrow_move_constructible<Node>::value, "Node must move");
    uint32_t id = m_flows.size();
    m_nodes[f.mn].flows.push_back(id);
    if (f.cn != f.mn)
    {
        m_nodes[f.cn].flows.push_back(id);
    }
    m_flows.push_back(std::move(f));
    return id;
}

void
HandoverMonitor::SetFlowAddress(uint32_t flow, const std::string& address)
{
    m_flows[flow].record.address = address;
}

HandoverMonitor::Row&
HandoverMonitor::At(long i)
{
    return m_rows[i - m_first];
}

const HandoverMonitor::Row&
HandoverMonitor::At(long i) const
{
    return m_rows[i - m_first];
}

void
HandoverMonitor::L2Down(uint32_t mn, const std::string& from)
{
    double now = Simulator::Now().GetSeconds();
    if (!m_sink.IsNull() && now >= m_nextSettleS)
    {
        // Thresholds once the period's packets are in; rows and packets a delay later.
        double settle = m_settleTime.GetSeconds();
        Settle(now - settle / 2, now - settle, false);
        m_nextSettleS = now + settle / 2;
    }
    Node& node = m_nodes[mn];
    long i = m_first + m_rows.size();
    node.open = i;
    node.history.push_back(i);
    m_rows.push_back(
        Row{HandoverRecord{now, node.name, from, "", now, NaN, NaN, NaN, NaN, NaN, 0}, mn});
}

void
HandoverMonitor::L2Up(uint32_t mn, const std::string& to)
{
    long i = m_nodes[mn].open;
    if (i >= 0 && At(i).record.to.empty())
    {
        At(i).record.to = to;
        At(i).record.l2UpS = Simulator::Now().GetSeconds();
    }
}

void
HandoverMonitor::Complete(uint32_t mn)
{
    long i = m_nodes[mn].open;
    if (i < 0 || std::isnan(At(i).record.l2UpS) || !std::isnan(At(i).record.signalingDoneS))
    {
        return;
    }
    HandoverRecord& h = At(i).record;
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
    if (header.GetTs().GetSeconds() < f.settledBefore)
    {
        m_late++; // already given up as lost in a row handed on
    }
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
    if (i < 0)
    {
        return;
    }
    HandoverRecord& h = At(i).record;
    // Only after re-attachment: a frame already in flight at the detach is still
    // delivered by some devices (Wi-Fi retries), which says nothing about the handover.
    if (std::isnan(h.firstRxS) && f.record.startS < h.l2DownS && now >= h.l2UpS)
    {
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
    const HeldQueue<long>& mine = m_nodes[mn].history;
    auto after = std::upper_bound(mine.begin(), mine.end(), t, [this](double x, long i) {
        return x < At(i).record.l2DownS;
    });
    if (after == mine.begin())
    {
        return -1;
    }
    long i = *(after - 1);
    // NaN (not yet re-attached) compares false: detached.
    return At(i).record.l2UpS <= t ? i : -2;
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
            PathDelay& d = f.periods[receiver ? RECEIVER : SENDER][period];
            d.sum += receivedS - sentS;
            d.count++;
        }
    }
}

void
HandoverMonitor::AddThresholds(long k)
{
    const Row& row = At(k);
    const HandoverRecord& h = row.record;
    Node& node = m_nodes[row.node];
    long previous = node.thresholded;
    for (uint32_t id : node.flows)
    {
        Flow& f = m_flows[id];
        Side side = End(f, true) == row.node ? RECEIVER : SENDER;
        std::map<long, PathDelay>& periods = f.periods[side];
        if (f.record.startS < h.l2DownS)
        {
            // The path the node leaves: a packet still on it at the detach is lost. With no
            // packet delivered through that router, the flow's mean is the best estimate.
            auto p = periods.find(previous);
            double flowMean = f.receivedCount ? f.delaySum / f.receivedCount : 0;
            double delay = p != periods.end() ? p->second.sum / p->second.count : flowMean;
            // Kept in order (so that a binary search finds the last one) even when a stay
            // is shorter than the difference between two paths' delays.
            double sentS = h.l2DownS - delay;
            if (!std::isnan(f.lastThreshold[side]))
            {
                sentS = std::max(f.lastThreshold[side], sentS);
            }
            f.lastThreshold[side] = sentS;
            f.thresholds[side].push_back(Threshold{sentS, k});
        }
        periods.erase(periods.begin(), periods.lower_bound(k)); // served their threshold
    }
    node.thresholded = k;
}

void
HandoverMonitor::Charge(const Flow& f, const SeqLedger::Unreceived& lost)
{
    auto last = [&lost](const HeldQueue<Threshold>& t) -> const Threshold* {
        auto after =
            std::upper_bound(t.begin(), t.end(), lost.second, [](double x, const Threshold& y) {
                return x < y.sentS;
            });
        return after == t.begin() ? nullptr : &*(after - 1);
    };
    // Caught by the latest handover, of either end, whose old path it was still on.
    const Threshold* r = last(f.thresholds[RECEIVER]);
    const Threshold* s = last(f.thresholds[SENDER]);
    const Threshold* charged = !s || (r && r->sentS >= s->sentS) ? r : s;
    if (charged && charged->handover < m_first)
    {
        m_late++; // its row was handed on already (a send time out of order)
    }
    else if (charged)
    {
        At(charged->handover).record.lostPackets++;
    }
}

void
HandoverMonitor::Settle(double thresholdsS, double packetsS, bool all)
{
    long end = m_first + m_rows.size();
    while (m_thresholded < end && At(m_thresholded).record.l2DownS <= thresholdsS)
    {
        AddThresholds(m_thresholded++);
    }
    for (Flow& f : m_flows)
    {
        f.seqs.Settle(packetsS, [this, &f](const SeqLedger::Unreceived& u) { Charge(f, u); });
        f.settledBefore = std::max(f.settledBefore, packetsS);
        for (auto& t : f.thresholds)
        {
            // The latest threshold before the bound still catches packets sent after it.
            while (t.size() > 1 && t[1].sentS <= packetsS)
            {
                t.pop_front();
            }
        }
    }
    while (!m_rows.empty())
    {
        const HeldQueue<long>& history = m_nodes[m_rows.front().node].history;
        // Final once its node moved on before the bound: no later packet is charged to it.
        if (!all && (history.size() < 2 || At(history[1]).record.l2DownS >= packetsS))
        {
            break;
        }
        Release();
    }
}

void
HandoverMonitor::Release()
{
    Row& row = m_rows.front();
    NS_ASSERT(m_nodes[row.node].history.front() == m_first);
    m_nodes[row.node].history.pop_front();
    if (m_sink.IsNull())
    {
        m_done.push_back(std::move(row.record));
    }
    else
    {
        m_sink(row.record);
    }
    m_rows.pop_front();
    m_first++;
}

std::vector<HandoverRecord>
HandoverMonitor::GetHandovers()
{
    double inf = std::numeric_limits<double>::infinity();
    Settle(inf, inf, true);
    return std::move(m_done);
}

uint64_t
HandoverMonitor::GetLateDeliveries() const
{
    return m_late;
}

std::size_t
HandoverMonitor::GetHeldHandovers() const
{
    return m_rows.size();
}

} // namespace ns3
