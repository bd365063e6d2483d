/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HANDOVER_MONITOR_H
#define DMM_HANDOVER_MONITOR_H

#include "ns3/callback.h"
#include "ns3/held-queue.h"
#include "ns3/home-address-allocation.h"
#include "ns3/mobility-records.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/seq-ledger.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class L2Mobility;
class MnAgent;
class SeqTsSizeHeader;
class Packet;
class Address;

/**
 * \ingroup dmm
 * \brief Measures handovers and flows from trace sources only.
 *
 * A handover runs from the layer-2 detach to the next one. Its latency ends with the
 * first router advertisement the mobile node receives after re-attaching (the moment
 * it may again use its addresses); its interruption ends with the first packet of a
 * downlink flow older than the handover. A lost packet (sent, never delivered) is
 * charged by the path it was sent on: to the last handover of either end whose detach
 * happened before the packet would have passed that end's old point of attachment, i.e.
 * send time + the flow's mean one-way delay measured while that end was attached there
 * (its delivered packets partitioned by attachment period). A packet sent after that
 * point goes to the new router and belongs to the same handover until the node leaves
 * the new router in turn.
 *
 * Per packet it keeps nothing that a delivery makes useless: the send time of each packet
 * not (yet) delivered and the runs of consecutive sequence numbers (SeqLedger), so its
 * memory grows with the losses and the handovers, not with the traffic; flow ends are
 * node indices resolved when the flow is declared.
 *
 * With a RecordSink, a handover's row is handed over during the run once it is final, in
 * the order GetHandovers gives, so that a long run keeps only the recent rows: a row is
 * final when the node's next handover began SettleTime ago (its window of lost packets is
 * closed, and every packet of it was delivered or is given up as lost). Checked at each
 * handover (no events of its own); a node that stops moving holds back the rows after its
 * last handover until it moves again or the run ends. Two things may differ from keeping
 * every row to the end: a packet delivered more than SettleTime after its send counts as
 * lost in its row (counted by GetLateDeliveries), and an attachment period that delivered
 * nothing takes the flow's mean delay up to then instead of over the whole run.
 */
