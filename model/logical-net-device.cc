/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "logical-net-device.h"

#include "ns3/abort.h"
#include "ns3/access-net-device.h"
#include "ns3/boolean.h"
#include "ns3/channel.h"
#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LogicalNetDevice");
NS_OBJECT_ENSURE_REGISTERED(LogicalNetDevice);

namespace
{

constexpr uint16_t kIpv6 = 0x86DD;
constexpr uint32_t kIpv6HeaderSize = 40;
constexpr uint8_t kIcmpv6 = 58;
constexpr uint8_t kRouterAdvertisement = 134;
constexpr uint32_t kRaBodySize = 16;
constexpr uint8_t kRouterSolicitation = 133;

/// The first \p n bytes of a packet (fewer if it is shorter).
std::vector<uint8_t>
Head(Ptr<const Packet> packet, uint32_t n)
{
    std::vector<uint8_t> bytes(std::min(n, packet->GetSize()));
    packet->CopyData(bytes.data(), bytes.size());
    return bytes;
}

} // namespace

TypeId
LogicalNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LogicalNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Dmm")
            .AddConstructor<LogicalNetDevice>()
            .AddAttribute(
                "Mtu",
                "IP MTU of the logical interface (the smallest physical MTU caps it).",
                UintegerValue(1500),
                MakeUintegerAccessor(&LogicalNetDevice::SetMtu, &LogicalNetDevice::GetMtu),
                MakeUintegerChecker<uint16_t>(1280))
            .AddAttribute("DuplicateWindow",
                          "How many recently delivered frames are remembered so that the same "
                          "frame heard on a second physical device is not delivered twice "
                          "(0: no check).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&LogicalNetDevice::m_duplicateWindow),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("SharedLinkLayerAddress",
                          "Physical devices take the logical link-layer address (RFC 7847 "
                          "§5.1). If false, each keeps its own and accepts the logical one "
                          "too, and Router Solicitations carry the physical address, so that "
                          "routers see one interface identity per physical device. Set it "
                          "before AddPhysical.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LogicalNetDevice::m_shared),
                          MakeBooleanChecker())
            .AddTraceSource("PhysicalLink",
                            "A physical device's link went up or down.",
                            MakeTraceSourceAccessor(&LogicalNetDevice::m_physicalLinkTrace),
                            "ns3::LogicalNetDevice::PhysicalLinkTracedCallback")
            .AddTraceSource("PhysicalTx",
                            "A packet was handed to a physical device.",
                            MakeTraceSourceAccessor(&LogicalNetDevice::m_physicalTxTrace),
                            "ns3::LogicalNetDevice::PhysicalTxTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was dropped.",
                            MakeTraceSourceAccessor(&LogicalNetDevice::m_dropTrace),
                            "ns3::LogicalNetDevice::DropTracedCallback");
    return tid;
}

LogicalNetDevice::LogicalNetDevice()
    : m_address(Mac48Address::Allocate()),
      m_shared(true),
      m_mtu(1500),
      m_ifIndex(0),
      m_duplicateWindow(64)
{
}

LogicalNetDevice::~LogicalNetDevice()
{
}

void
LogicalNetDevice::DoDispose()
{
    m_node = nullptr;
    m_physical.clear();
    m_rxCallback = ReceiveCallback();
    NetDevice::DoDispose();
}

