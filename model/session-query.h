/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SESSION_QUERY_H
#define DMM_SESSION_QUERY_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Session Query (subtype 1): a V-MAR asks for a node's sessions.
 */
class SessionQuery : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    SessionQuery();
};

} // namespace ns3

#endif // DMM_SESSION_QUERY_H
