/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The built-in profiles: every one a recipe of the framework's logical functions (000 §3-5),
// written in the same JSON a researcher's --profile-file holds.
#include "profile-registry.h"

#include "scenario-config.h"

#include "ns3/log.h"

#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProfileRegistry");

namespace dmm
{

namespace
{

// Parts several recipes share.
const char* const kPlainHost = R"({"agent": "ns3::MnAgent"})";
const char* const kPlainAccess =
    R"({"agent": "ns3::AccessRouterAgent", "functions": {"mr": "ns3::MobilityRouting"}})";
const char* const kLma = R"({"agent": "ns3::LmaAgent",
    "functions": {"haa": "ns3::PrefixPoolAllocation", "lm": "ns3::BindingCache",
                  "mr": "ns3::MobilityRouting", "rc": "ns3::RoutingControl"}})";
const char* const kMag = R"({"agent": "ns3::MagAgent",
    "functions": {"lu": "ns3::ProxyLocationUpdate", "mr": "ns3::MobilityRouting",
                  "rc": "ns3::RoutingControl"}})";
const char* const kHa = R"({"agent": "ns3::HaAgent",
    "functions": {"haa": "ns3::PrefixPoolAllocation",
                  "lm": {"type": "ns3::BindingCache", "attributes": {"ProxyRegistration": false}},
                  "mr": "ns3::MobilityRouting", "rc": "ns3::RoutingControl"}})";
const char* const kMap = R"({"agent": {"type": "ns3::HaAgent", "attributes": {"Map": true}},
    "functions": {"haa": "ns3::PrefixPoolAllocation",
                  "lm": {"type": "ns3::BindingCache", "attributes": {"ProxyRegistration": false}},
                  "mr": "ns3::MobilityRouting", "rc": "ns3::RoutingControl"}})";
const char* const kMipMn = R"({"agent": "ns3::MipMnAgent",
    "functions": {"lu": "ns3::ClientLocationUpdate", "mr": "ns3::HostMobilityRouting"}})";
const char* const kMipMnHierarchical =
    R"({"agent": {"type": "ns3::MipMnAgent", "attributes": {"Hierarchical": true}},
    "functions": {"lu": "ns3::ClientLocationUpdate", "mr": "ns3::HostMobilityRouting"}})";
const char* const kMipMnRo = R"({"agent": "ns3::MipMnAgent",
    "functions": {"lu": "ns3::ClientLocationUpdate", "mr": "ns3::HostMobilityRouting",
                  "rr": "ns3::RrInitiator"}})";
const char* const kMipMnHierarchicalRo =
    R"({"agent": {"type": "ns3::MipMnAgent", "attributes": {"Hierarchical": true}},
    "functions": {"lu": "ns3::ClientLocationUpdate", "mr": "ns3::HostMobilityRouting",
                  "rr": "ns3::RrInitiator"}})";
const char* const kCn = R"({"agent": "ns3::CnAgent"})";

struct Entry
{
    const char* name;
    const char* description;
    const char* reference;
    const char* scenario; //!< the "scenario" object
    std::vector<std::pair<const char*, const char*>> roles;
    const char* variants; //!< the "variants" object, or nullptr
};