uint32_t
LogicalNetDevice::AddPhysical(Ptr<NetDevice> device, const std::string& name)
{
    NS_ABORT_MSG_IF(!device, "LogicalNetDevice::AddPhysical: no device");
    NS_ABORT_MSG_IF(!m_node, "LogicalNetDevice::AddPhysical: add the logical device first");
    NS_ABORT_MSG_IF(FindPhysical(name) >= 0, "LogicalNetDevice: interface " << name << " twice");
    if (!device->GetNode())
    {
        m_node->AddDevice(device);
    }
    NS_ABORT_MSG_IF(device->GetNode() != m_node, "LogicalNetDevice: device of another node");
    auto index = static_cast<uint32_t>(m_physical.size());
    if (m_shared)
    {
        // RFC 7847 §5.1: one link-layer identifier for the logical interface, so that
        // every link sees the same neighbour and IP sees one link-local address.
        device->SetAddress(m_address);
    }
    else
    {
        Ptr<AccessNetDevice> access = DynamicCast<AccessNetDevice>(device);
        NS_ABORT_MSG_IF(!access, "LogicalNetDevice: own addresses need AccessNetDevices");
        access->AddAlias(m_address); // IP's neighbours still reach the logical address
    }
    // Node::AddDevice gave the device the node's receive callback; the stack is bound to
    // the logical device, so frames must come through it.
    device->SetReceiveCallback(MakeCallback(&LogicalNetDevice::ReceiveFromPhysical, this));
    device->AddLinkChangeCallback(
        MakeCallback(&LogicalNetDevice::PhysicalLinkChanged, this).Bind(index));
    m_physical.push_back(Physical{device, name, Address(), device->IsLinkUp()});
    return index;
}

uint32_t
LogicalNetDevice::GetNPhysical() const
{
    return m_physical.size();
}

Ptr<NetDevice>
LogicalNetDevice::GetPhysical(uint32_t index) const
{
    return m_physical.at(index).device;
}

std::string
LogicalNetDevice::GetPhysicalName(uint32_t index) const
{
    return m_physical.at(index).name;
}

int32_t
LogicalNetDevice::FindPhysical(const std::string& name) const
{
    for (uint32_t i = 0; i < m_physical.size(); ++i)
    {
        if (m_physical[i].name == name)
        {
            return static_cast<int32_t>(i);
        }
    }
    return -1;
}

void
LogicalNetDevice::BindPrefix(Ipv6Address prefix, uint8_t length, uint32_t index)
{
    NS_LOG_FUNCTION(this << prefix << +length << index);
    NS_ABORT_MSG_IF(index >= m_physical.size(), "LogicalNetDevice::BindPrefix: no device");
    m_bindings.Bind(prefix, length, index, true);
}

bool
LogicalNetDevice::IsExplicit(Ipv6Address prefix, uint8_t length) const
{
    return m_bindings.IsExplicit(prefix, length);
}

void
LogicalNetDevice::UnbindPrefix(Ipv6Address prefix, uint8_t length)
{
    m_bindings.Unbind(prefix, length);
}

int32_t
LogicalNetDevice::LookupBinding(Ipv6Address source) const
{
    return m_bindings.Lookup(source);
}

const LogicalNetDevice::Stats&
LogicalNetDevice::GetStats() const
{
    return m_stats;
}

void
LogicalNetDevice::PhysicalLinkChanged(uint32_t index)
{
    Physical& physical = m_physical.at(index);
    bool up = physical.device->IsLinkUp();
    if (!up)
    {
        // The router of a link we left is no neighbour any more.
        physical.router = Address();
    }
    physical.up = up;
    NS_LOG_LOGIC("physical " << physical.name << (up ? " up" : " down"));
    m_physicalLinkTrace(index, physical.name, up);
    m_linkChange();
}

bool
LogicalNetDevice::ReceiveFromPhysical(Ptr<NetDevice> device,
                                      Ptr<const Packet> packet,
                                      uint16_t protocol,
                                      const Address& from)
{
    auto it = std::find_if(m_physical.begin(), m_physical.end(), [&](const Physical& p) {
        return p.device == device;
    });
    NS_ASSERT(it != m_physical.end());
    auto index = static_cast<uint32_t>(it - m_physical.begin());
    if (SeenBefore(packet->GetUid()))
    {
        Drop(packet, DUPLICATE);
        return true;
    }
    m_heardOn[Mac48Address::ConvertFrom(from)] = index;
    LearnRouter(index, packet, from);
    m_stats.rxPackets++;
    if (!m_rxCallback.IsNull())
    {
        m_rxCallback(this, packet, protocol, from);
    }
    return true;
}

