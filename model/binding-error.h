/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Binding Error (RFC 6275 section 6.1.9).
 */
#ifndef DMM_BINDING_ERROR_H
#define DMM_BINDING_ERROR_H

#include "ns3/mobility-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Binding Error message (MH type 7, "BE").
 *
 * Sent by a correspondent node (or home agent) that cannot process a packet from a mobile
 * node. Message data: Status (8 bits), Reserved (8 bits), Home Address (128 bits: the home
 * address of the Home Address option of the offending packet, or the unspecified address
 * if it had none).
 */
class BindingError : public MobilityHeader
{
  public:
    /// Octets of message data before the mobility options.
    static constexpr uint32_t MESSAGE_DATA_SIZE = 18;

    /// Status values (RFC 6275 section 6.1.9).
    enum Status : uint8_t
    {
        UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION = 1, //!< HAO without a binding
        UNRECOGNIZED_MH_TYPE = 2,                    //!< MH type not understood
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates a BE with status 0 and the unspecified home address.
    BindingError();

    /// \brief Set the status.
    void SetStatus(uint8_t status);
    /// \brief The status.
    uint8_t GetStatus() const;
    /// \brief Set the home address the error is about.
    void SetHomeAddress(Ipv6Address address);
    /// \brief The home address the error is about.
    Ipv6Address GetHomeAddress() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint8_t m_status{0};                              //!< status
    Ipv6Address m_homeAddress{Ipv6Address::GetAny()}; //!< home address
};

} // namespace ns3

#endif /* DMM_BINDING_ERROR_H */
