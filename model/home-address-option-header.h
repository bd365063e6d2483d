/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * An IPv6 Destination Options header that carries the Home Address option
 * (RFC 6275 section 6.3).
 */
#ifndef DMM_HOME_ADDRESS_OPTION_HEADER_H
#define DMM_HOME_ADDRESS_OPTION_HEADER_H

#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Destination Options extension header (IPv6 next header 60) with the Home Address
 *        option (type 201), as a mobile node sends it from a care-of address.
 *
 * Built form (24 octets): Next Header, Hdr Ext Len = 2, a PadN option of 2 data octets so
 * that the Home Address option starts at 8n+6 as RFC 6275 section 6.3 requires, then the
 * option: type 201, length 16, the home address (ending on an 8-octet boundary).
 *
 * This is a plain Header: the sender adds it between the IPv6 header (source = care-of
 * address, next header 60) and the Mobility Header or upper-layer header, and the receiver
 * removes it itself; ns-3's own extension header demultiplexing is not used.
 *
 * What the receiver (a correspondent node or home agent) must do, RFC 6275 section 9.3.1:
 * - accept the option only if a binding cache entry exists for the home address with the
 *   packet's source as care-of address, or the packet carries a Binding Update (which is
 *   then authenticated on its own); otherwise discard the packet and send a Binding Error
 *   with status 1 (BindingError::UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION) to the source;
 * - substitute the home address for the IPv6 source address before any upper-layer
 *   processing, so that the upper layer (sockets, replies) sees only the home address;
 * - verify the upper-layer checksum (TCP, UDP, ICMPv6) with the home address as the
 *   pseudo-header source;
 * - for a Mobility Header, verify its checksum with the home address as pseudo-header
 *   source too (RFC 6275 section 6.1.1), i.e. MobilityHeader::InitializeChecksum(hoa, dst)
 *   or MobilityHeader::Validate(p, hoa, dst).
 * The sender computes those checksums the same way (pseudo-header source = home address).
 *
 * Parse() reads untrusted bytes: it never reads outside them and reports problems as a
 * ParseResult. Options other than Pad1, PadN and the Home Address option are handled as
 * RFC 8200 section 4.2 says for unrecognised options: skipped when the two high-order bits
 * of the type are 00, otherwise the packet must be discarded (and for 10, or for 11 with a
 * unicast destination, an ICMPv6 Parameter Problem code 2 sent pointing at the option,
 * GetErrorOffset() octets from the start of this header).
 */
class HomeAddressOptionHeader : public Header
{
  public:
    /// IPv6 next header value of a Destination Options header.
    static constexpr uint8_t PROT_NUMBER = 60;
    /// Option type of the Home Address option.
    static constexpr uint8_t OPTION_TYPE = 201;
    /// Option data length of the Home Address option.
    static constexpr uint8_t OPTION_LENGTH = 16;
    /// Octets of the header as built by this class.
    static constexpr uint32_t SERIALIZED_SIZE = 24;

    /// Outcome of parsing a Destination Options header.
    enum class ParseResult
    {
        OK,                          //!< well formed, one Home Address option
        TRUNCATED,                   //!< fewer octets than the header claims
        BAD_LENGTH,                  //!< an option runs past the end of the header
        BAD_OPTION,                  //!< a Home Address option of the wrong length, a
                                     //!< repeated one, or a multicast home address
        UNRECOGNIZED_OPTION_DISCARD, //!< unknown option, type bits 01: discard silently
        UNRECOGNIZED_OPTION_ICMP,    //!< unknown option, type bits 10 or 11: discard and
                                     //!< send Parameter Problem (11: unicast dst only)
        NO_HOME_ADDRESS_OPTION,      //!< well formed, but no Home Address option
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates a header with next header 59 (none) and the unspecified home address.
    HomeAddressOptionHeader();

    /// \brief Set the next header value (e.g. 135 for a Mobility Header, 17 for UDP).
    void SetNextHeader(uint8_t nextHeader);
    /// \brief The next header value.
    uint8_t GetNextHeader() const;
    /// \brief Set the home address carried in the option.
    void SetHomeAddress(Ipv6Address homeAddress);
    /// \brief The home address carried in the option.
    Ipv6Address GetHomeAddress() const;

    /// \brief Outcome of the last Deserialize() (OK before any).
    ParseResult GetParseResult() const;
    /// \brief Octets of the header read by the last Deserialize() (SERIALIZED_SIZE before).
    uint32_t GetHeaderLength() const;
    /// \brief Offset from the start of the header of the option that caused the last
    ///        parse failure (0 if none).
    uint32_t GetErrorOffset() const;

    /**
     * \brief Parse a Destination Options header from untrusted bytes; never asserts.
     * \param data the first octet of the header (its Next Header field)
     * \param size octets available (the header and possibly what follows it)
     * \param out if not null, receives next header, home address, header length and error
     *            offset (the fields are only meaningful as far as parsing got)
     * \return OK or the first problem found
     */
    static ParseResult Parse(const uint8_t* data,
                             uint32_t size,
                             HomeAddressOptionHeader* out = nullptr);
    /// \brief Parse() of the start of a packet.
    static ParseResult Parse(Ptr<const Packet> p, HomeAddressOptionHeader* out = nullptr);

    /// \brief Name of a ParseResult, e.g. "NO_HOME_ADDRESS_OPTION".
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
    Ipv6Address m_homeAddress;                  //!< home address
    ParseResult m_parseResult{ParseResult::OK}; //!< outcome of the last Deserialize()
    uint32_t m_headerLength{SERIALIZED_SIZE};   //!< octets read by the last Deserialize()
    uint32_t m_errorOffset{0};                  //!< offset of the offending option
};

std::ostream& operator<<(std::ostream& os, HomeAddressOptionHeader::ParseResult r);

} // namespace ns3

#endif /* DMM_HOME_ADDRESS_OPTION_HEADER_H */
