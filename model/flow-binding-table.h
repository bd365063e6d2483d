/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_FLOW_BINDING_TABLE_H
#define DMM_FLOW_BINDING_TABLE_H

#include "ns3/ipv6-address.h"
#include "ns3/nd-options.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The flow binding table of a logical interface (RFC 7847 §5.2): source prefixes
 *        bound to physical devices, longest match first. A binding is explicit (a flow
 *        move) or learnt (from a Router Advertisement); only the owner tells them apart.
 */
class FlowBindingTable
{
  public:
    /**
     * \brief Bind a prefix, replacing an earlier binding of the same prefix.
     * \param prefix the prefix (host bits ignored) \param length its length
     * \param index the physical device \param pinned explicit, not learnt
     */
    void Bind(Ipv6Address prefix, uint8_t length, uint32_t index, bool pinned);
    /// \brief Remove a binding. \param prefix the prefix \param length its length
    void Unbind(Ipv6Address prefix, uint8_t length);
    /// \param source an address \return the device of its longest matching prefix, or -1
    int32_t Lookup(Ipv6Address source) const;
    /// \param prefix a prefix \param length its length \return true if bound explicitly
    bool IsExplicit(Ipv6Address prefix, uint8_t length) const;
    /**
     * \brief Learn from a Router Advertisement heard on a device: each advertised prefix
     *        is bound to it, one with a valid lifetime of 0 unbound; explicit bindings stay.
     * \param index the device the RA arrived on \param pios its Prefix Information options
     */
    void Learn(uint32_t index, const std::vector<NdOptions::PrefixInformation>& pios);
    /// \return true if nothing is bound
    bool IsEmpty() const;

  private:
    /// A source prefix bound to a physical device.
    struct Binding
    {
        Ipv6Address prefix; //!< the prefix
        uint8_t length;     //!< its length
        uint32_t index;     //!< the physical device
        bool pinned;        //!< explicit (a flow move), not learnt from an RA
    };

    std::vector<Binding> m_bindings; //!< longest prefix first
};

} // namespace ns3

#endif // DMM_FLOW_BINDING_TABLE_H
