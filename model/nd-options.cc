/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "nd-options.h"

#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/packet.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NdOptions");

namespace
{

constexpr size_t kIpv6Header = 40;
constexpr size_t kRsBody = 8;
constexpr uint8_t kSourceLla = 1;

/// Octets ns-3.37 removes as the fixed part of an ND message of \p type before its
/// options, or 0 for an ICMPv6 type that is not ND.
uint32_t
Ns3NdBody(uint8_t type)
{
    switch (type)
    {
    case Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION:
        return 8;
    case Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT:
        return 16;
    case Icmpv6Header::ICMPV6_ND_NEIGHBOR_SOLICITATION:
    case Icmpv6Header::ICMPV6_ND_NEIGHBOR_ADVERTISEMENT:
        return 24;
    case Icmpv6Header::ICMPV6_ND_REDIRECTION:
        return 40;
    default:
        return 0;
    }
}

/// Whether ns-3 can take the ND message \p m of \p size octets, whose fixed part has \p body
/// octets, sent to \p dst (the conditions are listed at NdOptions::IsParsableByNs3).
bool
Ns3CanTakeNd(const uint8_t* m, size_t size, uint32_t body, const uint8_t* dst)
{
    if (size < body)
    {
        return false;
    }
    std::vector<uint8_t> types;
    for (size_t at = body; at < size;)
    {
        if (size - at < 2 || m[at + 1] == 0 || size - at < 8u * m[at + 1])
        {
            return false; // RFC 4861 §4.6: zero length, or running past the message
        }
        uint8_t type = m[at];
        uint8_t units = m[at + 1];
        switch (type)
        {
        case Icmpv6Header::ICMPV6_OPT_LINK_LAYER_SOURCE:
        case Icmpv6Header::ICMPV6_OPT_LINK_LAYER_TARGET:
            // Kept in the neighbour cache, then copied into a 6-octet Mac48Address.
            if (units != 1)
            {
                return false;
            }
            break;
        case Icmpv6Header::ICMPV6_OPT_PREFIX:
            // 32 octets read whatever the length; Ipv6Prefix(length) writes past 16 octets.
            if (units != 4 || m[at + 2] > 128)
            {
                return false;
            }
            break;
        case Icmpv6Header::ICMPV6_OPT_MTU:
            if (units != 1) // 8 octets read whatever the length
            {
                return false;
            }
            break;
        default:
            break;
        }
        types.push_back(type);
        at += 8u * units;
    }
    // ns-3's RA and NS loops leave a second one of these in place and read it again forever.
    if (std::count(types.begin(), types.end(), Icmpv6Header::ICMPV6_OPT_LINK_LAYER_SOURCE) > 1 ||
        std::count(types.begin(), types.end(), Icmpv6Header::ICMPV6_OPT_MTU) > 1)
    {
        return false;
    }
    if (m[0] != Icmpv6Header::ICMPV6_ND_REDIRECTION)
    {
        return true;
    }
    if (dst[0] == 0xff)
    {
        return false; // no interface has the address: ns-3's route would name interface -1
    }
    // ns-3 takes a target link-layer address option only first, then removes the next
    // option as a Redirected Header, whatever it is or if there is none.
    size_t redirected =
        !types.empty() && types[0] == Icmpv6Header::ICMPV6_OPT_LINK_LAYER_TARGET ? 1 : 0;
    return redirected < types.size() && types[redirected] == Icmpv6Header::ICMPV6_OPT_REDIRECTED;
}

/// RFC 1624 eqn. 3: the Internet checksum \p sum after the 16-bit word \p from became \p to.
uint16_t
ChecksumAdjust(uint16_t sum, uint16_t from, uint16_t to)
{
    uint32_t x = static_cast<uint16_t>(~sum) + static_cast<uint16_t>(~from) + to;
    x = (x & 0xffff) + (x >> 16);
    x = (x & 0xffff) + (x >> 16);
    return static_cast<uint16_t>(~x);
}

} // namespace

