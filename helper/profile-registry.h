/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PROFILE_REGISTRY_H
#define DMM_PROFILE_REGISTRY_H

#include "recipe.h"

#include <string>
#include <vector>

namespace ns3
{
namespace dmm
{

/**
 * \ingroup dmm
 * \brief The names of the built-in profiles, centralized first.
 * \return the names, in the order `dmm-run --list-profiles` shows them
 */
const std::vector<std::string>& ProfileNames();

/**
 * \brief A built-in profile's recipe (parsed and checked once).
 * \param name the profile name
 * \return the recipe
 * \throws ScenarioError for an unknown name, listing the known ones
 */
const Recipe& GetRecipe(const std::string& name);

} // namespace dmm
} // namespace ns3

#endif // DMM_PROFILE_REGISTRY_H
