/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_CONTEXT_REQUEST_H
#define DMM_CONTEXT_REQUEST_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Context Request (subtype 9): a mobility router asks the router a node arrived from
 *        (its layer-2 handover names it) for the node's context: its Mobile Node Identifier
 *        option names the node (network-based fully distributed DMM, 000 §5.2).
 */
class ContextRequest : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    ContextRequest();
};

} // namespace ns3

#endif // DMM_CONTEXT_REQUEST_H
