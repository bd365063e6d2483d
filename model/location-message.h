/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_MESSAGE_H
#define DMM_LOCATION_MESSAGE_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Common layout of the location messages of the fully distributed scenario
 *        (000 §5.2): LocationQuery (subtype 5), LocationReply (6), LocationNotify (7) and
 *        LocationStale (8), one class each.
 *
 * DmmSessionHeader with one (home address /128, locator) pair. A query names the address
 * (locator ::); a reply or notification gives the locator, with F when it is the location
 * server of the visited network (ask there) and R when the server has no entry (route
 * natively: the address is at its own router); Stale tells an MR that its locator (the
 * pair's) no longer reaches the address.
 */
class LocationMessage : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Set the pair. \param home the home address \param locator its locator (or ::)
     */
    void SetLocation(Ipv6Address home, Ipv6Address locator);
    /// \return the home address (:: if the message carries no pair)
    Ipv6Address GetHome() const;
    /// \return the locator (:: if none)
    Ipv6Address GetLocator() const;

  protected:
    /// \param subType the message's subtype
    explicit LocationMessage(uint8_t subType);
};

} // namespace ns3

#endif // DMM_LOCATION_MESSAGE_H
