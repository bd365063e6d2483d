/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * The IPv6 Mobility Header (RFC 6275 section 6.1), next header 135.
 */
#ifndef DMM_MOBILITY_HEADER_H
#define DMM_MOBILITY_HEADER_H

#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/mobility-option.h"
#include "ns3/packet.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Abstract base of every Mobility Header message: the common header, the mobility
 *        options and the checksum.
 *
 * Wire format (RFC 6275 section 6.1.1): Payload Proto (59), Header Len (8-octet units not
 * counting the first 8 octets), MH Type, Reserved, Checksum, then the message data of the
 * subclass, then the options; the whole is padded with Pad1/PadN to a multiple of 8 octets.
 *
 * The checksum works like UdpHeader's: call InitializeChecksum() before AddHeader() to
 * have Serialize() fill it in, and before RemoveHeader() to have Deserialize() verify it.
 * Deserialize() never reads past the buffer; on malformed input it records the problem in
 * GetParseResult() instead of asserting. Untrusted packets should go through Validate()
 * first.
 */
class MobilityHeader : public Header
{
  public:
    /// IPv6 next header value of the Mobility Header.
    static constexpr uint8_t PROT_NUMBER = 135;
    /// The only legal Payload Proto value: IPv6 "No Next Header".
    static constexpr uint8_t NO_NEXT_HEADER = 59;
    /// Octets of the common header before the message data.
    static constexpr uint32_t COMMON_HEADER_SIZE = 6;
    /// Largest possible Mobility Header: (255 + 1) * 8 octets.
    static constexpr uint32_t MAX_SIZE = 2048;
    /// \return whether the message, options and padding included, fits in MAX_SIZE octets
    bool Fits() const;

    /// MH Type values (IANA "Mobility Header Types" registry).
    enum MhType : uint8_t
    {
        BINDING_REFRESH_REQUEST = 0, //!< BRR (RFC 6275 section 6.1.2)
        HOME_TEST_INIT = 1,          //!< HoTI (RFC 6275 section 6.1.3)
        CARE_OF_TEST_INIT = 2,       //!< CoTI (RFC 6275 section 6.1.4)
        HOME_TEST = 3,               //!< HoT (RFC 6275 section 6.1.5)
        CARE_OF_TEST = 4,            //!< CoT (RFC 6275 section 6.1.6)
        BINDING_UPDATE = 5,          //!< BU / PBU (RFC 6275, RFC 5213)
        BINDING_ACK = 6,             //!< BA / PBA
        BINDING_ERROR = 7,           //!< BE (RFC 6275 section 6.1.9)
    };

    /// Outcome of validating or parsing a Mobility Header.
    enum class ParseResult
    {
        OK,                //!< well formed
        TRUNCATED,         //!< fewer octets than the header claims
        BAD_LENGTH,        //!< header length inconsistent with the packet or the type
        BAD_PAYLOAD_PROTO, //!< payload proto is not 59
        UNKNOWN_TYPE,      //!< MH type not known (or not the type expected)
        BAD_OPTION,        //!< an option overruns the message or is malformed
        BAD_CHECKSUM,      //!< checksum verification failed
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ~MobilityHeader() override;

    /// \brief The MH Type of this message.
    uint8_t GetMhType() const;

    /// \brief The mobility options of this message.
    MobilityOptions& GetOptions();
    /// \brief The mobility options of this message.
    const MobilityOptions& GetOptions() const;

    /**
     * \brief Enable the checksum: computed at Serialize(), verified at Deserialize().
     * \param src IPv6 source address of the packet
     * \param dst IPv6 destination address of the packet
     */
    void InitializeChecksum(Ipv6Address src, Ipv6Address dst);

    /// \brief Whether the checksum verified at the last Deserialize() (true if not checked).
    bool IsChecksumOk() const;

    /// \brief The checksum field read at the last Deserialize() (0 before).
    uint16_t GetChecksum() const;

    /// \brief Outcome of the last Deserialize() (OK before any).
    ParseResult GetParseResult() const;

    /// \brief Number of unknown options skipped by the last Deserialize().
    uint32_t GetUnknownOptionCount() const;

    /**
     * \brief Validate raw bytes without trusting them; never asserts.
     *
     * Checks the length fields, the payload proto, the MH type, the minimum length of the
     * type's message data and every option TLV. The checksum is not checked (it needs the
     * addresses; see the other overload).
     * \param p a packet that consists of exactly one Mobility Header
     * \return the first problem found, or OK
     */
    static ParseResult Validate(Ptr<const Packet> p);

    /// \brief Validate() plus checksum verification with the packet's IPv6 addresses.
    static ParseResult Validate(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst);

