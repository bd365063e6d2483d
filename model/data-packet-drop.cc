/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "data-packet-drop.h"

#include "ns3/wifi-mac.h"

#include <array>

namespace ns3
{

namespace
{
/// The result keys, in the order of DataPacketDrop::Reason.
const std::array<const char*, DataPacketDrop::COUNT> kNames{
    "access_detached",
    "access_queue_full",
    "access_departed",
    "access_no_receiver",
    "access_malformed_nd",
    "wifi_not_associated",
    "wifi_rx_discarded",
    "wifi_retry_limit",
    "wifi_queue_full",
    "wifi_lifetime_expired",
    "wifi_qos_old",
    "wifi_queue_flushed",
    "p2p_queue_full",
    "p2p_link_down",
    "p2p_rx_error",
    "tx_queue_full",
    "queue_disc_drop",
    "nd_queue_full",
    "nd_unresolved",
    "nd_flushed",
    "no_route",
    "no_route_at_sender",
    "not_for_host",
    "hop_limit",
    "interface_down",
    "unknown_protocol",
    "unknown_option",
    "malformed_header",
    "fragment_timeout",
    "packet_too_big",
    "no_binding",
    "ingress_filter",
    "hao_no_binding",
    "bad_extension",
    "rh2_not_home",
    "buffer_full",
    "location_timeout",
    "no_location",
    "redirect_hop_limit",
    "host_no_tunnel",
    "tunnel_unknown_peer",
    "tunnel_truncated",
    "tunnel_not_ipv6",
    "tunnel_hop_limit",
    "tunnel_no_stack",
    "socket_buffer_full",
    "udp_checksum",
    "port_unreachable",
    "attacker",
    "not_anchored",
    "tunnel_malformed_nd",
};

} // namespace

std::string
DataPacketDrop::Name(Reason reason)
{
    return reason < COUNT ? kNames[reason] : "unknown";
}

DataPacketDrop::Reason
DataPacketDrop::FromAccess(AccessNetDevice::DropReason r)
{
    switch (r)
    {
    case AccessNetDevice::NOT_ATTACHED:
        return ACCESS_DETACHED;
    case AccessNetDevice::QUEUE_FULL:
        return ACCESS_QUEUE_FULL;
    case AccessNetDevice::DEPARTED:
        return ACCESS_DEPARTED;
    case AccessNetDevice::MALFORMED_ND:
        return ACCESS_MALFORMED_ND;
    case AccessNetDevice::NO_RECEIVER:
        break;
    }
    return ACCESS_NO_RECEIVER;
}

DataPacketDrop::Reason
DataPacketDrop::FromRouting(MobilityRouting::DropReason r)
{
    switch (r)
    {
    case MobilityRouting::NO_BINDING:
        return NO_BINDING;
    case MobilityRouting::INGRESS_FILTERED:
        return INGRESS_FILTER;
    case MobilityRouting::HAO_NO_BINDING:
        return HAO_NO_BINDING;
    case MobilityRouting::BAD_EXTENSION:
        return BAD_EXTENSION;
    case MobilityRouting::RH2_NOT_HOME:
        return RH2_NOT_HOME;
    case MobilityRouting::QUEUE_FULL:
        return BUFFER_FULL;
    case MobilityRouting::QUERY_TIMEOUT:
        return LOCATION_TIMEOUT;
    case MobilityRouting::NO_LOCATION:
        return NO_LOCATION;
    case MobilityRouting::HOP_LIMIT:
        return REDIRECT_HOP_LIMIT;
    case MobilityRouting::NO_TREATMENT:
        break;
    }
    return HOST_NO_TUNNEL;
}

DataPacketDrop::Reason
DataPacketDrop::FromTunnel(Ipv6TunnelL4Protocol::DropReason r)
{
    switch (r)
    {
    case Ipv6TunnelL4Protocol::UNKNOWN_PEER:
        return TUNNEL_UNKNOWN_PEER;
    case Ipv6TunnelL4Protocol::TRUNCATED:
        return TUNNEL_TRUNCATED;
    case Ipv6TunnelL4Protocol::NOT_IPV6:
        return TUNNEL_NOT_IPV6;
    case Ipv6TunnelL4Protocol::HOP_LIMIT:
        return TUNNEL_HOP_LIMIT;
    case Ipv6TunnelL4Protocol::NOT_ANCHORED:
        return NOT_ANCHORED;
    case Ipv6TunnelL4Protocol::MALFORMED_ND:
        return TUNNEL_MALFORMED_ND;
    case Ipv6TunnelL4Protocol::NO_DOWN_TARGET:
        break;
    }
    return TUNNEL_NO_STACK;
}

DataPacketDrop::Reason
DataPacketDrop::FromWifi(WifiMacDropReason r)
{
    switch (r)
    {
    case WIFI_MAC_DROP_FAILED_ENQUEUE:
        return WIFI_QUEUE_FULL;
    case WIFI_MAC_DROP_EXPIRED_LIFETIME:
        return WIFI_LIFETIME_EXPIRED;
    case WIFI_MAC_DROP_REACHED_RETRY_LIMIT:
        return WIFI_RETRY_LIMIT;
    case WIFI_MAC_DROP_QOS_OLD_PACKET:
        break;
    }
    return WIFI_QOS_OLD;
}

DataPacketDrop::Reason
DataPacketDrop::FromIpv6(Ipv6L3Protocol::DropReason r, bool router)
{
    switch (r)
    {
    case Ipv6L3Protocol::DROP_TTL_EXPIRED:
        return HOP_LIMIT;
    case Ipv6L3Protocol::DROP_NO_ROUTE:
        return NO_ROUTE_AT_SENDER;
    case Ipv6L3Protocol::DROP_INTERFACE_DOWN:
        return INTERFACE_DOWN;
    case Ipv6L3Protocol::DROP_ROUTE_ERROR:
        return router ? NO_ROUTE : NOT_FOR_HOST;
    case Ipv6L3Protocol::DROP_UNKNOWN_PROTOCOL:
        return UNKNOWN_PROTOCOL;
    case Ipv6L3Protocol::DROP_UNKNOWN_OPTION:
        return UNKNOWN_OPTION;
    case Ipv6L3Protocol::DROP_MALFORMED_HEADER:
        return MALFORMED_HEADER;
    case Ipv6L3Protocol::DROP_FRAGMENT_TIMEOUT:
        return FRAGMENT_TIMEOUT;
    }
    return MALFORMED_HEADER;
}

} // namespace ns3
