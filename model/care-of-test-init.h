/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Care-of Test Init (RFC 6275 section 6.1.4).
 */
#ifndef DMM_CARE_OF_TEST_INIT_H
#define DMM_CARE_OF_TEST_INIT_H

#include "ns3/mobility-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Care-of Test Init message (MH type 2, "CoTI").
 *
 * Sent by the mobile node directly from its care-of address to start the care-of half
 * of the return routability procedure. Message data: Reserved (16 bits), Care-of Init
 * Cookie (64 bits, a random value the Care-of Test must echo).
 */
class CareOfTestInit : public MobilityHeader
{
  public:
    /// Octets of message data before the mobility options.
    static constexpr uint32_t MESSAGE_DATA_SIZE = 10;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates the message with every field zero.
    CareOfTestInit();

    /// \brief Set the care-of init cookie.
    void SetCareOfInitCookie(uint64_t v);
    /// \brief The care-of init cookie.
    uint64_t GetCareOfInitCookie() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint64_t m_careOfInitCookie{0}; //!< care-of init cookie
};

} // namespace ns3

#endif /* DMM_CARE_OF_TEST_INIT_H */
