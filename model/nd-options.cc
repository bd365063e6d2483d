/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "nd-options.h"

#include "ns3/icmpv6-header.h"
#include "ns3/log.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NdOptions");

namespace
{

constexpr size_t kIpv6Header = 40;
constexpr size_t kRsBody = 8;
constexpr uint8_t kSourceLla = 1;

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

} // namespace ns3
