/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "type2-routing-extension.h"

#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-routing.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/type2-routing-header.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Type2RoutingExtension");
NS_OBJECT_ENSURE_REGISTERED(Type2RoutingExtension);

TypeId
Type2RoutingExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Type2RoutingExtension")
                            .SetParent<Ipv6ExtensionRouting>()
                            .SetGroupName("Dmm")
                            .AddConstructor<Type2RoutingExtension>();
    return tid;
}

void
Type2RoutingExtension::DoDispose()
{
    m_mr = nullptr;
    Ipv6ExtensionRouting::DoDispose();
}

void
Type2RoutingExtension::Install(Ptr<Node> node, Ptr<MobilityRouting> mr)
{
    Ptr<Ipv6ExtensionRoutingDemux> demux = node->GetObject<Ipv6ExtensionRoutingDemux>();
    if (!demux || demux->GetExtensionRouting(Type2RoutingHeader::ROUTING_TYPE))
    {
        return;
    }
    Ptr<Type2RoutingExtension> ext = CreateObject<Type2RoutingExtension>();
    ext->SetNode(node);
    ext->m_mr = mr;
    demux->Insert(ext);
}

uint8_t
Type2RoutingExtension::GetTypeRouting() const
{
    return Type2RoutingHeader::ROUTING_TYPE;
}

uint8_t
Type2RoutingExtension::Process(Ptr<Packet>& packet,
                               uint8_t offset,
                               const Ipv6Header& ipv6Header,
                               Ipv6Address,
                               uint8_t*,
                               bool& stopProcessing,
                               bool& isDropped,
                               Ipv6L3Protocol::DropReason& dropReason)
{
    Ptr<Packet> rest = packet->CreateFragment(offset, packet->GetSize() - offset);
    Type2RoutingHeader rh;
    auto result = Type2RoutingHeader::Parse(rest, &rh);
    stopProcessing = true;
    isDropped = true;
    dropReason = Ipv6L3Protocol::DROP_MALFORMED_HEADER;
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    if (offset != 0 || result != Type2RoutingHeader::ParseResult::OK)
    {
        m_mr->DropExtension(packet, ipv6Header, MobilityRouting::BAD_EXTENSION);
        return Type2RoutingHeader::SERIALIZED_SIZE;
    }
    if (ipv6->GetInterfaceForAddress(rh.GetHomeAddress()) < 0)
    {
        m_mr->DropExtension(packet, ipv6Header, MobilityRouting::RH2_NOT_HOME);
        return Type2RoutingHeader::SERIALIZED_SIZE;
    }
    rest->RemoveHeader(rh);
    Ipv6Header ip = ipv6Header;
    ip.SetDestination(rh.GetHomeAddress());
    ip.SetNextHeader(rh.GetNextHeader());
    ip.SetPayloadLength(rest->GetSize());
    isDropped = false;
    m_mr->Redeliver(rest, ip, false);
    return Type2RoutingHeader::SERIALIZED_SIZE;
}

} // namespace ns3