std::optional<NdOptions>
NdOptions::Parse(Ptr<const Packet> message, uint32_t bodySize)
{
    uint32_t size = message->GetSize();
    if (size < bodySize)
    {
        return std::nullopt;
    }
    NdOptions out;
    out.m_bytes.resize(size - bodySize);
    std::vector<uint8_t> all(size);
    message->CopyData(all.data(), size);
    std::copy(all.begin() + bodySize, all.end(), out.m_bytes.begin());
    for (size_t off = 0; off < out.m_bytes.size();)
    {
        if (out.m_bytes.size() - off < 2)
        {
            return std::nullopt;
        }
        size_t length = out.m_bytes[off + 1] * 8;
        if (length == 0 || off + length > out.m_bytes.size())
        {
            return std::nullopt; // RFC 4861 §4.6: a zero length is invalid; so is an overrun
        }
        out.m_options.emplace_back(off, length);
        off += length;
    }
    return out;
}

std::optional<Mac48Address>
NdOptions::GetSourceLinkLayerAddress() const
{
    for (const auto& [off, length] : m_options)
    {
        if (m_bytes[off] == Icmpv6Header::ICMPV6_OPT_LINK_LAYER_SOURCE && length == 8)
        {
            Mac48Address mac;
            mac.CopyFrom(&m_bytes[off + 2]);
            return mac;
        }
    }
    return std::nullopt;
}

std::vector<size_t>
NdOptions::PrefixOptions() const
{
    std::vector<size_t> out;
    for (const auto& [off, length] : m_options)
    {
        // RFC 4861 §4.6.2: type 3, length 4 (32 bytes), prefix length <= 128.
        if (m_bytes[off] == Icmpv6Header::ICMPV6_OPT_PREFIX && length == 32 &&
            m_bytes[off + 2] <= 128)
        {
            out.push_back(off);
        }
    }
    return out;
}

HomeNetworkPrefix
NdOptions::PrefixAt(size_t off) const
{
    uint8_t prefix[16];
    std::copy(&m_bytes[off + 16], &m_bytes[off + 32], prefix);
    return HomeNetworkPrefix{Ipv6Address(prefix), m_bytes[off + 2]};
}

uint32_t
NdOptions::U32At(size_t off) const
{
    return (uint32_t(m_bytes[off]) << 24) | (uint32_t(m_bytes[off + 1]) << 16) |
           (uint32_t(m_bytes[off + 2]) << 8) | m_bytes[off + 3];
}

std::vector<NdOptions::PrefixInformation>
NdOptions::GetPrefixInformation() const
{
    std::vector<PrefixInformation> out;
    for (size_t off : PrefixOptions())
    {
        HomeNetworkPrefix p = PrefixAt(off);
        out.push_back({HomeNetworkPrefix::Make(p.prefix, p.length),
                       m_bytes[off + 3],
                       U32At(off + 4),
                       U32At(off + 8)});
    }
    return out;
}

std::vector<HomeNetworkPrefix>
NdOptions::GetPrefixes() const
{
    std::vector<HomeNetworkPrefix> out;
    for (size_t off : PrefixOptions())
    {
        HomeNetworkPrefix p = PrefixAt(off);
        out.push_back(HomeNetworkPrefix::Make(p.prefix, p.length));
    }
    return out;
}

std::vector<HomeNetworkPrefix>
NdOptions::GetOnLinkPrefixes() const
{
    std::vector<HomeNetworkPrefix> out;
    for (size_t off : PrefixOptions())
    {
        constexpr uint8_t L_FLAG = 0x80; // RFC 4861 §4.6.2
        uint32_t valid = U32At(off + 4);
        HomeNetworkPrefix p = PrefixAt(off);
        p = HomeNetworkPrefix::Make(p.prefix, p.length);
        // §6.3.4: the link-local prefix is ignored; a zero valid lifetime times it out.
        if ((m_bytes[off + 3] & L_FLAG) && valid != 0 && !p.prefix.IsLinkLocal())
        {
            out.push_back(p);
        }
    }
    return out;
}

std::vector<HomeNetworkPrefix>
NdOptions::GetRouterAddresses() const
{
    std::vector<HomeNetworkPrefix> out;
    for (size_t off : PrefixOptions())
    {
        constexpr uint8_t R_FLAG = 0x20; // RFC 6275 §7.2
        if (m_bytes[off + 3] & R_FLAG)
        {
            out.push_back(PrefixAt(off));
        }
    }
    return out;
}

bool
NdOptions::MapOption::operator==(const MapOption& other) const
{
    return distance == other.distance && preference == other.preference && rFlag == other.rFlag &&
           validLifetime == other.validLifetime && address == other.address;
}

