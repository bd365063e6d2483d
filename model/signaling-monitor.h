/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SIGNALING_MONITOR_H
#define DMM_SIGNALING_MONITOR_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-header.h"
#include "ns3/mobility-records.h"
#include "ns3/object.h"
#include "ns3/uid-horizon.h"

#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Node;
class Ipv6;
class Packet;

/**
 * \ingroup dmm
 * \brief Listens to the IPv6 stacks of all nodes and records every mobility message
 * sent (Mobility Header messages, and the router solicitations and advertisements of
 * movement detection), with the number of links each one travelled.
 *
 * Only trace sinks: the monitor never changes what it observes.
 *
 * With a RecordSink each record is handed to the sink, in send order, as soon as no later
 * event can change it (its packet is no longer followed: MaxTransit has passed or another
 * node sent the same packet), and the rest at Simulator::Destroy; the monitor then keeps
 * only the records not yet final, so its memory does not grow with the run.
 */
class SignalingMonitor : public Object
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    SignalingMonitor();
    ~SignalingMonitor() override;

    /// \brief Receives each record once it is final, in send order.
    typedef Callback<void, const SignalingRecord&> RecordSink;

    /**
     * \brief Observe a node.
     * \param node the node
     * \param name its scenario name
     * \param movementDetection also record the RS/RA it sends (mobile nodes, access
     *        routers); hosts' own start-up solicitations are not mobility signalling
     */
    void Watch(Ptr<Node> node, const std::string& name, bool movementDetection);

    /// \return messages whose links are still counted (sent within MaxTransit)
    std::size_t GetFollowed() const;
    /// \return one record per message sent, in send order (none with a RecordSink: they
    /// went, or go at Simulator::Destroy, to the sink)
    std::vector<SignalingRecord> GetRecords() const;
    /// \return records kept because they may still change (or, without a sink, all)
    std::size_t GetPending() const;
    /// \return the sum over messages of IPv6 bytes times links travelled
    uint64_t GetByteHops() const;
    /// \return bytes of outer packets sent into tunnels
    uint64_t GetTunnelledBytes() const;

  private:
    /// A record, compact (a SignalingRecord's four strings take ~250 bytes, and a record
    /// waits up to MaxTransit), and whether a followed packet may still change it.
    struct Pending
    {
        double timeS;    //!< send time, s
        uint32_t node;   //!< sending node, index in m_names
        uint32_t bytes;  //!< size of the IPv6 packet, bytes
        uint32_t hops;   //!< links travelled so far
        uint16_t type;   //!< message type, index in m_types
        bool open;       //!< its packet is followed (m_byUid points to it)
        Ipv6Address src; //!< IPv6 source address
        Ipv6Address dst; //!< IPv6 destination address
    };

    /// \param index a record's index among all records \return the record
    Pending& At(std::size_t index);
    /// \param p a pending record \return it as a result row
    SignalingRecord Record(const Pending& p) const;
    /// \param type a message type \return its index in m_types, added if new
    uint16_t TypeIndex(const std::string& type);
    /// Mark a record final (its packet is no longer followed) and pass on the final ones.
    void Close(std::size_t index);
    /// Hand the final records at the front to the sink.
    void Flush();
    /// At Simulator::Destroy: every record is final.
    void FlushAll();
    void SendOutgoing(uint32_t node,
                      bool movementDetection,
                      const Ipv6Header& header,
                      Ptr<const Packet> p,
                      uint32_t);
    void Tx(Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface);

    std::vector<std::string> m_names;             //!< watched nodes' names, by Watch order
    std::vector<std::string> m_types;             //!< message types seen, by first send
    std::map<std::string, uint16_t> m_typeIds;    //!< message type -> index in m_types
    std::deque<Pending> m_pending;                //!< records not yet passed to the sink
    std::size_t m_passed;                         //!< records passed (index of the front)
    uint64_t m_passedByteHops;                    //!< byte-hops of the records passed
    RecordSink m_sink;                            //!< attribute RecordSink
    EventId m_flushAtDestroy;                     //!< FlushAll, once a sink is set
    bool m_flushScheduled;                        //!< m_flushAtDestroy is pending
    std::unordered_map<uint64_t, size_t> m_byUid; //!< packet uid -> record index
    uint64_t m_tunnelledBytes;                    //!< outer bytes of tunnelled packets
    UidHorizon m_horizon;                         //!< m_byUid's uids, oldest first
    Time m_maxTransit;                            //!< attribute MaxTransit
};

} // namespace ns3

#endif // DMM_SIGNALING_MONITOR_H
