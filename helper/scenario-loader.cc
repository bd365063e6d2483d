/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Reading scenario files: syntax errors with line and column, duplicate keys, --set
// overrides, and the vocabulary (profile names, keys). The functions are declared in
// scenario-config.h, next to the data they produce.

#include "ns3/json-duplicate-key-finder.h"
#include "ns3/json-object-reader.h"
#include "ns3/log.h"
#include "ns3/scenario-config.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioLoader");

using nlohmann::json;

/// \return whether \p text is valid UTF-8, as a JSON string must be (RFC 8259 §8.1)
static bool
IsUtf8(const std::string& text)
{
    try
    {
        json(text).dump();
        return true;
    }
    catch (const json::type_error&)
    {
        return false;
    }
}

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
    auto fail = [&key](const std::string& what) {
        throw ScenarioError(fmt::format("--set {}: {}", key, what));
    };
    json value = json::parse(text, nullptr, false);
    if (value.is_discarded())
    {
        // Taken as a string: not UTF-8, the JSON library would throw its own error later,
        // wherever the value is shown (an error message) or written (summary.json).
        if (!IsUtf8(text))
        {
            fail("the value is neither JSON nor a UTF-8 string");
        }
        value = text;
    }

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

/// \return the 1-based line and column of byte \p at of \p text
static std::pair<std::size_t, std::size_t>
LineColumn(const std::string& text, std::size_t at)
{
    std::size_t line = 1 + std::count(text.begin(), text.begin() + at, '\n');
    std::size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
    std::size_t column = lineStart == std::string::npos || at == 0 ? at + 1 : at - lineStart;
    return {line, column};
}

/// An exception of the JSON library other than a syntax error (a number out of range):
/// the message names the file, line, column and key of the offending literal.
static std::string
JsonLibraryError(const std::string& path, const std::string& text, const std::string& what)
{
    // nlohmann quotes the literal: "number overflow parsing '1e400'".
    auto open = what.find('\'');
    auto close = open == std::string::npos ? open : what.find('\'', open + 1);
    std::string literal = close == std::string::npos ? "" : what.substr(open + 1, close - open - 1);
    std::size_t at = literal.empty() ? std::string::npos : text.find(literal);
    if (at == std::string::npos)
    {
        return fmt::format("{}: {}", path, what);
    }
    auto [line, column] = LineColumn(text, at);
    std::smatch key;
    std::string before = text.substr(0, at);
    static const std::regex lastKey(R"rx("([^"]*)"\s*:\s*$)rx");
    std::string name = std::regex_search(before, key, lastKey) ? key[1].str() : "value";
    return fmt::format("{}:{}:{}: {}: number {} is out of range (a double holds up to "
                       "about 1.8e308)",
                       path,
                       line,
                       column,
                       name,
                       literal);
}

/// Read a JSON object from a file; errors name the file, line and column.
static json
ReadJsonFile(const std::string& path, const std::string& what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw ScenarioError(
            fmt::format("{}: cannot read {}: {}", path, what, std::strerror(errno)));
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
        auto [line, column] = LineColumn(text, end);
        std::string detail = e.what();
        auto pos = detail.find("column");
        pos = pos == std::string::npos ? pos : detail.find(": ", pos);
        if (pos != std::string::npos)
        {
            detail = detail.substr(pos + 2);
        }
        throw ScenarioError(
            fmt::format("{}:{}:{}: JSON syntax error: {}", path, line, column, detail));
    }
    catch (const json::exception& e)
    {
        throw ScenarioError(JsonLibraryError(path, text, e.what()));
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
    return j;
}

ScenarioConfig
LoadScenario(const std::string& path,
             const std::vector<std::string>& overrides,
             std::optional<std::string> profileOverride,
             std::optional<uint32_t> seedOverride,
             std::optional<std::string> profileFile)
{
    json j = ReadJsonFile(path, "scenario file");
    for (const auto& o : overrides)
    {
        ApplyOverride(j, o);
    }
    if (profileOverride)
    {
        j["profile"] = *profileOverride;
        j.erase("recipe");
    }
    if (profileFile)
    {
        j["recipe"] = ReadJsonFile(*profileFile, "profile file");
        j.erase("profile");
    }
    if (seedOverride)
    {
        j["seed"] = *seedOverride;
    }
    ScenarioConfig c = ParseScenario(j);
    for (const auto& o : overrides)
    {
        std::string key = o.substr(0, o.find('='));
        if (std::find(c.ignoredKeys.begin(), c.ignoredKeys.end(), key) != c.ignoredKeys.end())
        {
            throw ScenarioError(fmt::format("--set {}: profile \"{}\" does not read this key "
                                            "(none of its functions uses it)",
                                            key,
                                            c.profile));
        }
    }
    return c;
}

// The vocabulary of scenario files: the keys of every object.
const std::set<std::string>&
ScenarioKeys(const std::string& context)
{
    // Space-separated key lists keep the schema readable at a glance.
    static const std::map<std::string, std::string> lists{
        {"",
         "name profile recipe seed duration_s data queue_disc l2 access processing protocol nodes "
         "links "
         "mobility "
         "flows "
         "flow_moves central_anchor domain_profiles "
         "topology movement security attacks"},
        {"attacks[]", "by type message from at_s count interval_ms keep_authentication"},
        {"security", "enabled replay_protection close_enough_s domains pair_keys"},
        {"security.domains[]", "name key nodes networks"},
        {"security.pair_keys[]", "a b key"},
        {"l2", "type switch_time_ms beacon_interval_ms max_missed_beacons ap_distance_m standard"},
        {"access", "delay_ms rate_mbps"},
        {"processing", "access_ms anchor_ms"},
        {"protocol",
         "binding_lifetime_s refresh_ratio min_delay_before_bce_delete_ms deregister_on_detach "
         "use_timestamps shared_sequence_numbers dad idle_release_s prefix_properties "
         "prefix_lifetime_s "
         "prefixes_per_node location "
         "location_cache_s "
         "forwarding_time_s "
         "dlma_bypass dlma_mag_tracking dlma_bypass_olma dlma_private "
         "location_update client_lu uplink session_source "
         "route_optimization hoa_assignment hoa_status new_hoa first_packets epmip_architecture "
         "epmip_lma_selection lm_relay query_retries query_timeout_ms forward_late_downlink "
         "elma_discovery elmas inform_timeout_ms inform_retries"},
        {"nodes[]",
         "name role access_delay_ms access_rate_mbps interfaces haa_for mr_role epmip_role "
         "domain"},
        {"links[]", "a b delay_ms rate_mbps"},
        {"mobility[]", "mn at_s attach interface"},
        {"flow_moves[]", "flow interface at_s"},
        {"flows[]", "name type from to start_s stop_s interval_ms size_bytes max_bytes"},
        {"topology",
         "type networks ars_per_network hops_to_anchor mesh delay_ms rate_mbps mns cns "
         "cn_placement nodes links mrs separate_haa cn_mr_role"},
        {"topology.delay_ms", "core aggregation access"},
        {"topology.rate_mbps", "core aggregation access"},
        {"movement", "type residence_s start_s mns cross_probability"},
    };
    static const std::map<std::string, std::set<std::string>> table = [] {
        std::map<std::string, std::set<std::string>> t;
        for (const auto& [context, list] : lists)
        {
            std::istringstream words(list);
            t[context] = {std::istream_iterator<std::string>(words),
                          std::istream_iterator<std::string>()};
        }
        return t;
    }();
    static const std::set<std::string> none;
    auto it = table.find(context);
    return it == table.end() ? none : it->second;
}

} // namespace ns3
