/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_RECIPE_H
#define DMM_RECIPE_H

#include "ns3/object-factory.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace dmm
{

/**
 * \ingroup dmm
 * \brief A TypeId with attribute values: one agent or one logical function of a role.
 *
 * Attribute values are kept as text and checked against the TypeId when the recipe is
 * read, so a factory made from a spec never fails.
 */
struct FunctionSpec
{
    std::string type;                              //!< TypeId name ("" = none)
    std::map<std::string, std::string> attributes; //!< attribute name -> value as text

    /// \return an ObjectFactory of this type with these attributes
    ObjectFactory Factory() const;
    /// \param typeName a TypeId name \return whether this spec is of that type
    bool Is(const std::string& typeName) const;
    /// \param typeName a TypeId name \return whether this spec is of that type or a subclass
    bool IsA(const std::string& typeName) const;
    /// \param name attribute \param def value if unset \return the value as text
    std::string Attribute(const std::string& name, const std::string& def = "") const;
};

/**
 * \brief What one scenario role becomes: an agent (an Application, or none for a plain
 *        node) and the logical functions it runs, keyed by function: haa (home-address
 *        allocation), lm (location management), mr (mobility routing), rc (routing
 *        control), lu (location update), and the role-specific parts (rr: return
 *        routability initiator, relay: location update relay, ha: a home agent on the
 *        link, haa_server: a home address allocation server beside an LM, seed 002).
 */
struct RoleRecipe
{
    FunctionSpec agent;                            //!< the role's agent
    std::map<std::string, FunctionSpec> functions; //!< function key -> spec

    /// \param key a function key \return the spec, or nullptr when the role lacks it
    const FunctionSpec* Function(const std::string& key) const;
    /// \param key a function key \return whether the role runs it
    bool Has(const std::string& key) const;
};

/**
 * \brief A protocol profile as data: for each scenario role (anchor, aggregation, access,
 *        router, cn, mn) its agent and logical functions, and how anchors are placed.
 *
 * Built-in profiles are recipes of the registry (GetRecipe); researchers write their own
 * as JSON (ParseRecipe, `dmm-run --profile-file`, or a `recipe` object in a scenario).
 */
struct Recipe
{
    std::string name;        //!< profile name
    std::string description; //!< one line
    std::string reference;   //!< the draft section or RFC it follows
    /// Where anchor assemblies go: "none", "central" (one anchor node) or "per-network"
    /// (every node of role anchor)
    std::string anchors;
    /// Home prefixes are routed "unicast" to their anchor or "anycast" from every anchor
    std::string homePrefixes;
    /// Access routers use their "own" link-layer/link-local address or a "shared" one
    /// (RFC 5213 §6.9.3)
    std::string accessLinkAddress;
    std::map<std::string, RoleRecipe> roles; //!< role -> assembly (absent role: plain node)
    /// Scenario key -> value -> JSON merge patch (RFC 7386) applied to the recipe
    nlohmann::json variants;
    nlohmann::json source; //!< the recipe as JSON (before variants)

    /// \param role a scenario role \return its assembly (empty for a plain node)
    const RoleRecipe& Role(const std::string& role) const;
    /// \param typeName a TypeId name \return whether any agent or function is of that type
    ///        or a subclass of it
    bool Uses(const std::string& typeName) const;
    /// \param key a scenario key \return whether a variant of the recipe depends on it
    bool HasVariant(const std::string& key) const;
};

/**
 * \brief Read a recipe from JSON, checking every key, TypeId and attribute value.
 * \param j the recipe object \param where how to name it in errors (e.g. a file name)
 * \return the recipe
 * \throws ScenarioError naming the offending key
 */
Recipe ParseRecipe(const nlohmann::json& j, const std::string& where);

/**
 * \brief Apply the variants a scenario's values select.
 * \param recipe the recipe \param scenario the scenario document
 * \return the recipe the scenario runs
 * \throws ScenarioError when a variant makes the recipe invalid
 */
Recipe ResolveVariants(const Recipe& recipe, const nlohmann::json& scenario);

/**
 * \brief Refuse a recipe that cannot work: a function another one needs is missing, or an
 *        assembly no helper can build.
 * \param recipe the recipe \throws ScenarioError naming what is missing
 */
void CheckRecipe(const Recipe& recipe);

/**
 * \brief The scenario keys (dotted paths under "protocol") the recipe uses; the others
 *        are reported as ignored.
 * \param recipe the recipe (variants resolved) \return the keys that apply
 */
std::set<std::string> ApplicableKeys(const Recipe& recipe);

/// \return the scenario roles, in the order recipes list them
const std::vector<std::string>& RecipeRoles();

/**
 * \brief The role -> agent + functions table of a recipe, one line per role.
 * \param recipe the recipe \return rows {role, agent, "key: Type(attr=value), ..."}
 */
std::vector<std::vector<std::string>> RecipeTable(const Recipe& recipe);

} // namespace dmm
} // namespace ns3

#endif // DMM_RECIPE_H
