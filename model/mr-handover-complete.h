/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MR_HANDOVER_COMPLETE_H
#define DMM_MR_HANDOVER_COMPLETE_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Handover Complete (subtype 23, seed 002 §4.4): the new mobility router tells the
 *        previous one that the handover of a node (MN-ID option) is finished, i.e. the
 *        location management acknowledged the node's new location, so the previous router
 *        deletes the temporary mobility context it set up at the context transfer (the
 *        forwarding towards the new router). No pair; the sequence is the new router's.
 */
class MrHandoverComplete : public DmmSessionHeader
{
  public:
    static constexpr uint8_t SUBTYPE = 23; //!< Handover Complete (DMM with MIP: subtypes 20-29)

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    MrHandoverComplete();
};

} // namespace ns3

#endif // DMM_MR_HANDOVER_COMPLETE_H
