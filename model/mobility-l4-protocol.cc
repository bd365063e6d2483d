/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/mobility-l4-protocol.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/home-address-option-header.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-security.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/type2-routing-header.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(MobilityL4Protocol);

TypeId
MobilityL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MobilityL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("Dmm")
            .AddConstructor<MobilityL4Protocol>()
            .AddAttribute("SendParameterProblem",
                          "Answer a bad Payload Proto or Header Len with an ICMPv6 Parameter "
                          "Problem (RFC 6275 section 9.2).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MobilityL4Protocol::m_sendParameterProblem),
                          MakeBooleanChecker())
            .AddTraceSource("Tx",
                            "A Mobility Header message is sent (after the checksum is set).",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_txTrace),
                            "ns3::MobilityL4Protocol::TxRxTracedCallback")
            .AddTraceSource("Rx",
                            "A Mobility Header message passed validation.",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_rxTrace),
                            "ns3::MobilityL4Protocol::TxRxTracedCallback")
            .AddTraceSource("Drop",
                            "A Mobility Header message was dropped.",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_dropTrace),
                            "ns3::MobilityL4Protocol::DropTracedCallback");
    return tid;
}

MobilityL4Protocol::MobilityL4Protocol()
    : m_sendParameterProblem(true)
{
    NS_LOG_FUNCTION(this);
}

MobilityL4Protocol::~MobilityL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

Ptr<MobilityL4Protocol>
MobilityL4Protocol::Install(Ptr<Node> node)
{
    NS_ABORT_MSG_IF(!node, "MobilityL4Protocol::Install: null node");
    Ptr<MobilityL4Protocol> l4 = node->GetObject<MobilityL4Protocol>();
    if (l4)
    {
        return l4;
    }
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!ipv6,
                    "MobilityL4Protocol::Install: node " << node->GetId() << " has no IPv6 stack");
    l4 = CreateObject<MobilityL4Protocol>();
    l4->SetNode(node);
    ipv6->Insert(l4);
    Ptr<Ipv6> ip = ipv6;
    l4->SetDownTarget6(MakeCallback(&Ipv6::Send, ip));
    node->AggregateObject(l4);
    return l4;
}

void
MobilityL4Protocol::SetSecurity(Ptr<MobilitySecurity> security)
{
    m_security = security;
}

Ptr<MobilitySecurity>
MobilityL4Protocol::GetSecurity() const
{
    return m_security;
}

void
MobilityL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

Ptr<Node>
MobilityL4Protocol::GetNode() const
{
    return m_node;
}

void
MobilityL4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_handlers.clear();
    m_subHandlers.clear();
    m_node = nullptr;
    m_security = nullptr;
    m_downTarget = IpL4Protocol::DownTargetCallback();
    m_downTarget6 = IpL4Protocol::DownTargetCallback6();
    IpL4Protocol::DoDispose();
}

void
MobilityL4Protocol::Send(MobilityHeader& msg, Ipv6Address src, Ipv6Address dst)
{
    if (RefuseOversize(msg))
    {
        return;
    }
    NS_LOG_FUNCTION(this << src << dst);
    Ptr<Ipv6Route> route;
    if (src.IsAny())
    {
        // The checksum covers the source address, so the source must be known now.
        Ptr<Ipv6> ipv6 = m_node ? m_node->GetObject<Ipv6>() : nullptr;
        if (ipv6 && ipv6->GetRoutingProtocol())
        {
            Ipv6Header probeHeader;
            probeHeader.SetSource(src);
            probeHeader.SetDestination(dst);
            probeHeader.SetNextHeader(PROT_NUMBER);
            Socket::SocketErrno err = Socket::ERROR_NOTERROR;
            route = ipv6->GetRoutingProtocol()->RouteOutput(Create<Packet>(),
                                                            probeHeader,
                                                            nullptr,
                                                            err);
        }
        if (!route)
        {
            NS_LOG_WARN("no route to " << dst << " for " << +msg.GetMhType());
            msg.InitializeChecksum(src, dst);
            Ptr<Packet> dropped = Create<Packet>();
            dropped->AddHeader(msg);
            Drop(dropped, DropReason::NO_ROUTE);
            return;
        }
        src = route->GetSource();
    }
    Transmit(msg, src, dst, src, dst, nullptr, PROT_NUMBER, route, dst);
}

