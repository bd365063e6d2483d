/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Where ConservationMonitor follows the data packets: the trace sources of a node's IPv6
// stack, traffic control, devices, mobility routing and tunnel it connects to; what it does
// with what they report is in conservation-monitor.cc.
#include "conservation-monitor.h"

#include "ns3/access-net-device.h"
#include "ns3/boolean.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-queue-disc-item.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/node-list.h"
#include "ns3/node.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/queue-disc.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/wifi-mac-queue.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"

#include <algorithm>

namespace ns3
{

void
ConservationMonitor::Watch(Ptr<Node> node, bool attacker)
{
    BooleanValue forward;
    node->GetObject<Ipv6>()->GetAttribute("IpForward", forward);
    uint32_t id = node->GetId();
    if (id >= m_kind.size())
    {
        m_kind.resize(id + 1, HOST);
    }
    m_kind[id] = attacker ? ATTACKER : forward.Get() ? ROUTER : HOST;
    WatchIpv6(node);
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        WatchDevice(node->GetDevice(i));
    }
    WatchRouting(node);
    WatchTunnel(id);
}

void
ConservationMonitor::WatchIpv6(Ptr<Node> node)
{
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    uint32_t id = node->GetId();
    ipv6->TraceConnectWithoutContext("Tx",
                                     MakeCallback(&ConservationMonitor::Ipv6Tx, this).Bind(id));
    ipv6->TraceConnectWithoutContext("Rx",
                                     MakeCallback(&ConservationMonitor::Ipv6Rx, this).Bind(id));
    ipv6->TraceConnectWithoutContext("Drop", MakeCallback(&ConservationMonitor::Ipv6Drop, this));
    ipv6->TraceConnectWithoutContext("LocalDeliver",
                                     MakeCallback(&ConservationMonitor::Ipv6Local, this).Bind(id));
    for (const char* trace : {"UnicastForward", "SendOutgoing"})
    {
        ipv6->TraceConnectWithoutContext(
            trace,
            MakeCallback(&ConservationMonitor::Ipv6Forward, this).Bind(id));
    }
    if (Ptr<TrafficControlLayer> tc = node->GetObject<TrafficControlLayer>())
    {
        tc->TraceConnectWithoutContext(
            "TcDrop",
            compat::FunctionCallback<void, Ptr<const Packet>>(
                [this](Ptr<const Packet> p) { Dropped(p, 0, DataPacketDrop::TX_QUEUE_FULL); }));
    }
    // ns-3 flushes a neighbour cache at every link change of its device, before this.
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        if (Ptr<NdiscCache> cache = CacheOf(ipv6, i))
        {
            ipv6->GetNetDevice(i)->AddLinkChangeCallback(
                MakeCallback(&ConservationMonitor::LinkChanged, this).Bind(cache));
        }
    }
}