class HandoverMonitor : public Object
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    /// Where final rows go during the run (attribute RecordSink).
    typedef Callback<void, const HandoverRecord&> RecordSink;

    HandoverMonitor();
    ~HandoverMonitor() override;

    /**
     * \brief Observe a mobile node.
     * \param mn its name
     * \param link its layer-2 switch
     * \param agent its agent
     */
    void WatchMobileNode(const std::string& mn, Ptr<L2Mobility> link, Ptr<MnAgent> agent);

    /**
     * \brief Declare a flow.
     * \param name flow name
     * \param mn the mobile end
     * \param cn the correspondent end
     * \param downlink true when the mobile node receives
     * \param startS start time, s
     * \return the flow index for PacketSent / PacketReceived
     */
    uint32_t AddFlow(const std::string& name,
                     const std::string& mn,
                     const std::string& cn,
                     bool downlink,
                     double startS);
    /**
     * \param flow flow index \param address the MN address the flow uses
     */
    void SetFlowAddress(uint32_t flow, const std::string& address);

    /**
     * \brief Trace sink for a sender's TxWithSeqTsSize.
     * \param flow the flow index \param p packet \param from sender \param to receiver
     * \param header the sequence/timestamp header
     */
    void PacketSent(uint32_t flow,
                    Ptr<const Packet> p,
                    const Address& from,
                    const Address& to,
                    const SeqTsSizeHeader& header);
    /**
     * \brief Trace sink for a PacketSink's RxWithSeqTsSize.
     * \param flow the flow index \param p packet \param from sender \param to receiver
     * \param header the sequence/timestamp header
     */
    void PacketReceived(uint32_t flow,
                        Ptr<const Packet> p,
                        const Address& from,
                        const Address& to,
                        const SeqTsSizeHeader& header);

    /**
     * \brief End the measurement, once, after the run: every packet not delivered is lost.
     * \return the handover records in time order (of the detach), those not yet handed to
     * the RecordSink; with a sink none: the rest go to the sink too
     */
    std::vector<HandoverRecord> GetHandovers();
    /// \return packets delivered after their row was final (counted lost there)
    uint64_t GetLateDeliveries() const;
    /// \return handover rows still held in memory
    std::size_t GetHeldHandovers() const;
    /// \return flow records, in declaration order
    std::vector<FlowRecord> GetFlows() const;
    /**
     * \brief What the monitor keeps per sequence number (without PacketTrace): the packets
     * sent and not delivered, and the runs of consecutive numbers sent and delivered.
     * \return over all flows, packets not delivered plus runs
     */
    std::size_t GetSequenceState() const;
    /**
     * \brief The per-packet trace (attribute PacketTrace): every packet sent, in flow then
     * sequence order, with its first delivery time; empty when the trace is off.
     * \return one record per packet sent
     */
    std::vector<PacketRecord> GetPackets() const;

  private:
    /// Sum and count of one-way delays, s.
    struct PathDelay
    {
        double sum{0};     //!< sum of delays, s
        uint64_t count{0}; //!< packets
    };

    /// Where a flow's packets start to be caught by one handover.
    struct Threshold
    {
        double sentS;  //!< packets sent at or after this time, s
        long handover; //!< handover index
    };

    /// Per-flow measurements.
    struct Flow
    {
        FlowRecord record;    //!< identity and address
        bool downlink{false}; //!< MN receives
        uint32_t mn{0};       //!< index of record.mn in m_nodes
        uint32_t cn{0};       //!< index of record.cn in m_nodes
        SeqLedger seqs;       //!< sent and delivered numbers; send times of the others
        // Indexed by sequence number, 16 bytes per packet: only with PacketTrace.
        std::vector<double> sentAt;     //!< seq -> latest send time (NaN: never sent)
        std::vector<double> receivedAt; //!< seq -> first delivery, s (NaN: never)
        uint64_t sentCount{0};          //!< packets sent
        uint64_t receivedCount{0};      //!< distinct packets delivered
        double delaySum{0};             //!< sum of one-way delays of delivered packets, s
        /// Per end (Side): delay of delivered packets per attachment period of that end,
        /// keyed by the handover that began it (-1 before the first); a period is dropped
        /// once the threshold of the handover that ends it is known.
        std::map<long, PathDelay> periods[2];
        /// Per end: from when each of its handovers catches packets, in time order.
        HeldQueue<Threshold> thresholds[2];
        double lastThreshold[2];      //!< per end: latest threshold, s (NaN: none yet)
        double settledBefore{-1e300}; //!< packets sent before this were given up, s
    };

    /// A flow end, by index: names are resolved once, not per packet.
    struct Node
    {
        std::string name;            //!< scenario name
        bool watched{false};         //!< a mobile node (WatchMobileNode)
        long open{-1};               //!< index of its latest handover (-1: none)
        long thresholded{-1};        //!< its latest handover with thresholds (-1: none)
        HeldQueue<long> history;     //!< its handovers still held, in time order
        std::vector<uint32_t> flows; //!< flows it is an end of
    };

    /// A handover and the node that made it.
    struct Row
    {
        HandoverRecord record; //!< the result row
        uint32_t node;         //!< index in m_nodes
    };

    /// The two ends of a flow, as indices of Flow::periods and Flow::thresholds.
    enum Side
    {
        RECEIVER = 0,
        SENDER = 1
    };

    /// \return the index of the node at the receiving (or sending) end of \p f
    static uint32_t End(const Flow& f, bool receiver);
    /// \param name a node's name \return its index in m_nodes, added if new
    uint32_t NodeIndex(const std::string& name);
    /// Keep a packet's times for GetPackets (PacketTrace).
    static void Trace(std::vector<double>& times, uint32_t seq, double t);
    /// \param i a handover index \return its row (held)
    Row& At(long i);
    /// \param i a handover index \return its row (held)
    const Row& At(long i) const;
    /**
     * \param mn index of a node \param t a time, s
     * \return the handover that began its attachment period at \p t (-1: the first), or
     * -2 when it is detached at \p t or not watched
     */
    long PeriodAt(uint32_t mn, double t) const;
    /// Record a delivered packet's delay against the attachment periods of both ends.
    void AddDelay(Flow& f, double sentS, double receivedS);
    /// Fix from when handover \p k catches packets of each flow of its node.
    void AddThresholds(long k);
    /// Charge a packet never delivered to the handover whose old path it was on.
    void Charge(const Flow& f, const SeqLedger::Unreceived& lost);
    /**
     * \brief Make final what can be: thresholds of handovers that began before
     * \p thresholdsS, packets sent before \p packetsS (given up), and the rows whose node
     * moved on before \p packetsS (handed on, in order; all of them when \p all).
     */
    void Settle(double thresholdsS, double packetsS, bool all);
    /// Hand the first held row on (sink or m_done) and forget it.
    void Release();

    void L2Down(uint32_t mn, const std::string& from);
    void L2Up(uint32_t mn, const std::string& to);
    void Complete(uint32_t mn);

    std::deque<Row> m_rows;                    //!< handovers held, from index m_first
    long m_first{0};                           //!< index of m_rows.front()
    long m_thresholded{0};                     //!< first handover without thresholds
    std::vector<HandoverRecord> m_done;        //!< rows released without a sink
    std::vector<Node> m_nodes;                 //!< flow ends and mobile nodes
    std::map<std::string, uint32_t> m_nodeIds; //!< name -> index in m_nodes (set-up only)
    std::vector<Flow> m_flows;                 //!< flows
    bool m_packetTrace;                        //!< keep each packet's times
    RecordSink m_sink;                         //!< attribute RecordSink
    Time m_settleTime;                         //!< attribute SettleTime
    double m_nextSettleS{0};                   //!< time of the next Settle, s
    uint64_t m_late{0};                        //!< GetLateDeliveries
};

} // namespace ns3

#endif // DMM_HANDOVER_MONITOR_H
