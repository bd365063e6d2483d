/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Binding Update (RFC 6275 section 6.1.7), also the base of the Proxy Binding Update
 * (RFC 5213 section 8.1) and of the HMIPv6 local binding update (RFC 5380, M flag).
 */
#ifndef DMM_BINDING_UPDATE_H
#define DMM_BINDING_UPDATE_H

#include "ns3/mobility-header.h"
#include "ns3/nstime.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Binding Update message (MH type 5); a MIPv6 Binding Update by default (A set,
 *        P clear).
 *
 * Message data: Sequence # (16 bits), flags A H L K M R P (16 bits with the reserved
 * bits), Lifetime (16 bits, units of 4 seconds). A Proxy Binding Update is the same
 * message with the P flag set (see ProxyBindingUpdate, which only changes the defaults);
 * receivers tell the two apart by the P flag, not by the C++ class.
 *
 * The mobility options a MIPv6 BU may carry (Alternate Care-of Address, Nonce Indices,
 * Binding Authorization Data) are set through GetOptions().
 */
class BindingUpdate : public MobilityHeader
{
  public:
    /// Flag bits of the 16-bit flags field.
    enum Flag : uint16_t
    {
        FLAG_A = 0x8000, //!< Acknowledge (RFC 6275)
        FLAG_H = 0x4000, //!< Home registration (RFC 6275)
        FLAG_L = 0x2000, //!< Link-local address compatibility (RFC 6275)
        FLAG_K = 0x1000, //!< Key management mobility capability (RFC 6275)
        FLAG_M = 0x0800, //!< MAP registration (RFC 5380)
        FLAG_R = 0x0400, //!< Mobile router (RFC 3963)
        FLAG_P = 0x0200, //!< Proxy registration (RFC 5213)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates a BU with A set (and no other flag), sequence 0, lifetime 0.
    BindingUpdate();

    /// \brief Set the sequence number.
    void SetSequence(uint16_t seq);
    /// \brief The sequence number.
    uint16_t GetSequence() const;

    /**
     * \brief Set the lifetime; carried in 4-second units, rounded up, at most 65535 units.
     * \param lifetime a non-negative time; 0 requests de-registration
     */
    void SetLifetime(Time lifetime);
    /// \brief The lifetime (a multiple of 4 s).
    Time GetLifetime() const;
    /// \brief Set the raw lifetime field (4-second units).
    void SetLifetimeUnits(uint16_t units);
    /// \brief The raw lifetime field (4-second units).
    uint16_t GetLifetimeUnits() const;

    /// \brief Set the A (acknowledge) flag.
    void SetAckRequested(bool a);
    /// \brief The A (acknowledge) flag.
    bool GetAckRequested() const;
    /// \brief Set the H (home registration) flag.
    void SetHomeRegistration(bool h);
    /// \brief The H (home registration) flag.
    bool GetHomeRegistration() const;
    /// \brief Set the L (link-local address compatibility) flag.
    void SetLinkLocalCompatibility(bool l);
    /// \brief The L (link-local address compatibility) flag.
    bool GetLinkLocalCompatibility() const;
    /// \brief Set the K (key management mobility capability) flag.
    void SetKeyManagement(bool k);
    /// \brief The K (key management mobility capability) flag.
    bool GetKeyManagement() const;
    /// \brief Set the M (MAP registration) flag.
    void SetMapRegistration(bool m);
    /// \brief The M (MAP registration) flag.
    bool GetMapRegistration() const;
    /// \brief Set the R (mobile router) flag.
    void SetMobileRouter(bool r);
    /// \brief The R (mobile router) flag.
    bool GetMobileRouter() const;
    /// \brief Set the P (proxy registration) flag.
    void SetProxyRegistration(bool p);
    /// \brief The P (proxy registration) flag.
    bool GetProxyRegistration() const;

    /// \brief The whole 16-bit flags field (flags and reserved bits).
    uint16_t GetFlags() const;
    /// \brief Set the whole 16-bit flags field.
    void SetFlags(uint16_t flags);

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    /// Set or clear one flag bit.
    void SetFlag(uint16_t bit, bool on);

    uint16_t m_sequence{0};      //!< sequence number
    uint16_t m_flags{FLAG_A};    //!< flags field
    uint16_t m_lifetimeUnits{0}; //!< lifetime in 4-second units
};

} // namespace ns3

#endif /* DMM_BINDING_UPDATE_H */
