/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_LOCATION_ACK_H
#define DMM_DLMA_LOCATION_ACK_H

#include "ns3/dlma-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Cache Update (subtype 31): the H-LMA (§4.4, Fig 7) or a previous D-LMA (§5.1.3)
 *        tells the O-LMA that tunnelled a packet for the HoA prefix which LMA (the LMA
 *        Address option) anchors it; the O-LMA caches it until it is idle.
 */
class DlmaLocationAck : public DlmaMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    DlmaLocationAck();
};

} // namespace ns3

#endif // DMM_DLMA_LOCATION_ACK_H
