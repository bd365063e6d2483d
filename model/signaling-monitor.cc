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
                                          MakeTimeChecker(Seconds(0)))
                            // A sink instead of a vector: a long run's records (~6 per
                            // handover) would otherwise grow its memory to the end.
                            .AddAttribute("RecordSink",
                                          "Called with each record, in send order, once it "
                                          "is final; the records are then not kept (no "
                                          "sink: all kept for GetRecords).",
                                          CallbackValue(),
                                          MakeCallbackAccessor(&SignalingMonitor::m_sink),
                                          MakeCallbackChecker());
    return tid;
}

SignalingMonitor::SignalingMonitor()
    : m_passed(0),
      m_passedByteHops(0),
      m_flushScheduled(false),
      m_tunnelledBytes(0)
{
}

SignalingMonitor::~SignalingMonitor()
{
    // Gone before Simulator::Destroy (never in a scenario run): nothing left to flush into.
    if (m_flushScheduled)
    {
        Simulator::Cancel(m_flushAtDestroy);
    }
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
    if (!m_sink.IsNull() && !m_flushScheduled)
    {
        m_flushAtDestroy = Simulator::ScheduleDestroy(&SignalingMonitor::FlushAll, this);
        m_flushScheduled = true;
    }
}

SignalingMonitor::Pending&
SignalingMonitor::At(std::size_t index)
{
    return m_pending[index - m_passed];
}

SignalingRecord
SignalingMonitor::Record(const Pending& p) const
{
    return SignalingRecord{p.timeS,
                           m_names[p.node],
                           m_types[p.type],
                           p.bytes,
                           ToString(p.src),
                           ToString(p.dst),
                           p.hops};
}

uint16_t
SignalingMonitor::TypeIndex(const std::string& type)
{
    auto [it, added] = m_typeIds.emplace(type, static_cast<uint16_t>(m_types.size()));
    if (added)
    {
        m_types.push_back(type);
    }
    return it->second;
}

void
SignalingMonitor::Close(std::size_t index)
{
    m_pending[index - m_passed].open = false;
    Flush();
}

void
SignalingMonitor::Flush()
{
    if (m_sink.IsNull())
    {
        return;
    }
    // In send order: a final record waits behind an older one whose packet is followed.
    while (!m_pending.empty() && !m_pending.front().open)
    {
        const Pending& r = m_pending.front();
        m_passedByteHops += static_cast<uint64_t>(r.bytes) * r.hops;
        m_sink(Record(r));
        m_pending.pop_front();
        ++m_passed;
    }
}

void
SignalingMonitor::FlushAll()
{
    m_flushScheduled = false;
    for (auto& p : m_pending)
    {
        p.open = false;
    }
    m_byUid.clear();
    Flush();
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
    Pending record{Simulator::Now().GetSeconds(),
                   index,
                   p->GetSize() + header.GetSerializedSize(),
                   0,
                   TypeIndex(type),
                   true,
                   header.GetSource(),
                   header.GetDestination()};
    auto it = m_byUid.find(p->GetUid());
    if (it != m_byUid.end() && At(it->second).node == index)
    {
        // Sent again by the host's mobility routing (a route-optimised message leaves
        // through the tunnel interface first): one message, as it appears on the wire.
        record.hops = At(it->second).hops;
        record.open = At(it->second).open;
        At(it->second) = record;
        // Followed from the new send time: the first entry, older than the record, will
        // not end it, and without this one it would stay open and hold back the sink.
        m_horizon.Add(p->GetUid(), Simulator::Now());
        return;
    }
    std::size_t added = m_passed + m_pending.size();
    m_pending.push_back(record);
    if (it != m_byUid.end())
    {
        std::size_t previous = it->second; // another node's message: no longer followed
        it->second = added;
        Close(previous);
    }
    else
    {
        m_byUid.emplace(p->GetUid(), added);
    }
    m_horizon.Add(p->GetUid(), Simulator::Now());
    // Before MaxTransit has passed nothing is old enough; and ns-3's int64x64_t shifts a
    // negative value left (undefined behaviour) when a negative Time becomes seconds.
    if (Simulator::Now() > m_maxTransit)
    {
        Time before = Simulator::Now() - m_maxTransit;
        double horizon = before.GetSeconds();
        m_horizon.Expire(before, [this, horizon](uint64_t uid) {
            auto it = m_byUid.find(uid); // unless the uid was recorded again since
            if (it != m_byUid.end() && At(it->second).timeS < horizon)
            {
                std::size_t index = it->second;
                m_byUid.erase(it);
                Close(index);
            }
        });
    }
}

void
SignalingMonitor::Tx(Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface)
{
    auto it = m_byUid.find(p->GetUid());
    if (it != m_byUid.end() && !DynamicCast<VirtualNetDevice>(ipv6->GetNetDevice(interface)))
    {
        At(it->second).hops++;
    }
}

std::size_t
SignalingMonitor::GetFollowed() const
{
    return m_byUid.size();
}

std::vector<SignalingRecord>
SignalingMonitor::GetRecords() const
{
    std::vector<SignalingRecord> out;
    if (m_sink.IsNull())
    {
        out.reserve(m_pending.size());
        for (const auto& p : m_pending)
        {
            out.push_back(Record(p));
        }
    }
    return out;
}

std::size_t
SignalingMonitor::GetPending() const
{
    return m_pending.size();
}

uint64_t
SignalingMonitor::GetByteHops() const
{
    uint64_t sum = m_passedByteHops;
    for (const auto& p : m_pending)
    {
        sum += static_cast<uint64_t>(p.bytes) * p.hops;
    }
    return sum;
}

uint64_t
SignalingMonitor::GetTunnelledBytes() const
{
    return m_tunnelledBytes;
}

} // namespace ns3
