/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/json-duplicate-key-finder.h"

#include "ns3/log.h"

#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("JsonDuplicateKeyFinder");

std::optional<std::string>
JsonDuplicateKeyFinder::Find(const std::string& text)
{
    JsonDuplicateKeyFinder finder;
    nlohmann::json::sax_parse(text, &finder);
    return finder.m_duplicate;
}

bool
JsonDuplicateKeyFinder::null()
{
    return Value();
}

bool
JsonDuplicateKeyFinder::boolean(bool)
{
    return Value();
}

bool
JsonDuplicateKeyFinder::number_integer(number_integer_t)
{
    return Value();
}

bool
JsonDuplicateKeyFinder::number_unsigned(number_unsigned_t)
{
    return Value();
}

bool
JsonDuplicateKeyFinder::number_float(number_float_t, const string_t&)
{
    return Value();
}

bool
JsonDuplicateKeyFinder::string(string_t&)
{
    return Value();
}

bool
JsonDuplicateKeyFinder::binary(binary_t&)
{
    return Value();
}

bool
JsonDuplicateKeyFinder::start_object(std::size_t)
{
    m_stack.push_back({true, {}, {}, 0});
    return true;
}

bool
JsonDuplicateKeyFinder::key(string_t& k)
{
    Frame& f = m_stack.back();
    f.key = k;
    if (!f.keys.insert(k).second && !m_duplicate)
    {
        m_duplicate = Path();
    }
    return true;
}

bool
JsonDuplicateKeyFinder::end_object()
{
    m_stack.pop_back();
    return Value();
}

bool
JsonDuplicateKeyFinder::start_array(std::size_t)
{
    m_stack.push_back({false, {}, {}, 0});
    return true;
}

bool
JsonDuplicateKeyFinder::end_array()
{
    m_stack.pop_back();
    return Value();
}

bool
JsonDuplicateKeyFinder::parse_error(std::size_t,
                                    const std::string&,
                                    const nlohmann::detail::exception&)
{
    return false;
}

bool
JsonDuplicateKeyFinder::Value()
{
    if (!m_stack.empty() && !m_stack.back().object)
    {
        ++m_stack.back().index;
    }
    return true;
}

std::string
JsonDuplicateKeyFinder::Path() const
{
    std::string out;
    for (const auto& f : m_stack)
    {
        out += f.object ? (out.empty() ? "" : ".") + f.key : fmt::format("[{}]", f.index);
    }
    return out;
}

} // namespace ns3
