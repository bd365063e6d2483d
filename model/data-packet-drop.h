/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DATA_PACKET_DROP_H
#define DMM_DATA_PACKET_DROP_H

#include "ns3/access-net-device.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/mobility-routing.h"

#include <cstdint>
#include <string>

namespace ns3
{

enum WifiMacDropReason : uint8_t;

/**
 * \ingroup dmm
 * \brief The named reasons a data packet is dropped for (the keys of summary.json
 * packets.dropped), and their translation from the drop reasons of each component.
 *
 * Names are stable, lower_snake_case, and say where (the component, prefix) and why.
 */
class DataPacketDrop
{
  public:
    /// \brief Where and why a data packet was dropped; Name gives its result key.
    enum Reason : uint8_t
    {
        ACCESS_DETACHED,       //!< AccessNetDevice NOT_ATTACHED
        ACCESS_QUEUE_FULL,     //!< AccessNetDevice QUEUE_FULL
        ACCESS_DEPARTED,       //!< AccessNetDevice DEPARTED
        ACCESS_NO_RECEIVER,    //!< AccessNetDevice NO_RECEIVER
        ACCESS_MALFORMED_ND,   //!< AccessNetDevice MALFORMED_ND
        WIFI_NOT_ASSOCIATED,   //!< WifiMac MacTxDrop
        WIFI_RX_DISCARDED,     //!< WifiMac MacRxDrop
        WIFI_RETRY_LIMIT,      //!< WifiMac DroppedMpdu, retry limit
        WIFI_QUEUE_FULL,       //!< WifiMac DroppedMpdu, failed enqueue
        WIFI_LIFETIME_EXPIRED, //!< WifiMac DroppedMpdu, lifetime
        WIFI_QOS_OLD,          //!< WifiMac DroppedMpdu, QoS old packet
        WIFI_QUEUE_FLUSHED,    //!< WifiMacQueue flushed (a station's radio switched off)
        P2P_QUEUE_FULL,        //!< PointToPointNetDevice MacTxDrop, link up
        P2P_LINK_DOWN,         //!< PointToPointNetDevice MacTxDrop, no channel
        P2P_RX_ERROR,          //!< PointToPointNetDevice PhyRxDrop
        TX_QUEUE_FULL,         //!< TrafficControlLayer TcDrop (device queue stopped)
        QUEUE_DISC,            //!< the device's root queue disc (QueueDisc Drop)
        ND_QUEUE_FULL,         //!< neighbour cache queue overflow
        ND_UNRESOLVED,         //!< neighbour cache: resolution failed
        ND_FLUSHED,            //!< neighbour cache flushed at a link change
        NO_ROUTE,              //!< Ipv6L3Protocol DROP_ROUTE_ERROR at a router
        NO_ROUTE_AT_SENDER,    //!< Ipv6L3Protocol DROP_NO_ROUTE
        NOT_FOR_HOST,          //!< Ipv6L3Protocol DROP_ROUTE_ERROR at a host
        HOP_LIMIT,             //!< Ipv6L3Protocol DROP_TTL_EXPIRED
        INTERFACE_DOWN,        //!< Ipv6L3Protocol DROP_INTERFACE_DOWN
        UNKNOWN_PROTOCOL,      //!< Ipv6L3Protocol DROP_UNKNOWN_PROTOCOL
        UNKNOWN_OPTION,        //!< Ipv6L3Protocol DROP_UNKNOWN_OPTION
        MALFORMED_HEADER,      //!< Ipv6L3Protocol DROP_MALFORMED_HEADER
        FRAGMENT_TIMEOUT,      //!< Ipv6L3Protocol DROP_FRAGMENT_TIMEOUT
        PACKET_TOO_BIG,        //!< a router cannot forward it (larger than the link MTU)
        NO_BINDING,            //!< MobilityRouting NO_BINDING
        INGRESS_FILTER,        //!< MobilityRouting INGRESS_FILTERED
        HAO_NO_BINDING,        //!< MobilityRouting HAO_NO_BINDING
        BAD_EXTENSION,         //!< MobilityRouting BAD_EXTENSION
        RH2_NOT_HOME,          //!< MobilityRouting RH2_NOT_HOME
        BUFFER_FULL,           //!< MobilityRouting QUEUE_FULL
        LOCATION_TIMEOUT,      //!< MobilityRouting QUERY_TIMEOUT
        NO_LOCATION,           //!< MobilityRouting NO_LOCATION
        REDIRECT_HOP_LIMIT,    //!< MobilityRouting HOP_LIMIT
        HOST_NO_TUNNEL,        //!< MobilityRouting NO_TREATMENT
        TUNNEL_UNKNOWN_PEER,   //!< Ipv6TunnelL4Protocol UNKNOWN_PEER
        TUNNEL_TRUNCATED,      //!< Ipv6TunnelL4Protocol TRUNCATED
        TUNNEL_NOT_IPV6,       //!< Ipv6TunnelL4Protocol NOT_IPV6
        TUNNEL_HOP_LIMIT,      //!< Ipv6TunnelL4Protocol HOP_LIMIT
        TUNNEL_NO_STACK,       //!< Ipv6TunnelL4Protocol NO_DOWN_TARGET
        SOCKET_BUFFER_FULL,    //!< the receiving socket's buffer was full
        UDP_CHECKSUM,          //!< the receiving node's UDP found a bad checksum
        PORT_UNREACHABLE,      //!< delivered to a node with no socket for the flow's port
        ATTACKER,              //!< received by an attacker (traffic a forged update redirected)
        NOT_ANCHORED,          //!< Ipv6TunnelL4Protocol NOT_ANCHORED (distributed LMAs)
        TUNNEL_MALFORMED_ND,   //!< Ipv6TunnelL4Protocol MALFORMED_ND
        COUNT,                 //!< number of reasons
    };

    /// \param reason a reason \return its stable lower_snake_case name
    static std::string Name(Reason reason);
    /// \param r an access link device's reason \return the data packet's
    static Reason FromAccess(AccessNetDevice::DropReason r);
    /// \param r a mobility routing reason \return the data packet's
    static Reason FromRouting(MobilityRouting::DropReason r);
    /// \param r a tunnel endpoint's reason \return the data packet's
    static Reason FromTunnel(Ipv6TunnelL4Protocol::DropReason r);
    /// \param r a Wi-Fi MAC's reason \return the data packet's
    static Reason FromWifi(WifiMacDropReason r);
    /**
     * \param r the IPv6 stack's reason
     * \param router true if the node forwards (a route error at a host means the packet's
     *        destination address is not, or no longer, the host's)
     * \return the data packet's
     */
    static Reason FromIpv6(Ipv6L3Protocol::DropReason r, bool router);
};

} // namespace ns3

#endif // DMM_DATA_PACKET_DROP_H
