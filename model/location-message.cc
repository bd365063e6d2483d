/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-message.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationMessage");

TypeId
LocationMessage::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocationMessage").SetParent<DmmSessionHeader>().SetGroupName("Dmm");
    return tid;
}

LocationMessage::LocationMessage(uint8_t subType)
    : DmmSessionHeader(subType)
{
}

void
LocationMessage::SetLocation(Ipv6Address home, Ipv6Address locator)
{
    AddSession(HomeNetworkPrefix::Make(home, 128), locator);
}

Ipv6Address
LocationMessage::GetHome() const
{
    auto sessions = GetSessions();
    return sessions.empty() ? Ipv6Address::GetAny() : sessions.front().first.prefix;
}

Ipv6Address
LocationMessage::GetLocator() const
{
    auto sessions = GetSessions();
    return sessions.empty() ? Ipv6Address::GetAny() : sessions.front().second;
}

} // namespace ns3
