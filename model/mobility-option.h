/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Mobility options (RFC 6275 section 6.2) carried by Mobility Header messages, with the
 * options of Proxy Mobile IPv6 (RFC 5213 section 8) and the Mobile Node Identifier option
 * (RFC 4283).
 */
#ifndef DMM_MOBILITY_OPTION_H
#define DMM_MOBILITY_OPTION_H

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The ordered list of mobility options of one Mobility Header message.
 *
 * A value type. Every option is kept as (type, option data) in insertion order; the typed
 * accessors encode and decode the RFC 5213 / RFC 4283 layouts. Serialisation inserts
 * Pad1/PadN so that each option starts at its alignment requirement (xn+y counted from the
 * start of the Mobility Header), and Parse() checks every TLV without trusting any length.
 *
 * The Binding Authorization Data option and the Mobility Message Authentication option
 * are always serialised last, whatever the insertion order, because RFC 6275 section
 * 6.2.7 and RFC 4285 section 5 require it (the authenticator covers everything before
 * it); Parse() rejects a message in which another option follows either.
 *
 * Options of a type the registry does not know are kept (so that they can be read back
 * with GetRawOptions()) but are otherwise ignored, as RFC 6275 section 6.2.1 requires of a
 * receiver; GetUnknownOptionCount() tells how many were seen.
 */
class MobilityOptions
{
  public:
    /// Mobility option type numbers (IANA "Mobility Options" registry).
    enum Type : uint8_t
    {
        PAD1 = 0,                       //!< RFC 6275 section 6.2.2
        PADN = 1,                       //!< RFC 6275 section 6.2.3
        BINDING_REFRESH_ADVICE = 2,     //!< RFC 6275 section 6.2.4
        ALTERNATE_CARE_OF_ADDRESS = 3,  //!< RFC 6275 section 6.2.5
        NONCE_INDICES = 4,              //!< RFC 6275 section 6.2.6
        BINDING_AUTHORIZATION_DATA = 5, //!< RFC 6275 section 6.2.7
        MOBILE_NODE_IDENTIFIER = 8,     //!< RFC 4283
        MESSAGE_AUTHENTICATION = 9,     //!< RFC 4285 section 5
        REPLAY_PROTECTION = 10,         //!< RFC 4285 section 6
        HOME_NETWORK_PREFIX = 22,       //!< RFC 5213 section 8.3
        HANDOFF_INDICATOR = 23,         //!< RFC 5213 section 8.4
        ACCESS_TECHNOLOGY_TYPE = 24,    //!< RFC 5213 section 8.5
        MOBILE_NODE_LINK_LAYER_ID = 25, //!< RFC 5213 section 8.6
        LINK_LOCAL_ADDRESS = 26,        //!< RFC 5213 section 8.7
        TIMESTAMP = 27,                 //!< RFC 5213 section 8.8
        EXPERIMENTAL = 253,             //!< RFC 4727
    };

    /// Mobile Node Identifier subtype for a Network Access Identifier (RFC 4283).
    static constexpr uint8_t MNID_SUBTYPE_NAI = 1;
    /// Octets of the authenticator of the Binding Authorization Data option (RFC 6275
    /// section 5.2.6: First(96, HMAC_SHA1(...))).
    static constexpr uint8_t AUTHENTICATOR_SIZE = 12;

    /// Result of Parse().
    enum class ParseStatus
    {
        OK,         //!< every option is well formed
        OVERRUN,    //!< an option's length runs past the end of the message
        BAD_OPTION, //!< a known option has an impossible length or value
    };

    /// One option: its type and its option data (without the type and length octets).
    struct Option
    {
        uint8_t type;              //!< option type
        std::vector<uint8_t> data; //!< option data, at most 255 octets
    };

    /// Description of a known option type, used for validation and alignment.
    struct TypeInfo
    {
        uint8_t minLength; //!< smallest legal option data length
        uint8_t maxLength; //!< largest legal option data length
        uint8_t alignX;    //!< alignment requirement xn+y: x (1, 2, 4 or 8)
        uint8_t alignY;    //!< alignment requirement xn+y: y (< x)
    };

    /**
     * \brief Make an option type known (e.g. an experimental option of another message).
     *
     * Known options are length-checked by Parse() and aligned by Serialize(). Registering
     * an already known type replaces its description.
     * \param type the option type
     * \param info the legal lengths and the alignment requirement
     */
    static void RegisterType(uint8_t type, TypeInfo info);

    /**
     * \brief Look up a known option type.
     * \param type the option type
     * \return the description, or nothing for an unknown type
     */
    static std::optional<TypeInfo> LookupType(uint8_t type);

    /// \brief Append a Home Network Prefix option (several are allowed).
    void AddHomeNetworkPrefix(Ipv6Address prefix, uint8_t prefixLength);
    /// \brief The Home Network Prefix options, in order: (prefix, prefix length).
    std::vector<std::pair<Ipv6Address, uint8_t>> GetHomeNetworkPrefixes() const;

    /// \brief Set the Mobile Node Identifier option (subtype NAI).
    void SetMobileNodeIdentifier(const std::string& nai);
    /// \brief The NAI of the Mobile Node Identifier option, if present with subtype NAI.
    std::optional<std::string> GetMobileNodeIdentifier() const;

    /// \brief Set the Handoff Indicator option.
    void SetHandoffIndicator(uint8_t hi);
    /// \brief The Handoff Indicator value, if present.
    std::optional<uint8_t> GetHandoffIndicator() const;

    /// \brief Set the Access Technology Type option.
    void SetAccessTechnologyType(uint8_t att);
    /// \brief The Access Technology Type value, if present.
    std::optional<uint8_t> GetAccessTechnologyType() const;

