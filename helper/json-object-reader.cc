/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/json-object-reader.h"

#include "ns3/log.h"
#include "ns3/scenario-config.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("JsonObjectReader");

using nlohmann::json;

JsonObjectReader::JsonObjectReader(const json& j,
                                   std::string path,
                                   const std::set<std::string>& allowed)
    : m_j(j),
      m_path(std::move(path))
{
    if (!m_j.is_object())
    {
        Fail(m_path.empty() ? "scenario" : m_path,
             fmt::format("expected an object (got {})", TypeName(m_j)));
    }
    for (const auto& item : m_j.items())
    {
        if (allowed.count(item.key()) == 0)
        {
            Fail(Path(item.key()), fmt::format("unknown key (allowed: {})", Join(allowed)));
        }
    }
}

std::string
JsonObjectReader::Path(const std::string& key) const
{
    return m_path.empty() ? key : m_path + "." + key;
}

bool
JsonObjectReader::Has(const std::string& key) const
{
    return m_j.contains(key);
}

const json&
JsonObjectReader::Get(const std::string& key) const
{
    if (!Has(key))
    {
        Fail(Path(key), "required key missing");
    }
    return m_j.at(key);
}

std::string
JsonObjectReader::String(const std::string& key) const
{
    const json& v = Get(key);
    if (!v.is_string())
    {
        Fail(Path(key), fmt::format("expected a string (got {} {})", TypeName(v), Shown(v)));
    }
    return v.get<std::string>();
}

std::string
JsonObjectReader::String(const std::string& key, const std::string& def) const
{
    return Has(key) ? String(key) : def;
}

std::string
JsonObjectReader::Mode(const std::string& key,
                       const std::string& def,
                       const std::vector<std::string>& known) const
{
    std::string mode = String(key, def);
    if (std::find(known.begin(), known.end(), mode) == known.end())
    {
        Fail(Path(key),
             fmt::format("unknown mode \"{}\" (known: {})", mode, fmt::join(known, ", ")));
    }
    return mode;
}

double
JsonObjectReader::Number(const std::string& key) const
{
    const json& v = Get(key);
    if (!v.is_number())
    {
        Fail(Path(key), fmt::format("expected a number (got {} {})", TypeName(v), Shown(v)));
    }
    double d = v.get<double>();
    if (!std::isfinite(d))
    {
        Fail(Path(key), fmt::format("must be a finite number (got {})", Shown(v)));
    }
    return d;
}

double
JsonObjectReader::Number(const std::string& key, double def) const
{
    return Has(key) ? Number(key) : def;
}

uint64_t
JsonObjectReader::Unsigned(const std::string& key, uint64_t max) const
{
    const json& v = Get(key);
    // A value built in C++ (--seed, tests) may be a signed integer.
    if (v.is_number_integer() && !v.is_number_unsigned() && v.get<int64_t>() < 0)
    {
        Fail(Path(key), fmt::format("must be >= 0 (got {})", Shown(v)));
    }
    uint64_t u = 0;
    if (v.is_number_integer())
    {
        u = v.get<uint64_t>();
    }
    else if (v.is_number_float() && std::trunc(v.get<double>()) == v.get<double>() &&
             v.get<double>() >= 0 && v.get<double>() < 1.8e19)
    {
        u = static_cast<uint64_t>(v.get<double>());
    }
    else
    {
        Fail(Path(key),
             fmt::format("expected a non-negative integer (got {} {})", TypeName(v), Shown(v)));
    }
    if (u > max)
    {
        Fail(Path(key), fmt::format("must be <= {} (got {})", max, Shown(v)));
    }
    return u;
}

bool
JsonObjectReader::Bool(const std::string& key, bool def) const
{
    if (!Has(key))
    {
        return def;
    }
    const json& v = Get(key);
    if (!v.is_boolean())
    {
        Fail(Path(key), fmt::format("expected true or false (got {} {})", TypeName(v), Shown(v)));
    }
    return v.get<bool>();
}

/// The array under key (an empty one if the key is absent).
const json&
JsonObjectReader::Array(const std::string& key) const
{
    static const json empty = json::array();
    if (!Has(key))
    {
        return empty;
    }
    const json& v = Get(key);
    if (!v.is_array())
    {
        Fail(Path(key), fmt::format("expected an array (got {})", TypeName(v)));
    }
    return v;
}

std::string
JsonObjectReader::Join(const std::set<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
    {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

std::string
JsonObjectReader::Shown(const json& v)
{
    std::string s = v.dump();
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

std::string
JsonObjectReader::TypeName(const json& v)
{
    if (v.is_number())
    {
        return "number";
    }
    return v.type_name();
}

void
JsonObjectReader::Fail(const std::string& path, const std::string& what)
{
    throw ScenarioError(path.empty() ? what : path + ": " + what);
}

void
JsonObjectReader::CheckMin(const std::string& path, double v, double min, bool strict)
{
    if (strict ? !(v > min) : !(v >= min))
    {
        Fail(path, fmt::format("must be {} {} (got {})", strict ? ">" : ">=", min, v));
    }
}

} // namespace ns3
