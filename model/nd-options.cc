/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "nd-options.h"

#include "ns3/icmpv6-header.h"
#include "ns3/packet.h"

namespace ns3
{

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

std::vector<HomeNetworkPrefix>
NdOptions::GetPrefixes() const
{
    std::vector<HomeNetworkPrefix> out;
    for (const auto& [off, length] : m_options)
    {
        // RFC 4861 §4.6.2: type 3, length 4 (32 bytes), prefix length <= 128.
        if (m_bytes[off] == Icmpv6Header::ICMPV6_OPT_PREFIX && length == 32 &&
            m_bytes[off + 2] <= 128)
        {
            uint8_t prefix[16];
            std::copy(&m_bytes[off + 16], &m_bytes[off + 32], prefix);
            out.push_back(HomeNetworkPrefix::Make(Ipv6Address(prefix), m_bytes[off + 2]));
        }
    }
    return out;
}

} // namespace ns3
