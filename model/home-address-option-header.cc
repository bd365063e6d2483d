/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/home-address-option-header.h"

#include "ns3/log.h"
#include "ns3/mobility-header.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HomeAddressOptionHeader");

NS_OBJECT_ENSURE_REGISTERED(HomeAddressOptionHeader);

namespace
{
constexpr uint8_t PAD1 = 0; //!< RFC 8200 section 4.2
constexpr uint8_t PADN = 1; //!< RFC 8200 section 4.2
} // namespace

TypeId
HomeAddressOptionHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HomeAddressOptionHeader")
                            .SetParent<Header>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HomeAddressOptionHeader>();
    return tid;
}

TypeId
HomeAddressOptionHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

HomeAddressOptionHeader::HomeAddressOptionHeader() = default;

void
HomeAddressOptionHeader::SetNextHeader(uint8_t nextHeader)
{
    m_nextHeader = nextHeader;
}

uint8_t
HomeAddressOptionHeader::GetNextHeader() const
{
    return m_nextHeader;
}

void
HomeAddressOptionHeader::SetHomeAddress(Ipv6Address homeAddress)
{
    m_homeAddress = homeAddress;
}

Ipv6Address
HomeAddressOptionHeader::GetHomeAddress() const
{
    return m_homeAddress;
}

HomeAddressOptionHeader::ParseResult
HomeAddressOptionHeader::GetParseResult() const
{
    return m_parseResult;
}

uint32_t
HomeAddressOptionHeader::GetHeaderLength() const
{
    return m_headerLength;
}

uint32_t
HomeAddressOptionHeader::GetErrorOffset() const
{
    return m_errorOffset;
}

HomeAddressOptionHeader::ParseResult
HomeAddressOptionHeader::Parse(const uint8_t* data, uint32_t size, HomeAddressOptionHeader* out)
{
    HomeAddressOptionHeader scratch;
    HomeAddressOptionHeader& h = out != nullptr ? *out : scratch;
    h.m_errorOffset = 0;
    if (data == nullptr || size < 2)
    {
        return ParseResult::TRUNCATED;
    }
    h.m_nextHeader = data[0];
    uint32_t total = (static_cast<uint32_t>(data[1]) + 1) * 8;
    h.m_headerLength = total;
    if (total > size)
    {
        return ParseResult::TRUNCATED;
    }
    bool found = false;
    uint32_t pos = 2;
    while (pos < total)
    {
        uint8_t type = data[pos];
        if (type == PAD1)
        {
            ++pos;
            continue;
        }
        if (total - pos < 2 || static_cast<uint32_t>(data[pos + 1]) > total - pos - 2)
        {
            h.m_errorOffset = pos;
            return ParseResult::BAD_LENGTH;
        }
        uint8_t len = data[pos + 1];
        if (type == OPTION_TYPE)
        {
            Ipv6Address hoa =
                len == OPTION_LENGTH ? Ipv6Address::Deserialize(data + pos + 2) : Ipv6Address();
            // RFC 6275 section 6.3: exactly one option, 16 octets, a unicast address.
            if (len != OPTION_LENGTH || found || hoa.IsMulticast())
            {
                h.m_errorOffset = pos;
                return ParseResult::BAD_OPTION;
            }
            h.m_homeAddress = hoa;
            found = true;
        }
        else if (type != PADN)
        {
            // RFC 8200 section 4.2: the two high-order bits say what to do with an option
            // the node does not recognise.
            switch (type >> 6)
            {
            case 0:
                break; // skip it and go on
            case 1:
                h.m_errorOffset = pos;
                return ParseResult::UNRECOGNIZED_OPTION_DISCARD;
            default:
                h.m_errorOffset = pos;
                return ParseResult::UNRECOGNIZED_OPTION_ICMP;
            }
        }
        pos += 2 + len;
    }
    return found ? ParseResult::OK : ParseResult::NO_HOME_ADDRESS_OPTION;
}

HomeAddressOptionHeader::ParseResult
HomeAddressOptionHeader::Parse(Ptr<const Packet> p, HomeAddressOptionHeader* out)
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
HomeAddressOptionHeader::ParseResultToString(ParseResult r)
{
    switch (r)
    {
    case ParseResult::OK:
        return "OK";
    case ParseResult::TRUNCATED:
        return "TRUNCATED";
    case ParseResult::BAD_LENGTH:
        return "BAD_LENGTH";
    case ParseResult::BAD_OPTION:
        return "BAD_OPTION";
    case ParseResult::UNRECOGNIZED_OPTION_DISCARD:
        return "UNRECOGNIZED_OPTION_DISCARD";
    case ParseResult::UNRECOGNIZED_OPTION_ICMP:
        return "UNRECOGNIZED_OPTION_ICMP";
    case ParseResult::NO_HOME_ADDRESS_OPTION:
        return "NO_HOME_ADDRESS_OPTION";
    }
    return "?";
}

uint32_t
HomeAddressOptionHeader::GetSerializedSize() const
{
    return SERIALIZED_SIZE;
}

void
HomeAddressOptionHeader::Serialize(Buffer::Iterator start) const
{
    uint8_t buf[SERIALIZED_SIZE] = {};
    buf[0] = m_nextHeader;
    buf[1] = SERIALIZED_SIZE / 8 - 1;
    // PadN with 2 data octets puts the Home Address option at offset 6 (8n+6).
    buf[2] = PADN;
    buf[3] = 2;
    buf[6] = OPTION_TYPE;
    buf[7] = OPTION_LENGTH;
    m_homeAddress.Serialize(buf + 8);
    start.Write(buf, SERIALIZED_SIZE);
}

uint32_t
HomeAddressOptionHeader::Deserialize(Buffer::Iterator start)
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
    return m_headerLength;
}

void
HomeAddressOptionHeader::Print(std::ostream& os) const
{
    os << "DestOpt next=" << +m_nextHeader << " HoA=" << m_homeAddress;
}

std::ostream&
operator<<(std::ostream& os, HomeAddressOptionHeader::ParseResult r)
{
    return os << HomeAddressOptionHeader::ParseResultToString(r);
}

} // namespace ns3
