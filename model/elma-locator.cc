/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "elma-locator.h"

#include "ns3/ipv6-option-header.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/node.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ElmaLocator");
NS_OBJECT_ENSURE_REGISTERED(ElmaQueryInterceptor);

Ipv6ExtensionHopByHopHeader
ElmaQueryOption::MakeHeader()
{
    Ipv6OptionHeader option;
    option.SetType(OPT_NUMBER);
    option.SetLength(0); // the option's presence is the indication (§4.4.2)
    Ipv6ExtensionHopByHopHeader hbh;
    hbh.SetNextHeader(MobilityL4Protocol::PROT_NUMBER);
    hbh.AddOption(option);
    return hbh;
}

TypeId
ElmaQueryInterceptor::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ElmaQueryInterceptor")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ElmaQueryInterceptor>();
    return tid;
}

void
ElmaQueryInterceptor::DoDispose()
{
    m_ipv6 = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

void
ElmaQueryInterceptor::AddPrefix(const HomeNetworkPrefix& prefix)
{
    m_prefixes.push_back(prefix);
}

uint64_t
ElmaQueryInterceptor::GetIntercepted() const
{
    return m_intercepted;
}

bool
ElmaQueryInterceptor::CarriesQueryOption(Ptr<const Packet> p)
{
    Ipv6ExtensionHopByHopHeader hbh;
    if (p->GetSize() < 8 || p->PeekHeader(hbh) == 0)
    {
        return false;
    }
    uint8_t bytes[256];
    uint32_t size = std::min<uint32_t>(hbh.GetSerializedSize(), sizeof(bytes));
    p->CopyData(bytes, size);
    for (uint32_t i = 2; i + 1 < size;)
    {
        if (bytes[i] == ElmaQueryOption::OPT_NUMBER)
        {
            return true;
        }
        i += bytes[i] == 0 ? 1 : bytes[i + 1] + 2; // Pad1 has no length octet
    }
    return false;
}

bool
ElmaQueryInterceptor::RouteInput(Ptr<const Packet> p,
                                 const Ipv6Header& header,
                                 Ptr<const NetDevice> idev,
                                 UnicastForwardCallback,
                                 MulticastForwardCallback,
                                 LocalDeliverCallback lcb,
                                 ErrorCallback)
{
    if (header.GetNextHeader() != Ipv6Header::IPV6_EXT_HOP_BY_HOP || !CarriesQueryOption(p))
    {
        return false;
    }
    for (const auto& prefix : m_prefixes)
    {
        if (prefix.Contains(header.GetDestination()))
        {
            // §4.4.2: "eLMA3 shall treat itself as destination of this message".
            NS_LOG_LOGIC("query for " << header.GetDestination() << " terminated here");
            m_intercepted++;
            lcb(p, header, m_ipv6->GetInterfaceForDevice(idev));
            return true;
        }
    }
    return false;
}

Ptr<Ipv6Route>
ElmaQueryInterceptor::RouteOutput(Ptr<Packet>,
                                  const Ipv6Header&,
                                  Ptr<NetDevice>,
                                  Socket::SocketErrno& sockerr)
{
    sockerr = Socket::ERROR_NOROUTETOHOST;
    return nullptr; // the node's own packets are routed by the other protocols
}

void
ElmaQueryInterceptor::NotifyInterfaceUp(uint32_t)
{
}

void
ElmaQueryInterceptor::NotifyInterfaceDown(uint32_t)
{
}

void
ElmaQueryInterceptor::NotifyAddAddress(uint32_t, Ipv6InterfaceAddress)
{
}

void
ElmaQueryInterceptor::NotifyRemoveAddress(uint32_t, Ipv6InterfaceAddress)
{
}

void
ElmaQueryInterceptor::NotifyAddRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
ElmaQueryInterceptor::NotifyRemoveRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
ElmaQueryInterceptor::SetIpv6(Ptr<Ipv6> ipv6)
{
    m_ipv6 = ipv6;
}

void
ElmaQueryInterceptor::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit) const
{
    *stream->GetStream() << "ElmaQueryInterceptor: " << m_prefixes.size() << " prefixes\n";
}

} // namespace ns3
