/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_UNIQUENESS_REPLY_H
#define DMM_DLMA_UNIQUENESS_REPLY_H

#include "ns3/dlma-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Uniqueness Reply (subtype 33): the H-LMA's answer to a Uniqueness Check (same
 *        sequence number): the Uniqueness Status option and the node's valid HoA prefix
 *        (§4.3).
 */
class DlmaUniquenessReply : public DlmaMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    DlmaUniquenessReply();
};

} // namespace ns3

#endif // DMM_DLMA_UNIQUENESS_REPLY_H
