/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Home Test Init (RFC 6275 section 6.1.3).
 */
#ifndef DMM_HOME_TEST_INIT_H
#define DMM_HOME_TEST_INIT_H

#include "ns3/mobility-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Home Test Init message (MH type 1, "HoTI").
 *
 * Sent by the mobile node through its home agent to start the home half of the
 * return routability procedure. Message data: Reserved (16 bits), Home Init Cookie
 * (64 bits, a random value the Home Test must echo).
 */
class HomeTestInit : public MobilityHeader
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
    HomeTestInit();

    /// \brief Set the home init cookie.
    void SetHomeInitCookie(uint64_t v);
    /// \brief The home init cookie.
    uint64_t GetHomeInitCookie() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint64_t m_homeInitCookie{0}; //!< home init cookie
};

} // namespace ns3

#endif /* DMM_HOME_TEST_INIT_H */