std::vector<uint8_t>
NdOptions::BuildMapOption(const MapOption& map)
{
    std::vector<uint8_t> b(MAP_OPTION_SIZE, 0);
    b[0] = MAP_OPTION_TYPE;
    b[1] = MAP_OPTION_SIZE / 8;
    b[2] = static_cast<uint8_t>(((map.distance & 0x0f) << 4) | (map.preference & 0x0f));
    b[3] = map.rFlag ? 0x80 : 0; // the other 7 bits are reserved
    for (int i = 0; i < 4; ++i)
    {
        b[4 + i] = static_cast<uint8_t>(map.validLifetime >> (24 - 8 * i));
    }
    map.address.Serialize(&b[8]);
    return b;
}

std::vector<NdOptions::MapOption>
NdOptions::GetMapOptions() const
{
    std::vector<MapOption> out;
    for (const auto& [off, length] : m_options)
    {
        // RFC 5380 section 10.1: type 23, length 3; a MAP must have a unicast address.
        if (m_bytes[off] != MAP_OPTION_TYPE || length != MAP_OPTION_SIZE)
        {
            continue;
        }
        const uint8_t* b = &m_bytes[off];
        MapOption map;
        map.distance = b[2] >> 4;
        map.preference = b[2] & 0x0f;
        map.rFlag = (b[3] & 0x80) != 0;
        map.validLifetime = U32At(off + 4);
        map.address = Ipv6Address::Deserialize(b + 8);
        if (!map.address.IsMulticast())
        {
            out.push_back(map);
        }
    }
    return out;
}

bool
NdOptions::PrefixProperties::operator==(const PrefixProperties& other) const
{
    return prefix == other.prefix && properties == other.properties;
}

std::vector<uint8_t>
NdOptions::BuildPrefixProperties(const PrefixProperties& pp)
{
    // Type, Length, Prefix Length, Properties, 4 reserved octets, the 16-octet prefix: the
    // layout of a MAP option, so the prefix stays 8-octet aligned (RFC 4861 §4.6).
    std::vector<uint8_t> b(PREFIX_PROPERTIES_SIZE, 0);
    b[0] = PREFIX_PROPERTIES_TYPE;
    b[1] = PREFIX_PROPERTIES_SIZE / 8;
    b[2] = pp.prefix.length;
    b[3] = pp.properties;
    pp.prefix.prefix.Serialize(&b[8]);
    return b;
}

std::vector<NdOptions::PrefixProperties>
NdOptions::GetPrefixProperties() const
{
    std::vector<PrefixProperties> out;
    for (const auto& [off, length] : m_options)
    {
        if (m_bytes[off] != PREFIX_PROPERTIES_TYPE || length != PREFIX_PROPERTIES_SIZE ||
            m_bytes[off + 2] > 128)
        {
            continue; // RFC 4861 §4.6: an option the receiver cannot use is skipped
        }
        Ipv6Address prefix = Ipv6Address::Deserialize(&m_bytes[off + 8]);
        out.push_back({HomeNetworkPrefix::Make(prefix, m_bytes[off + 2]), m_bytes[off + 3]});
    }
    return out;
}

bool
NdOptions::MobilitySession::operator==(const MobilitySession& other) const
{
    return prefix == other.prefix && anchor == other.anchor;
}

std::vector<uint8_t>
NdOptions::BuildMobilitySession(const MobilitySession& session)
{
    // Type, Length, Prefix Length, 5 reserved octets, the prefix, the anchor: both
    // addresses 8-octet aligned, as in the Prefix Properties option.
    std::vector<uint8_t> b(MOBILITY_SESSION_SIZE, 0);
    b[0] = MOBILITY_SESSION_TYPE;
    b[1] = MOBILITY_SESSION_SIZE / 8;
    b[2] = session.prefix.length;
    session.prefix.prefix.Serialize(&b[8]);
    session.anchor.Serialize(&b[24]);
    return b;
}

