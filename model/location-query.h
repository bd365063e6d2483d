/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_QUERY_H
#define DMM_LOCATION_QUERY_H

#include "ns3/location-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Location Query (subtype 5): a mobility router asks a location server where a home
 *        address is.
 */
class LocationQuery : public LocationMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    LocationQuery();
};

} // namespace ns3

#endif // DMM_LOCATION_QUERY_H
