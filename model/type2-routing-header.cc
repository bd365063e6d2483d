/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/type2-routing-header.h"

#include "ns3/log.h"
#include "ns3/mobility-header.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Type2RoutingHeader");

NS_OBJECT_ENSURE_REGISTERED(Type2RoutingHeader);

TypeId
Type2RoutingHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Type2RoutingHeader")
                            .SetParent<Header>()
                            .SetGroupName("Dmm")
                            .AddConstructor<Type2RoutingHeader>();
    return tid;
}

TypeId
Type2RoutingHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

Type2RoutingHeader::Type2RoutingHeader() = default;

void
Type2RoutingHeader::SetNextHeader(uint8_t nextHeader)
{
    m_nextHeader = nextHeader;
}

uint8_t
Type2RoutingHeader::GetNextHeader() const
{
    return m_nextHeader;
}

void
Type2RoutingHeader::SetHomeAddress(Ipv6Address homeAddress)
{
    m_homeAddress = homeAddress;
}

Ipv6Address
Type2RoutingHeader::GetHomeAddress() const
{
    return m_homeAddress;
}

uint8_t
Type2RoutingHeader::GetSegmentsLeft() const
{
    return m_segmentsLeft;
}

Type2RoutingHeader::ParseResult
Type2RoutingHeader::GetParseResult() const
{
    return m_parseResult;
}

Type2RoutingHeader::ParseResult
Type2RoutingHeader::Parse(const uint8_t* data, uint32_t size, Type2RoutingHeader* out)
{
    Type2RoutingHeader scratch;
    Type2RoutingHeader& h = out != nullptr ? *out : scratch;
    if (data == nullptr || size < 4)
    {
        return ParseResult::TRUNCATED;
    }
    h.m_nextHeader = data[0];
    h.m_segmentsLeft = data[3];
    uint32_t total = (static_cast<uint32_t>(data[1]) + 1) * 8;
    if (total > size)
    {
        return ParseResult::TRUNCATED;
    }
    // The type is checked first so that a caller can hand other routing types elsewhere.
    if (data[2] != ROUTING_TYPE)
    {
        return ParseResult::WRONG_TYPE;
    }
    if (total != SERIALIZED_SIZE)
    {
        return ParseResult::BAD_LENGTH;
    }
    if (data[3] != 1)
    {
        return ParseResult::BAD_SEGMENTS_LEFT;
    }
    h.m_homeAddress = Ipv6Address::Deserialize(data + 8);
    if (h.m_homeAddress.IsMulticast())
    {
        return ParseResult::BAD_HOME_ADDRESS;
    }
    return ParseResult::OK;
}

Type2RoutingHeader::ParseResult
Type2RoutingHeader::Parse(Ptr<const Packet> p, Type2RoutingHeader* out)
{
    if (!p)
    {
        return ParseResult::TRUNCATED;
    }
    // The header is at most (255 + 1) * 8 octets; more need not be copied.
    std::vector<uint8_t> bytes = CopyLeadingBytes(p, 2048);
    return Parse(bytes.data(), bytes.size(), out);
}

std::string
Type2RoutingHeader::ParseResultToString(ParseResult r)
{
    switch (r)
    {
    case ParseResult::OK:
        return "OK";
    case ParseResult::TRUNCATED:
        return "TRUNCATED";
    case ParseResult::WRONG_TYPE:
        return "WRONG_TYPE";
    case ParseResult::BAD_LENGTH:
        return "BAD_LENGTH";
    case ParseResult::BAD_SEGMENTS_LEFT:
        return "BAD_SEGMENTS_LEFT";
    case ParseResult::BAD_HOME_ADDRESS:
        return "BAD_HOME_ADDRESS";
    }
    return "?";
}

uint32_t
Type2RoutingHeader::GetSerializedSize() const
{
    return SERIALIZED_SIZE;
}

void
Type2RoutingHeader::Serialize(Buffer::Iterator start) const
{
    uint8_t buf[SERIALIZED_SIZE] = {};
    buf[0] = m_nextHeader;
    buf[1] = SERIALIZED_SIZE / 8 - 1;
    buf[2] = ROUTING_TYPE;
    buf[3] = m_segmentsLeft;
    // octets 4-7: reserved, zero
    m_homeAddress.Serialize(buf + 8);
    start.Write(buf, SERIALIZED_SIZE);
}

uint32_t
Type2RoutingHeader::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    uint32_t remaining = start.GetRemainingSize();
    std::vector<uint8_t> bytes(std::min<uint32_t>(remaining, 2048));
    start.Read(bytes.data(), bytes.size());
    m_parseResult = Parse(bytes.data(), bytes.size(), this);
    if (m_parseResult == ParseResult::TRUNCATED)
    {
        return 0;
    }
    return (static_cast<uint32_t>(bytes[1]) + 1) * 8;
}

void
Type2RoutingHeader::Print(std::ostream& os) const
{
    os << "RH2 next=" << +m_nextHeader << " segleft=" << +m_segmentsLeft
       << " HoA=" << m_homeAddress;
}

std::ostream&
operator<<(std::ostream& os, Type2RoutingHeader::ParseResult r)
{
    return os << Type2RoutingHeader::ParseResultToString(r);
}

} // namespace ns3
