/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_UNIQUENESS_CHECK_H
#define DMM_DLMA_UNIQUENESS_CHECK_H

#include "ns3/dlma-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Uniqueness Check (subtype 32): a V-LMA asks the H-LMA owning the HoA prefix
 *        whether the node's HoA is unique before it completes the binding (§4.3); a
 *        check without a prefix (ALL_ZERO) asks the H-LMA for the node's valid HoA.
 */
class DlmaUniquenessCheck : public DlmaMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    DlmaUniquenessCheck();
};

} // namespace ns3

#endif // DMM_DLMA_UNIQUENESS_CHECK_H
