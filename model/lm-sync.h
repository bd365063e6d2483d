/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LM_SYNC_H
#define DMM_LM_SYNC_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief LM Sync (subtype 4): a binding of the replicated LM changed.
 */
class LmSync : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    LmSync();
};

} // namespace ns3

#endif // DMM_LM_SYNC_H
