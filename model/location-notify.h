/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_NOTIFY_H
#define DMM_LOCATION_NOTIFY_H

#include "ns3/location-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Location Notify (subtype 7): with push, a server tells a router that asked before
 *        that its answer changed (same fields as a LocationReply).
 */
class LocationNotify : public LocationMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    LocationNotify();
};

} // namespace ns3

#endif // DMM_LOCATION_NOTIFY_H