void
MobilityL4Protocol::SendWithHomeAddress(MobilityHeader& msg,
                                        Ipv6Address careOf,
                                        Ipv6Address dst,
                                        Ipv6Address home)
{
    NS_LOG_FUNCTION(this << careOf << dst << home);
    if (RefuseOversize(msg))
    {
        return;
    }
    HomeAddressOptionHeader hao;
    hao.SetNextHeader(PROT_NUMBER);
    hao.SetHomeAddress(home);
    Transmit(msg, careOf, dst, home, dst, &hao, HomeAddressOptionHeader::PROT_NUMBER, nullptr, dst);
}

void
MobilityL4Protocol::SendWithHopByHop(MobilityHeader& msg,
                                     Ipv6Address src,
                                     Ipv6Address dst,
                                     const Header& hbh,
                                     Ipv6Address verifier)
{
    NS_LOG_FUNCTION(this << src << dst << verifier);
    if (RefuseOversize(msg))
    {
        return;
    }
    Transmit(msg, src, dst, src, dst, &hbh, 0, nullptr, verifier); // 0: Hop-by-Hop (RFC 8200)
}

void
MobilityL4Protocol::SendWithRoutingHeader(MobilityHeader& msg,
                                          Ipv6Address src,
                                          Ipv6Address careOf,
                                          Ipv6Address home)
{
    NS_LOG_FUNCTION(this << src << careOf << home);
    if (RefuseOversize(msg))
    {
        return;
    }
    Type2RoutingHeader rh;
    rh.SetNextHeader(PROT_NUMBER);
    rh.SetHomeAddress(home);
    Transmit(msg, src, careOf, src, home, &rh, Type2RoutingHeader::PROT_NUMBER, nullptr, home);
}

void
MobilityL4Protocol::Transmit(MobilityHeader& msg,
                             Ipv6Address src,
                             Ipv6Address dst,
                             Ipv6Address checksumSrc,
                             Ipv6Address checksumDst,
                             const Header* extension,
                             uint8_t protocol,
                             Ptr<Ipv6Route> route,
                             Ipv6Address verifier)
{
    if (m_security)
    {
        m_security->Protect(msg, checksumSrc, checksumDst, verifier);
        if (RefuseOversize(msg))
        {
            return; // fitted without the authentication options, not with them
        }
    }
    msg.InitializeChecksum(checksumSrc, checksumDst);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(msg);
    m_stats.txPackets++;
    m_stats.txBytes += p->GetSize();
    m_txTrace(p, checksumSrc, checksumDst);
    if (m_downTarget6.IsNull())
    {
        NS_LOG_WARN("no down target; Install() the protocol on the node first");
        return;
    }
    if (extension)
    {
        p->AddHeader(*extension);
    }
    m_downTarget6(p, src, dst, protocol, route);
}

void
MobilityL4Protocol::RegisterHandler(uint8_t mhType, Handler handler)
{
    NS_LOG_FUNCTION(this << +mhType);
    if (handler.IsNull())
    {
        m_handlers.erase(mhType);
        return;
    }
    m_handlers[mhType] = handler;
}

void
MobilityL4Protocol::SendToMobileNode(MobilityHeader& msg,
                                     Ipv6Address src,
                                     Ipv6Address careOf,
                                     Ipv6Address home)
{
    if (careOf == home)
    {
        Send(msg, src, home); // at home: no RH2 needed
    }
    else
    {
        SendWithRoutingHeader(msg, src, careOf, home);
    }
}

void
MobilityL4Protocol::RegisterHandler(uint8_t mhType, uint8_t subType, Handler handler)
{
    NS_LOG_FUNCTION(this << +mhType << +subType);
    if (handler.IsNull())
    {
        m_subHandlers.erase({mhType, subType});
        return;
    }
    m_subHandlers[{mhType, subType}] = handler;
}

MobilityL4Protocol::Handler
MobilityL4Protocol::GetHandler(uint8_t mhType) const
{
    auto it = m_handlers.find(mhType);
    return it == m_handlers.end() ? Handler() : it->second;
}

const MobilityL4Protocol::Stats&
MobilityL4Protocol::GetStats() const
{
    return m_stats;
}

