/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Binding Acknowledgement (RFC 6275 section 6.1.8), also the base of the Proxy Binding
 * Acknowledgement (RFC 5213 section 8.2).
 */
#ifndef DMM_BINDING_ACK_H
#define DMM_BINDING_ACK_H

#include "ns3/mobility-header.h"
#include "ns3/nstime.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Binding Acknowledgement message (MH type 6); a MIPv6 BA by default (no flag set).
 *
 * Message data: Status (8 bits), flags K R P and reserved bits (8 bits), Sequence #
 * (16 bits), Lifetime (16 bits, units of 4 seconds). A Proxy Binding Acknowledgement is
 * the same message with the P flag set (see ProxyBindingAck, which only changes the
 * defaults).
 */
class BindingAck : public MobilityHeader
{
  public:
    /// Flag bits of the 8-bit flags field.
    enum Flag : uint8_t
    {
        FLAG_K = 0x80, //!< Key management mobility capability (RFC 6275)
        FLAG_R = 0x40, //!< Mobile router (RFC 3963)
        FLAG_P = 0x20, //!< Proxy registration (RFC 5213)
    };

    /// Status values (RFC 6275 section 6.1.8, RFC 5213 section 8.9); < 128 is success.
    enum Status : uint8_t
    {
        ACCEPTED = 0,                                 //!< binding update accepted
        ACCEPTED_PREFIX_DISCOVERY_NECESSARY = 1,      //!< accepted, prefix discovery needed
        REASON_UNSPECIFIED = 128,                     //!< rejected, reason unspecified
        ADMINISTRATIVELY_PROHIBITED = 129,            //!< administratively prohibited
        INSUFFICIENT_RESOURCES = 130,                 //!< insufficient resources
        HOME_REGISTRATION_NOT_SUPPORTED = 131,        //!< home registration not supported
        NOT_HOME_SUBNET = 132,                        //!< not home subnet
        NOT_HOME_AGENT_FOR_THIS_MOBILE_NODE = 133,    //!< not home agent for this MN
        DUPLICATE_ADDRESS_DETECTION_FAILED = 134,     //!< DAD failed
        SEQUENCE_OUT_OF_WINDOW = 135,                 //!< sequence number out of window
        EXPIRED_HOME_NONCE_INDEX = 136,               //!< expired home nonce index
        EXPIRED_CARE_OF_NONCE_INDEX = 137,            //!< expired care-of nonce index
        EXPIRED_NONCES = 138,                         //!< expired nonces
        REGISTRATION_TYPE_CHANGE_DISALLOWED = 139,    //!< registration type change disallowed
        PROXY_REG_NOT_ENABLED = 152,                  //!< RFC 5213
        NOT_LMA_FOR_THIS_MOBILE_NODE = 153,           //!< RFC 5213
        MAG_NOT_AUTHORIZED_FOR_PROXY_REG = 154,       //!< RFC 5213
        NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX = 155, //!< RFC 5213
        TIMESTAMP_MISMATCH = 156,                     //!< RFC 5213
        TIMESTAMP_LOWER_THAN_PREV_ACCEPTED = 157,     //!< RFC 5213
        MISSING_HOME_NETWORK_PREFIX_OPTION = 158,     //!< RFC 5213
        BCE_PBU_PREFIX_SET_DO_NOT_MATCH = 159,        //!< RFC 5213
        MISSING_MN_IDENTIFIER_OPTION = 160,           //!< RFC 5213
        MISSING_HANDOFF_INDICATOR_OPTION = 161,       //!< RFC 5213
        MISSING_ACCESS_TECH_TYPE_OPTION = 162,        //!< RFC 5213
        /// RFC 5380 section 8.3 "Invalid Care-of Address". RFC 5380 left the number to
        /// IANA, which assigned 174 (160 was already MISSING_MN_IDENTIFIER_OPTION).
        INVALID_CARE_OF_ADDRESS = 174,
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates a BA with no flag set, status 0 (accepted), sequence 0, lifetime 0.
    BindingAck();

    /// \brief Set the status.
    void SetStatus(uint8_t status);
    /// \brief The status.
    uint8_t GetStatus() const;
    /// \brief Whether the status means acceptance (< 128).
    bool IsAccepted() const;

    /// \brief Set the sequence number.
    void SetSequence(uint16_t seq);
    /// \brief The sequence number.
    uint16_t GetSequence() const;

    /// \brief Set the lifetime; carried in 4-second units, rounded up, at most 65535 units.
    void SetLifetime(Time lifetime);
    /// \brief The lifetime (a multiple of 4 s).
    Time GetLifetime() const;
    /// \brief Set the raw lifetime field (4-second units).
    void SetLifetimeUnits(uint16_t units);
    /// \brief The raw lifetime field (4-second units).
    uint16_t GetLifetimeUnits() const;

    /// \brief Set the K (key management mobility capability) flag.
    void SetKeyManagement(bool k);
    /// \brief The K flag.
    bool GetKeyManagement() const;
    /// \brief Set the R (mobile router) flag.
    void SetMobileRouter(bool r);
    /// \brief The R flag.
    bool GetMobileRouter() const;
    /// \brief Set the P (proxy registration) flag.
    void SetProxyRegistration(bool p);
    /// \brief The P flag.
    bool GetProxyRegistration() const;

    /// \brief The whole 8-bit flags field.
    uint8_t GetFlags() const;
    /// \brief Set the whole 8-bit flags field.
    void SetFlags(uint8_t flags);

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    /// Set or clear one flag bit.
    void SetFlag(uint8_t bit, bool on);

    uint8_t m_status{ACCEPTED};  //!< status
    uint8_t m_flags{0};          //!< flags field
    uint16_t m_sequence{0};      //!< sequence number
    uint16_t m_lifetimeUnits{0}; //!< lifetime in 4-second units
};

} // namespace ns3

#endif /* DMM_BINDING_ACK_H */
