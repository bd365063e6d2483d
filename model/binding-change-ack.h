/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_BINDING_CHANGE_ACK_H
#define DMM_BINDING_CHANGE_ACK_H

#include "ns3/epmip-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief PMIP Binding Change Ack (PBCA, subtype 16): the answer to a PBCI (same sequence), carrying
 * the locations of the node's current correspondents (seed 001 §4.3).
 */
class BindingChangeAck : public EpmipMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    BindingChangeAck();
};

} // namespace ns3

#endif // DMM_BINDING_CHANGE_ACK_H
