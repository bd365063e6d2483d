/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_LOCATION_INFORM_H
#define DMM_DLMA_LOCATION_INFORM_H

#include "ns3/dlma-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Location Inform (subtype 30): the LMA a node is now anchored to tells its H-LMA
 *        (§4.3, §4.4) and, after a change of LMA, the previous D-LMA (§5.1.3), which
 *        forwards for a limited time; the LMA Address option names the new D-LMA.
 */
class DlmaLocationInform : public DlmaMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    DlmaLocationInform();
};

} // namespace ns3

#endif // DMM_DLMA_LOCATION_INFORM_H
