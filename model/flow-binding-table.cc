/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "flow-binding-table.h"

#include <algorithm>

namespace ns3
{

void
FlowBindingTable::Bind(Ipv6Address prefix, uint8_t length, uint32_t index, bool pinned)
{
    Ipv6Address network = prefix.CombinePrefix(Ipv6Prefix(length));
    Unbind(network, length);
    // Kept sorted longest first: the first match is the most specific (RFC 7847 §5.2).
    auto at = std::find_if(m_bindings.begin(), m_bindings.end(), [length](const Binding& b) {
        return b.length < length;
    });
    m_bindings.insert(at, Binding{network, length, index, pinned});
}

void
FlowBindingTable::Unbind(Ipv6Address prefix, uint8_t length)
{
    Ipv6Address network = prefix.CombinePrefix(Ipv6Prefix(length));
    m_bindings.erase(
        std::remove_if(m_bindings.begin(),
                       m_bindings.end(),
                       [&](const Binding& b) { return b.length == length && b.prefix == network; }),
        m_bindings.end());
}

int32_t
FlowBindingTable::Lookup(Ipv6Address source) const
{
    for (const auto& binding : m_bindings)
    {
        if (Ipv6Prefix(binding.length).IsMatch(source, binding.prefix))
        {
            return static_cast<int32_t>(binding.index);
        }
    }
    return -1;
}

bool
FlowBindingTable::IsExplicit(Ipv6Address prefix, uint8_t length) const
{
    Ipv6Address network = prefix.CombinePrefix(Ipv6Prefix(length));
    return std::any_of(m_bindings.begin(), m_bindings.end(), [&](const Binding& b) {
        return b.pinned && b.length == length && b.prefix == network;
    });
}

bool
FlowBindingTable::IsEmpty() const
{
    return m_bindings.empty();
}

void
FlowBindingTable::Learn(uint32_t index, const std::vector<NdOptions::PrefixInformation>& pios)
{
    for (const auto& pio : pios)
    {
        const HomeNetworkPrefix& prefix = pio.prefix;
        if (IsExplicit(prefix.prefix, prefix.length))
        {
            continue; // a moved flow stays where it was moved
        }
        if (pio.validLifetime == 0)
        {
            Unbind(prefix.prefix, prefix.length); // RFC 4862 §5.5.3: the prefix is gone
        }
        else
        {
            // RFC 7847 §5.2: a flow leaves on the link whose router gave its prefix.
            Bind(prefix.prefix, prefix.length, index, false);
        }
    }
}

} // namespace ns3