std::vector<NdOptions::MobilitySession>
NdOptions::GetMobilitySessions() const
{
    std::vector<MobilitySession> out;
    for (const auto& [off, length] : m_options)
    {
        if (m_bytes[off] != MOBILITY_SESSION_TYPE || length != MOBILITY_SESSION_SIZE ||
            m_bytes[off + 2] > 128)
        {
            continue; // RFC 4861 §4.6: an option the receiver cannot use is skipped
        }
        Ipv6Address prefix = Ipv6Address::Deserialize(&m_bytes[off + 8]);
        Ipv6Address anchor = Ipv6Address::Deserialize(&m_bytes[off + 24]);
        if (anchor.IsMulticast() || anchor.IsLinkLocal() || anchor.IsLocalhost())
        {
            continue; // a location update can only go to a global unicast address (:: unknown)
        }
        out.push_back({HomeNetworkPrefix::Make(prefix, m_bytes[off + 2]), anchor});
    }
    return out;
}

bool
NdOptions::SetSolicitationSource(std::vector<uint8_t>& bytes, Mac48Address mac)
{
    uint8_t lla[6];
    mac.CopyTo(lla);
    for (size_t at = kIpv6Header + kRsBody; at + 8 <= bytes.size(); at += 8 * bytes[at + 1])
    {
        if (bytes[at + 1] == 0)
        {
            return false; // malformed: the receiver discards it anyway (RFC 4861 §6.1)
        }
        if (bytes[at] == kSourceLla && bytes[at + 1] == 1)
        {
            uint8_t* checksum = bytes.data() + kIpv6Header + 2;
            uint16_t sum = (checksum[0] << 8) | checksum[1];
            for (size_t i = 0; i < 6; i += 2)
            {
                uint16_t from = (bytes[at + 2 + i] << 8) | bytes[at + 3 + i];
                bytes[at + 2 + i] = lla[i];
                bytes[at + 3 + i] = lla[i + 1];
                sum = ChecksumAdjust(sum, from, (lla[i] << 8) | lla[i + 1]);
            }
            checksum[0] = sum >> 8;
            checksum[1] = sum & 0xff;
            return true;
        }
    }
    return false;
}

bool
NdOptions::IsParsableByNs3(Ptr<const Packet> packet)
{
    uint8_t header[kIpv6Header];
    if (packet->CopyData(header, sizeof(header)) != sizeof(header))
    {
        return true; // not even an IPv6 header: the stack does not get as far as ICMPv6
    }
    auto isExtension = [](uint8_t next) {
        return next == Ipv6Header::IPV6_EXT_HOP_BY_HOP || next == Ipv6Header::IPV6_EXT_ROUTING ||
               next == Ipv6Header::IPV6_EXT_FRAGMENTATION ||
               next == Ipv6Header::IPV6_EXT_DESTINATION;
    };
    if (header[6] != Icmpv6L4Protocol::PROT_NUMBER && !isExtension(header[6]))
    {
        return true; // the data packets: no copy of their payload
    }
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    // ns-3 trims the packet to its payload length, and reads what a longer one promises.
    size_t end = std::min<size_t>(bytes.size(), kIpv6Header + ((bytes[4] << 8) | bytes[5]));
    uint8_t next = bytes[6];
    size_t at = kIpv6Header;
    bool fragmented = false;
    while (isExtension(next))
    {
        if (at >= end)
        {
            return true; // no extension header at all: ns-3's own parsing (not ND) is at fault
        }
        uint8_t following = bytes[at];
        size_t length = next == Ipv6Header::IPV6_EXT_FRAGMENTATION
                            ? 8
                            : (at + 2 <= end ? 8u * (bytes[at + 1] + 1) : 8);
        if (end - at < length)
        {
            // ns-3 reads past the end and hands what is left, nothing, to the next header.
            return following != Icmpv6L4Protocol::PROT_NUMBER;
        }
        if (next == Ipv6Header::IPV6_EXT_FRAGMENTATION)
        {
            if (((bytes[at + 2] << 8) | bytes[at + 3]) >> 3 != 0)
            {
                return true; // not the first fragment: no upper-layer header in it
            }
            fragmented = true;
        }
        next = following;
        at += length;
        if (at - kIpv6Header > 255)
        {
            return false; // ns-3 counts the offset of the next header in 8 bits
        }
    }
    if (next != Icmpv6L4Protocol::PROT_NUMBER)
    {
        return true;
    }
    if (at == end)
    {
        return false; // ns-3 reads the ICMPv6 type from nothing
    }
    uint32_t body = Ns3NdBody(bytes[at]);
    if (body == 0)
    {
        return true;
    }
    return !fragmented && Ns3CanTakeNd(&bytes[at], end - at, body, &bytes[24]);
}

} // namespace ns3
