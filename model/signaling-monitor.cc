/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "signaling-monitor.h"

#include "ns3/home-address-option-header.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-header.h"
#include "ns3/node.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/type2-routing-header.h"
#include "ns3/virtual-net-device.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SignalingMonitor");
NS_OBJECT_ENSURE_REGISTERED(SignalingMonitor);

namespace
{
std::string
ToString(Ipv6Address a)
{
    std::ostringstream os;
    os << a;
    return os.str();
}

/**
 * The name of the Mobility Header message in \p p, found behind the extension headers that
 * may precede it (RFC 8200 §4.1 order: Hop-by-Hop, Routing, Destination Options, e.g. seed
 * 001 §4.4.2's PBQR, a type 2 routing header, a Home Address option); "" if none.
 */
std::string
MobilityMessageName(uint8_t next, Ptr<const Packet> p)
{
    constexpr uint8_t HOP_BY_HOP = 0;
    uint32_t offset = 0;
    while (next == HOP_BY_HOP || next == Type2RoutingHeader::PROT_NUMBER ||
           next == HomeAddressOptionHeader::PROT_NUMBER)
    {
        uint8_t ext[2] = {0, 0};
        if (p->GetSize() < offset + 2)
        {
            return "";
        }
        // RFC 8200 §4: next header, then the length in 8 octets beyond the first 8.
        p->CreateFragment(offset, 2)->CopyData(ext, 2);
        next = ext[0];
        offset += (ext[1] + 1) * 8;
    }
    if (next != MobilityHeader::PROT_NUMBER || offset >= p->GetSize())
    {
        return "";
    }
    return MobilityHeader::GetMessageName(p->CreateFragment(offset, p->GetSize() - offset));
}
} // namespace

TypeId
SignalingMonitor::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SignalingMonitor")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<SignalingMonitor>()
                            .AddAttribute("MaxTransit",
                                          "How long a packet may stay in the network and "
                                          "still have its links counted; older ones are "
                                          "forgotten, which bounds the monitor's memory.",
                                          TimeValue(Seconds(60)),
                                          MakeTimeAccessor(&SignalingMonitor::m_maxTransit),
                                          MakeTimeChecker(Seconds(0)));
    return tid;
}

SignalingMonitor::SignalingMonitor()
    : m_tunnelledBytes(0)
{
}

SignalingMonitor::~SignalingMonitor()
{
}

void
SignalingMonitor::Watch(Ptr<Node> node, const std::string& name, bool movementDetection)
{
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    // Bound by index: a bound string would be copied for every packet the node sends.
    ipv6->TraceConnectWithoutContext(
        "SendOutgoing",
        compat::BindTwo(MakeCallback(&SignalingMonitor::SendOutgoing, this),
                        static_cast<uint32_t>(m_names.size()),
                        movementDetection));
    m_names.push_back(name);
    ipv6->TraceConnectWithoutContext("Tx", MakeCallback(&SignalingMonitor::Tx, this));
}

void
SignalingMonitor::SendOutgoing(uint32_t index,
                               bool movementDetection,
                               const Ipv6Header& header,
                               Ptr<const Packet> p,
                               uint32_t)
{
    std::string type = MobilityMessageName(header.GetNextHeader(), p);
    uint8_t next = header.GetNextHeader();
    if (next == Icmpv6L4Protocol::PROT_NUMBER && movementDetection)
    {
        uint8_t icmpType = 0;
        p->CopyData(&icmpType, 1);
        type = icmpType == Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION    ? "RS"
               : icmpType == Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT ? "RA"
                                                                          : "";
    }
    else if (next == Ipv6TunnelL4Protocol::PROT_NUMBER)
    {
        m_tunnelledBytes += p->GetSize() + header.GetSerializedSize();
    }
    if (type.empty())
    {
        return;
    }
    const std::string& node = m_names[index];
    SignalingRecord record{Simulator::Now().GetSeconds(),
                           node,
                           type,
                           p->GetSize() + header.GetSerializedSize(),
                           ToString(header.GetSource()),
                           ToString(header.GetDestination()),
                           0};
    if (auto it = m_byUid.find(p->GetUid());
        it != m_byUid.end() && m_records[it->second].node == node)
    {
        // Sent again by the host's mobility routing (a route-optimised message leaves
        // through the tunnel interface first): one message, as it appears on the wire.
        record.hops = m_records[it->second].hops;
        m_records[it->second] = record;
        return;
    }
    m_byUid[p->GetUid()] = m_records.size();
    m_horizon.Add(p->GetUid(), Simulator::Now());
    // Before MaxTransit has passed nothing is old enough; and ns-3's int64x64_t shifts a
    // negative value left (undefined behaviour) when a negative Time becomes seconds.
    if (Simulator::Now() > m_maxTransit)
    {
        Time before = Simulator::Now() - m_maxTransit;
        double horizon = before.GetSeconds();
        m_horizon.Expire(before, [this, horizon](uint64_t uid) {
            auto it = m_byUid.find(uid); // unless the uid was recorded again since
            if (it != m_byUid.end() && m_records[it->second].timeS < horizon)
            {
                m_byUid.erase(it);
            }
        });
    }
    m_records.push_back(record);
}

void
SignalingMonitor::Tx(Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface)
{
    auto it = m_byUid.find(p->GetUid());
    if (it != m_byUid.end() && !DynamicCast<VirtualNetDevice>(ipv6->GetNetDevice(interface)))
    {
        m_records[it->second].hops++;
    }
}

std::size_t
SignalingMonitor::GetFollowed() const
{
    return m_byUid.size();
}

const std::vector<SignalingRecord>&
SignalingMonitor::GetRecords() const
{
    return m_records;
}

uint64_t
SignalingMonitor::GetByteHops() const
{
    uint64_t sum = 0;
    for (const auto& r : m_records)
    {
        sum += static_cast<uint64_t>(r.bytes) * r.hops;
    }
    return sum;
}

uint64_t
SignalingMonitor::GetTunnelledBytes() const
{
    return m_tunnelledBytes;
}

} // namespace ns3
