/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * The Type 2 Routing header (RFC 6275 section 6.4).
 */
#ifndef DMM_TYPE2_ROUTING_HEADER_H
#define DMM_TYPE2_ROUTING_HEADER_H

#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Type 2 Routing header (IPv6 next header 43, routing type 2), as a correspondent
 *        node or home agent sends it to a mobile node's care-of address.
 *
 * Wire format (24 octets): Next Header, Hdr Ext Len = 2, Routing Type = 2, Segments Left
 * = 1, Reserved (32 bits), Home Address (128 bits).
 *
 * This is a plain Header: the sender adds it after the IPv6 header (destination = care-of
 * address, next header 43) and the receiver removes it itself; ns-3's own extension header
 * demultiplexing is not used.
 *
 * What the receiving mobile node must do (RFC 6275 sections 6.4 and 11.3.3):
 * - check that the home address is one of its own home addresses (a Type 2 header must
 *   never make a node forward the packet), else discard it;
 * - swap the IPv6 destination address and the home address and set Segments Left to 0,
 *   i.e. process the packet as addressed to the home address from then on;
 * - verify the upper-layer checksum (TCP, UDP, ICMPv6, Mobility Header) with the home
 *   address as pseudo-header destination: RFC 8200 section 8.1 uses the final destination
 *   of a routing header. The sender computes the checksum the same way.
 *
 * Parse() reads untrusted bytes: it never reads outside them and reports problems as a
 * ParseResult.
 */
class Type2RoutingHeader : public Header
{
  public:
    /// IPv6 next header value of a Routing header.
    static constexpr uint8_t PROT_NUMBER = 43;
    /// Routing type of the Type 2 Routing header.
    static constexpr uint8_t ROUTING_TYPE = 2;
    /// Octets of the header.
    static constexpr uint32_t SERIALIZED_SIZE = 24;

    /// Outcome of parsing a Routing header.
    enum class ParseResult
    {
        OK,                //!< well formed
        TRUNCATED,         //!< fewer octets than the header claims (or than 4)
        WRONG_TYPE,        //!< a routing header, but not of type 2
        BAD_LENGTH,        //!< Hdr Ext Len is not 2
        BAD_SEGMENTS_LEFT, //!< Segments Left is not 1
        BAD_HOME_ADDRESS,  //!< the home address is multicast
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates a header with next header 59 (none), segments left 1, unspecified address.
    Type2RoutingHeader();

    /// \brief Set the next header value (e.g. 135 for a Mobility Header, 17 for UDP).
    void SetNextHeader(uint8_t nextHeader);
    /// \brief The next header value.
    uint8_t GetNextHeader() const;
    /// \brief Set the home address (the packet's final destination).
    void SetHomeAddress(Ipv6Address homeAddress);
    /// \brief The home address.
    Ipv6Address GetHomeAddress() const;
    /// \brief The Segments Left field (1 when built or validly received).
    uint8_t GetSegmentsLeft() const;

    /// \brief Outcome of the last Deserialize() (OK before any).
    ParseResult GetParseResult() const;

    /**
     * \brief Parse a Routing header from untrusted bytes; never asserts.
     * \param data the first octet of the header (its Next Header field)
     * \param size octets available (the header and possibly what follows it)
     * \param out if not null, receives the fields read (meaningful as far as parsing got)
     * \return OK or the first problem found
     */
    static ParseResult Parse(const uint8_t* data, uint32_t size, Type2RoutingHeader* out = nullptr);
    /// \brief Parse() of the start of a packet.
    static ParseResult Parse(Ptr<const Packet> p, Type2RoutingHeader* out = nullptr);

    /// \brief Name of a ParseResult, e.g. "WRONG_TYPE".
    static std::string ParseResultToString(ParseResult r);

    // Header
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /// Reads the header; on malformed input records GetParseResult() instead of asserting
    /// and consumes the declared length (or nothing when truncated).
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

  private:
    uint8_t m_nextHeader{59};                   //!< next header
    uint8_t m_segmentsLeft{1};                  //!< segments left
    Ipv6Address m_homeAddress;                  //!< home address
    ParseResult m_parseResult{ParseResult::OK}; //!< outcome of the last Deserialize()
};

std::ostream& operator<<(std::ostream& os, Type2RoutingHeader::ParseResult r);

} // namespace ns3

#endif /* DMM_TYPE2_ROUTING_HEADER_H */
