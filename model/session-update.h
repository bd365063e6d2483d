/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SESSION_UPDATE_H
#define DMM_SESSION_UPDATE_H

#include "ns3/dmm-session-header.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Session Update (subtype 3): an H-MAR records (or ends) a session.
 */
class SessionUpdate : public DmmSessionHeader
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    SessionUpdate();
};

} // namespace ns3

#endif // DMM_SESSION_UPDATE_H