    /// \brief Set the Timestamp option (48-bit seconds, 16-bit 1/65536 fractions).
    void SetTimestamp(uint64_t ts);
    /// \brief The Timestamp value, if present.
    std::optional<uint64_t> GetTimestamp() const;

    /// \brief Set the Mobile Node Link-layer Identifier option.
    void SetMobileNodeLinkLayerIdentifier(const std::vector<uint8_t>& id);
    /// \brief The link-layer identifier, if present.
    std::optional<std::vector<uint8_t>> GetMobileNodeLinkLayerIdentifier() const;

    /// \brief Set the Link-local Address option.
    void SetLinkLocalAddress(Ipv6Address address);
    /// \brief The Link-local Address option value, if present.
    std::optional<Ipv6Address> GetLinkLocalAddress() const;

    /**
     * \brief Set the Binding Refresh Advice option (RFC 6275 section 6.2.4; in a BA).
     * \param units the refresh interval in units of 4 seconds
     */
    void SetBindingRefreshAdvice(uint16_t units);
    /// \brief The refresh interval in 4-second units, if the option is present.
    std::optional<uint16_t> GetBindingRefreshAdvice() const;

    /// \brief Set the Alternate Care-of Address option (RFC 6275 section 6.2.5; in a BU).
    void SetAlternateCareOfAddress(Ipv6Address coa);
    /// \brief The alternate care-of address, if the option is present.
    std::optional<Ipv6Address> GetAlternateCareOfAddress() const;

    /**
     * \brief Set the Nonce Indices option (RFC 6275 section 6.2.6; in a BU to a
     *        correspondent node).
     * \param homeNonceIndex the home nonce index of the Home Test used
     * \param careOfNonceIndex the care-of nonce index of the Care-of Test used (ignored by
     *        the receiver of a de-registration)
     */
    void SetNonceIndices(uint16_t homeNonceIndex, uint16_t careOfNonceIndex);
    /// \brief (home nonce index, care-of nonce index), if the option is present.
    std::optional<std::pair<uint16_t, uint16_t>> GetNonceIndices() const;

    /**
     * \brief Set the Binding Authorization Data option (RFC 6275 section 6.2.7).
     *
     * Always serialised as the last option, aligned 8n+2; see
     * ReturnRoutability::SignBindingMessage() for computing the authenticator.
     * \param authenticator the 96-bit authenticator
     */
    void SetBindingAuthorizationData(const std::array<uint8_t, AUTHENTICATOR_SIZE>& authenticator);
    /// \brief The authenticator, if the option is present.
    std::optional<std::array<uint8_t, AUTHENTICATOR_SIZE>> GetBindingAuthorizationData() const;

    /**
     * \brief Convert a time to the RFC 5213 timestamp format.
     *
     * Simulation time 0 maps to the epoch (1 January 1970), so that timestamps of one
     * simulation are comparable and deterministic.
     * \param t a non-negative time
     * \return 48-bit seconds and 16-bit fractions
     */
    static uint64_t TimeToTimestamp(Time t);
    /// \brief Inverse of TimeToTimestamp (to 1/65536 s).
    static Time TimestampToTime(uint64_t ts);

    /**
     * \brief Append an option; options of the same type may repeat.
     * \param type option type (not Pad1/PadN: padding is generated at serialisation)
     * \param data option data, at most 255 octets (longer data is truncated)
     */
    void AddRawOption(uint8_t type, const std::vector<uint8_t>& data);
    /// \brief Replace the first option of this type, or append one.
    void SetRawOption(uint8_t type, const std::vector<uint8_t>& data);
    /// \brief The data of the first option of this type, if present.
    std::optional<std::vector<uint8_t>> GetRawOption(uint8_t type) const;
    /// \brief Remove every option of this type.
    void RemoveOption(uint8_t type);
    /// \brief All options in order (padding excluded).
    const std::vector<Option>& GetRawOptions() const;
    /// \brief Number of options (padding excluded).
    std::size_t GetCount() const;
    /// \brief Remove all options.
    void Clear();

    /// \brief Options of an unknown type seen by the last Parse().
    uint32_t GetUnknownOptionCount() const;

    /**
     * \brief Append the options, each preceded by the padding its alignment needs.
     *
     * \param out the Mobility Header message built so far; its size is the offset of the
     *            next option from the start of the Mobility Header
     */
    void Serialize(std::vector<uint8_t>& out) const;

    /**
     * \brief Size Serialize() would append at offset \p offset (padding included).
     * \param offset offset of the first option from the start of the Mobility Header
     * \return number of octets
     */
    uint32_t GetSerializedSize(uint32_t offset) const;

    /**
     * \brief Parse options from untrusted bytes; never reads outside [data, data+size).
     *
     * On success the content of this object is replaced; on failure it is left unchanged.
     * \param data the first octet of the options area
     * \param size the length of the options area
     * \return OK, OVERRUN or BAD_OPTION
     */
    ParseStatus Parse(const uint8_t* data, uint32_t size);

    /// \brief Print a one-line description.
    void Print(std::ostream& os) const;

    /// \brief Equal when the same options are in the same order.
    bool operator==(const MobilityOptions& other) const;

  private:
    /// \return the first option of \p type, or null
    const Option* Find(uint8_t type) const;
    /// \return the options in the order they go on the wire
    std::vector<const Option*> WireOrder() const;

    std::vector<Option> m_options; //!< options in order
    uint32_t m_unknownCount{0};    //!< unknown options seen by the last Parse()
};

std::ostream& operator<<(std::ostream& os, const MobilityOptions& options);

} // namespace ns3

#endif /* DMM_MOBILITY_OPTION_H */