void
MobilityL4Protocol::Drop(Ptr<const Packet> p, DropReason reason)
{
    NS_LOG_FUNCTION(this << reason);
    switch (reason)
    {
    case DropReason::TRUNCATED:
        m_stats.truncated++;
        break;
    case DropReason::BAD_LENGTH:
        m_stats.badLength++;
        break;
    case DropReason::BAD_PAYLOAD_PROTO:
        m_stats.badPayloadProto++;
        break;
    case DropReason::UNKNOWN_TYPE:
        m_stats.unknownType++;
        break;
    case DropReason::BAD_OPTION:
        m_stats.badOption++;
        break;
    case DropReason::BAD_CHECKSUM:
        m_stats.badChecksum++;
        break;
    case DropReason::NO_HANDLER:
        m_stats.noHandler++;
        break;
    case DropReason::NO_ROUTE:
        m_stats.noRoute++;
        break;
    case DropReason::TOO_LARGE:
        m_stats.tooLarge++;
        break;
    case DropReason::UNAUTHENTICATED:
        m_stats.unauthenticated++;
        break;
    }
    m_dropTrace(p, reason);
}

int
MobilityL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

enum IpL4Protocol::RxStatus
MobilityL4Protocol::Receive(Ptr<Packet> p,
                            const Ipv4Header& header,
                            Ptr<Ipv4Interface> incomingInterface)
{
    NS_LOG_FUNCTION(this << p);
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

enum IpL4Protocol::RxStatus
MobilityL4Protocol::Receive(Ptr<Packet> p,
                            const Ipv6Header& header,
                            Ptr<Ipv6Interface> incomingInterface)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    uint32_t size = std::min<uint32_t>(p->GetSize(), MobilityHeader::MAX_SIZE + 1);
    std::vector<uint8_t> bytes(size);
    if (size > 0)
    {
        p->CopyData(bytes.data(), size);
    }
    uint32_t unknownOptions = 0;
    MobilityHeader::ParseResult r =
        MobilityHeader::ValidateBytes(bytes.data(), size, &unknownOptions);
    if (r == MobilityHeader::ParseResult::OK)
    {
        uint16_t found = (static_cast<uint16_t>(bytes[4]) << 8) | bytes[5];
        uint16_t expected = MobilityHeader::ComputeChecksum(bytes.data(),
                                                            size,
                                                            header.GetSource(),
                                                            header.GetDestination());
        if (found != expected)
        {
            // RFC 6275 section 9.2: silently discard.
            Drop(p, DropReason::BAD_CHECKSUM);
            return IpL4Protocol::RX_CSUM_FAILED;
        }
    }
    switch (r)
    {
    case MobilityHeader::ParseResult::OK:
        break;
    case MobilityHeader::ParseResult::TRUNCATED:
        Drop(p, DropReason::TRUNCATED);
        return IpL4Protocol::RX_OK;
    case MobilityHeader::ParseResult::BAD_LENGTH:
    case MobilityHeader::ParseResult::BAD_PAYLOAD_PROTO: {
        bool badProto = r == MobilityHeader::ParseResult::BAD_PAYLOAD_PROTO;
        Drop(p, badProto ? DropReason::BAD_PAYLOAD_PROTO : DropReason::BAD_LENGTH);
        Ptr<Icmpv6L4Protocol> icmp = m_node ? m_node->GetObject<Icmpv6L4Protocol>() : nullptr;
        if (m_sendParameterProblem && icmp && MayAnswerWithError(header))
        {
            // The pointer counts from the start of the invoking packet; extension headers
            // between the IPv6 header and the MH are not known here, so assume none.
            Ptr<Packet> invoking = p->Copy();
            invoking->AddHeader(header);
            uint32_t ptr = header.GetSerializedSize() + (badProto ? 0 : 1);
            icmp->SendErrorParameterError(invoking,
                                          header.GetSource(),
                                          Icmpv6Header::ICMPV6_MALFORMED_HEADER,
                                          ptr);
        }
        return IpL4Protocol::RX_OK;
    }
    case MobilityHeader::ParseResult::UNKNOWN_TYPE:
        // A Binding Error with status 2 (RFC 6275 section 9.2) is not sent yet.
        Drop(p, DropReason::UNKNOWN_TYPE);
        return IpL4Protocol::RX_OK;
    case MobilityHeader::ParseResult::BAD_OPTION:
        Drop(p, DropReason::BAD_OPTION);
        return IpL4Protocol::RX_OK;
    case MobilityHeader::ParseResult::BAD_CHECKSUM:
        Drop(p, DropReason::BAD_CHECKSUM);
        return IpL4Protocol::RX_CSUM_FAILED;
    }

    if (m_security)
    {
        // RFC 4285 §5: verified before any state changes; a failure is silently discarded.
        auto verdict = m_security->Verify(bytes, header.GetSource(), header.GetDestination());
        if (verdict != MobilitySecurity::Verdict::AUTHENTIC &&
            verdict != MobilitySecurity::Verdict::EXEMPT)
        {
            NS_LOG_INFO("refused from " << header.GetSource() << ": "
                                        << MobilitySecurity::VerdictToString(verdict));
            Drop(p, DropReason::UNAUTHENTICATED);
            return IpL4Protocol::RX_OK;
        }
    }
    m_stats.unknownOptionSkipped += unknownOptions;
    m_stats.rxPackets++;
    m_stats.rxBytes += p->GetSize();
    m_rxTrace(p, header.GetSource(), header.GetDestination());

    // A valid message is at least 8 octets (RFC 6275 §6.1.1), so the subtype octet of an
    // experimental message is there.
    auto sub = bytes.size() > 6 ? m_subHandlers.find({bytes[2], bytes[6]}) : m_subHandlers.end();
    if (sub != m_subHandlers.end())
    {
        sub->second(p, header, incomingInterface);
        return IpL4Protocol::RX_OK;
    }
    auto it = m_handlers.find(bytes[2]);
    if (it == m_handlers.end())
    {
        Drop(p, DropReason::NO_HANDLER);
        return IpL4Protocol::RX_OK;
    }
    it->second(p, header, incomingInterface);
    return IpL4Protocol::RX_OK;
}

