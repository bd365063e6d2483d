/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Proxy Binding Acknowledgement (RFC 5213 section 8.2): a Binding Acknowledgement
 * (RFC 6275 section 6.1.8) with the P flag.
 */
#ifndef DMM_PROXY_BINDING_ACK_H
#define DMM_PROXY_BINDING_ACK_H

#include "ns3/binding-ack.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Proxy Binding Acknowledgement: a BindingAck whose default is the P flag set.
 *
 * The wire format, the status values and every accessor are BindingAck's.
 */
class ProxyBindingAck : public BindingAck
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates a PBA with P set, status 0 (accepted), sequence 0, lifetime 0.
    ProxyBindingAck();
};

} // namespace ns3

#endif /* DMM_PROXY_BINDING_ACK_H */
