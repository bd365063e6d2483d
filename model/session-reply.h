/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SESSION_REPLY_H
#define DMM_SESSION_REPLY_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Session Reply (subtype 2): the database lists a node's sessions.
 */
class SessionReply : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    SessionReply();
};

} // namespace ns3

#endif // DMM_SESSION_REPLY_H
