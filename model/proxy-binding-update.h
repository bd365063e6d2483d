/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * Proxy Binding Update (RFC 5213 section 8.1): a Binding Update (RFC 6275 section 6.1.7)
 * with the P flag.
 */
#ifndef DMM_PROXY_BINDING_UPDATE_H
#define DMM_PROXY_BINDING_UPDATE_H

#include "ns3/binding-update.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Proxy Binding Update: a BindingUpdate whose defaults are A and P set.
 *
 * The wire format and every accessor are BindingUpdate's; this class exists so that PMIPv6
 * code says what it builds and gets the right defaults. Clearing the P flag makes it a
 * plain Binding Update on the wire.
 */
class ProxyBindingUpdate : public BindingUpdate
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// Creates a PBU with A and P set, sequence 0, lifetime 0.
    ProxyBindingUpdate();
};

} // namespace ns3

#endif /* DMM_PROXY_BINDING_UPDATE_H */
