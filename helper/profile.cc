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
    // The framework draft's figures as recipes (000 §4.1-4.3): Fig 1/2 MIPv6, HA = HAA +
    // LM + MR, MN = LU + tunnel end; Fig 3 PMIPv6, LMA = HAA + LM + MR, MAG = AR + LU +
    // tunnel end; Fig 4 HMIPv6, MAP = MR + LM proxy. `none`: plain IPv6.
    // Fig 5 (000 §4.4): an LMA in every network; a node keeps the anchor of the network
    // where it first registered.
    static const std::map<std::string, Profile> profiles{
        // Fig 6 (000 §4.5, migrating home agents): an anchor per network, every anchor
        // anycasts every home prefix and holds a replica of the LM (LM0).
        {"migrating-ha",
         {"migrating-ha",
          "ns3::LmaAgent",
          "ns3::MagAgent",
          true,
          false,
          false,
          false,
          true,
          false,
          true}},
        // Fig 8 (seed 003 §3.2): every access router is the home agent of its link; the
        // mobile node keeps one binding per earlier home address.
        {"dma-client",
         {"dma-client", "", "ns3::AccessRouterAgent", false, true, false, false, false, true}},
        // Fig 7 (seed 003 §4): every access router is a MAR (H-MAR for its prefixes, V-MAR
        // for the others); the anchor node holds the central session database.
        // Fig 9 (000 §5.2): a location server (LM) per network, partitioned by prefix;
        // every access router and every router with correspondents is a mobility router
        // routing by the servers' answers; the node updates the servers (client-based LU).
        {"fully-distributed",
         {"fully-distributed",
          "ns3::LocationServer",
          "ns3::AccessRouterAgent",
          false,
          true,
          false,
          false,
          true,
          false,
          false,
          true}},
        {"dma", {"dma", "ns3::SessionDbAgent", "ns3::MarAgent", false, false, false, false, false}},
        {"distributed-anchors",
         {"distributed-anchors",
          "ns3::LmaAgent",
          "ns3::MagAgent",
          true,
          false,
          false,
          false,
          true}},
        {"none", {"none", "", "ns3::AccessRouterAgent", false, false, false, false}},
        {"pmipv6", {"pmipv6", "ns3::LmaAgent", "ns3::MagAgent", true, false, false, false}},
        {"mipv6", {"mipv6", "ns3::HaAgent", "ns3::AccessRouterAgent", false, true, false, false}},
        {"mipv6-ro",
         {"mipv6-ro", "ns3::HaAgent", "ns3::AccessRouterAgent", false, true, true, false}},
        {"hmipv6", {"hmipv6", "ns3::HaAgent", "ns3::AccessRouterAgent", false, true, false, true}},
        // RFC 5380 §6 with route optimisation: correspondents bind the RCoA, so only an
        // inter-MAP move updates them.
        {"hmipv6-ro",
         {"hmipv6-ro", "ns3::HaAgent", "ns3::AccessRouterAgent", false, true, true, true}},
    };
    auto it = profiles.find(name);
    if (it == profiles.end())
    {
        throw std::invalid_argument("unknown profile \"" + name + "\"");
    }
    return it->second;
}

} // namespace ns3
