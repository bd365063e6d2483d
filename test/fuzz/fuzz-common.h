/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What the libFuzzer targets share: reading every accessor of a parsed message (so that a
// read past what was validated shows up under ASan), and the Internet checksum a target
// fills in so that mutated messages get past the checksum check to the parsers.
#ifndef DMM_FUZZ_COMMON_H
#define DMM_FUZZ_COMMON_H

#include "ns3/dmm-session-header.h"
#include "ns3/ipv6-address.h"
#include "ns3/mobility-header.h"
#include "ns3/mobility-option.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <vector>

namespace dmmfuzz
{
using namespace ns3;

/// Read every typed option of \p options, as the agents do.
inline void
ReadOptions(const MobilityOptions& options)
{
    std::ostringstream os;
    options.Print(os);
    options.GetHomeNetworkPrefixes();
    options.GetMobileNodeIdentifier();
    options.GetHandoffIndicator();
    options.GetAccessTechnologyType();
    if (auto ts = options.GetTimestamp())
    {
        MobilityOptions::TimestampToTime(*ts);
    }
    options.GetMobileNodeLinkLayerIdentifier();
    options.GetLinkLocalAddress();
    options.GetBindingRefreshAdvice();
    options.GetAlternateCareOfAddress();
    options.GetNonceIndices();
    options.GetBindingAuthorizationData();
    for (auto sub : {DmmSessionHeader::ANCHOR_MAR,
                     DmmSessionHeader::VISITED_SERVER,
                     DmmSessionHeader::RELAY_TARGET})
    {
        DmmSessionHeader::GetAnchorOption(options, sub);
    }
}

/// The ones' complement sum of RFC 1071 over the IPv6 pseudo-header (RFC 8200 §8.1) and
/// \p data, with the checksum field at \p at taken as zero. \return the checksum to write
inline uint16_t
PseudoHeaderChecksum(const std::vector<uint8_t>& data,
                     size_t at,
                     Ipv6Address src,
                     Ipv6Address dst,
                     uint8_t nextHeader)
{
    uint8_t pseudo[40] = {};
    src.Serialize(pseudo);
    dst.Serialize(pseudo + 16);
    uint32_t length = data.size();
    pseudo[32] = length >> 24;
    pseudo[33] = length >> 16;
    pseudo[34] = length >> 8;
    pseudo[35] = length;
    pseudo[39] = nextHeader;
    uint32_t sum = 0;
    auto add = [&sum](const uint8_t* p, size_t n, size_t skip) {
        for (size_t i = 0; i < n; i += 2)
        {
            uint16_t word = (p[i] << 8) | (i + 1 < n ? p[i + 1] : 0);
            sum += i == skip ? 0 : word;
        }
    };
    add(pseudo, sizeof(pseudo), SIZE_MAX);
    add(data.data(), data.size(), at);
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return ~sum & 0xffff;
}

/// Write the checksum of \p data at \p at (if it fits there).
inline void
FixChecksum(std::vector<uint8_t>& data,
            size_t at,
            Ipv6Address src,
            Ipv6Address dst,
            uint8_t nextHeader)
{
    if (at + 2 > data.size() || at % 2)
    {
        return;
    }
    uint16_t sum = PseudoHeaderChecksum(data, at, src, dst, nextHeader);
    data[at] = sum >> 8;
    data[at + 1] = sum & 0xff;
}

} // namespace dmmfuzz

#endif // DMM_FUZZ_COMMON_H