void
ConservationMonitor::WatchDevice(Ptr<NetDevice> device)
{
    m_mtuFloor = std::min<uint32_t>(m_mtuFloor, device->GetMtu());
    auto onLink = [this](uint32_t ipAt) {
        return MakeCallback(&ConservationMonitor::LinkTx, this).Bind(ipAt);
    };
    auto dropAs = [this](uint32_t ipAt, Reason r) {
        return compat::FunctionCallback<void, Ptr<const Packet>>(
            [this, ipAt, r](Ptr<const Packet> p) { Dropped(p, ipAt, r); });
    };
    // What a queue disc holds and drops, its children's included (ns-3 reports those at
    // the root). The item holds the packet without its IPv6 header, added at transmission.
    Ptr<TrafficControlLayer> tc = device->GetNode()->GetObject<TrafficControlLayer>();
    if (Ptr<QueueDisc> root = tc ? tc->GetRootQueueDiscOnDevice(device) : nullptr)
    {
        auto inQueueDisc = [this](Ptr<const QueueDiscItem> item) -> Track* {
            auto ip = DynamicCast<const Ipv6QueueDiscItem>(item);
            return ip ? FindData(ip->GetPacket(), ip->GetHeader()) : nullptr;
        };
        root->TraceConnectWithoutContext(
            "Enqueue",
            compat::FunctionCallback<void, Ptr<const QueueDiscItem>>(
                [this, inQueueDisc](Ptr<const QueueDiscItem> item) {
                    if (Track* t = inQueueDisc(item))
                    {
                        Seen(*t, item->GetPacket()->GetUid(), QUEUED, t->node);
                    }
                }));
        root->TraceConnectWithoutContext("Drop",
                                         compat::FunctionCallback<void, Ptr<const QueueDiscItem>>(
                                             [this, inQueueDisc](Ptr<const QueueDiscItem> item) {
                                                 Dropped(inQueueDisc(item),
                                                         item->GetPacket()->GetUid(),
                                                         DataPacketDrop::QUEUE_DISC);
                                             }));
    }
    if (Ptr<AccessNetDevice> access = DynamicCast<AccessNetDevice>(device))
    {
        access->TraceConnectWithoutContext("MacTx", onLink(ETHERNET));
        access->TraceConnectWithoutContext(
            "Drop",
            compat::FunctionCallback<void, Ptr<const Packet>, AccessNetDevice::DropReason>(
                [this](Ptr<const Packet> p, AccessNetDevice::DropReason r) {
                    Dropped(p,
                            r == AccessNetDevice::MALFORMED_ND ? 0 : ETHERNET,
                            DataPacketDrop::FromAccess(r));
                }));
    }
    else if (Ptr<PointToPointNetDevice> p2p = DynamicCast<PointToPointNetDevice>(device))
    {
        p2p->TraceConnectWithoutContext("MacTx", onLink(PPP));
        // Without a channel the frame is dropped before its PPP header is added. (Not a Ptr:
        // the device would hold itself through its own trace and never be freed.)
        PointToPointNetDevice* raw = PeekPointer(p2p);
        p2p->TraceConnectWithoutContext(
            "MacTxDrop",
            compat::FunctionCallback<void, Ptr<const Packet>>([this, raw](Ptr<const Packet> p) {
                bool up = raw->IsLinkUp();
                Dropped(p,
                        up ? PPP : 0,
                        up ? DataPacketDrop::P2P_QUEUE_FULL : DataPacketDrop::P2P_LINK_DOWN);
            }));
        p2p->TraceConnectWithoutContext("PhyRxDrop", dropAs(PPP, DataPacketDrop::P2P_RX_ERROR));
    }
    else if (Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(device))
    {
        Ptr<WifiMac> mac = wifi->GetMac();
        mac->TraceConnectWithoutContext("MacTx", onLink(LLC));
        mac->TraceConnectWithoutContext("MacTxDrop",
                                        dropAs(LLC, DataPacketDrop::WIFI_NOT_ASSOCIATED));
        mac->TraceConnectWithoutContext("MacRxDrop",
                                        dropAs(LLC, DataPacketDrop::WIFI_RX_DISCARDED));
        mac->TraceConnectWithoutContext("DroppedMpdu",
                                        MakeCallback(&ConservationMonitor::WifiDropped, this));
        // A station switches its radio off when it loses its AP, and the queues are
        // flushed (Txop::NotifyOff) with no trace but the queue's own.
        for (AcIndex ac : {AC_BE_NQOS, AC_BE, AC_BK, AC_VI, AC_VO})
        {
            if (Ptr<WifiMacQueue> queue = compat::TxopQueue(mac, ac))
            {
                queue->TraceConnectWithoutContext(
                    "DropAfterDequeue",
                    MakeCallback(&ConservationMonitor::WifiFlushed, this));
            }
        }
    }
}

void
ConservationMonitor::WatchRouting(Ptr<Node> node)
{
    auto list = DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol());
    for (uint32_t i = 0; list && i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        auto mr = DynamicCast<MobilityRouting>(list->GetRoutingProtocol(i, priority));
        if (!mr)
        {
            continue;
        }
        mr->TraceConnectWithoutContext(
            "Drop",
            compat::FunctionCallback<void,
                                     Ptr<const Packet>,
                                     const Ipv6Header&,
                                     MobilityRouting::DropReason>(
                [this](Ptr<const Packet> p, const Ipv6Header& h, MobilityRouting::DropReason r) {
                    Dropped(FindData(p, h), p->GetUid(), DataPacketDrop::FromRouting(r));
                }));
        // Its tunnel endpoint may be created at its first encapsulation, after Watch.
        uint32_t id = node->GetId();
        mr->TraceConnectWithoutContext(
            "Intercept",
            compat::FunctionCallback<void, Ptr<const Packet>, const Ipv6Header&>(
                [this, id](Ptr<const Packet>, const Ipv6Header&) { WatchTunnel(id); }));
        if (auto buffer = DynamicCast<DistributedMobilityRouting>(mr))
        {
            m_buffers.push_back(buffer);
        }
    }
}

void
ConservationMonitor::WatchTunnel(uint32_t node)
{
    if (node < m_tunnelWatched.size() && m_tunnelWatched[node])
    {
        return; // per packet: no object look-up once connected
    }
    Ptr<Ipv6TunnelL4Protocol> tunnel = NodeList::GetNode(node)->GetObject<Ipv6TunnelL4Protocol>();
    if (!tunnel)
    {
        return;
    }
    if (node >= m_tunnelWatched.size())
    {
        m_tunnelWatched.resize(node + 1, false);
    }
    m_tunnelWatched[node] = true;
    tunnel->TraceConnectWithoutContext(
        "Drop",
        compat::FunctionCallback<void, Ptr<const Packet>, Ipv6TunnelL4Protocol::DropReason>(
            [this](Ptr<const Packet> p, Ipv6TunnelL4Protocol::DropReason r) {
                Dropped(p, 0, DataPacketDrop::FromTunnel(r)); // the inner packet
            }));
}

} // namespace ns3
