/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_CONTEXT_REPLY_H
#define DMM_CONTEXT_REPLY_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Context Reply (subtype 10): the previous router's answer to a ContextRequest (same
 *        sequence number): one pair per home address of the node, (address /128, its home
 *        location server), the address formed at the previous router first.
 */
class ContextReply : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    ContextReply();
};

} // namespace ns3

#endif // DMM_CONTEXT_REPLY_H