    /**
     * \brief Where the options of a message of type \p mhType start.
     * \param mhType an MH type
     * \return the offset from the start of the Mobility Header, or nothing for an unknown
     *         type
     */
    static std::optional<uint32_t> OptionsOffset(uint8_t mhType);

    /**
     * \brief Validate a byte string (the Mobility Header and nothing else).
     * \param data the bytes
     * \param size number of bytes
     * \param unknownOptions if not null, receives the number of unknown options skipped
     * \return the first problem found, or OK
     */
    static ParseResult ValidateBytes(const uint8_t* data,
                                     uint32_t size,
                                     uint32_t* unknownOptions = nullptr);

    /**
     * \brief Peek: the name of the message at the start of a packet.
     * \param p a packet starting with a Mobility Header
     * \return "BRR", "HoTI", "CoTI", "HoT", "CoT", "PBU", "PBA", "BU", "BA", "BE",
     *         "MH<type>", or "MH?" if too short
     */
    static std::string GetMessageName(Ptr<const Packet> p);

    /**
     * \brief The checksum field value for a Mobility Header (RFC 2460 section 8.1
     *        pseudo-header with next header 135).
     *
     * The checksum field inside \p data is treated as zero.
     * \param data the Mobility Header bytes
     * \param size number of bytes
     * \param src IPv6 source address
     * \param dst IPv6 destination address
     * \return the checksum to write into octets 4-5
     */
    static uint16_t ComputeChecksum(const uint8_t* data,
                                    uint32_t size,
                                    Ipv6Address src,
                                    Ipv6Address dst);

    /**
     * \brief Make an MH type known to Validate() (for messages defined elsewhere).
     * \param mhType the MH type
     * \param messageDataSize octets of fixed message data before the options
     */
    static void RegisterMessageType(uint8_t mhType, uint32_t messageDataSize);

    /// \brief Name of a ParseResult, e.g. "BAD_OPTION".
    static std::string ParseResultToString(ParseResult r);

    // Header
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /// \brief The complete Mobility Header as bytes (checksum field as Serialize() writes it).
    std::vector<uint8_t> ToBytes() const;

  protected:
    /**
     * \brief Constructor for subclasses.
     * \param mhType the MH type of the message
     */
    explicit MobilityHeader(uint8_t mhType);

    /// \return octets of message data between the common header and the options
    virtual uint32_t GetMessageDataSize() const = 0;
    /// \brief Write the message data into \p buf (GetMessageDataSize() octets).
    virtual void SerializeMessageData(uint8_t* buf) const = 0;
    /// \brief Read the message data from \p buf (GetMessageDataSize() octets, validated).
    virtual void DeserializeMessageData(const uint8_t* buf) = 0;
    /// \brief Print the message data fields.
    virtual void PrintMessageData(std::ostream& os) const = 0;

    /// \brief Write \p v big-endian at \p buf (2 octets); for message data.
    static void WriteU16(uint8_t* buf, uint16_t v);
    /// \brief Read a big-endian 16-bit value at \p buf.
    static uint16_t ReadU16(const uint8_t* buf);
    /// \brief Write \p v big-endian at \p buf (8 octets); for cookies and tokens.
    static void WriteU64(uint8_t* buf, uint64_t v);
    /// \brief Read a big-endian 64-bit value at \p buf.
    static uint64_t ReadU64(const uint8_t* buf);

  private:
    /// \return the message with padding and options, whatever its size (no checksum)
    std::vector<uint8_t> BuildUnchecked() const;
    /// \return the bytes with a zero checksum field (aborts beyond MAX_SIZE: check Fits())
    std::vector<uint8_t> BuildBytes() const;

    uint8_t m_mhType;                           //!< MH type
    MobilityOptions m_options;                  //!< mobility options
    bool m_calcChecksum{false};                 //!< checksum enabled
    Ipv6Address m_src;                          //!< pseudo-header source
    Ipv6Address m_dst;                          //!< pseudo-header destination
    uint16_t m_checksum{0};                     //!< checksum read by Deserialize()
    bool m_goodChecksum{true};                  //!< outcome of checksum verification
    ParseResult m_parseResult{ParseResult::OK}; //!< outcome of the last Deserialize()
};

std::ostream& operator<<(std::ostream& os, MobilityHeader::ParseResult r);

/**
 * \brief The first octets of a packet, for parsers of untrusted headers.
 * \param p the packet \param limit at most this many (enough to see a header is too long)
 * \return a copy of min(size, limit) octets
 */
std::vector<uint8_t> CopyLeadingBytes(Ptr<const Packet> p, uint32_t limit);

} // namespace ns3

#endif /* DMM_MOBILITY_HEADER_H */