// In the order `--list-profiles` shows them: centralized first, then the DMM designs.
const std::vector<Entry>&
Entries()
{
    static const std::vector<Entry> entries{
        {"none",
         "plain IPv6: no mobility support, sessions break on a move",
         "-",
         R"({"anchors": "none"})",
         {{"access", kPlainAccess}, {"mn", kPlainHost}},
         nullptr},
        {"mipv6",
         "Mobile IPv6: home agent, bidirectional tunnel to the care-of address",
         "RFC 6275; 000 Figs 1-2",
         R"({"anchors": "central"})",
         {{"anchor", kHa}, {"access", kPlainAccess}, {"mn", kMipMn}},
         nullptr},
        {"mipv6-ro",
         "Mobile IPv6 with route optimisation (return routability, correspondent bindings)",
         "RFC 6275 §5.2, §9.5, §11.6",
         R"({"anchors": "central"})",
         {{"anchor", kHa}, {"access", kPlainAccess}, {"cn", kCn}, {"mn", kMipMnRo}},
         nullptr},
        {"pmipv6",
         "Proxy Mobile IPv6: LMA anchors per-node prefixes, MAGs register for plain hosts",
         "RFC 5213; 000 Fig 3",
         R"({"anchors": "central", "access_link_address": "shared"})",
         {{"anchor", kLma}, {"access", kMag}, {"mn", kPlainHost}},
         nullptr},
        {"hmipv6",
         "Hierarchical Mobile IPv6: MAPs on aggregation routers, RCoA bound at the HA",
         "RFC 5380; 000 Fig 4",
         R"({"anchors": "central"})",
         {{"anchor", kHa},
          {"aggregation", kMap},
          {"access", kPlainAccess},
          {"mn", kMipMnHierarchical}},
         nullptr},
        {"hmipv6-ro",
         "HMIPv6 with route optimisation: correspondents bind the RCoA",
         "RFC 5380 §6",
         R"({"anchors": "central"})",
         {{"anchor", kHa},
          {"aggregation", kMap},
          {"access", kPlainAccess},
          {"cn", kCn},
          {"mn", kMipMnHierarchicalRo}},
         nullptr},
        {"distributed-anchors",
         "an LMA per network; a node keeps the anchor of the network of its first attachment",
         "000 §4.4, Fig 5",
         R"({"anchors": "per-network", "access_link_address": "shared"})",
         {{"anchor", kLma}, {"access", kMag}, {"mn", kPlainHost}},
         nullptr},
        {"migrating-ha",
         "an anchor per network, every one anycasting every home prefix from a replicated LM0",
         "000 §4.5, Fig 6",
         R"({"anchors": "per-network", "home_prefixes": "anycast",
             "access_link_address": "shared"})",
         {{"anchor", R"({"agent": "ns3::LmaAgent",
              "functions": {"haa": "ns3::PrefixPoolAllocation",
                            "lm": "ns3::ReplicatedBindingCache",
                            "mr": "ns3::MobilityRouting", "rc": "ns3::RoutingControl"}})"},
          {"access", kMag},
          {"mn", kPlainHost}},
         nullptr},
        {"dma",
         "Dynamic Mobility Anchoring, network-based: every access router is a MAR (H-MAR of "
         "its prefixes, V-MAR for the others), a central session database",
         "003 §4; 000 Fig 7",
         R"({"anchors": "central"})",
         {{"anchor", R"({"agent": "ns3::SessionDbAgent"})"},
          {"access", R"({"agent": "ns3::MarAgent",
              "functions": {"haa": "ns3::PrefixPoolAllocation", "lm": "ns3::BindingCache",
                            "mr": "ns3::MobilityRouting", "rc": "ns3::RoutingControl",
                            "lu": "ns3::ProxyLocationUpdate"}})"},
          {"mn", kPlainHost}},
         nullptr},
        {"dma-client",
         "Dynamic Mobility Anchoring, client-based: every access router gives each node a "
         "prefix and is its home agent; the node binds each earlier address in use there",
         "003 §3.2; 000 Fig 8",
         R"({"anchors": "none"})",
         {{"access", R"({"agent": "ns3::DmaClientAccessAgent",
              "functions": {"mr": "ns3::MobilityRouting", "ha": "ns3::HaAgent"}})"},
          {"mn", R"({"agent": "ns3::DmaClientMnAgent",
              "functions": {"lu": "ns3::ClientLocationUpdate",
                            "mr": "ns3::HostMobilityRouting"}})"}},
         R"({"protocol.client_lu": {"proxy": {"roles": {
              "access": {"functions": {"relay": "ns3::LocationUpdateRelay"}},
              "mn": {"agent": {"type": "ns3::DmaClientMnAgent",
                               "attributes": {"ProxyLocationUpdate": true}}}}}}})"},
        {"fully-distributed",
         "location servers per network (partitioned by prefix), mobility routers routing by "
         "their answers; the access router registers its nodes (network-based LU)",
         "000 §5.2, Fig 9",
         R"({"anchors": "per-network"})",
         {{"anchor", R"({"agent": "ns3::LocationServer", "functions": {
              "lm": {"type": "ns3::BindingCache",
                     "attributes": {"ProxyRegistration": false}}}})"},
          {"access", R"({"agent": "ns3::MrAgent",
              "functions": {"mr": "ns3::DistributedMobilityRouting"}})"},
          {"router", R"({"functions": {"mr": "ns3::DistributedMobilityRouting"}})"},
          {"mn", kPlainHost}},
         R"({"protocol.location_update": {"client": {"roles": {
              "access": {"agent": "ns3::AccessRouterAgent"},
              "mn": {"agent": "ns3::LocatedMnAgent",
                     "functions": {"lu": "ns3::ClientLocationUpdate",
                                   "mr": "ns3::HostMobilityRouting"}}}}},
             "protocol.location": {"push": {"roles": {
              "access": {"functions": {"mr": {"type": "ns3::DistributedMobilityRouting",
                                              "attributes": {"Push": true}}}},
              "router": {"functions": {"mr": {"type": "ns3::DistributedMobilityRouting",
                                              "attributes": {"Push": true}}}}}}}})"},
        {"distributed-lma",
         "an LMA per network anycasting every home prefix; the H-LMA keeps the master "
         "location, other LMAs learn it on demand and cache it",
         "004 §4-5",
         R"({"anchors": "per-network", "home_prefixes": "anycast",
             "access_link_address": "shared"})",
         {{"anchor", R"({"agent": "ns3::DlmaAgent",
              "functions": {"haa": "ns3::PrefixPoolAllocation", "lm": "ns3::BindingCache",
                            "mr": "ns3::MobilityRouting", "rc": "ns3::RoutingControl"}})"},
          {"access", kMag},
          {"mn", kPlainHost}},
         nullptr},
        {"dmm-mip",
         "DMM with Mobile IP: per local network an HAA and an LM, several mobility routers; "
         "the HAA assigns a node's home address at its first attachment, routers optimise "
         "routes by location query or redirect",
         "002 §3-4",
         R"({"anchors": "per-network"})",
         {{"anchor", R"({"agent": "ns3::LocationServer", "functions": {
              "lm": {"type": "ns3::BindingCache",
                     "attributes": {"ProxyRegistration": false}},
              "haa_server": "ns3::HaaAgent"}})"},
          {"access", R"({"agent": "ns3::DmmMipMrAgent",
              "functions": {"mr": "ns3::DmmMipRouting"}})"},
          {"router", R"({"functions": {"mr": "ns3::DmmMipRouting"}})"},
          {"mn", kPlainHost}},
         R"({"protocol.route_optimization": {"redirect": {"roles": {
              "access": {"functions": {"mr": {"type": "ns3::DmmMipRouting",
                                              "attributes": {"Optimization": "Redirect"}}}},
              "router": {"functions": {"mr": {"type": "ns3::DmmMipRouting",
                                              "attributes": {"Optimization": "Redirect"}}}}}}},
             "protocol.hoa_assignment": {"stateful": {"roles": {
              "anchor": {"functions": {"haa_server": {"type": "ns3::HaaAgent",
                                               "attributes": {"Mode": "Stateful"}}}}}}},
             "protocol.lm_relay": {"true": {"roles": {
              "anchor": {"functions": {"lm_relay": "ns3::LmRelay"}}}}},
             "protocol.hoa_status": {"home_haa": {"roles": {"access": {"agent": {
              "type": "ns3::DmmMipMrAgent", "attributes": {"HoaStatus": "HomeHaa"}}}}}},
             "protocol.new_hoa": {"true": {"roles": {"access": {"agent": {
              "type": "ns3::DmmMipMrAgent", "attributes": {"NewHomeAddress": true}}}}}}})"},
        {"epmip",
         "enhanced PMIPv6: eLMAs (LMA + LMF) answer binding queries, eMAGs (MAG + DRF) tunnel "
         "directly to the correspondent's eMAG once located",
         "001 §4-§7, §9",
         R"({"anchors": "central", "access_link_address": "shared"})",
         {{"anchor", R"({"agent": "ns3::LmaAgent",
              "functions": {"haa": "ns3::PrefixPoolAllocation", "lm": "ns3::BindingCache",
                            "mr": "ns3::MobilityRouting", "rc": "ns3::RoutingControl",
                            "lmf": "ns3::LocationManagementFunction"}})"},
          {"access", R"({"agent": "ns3::MagAgent",
              "functions": {"lu": "ns3::ProxyLocationUpdate",
                            "mr": "ns3::DistributedRoutingFunction",
                            "rc": "ns3::RoutingControl"}})"},
          {"mn", kPlainHost}},
         R"({"protocol.first_packets": {"buffer": {"roles": {"access": {"functions": {
              "mr": {"type": "ns3::DistributedRoutingFunction",
                     "attributes": {"FirstPackets": "Buffer"}}}}}}},
            "protocol.epmip_architecture": {"alternative": {
              "scenario": {"anchors": "per-network"},
              "roles": {"anchor": {"functions": {"mr": "ns3::AnchorDrf", "lmf": null}},
                        "access": {"functions": {"mr": "ns3::MobilityRouting",
                                                 "lu": "ns3::LmaSelectingUpdate"}}}}},
             "protocol.epmip_lma_selection": {"same": {"roles": {"access": {"functions": {
              "lu": {"type": "ns3::LmaSelectingUpdate",
                     "attributes": {"LmaSelection": "Same"}}}}}}},
             "protocol.elma_discovery": {
              "hop-by-hop": {"roles": {"access": {"functions": {
               "mr": {"type": "ns3::DistributedRoutingFunction",
                      "attributes": {"ElmaDiscovery": "HopByHop"}}}}}},
              "relay": {"roles": {"access": {"functions": {
               "mr": {"type": "ns3::DistributedRoutingFunction",
                      "attributes": {"ElmaDiscovery": "Relay"}}}}}}},
             "protocol.elmas": {"per-network": {"scenario": {"anchors": "per-network"}}}})"},
    };
    return entries;
}

