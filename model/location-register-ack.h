/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_REGISTER_ACK_H
#define DMM_LOCATION_REGISTER_ACK_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Location Register Ack (subtype 12): the server accepted a LocationRegister (same
 *        sequence number and pairs).
 */
class LocationRegisterAck : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    LocationRegisterAck();
};

} // namespace ns3

#endif // DMM_LOCATION_REGISTER_ACK_H
