/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SCENARIO_DOMAIN_PROFILES_H
#define DMM_SCENARIO_DOMAIN_PROFILES_H

#include "recipe.h"

#include <string>

namespace ns3
{

class JsonObjectReader;
struct ScenarioConfig;

/**
 * \ingroup dmm
 * \brief Check the scenario's "domain_profiles" (seed 004 §7.4): domain -> the profile
 *        whose recipe that domain's nodes run instead of the scenario's.
 *
 * Only a Mobile IPv6 domain (one anchor, the home agent) inside a distributed-LMA run
 * is supported so far. Read from ScenarioConfig::raw, so ScenarioConfig needs no field.
 * \param top the scenario object \param c the scenario, nodes and mobility parsed
 * \throws ScenarioError naming the offending key
 */
void ParseDomainProfiles(const JsonObjectReader& top, const ScenarioConfig& c);

/**
 * \brief The recipe a node runs: its domain's profile, or the scenario's.
 * \param c the scenario \param node a node (an mn: the domain it registers in, §4.1)
 * \return the recipe
 */
const dmm::Recipe& RecipeOfNode(const ScenarioConfig& c, const std::string& node);

/**
 * \param c the scenario \return the recipe of the one domain that runs Mobile IPv6 (its
 *        home agent and mobile nodes), or the scenario's own recipe when none does
 */
const dmm::Recipe& MipRecipe(const ScenarioConfig& c);

} // namespace ns3

#endif // DMM_SCENARIO_DOMAIN_PROFILES_H
