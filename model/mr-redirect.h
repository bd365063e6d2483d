/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MR_REDIRECT_H
#define DMM_MR_REDIRECT_H

#include "ns3/location-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Redirect (subtype 22, seed 002 §4.3 Fig 4 step 8, §4.4 Fig 5 step 7): a mobility
 *        router tells the correspondent's mobility router where a home address is now (the
 *        pair: home address /128, the router it is attached to), so that router tunnels
 *        there directly, without a query. Its layout is LocationMessage's.
 */
class MrRedirect : public LocationMessage
{
  public:
    static constexpr uint8_t SUBTYPE = 22; //!< Redirect (DMM with MIP: subtypes 20-29)

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    MrRedirect();
};

} // namespace ns3

#endif // DMM_MR_REDIRECT_H
