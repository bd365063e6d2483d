/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The "security" object of a scenario: which nodes share mobility security associations.
#include "ns3/json-object-reader.h"
#include "ns3/log.h"
#include "ns3/return-routability.h"
#include "ns3/scenario-config.h"
#include "ns3/security-directory.h"

#include <fmt/format.h>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioSecurity");

namespace
{

using Reader = JsonObjectReader;
using nlohmann::json;

/// \return the 16 octets of a 32-digit hexadecimal key at \p path
std::vector<uint8_t>
ParseKey(const Reader& o, const std::string& key)
{
    std::string text = o.String(key);
    if (text.size() != 2 * SecurityDirectory::KEY_SIZE ||
        text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
    {
        Reader::Fail(o.Path(key),
                     fmt::format("expected {} hexadecimal digits (a {}-octet key, RFC 4285 "
                                 "section 5.1), got \"{}\"",
                                 2 * SecurityDirectory::KEY_SIZE,
                                 SecurityDirectory::KEY_SIZE,
                                 text));
    }
    std::vector<uint8_t> out;
    for (size_t i = 0; i < text.size(); i += 2)
    {
        out.push_back(static_cast<uint8_t>(std::stoi(text.substr(i, 2), nullptr, 16)));
    }
    return out;
}

/// The key of the one domain of a scenario without "domains": fixed, so runs repeat.
std::vector<uint8_t>
DefaultKey(const std::string& scenario)
{
    std::string label = "dmm default domain " + scenario;
    auto digest = ReturnRoutability::Sha1(std::vector<uint8_t>(label.begin(), label.end()));
    return std::vector<uint8_t>(digest.begin(), digest.begin() + SecurityDirectory::KEY_SIZE);
}

/// \return the node named at \p path, which must exist
const NodeConfig&
NodeAt(const ScenarioConfig& c, const std::string& path, const std::string& name)
{
    const NodeConfig* n = c.FindNode(name);
    if (!n)
    {
        Reader::Fail(path, fmt::format("unknown node \"{}\"", name));
    }
    return *n;
}

void
ParseDomain(const Reader& o,
            const ScenarioConfig& c,
            SecurityDomainConfig& d,
            std::map<std::string, std::string>& domainOf)
{
    d.name = o.String("name");
    d.key = ParseKey(o, "key");
    auto add = [&](const std::string& path, const std::string& name) {
        NodeAt(c, path, name);
        auto [it, fresh] = domainOf.insert({name, d.name});
        if (!fresh)
        {
            Reader::Fail(path,
                         fmt::format("node \"{}\" is already in domain \"{}\"", name, it->second));
        }
        d.nodes.push_back(name);
    };
    const json& nodes = o.Array("nodes");
    for (size_t i = 0; i < nodes.size(); ++i)
    {
        std::string path = o.Path(fmt::format("nodes[{}]", i));
        if (!nodes[i].is_string())
        {
            Reader::Fail(path,
                         fmt::format("expected a node name (got {})", Reader::TypeName(nodes[i])));
        }
        add(path, nodes[i].get<std::string>());
    }
    const json& networks = o.Array("networks");
    for (size_t i = 0; i < networks.size(); ++i)
    {
        std::string path = o.Path(fmt::format("networks[{}]", i));
        if (!networks[i].is_number_unsigned() || networks[i].get<uint64_t>() == 0)
        {
            Reader::Fail(
                path,
                fmt::format("expected a network number >= 1 (got {})", Reader::Shown(networks[i])));
        }
        bool any = false;
        for (const auto& n : c.nodes)
        {
            if (n.network == networks[i].get<uint64_t>())
            {
                add(path, n.name);
                any = true;
            }
        }
        if (!any)
        {
            Reader::Fail(path, "no generated node is in this network");
        }
    }
}

} // namespace

void
ParseSecurity(const Reader& top, ScenarioConfig& c)
{
    static const json emptyObject = json::object();
    Reader sec(top.Has("security") ? top.Get("security") : emptyObject,
               "security",
               ScenarioKeys("security"));
    SecurityConfig& s = c.security;
    s.enabled = sec.Bool("enabled", true);
    s.replayProtection = sec.Bool("replay_protection", true);
    s.closeEnoughS = sec.Number("close_enough_s", 7.0);
    Reader::CheckMin("security.close_enough_s", s.closeEnoughS, 0, true);
    std::map<std::string, std::string> domainOf;
    const json& domains = sec.Array("domains");
    for (size_t i = 0; i < domains.size(); ++i)
    {
        Reader o(domains[i],
                 sec.Path(fmt::format("domains[{}]", i)),
                 ScenarioKeys("security.domains[]"));
        SecurityDomainConfig d;
        ParseDomain(o, c, d, domainOf);
        s.domains.push_back(d);
    }
    if (!sec.Has("domains"))
    {
        SecurityDomainConfig d{"default", DefaultKey(c.name), {}};
        for (const auto& n : c.nodes)
        {
            if (n.role != "attacker") // an attacker holds no key unless a domain names it
            {
                d.nodes.push_back(n.name);
            }
        }
        s.domains.push_back(d);
    }
    for (const auto& n : c.nodes)
    {
        if (s.enabled && !domainOf.empty() && !domainOf.count(n.name) && n.role != "attacker")
        {
            Reader::Fail("security.domains",
                         fmt::format("node \"{}\" is in no domain: list it in one (without "
                                     "\"domains\" every node is in one default domain)",
                                     n.name));
        }
    }
    const json& pairs = sec.Array("pair_keys");
    for (size_t i = 0; i < pairs.size(); ++i)
    {
        Reader o(pairs[i],
                 sec.Path(fmt::format("pair_keys[{}]", i)),
                 ScenarioKeys("security.pair_keys[]"));
        SecurityPairKeyConfig k{o.String("a"), o.String("b"), ParseKey(o, "key")};
        NodeAt(c, o.Path("a"), k.a);
        NodeAt(c, o.Path("b"), k.b);
        if (k.a == k.b)
        {
            Reader::Fail(o.Path("b"), "a pair key joins two different nodes");
        }
        s.pairKeys.push_back(k);
    }
}

} // namespace ns3
