/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/mobility-header.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityHeader");

NS_OBJECT_ENSURE_REGISTERED(MobilityHeader);

namespace
{

/// Known MH types and the size of their fixed message data.
std::map<uint8_t, uint32_t>&
MessageTypes()
{
    static std::map<uint8_t, uint32_t> types = {
        {MobilityHeader::BINDING_UPDATE, 6}, // sequence, flags, lifetime
        {MobilityHeader::BINDING_ACK, 6},    // status, flags, sequence, lifetime
    };
    return types;
}

/// One's complement sum of 16-bit big-endian words, folded.
uint32_t
SumWords(const uint8_t* data, uint32_t size, uint32_t sum)
{
    for (uint32_t i = 0; i + 1 < size; i += 2)
    {
        sum += (static_cast<uint32_t>(data[i]) << 8) | data[i + 1];
    }
    if (size % 2 == 1)
    {
        sum += static_cast<uint32_t>(data[size - 1]) << 8;
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum;
}

} // namespace

std::vector<uint8_t>
CopyLeadingBytes(Ptr<const Packet> p, uint32_t limit)
{
    uint32_t n = std::min(p->GetSize(), limit);
    std::vector<uint8_t> bytes(n);
    if (n > 0)
    {
        p->CopyData(bytes.data(), n);
    }
    return bytes;
}

TypeId
MobilityHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MobilityHeader").SetParent<Header>().SetGroupName("Dmm");
    return tid;
}

MobilityHeader::MobilityHeader(uint8_t mhType)
    : m_mhType(mhType)
{
}

MobilityHeader::~MobilityHeader() = default;

uint8_t
MobilityHeader::GetMhType() const
{
    return m_mhType;
}

MobilityOptions&
MobilityHeader::GetOptions()
{
    return m_options;
}

const MobilityOptions&
MobilityHeader::GetOptions() const
{
    return m_options;
}

void
MobilityHeader::InitializeChecksum(Ipv6Address src, Ipv6Address dst)
{
    m_src = src;
    m_dst = dst;
    m_calcChecksum = true;
}

bool
MobilityHeader::IsChecksumOk() const
{
    return m_goodChecksum;
}

uint16_t
MobilityHeader::GetChecksum() const
{
    return m_checksum;
}

MobilityHeader::ParseResult
MobilityHeader::GetParseResult() const
{
    return m_parseResult;
}

uint32_t
MobilityHeader::GetUnknownOptionCount() const
{
    return m_options.GetUnknownOptionCount();
}

void
MobilityHeader::RegisterMessageType(uint8_t mhType, uint32_t messageDataSize)
{
    MessageTypes()[mhType] = messageDataSize;
}

uint16_t
MobilityHeader::ComputeChecksum(const uint8_t* data,
                                uint32_t size,
                                Ipv6Address src,
                                Ipv6Address dst)
{
    // RFC 2460 section 8.1: source, destination, upper-layer length (32 bits),
    // three zero octets, next header.
    uint8_t pseudo[40] = {};
    src.Serialize(pseudo);
    dst.Serialize(pseudo + 16);
    pseudo[32] = static_cast<uint8_t>(size >> 24);
    pseudo[33] = static_cast<uint8_t>(size >> 16);
    pseudo[34] = static_cast<uint8_t>(size >> 8);
    pseudo[35] = static_cast<uint8_t>(size);
    pseudo[39] = PROT_NUMBER;
    uint32_t sum = SumWords(pseudo, sizeof(pseudo), 0);
    if (size >= 6)
    {
        // Sum around the checksum field (octets 4-5), which counts as zero.
        sum = SumWords(data, 4, sum);
        sum = SumWords(data + 6, size - 6, sum);
    }
    else
    {
        sum = SumWords(data, size, sum);
    }
    return static_cast<uint16_t>(~sum & 0xffff);
}

