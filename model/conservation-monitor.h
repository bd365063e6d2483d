/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_CONSERVATION_MONITOR_H
#define DMM_CONSERVATION_MONITOR_H

#include "ns3/data-packet-drop.h"
#include "ns3/distributed-mobility-routing.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/mobility-records.h"
#include "ns3/neighbor-cache-watch.h"
#include "ns3/ns3-version-compat.h" // WifiMpdu (3.35: WifiMacQueueItem)
#include "ns3/object.h"
#include "ns3/packet-sink.h"

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Address;
class NetDevice;
class Node;
class Packet;
class SeqTsSizeHeader;

/**
 * \ingroup dmm
 * \brief Packet conservation: accounts for every data packet of the UDP flows, which is
 * either delivered, or dropped with a named reason, or still in flight when the run ends.
 *
 * Packets are followed by uid (ns-3 keeps it through copies, tunnels and fragmentation)
 * from the sender's TxWithSeqTsSize to the sink's Rx, through every trace source on the
 * way: the IPv6 stack (Tx, Rx, LocalDeliver, Drop, and the two places where ns-3 drops
 * without a trace: a router forwarding a packet larger than the link MTU, and the
 * neighbour cache, see NeighborCacheWatch), traffic control, the devices (access links,
 * point-to-point, Wi-Fi) and the module's own mobility routing and tunnels. Each packet
 * is counted once: a delivery beats everything; otherwise the first drop after the last
 * time the packet was seen alive (a copy seen again later, e.g. a Wi-Fi frame whose
 * acknowledgement was lost, was not dropped after all). An ICMPv6 error or redirect that
 * ns-3 builds on a copy of a data packet keeps its uid; it is recognised by its headers
 * and never taken for the data packet. TCP flows are not followed (their segments are not
 * the application's writes).
 *
 * At the end a packet still on a link (accepted by a device, not yet received), waiting
 * for address resolution, held by a mobility router or waiting for its other fragments
 * is in flight. A packet the monitor cannot place is unaccounted: a drop without a named
 * reason, which the tests treat as a failure.
 */
class ConservationMonitor : public Object
{
  public:
    /// Where and why a data packet was dropped.
    typedef DataPacketDrop::Reason Reason;

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    ConservationMonitor() = default;
    ~ConservationMonitor() override = default;

    /**
     * \brief Follow data packets through a node: its IPv6 stack, traffic control, devices,
     *        mobility routing and tunnel. Call once the node is fully built.
     * \param node the node
     * \param attacker true for an attacker: a data packet it receives is lost to its
     *        receiver there (ATTACKER), whatever the node does with it
     */
    void Watch(Ptr<Node> node, bool attacker = false);

    /**
     * \brief Declare a UDP flow.
     * \param flow the flow index used with PacketSent / PacketReceived
     * \param sink its sink application
     */
    void AddFlow(uint32_t flow, Ptr<PacketSink> sink);

    /**
     * \brief Trace sink for a sender's TxWithSeqTsSize: a data packet is sent.
     * \param flow flow index \param p packet \param from sender \param to receiver
     * \param header sequence/timestamp header
     */
    void PacketSent(uint32_t flow,
                    Ptr<const Packet> p,
                    const Address& from,
                    const Address& to,
                    const SeqTsSizeHeader& header);
    /**
     * \brief Trace sink for a PacketSink's Rx: a data packet is delivered.
     * \param flow flow index \param p packet \param from sender
     */
    void PacketReceived(uint32_t flow, Ptr<const Packet> p, const Address& from);

    /// \brief Place every packet not yet delivered; call when the simulation has stopped,
    /// before Simulator::Destroy. \return the account
    PacketAccount Finish();

  private:
    /// Where a followed packet was last seen.
    enum Stage : uint8_t
    {
        SENT,    //!< the application sent it, the stack has not seen it
        IN_NODE, //!< received by a node's IPv6 stack
        OUTPUT,  //!< handed by a node's IPv6 stack to an interface
        ON_LINK, //!< accepted by a device
        QUEUED,  //!< held by a device's queue disc
        LOCAL,   //!< delivered to a transport protocol of a node
        DROPPED, //!< dropped (reason)
    };

    /// The bytes before the IPv6 header in what a device's trace source reports.
    static constexpr uint32_t PPP = 2;       //!< point-to-point header
    static constexpr uint32_t ETHERNET = 14; //!< access link frame header
    static constexpr uint32_t LLC = 8;       //!< LLC/SNAP header of a Wi-Fi MSDU

    /// A data packet on its way.
    struct Track
    {
        uint32_t flow{0};                        //!< its flow
        Stage stage{SENT};                       //!< last seen
        uint32_t node{0};                        //!< node of the last sighting
        bool fragment{false};                    //!< last seen as a fragment for that node
        bool udp{false};                         //!< at LOCAL: handed to UDP
        Reason reason{DataPacketDrop::NO_ROUTE}; //!< at DROPPED
    };

