/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_STALE_H
#define DMM_LOCATION_STALE_H

#include "ns3/location-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Location Stale (subtype 8): a router tells the sender of a tunnelled packet that
 *        its locator for the home address no longer reaches it (MR-MR signalling).
 */
class LocationStale : public LocationMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    LocationStale();
};

} // namespace ns3

#endif // DMM_LOCATION_STALE_H
