/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_REGISTER_H
#define DMM_LOCATION_REGISTER_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Location Register (subtype 11): a mobility router tells a location server where
 *        home addresses are, one pair (address /128, locator) each: the router itself, or a
 *        visited network's server (the home server's pointer); R removes them. A Timestamp
 *        option (RFC 5213 §8.8, the sender's clock) orders registrations from different
 *        routers.
 */
class LocationRegister : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    LocationRegister();
};

} // namespace ns3

#endif // DMM_LOCATION_REGISTER_H
