/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What makes a recipe work: the variants a scenario selects, the assemblies the helpers
// can build and the functions each needs, and which scenario keys each function reads.
#include "json-object-reader.h"
#include "recipe.h"
#include "scenario-config.h"

#include "ns3/log.h"

#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RecipeRules");

namespace dmm
{

namespace
{

/// The value at a dotted path of a document, or null.
nlohmann::json
ValueAt(const nlohmann::json& doc, const std::string& dotted)
{
    const nlohmann::json* cur = &doc;
    size_t start = 0;
    while (start <= dotted.size())
    {
        size_t end = dotted.find('.', start);
        std::string seg = dotted.substr(start, end == std::string::npos ? end : end - start);
        if (!cur->is_object() || !cur->contains(seg))
        {
            return nullptr;
        }
        cur = &(*cur)[seg];
        if (end == std::string::npos)
        {
            break;
        }
        start = end + 1;
    }
    return *cur;
}

[[noreturn]] void
Refuse(const Recipe& r, const std::string& what)
{
    throw ScenarioError(fmt::format("profile \"{}\": {}", r.name, what));
}

void
Require(const Recipe& r, const std::string& role, const std::vector<std::string>& functions)
{
    for (const auto& f : functions)
    {
        if (!r.Role(role).Has(f))
        {
            Refuse(r,
                   fmt::format("roles.{}: {} needs the function \"{}\"",
                               role,
                               r.Role(role).agent.type,
                               f));
        }
    }
}

void
RequireAgent(const Recipe& r,
             const std::string& role,
             const std::vector<std::string>& types,
             const std::string& because)
{
    for (const auto& t : types)
    {
        if (r.Role(role).agent.IsA(t))
        {
            return;
        }
    }
    std::string list;
    for (const auto& t : types)
    {
        list += (list.empty() ? "" : " or ") + t;
    }
    Refuse(r,
           fmt::format("roles.{}.agent: {} needs {} here (found {})",
                       role,
                       because,
                       list,
                       r.Role(role).agent.type.empty() ? "none" : r.Role(role).agent.type));
}

void
CheckAnchors(const Recipe& r)
{
    const RoleRecipe& anchor = r.Role("anchor");
    if (r.anchors == "none")
    {
        if (!anchor.agent.type.empty())
        {
            Refuse(r, "roles.anchor has an agent but scenario.anchors is \"none\"");
        }
        return;
    }
    RequireAgent(r,
                 "anchor",
                 {"ns3::LmaAgent", "ns3::HaAgent", "ns3::SessionDbAgent", "ns3::LocationServer"},
                 "scenario.anchors \"" + r.anchors + "\"");
    if (anchor.agent.Is("ns3::LmaAgent"))
    {
        Require(r, "anchor", {"haa", "lm", "mr", "rc"});
    }
    else if (anchor.agent.Is("ns3::HaAgent"))
    {
        Require(r, "anchor", {"lm"});
    }
    else if (anchor.agent.Is("ns3::LocationServer"))
    {
        Require(r, "anchor", {"lm"});
    }
    bool central = anchor.agent.Is("ns3::HaAgent") || anchor.agent.Is("ns3::SessionDbAgent");
    if (central && r.anchors != "central")
    {
        Refuse(r,
               fmt::format("roles.anchor: {} is built on one central anchor only "
                           "(scenario.anchors \"central\")",
                           anchor.agent.type));
    }
    if (anchor.agent.Is("ns3::LocationServer") && r.anchors != "per-network")
    {
        Refuse(r,
               "roles.anchor: location servers are one per network (scenario.anchors "
               "\"per-network\")");
    }
    bool replicated = anchor.Has("lm") && anchor.Function("lm")->IsA("ns3::ReplicatedBindingCache");
    bool distributed = anchor.agent.Is("ns3::DlmaAgent"); // seed 004: LM at the H-LMA
    if ((replicated || distributed) != (r.homePrefixes == "anycast"))
    {
        Refuse(r,
               "scenario.home_prefixes \"anycast\" and a replicated LM "
               "(roles.anchor.functions.lm ns3::ReplicatedBindingCache) or distributed LMAs "
               "(roles.anchor.agent ns3::DlmaAgent) go together: anchors that anycast every "
               "home prefix must share the LM or find it at the H-LMA");
    }
    if (distributed && (replicated || r.anchors != "per-network"))
    {
        Refuse(r,
               "distributed LMAs (ns3::DlmaAgent) are one per network, each the only LM of "
               "its own nodes (scenario.anchors \"per-network\", no replicated LM)");
    }
    if (replicated && !(anchor.agent.Is("ns3::LmaAgent") && r.anchors == "per-network"))
    {
        Refuse(r,
               "a replicated LM (ns3::ReplicatedBindingCache) needs an ns3::LmaAgent per network");
    }
}

void
CheckAccess(const Recipe& r)
{
    const RoleRecipe& access = r.Role("access");
    RequireAgent(r,
                 "access",
                 {"ns3::AccessRouterAgent",
                  "ns3::DmaClientAccessAgent",
                  "ns3::MagAgent",
                  "ns3::MarAgent",
                  "ns3::MrAgent"},
                 "every profile");
    if (access.agent.Is("ns3::MagAgent"))
    {
        Require(r, "access", {"lu", "mr", "rc"});
        RequireAgent(r, "anchor", {"ns3::LmaAgent"}, "a MAG (ns3::MagAgent)");
    }
    else if (access.agent.Is("ns3::MarAgent"))
    {
        Require(r, "access", {"haa", "lm", "mr", "rc", "lu"});
        RequireAgent(r, "anchor", {"ns3::SessionDbAgent"}, "a MAR (ns3::MarAgent)");
    }
    else
    {
        Require(r, "access", {"mr"});
    }
    bool located = r.Role("anchor").agent.Is("ns3::LocationServer");
    if (access.agent.IsA("ns3::MrAgent") && !located)
    {
        RequireAgent(r, "anchor", {"ns3::LocationServer"}, "a mobility router (ns3::MrAgent)");
    }
    if (located != access.Function("mr")->IsA("ns3::DistributedMobilityRouting"))
    {
        Refuse(r,
               "location servers (roles.anchor ns3::LocationServer) and mobility routers "
               "(roles.access.functions.mr ns3::DistributedMobilityRouting) go together");
    }
    bool dmaClient = access.agent.Is("ns3::DmaClientAccessAgent");
    if ((access.Has("ha") || access.Has("relay")) && !access.agent.Is("ns3::AccessRouterAgent") &&
        !dmaClient)
    {
        Refuse(r,
               "roles.access: a home agent on the link (\"ha\") or a relay sits on a plain "
               "access router (ns3::AccessRouterAgent) or a client-based DMA router "
               "(ns3::DmaClientAccessAgent)");
    }
    if (dmaClient && !access.Has("ha"))
    {
        Refuse(r,
               "roles.access: a client-based DMA router (ns3::DmaClientAccessAgent) needs "
               "its home agent (\"ha\"), which anchors the prefixes it allocates");
    }
    if (access.Has("relay") && !access.Has("ha"))
    {
        Refuse(r,
               "roles.access.functions.relay relays Binding Updates to the routers' home "
               "agents: it needs \"ha\"");
    }
}

void
CheckHosts(const Recipe& r)
{
    const RoleRecipe& mn = r.Role("mn");
    RequireAgent(r, "mn", {"ns3::MnAgent"}, "every profile");
    if (mn.agent.IsA("ns3::MipMnAgent"))
    {
        Require(r, "mn", {"lu", "mr"});
    }
    // Each client-based mode has the anchor it registers with, and the reverse.
    bool located = mn.agent.IsA("ns3::LocatedMnAgent");
    bool dmaClient = mn.agent.IsA("ns3::DmaClientMnAgent");
    bool mip = mn.agent.IsA("ns3::MipMnAgent") && !located && !dmaClient;
    if (located != r.Role("anchor").agent.Is("ns3::LocationServer") &&
        !(r.Role("anchor").agent.Is("ns3::LocationServer") && !mn.agent.IsA("ns3::MipMnAgent")))
    {
        Refuse(r,
               "roles.mn: a node registering with location servers (ns3::LocatedMnAgent) "
               "needs them (roles.anchor ns3::LocationServer), and location servers take "
               "either such nodes or plain hosts");
    }
    if (dmaClient != r.Role("access").Has("ha"))
    {
        Refuse(r,
               "roles.mn: a client-based DMM node (ns3::DmaClientMnAgent) needs a home agent "
               "on every access link (roles.access.functions.ha), and such home agents "
               "serve only such nodes");
    }
    if (mip != r.Role("anchor").agent.Is("ns3::HaAgent"))
    {
        Refuse(r,
               "roles.mn: a client-based mobile node (ns3::MipMnAgent) needs a home agent "
               "(roles.anchor ns3::HaAgent), and home agents serve client-based mobile "
               "nodes");
    }
    if (r.Role("cn").agent.Is("ns3::CnAgent") != mn.Has("rr"))
    {
        Refuse(r,
               "route optimisation needs both ends: roles.cn ns3::CnAgent and "
               "roles.mn.functions.rr");
    }
    bool map = r.Role("aggregation").agent.Is("ns3::HaAgent");
    if (map != (mn.agent.Attribute("Hierarchical") == "true"))
    {
        Refuse(r,
               "HMIPv6 needs both ends: MAPs (roles.aggregation ns3::HaAgent) and mobile "
               "nodes with Hierarchical=true");
    }
    if (!r.Role("aggregation").agent.type.empty() && !map)
    {
        Refuse(r, "roles.aggregation: only a MAP (ns3::HaAgent) is supported");
    }
    if (!r.Role("cn").agent.type.empty() && !r.Role("cn").agent.Is("ns3::CnAgent"))
    {
        Refuse(r, "roles.cn: only ns3::CnAgent is supported");
    }
    const RoleRecipe& router = r.Role("router");
    if (!router.agent.type.empty() || router.functions.size() > (router.Has("mr") ? 1 : 0) ||
        (router.Has("mr") && !router.Function("mr")->IsA("ns3::DistributedMobilityRouting")))
    {
        Refuse(r,
               "roles.router: routers take only a mobility router function (\"mr\", "
               "ns3::DistributedMobilityRouting)");
    }
    if (router.Has("mr") &&
        (router.Function("mr")->type != r.Role("access").Function("mr")->type ||
         router.Function("mr")->attributes != r.Role("access").Function("mr")->attributes))
    {
        Refuse(r,
               "roles.router.functions.mr must equal roles.access.functions.mr (one routing "
               "by location in the domain)");
    }
}

} // namespace

Recipe
ResolveVariants(const Recipe& recipe, const nlohmann::json& scenario)
{
    if (!recipe.variants.is_object() || recipe.variants.empty())
    {
        return recipe;
    }
    nlohmann::json patched = recipe.source;
    bool changed = false;
    for (const auto& [key, values] : recipe.variants.items())
    {
        nlohmann::json v = ValueAt(scenario, key);
        std::string text = v.is_string() ? v.get<std::string>() : v.dump();
        if (!v.is_null() && values.contains(text))
        {
            patched.merge_patch(values[text]);
            changed = true;
        }
    }
    if (!changed)
    {
        return recipe;
    }
    patched.erase("variants");
    Recipe out = ParseRecipe(patched, "profile \"" + recipe.name + "\" (variant)");
    out.variants = recipe.variants;
    out.source = recipe.source;
    return out;
}

void
CheckRecipe(const Recipe& r)
{
    CheckAnchors(r);
    CheckAccess(r);
    CheckHosts(r);
}

std::set<std::string>
ApplicableKeys(const Recipe& r)
{
    // Each protocol key is read by the functions named here, and only by them.
    static const std::vector<std::pair<std::string, std::vector<std::string>>> readers{
        {"binding_lifetime_s",
         {"ns3::ProxyLocationUpdate", "ns3::ClientLocationUpdate", "ns3::LocationServer"}},
        {"refresh_ratio", {"ns3::ProxyLocationUpdate", "ns3::ClientLocationUpdate"}},
        {"min_delay_before_bce_delete_ms", {"ns3::LmaAgent", "ns3::MarAgent"}},
        {"deregister_on_detach", {"ns3::MagAgent"}},
        {"use_timestamps", {"ns3::ProxyLocationUpdate"}},
        {"shared_sequence_numbers", {"ns3::ProxyLocationUpdate"}},
        {"dad", {"ns3::MipMnAgent"}},
        {"idle_release_s", {"ns3::MarAgent", "ns3::DmaClientMnAgent", "ns3::MrAgent"}},
        {"uplink", {"ns3::RoutingControl"}},
        {"prefix_properties", {"ns3::MarAgent"}},
        {"prefix_lifetime_s", {"ns3::MarAgent", "ns3::MrAgent", "ns3::DmaClientAccessAgent"}},
        {"prefixes_per_node", {"ns3::MarAgent"}},
        {"session_source", {"ns3::MarAgent"}},
        {"location_cache_s", {"ns3::DistributedMobilityRouting", "ns3::DlmaAgent"}},
        {"forwarding_time_s",
         {"ns3::MrAgent", "ns3::DlmaAgent", "ns3::DistributedRoutingFunction"}},
        {"dlma_bypass", {"ns3::DlmaAgent"}},
        {"dlma_mag_tracking", {"ns3::DlmaAgent"}},
        {"query_retries", {"ns3::DistributedRoutingFunction"}},
        {"query_timeout_ms", {"ns3::DistributedRoutingFunction"}},
        {"forward_late_downlink", {"ns3::DistributedRoutingFunction"}},
        // Also the eLMAs' LegacyInterworking, installed with the DRF (§6), and the
        // alternative eLMAs' AnchorDmf, installed with their AnchorDrf (§7.2).
        {"inform_timeout_ms", {"ns3::DistributedRoutingFunction"}},
        {"inform_retries", {"ns3::DistributedRoutingFunction"}},
        {"dlma_bypass_olma", {"ns3::DlmaAgent"}},
        {"dlma_private", {"ns3::DlmaAgent"}},
        // Keys that choose between assemblies: read through the recipe's variants only.
        {"location", {}},
        {"location_update", {}},
        {"client_lu", {}},
        {"route_optimization", {}},
        {"hoa_assignment", {}},
        {"lm_relay", {}},
        {"hoa_status", {}},
        {"new_hoa", {}},
        {"first_packets", {}},
        {"epmip_architecture", {}},
        {"epmip_lma_selection", {}},
        {"elma_discovery", {}},
        {"elmas", {}},
    };
    std::set<std::string> out;
    for (const auto& [key, types] : readers)
    {
        bool used = r.HasVariant("protocol." + key);
        for (const auto& t : types)
        {
            used = used || r.Uses(t);
        }
        if (used)
        {
            out.insert("protocol." + key);
        }
    }
    // DMM with MIP's routers advertise home addresses the node's MIP manages: not limited.
    const FunctionSpec& access = r.Role("access").agent;
    if (access.IsA("ns3::DmmMipMrAgent"))
    {
        out.erase("protocol.prefix_lifetime_s");
    }
    // Pushed answers stay until changed: the cache time-out is read in pull mode only.
    const FunctionSpec* mr = r.Role("access").Function("mr");
    if (mr && mr->Attribute("Push") == "true")
    {
        out.erase("protocol.location_cache_s");
    }
    return out;
}

std::vector<std::vector<std::string>>
RecipeTable(const Recipe& recipe)
{
    auto show = [](const FunctionSpec& s) {
        std::string text = s.type;
        std::string attrs;
        for (const auto& [name, value] : s.attributes)
        {
            attrs += (attrs.empty() ? "" : ", ") + name + "=" + value;
        }
        return attrs.empty() ? text : text + " (" + attrs + ")";
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& role : RecipeRoles())
    {
        const RoleRecipe& r = recipe.Role(role);
        std::string functions;
        for (const auto& [key, spec] : r.functions)
        {
            functions += (functions.empty() ? "" : "; ") + key + ": " + show(spec);
        }
        rows.push_back({role,
                        r.agent.type.empty() ? "plain node" : show(r.agent),
                        functions.empty() ? "-" : functions});
    }
    return rows;
}

} // namespace dmm
} // namespace ns3
