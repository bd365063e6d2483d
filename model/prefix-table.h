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
    struct Level; // the prefixes of one length (below)

  public:
    /**
     * \brief Insert or replace.
     * \param prefix the key \param value the value
     */
    void Set(const HomeNetworkPrefix& prefix, const T& value)
    {
        Level& level = m_byLength[prefix.length];
        if (level.table.empty())
        {
            level.SetLength(prefix.length);
        }
        level.table[level.Key(prefix.prefix)] = value;
    }

    /// \param prefix a key \return true if it was present
    bool Erase(const HomeNetworkPrefix& prefix)
    {
        auto it = m_byLength.find(prefix.length);
        if (it == m_byLength.end() || it->second.table.erase(it->second.Key(prefix.prefix)) == 0)
        {
            return false;
        }
        if (it->second.table.empty())
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
        uint8_t bytes[16];
        address.GetBytes(bytes);
        for (const auto& [length, level] : m_byLength)
        {
            auto it = level.table.find(level.Key(bytes));
            if (it != level.table.end() && accept(it->second))
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
        for (const auto& [length, level] : m_byLength)
        {
            n += level.table.size();
        }
        return n;
    }

    /// \return the entries, ordered (for printing and tests)
    std::map<HomeNetworkPrefix, T> GetEntries() const
    {
        std::map<HomeNetworkPrefix, T> out;
        for (const auto& [length, level] : m_byLength)
        {
            for (const auto& [prefix, value] : level.table)
            {
                out[HomeNetworkPrefix::Make(prefix, length)] = value;
            }
        }
        return out;
    }

  private:
    /// The prefixes of one length, and that length's mask (computed once: building an
    /// Ipv6Prefix per probe cost more than the probe).
    struct Level
    {
        uint8_t mask[16]{};                                        //!< the length as a mask
        std::unordered_map<Ipv6Address, T, Ipv6AddressHash> table; //!< masked prefix -> value

        /// \param length the prefix length of this level
        void SetLength(uint8_t length)
        {
            for (uint8_t i = 0; i < 16; ++i)
            {
                uint32_t bits = length > 8 * i ? length - 8 * i : 0;
                mask[i] = bits >= 8 ? 0xff : static_cast<uint8_t>(0xff00 >> bits);
            }
        }

        /// \param bytes an address \return its prefix of this level's length
        Ipv6Address Key(const uint8_t* bytes) const
        {
            uint8_t masked[16];
            for (uint8_t i = 0; i < 16; ++i)
            {
                masked[i] = bytes[i] & mask[i];
            }
            return Ipv6Address(masked);
        }

        /// \param address an address \return its prefix of this level's length
        Ipv6Address Key(const Ipv6Address& address) const
        {
            uint8_t bytes[16];
            address.GetBytes(bytes);
            return Key(bytes);
        }
    };

    std::map<uint8_t, Level, std::greater<>> m_byLength; //!< length -> prefixes, longest first
};

} // namespace ns3

#endif // DMM_PREFIX_TABLE_H
