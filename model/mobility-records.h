/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MOBILITY_RECORDS_H
#define DMM_MOBILITY_RECORDS_H

// What the monitors measure, one record per handover, signalling message and flow; the
// result writer (helper/) turns them into the result files.

#include <cstdint>
#include <limits>
#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief One handover of one mobile node; times are simulated seconds.
 *
 * Both durations count from the layer-2 detach (l2DownS). firstRxS and interruptionMs are
 * NaN when no packet of a flow that existed before the handover arrived afterwards; latencyMs
 * is NaN when the handover never completed.
 */
struct HandoverRecord
{
    double timeS;          //!< time of the handover (the layer-2 detach), s
    std::string mn;        //!< mobile node
    std::string from;      //!< previous access node ("" for none)
    std::string to;        //!< new access node
    double l2DownS;        //!< layer-2 detach from the old access node, s
    double l2UpS;          //!< layer-2 attach to the new access node, s
    double signalingDoneS; //!< the MN can send and receive again on every address it keeps, s
    double firstRxS;       //!< first packet of an old flow delivered to the MN, s (or NaN)
    double latencyMs;      //!< signalingDoneS - l2DownS, ms
    double interruptionMs; //!< firstRxS - l2DownS, ms (or NaN)
    uint64_t lostPackets;  //!< packets of old flows sent but never delivered
};

/// \brief One mobility signalling message sent.
struct SignalingRecord
{
    double timeS;     //!< send time, s
    std::string node; //!< sending node
    std::string type; //!< message type, e.g. "PBU"
    uint32_t bytes;   //!< size of the IPv6 packet, bytes
    std::string src;  //!< IPv6 source address
    std::string dst;  //!< IPv6 destination address
    uint32_t hops;    //!< links travelled to the destination
};

/// \brief Per-flow totals.
struct FlowRecord
{
    std::string flow;    //!< flow name
    std::string mn;      //!< mobile node end
    std::string cn;      //!< correspondent node end
    double startS;       //!< start time, s
    uint64_t sent;       //!< packets sent
    uint64_t received;   //!< packets delivered
    uint64_t lost;       //!< packets sent and never delivered
    double meanDelayMs;  //!< mean one-way delay of delivered packets, ms (NaN if none)
    std::string address; //!< MN address the flow used
    // Links crossed by delivered UDP packets (in memory only; not part of flows.csv).
    uint32_t minLinks{0};          //!< shortest path any packet took
    uint32_t maxLinks{0};          //!< longest path any packet took
    uint32_t lastLinks{0};         //!< path of the last delivered packet
    uint32_t lastShortestLinks{0}; //!< shortest possible path at that moment
    // First service of a UDP flow (flows.csv; NaN/empty for a flow not followed per packet).
    bool timed{false}; //!< followed per packet (UDP): the three below are defined
    double firstPacketDelayMs{
        std::numeric_limits<double>::quiet_NaN()}; //!< first send to first delivery, ms (NaN if
                                                   //!< none delivered)
    double optimizedAfterMs{
        std::numeric_limits<double>::quiet_NaN()}; //!< first send to first shortest-path delivery,
                                                   //!< ms (NaN: never)
    uint64_t detouredPackets{0};                   //!< detoured packets sent before that delivery
};

/**
 * \brief One data packet of a flow followed by sequence number (the opt-in packet trace,
 * packets.csv); times are simulated seconds.
 */
struct PacketRecord
{
    std::string flow; //!< flow name
    uint32_t seq;     //!< sequence number (SeqTsSizeHeader), from 0
    double sentS;     //!< send time, s
    double receivedS; //!< first delivery, s (NaN: never delivered, i.e. lost)
};

/// \brief Where the data packets still in flight at the end of a run are.
struct PacketsInFlight
{
    uint64_t onLinks{0};       //!< accepted by a device, not yet received
    uint64_t neighborCache{0}; //!< waiting for address resolution
    uint64_t routerBuffers{0}; //!< held by a mobility router
    uint64_t queueDiscs{0};    //!< held by a device's queue disc
    uint64_t reassembly{0};    //!< a fragment waiting for the others
    uint64_t tcp{0};           //!< TCP writes not yet delivered (TCP still holds them)

    /// \return the total
    uint64_t Total() const
    {
        return onLinks + neighborCache + routerBuffers + queueDiscs + reassembly + tcp;
    }
};

/**
 * \brief Packet conservation of a run: every data packet sent is delivered, dropped with a
 * named reason, in flight at the end, or (a defect) unaccounted.
 */
struct PacketAccount
{
    uint64_t sent{0};                        //!< data packets sent
    uint64_t delivered{0};                   //!< delivered to their sink
    std::map<std::string, uint64_t> dropped; //!< reason -> packets (reasons with none left out)
    PacketsInFlight inFlight;                //!< still in flight at the end
    uint64_t unaccounted{0};                 //!< vanished without a named reason

    /// \return the packets dropped, over all reasons
    uint64_t Dropped() const
    {
        uint64_t n = 0;
        for (const auto& [reason, count] : dropped)
        {
            n += count;
        }
        return n;
    }
};

} // namespace ns3

#endif // DMM_MOBILITY_RECORDS_H