std::optional<uint32_t>
MobilityHeader::OptionsOffset(uint8_t mhType)
{
    const auto& types = MessageTypes();
    auto it = types.find(mhType);
    if (it == types.end())
    {
        return std::nullopt;
    }
    return COMMON_HEADER_SIZE + it->second;
}

MobilityHeader::ParseResult
MobilityHeader::ValidateBytes(const uint8_t* data, uint32_t size, uint32_t* unknownOptions)
{
    if (unknownOptions != nullptr)
    {
        *unknownOptions = 0;
    }
    if (size < 8)
    {
        return ParseResult::TRUNCATED;
    }
    if (data[0] != NO_NEXT_HEADER)
    {
        return ParseResult::BAD_PAYLOAD_PROTO;
    }
    uint32_t total = (static_cast<uint32_t>(data[1]) + 1) * 8;
    if (total > size)
    {
        return ParseResult::TRUNCATED;
    }
    if (total < size)
    {
        // Payload proto 59 means nothing may follow the Mobility Header.
        return ParseResult::BAD_LENGTH;
    }
    const auto& types = MessageTypes();
    auto it = types.find(data[2]);
    if (it == types.end())
    {
        return ParseResult::UNKNOWN_TYPE;
    }
    uint32_t optionsStart = COMMON_HEADER_SIZE + it->second;
    if (optionsStart > total)
    {
        return ParseResult::BAD_LENGTH;
    }
    MobilityOptions options;
    if (options.Parse(data + optionsStart, total - optionsStart) !=
        MobilityOptions::ParseStatus::OK)
    {
        return ParseResult::BAD_OPTION;
    }
    if (unknownOptions != nullptr)
    {
        *unknownOptions = options.GetUnknownOptionCount();
    }
    return ParseResult::OK;
}

MobilityHeader::ParseResult
MobilityHeader::Validate(Ptr<const Packet> p)
{
    if (!p)
    {
        return ParseResult::TRUNCATED;
    }
    std::vector<uint8_t> bytes = CopyLeadingBytes(p, MAX_SIZE + 1);
    return ValidateBytes(bytes.data(), bytes.size());
}

