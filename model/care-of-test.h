/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Care-of Test (RFC 6275 section 6.1.6).
 */
#ifndef DMM_CARE_OF_TEST_H
#define DMM_CARE_OF_TEST_H

#include "ns3/mobility-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Care-of Test message (MH type 4, "CoT").
 *
 * The correspondent node's answer to a Care-of Test Init, sent to the care-of address.
 * Message data: Care-of Nonce Index (16 bits), Care-of Init Cookie (64 bits, echoed),
 * Care-of Keygen Token (64 bits; see ReturnRoutability::KeygenToken).
 */
class CareOfTest : public MobilityHeader
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
    CareOfTest();

    /// \brief Set the care-of nonce index.
    void SetCareOfNonceIndex(uint16_t v);
    /// \brief The care-of nonce index.
    uint16_t GetCareOfNonceIndex() const;
    /// \brief Set the care-of init cookie.
    void SetCareOfInitCookie(uint64_t v);
    /// \brief The care-of init cookie.
    uint64_t GetCareOfInitCookie() const;
    /// \brief Set the care-of keygen token.
    void SetCareOfKeygenToken(uint64_t v);
    /// \brief The care-of keygen token.
    uint64_t GetCareOfKeygenToken() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint16_t m_careOfNonceIndex{0};  //!< care-of nonce index
    uint64_t m_careOfInitCookie{0};  //!< care-of init cookie
    uint64_t m_careOfKeygenToken{0}; //!< care-of keygen token
};

} // namespace ns3

#endif /* DMM_CARE_OF_TEST_H */
