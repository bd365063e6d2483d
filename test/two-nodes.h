/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Test-only: two IPv6 nodes on one 2 ms point-to-point link, with an Ipv6ListRouting
// (static routing below) so that a mobility routing protocol can be inserted.
#ifndef DMM_TEST_TWO_NODES_H
#define DMM_TEST_TWO_NODES_H

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

namespace dmmtest
{

/// Two linked nodes. \param a set to node 0's global address \param b node 1's
inline ns3::NodeContainer
TwoNodes(ns3::Ipv6Address& a, ns3::Ipv6Address& b)
{
    using namespace ns3;
    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    NetDeviceContainer devices = p2p.Install(nodes);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    Ipv6ListRoutingHelper list;
    Ipv6StaticRoutingHelper staticRouting;
    list.Add(staticRouting, 0);
    stack.SetRoutingHelper(list);
    stack.Install(nodes);
    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("2001:470:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer ifaces = address.Assign(devices);
    a = ifaces.GetAddress(0, 1);
    b = ifaces.GetAddress(1, 1);
    return nodes;
}

} // namespace dmmtest

#endif // DMM_TEST_TWO_NODES_H
