/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PREFIX_TABLE_H
#define DMM_PREFIX_TABLE_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"

#include <functional>
#include <map>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Longest-prefix-match table from IPv6 prefixes to values.
 *
 * One hash table per prefix length, searched from the longest length down, so a
 * lookup costs one hash probe per distinct length in the table (usually one: all
 * home network prefixes are /64), whatever the number of mobile nodes. This is on
 * the per-packet path of every anchor and access router.
 *
 * \tparam T the value type
 */
template <class T>
class PrefixTable
{
  public:
    /**
     * \brief Insert or replace.
     * \param prefix the key \param value the value
     */
    void Set(const HomeNetworkPrefix& prefix, const T& value)
    {
        m_byLength[prefix.length][Key(prefix)] = value;
    }

    /// \param prefix a key \return true if it was present
    bool Erase(const HomeNetworkPrefix& prefix)
    {
        auto it = m_byLength.find(prefix.length);
        if (it == m_byLength.end() || it->second.erase(Key(prefix)) == 0)
        {
            return false;
        }
        if (it->second.empty())
        {
            m_byLength.erase(it);
        }
        return true;
    }

    /// \param address an address \return the value of the longest prefix containing it
    T* Lookup(Ipv6Address address)
    {
        return const_cast<T*>(static_cast<const PrefixTable&>(*this).Lookup(address));
    }

    /// \param address an address \return the value of the longest prefix containing it
    const T* Lookup(Ipv6Address address) const
    {
        return Lookup(address, [](const T&) { return true; });
    }

    /**
     * \brief Longest match among the values that \p accept takes (a route on a given
     * interface, say): one probe per length, as without a filter.
     * \param address an address \param accept predicate on a value
     * \return the value of the longest accepted prefix containing \p address
     */
    template <class Accept>
    const T* Lookup(Ipv6Address address, Accept accept) const
    {
        for (const auto& [length, table] : m_byLength)
        {
            auto it = table.find(address.CombinePrefix(Ipv6Prefix(length)));
            if (it != table.end() && accept(it->second))
            {
                return &it->second;
            }
        }
        return nullptr;
    }

    /// \return the number of entries
    std::size_t GetSize() const
    {
        std::size_t n = 0;
        for (const auto& [length, table] : m_byLength)
        {
            n += table.size();
        }
        return n;
    }

    /// \return the entries, ordered (for printing and tests)
    std::map<HomeNetworkPrefix, T> GetEntries() const
    {
        std::map<HomeNetworkPrefix, T> out;
        for (const auto& [length, table] : m_byLength)
        {
            for (const auto& [prefix, value] : table)
            {
                out[HomeNetworkPrefix::Make(prefix, length)] = value;
            }
        }
        return out;
    }

  private:
    static Ipv6Address Key(const HomeNetworkPrefix& prefix)
    {
        return prefix.prefix.CombinePrefix(Ipv6Prefix(prefix.length));
    }

    /// Longest length first.
    std::map<uint8_t, std::unordered_map<Ipv6Address, T, Ipv6AddressHash>, std::greater<>>
        m_byLength;
};

} // namespace ns3

#endif // DMM_PREFIX_TABLE_H
