/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_BINDING_QUERY_REQUEST_H
#define DMM_BINDING_QUERY_REQUEST_H

#include "ns3/epmip-message.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief PMIP Binding Query Request (PBQR, subtype 13): an eMAG's DRF asks the LMF that holds a
 * node's binding where the node is (seed 001 §4.2).
 */
class BindingQueryRequest : public EpmipMessage
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    BindingQueryRequest();
};

} // namespace ns3

#endif // DMM_BINDING_QUERY_REQUEST_H
