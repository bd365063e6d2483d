/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "recipe.h"

#include "json-object-reader.h"
#include "scenario-config.h"

#include "ns3/log.h"
#include "ns3/string.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <regex>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Recipe");

namespace dmm
{

namespace
{

/// Function key -> the TypeId its types must derive from.
const std::map<std::string, std::string>&
FunctionBases()
{
    static const std::map<std::string, std::string> bases{
        {"haa", "ns3::HomeAddressAllocation"},
        {"lm", "ns3::LocationManagement"},
        {"mr", "ns3::MobilityRouting"},
        {"rc", "ns3::RoutingControl"},
        {"lu", "ns3::LocationUpdate"},
        {"rr", "ns3::RrInitiator"},
        {"relay", "ns3::LocationUpdateRelay"},
        {"ha", "ns3::HaAgent"},
        {"haa_server", "ns3::HaaAgent"},
        {"lm_relay", "ns3::LmRelay"},
        {"lmf", "ns3::LocationManagementFunction"},
    };
    return bases;
}

std::set<std::string>
Keys(const std::map<std::string, std::string>& m)
{
    std::set<std::string> out;
    for (const auto& [k, v] : m)
    {
        out.insert(k);
    }
    return out;
}

void
RequireObject(const nlohmann::json& j, const std::string& path)
{
    if (!j.is_object())
    {
        JsonObjectReader::Fail(path,
                               fmt::format("expected an object (got {} {})",
                                           JsonObjectReader::TypeName(j),
                                           JsonObjectReader::Shown(j)));
    }
}

std::string
AttributeText(const nlohmann::json& v, const std::string& path)
{
    if (v.is_string())
    {
        return v.get<std::string>();
    }
    if (v.is_boolean() || v.is_number())
    {
        return v.dump();
    }
    JsonObjectReader::Fail(path,
                           fmt::format("expected a string, number or boolean (got {})",
                                       JsonObjectReader::TypeName(v)));
    return "";
}

/// Whether ns-3 can read \p text as a value of \p valueType without aborting (its Time and
/// address parsers abort on bad text instead of failing).
bool
Parses(const std::string& valueType, const std::string& text)
{
    if (valueType == "ns3::TimeValue")
    {
        static const std::regex time(
            R"(^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(y|d|h|min|s|ms|us|ns|ps|fs)?$)");
        return std::regex_match(text, time);
    }
    if (valueType == "ns3::Ipv6AddressValue")
    {
        in6_addr a;
        return inet_pton(AF_INET6, text.c_str(), &a) == 1;
    }
    return true;
}

/// A spec: "TypeName" or {"type": ..., "attributes": {...}}, of a type derived from \p base.
FunctionSpec
ParseSpec(const nlohmann::json& j, const std::string& path, const std::string& base)
{
    FunctionSpec spec;
    if (j.is_string())
    {
        spec.type = j.get<std::string>();
    }
    else
    {
        JsonObjectReader r(j, path, {"type", "attributes"});
        spec.type = r.String("type");
        static const nlohmann::json none = nlohmann::json::object();
        const nlohmann::json& attributes = r.Has("attributes") ? r.Get("attributes") : none;
        RequireObject(attributes, path + ".attributes");
        for (const auto& [name, value] : attributes.items())
        {
            spec.attributes[name] = AttributeText(value, path + ".attributes." + name);
        }
    }
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(spec.type, &tid))
    {
        JsonObjectReader::Fail(path, fmt::format("unknown TypeId \"{}\"", spec.type));
    }
    if (!base.empty() && !tid.IsChildOf(TypeId::LookupByName(base)) && tid.GetName() != base)
    {
        JsonObjectReader::Fail(path, fmt::format("\"{}\" is not a {}", spec.type, base));
    }
    if (!tid.HasConstructor())
    {
        JsonObjectReader::Fail(path, fmt::format("\"{}\" cannot be created", spec.type));
    }
    for (const auto& [name, text] : spec.attributes)
    {
        TypeId::AttributeInformation info;
        if (!tid.LookupAttributeByName(name, &info))
        {
            JsonObjectReader::Fail(path + ".attributes." + name,
                                   fmt::format("\"{}\" has no attribute \"{}\"", spec.type, name));
        }
        if (!Parses(info.checker->GetValueTypeName(), text) ||
            !info.checker->CreateValidValue(StringValue(text)))
        {
            JsonObjectReader::Fail(
                path + ".attributes." + name,
                fmt::format("invalid value \"{}\" for {}::{}", text, spec.type, name));
        }
    }
    return spec;
}

RoleRecipe
ParseRole(const nlohmann::json& j, const std::string& path)
{
    JsonObjectReader r(j, path, {"agent", "functions"});
    RoleRecipe role;
    if (r.Has("agent"))
    {
        role.agent = ParseSpec(r.Get("agent"), path + ".agent", "ns3::Application");
    }
    if (r.Has("functions"))
    {
        JsonObjectReader f(r.Get("functions"), path + ".functions", Keys(FunctionBases()));
        for (const auto& [key, base] : FunctionBases())
        {
            if (f.Has(key))
            {
                role.functions[key] = ParseSpec(f.Get(key), f.Path(key), base);
            }
        }
    }
    return role;
}

std::string
OneOf(const JsonObjectReader& r,
      const std::string& key,
      const std::string& def,
      const std::set<std::string>& allowed)
{
    std::string v = r.String(key, def);
    if (!allowed.count(v))
    {
        JsonObjectReader::Fail(
            r.Path(key),
            fmt::format("unknown value \"{}\" (known: {})", v, JsonObjectReader::Join(allowed)));
    }
    return v;
}

} // namespace

