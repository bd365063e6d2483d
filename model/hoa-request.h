/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HOA_REQUEST_H
#define DMM_HOA_REQUEST_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief HoA Request (subtype 20, seed 002 §3.3 a, §4.1): a mobility router asks its
 *        local network's home address allocation (HAA) for an attaching node's home address.
 *
 * The Mobile Node Identifier option names the node. The router proposes the address the
 * node forms by stateless autoconfiguration on its link as one (address /128, router)
 * pair: a stateless HAA authorises it, a stateful one ignores it and assigns a prefix
 * from its pool. A node the HAA knows already gets its earlier assignment (its home
 * local network keeps it).
 */
class HoaRequest : public DmmSessionHeader
{
  public:
    static constexpr uint8_t SUBTYPE = 20; //!< HoA Request (DMM with MIP: subtypes 20-29)

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    HoaRequest();
};

} // namespace ns3

#endif // DMM_HOA_REQUEST_H
