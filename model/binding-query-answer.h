/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_BINDING_QUERY_ANSWER_H
#define DMM_BINDING_QUERY_ANSWER_H

#include "ns3/epmip-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief PMIP Binding Query Answer (PBQA, subtype 14): the LMF's answer to a PBQR (same sequence):
 * the node's prefix and proxy-CoA from its binding cache entry, or R when it has none (seed 001
 * §4.2).
 */
class BindingQueryAnswer : public EpmipMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    BindingQueryAnswer();
};

} // namespace ns3

#endif // DMM_BINDING_QUERY_ANSWER_H