ObjectFactory
FunctionSpec::Factory() const
{
    ObjectFactory f(type);
    for (const auto& [name, text] : attributes)
    {
        f.Set(name, StringValue(text));
    }
    return f;
}

bool
FunctionSpec::Is(const std::string& typeName) const
{
    return type == typeName;
}

bool
FunctionSpec::IsA(const std::string& typeName) const
{
    TypeId tid;
    TypeId base;
    return TypeId::LookupByNameFailSafe(type, &tid) &&
           TypeId::LookupByNameFailSafe(typeName, &base) && (tid == base || tid.IsChildOf(base));
}

std::string
FunctionSpec::Attribute(const std::string& name, const std::string& def) const
{
    auto it = attributes.find(name);
    return it == attributes.end() ? def : it->second;
}

const FunctionSpec*
RoleRecipe::Function(const std::string& key) const
{
    auto it = functions.find(key);
    return it == functions.end() ? nullptr : &it->second;
}

bool
RoleRecipe::Has(const std::string& key) const
{
    return functions.count(key) > 0;
}

const RoleRecipe&
Recipe::Role(const std::string& role) const
{
    static const RoleRecipe plain;
    auto it = roles.find(role);
    return it == roles.end() ? plain : it->second;
}

bool
Recipe::Uses(const std::string& typeName) const
{
    for (const auto& [name, role] : roles)
    {
        if (role.agent.IsA(typeName))
        {
            return true;
        }
        for (const auto& [key, spec] : role.functions)
        {
            if (spec.IsA(typeName))
            {
                return true;
            }
        }
    }
    return false;
}

bool
Recipe::HasVariant(const std::string& key) const
{
    return variants.is_object() && variants.contains(key);
}

const std::vector<std::string>&
RecipeRoles()
{
    static const std::vector<std::string> roles{"anchor",
                                                "aggregation",
                                                "access",
                                                "router",
                                                "cn",
                                                "mn"};
    return roles;
}

Recipe
ParseRecipe(const nlohmann::json& j, const std::string& where)
{
    JsonObjectReader r(j,
                       where,
                       {"name", "description", "reference", "scenario", "roles", "variants"});
    Recipe recipe;
    recipe.source = j;
    recipe.name = r.String("name");
    if (recipe.name.empty() || recipe.name.find_first_not_of(
                                   "abcdefghijklmnopqrstuvwxyz0123456789-_.") != std::string::npos)
    {
        JsonObjectReader::Fail(
            r.Path("name"),
            fmt::format("\"{}\": use lowercase letters, digits, - _ .", recipe.name));
    }
    recipe.description = r.String("description", "");
    recipe.reference = r.String("reference", "");
    const nlohmann::json empty = nlohmann::json::object();
    JsonObjectReader s(r.Has("scenario") ? r.Get("scenario") : empty,
                       r.Path("scenario"),
                       {"anchors", "home_prefixes", "access_link_address"});
    recipe.anchors = OneOf(s, "anchors", "none", {"none", "central", "per-network"});
    recipe.homePrefixes = OneOf(s, "home_prefixes", "unicast", {"unicast", "anycast"});
    recipe.accessLinkAddress = OneOf(s, "access_link_address", "own", {"own", "shared"});
    std::set<std::string> roleNames(RecipeRoles().begin(), RecipeRoles().end());
    JsonObjectReader roles(r.Has("roles") ? r.Get("roles") : empty, r.Path("roles"), roleNames);
    for (const auto& role : RecipeRoles())
    {
        if (roles.Has(role))
        {
            recipe.roles[role] = ParseRole(roles.Get(role), roles.Path(role));
        }
    }
    if (r.Has("variants"))
    {
        // key -> value -> patch; a patch is checked when a scenario selects it
        recipe.variants = r.Get("variants");
        RequireObject(recipe.variants, r.Path("variants"));
        for (const auto& [key, values] : recipe.variants.items())
        {
            RequireObject(values, r.Path("variants") + "." + key);
            for (const auto& [value, patch] : values.items())
            {
                RequireObject(patch, r.Path("variants") + "." + key + "." + value);
            }
        }
    }
    return recipe;
}

} // namespace dmm
} // namespace ns3
