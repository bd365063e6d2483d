/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "access-net-device.h"

#include "access-channel.h"

#include "ns3/abort.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/ethernet-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"
#include "ns3/node.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <map>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AccessNetDevice");
NS_OBJECT_ENSURE_REGISTERED(AccessNetDevice);

TypeId
AccessNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AccessNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Dmm")
            .AddConstructor<AccessNetDevice>()
            .AddAttribute("Mtu",
                          "IP MTU of the device.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&AccessNetDevice::SetMtu, &AccessNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(1280))
            .AddAttribute("TxQueue",
                          "Frames waiting for transmission.",
                          PointerValue(),
                          MakePointerAccessor(&AccessNetDevice::m_queue),
                          MakePointerChecker<Queue<Packet>>())
            .AddTraceSource("Sniffer",
                            "Every frame sent or received (for pcap).",
                            MakeTraceSourceAccessor(&AccessNetDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTx",
                            "A frame was accepted for transmission (queued).",
                            MakeTraceSourceAccessor(&AccessNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Drop",
                            "A frame was dropped.",
                            MakeTraceSourceAccessor(&AccessNetDevice::m_dropTrace),
                            "ns3::AccessNetDevice::DropTracedCallback");
    return tid;
}

AccessNetDevice::AccessNetDevice()
    : m_mtu(1500),
      m_ifIndex(0),
      m_transmitting(false),
      m_epoch(0)
{
    m_queue = CreateObject<DropTailQueue<Packet>>();
}

AccessNetDevice::~AccessNetDevice()
{
}

void
AccessNetDevice::DoDispose()
{
    m_txEvent.Cancel();
    m_node = nullptr;
    m_channel = nullptr;
    m_queue = nullptr;
    m_rxCallback = ReceiveCallback();
    m_promiscCallback = PromiscReceiveCallback();
    m_ipv6 = nullptr;
    NetDevice::DoDispose();
}

void
AccessNetDevice::Attach(Ptr<AccessChannel> channel)
{
    NS_ABORT_MSG_IF(!channel, "AccessNetDevice::Attach: no channel");
    NS_ABORT_MSG_IF(!m_node, "AccessNetDevice::Attach: add the device to a node first");
    m_epoch++;
    if (m_channel)
    {
        Detach();
    }
    m_channel = channel;
    m_channel->Attach(this);
    m_linkChange();
}

void
AccessNetDevice::Detach()
{
    if (!m_channel)
    {
        return;
    }
    m_channel->Detach(this);
    m_channel = nullptr;
    if (m_txEvent.IsRunning())
    {
        m_txEvent.Cancel(); // the frame on the air is cut off
        Drop(m_txFrame, NOT_ATTACHED);
    }
    m_txFrame = nullptr;
    m_transmitting = false;
    while (Ptr<Packet> p = m_queue->Dequeue())
    {
        Drop(p, NOT_ATTACHED);
    }
    m_linkChange();
}

const AccessNetDevice::Stats&
AccessNetDevice::GetStats() const
{
    return m_stats;
}

bool
AccessNetDevice::TrackGroups()
{
    if (m_ipv6)
    {
        return true;
    }
    Ptr<Ipv6L3Protocol> ipv6 = m_node ? m_node->GetObject<Ipv6L3Protocol>() : nullptr;
    int32_t index = ipv6 ? ipv6->GetInterfaceForDevice(this) : -1;
    if (index < 0)
    {
        return false;
    }
    // ns-3.37 joins no group explicitly: an interface listens to the solicited-node group
    // of every address it holds (Ipv6Interface::IsSolicitedMulticastAddress).
    Ptr<Ipv6Interface> iface = ipv6->GetInterface(index);
    if (!compat::WatchAddresses(iface,
                                MakeCallback(&AccessNetDevice::AddressAdded, this),
                                MakeCallback(&AccessNetDevice::AddressRemoved, this)))
    {
        return false; // ns-3.35: this device hears every group, as without snooping
    }
    m_ipv6 = iface;
    for (uint32_t i = 0; i < m_ipv6->GetNAddresses(); ++i)
    {
        JoinGroup(m_ipv6->GetAddress(i).GetAddress());
    }
    return true;
}

const std::map<Mac48Address, uint32_t>&
AccessNetDevice::GetGroups() const
{
    return m_groups;
}

bool
AccessNetDevice::IsRouter() const
{
    return m_ipv6 && m_ipv6->IsForwarding();
}

void
AccessNetDevice::JoinGroup(Ipv6Address address)
{
    Mac48Address group = Mac48Address::GetMulticast(Ipv6Address::MakeSolicitedAddress(address));
    if (m_groups[group]++ == 0 && m_channel)
    {
        m_channel->Join(this, group);
    }
}

void
AccessNetDevice::AddressAdded(Ptr<Ipv6Interface> /* iface */, Ipv6InterfaceAddress address)
{
    // The parameter type must be the callback's own: ns-3 converts a callback of another
    // signature without complaint and then calls it through the wrong type (UBSan).
    JoinGroup(address.GetAddress());
}

void
AccessNetDevice::AddressRemoved(Ptr<Ipv6Interface> /* iface */, Ipv6InterfaceAddress address)
{
    Mac48Address group =
        Mac48Address::GetMulticast(Ipv6Address::MakeSolicitedAddress(address.GetAddress()));
    auto it = m_groups.find(group);
    if (it == m_groups.end() || --it->second > 0)
    {
        return;
    }
    m_groups.erase(it);
    if (m_channel)
    {
        m_channel->Leave(this, group);
    }
}

void
AccessNetDevice::Drop(Ptr<const Packet> frame, DropReason reason)
{
    switch (reason)
    {
    case NOT_ATTACHED:
        m_stats.notAttached++;
        break;
    case QUEUE_FULL:
        m_stats.queueFull++;
        break;
    case DEPARTED:
        m_stats.departed++;
        break;
    case MALFORMED_ND:
        m_stats.malformedNd++;
        break;
    case NO_RECEIVER:
        m_stats.noReceiver++;
        break;
    }
    m_dropTrace(frame, reason);
}

bool
AccessNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    return SendFrom(packet, m_address, dest, protocolNumber);
}

bool
AccessNetDevice::SendFrom(Ptr<Packet> packet,
                          const Address& source,
                          const Address& dest,
                          uint16_t protocolNumber)
{
    EthernetHeader eth(false);
    eth.SetSource(Mac48Address::ConvertFrom(source));
    eth.SetDestination(Mac48Address::ConvertFrom(dest));
    eth.SetLengthType(protocolNumber);
    packet->AddHeader(eth);
    if (!m_channel)
    {
        Drop(packet, NOT_ATTACHED);
        return false;
    }
    if (!m_queue->Enqueue(packet))
    {
        Drop(packet, QUEUE_FULL);
        return false;
    }
    m_macTxTrace(packet);
    if (!m_transmitting)
    {
        StartTransmission();
    }
    return true;
}

void
AccessNetDevice::StartTransmission()
{
    Ptr<Packet> frame = m_queue->Dequeue();
    if (!frame)
    {
        m_transmitting = false;
        return;
    }
    m_transmitting = true;
    m_txFrame = frame;
    EthernetHeader eth(false);
    frame->PeekHeader(eth);
    m_snifferTrace(frame);
    m_txEvent = Simulator::Schedule(m_channel->GetDataRate().CalculateBytesTxTime(frame->GetSize()),
                                    &AccessNetDevice::TransmitComplete,
                                    this,
                                    frame,
                                    eth.GetDestination());
}

void
AccessNetDevice::TransmitComplete(Ptr<Packet> frame, Mac48Address destination)
{
    m_stats.txFrames++;
    m_txFrame = nullptr;
    // A unicast frame nobody on the channel takes is lost here, not in flight: the
    // sender still resolves a departed node's address from its neighbour cache.
    if (m_channel->Deliver(this, frame, destination) == 0 && !destination.IsGroup() &&
        !destination.IsBroadcast())
    {
        Drop(frame, NO_RECEIVER);
    }
    StartTransmission();
}

uint64_t
AccessNetDevice::GetAttachEpoch() const
{
    return m_epoch;
}

void
AccessNetDevice::Receive(Ptr<Packet> frame, Ptr<AccessChannel> from, uint64_t epoch)
{
    if (from != m_channel || epoch != m_epoch)
    {
        Drop(frame, DEPARTED);
        return;
    }
    m_stats.rxFrames++;
    m_snifferTrace(frame);
    EthernetHeader eth(false);
    frame->RemoveHeader(eth);
    if (eth.GetLengthType() == 0x86DD && !NdOptions::IsParsableByNs3(frame))
    {
        Drop(frame, MALFORMED_ND); // ns-3's own ND parsers would crash on it
        return;
    }
    Mac48Address dst = eth.GetDestination();
    PacketType type = dst.IsBroadcast() ? PACKET_BROADCAST
                      : dst.IsGroup()   ? PACKET_MULTICAST
                      : Accepts(dst)    ? PACKET_HOST
                                        : PACKET_OTHERHOST;
    if (!m_promiscCallback.IsNull())
    {
        m_promiscCallback(this, frame->Copy(), eth.GetLengthType(), eth.GetSource(), dst, type);
    }
    if (type != PACKET_OTHERHOST && !m_rxCallback.IsNull())
    {
        m_rxCallback(this, frame, eth.GetLengthType(), eth.GetSource());
    }
}

void
AccessNetDevice::AddAlias(Mac48Address alias)
{
    NS_LOG_FUNCTION(this << alias);
    if (!Accepts(alias))
    {
        m_aliases.push_back(alias);
        if (m_channel)
        {
            m_channel->AddUnicast(this, alias);
        }
    }
}

const std::vector<Mac48Address>&
AccessNetDevice::GetAliases() const
{
    return m_aliases;
}

bool
AccessNetDevice::Accepts(Mac48Address address) const
{
    return address == m_address ||
           std::find(m_aliases.begin(), m_aliases.end(), address) != m_aliases.end();
}

void
AccessNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
AccessNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
AccessNetDevice::GetChannel() const
{
    return m_channel;
}

void
AccessNetDevice::SetAddress(Address address)
{
    Mac48Address old = m_address;
    m_address = Mac48Address::ConvertFrom(address);
    if (m_channel && old != m_address) // the channel indexes unicast frames by address
    {
        if (std::find(m_aliases.begin(), m_aliases.end(), old) == m_aliases.end())
        {
            m_channel->RemoveUnicast(this, old);
        }
        m_channel->AddUnicast(this, m_address);
    }
}

Address
AccessNetDevice::GetAddress() const
{
    return m_address;
}

bool
AccessNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
AccessNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
AccessNetDevice::IsLinkUp() const
{
    return m_channel != nullptr;
}

void
AccessNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChange.ConnectWithoutContext(callback);
}

bool
AccessNetDevice::IsBroadcast() const
{
    return true;
}

Address
AccessNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
AccessNetDevice::IsMulticast() const
{
    return true;
}

Address
AccessNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
AccessNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
AccessNetDevice::IsBridge() const
{
    return false;
}

bool
AccessNetDevice::IsPointToPoint() const
{
    return false;
}

Ptr<Node>
AccessNetDevice::GetNode() const
{
    return m_node;
}

void
AccessNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
AccessNetDevice::NeedsArp() const
{
    return true;
}

void
AccessNetDevice::SetReceiveCallback(ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
AccessNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscCallback = cb;
}

bool
AccessNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