bool
MobilityL4Protocol::RefuseOversize(const MobilityHeader& msg)
{
    // A reply echoing what a peer sent (unpadded options gain padding) may not fit: it is
    // not sent, and counted, rather than aborting the run.
    if (msg.Fits())
    {
        return false;
    }
    NS_LOG_WARN("MH type " << +msg.GetMhType() << " over " << MobilityHeader::MAX_SIZE
                           << " octets: not sent");
    Drop(Create<Packet>(), DropReason::TOO_LARGE);
    return true;
}

bool
MobilityL4Protocol::MayAnswerWithError(const Ipv6Header& header)
{
    // RFC 4443 §2.4(e): no ICMPv6 error for a packet to a multicast address (e.3), nor for
    // one whose source does not identify a single node (e.6): the unspecified address, a
    // multicast address, or an anycast address known as such, here the subnet-router
    // anycast address of RFC 4291 §2.6.1 (interface identifier zero). Whether the frame
    // was a link-layer multicast or broadcast (e.4, e.5) is not known at this layer.
    Ipv6Address src = header.GetSource();
    uint8_t bytes[16];
    src.GetBytes(bytes);
    bool subnetRouterAnycast =
        !src.IsLinkLocal() && std::all_of(bytes + 8, bytes + 16, [](uint8_t b) { return b == 0; });
    return !header.GetDestination().IsMulticast() && !src.IsMulticast() && !src.IsAny() &&
           !subnetRouterAnycast;
}

void
MobilityL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
MobilityL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
MobilityL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
MobilityL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

std::string
MobilityL4Protocol::DropReasonToString(DropReason r)
{
    switch (r)
    {
    case DropReason::TRUNCATED:
        return "TRUNCATED";
    case DropReason::BAD_LENGTH:
        return "BAD_LENGTH";
    case DropReason::BAD_PAYLOAD_PROTO:
        return "BAD_PAYLOAD_PROTO";
    case DropReason::UNKNOWN_TYPE:
        return "UNKNOWN_TYPE";
    case DropReason::BAD_OPTION:
        return "BAD_OPTION";
    case DropReason::BAD_CHECKSUM:
        return "BAD_CHECKSUM";
    case DropReason::NO_HANDLER:
        return "NO_HANDLER";
    case DropReason::NO_ROUTE:
        return "NO_ROUTE";
    case DropReason::TOO_LARGE:
        return "TOO_LARGE";
    case DropReason::UNAUTHENTICATED:
        return "UNAUTHENTICATED";
    }
    return "?";
}

std::ostream&
operator<<(std::ostream& os, MobilityL4Protocol::DropReason r)
{
    return os << MobilityL4Protocol::DropReasonToString(r);
}

} // namespace ns3