bool
LogicalNetDevice::SeenBefore(uint64_t uid)
{
    if (m_duplicateWindow == 0)
    {
        return false;
    }
    if (m_recentSet.count(uid) != 0)
    {
        return true;
    }
    m_recentUids.push_back(uid);
    m_recentSet.insert(uid);
    if (m_recentUids.size() > m_duplicateWindow)
    {
        m_recentSet.erase(m_recentUids.front());
        m_recentUids.pop_front();
    }
    return false;
}

void
LogicalNetDevice::LearnRouter(uint32_t index, Ptr<const Packet> packet, const Address& from)
{
    std::vector<uint8_t> head = Head(packet, kIpv6HeaderSize + 1);
    if (head.size() == kIpv6HeaderSize + 1 && head[6] == kIcmpv6 &&
        head[kIpv6HeaderSize] == kRouterAdvertisement)
    {
        m_physical[index].router = from;
        LearnPrefixes(index, packet);
    }
}

void
LogicalNetDevice::LearnPrefixes(uint32_t index, Ptr<const Packet> packet)
{
    Ptr<Packet> message = packet->Copy();
    Ipv6Header ip;
    message->RemoveHeader(ip);
    std::optional<NdOptions> options = NdOptions::Parse(message, kRaBodySize);
    if (options)
    {
        m_bindings.Learn(index, options->GetPrefixInformation()); // else RFC 4861 §6.1
    }
}

int32_t
LogicalNetDevice::FirstUp() const
{
    for (uint32_t i = 0; i < m_physical.size(); ++i)
    {
        if (m_physical[i].device->IsLinkUp())
        {
            return static_cast<int32_t>(i);
        }
    }
    return -1;
}

int32_t
LogicalNetDevice::SelectPhysical(Ptr<const Packet> packet,
                                 uint16_t protocol,
                                 const Address& dest) const
{
    if (protocol == kIpv6 && !m_bindings.IsEmpty())
    {
        std::vector<uint8_t> head = Head(packet, 24);
        if (head.size() == 24)
        {
            int32_t bound = LookupBinding(Ipv6Address(head.data() + 8));
            if (bound >= 0)
            {
                return bound;
            }
        }
    }
    auto heard = m_heardOn.find(Mac48Address::ConvertFrom(dest));
    if (heard != m_heardOn.end())
    {
        return static_cast<int32_t>(heard->second);
    }
    int32_t up = FirstUp();
    return up >= 0 ? up : 0;
}

bool
LogicalNetDevice::SendOn(uint32_t index, Ptr<Packet> packet, const Address& dest, uint16_t protocol)
{
    Address to = dest;
    auto heard = m_heardOn.find(Mac48Address::ConvertFrom(dest));
    const Physical& physical = m_physical[index];
    if (heard != m_heardOn.end() && heard->second != index && !physical.router.IsInvalid())
    {
        // RFC 7847 §6.3: a flow moved to another interface leaves through that link's
        // router; IP resolved its next hop on the link the flow used before.
        to = physical.router;
        m_stats.rebound++;
    }
    packet = SolicitFrom(index, packet);
    m_physicalTxTrace(packet, index);
    if (!physical.device->Send(packet, to, protocol))
    {
        Drop(packet, PHYSICAL_REFUSED);
        return false;
    }
    m_stats.txPackets++;
    return true;
}

Ptr<Packet>
LogicalNetDevice::SolicitFrom(uint32_t index, Ptr<Packet> packet) const
{
    std::vector<uint8_t> head = Head(packet, kIpv6HeaderSize + 1);
    if (m_shared || head.size() <= kIpv6HeaderSize || head[6] != kIcmpv6 ||
        head[kIpv6HeaderSize] != kRouterSolicitation)
    {
        return packet;
    }
    std::vector<uint8_t> bytes = Head(packet, packet->GetSize());
    Mac48Address own = Mac48Address::ConvertFrom(m_physical[index].device->GetAddress());
    bool named = NdOptions::SetSolicitationSource(bytes, own);
    return named ? Create<Packet>(bytes.data(), bytes.size()) : packet;
}

