/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Home Test (RFC 6275 section 6.1.5).
 */
#ifndef DMM_HOME_TEST_H
#define DMM_HOME_TEST_H

#include "ns3/mobility-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Home Test message (MH type 3, "HoT").
 *
 * The correspondent node's answer to a Home Test Init, sent to the home address.
 * Message data: Home Nonce Index (16 bits), Home Init Cookie (64 bits, echoed), Home
 * Keygen Token (64 bits; see ReturnRoutability::KeygenToken, the first 8 octets of the
 * HMAC read as a big-endian number).
 */
class HomeTest : public MobilityHeader
{
  public:
    /// Octets of message data before the mobility options.
    static constexpr uint32_t MESSAGE_DATA_SIZE = 18;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates the message with every field zero.
    HomeTest();

    /// \brief Set the home nonce index.
    void SetHomeNonceIndex(uint16_t v);
    /// \brief The home nonce index.
    uint16_t GetHomeNonceIndex() const;
    /// \brief Set the home init cookie.
    void SetHomeInitCookie(uint64_t v);
    /// \brief The home init cookie.
    uint64_t GetHomeInitCookie() const;
    /// \brief Set the home keygen token.
    void SetHomeKeygenToken(uint64_t v);
    /// \brief The home keygen token.
    uint64_t GetHomeKeygenToken() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint16_t m_homeNonceIndex{0};  //!< home nonce index
    uint64_t m_homeInitCookie{0};  //!< home init cookie
    uint64_t m_homeKeygenToken{0}; //!< home keygen token
};

} // namespace ns3

#endif /* DMM_HOME_TEST_H */
