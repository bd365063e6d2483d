/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_BINDING_CHANGE_INFORM_H
#define DMM_BINDING_CHANGE_INFORM_H

#include "ns3/epmip-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief PMIP Binding Change Inform (PBCI, subtype 15): a DMF tells another eMAG a node's new
 * location: n-eMAG to p-eMAG, and p-eMAG to the correspondent's eMAG (seed 001 §4.3).
 */
class BindingChangeInform : public EpmipMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    BindingChangeInform();
};

} // namespace ns3

#endif // DMM_BINDING_CHANGE_INFORM_H