    /// \return the track of the application's packet \p p, or null (delivered, or not data)
    Track* Find(Ptr<const Packet> p);
    /// \return the track of \p p, an IPv6 packet from byte \p ipAt on, unless it is an
    /// ICMPv6 message built on a data packet (same uid); a tracked packet's IPv6 Next
    /// Header goes to \p next when given
    Track* FindData(Ptr<const Packet> p, uint32_t ipAt, uint8_t* next = nullptr);
    /// \return as above, for a packet traced apart from its IPv6 header \p header
    Track* FindData(Ptr<const Packet> payload, const Ipv6Header& header);
    /**
     * \brief The packet was seen alive (which cancels a drop recorded before).
     * \param t its track \param uid its uid \param stage where \param node node id
     */
    void Seen(Track& t, uint64_t uid, Stage stage, uint32_t node);
    /// \return the neighbour cache of \p ipv6's \p interface, or null when its device
    /// does not resolve neighbours (point-to-point, a host's tunnel interface)
    Ptr<NdiscCache> CacheOf(Ptr<Ipv6> ipv6, uint32_t interface) const;
    /// \return as CacheOf, remembered per node and interface (an interface keeps its device)
    const Ptr<NdiscCache>& CachedCacheOf(uint32_t node, Ptr<Ipv6> ipv6, uint32_t interface);
    /// \brief The packet was dropped (unless a drop is already recorded since its last
    /// sighting). \param t its track (null: not a data packet) \param uid its uid \param reason why
    void Dropped(Track* t, uint64_t uid, Reason reason);
    /// \brief As above for \p p, an IPv6 packet from byte \p ipAt on. \param reason why
    void Dropped(Ptr<const Packet> p, uint32_t ipAt, Reason reason);

    void WatchIpv6(Ptr<Node> node);
    void WatchDevice(Ptr<NetDevice> device);
    void WatchRouting(Ptr<Node> node);
    void WatchTunnel(uint32_t node);

    void Ipv6Tx(uint32_t node, Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface);
    void Ipv6Rx(uint32_t node, Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface);
    void Ipv6Drop(const Ipv6Header& header,
                  Ptr<const Packet> p,
                  Ipv6L3Protocol::DropReason reason,
                  Ptr<Ipv6> ipv6,
                  uint32_t interface);
    void Ipv6Local(uint32_t node, const Ipv6Header& header, Ptr<const Packet> p, uint32_t iif);
    void Ipv6Forward(uint32_t node, const Ipv6Header& header, Ptr<const Packet> p, uint32_t oif);
    void LinkTx(uint32_t ipAt, Ptr<const Packet> p);
    void WifiDropped(WifiMacDropReason reason, Ptr<const WifiMpdu> mpdu);
    void WifiFlushed(Ptr<const WifiMpdu> mpdu);
    void LinkChanged(Ptr<NdiscCache> cache);
    void CheckCache(Ptr<NdiscCache> cache, bool flushed);
    void ScheduledCheck(Ptr<NdiscCache> cache);

    std::unordered_map<uint64_t, Track> m_tracks; //!< packets on their way, by uid
    std::vector<Ptr<PacketSink>> m_sinks;         //!< flow -> sink
    std::vector<bool> m_sinkWatched;              //!< flow -> socket Drop connected

    /// What a node is, for the reasons that depend on it.
    enum NodeKind : uint8_t
    {
        HOST,     //!< does not forward (IpForward off)
        ROUTER,   //!< forwards
        ATTACKER, //!< an attacker
    };

    /// \return the kind of node \p id (a host when not watched)
    NodeKind KindOf(uint32_t id) const;

    std::vector<NodeKind> m_kind;                           //!< node id -> kind
    std::vector<Ptr<DistributedMobilityRouting>> m_buffers; //!< routers that hold packets
    std::vector<bool> m_tunnelWatched;                      //!< node id -> tunnel connected
    /// node id -> interface -> neighbour cache (null: none), filled as packets go out
    std::vector<std::vector<Ptr<NdiscCache>>> m_caches;
    NeighborCacheWatch m_nd;                      //!< packets awaiting resolution
    std::map<NdiscCache*, bool> m_checkScheduled; //!< cache -> a check is due
    uint32_t m_mtuFloor{1280}; //!< no watched link has a smaller MTU (RFC 8200 §5's minimum)
    uint64_t m_sent{0};        //!< data packets sent
    uint64_t m_delivered{0};   //!< data packets delivered
};

} // namespace ns3

#endif // DMM_CONSERVATION_MONITOR_H
