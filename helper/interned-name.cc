/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ns3/interned-name.h"

#include "ns3/abort.h"

#include <deque>
#include <limits>
#include <unordered_map>

namespace ns3
{
namespace dmm
{

namespace
{

/// The names seen so far: a deque, so that the views the index keys on never move.
struct Pool
{
    std::deque<std::string> names{std::string()};
    std::unordered_map<std::string_view, uint32_t> ids{{std::string_view(), 0}};
};

Pool&
ThePool()
{
    static Pool pool;
    return pool;
}

} // namespace

InternedName::InternedName(std::string_view name)
{
    Pool& pool = ThePool();
    auto it = pool.ids.find(name);
    if (it != pool.ids.end())
    {
        m_id = it->second;
        return;
    }
    NS_ABORT_MSG_IF(pool.names.size() > std::numeric_limits<uint32_t>::max(),
                    "more than 2^32 distinct names");
    m_id = static_cast<uint32_t>(pool.names.size());
    const std::string& kept = pool.names.emplace_back(name);
    pool.ids.emplace(std::string_view(kept), m_id);
}

const std::string&
InternedName::str() const
{
    return ThePool().names[m_id];
}

} // namespace dmm
} // namespace ns3
