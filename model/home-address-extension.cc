/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "home-address-extension.h"

#include "ns3/home-address-option-header.h"
#include "ns3/ipv6-extension-demux.h"
#include "ns3/log.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-routing.h"
#include "ns3/node.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HomeAddressExtension");
NS_OBJECT_ENSURE_REGISTERED(HomeAddressExtension);

TypeId
HomeAddressExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HomeAddressExtension")
                            .SetParent<Ipv6ExtensionDestination>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HomeAddressExtension>();
    return tid;
}

void
HomeAddressExtension::DoDispose()
{
    m_mr = nullptr;
    Ipv6ExtensionDestination::DoDispose();
}

void
HomeAddressExtension::Install(Ptr<Node> node, Ptr<MobilityRouting> mr)
{
    Ptr<Ipv6ExtensionDemux> demux = node->GetObject<Ipv6ExtensionDemux>();
    Ptr<Ipv6Extension> existing = demux->GetExtension(EXT_NUMBER);
    if (DynamicCast<HomeAddressExtension>(existing))
    {
        return;
    }
    if (existing)
    {
        demux->Remove(existing);
    }
    Ptr<HomeAddressExtension> ext = CreateObject<HomeAddressExtension>();
    ext->SetNode(node);
    ext->m_mr = mr;
    demux->Insert(ext);
}

uint8_t
HomeAddressExtension::Process(Ptr<Packet>& packet,
                              uint8_t offset,
                              const Ipv6Header& ipv6Header,
                              Ipv6Address dst,
                              uint8_t* nextHeader,
                              bool& stopProcessing,
                              bool& isDropped,
                              Ipv6L3Protocol::DropReason& dropReason)
{
    Ptr<Packet> rest = packet->CreateFragment(offset, packet->GetSize() - offset);
    HomeAddressOptionHeader hao;
    auto result = HomeAddressOptionHeader::Parse(rest, &hao);
    if (offset != 0 || result == HomeAddressOptionHeader::ParseResult::NO_HOME_ADDRESS_OPTION)
    {
        return Ipv6ExtensionDestination::Process(packet,
                                                 offset,
                                                 ipv6Header,
                                                 dst,
                                                 nextHeader,
                                                 stopProcessing,
                                                 isDropped,
                                                 dropReason);
    }
    stopProcessing = true;
    isDropped = true;
    dropReason = Ipv6L3Protocol::DROP_MALFORMED_HEADER;
    if (result != HomeAddressOptionHeader::ParseResult::OK)
    {
        m_mr->DropExtension(packet, ipv6Header, MobilityRouting::BAD_EXTENSION);
        return 0;
    }
    Ipv6Address home = hao.GetHomeAddress();
    if (hao.GetNextHeader() != MobilityHeader::PROT_NUMBER &&
        !m_mr->AcceptHomeAddress(home, ipv6Header.GetSource()))
    {
        m_mr->DropExtension(packet, ipv6Header, MobilityRouting::HAO_NO_BINDING);
        return 0;
    }
    rest->RemoveHeader(hao);
    Ipv6Header ip = ipv6Header;
    ip.SetSource(home);
    ip.SetNextHeader(hao.GetNextHeader());
    ip.SetPayloadLength(rest->GetSize());
    isDropped = false; // processed: delivered again with the home address as source
    m_mr->Redeliver(rest, ip, true);
    return HomeAddressOptionHeader::SERIALIZED_SIZE;
}

} // namespace ns3
