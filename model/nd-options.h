/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ND_OPTIONS_H
#define DMM_ND_OPTIONS_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
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
    /// ND option type of the HMIPv6 MAP option (RFC 5380 section 10.1).
    static constexpr uint8_t MAP_OPTION_TYPE = 23;
    /// Octets of a MAP option (length field 3).
    static constexpr uint32_t MAP_OPTION_SIZE = 24;

    /// The content of a MAP option (RFC 5380 section 10.1), carried in router
    /// advertisements to announce a Mobility Anchor Point.
    struct MapOption
    {
        uint8_t distance{1};       //!< Dist, 4 bits: distance in hops to the MAP
        uint8_t preference{0};     //!< Pref, 4 bits: 15 is the most preferred
        bool rFlag{true};          //!< R: the MN must form its RCoA from this prefix
        uint32_t validLifetime{0}; //!< seconds the MAP's address stays valid
        Ipv6Address address;       //!< global address of the MAP
        bool operator==(const MapOption& other) const; //!< field-wise equality
    };

    /// ND option type of the Prefix Properties option. The draft leaves it to IANA (TBD);
    /// 253 is the value RFC 4727 §5.1.8 reserves for ND option experiments.
    static constexpr uint8_t PREFIX_PROPERTIES_TYPE = 253;
    /// Octets of a Prefix Properties option (length field 3).
    static constexpr uint32_t PREFIX_PROPERTIES_SIZE = 24;
    /// Property bit: the advertising router anchors the prefix itself (native routing).
    static constexpr uint8_t PROPERTY_LOCAL = 0x80;
    /// Property bit: the prefix is kept for session continuity, anchored elsewhere (its
    /// traffic crosses a tunnel); new sessions should use another one.
    static constexpr uint8_t PROPERTY_CONTINUITY = 0x40;

    /// ND option type of the Mobility Session option (seed 003 §3.3, way 1: the node lists
    /// its ongoing sessions in a router solicitation; the draft defines no format). 254 is
    /// the other value RFC 4727 §5.1.8 reserves for ND option experiments (253: above).
    static constexpr uint8_t MOBILITY_SESSION_TYPE = 254;
    /// Octets of a Mobility Session option (length field 5).
    static constexpr uint32_t MOBILITY_SESSION_SIZE = 40;

    /// The content of a Mobility Session option: a prefix and the MAR that anchors it. In an
    /// RS the node lists a session it keeps; in an RA the MAR announces its own prefix.
    struct MobilitySession
    {
        HomeNetworkPrefix prefix;                            //!< the home network prefix
        Ipv6Address anchor;                                  //!< its H-MAR's global address
        bool operator==(const MobilitySession& other) const; //!< field-wise equality
    };

    /// A Prefix Information option's lifetime that never ends (RFC 4861 §4.6.2).
    static constexpr uint32_t INFINITE_LIFETIME = 0xffffffff;

    /// The fields of a Prefix Information option (RFC 4861 §4.6.2).
    struct PrefixInformation
    {
        HomeNetworkPrefix prefix;      //!< the prefix (host bits cleared)
        uint8_t flags{0};              //!< L, A, R flags
        uint32_t validLifetime{0};     //!< seconds, INFINITE_LIFETIME infinite
        uint32_t preferredLifetime{0}; //!< seconds, 0 deprecated
    };

    /// The content of a Prefix Properties option ([I-D.korhonen-dmm-prefix-properties]):
    /// meta data about a prefix that a Prefix Information option of the same RA advertises.
    struct PrefixProperties
    {
        HomeNetworkPrefix prefix;                             //!< the prefix it describes
        uint8_t properties{0};                                //!< PROPERTY_* bits
        bool operator==(const PrefixProperties& other) const; //!< field-wise equality
    };

    /**
     * \brief The bytes of a Prefix Properties option.
     * \param pp the prefix and its property bits
     * \return PREFIX_PROPERTIES_SIZE octets
     */
    static std::vector<uint8_t> BuildPrefixProperties(const PrefixProperties& pp);

    /**
     * \brief The bytes of a Mobility Session option.
     * \param session the prefix and its anchor
     * \return MOBILITY_SESSION_SIZE octets
     */
    static std::vector<uint8_t> BuildMobilitySession(const MobilitySession& session);

    /**
     * \brief The bytes of a MAP option, ready to follow an RA body or other options.
     * \param map the option's fields (distance and preference are masked to 4 bits)
     * \return MAP_OPTION_SIZE octets
     */
    static std::vector<uint8_t> BuildMapOption(const MapOption& map);

    /**
     * \brief Parse the options that follow a message body.
     * \param message the ICMPv6 message, starting with its type byte
     * \param bodySize bytes of the fixed part (RS 8, RA 16)
     * \return std::nullopt when the message is shorter than its body or an option is
     *         malformed (zero length, or running past the end): RFC 4861 §6.1 says to
     *         discard such a message silently
     */
    static std::optional<NdOptions> Parse(Ptr<const Packet> message, uint32_t bodySize);

    /**
     * \brief Put \p mac in the first Source Link-Layer Address option of a Router
     *        Solicitation and adjust the ICMPv6 checksum (RFC 1624).
     * \param packet the bytes of an IPv6 packet carrying the RS (no extension header)
     * \param mac the address \return false if the RS has no such option
     */
    static bool SetSolicitationSource(std::vector<uint8_t>& packet, Mac48Address mac);

    /**
     * \brief Whether ns-3.37's Icmpv6L4Protocol can take an IPv6 packet: the guard in front
     *        of the stack wherever bytes from the wire enter it (access link, tunnel exit).
     *
     * ns-3 reads a Neighbor Discovery message (RS, RA, NS, NA, Redirect) without checking
     * it, so the packet is refused when its ND message is one on which ns-3 would read
     * past the end, overflow a buffer or loop: an empty ICMPv6 message (ns-3 reads the type
     * from nothing); a message shorter than its fixed part; an option of length zero or
     * running past the end (RFC 4861 §4.6); a link-layer address option other than one
     * 48-bit MAC (ns-3 copies whatever it holds into a MAC later); a Prefix Information
     * option not of length 4 or with a prefix length over 128, an MTU option not of
     * length 1 (ns-3 reads 32 and 8 octets, then builds an Ipv6Prefix from the length); a
     * second source link-layer address or MTU option (ns-3's RA and NS loops never leave
     * it); a Redirect without its Redirected Header option (ns-3 removes one, after a
     * target link-layer address option if there is one), or to a multicast address (ns-3
     * installs its route on the interface of that address); an ND message after a
     * Fragment header (RFC 6980 §5). The ICMPv6 message may follow extension headers: one
     * that runs past the packet before ICMPv6 leaves ns-3 nothing to read; a chain longer
     * than 255 octets is refused whatever follows (ns-3 keeps the offset in 8 bits and
     * would read the next header elsewhere).
     * \param packet an IPv6 packet with its header (no link-layer header)
     * \return false to drop it; true for anything else, ND or not
     */
    static bool IsParsableByNs3(Ptr<const Packet> packet);

    /// \return the source link-layer address, if present and 48 bits long
    std::optional<Mac48Address> GetSourceLinkLayerAddress() const;
    /// \return the prefixes of all well-formed Prefix Information options
    std::vector<HomeNetworkPrefix> GetPrefixes() const;
    /**
     * \return the prefixes of the Prefix Information options with the L flag and a non-zero
     *         valid lifetime, except the link-local prefix: those RFC 4861 §6.3.4 puts on-link
     */
    std::vector<HomeNetworkPrefix> GetOnLinkPrefixes() const;
    /**
     * \return the router addresses of the Prefix Information options with the R flag
     *         (RFC 6275 §7.2: the field then holds the router's full address), paired with
     *         the prefix length, in order
     */
    std::vector<HomeNetworkPrefix> GetRouterAddresses() const;
    /// \return every well-formed MAP option (length 3, unicast MAP address), in order
    std::vector<MapOption> GetMapOptions() const;
    /// \return the fields of every well-formed Prefix Information option, in order
    std::vector<PrefixInformation> GetPrefixInformation() const;
    /// \return every well-formed Prefix Properties option (length 3, prefix length <= 128)
    std::vector<PrefixProperties> GetPrefixProperties() const;

    /// \return every well-formed Mobility Session option (length 5, prefix length <= 128, a
    ///         global unicast anchor), in order
    std::vector<MobilitySession> GetMobilitySessions() const;

  private:
    /// \return the offsets of the well-formed Prefix Information options, in order
    std::vector<size_t> PrefixOptions() const;
    /// \return the prefix field and length of the Prefix Information option at \p off
    HomeNetworkPrefix PrefixAt(size_t off) const;
    /// \return the 32-bit big-endian value at \p off
    uint32_t U32At(size_t off) const;

    std::vector<uint8_t> m_bytes;                     //!< the options
    std::vector<std::pair<size_t, size_t>> m_options; //!< offset and length of each
};

} // namespace ns3

#endif // DMM_ND_OPTIONS_H
