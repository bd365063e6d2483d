/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HOA_REPLY_H
#define DMM_HOA_REPLY_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief HoA Reply (subtype 21, seed 002 §4.1): the HAA's answer to a HoaRequest, same
 *        sequence number: one (home address or prefix, anchoring router) pair, /128 for a
 *        stateless authorisation, the prefix length of the pool for a stateful assignment; R
 *        (remove) set and no pair when refused.
 */
class HoaReply : public DmmSessionHeader
{
  public:
    static constexpr uint8_t SUBTYPE = 21; //!< HoA Reply (DMM with MIP: subtypes 20-29)

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    HoaReply();
};

} // namespace ns3

#endif // DMM_HOA_REPLY_H
