/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MOBILITY_SECURITY_H
#define DMM_MOBILITY_SECURITY_H

#include "ns3/held-queue.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/security-directory.h"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class MobilityHeader;

/**
 * \ingroup dmm
 * \brief The mobility security associations of one node: every Mobility Header message it
 * sends to a peer it shares a key with carries a Mobility Message Replay Protection option
 * and, last, a Mobility Message Authentication option (RFC 4285 sections 5 and 6); every
 * message it receives is verified before any handler sees it.
 *
 * Authentication Data = First(96, HMAC_SHA1(key, source | destination | MH Data)), MH Data
 * being the message up to and including the SPI with the checksum zero. The addresses are
 * those of the checksum pseudo-header (the home address of a Home Address option or a type
 * 2 routing header): RFC 4285 names the care-of and home addresses, which a BU here also
 * carries (the Alternate Care-of Address option is inside MH Data). The SPI is 256 plus
 * the sender's node id; the receiver finds the key from it. The same subtype (1, MN-HA)
 * serves every interface: RFC 4285 defines only MN-HA and MN-AAA.
 *
 * Exempt, as RFC 6275 protects them otherwise: the return routability messages (HoTI,
 * CoTI, HoT, CoT), Binding Errors, and Binding Updates/Acknowledgements with a Binding
 * Authorization Data option that are not home registrations.
 */
class MobilitySecurity : public Object
{
  public:
    /// The outcome of verifying a received message.
    enum class Verdict
    {
        AUTHENTIC,         //!< authenticated, fresh
        EXEMPT,            //!< a message the associations do not cover
        MISSING,           //!< no authentication option
        UNKNOWN_SPI,       //!< no association for the SPI (reserved, or no shared key)
        BAD_AUTHENTICATOR, //!< the authenticator does not match
        STALE,             //!< no timestamp, or one outside the close-enough window
        REPLAYED,          //!< a timestamp not newer than the peer's last, or a repeat
    };

    /// Counters.
    struct Stats
    {
        uint64_t protectedTx{0};      //!< messages sent with an authentication option
        uint64_t noAssociationTx{0};  //!< messages sent unprotected: no key for the peer
        uint64_t authentic{0};        //!< received and verified
        uint64_t exempt{0};           //!< received, not covered
        uint64_t missing{0};          //!< drops: MISSING
        uint64_t unknownSpi{0};       //!< drops: UNKNOWN_SPI
        uint64_t badAuthenticator{0}; //!< drops: BAD_AUTHENTICATOR
        uint64_t stale{0};            //!< drops: STALE
        uint64_t replayed{0};         //!< drops: REPLAYED
        uint64_t evicted{0};          //!< learned peer addresses forgotten (MaxLearnedAddresses)
    };

    /// Subtype of the authentication option (RFC 4285 section 5.1: MN-HA).
    static constexpr uint8_t SUBTYPE = 1;

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MobilitySecurity();
    ~MobilitySecurity() override;

    /// \param directory the keys \param nodeId this node's id
    void SetDirectory(Ptr<SecurityDirectory> directory, uint32_t nodeId);
    /**
     * \brief Identify this (mobile) node in what it sends: a Mobile Node Identifier option
     *        (RFC 4283, NAI "name@dmm") is added to covered messages without one, so that
     *        a home agent finds the association of a Binding Update another node relayed.
     * \param nai the node's NAI
     */
    void SetIdentifier(const std::string& nai);

    /**
     * \brief Add the replay protection and authentication options, if the message is
     *        covered and the node shares a key with the peer at \p dst.
     * \param msg the message (earlier authentication options are removed first)
     * \param src,dst the addresses of the checksum pseudo-header
     */
    void Protect(MobilityHeader& msg, Ipv6Address src, Ipv6Address dst);
    /**
     * \brief As Protect(msg, src, dst), with the key shared with the peer at \p verifier: for a
     *        message addressed elsewhere that \p peer terminates on the path (seed 001
     *        §4.4.2: a PBQR to the queried address that the owning eLMA intercepts).
     * \param msg the message \param src,dst the addresses of the checksum pseudo-header
     * \param verifier the address of the node that verifies the message
     */
    void Protect(MobilityHeader& msg, Ipv6Address src, Ipv6Address dst, Ipv6Address verifier);

    /**
     * \brief Verify a received message that passed validation and checksum.
     * \param bytes the Mobility Header \param src,dst the pseudo-header addresses
     * \return the verdict (AUTHENTIC or EXEMPT: hand it on)
     */
    Verdict Verify(const std::vector<uint8_t>& bytes, Ipv6Address src, Ipv6Address dst);

    /// \return the counters
    const Stats& GetStats() const;
    /// \return a lower_snake_case name for \p v
    static std::string VerdictToString(Verdict v);

  private:
    /// A peer's freshness state: its last timestamp, the authenticators seen with it.
    struct Freshness
    {
        uint64_t last{0};                         //!< newest timestamp
        std::set<std::array<uint8_t, 12>> atLast; //!< authenticators with it
    };

    /// \return whether RFC 4285 associations cover the message \p bytes
    static bool IsCovered(const std::vector<uint8_t>& bytes);
    /// \return the offset of the first option of \p type in a valid message, if any
    static std::optional<uint32_t> FindOption(const std::vector<uint8_t>& bytes, uint8_t type);
    /// \return First(96, HMAC_SHA1(key, src | dst | bytes[0, end))) with a zero checksum
    static std::array<uint8_t, 12> Authenticator(const std::vector<uint8_t>& key,
                                                 Ipv6Address src,
                                                 Ipv6Address dst,
                                                 std::vector<uint8_t> bytes,
                                                 uint32_t end);
    /// \return the key shared with \p peer, if any (cached)
    const std::vector<uint8_t>* KeyFor(uint32_t peer);
    /// \return the node that \p address belongs to, if known
    std::optional<uint32_t> PeerAt(Ipv6Address address) const;
    /// \brief Remember that \p address belongs to \p peer (replies go there).
    void Learn(Ipv6Address address, uint32_t peer);
    /// \return the node a verified message speaks for: its MN-ID's node, else \p signer
    uint32_t Speaker(const std::vector<uint8_t>& bytes, uint32_t signer) const;
    /// \return REPLAYED, STALE or AUTHENTIC for the timestamp of a verified message
    Verdict CheckFreshness(const std::vector<uint8_t>& bytes,
                           uint32_t peer,
                           const std::array<uint8_t, 12>& mac);

    Ptr<SecurityDirectory> m_directory;              //!< who shares which key
    uint32_t m_nodeId{0};                            //!< this node
    std::string m_nai;                               //!< this mobile node's NAI, or empty
    bool m_replayProtection;                         //!< attribute ReplayProtection
    Time m_closeEnough;                              //!< attribute CloseEnough
    uint32_t m_maxLearned;                           //!< attribute MaxLearnedAddresses
    std::map<uint32_t, std::vector<uint8_t>> m_keys; //!< shared keys by peer, cached
    std::unordered_map<Ipv6Address, uint32_t, Ipv6AddressHash> m_learned; //!< address -> peer
    HeldQueue<Ipv6Address> m_learnedOrder;                                //!< oldest first
    std::map<uint32_t, Freshness> m_freshness;                            //!< by peer
    Stats m_stats;                                                        //!< counters
};

} // namespace ns3

#endif // DMM_MOBILITY_SECURITY_H
