/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_NAME_INDEX_H
#define DMM_NAME_INDEX_H

#include "ns3/abort.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace dmm
{

/**
 * \ingroup dmm
 * \brief A hash index from a name to the positions of the items of a vector that carry
 * it, built at the first look-up and again whenever the vector has moved or changed size.
 *
 * Start-up looks up nodes by name once per node and per flow: a linear scan made that
 * quadratic in the number of nodes (26 s at 10,000). The vector stays a public member
 * that loaders and tests fill; the index follows it without being told.
 */
template <typename T>
class NameIndex
{
  public:
    /**
     * \param items the vector \param name a name
     * \param nameOf returns an item's name
     * \return the positions of the items named \p name, in vector order (empty: none)
     */
    template <typename NameOf>
    const std::vector<uint32_t>& Find(const std::vector<T>& items,
                                      const std::string& name,
                                      NameOf nameOf) const
    {
        bool fresh = items.data() != m_data || items.size() != m_size;
        if (fresh)
        {
            Build(items, nameOf);
        }
        auto it = m_index.find(name);
        if (!fresh && (it == m_index.end() || !Matches(items, it->second, name, nameOf)))
        {
            // The items may have been rewritten in place: as dear as the scan it replaces.
            Build(items, nameOf);
            it = m_index.find(name);
        }
        static const std::vector<uint32_t> none;
        return it != m_index.end() ? it->second : none;
    }

    /// \brief A copy starts without an index: it would point into the other vector.
    NameIndex() = default;

    /// \brief Copies nothing (see the default constructor).
    NameIndex(const NameIndex&)
    {
    }

    /// \brief Keeps this index: it is rebuilt when it no longer matches. \return this
    NameIndex& operator=(const NameIndex&)
    {
        m_data = nullptr;
        return *this;
    }

  private:
    /// \param items the vector \param nameOf returns an item's name
    template <typename NameOf>
    void Build(const std::vector<T>& items, NameOf nameOf) const
    {
        NS_ABORT_MSG_IF(items.size() > std::numeric_limits<uint32_t>::max(),
                        "NameIndex: more than 2^32 items");
        m_index.clear();
        for (std::size_t i = 0; i < items.size(); ++i)
        {
            m_index[nameOf(items[i])].push_back(static_cast<uint32_t>(i));
        }
        m_data = items.data();
        m_size = items.size();
    }

    /**
     * \param items the vector \param at positions \param name a name
     * \param nameOf returns an item's name \return true if every item at \p at has \p name
     */
    template <typename NameOf>
    static bool Matches(const std::vector<T>& items,
                        const std::vector<uint32_t>& at,
                        const std::string& name,
                        NameOf nameOf)
    {
        for (uint32_t i : at)
        {
            if (nameOf(items[i]) != name)
            {
                return false;
            }
        }
        return true;
    }

    mutable const T* m_data{nullptr}; //!< the vector indexed
    mutable std::size_t m_size{0};    //!< its size then
    /// name -> positions (32 bits: an attachment list may hold millions)
    mutable std::unordered_map<std::string, std::vector<uint32_t>> m_index;
};

} // namespace dmm
} // namespace ns3

#endif // DMM_NAME_INDEX_H
