/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "profile.h"

#include <map>
#include <stdexcept>

namespace ns3
{

const Profile&
GetProfile(const std::string& name)
{
    // 000 §4.2 Fig 3: LMA = HAA + LM + MR; MAG = AR + LU + tunnel end. `none`: plain IPv6.
    static const std::map<std::string, Profile> profiles{
        {"none", {"none", "", "ns3::AccessRouterAgent", false}},
        {"pmipv6", {"pmipv6", "ns3::LmaAgent", "ns3::MagAgent", true}},
    };
    auto it = profiles.find(name);
    if (it == profiles.end())
    {
        throw std::invalid_argument("unknown profile \"" + name + "\"");
    }
    return it->second;
}

} // namespace ns3
