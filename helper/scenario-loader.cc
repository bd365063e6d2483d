/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Reading scenario files: syntax errors with line and column, duplicate keys, --set
// overrides. The functions are declared in scenario-config.h, next to the data they produce.

#include "ns3/json-duplicate-key-finder.h"
#include "ns3/json-object-reader.h"
#include "ns3/scenario-config.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace ns3
{

using nlohmann::json;

void
ApplyOverride(json& j, const std::string& assignment)
{
    auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
    {
        throw ScenarioError(fmt::format("--set \"{}\": expected KEY=VALUE", assignment));
    }
    std::string key = assignment.substr(0, eq);
    std::string text = assignment.substr(eq + 1);
    json value = json::parse(text, nullptr, false);
    if (value.is_discarded())
    {
        value = text;
    }
    auto fail = [&key](const std::string& what) {
        throw ScenarioError(fmt::format("--set {}: {}", key, what));
    };

    std::vector<std::string> segments;
    std::stringstream ss(key);
    for (std::string s; std::getline(ss, s, '.');)
    {
        segments.push_back(s);
    }
    if (key.back() == '.')
    {
        segments.push_back("");
    }
    // Context names as in ScenarioKeys(): the schema nests at most two levels.
    json* cur = &j;
    std::string context;
    std::string walked;
    for (std::size_t i = 0; i < segments.size(); ++i)
    {
        const std::string& seg = segments[i];
        bool last = i + 1 == segments.size();
        std::string parent = walked;
        walked += (walked.empty() ? "" : ".") + seg;
        if (seg.empty())
        {
            fail("empty path component");
        }
        if (cur->is_array())
        {
            if (seg.size() > 9 || !std::all_of(seg.begin(), seg.end(), [](unsigned char ch) {
                    return std::isdigit(ch);
                }))
            {
                fail(fmt::format("{} is an array: expected an index, got \"{}\"", parent, seg));
            }
            std::size_t index = std::stoul(seg);
            if (index >= cur->size())
            {
                fail(fmt::format("{} does not exist ({} has {} entries)",
                                 walked,
                                 parent,
                                 cur->size()));
            }
            cur = &(*cur)[index];
            context += "[]";
        }
        else if (cur->is_object())
        {
            if (!cur->contains(seg))
            {
                bool documented = ScenarioKeys(context).count(seg) > 0;
                bool childIsObject = context.empty() && !ScenarioKeys(seg).empty();
                if (!documented || (!last && !childIsObject))
                {
                    fail(fmt::format("{} does not exist", walked));
                }
                (*cur)[seg] = last ? value : json::object();
            }
            cur = &(*cur)[seg];
            context = context.empty() ? seg : context + "." + seg;
        }
        else
        {
            fail(fmt::format("{} does not exist ({} is a {})",
                             walked,
                             parent,
                             JsonObjectReader::TypeName(*cur)));
        }
    }
    *cur = value;
}

ScenarioConfig
LoadScenario(const std::string& path,
             const std::vector<std::string>& overrides,
             std::optional<std::string> profileOverride,
             std::optional<uint32_t> seedOverride)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw ScenarioError(
            fmt::format("{}: cannot read scenario file: {}", path, std::strerror(errno)));
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();

    json j;
    try
    {
        j = json::parse(text);
    }
    catch (const json::parse_error& e)
    {
        // e.byte counts from 1 and points at the offending character.
        std::size_t end = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        std::size_t line = 1 + std::count(text.begin(), text.begin() + end, '\n');
        std::size_t lineStart = text.rfind('\n', end == 0 ? 0 : end - 1);
        std::size_t column = lineStart == std::string::npos || end == 0 ? end + 1 : end - lineStart;
        std::string what = e.what();
        auto pos = what.find("column");
        pos = pos == std::string::npos ? pos : what.find(": ", pos);
        if (pos != std::string::npos)
        {
            what = what.substr(pos + 2);
        }
        throw ScenarioError(
            fmt::format("{}:{}:{}: JSON syntax error: {}", path, line, column, what));
    }
    if (auto duplicate = JsonDuplicateKeyFinder::Find(text))
    {
        throw ScenarioError(fmt::format("{}: {}: duplicate key", path, *duplicate));
    }
    if (!j.is_object())
    {
        throw ScenarioError(fmt::format("{}: expected a JSON object at the top level (got {})",
                                        path,
                                        JsonObjectReader::TypeName(j)));
    }
    for (const auto& o : overrides)
    {
        ApplyOverride(j, o);
    }
    if (profileOverride)
    {
        j["profile"] = *profileOverride;
    }
    if (seedOverride)
    {
        j["seed"] = *seedOverride;
    }
    return ParseScenario(j);
}

} // namespace ns3