bool
LogicalNetDevice::SendToGroup(Ptr<Packet> packet, const Address& dest, uint16_t protocol)
{
    // Each link has its own routers and neighbours: a group-addressed packet (RS,
    // multicast NS, MLD report) is meant for every link the host is on.
    bool any = false;
    bool sent = false;
    for (uint32_t i = 0; i < m_physical.size(); ++i)
    {
        if (m_physical[i].device->IsLinkUp())
        {
            any = true;
            sent = SendOn(i, packet->Copy(), dest, protocol) || sent;
        }
    }
    // Detached everywhere: the first device accounts for the drop.
    return any ? sent : SendOn(0, packet, dest, protocol);
}

bool
LogicalNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    if (m_physical.empty())
    {
        Drop(packet, NO_PHYSICAL);
        return false;
    }
    Mac48Address to = Mac48Address::ConvertFrom(dest);
    if (to.IsBroadcast() || to.IsGroup())
    {
        return SendToGroup(packet, dest, protocolNumber);
    }
    auto index = static_cast<uint32_t>(SelectPhysical(packet, protocolNumber, dest));
    return SendOn(index, packet, dest, protocolNumber);
}

bool
LogicalNetDevice::SendFrom(Ptr<Packet> packet,
                           const Address& source,
                           const Address& dest,
                           uint16_t protocolNumber)
{
    NS_ABORT_MSG_IF(Mac48Address::ConvertFrom(source) != m_address,
                    "LogicalNetDevice: sending from another link-layer address");
    return Send(packet, dest, protocolNumber);
}

void
LogicalNetDevice::Drop(Ptr<const Packet> packet, DropReason reason)
{
    switch (reason)
    {
    case NO_PHYSICAL:
        m_stats.noPhysical++;
        break;
    case PHYSICAL_REFUSED:
        m_stats.physicalRefused++;
        break;
    case DUPLICATE:
        m_stats.duplicate++;
        break;
    }
    m_dropTrace(packet, reason);
}

void
LogicalNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
LogicalNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
LogicalNetDevice::GetChannel() const
{
    // The logical interface has no channel of its own; report the one in use.
    int32_t up = FirstUp();
    if (up >= 0)
    {
        return m_physical[up].device->GetChannel();
    }
    return m_physical.empty() ? nullptr : m_physical.front().device->GetChannel();
}

void
LogicalNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
    for (const auto& physical : m_physical)
    {
        if (m_shared)
        {
            physical.device->SetAddress(m_address);
        }
        else
        {
            DynamicCast<AccessNetDevice>(physical.device)->AddAlias(m_address);
        }
    }
}

Address
LogicalNetDevice::GetAddress() const
{
    return m_address;
}

bool
LogicalNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
LogicalNetDevice::GetMtu() const
{
    uint16_t mtu = m_mtu;
    for (const auto& physical : m_physical)
    {
        mtu = std::min(mtu, physical.device->GetMtu());
    }
    return mtu;
}

bool
LogicalNetDevice::IsLinkUp() const
{
    return FirstUp() >= 0;
}

void
LogicalNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChange.ConnectWithoutContext(callback);
}

bool
LogicalNetDevice::IsBroadcast() const
{
    return true;
}

Address
LogicalNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
LogicalNetDevice::IsMulticast() const
{
    return true;
}

Address
LogicalNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
LogicalNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
LogicalNetDevice::IsBridge() const
{
    return false;
}

bool
LogicalNetDevice::IsPointToPoint() const
{
    return false;
}

Ptr<Node>
LogicalNetDevice::GetNode() const
{
    return m_node;
}

void
LogicalNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
LogicalNetDevice::NeedsArp() const
{
    return true;
}

void
LogicalNetDevice::SetReceiveCallback(ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
LogicalNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback /* cb */)
{
    // Promiscuous listeners (pcap, bridges) belong on the physical devices, which see the
    // frames of their own link; the logical interface has no medium to listen to.
    NS_LOG_WARN("LogicalNetDevice: promiscuous listeners attach to the physical devices");
}

bool
LogicalNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