MobilityHeader::ParseResult
MobilityHeader::Validate(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
{
    if (!p)
    {
        return ParseResult::TRUNCATED;
    }
    std::vector<uint8_t> bytes = CopyLeadingBytes(p, MAX_SIZE + 1);
    ParseResult r = ValidateBytes(bytes.data(), bytes.size());
    if (r != ParseResult::OK)
    {
        return r;
    }
    uint16_t expected = ComputeChecksum(bytes.data(), bytes.size(), src, dst);
    uint16_t found = (static_cast<uint16_t>(bytes[4]) << 8) | bytes[5];
    return expected == found ? ParseResult::OK : ParseResult::BAD_CHECKSUM;
}

std::string
MobilityHeader::GetMessageName(Ptr<const Packet> p)
{
    if (!p)
    {
        return "MH?";
    }
    std::vector<uint8_t> b = CopyLeadingBytes(p, 10);
    if (b.size() < 3)
    {
        return "MH?";
    }
    switch (b[2])
    {
    case BINDING_REFRESH_REQUEST:
        return "BRR";
    case HOME_TEST_INIT:
        return "HoTI";
    case CARE_OF_TEST_INIT:
        return "CoTI";
    case HOME_TEST:
        return "HoT";
    case CARE_OF_TEST:
        return "CoT";
    case BINDING_UPDATE:
        // P flag: bit 6 of the flags word at octets 8-9 (RFC 5213 section 8.1).
        return (b.size() >= 10 && (b[8] & 0x02)) ? "PBU" : "BU";
    case BINDING_ACK:
        // P flag: bit 2 of the flags octet at octet 7 (RFC 5213 section 8.2).
        return (b.size() >= 8 && (b[7] & 0x20)) ? "PBA" : "BA";
    case BINDING_ERROR:
        return "BE";
    case 253: // RFC 4727 experimental: the DMM session and location messages, by subtype
        if (b.size() >= 7 && b[6] >= 1 && b[6] <= 12)
        {
            const char* names[] = {"SessionQuery",
                                   "SessionReply",
                                   "SessionUpdate",
                                   "LmSync",
                                   "LocationQuery",
                                   "LocationReply",
                                   "LocationNotify",
                                   "LocationStale",
                                   "ContextRequest",
                                   "ContextReply",
                                   "LocationRegister",
                                   "LocationRegisterAck"};
            return names[b[6] - 1];
        }
        if (b.size() >= 7 && b[6] >= 30 && b[6] <= 34) // distributed LMAs (seed 004)
        {
            const char* names[] = {"DlmaLocationInform",
                                   "DlmaCacheUpdate",
                                   "DlmaUniquenessCheck",
                                   "DlmaUniquenessReply",
                                   "DlmaLocationAck"};
            return names[b[6] - 30];
        }
        if (b.size() >= 7 && b[6] >= 20 && b[6] <= 23) // DMM with MIP (seed 002)
        {
            const char* names[] = {"HoaRequest", "HoaReply", "Redirect", "HandoverComplete"};
            return names[b[6] - 20];
        }
        if (b.size() >= 7 && b[6] >= 13 && b[6] <= 16) // ePMIP (seed 001, EpmipMessage)
        {
            const char* names[] = {"PBQR", "PBQA", "PBCI", "PBCA"};
            return names[b[6] - 13];
        }
        return "MH253";
    default:
        return "MH" + std::to_string(b[2]);
    }
}

void
MobilityHeader::WriteU16(uint8_t* buf, uint16_t v)
{
    buf[0] = static_cast<uint8_t>(v >> 8);
    buf[1] = static_cast<uint8_t>(v);
}

uint16_t
MobilityHeader::ReadU16(const uint8_t* buf)
{
    return static_cast<uint16_t>((static_cast<uint16_t>(buf[0]) << 8) | buf[1]);
}

void
MobilityHeader::WriteU64(uint8_t* buf, uint64_t v)
{
    for (int i = 0; i < 8; ++i)
    {
        buf[i] = static_cast<uint8_t>(v >> (56 - 8 * i));
    }
}

uint64_t
MobilityHeader::ReadU64(const uint8_t* buf)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
    {
        v = (v << 8) | buf[i];
    }
    return v;
}

std::string
MobilityHeader::ParseResultToString(ParseResult r)
{
    switch (r)
    {
    case ParseResult::OK:
        return "OK";
    case ParseResult::TRUNCATED:
        return "TRUNCATED";
    case ParseResult::BAD_LENGTH:
        return "BAD_LENGTH";
    case ParseResult::BAD_PAYLOAD_PROTO:
        return "BAD_PAYLOAD_PROTO";
    case ParseResult::UNKNOWN_TYPE:
        return "UNKNOWN_TYPE";
    case ParseResult::BAD_OPTION:
        return "BAD_OPTION";
    case ParseResult::BAD_CHECKSUM:
        return "BAD_CHECKSUM";
    }
    return "?";
}

bool
MobilityHeader::Fits() const
{
    return BuildUnchecked().size() <= MAX_SIZE;
}

std::vector<uint8_t>
MobilityHeader::BuildBytes() const
{
    std::vector<uint8_t> out = BuildUnchecked();
    // Senders check Fits() first (MobilityL4Protocol refuses larger messages): reaching this
    // is a programming error, never the effect of received data.
    NS_ABORT_MSG_IF(out.size() > MAX_SIZE,
                    "Mobility Header of " << out.size() << " octets exceeds " << MAX_SIZE
                                          << ": too many options");
    out[1] = static_cast<uint8_t>(out.size() / 8 - 1);
    return out;
}

