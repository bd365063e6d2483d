/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_REPLY_H
#define DMM_LOCATION_REPLY_H

#include "ns3/location-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Location Reply (subtype 6): the server's answer to a LocationQuery (same sequence
 *        number): a care-of address, a referral (F) or no entry (R).
 */
class LocationReply : public LocationMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    LocationReply();
};

} // namespace ns3

#endif // DMM_LOCATION_REPLY_H