nlohmann::json
EntryJson(const Entry& e)
{
    nlohmann::json j{{"name", e.name},
                     {"description", e.description},
                     {"reference", e.reference},
                     {"scenario", nlohmann::json::parse(e.scenario)},
                     {"roles", nlohmann::json::object()}};
    for (const auto& [role, text] : e.roles)
    {
        j["roles"][role] = nlohmann::json::parse(text);
    }
    if (e.variants)
    {
        j["variants"] = nlohmann::json::parse(e.variants);
    }
    return j;
}

} // namespace

const std::vector<std::string>&
ProfileNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& e : Entries())
        {
            out.emplace_back(e.name);
        }
        return out;
    }();
    return names;
}

const Recipe&
GetRecipe(const std::string& name)
{
    static const std::map<std::string, Recipe> recipes = [] {
        std::map<std::string, Recipe> out;
        for (const auto& e : Entries())
        {
            Recipe r = ParseRecipe(EntryJson(e), std::string("built-in profile ") + e.name);
            CheckRecipe(r);
            out.emplace(e.name, r);
        }
        return out;
    }();
    auto it = recipes.find(name);
    if (it == recipes.end())
    {
        std::string known;
        for (const auto& n : ProfileNames())
        {
            known += (known.empty() ? "" : ", ") + n;
        }
        throw ScenarioError(fmt::format("unknown profile \"{}\" (known: {})", name, known));
    }
    return it->second;
}

} // namespace dmm
} // namespace ns3