std::vector<uint8_t>
MobilityHeader::BuildUnchecked() const
{
    std::vector<uint8_t> out{NO_NEXT_HEADER, 0, m_mhType, 0, 0, 0};
    uint32_t dataSize = GetMessageDataSize();
    out.resize(COMMON_HEADER_SIZE + dataSize, 0);
    SerializeMessageData(out.data() + COMMON_HEADER_SIZE);
    m_options.Serialize(out);
    uint32_t pad = (8 - out.size() % 8) % 8;
    if (pad == 1)
    {
        out.push_back(MobilityOptions::PAD1);
    }
    else if (pad >= 2)
    {
        out.push_back(MobilityOptions::PADN);
        out.push_back(static_cast<uint8_t>(pad - 2));
        out.insert(out.end(), pad - 2, 0);
    }
    return out;
}

std::vector<uint8_t>
MobilityHeader::ToBytes() const
{
    std::vector<uint8_t> out = BuildBytes();
    uint16_t checksum =
        m_calcChecksum ? ComputeChecksum(out.data(), out.size(), m_src, m_dst) : m_checksum;
    out[4] = static_cast<uint8_t>(checksum >> 8);
    out[5] = static_cast<uint8_t>(checksum);
    return out;
}

uint32_t
MobilityHeader::GetSerializedSize() const
{
    uint32_t size = COMMON_HEADER_SIZE + GetMessageDataSize();
    size += m_options.GetSerializedSize(size);
    return size + (8 - size % 8) % 8;
}

void
MobilityHeader::Serialize(Buffer::Iterator start) const
{
    std::vector<uint8_t> bytes = ToBytes();
    start.Write(bytes.data(), bytes.size());
}

uint32_t
MobilityHeader::Deserialize(Buffer::Iterator start)
{
    NS_LOG_FUNCTION(this);
    m_goodChecksum = true;
    uint32_t remaining = start.GetRemainingSize();
    if (remaining < 8)
    {
        m_parseResult = ParseResult::TRUNCATED;
        return 0;
    }
    Buffer::Iterator peek = start;
    peek.ReadU8();
    uint32_t total = (static_cast<uint32_t>(peek.ReadU8()) + 1) * 8;
    if (total > remaining)
    {
        m_parseResult = ParseResult::TRUNCATED;
        return 0;
    }
    std::vector<uint8_t> bytes(total);
    start.Read(bytes.data(), total);
    m_checksum = (static_cast<uint16_t>(bytes[4]) << 8) | bytes[5];

    // Trailing octets after the header are not ours to judge here (a Header may be
    // followed by payload in a Packet), so validate the header on its own.
    uint32_t unknown = 0;
    m_parseResult = ValidateBytes(bytes.data(), total, &unknown);
    if (m_parseResult == ParseResult::OK && bytes[2] != m_mhType)
    {
        m_parseResult = ParseResult::UNKNOWN_TYPE;
    }
    if (m_parseResult != ParseResult::OK)
    {
        return total;
    }
    DeserializeMessageData(bytes.data() + COMMON_HEADER_SIZE);
    uint32_t optionsStart = COMMON_HEADER_SIZE + GetMessageDataSize();
    m_options.Parse(bytes.data() + optionsStart, total - optionsStart);
    if (m_calcChecksum)
    {
        m_goodChecksum = ComputeChecksum(bytes.data(), total, m_src, m_dst) == m_checksum;
        if (!m_goodChecksum)
        {
            m_parseResult = ParseResult::BAD_CHECKSUM;
        }
    }
    return total;
}

void
MobilityHeader::Print(std::ostream& os) const
{
    os << "MH type=" << +m_mhType << " ";
    PrintMessageData(os);
    if (m_options.GetCount() > 0)
    {
        os << " " << m_options;
    }
}

std::ostream&
operator<<(std::ostream& os, MobilityHeader::ParseResult r)
{
    return os << MobilityHeader::ParseResultToString(r);
}

} // namespace ns3
