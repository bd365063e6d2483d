/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A profile per mobility domain (seed 004 §7.4, Fig 15): "domain_profiles" names, for a
// domain of the "domain" key, the built-in profile whose recipe its nodes run instead of
// the scenario's. A correspondent running Mobile IPv6 outside the distributed-LMA domain
// is then the mipv6 recipe's home agent, access routers and mobile node agent in that
// domain: the next design is a recipe, not a copy.
#include "scenario-domain-profiles.h"

#include "json-object-reader.h"
#include "profile-registry.h"
#include "scenario-config.h"

#include "ns3/log.h"

#include <algorithm>
#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioDomainProfiles");

namespace
{

const char* const kKey = "domain_profiles";

/// \return the domain \p node belongs to (an mn: where it registers first, §4.1)
std::string
DomainOfNode(const ScenarioConfig& c, const std::string& node)
{
    const NodeConfig* n = c.FindNode(node);
    if (n != nullptr && n->role == "mn")
    {
        auto attachments = c.AttachmentsOf(node);
        return attachments.empty() ? "" : DomainOfNode(c, attachments.front()->attach);
    }
    return n != nullptr ? n->domain : "";
}

/// \return the profile named for \p domain, or "" when the domain runs the scenario's
std::string
ProfileOfDomain(const ScenarioConfig& c, const std::string& domain)
{
    if (domain.empty() || !c.raw.contains(kKey) || !c.raw[kKey].contains(domain))
    {
        return "";
    }
    return c.raw[kKey][domain].get<std::string>();
}

/// Whether a domain can run \p r: one home agent and its mobile nodes, nothing the
/// scenario's anchors would have to know (MAPs, correspondent bindings).
bool
RunsInDomain(const dmm::Recipe& r)
{
    return r.anchors == "central" && r.Role("anchor").agent.Is("ns3::HaAgent") &&
           r.Role("mn").agent.IsA("ns3::MipMnAgent") && !r.Role("mn").Has("rr") &&
           r.Role("aggregation").agent.type.empty() && r.Role("cn").agent.type.empty();
}

/// Refuse a domain without exactly one anchor (its home agent).
void
CheckDomainAnchor(const ScenarioConfig& c, const std::string& path, const std::string& domain)
{
    size_t anchors = 0;
    size_t members = 0;
    for (const NodeConfig& n : c.nodes)
    {
        members += n.domain == domain;
        anchors += n.domain == domain && n.role == "anchor";
    }
    if (members == 0)
    {
        JsonObjectReader::Fail(path, fmt::format("no node has \"domain\": \"{}\"", domain));
    }
    if (anchors != 1)
    {
        JsonObjectReader::Fail(path,
                               fmt::format("domain \"{}\" has {} anchors; its home agent must "
                                           "be exactly one",
                                           domain,
                                           anchors));
    }
}

/// Refuse a mobile node that would cross between a domain of its own profile and another:
/// no access router of the other profile can serve it.
void
CheckMobileNodesStay(const ScenarioConfig& c)
{
    for (size_t i = 0; i < c.mobility.size(); ++i)
    {
        const AttachmentConfig& a = c.mobility[i];
        const NodeConfig* at = c.FindNode(a.attach);
        std::string path = fmt::format("mobility[{}].attach", i);
        if (at != nullptr && at->role == "anchor" && !ProfileOfDomain(c, at->domain).empty())
        {
            JsonObjectReader::Fail(path,
                                   fmt::format("\"{}\" is the home agent of domain \"{}\" "
                                               "({}): a home link is not supported there",
                                               a.attach,
                                               at->domain,
                                               kKey));
        }
        std::string home = ProfileOfDomain(c, DomainOfNode(c, a.mn));
        std::string here = ProfileOfDomain(c, at != nullptr ? at->domain : "");
        if (home != here)
        {
            JsonObjectReader::Fail(path,
                                   fmt::format("mn \"{}\" registers under profile \"{}\" but "
                                               "\"{}\" runs \"{}\" ({})",
                                               a.mn,
                                               home.empty() ? c.profile : home,
                                               a.attach,
                                               here.empty() ? c.profile : here,
                                               kKey));
        }
    }
}

} // namespace

void
ParseDomainProfiles(const JsonObjectReader& top, const ScenarioConfig& c)
{
    if (!top.Has(kKey))
    {
        return;
    }
    const nlohmann::json& map = top.Get(kKey);
    if (!map.is_object())
    {
        JsonObjectReader::Fail(kKey,
                               fmt::format("expected an object domain -> profile (got {})",
                                           JsonObjectReader::TypeName(map)));
    }
    if (c.recipe.homePrefixes != "anycast" || !c.recipe.Uses("ns3::DlmaAgent"))
    {
        JsonObjectReader::Fail(
            kKey,
            fmt::format("only for profiles with ns3::DlmaAgent anchors (\"{}\")", c.profile));
    }
    size_t mipDomains = 0;
    for (const auto& [domain, profile] : map.items())
    {
        std::string path = std::string(kKey) + "." + domain;
        if (!profile.is_string())
        {
            JsonObjectReader::Fail(path,
                                   fmt::format("expected a profile name (got {})",
                                               JsonObjectReader::TypeName(profile)));
        }
        const auto& names = dmm::ProfileNames();
        std::string name = profile.get<std::string>();
        if (std::find(names.begin(), names.end(), name) == names.end())
        {
            JsonObjectReader::Fail(
                path,
                fmt::format("unknown profile \"{}\" (known: {})",
                            name,
                            JsonObjectReader::Join({names.begin(), names.end()})));
        }
        if (!RunsInDomain(dmm::GetRecipe(name)))
        {
            JsonObjectReader::Fail(path,
                                   fmt::format("profile \"{}\" cannot run in a domain "
                                               "(supported: mipv6)",
                                               name));
        }
        if (++mipDomains > 1)
        {
            JsonObjectReader::Fail(path, "only one domain may run Mobile IPv6 (one home agent)");
        }
        CheckDomainAnchor(c, path, domain);
    }
    CheckMobileNodesStay(c);
}

const dmm::Recipe&
RecipeOfNode(const ScenarioConfig& c, const std::string& node)
{
    std::string profile = ProfileOfDomain(c, DomainOfNode(c, node));
    return profile.empty() ? c.recipe : dmm::GetRecipe(profile);
}

const dmm::Recipe&
MipRecipe(const ScenarioConfig& c)
{
    // Validation allows one domain profile, and only mipv6.
    bool any = c.raw.contains(kKey) && !c.raw[kKey].empty();
    return any ? dmm::GetRecipe(c.raw[kKey].begin().value().get<std::string>()) : c.recipe;
}

} // namespace ns3
