/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Binding Refresh Request (RFC 6275 section 6.1.2).
 */
#ifndef DMM_BINDING_REFRESH_REQUEST_H
#define DMM_BINDING_REFRESH_REQUEST_H

#include "ns3/mobility-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Binding Refresh Request message (MH type 0, "BRR").
 *
 * Sent by a correspondent node or home agent to ask the mobile node to renew a binding.
 * Message data: Reserved (16 bits); no option is defined for it.
 */
class BindingRefreshRequest : public MobilityHeader
{
  public:
    /// Octets of message data before the mobility options.
    static constexpr uint32_t MESSAGE_DATA_SIZE = 2;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates the message (it has no fields of its own).
    BindingRefreshRequest();

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;
};

} // namespace ns3

#endif /* DMM_BINDING_REFRESH_REQUEST_H */
