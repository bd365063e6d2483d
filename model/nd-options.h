/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ND_OPTIONS_H
#define DMM_ND_OPTIONS_H

#include "ns3/home-address-allocation.h"
#include "ns3/mac48-address.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace ns3
{

class Packet;

/**
 * \ingroup dmm
 * \brief The options of a received Neighbor Discovery message (RFC 4861 §4.6), read
 * from untrusted bytes with every length checked.
 *
 * ns-3's option headers trust their length fields; a router or host that reads
 * options from the wire must not, so the agents parse them here.
 */
class NdOptions
{
  public:
    /**
     * \brief Parse the options that follow a message body.
     * \param message the ICMPv6 message, starting with its type byte
     * \param bodySize bytes of the fixed part (RS 8, RA 16)
     * \return std::nullopt when the message is shorter than its body or an option is
     *         malformed (zero length, or running past the end): RFC 4861 §6.1 says to
     *         discard such a message silently
     */
    static std::optional<NdOptions> Parse(Ptr<const Packet> message, uint32_t bodySize);

    /// \return the source link-layer address, if present and 48 bits long
    std::optional<Mac48Address> GetSourceLinkLayerAddress() const;
    /// \return the prefixes of all well-formed Prefix Information options
    std::vector<HomeNetworkPrefix> GetPrefixes() const;

  private:
    std::vector<uint8_t> m_bytes;                     //!< the options
    std::vector<std::pair<size_t, size_t>> m_options; //!< offset and length of each
};

} // namespace ns3

#endif // DMM_ND_OPTIONS_H
