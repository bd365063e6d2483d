/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PATH_MONITOR_H
#define DMM_PATH_MONITOR_H

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/uid-horizon.h"

#include <map>
#include <unordered_map>

namespace ns3
{

class Node;
class Packet;
class Ipv6;
class Address;
class SeqTsSizeHeader;
struct FlowRecord;

/**
 * \ingroup dmm
 * \brief Measures the path stretch of data packets: links actually travelled divided
 * by the shortest path between the correspondent and the mobile node's current
 * access router (plus the access link).
 *
 * Every transmission of a packet on any node's IPv6 interface is one link; a
 * tunnelled packet keeps its identity inside the tunnel, so the detour through an
 * anchor counts in full. Packets are followed by uid from send to receipt only.
 */
class PathMonitor : public Object
{
  public:
    /// Shortest number of links for a flow's packet delivered now (0: unknown, skipped).
    typedef Callback<uint32_t, uint32_t> ShortestPathCallback;

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    PathMonitor();
    ~PathMonitor() override;

    /// \param node a node whose transmissions count
    void Watch(Ptr<Node> node);
    /// \param cb how long the shortest path of a flow is at the moment of delivery
    void SetShortestPathCallback(ShortestPathCallback cb);

    /**
     * \brief Trace sink for a sender's TxWithSeqTsSize: start following the packet.
     * \param flow flow index \param p packet \param from sender \param to receiver
     * \param header sequence/timestamp header
     */
    void PacketSent(uint32_t flow,
                    Ptr<const Packet> p,
                    const Address& from,
                    const Address& to,
                    const SeqTsSizeHeader& header);
    /**
     * \brief Trace sink for a PacketSink's Rx (the packet as received, before the sink
     * reassembles it, so that it still has the identity it was sent with).
     * \param flow flow index \param p packet \param from sender
     */
    void PacketReceived(uint32_t flow, Ptr<const Packet> p, const Address& from);

    /// \return packets forgotten after MaxTransit without being received (lost)
    uint64_t GetExpired() const;
    /// \return packets followed now (sent, not received, not yet forgotten)
    std::size_t GetFollowed() const;

    /// \return mean stretch over delivered packets (NaN when none was measured)
    double GetMeanStretch() const;

    /// \brief Path lengths seen by one flow's delivered packets.
    struct FlowPath
    {
        uint32_t minLinks{0};          //!< shortest path taken
        uint32_t maxLinks{0};          //!< longest path taken
        uint32_t lastLinks{0};         //!< path of the last delivered packet
        uint32_t lastShortestLinks{0}; //!< shortest possible path at that delivery
    };

    /// \param flow a flow \return its path lengths (all zero if nothing was measured)
    FlowPath GetFlowPath(uint32_t flow) const;

    /**
     * \brief When a flow was first served, and first served on the shortest path.
     *
     * A packet is optimal when it travelled no more links than the shortest path at its
     * delivery (stretch 1), detoured when it travelled more; a packet delivered while the
     * shortest path is unknown is neither.
     */
    struct FlowTiming
    {
        bool sent{false};      //!< a packet of the flow was sent
        Time firstSent;        //!< send time of the flow's first packet
        bool delivered{false}; //!< a packet of the flow was delivered
        Time firstDelivery;    //!< delivery time of the first delivered packet
        bool optimized{false}; //!< a packet was delivered on the shortest path
        Time optimizedAt;      //!< delivery time of the first such packet
        uint64_t detoured{0};  //!< detoured packets sent before optimizedAt (all if never)
    };

    /// \param flow a flow \return its timing (nothing sent if the flow was not followed)
    FlowTiming GetFlowTiming(uint32_t flow) const;

    /**
     * \brief Copy a flow's timing into its result record, as durations from its first send.
     * \param flow a flow \param record its record (left undefined if the flow was not followed)
     */
    void FillFlowTiming(uint32_t flow, FlowRecord& record) const;

  private:
    /// A packet followed from its send to its receipt.
    struct InFlight
    {
        uint32_t links; //!< links travelled so far
        Time sent;      //!< when the application sent it
    };

    void Tx(Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface);
    /// Record a delivery of \p links of \p shortest (0: unknown) into the flow's timing.
    void RecordTiming(uint32_t flow, const InFlight& packet, uint32_t shortest);

    std::unordered_map<uint64_t, InFlight> m_links; //!< packet uid -> links so far
    ShortestPathCallback m_shortest;                //!< shortest path oracle
    double m_sum;                                   //!< sum of stretches
    uint64_t m_count;                               //!< packets measured
    std::map<uint32_t, FlowPath> m_flowPaths;       //!< per flow
    std::map<uint32_t, FlowTiming> m_flowTimings;   //!< per flow
    UidHorizon m_horizon;                           //!< m_links' uids, oldest first
    Time m_maxTransit;                              //!< attribute MaxTransit
    uint64_t m_expired;                             //!< forgotten unreceived packets
};

} // namespace ns3

#endif // DMM_PATH_MONITOR_H
