/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * The cryptography of the return routability procedure (RFC 6275 sections 5.2.5 and
 * 6.2.7).
 */
#ifndef DMM_RETURN_ROUTABILITY_H
#define DMM_RETURN_ROUTABILITY_H

#include "ns3/ipv6-address.h"
#include "ns3/mobility-option.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace ns3
{

class MobilityHeader;

/**
 * \ingroup dmm
 * \brief Keygen tokens, the binding management key and the binding authenticator of the
 *        return routability procedure; static functions only.
 *
 * SHA-1 is Boost's (boost/uuid/detail/sha1.hpp); HMAC_SHA1 is RFC 2104 over it. Keygen
 * tokens, which go on the wire as 64-bit fields of the Home Test and Care-of Test, are
 * handled as uint64_t holding the first 8 octets of the HMAC read big-endian, so that
 * HomeTest::SetHomeKeygenToken(token) puts exactly those octets on the wire.
 *
 * Typical use: the correspondent node answers a HoTI with
 * HomeKeygenToken(kcn, hoa, nonce[i]) and a CoTI with CareOfKeygenToken(kcn, coa, nonce[j]);
 * the mobile node computes kbm = BindingManagementKey(homeToken, careOfToken) and calls
 * SignBindingMessage(bu, kbm, coa, cn) after setting every other field and option; the
 * correspondent node recomputes the tokens from the Nonce Indices option and calls
 * VerifyBindingMessage() on the received Mobility Header bytes. Its Binding Acknowledgement
 * is signed the same way (§6.1.8), and the mobile node verifies it.
 */
class ReturnRoutability
{
  public:
    /// A SHA-1 digest or HMAC_SHA1 value (also the size of Kbm and of Kcn).
    using Digest = std::array<uint8_t, 20>;
    /// A binding authenticator: First(96, HMAC_SHA1(Kbm, ...)).
    using Authenticator = std::array<uint8_t, MobilityOptions::AUTHENTICATOR_SIZE>;

    /// \brief SHA-1 of \p data (FIPS 180).
    static Digest Sha1(const std::vector<uint8_t>& data);

    /**
     * \brief HMAC_SHA1 (RFC 2104 with SHA-1, block size 64 octets).
     * \param key the key, any length (keys longer than 64 octets are hashed first)
     * \param message the message
     * \return the 20-octet MAC
     */
    static Digest HmacSha1(const std::vector<uint8_t>& key, const std::vector<uint8_t>& message);

    /**
     * \brief Home keygen token, RFC 6275 section 5.2.5:
     *        First(64, HMAC_SHA1(Kcn, (home address | nonce | 0))).
     * \param kcn the correspondent node's secret key (20 octets recommended)
     * \param homeAddress the home address of the HoTI
     * \param nonce the nonce named by the home nonce index (64 bits recommended)
     * \return the token (first 8 octets, big-endian)
     */
    static uint64_t HomeKeygenToken(const std::vector<uint8_t>& kcn,
                                    Ipv6Address homeAddress,
                                    const std::vector<uint8_t>& nonce);

    /// \brief Care-of keygen token: First(64, HMAC_SHA1(Kcn, (care-of address | nonce | 1))).
    static uint64_t CareOfKeygenToken(const std::vector<uint8_t>& kcn,
                                      Ipv6Address careOfAddress,
                                      const std::vector<uint8_t>& nonce);

    /// \brief Kbm = SHA1(home keygen token | care-of keygen token) (RFC 6275 section 5.2.5).
    static Digest BindingManagementKey(uint64_t homeKeygenToken, uint64_t careOfKeygenToken);

    /// \brief Kbm = SHA1(home keygen token), for a de-registration (lifetime 0 or care-of
    ///        address equal to the home address), which has no care-of keygen token.
    static Digest BindingManagementKey(uint64_t homeKeygenToken);

    /**
     * \brief Authenticator = First(96, HMAC_SHA1(Kbm, (care-of address | correspondent |
     *        MH Data))) (RFC 6275 sections 5.2.6 and 6.2.7).
     * \param kbm the binding management key
     * \param careOfAddress the care-of address (the packet's source, or the Alternate
     *        Care-of Address option's if present)
     * \param correspondent the correspondent node's address
     * \param mhData the Mobility Header with a zero checksum field and without the
     *        authenticator octets (see BindingMessageAuthData())
     * \return the 12-octet authenticator
     */
    static Authenticator ComputeAuthenticator(const Digest& kbm,
                                              Ipv6Address careOfAddress,
                                              Ipv6Address correspondent,
                                              const std::vector<uint8_t>& mhData);

    /**
     * \brief The MH Data the authenticator covers, from untrusted Binding Update or
     *        Binding Acknowledgement bytes.
     *
     * \param mh the whole Mobility Header
     * \param size its length
     * \return the bytes with the checksum field zeroed and the authenticator removed, or
     *         nothing when they are not a well-formed BU or BA whose last option is a
     *         Binding Authorization Data option
     */
    static std::optional<std::vector<uint8_t>> BindingMessageAuthData(const uint8_t* mh,
                                                                      uint32_t size);

    /**
     * \brief Compute the authenticator of \p bu and store it in its Binding Authorization
     *        Data option (added if missing). Set every other field and option first.
     * \param bu the Binding Update or Binding Acknowledgement to sign
     * \param kbm the binding management key
     * \param careOfAddress the care-of address
     * \param correspondent the correspondent node's address
     */
    static void SignBindingMessage(MobilityHeader& bu,
                                   const Digest& kbm,
                                   Ipv6Address careOfAddress,
                                   Ipv6Address correspondent);

    /**
     * \brief Check the authenticator of received BU or BA bytes; never asserts.
     * \return true if they carry a Binding Authorization Data option whose authenticator
     *         matches; false if it differs, is missing or the bytes are malformed
     */
    static bool VerifyBindingMessage(const uint8_t* mh,
                                     uint32_t size,
                                     const Digest& kbm,
                                     Ipv6Address careOfAddress,
                                     Ipv6Address correspondent);
};

} // namespace ns3

#endif /* DMM_RETURN_ROUTABILITY_H */
