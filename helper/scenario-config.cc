/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/scenario-config.h"

#include "ns3/json-object-reader.h"
#include "ns3/log.h"
#include "ns3/profile-registry.h"
#include "ns3/scenario-domain-profiles.h"
#include "ns3/scenario-flows.h"
#include "ns3/scenario-topology.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/topology-graph.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioConfig");

using nlohmann::json;

namespace
{

using Reader = JsonObjectReader;

const std::set<std::string>
    kRoles{"anchor", "router", "aggregation", "access", "cn", "mn", "attacker"};
const std::set<std::string> kWifiStandards{"80211a", "80211b", "80211g", "80211n", "80211ac"};

void
ParseL2(const Reader& top, ScenarioConfig& c)
{
    const json& j = top.Get("l2");
    Reader o(j, "l2", ScenarioKeys("l2"));
    c.l2.type = o.String("type");
    const std::set<std::string> switchKeys{"type", "switch_time_ms"};
    const std::set<std::string> wifiKeys{"type",
                                         "beacon_interval_ms",
                                         "max_missed_beacons",
                                         "ap_distance_m",
                                         "standard"};
    if (c.l2.type != "switch" && c.l2.type != "wifi")
    {
        Reader::Fail("l2.type",
                     fmt::format("unknown type \"{}\" (known: switch, wifi)", c.l2.type));
    }
    const auto& allowed = c.l2.type == "switch" ? switchKeys : wifiKeys;
    for (const auto& item : j.items())
    {
        if (allowed.count(item.key()) == 0)
        {
            Reader::Fail(o.Path(item.key()),
                         fmt::format("not allowed with type \"{}\" (allowed: {})",
                                     c.l2.type,
                                     Reader::Join(allowed)));
        }
    }
    c.l2.switchTimeMs = o.Number("switch_time_ms", 50.0);
    Reader::CheckMin("l2.switch_time_ms", c.l2.switchTimeMs, 0, false);
    c.l2.beaconIntervalMs = o.Number("beacon_interval_ms", 51.2);
    Reader::CheckMin("l2.beacon_interval_ms", c.l2.beaconIntervalMs, 0, true);
    c.l2.maxMissedBeacons = o.Has("max_missed_beacons")
                                ? static_cast<uint32_t>(o.Unsigned("max_missed_beacons", 1000))
                                : 3;
    Reader::CheckMin("l2.max_missed_beacons", c.l2.maxMissedBeacons, 1, false);
    c.l2.apDistanceM = o.Number("ap_distance_m", 200.0);
    Reader::CheckMin("l2.ap_distance_m", c.l2.apDistanceM, 0, true);
    c.l2.standard = o.String("standard", "80211g");
    if (kWifiStandards.count(c.l2.standard) == 0)
    {
        Reader::Fail("l2.standard",
                     fmt::format("unknown standard \"{}\" (known: {})",
                                 c.l2.standard,
                                 Reader::Join(kWifiStandards)));
    }
}

void
ParseGlobals(const Reader& top, ScenarioConfig& c)
{
    Reader access(top.Get("access"), "access", ScenarioKeys("access"));
    c.accessDelayMs = access.Number("delay_ms");
    Reader::CheckMin("access.delay_ms", c.accessDelayMs, 0, false);
    c.accessRateMbps = access.Number("rate_mbps");
    Reader::CheckMin("access.rate_mbps", c.accessRateMbps, 0, true);

    static const json emptyObject = json::object();
    Reader proc(top.Has("processing") ? top.Get("processing") : emptyObject,
                "processing",
                ScenarioKeys("processing"));
    c.accessProcessingMs = proc.Number("access_ms", 0.0);
    Reader::CheckMin("processing.access_ms", c.accessProcessingMs, 0, false);
    c.anchorProcessingMs = proc.Number("anchor_ms", 0.0);
    Reader::CheckMin("processing.anchor_ms", c.anchorProcessingMs, 0, false);

    Reader prot(top.Has("protocol") ? top.Get("protocol") : emptyObject,
                "protocol",
                ScenarioKeys("protocol"));
    c.protocol.bindingLifetimeS = prot.Number("binding_lifetime_s", 300.0);
    Reader::CheckMin("protocol.binding_lifetime_s", c.protocol.bindingLifetimeS, 0, true);
    // The lifetime travels in 4-second units in a 16-bit field (RFC 6275 6.1.7).
    if (c.protocol.bindingLifetimeS > 65535.0 * 4)
    {
        Reader::Fail("protocol.binding_lifetime_s",
                     fmt::format("must be <= 262140 (got {})", c.protocol.bindingLifetimeS));
    }
    c.protocol.refreshRatio = prot.Number("refresh_ratio", 0.8);
    if (!(c.protocol.refreshRatio > 0 && c.protocol.refreshRatio <= 1))
    {
        Reader::Fail("protocol.refresh_ratio",
                     fmt::format("must be in (0, 1] (got {})", c.protocol.refreshRatio));
    }
    c.protocol.minDelayBeforeBceDeleteMs = prot.Number("min_delay_before_bce_delete_ms", 10000.0);
    Reader::CheckMin("protocol.min_delay_before_bce_delete_ms",
                     c.protocol.minDelayBeforeBceDeleteMs,
                     0,
                     false);
    c.protocol.deregisterOnDetach = prot.Bool("deregister_on_detach", true);
    c.protocol.useTimestamps = prot.Bool("use_timestamps", true);
    c.protocol.sharedSequenceNumbers = prot.Bool("shared_sequence_numbers", false);
    c.protocol.idleReleaseS = prot.Number("idle_release_s", 5.0);
    Reader::CheckMin("protocol.idle_release_s", c.protocol.idleReleaseS, 0, false);
    c.protocol.prefixesPerNode = prot.Has("prefixes_per_node")
                                     ? static_cast<uint32_t>(prot.Unsigned("prefixes_per_node", 16))
                                     : 1;
    Reader::CheckMin("protocol.prefixes_per_node", c.protocol.prefixesPerNode, 1, false);
    c.protocol.prefixProperties = prot.Bool("prefix_properties", false);
    c.protocol.prefixLifetimeS = prot.Number("prefix_lifetime_s", 600.0);
    // The Prefix Information option counts whole seconds (RFC 4861 §4.6.2); a node attached
    // is re-advertised every third of the lifetime.
    if (c.protocol.prefixLifetimeS != 0 &&
        (c.protocol.prefixLifetimeS < 3 || c.protocol.prefixLifetimeS >= 4294967295.0 ||
         c.protocol.prefixLifetimeS != std::floor(c.protocol.prefixLifetimeS)))
    {
        Reader::Fail("protocol.prefix_lifetime_s",
                     fmt::format("must be 0 or whole seconds from 3 to 4294967294 (got {})",
                                 c.protocol.prefixLifetimeS));
    }
    c.protocol.location = prot.Mode("location", "pull", {"pull", "push"});
    c.protocol.locationUpdate = prot.Mode("location_update", "network", {"client", "network"});
    c.protocol.locationCacheS = prot.Number("location_cache_s", 10.0);
    Reader::CheckMin("protocol.location_cache_s", c.protocol.locationCacheS, 0, true);
    c.protocol.forwardingTimeS = prot.Number("forwarding_time_s", 10.0);
    Reader::CheckMin("protocol.forwarding_time_s", c.protocol.forwardingTimeS, 0, false);
    c.protocol.dlmaBypass = prot.Bool("dlma_bypass", false);
    c.protocol.dlmaMagTracking = prot.Mode("dlma_mag_tracking", "d-lma", {"d-lma", "h-lma"});
    c.protocol.dlmaBypassOlma = prot.Bool("dlma_bypass_olma", false);
    c.protocol.dlmaPrivate = prot.String("dlma_private", "");
    c.protocol.clientLu = prot.Mode("client_lu", "direct", {"direct", "proxy"});
    c.protocol.dad = prot.Mode("dad", "optimistic", {"optimistic", "wait", "off"});
    c.protocol.uplink = prot.Mode("uplink", "reverse-tunnel", {"reverse-tunnel", "direct"});
    c.protocol.sessionSource =
        prot.Mode("session_source", "database", {"database", "solicitation"});
    c.protocol.routeOptimization = prot.Mode("route_optimization", "query", {"query", "redirect"});
    c.protocol.hoaAssignment = prot.Mode("hoa_assignment", "stateless", {"stateless", "stateful"});
    c.protocol.lmRelay = prot.Bool("lm_relay", false);
    c.protocol.hoaStatus = prot.Mode("hoa_status", "context", {"context", "home_haa"});
    prot.Bool("new_hoa", false); // read through the recipe's variant only
    c.protocol.firstPackets = prot.Mode("first_packets", "pmip", {"pmip", "buffer"});
    // Read through the epmip recipe's variant only (seed 001 §7); checked here.
    std::string architecture =
        prot.Mode("epmip_architecture", "integrated", {"integrated", "alternative"});
    if (prot.Mode("epmip_lma_selection", "best", {"best", "same"}) == "same" &&
        architecture != "alternative")
    {
        // Only §7.2's new MAG picks an eLMA; the integrated eMAG registers the node with
        // the LMA of its policy profile (RFC 5213 §6.2), which is "same" already.
        Reader::Fail(prot.Path("epmip_lma_selection"),
                     "\"same\" needs protocol.epmip_architecture \"alternative\" (seed 001 §7.2)");
    }
    // The defaults are the DRF's attribute defaults.
    c.protocol.queryRetries =
        prot.Has("query_retries") ? static_cast<uint32_t>(prot.Unsigned("query_retries", 100)) : 1;
    c.protocol.queryTimeoutMs = prot.Number("query_timeout_ms", 1000.0);
    Reader::CheckMin("protocol.query_timeout_ms", c.protocol.queryTimeoutMs, 0, true);
    // Read from the JSON where used, set only when present (helper/scenario-epmip-legacy.cc,
    // InformBackOffAttributes); checked here. The DRF accepts no timeout under 1 ms.
    Reader::CheckMin("protocol.inform_timeout_ms",
                     prot.Number("inform_timeout_ms", 1000.0),
                     1,
                     false);
    if (prot.Has("inform_retries"))
    {
        prot.Unsigned("inform_retries", 100);
    }
    c.protocol.forwardLateDownlink = prot.Bool("forward_late_downlink", true);
    c.protocol.elmaDiscovery =
        prot.Mode("elma_discovery", "prefix-map", {"prefix-map", "hop-by-hop", "relay"});
    c.protocol.elmas = prot.Mode("elmas", "central", {"central", "per-network"});
}

} // namespace

/// The nodes' "haa_for" and "mr_role" (helper/scenario-dmm-mip.cc); needs the nodes.
void ParseHaaNodes(const Reader& listed, ScenarioConfig& c);

namespace
{

void
ParseNodes(const Reader& top, ScenarioConfig& c)
{
    const json& nodes = top.Array("nodes");
    if (!top.Has("nodes"))
    {
        Reader::Fail(top.Path("nodes"), "required key missing");
    }
    if (nodes.empty())
    {
        Reader::Fail(top.Path("nodes"), "must not be empty");
    }
    std::set<std::string> seen;
    c.nodes.reserve(c.nodes.size() + nodes.size()); // no doubling: 100,000 nodes or more
    for (std::size_t i = 0; i < nodes.size(); ++i)
    {
        Reader o(nodes[i], top.Path(fmt::format("nodes[{}]", i)), ScenarioKeys("nodes[]"));
        NodeConfig n;
        n.name = o.String("name");
        if (!IsValidScenarioName(n.name))
        {
            Reader::Fail(
                o.Path("name"),
                fmt::format("invalid name \"{}\" (use letters, digits, '_' and '-')", n.name));
        }
        if (!seen.insert(n.name).second)
        {
            Reader::Fail(o.Path("name"), fmt::format("duplicate node name \"{}\"", n.name));
        }
        n.role = o.String("role");
        if (kRoles.count(n.role) == 0)
        {
            Reader::Fail(
                o.Path("role"),
                fmt::format("unknown role \"{}\" (known: {})", n.role, Reader::Join(kRoles)));
        }
        for (const char* key : {"access_delay_ms", "access_rate_mbps"})
        {
            if (o.Has(key) && n.role != "access")
            {
                Reader::Fail(o.Path(key),
                             fmt::format("only allowed for role access (node \"{}\" is {})",
                                         n.name,
                                         n.role));
            }
        }
        if (o.Has("access_delay_ms"))
        {
            n.accessDelayMs = o.Number("access_delay_ms");
            Reader::CheckMin(o.Path("access_delay_ms"), *n.accessDelayMs, 0, false);
        }
        if (o.Has("access_rate_mbps"))
        {
            n.accessRateMbps = o.Number("access_rate_mbps");
            Reader::CheckMin(o.Path("access_rate_mbps"), *n.accessRateMbps, 0, true);
        }
        ParseEpmipRole(o, c, n);
        ParseMobilityDomain(o, c, n);
        c.nodes.push_back(std::move(n));
    }
    CheckMobilityDomains(top, c);
}

void
ParseLinks(const Reader& top, ScenarioConfig& c)
{
    const json& links = top.Array("links");
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (std::size_t i = 0; i < links.size(); ++i)
    {
        Reader o(links[i], top.Path(fmt::format("links[{}]", i)), ScenarioKeys("links[]"));
        LinkConfig l;
        for (const char* key : {"a", "b"})
        {
            const NodeConfig& n = ScenarioEndpoint(c, o, key);
            if (n.role == "mn")
            {
                Reader::Fail(
                    o.Path(key),
                    fmt::format("node \"{}\" is an mn; mns attach through \"mobility\"", n.name));
            }
            (std::string(key) == "a" ? l.a : l.b) = n.name;
        }
        if (l.a == l.b)
        {
            Reader::Fail(o.Path("b"), fmt::format("self-link on node \"{}\"", l.a));
        }
        auto key = std::minmax(l.a, l.b);
        auto [it, fresh] = seen.emplace(std::make_pair(key.first, key.second), i);
        if (!fresh)
        {
            Reader::Fail(
                top.Path(fmt::format("links[{}]", i)),
                fmt::format("duplicate link \"{}\"-\"{}\" (also links[{}])", l.a, l.b, it->second));
        }
        l.delayMs = o.Number("delay_ms");
        Reader::CheckMin(o.Path("delay_ms"), l.delayMs, 0, false);
        l.rateMbps = o.Number("rate_mbps");
        Reader::CheckMin(o.Path("rate_mbps"), l.rateMbps, 0, true);
        c.links.push_back(l);
    }
}

/// The wired network (all nodes but the mns) must be one connected graph.
void
CheckConnected(const ScenarioConfig& c, const std::string& path)
{
    TopologyGraph g = TopologyGraph::FromConfig(c.nodes, c.links);
    for (std::size_t v = 1; v < g.GetNVertices(); ++v)
    {
        if (g.Distance(0, v) == TopologyGraph::UNREACHABLE)
        {
            Reader::Fail(path,
                         fmt::format("node \"{}\" ({}) is not connected to \"{}\"",
                                     g.GetVertex(v).name,
                                     g.GetVertex(v).role,
                                     g.GetVertex(0).name));
        }
    }
}

} // namespace

bool
IsValidScenarioName(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-';
    });
}

const NodeConfig&
ScenarioEndpoint(const ScenarioConfig& c, const JsonObjectReader& o, const std::string& key)
{
    std::string name = o.String(key);
    const NodeConfig* n = c.FindNode(name);
    if (n == nullptr)
    {
        JsonObjectReader::Fail(o.Path(key), fmt::format("unknown node \"{}\"", name));
    }
    return *n;
}

uint32_t
FlowConfig::TrafficHeaderSize()
{
    return SeqTsSizeHeader().GetSerializedSize();
}

std::vector<const NodeConfig*>
ScenarioConfig::AttachmentPoints() const
{
    std::vector<const NodeConfig*> out;
    for (const auto& node : nodes)
    {
        bool homeLink = node.role == "anchor" &&
                        std::any_of(mobility.begin(), mobility.end(), [&](const auto& a) {
                            return a.attach == node.name;
                        });
        if (node.role == "access" || homeLink)
        {
            out.push_back(&node);
        }
    }
    return out;
}

const NodeConfig*
ScenarioConfig::FindNode(const std::string& n) const
{
    const auto& at = m_nodeIndex.Find(nodes, n, [](const NodeConfig& c) { return c.name; });
    return at.empty() ? nullptr : &nodes[at.front()];
}

std::vector<const NodeConfig*>
ScenarioConfig::NodesWithRole(const std::string& role) const
{
    std::vector<const NodeConfig*> out;
    for (const auto& node : nodes)
    {
        if (node.role == role)
        {
            out.push_back(&node);
        }
    }
    return out;
}

std::vector<const AttachmentConfig*>
ScenarioConfig::AttachmentsOf(const std::string& mn) const
{
    std::vector<const AttachmentConfig*> out;
    for (std::size_t i :
         m_attachmentIndex.Find(mobility, mn, [](const AttachmentConfig& a) { return a.mn; }))
    {
        out.push_back(&mobility[i]);
    }
    return out;
}

double
ScenarioConfig::AccessDelayMsAt(const std::string& access) const
{
    const NodeConfig* n = FindNode(access);
    return n != nullptr && n->accessDelayMs ? *n->accessDelayMs : accessDelayMs;
}

double
ScenarioConfig::AccessRateMbpsAt(const std::string& access) const
{
    const NodeConfig* n = FindNode(access);
    return n != nullptr && n->accessRateMbps ? *n->accessRateMbps : accessRateMbps;
}

/// The recipe: a `recipe` object, or the built-in profile named by `profile`.
void
ParseProfile(const Reader& top, ScenarioConfig& c)
{
    dmm::Recipe recipe;
    if (top.Has("recipe"))
    {
        recipe = dmm::ParseRecipe(top.Get("recipe"), "recipe");
        if (top.Has("profile") && top.String("profile") != recipe.name)
        {
            Reader::Fail("profile",
                         fmt::format("\"{}\" but the recipe is \"{}\" (leave one out)",
                                     top.String("profile"),
                                     recipe.name));
        }
    }
    else
    {
        try
        {
            recipe = dmm::GetRecipe(top.String("profile"));
        }
        catch (const ScenarioError& e)
        {
            Reader::Fail("profile", e.what());
        }
    }
    c.profile = recipe.name;
    c.recipe = dmm::ResolveVariants(recipe, c.raw);
    dmm::CheckRecipe(c.recipe);
    std::set<std::string> applicable = dmm::ApplicableKeys(c.recipe);
    if (c.raw.contains("protocol") && c.raw["protocol"].is_object())
    {
        for (const auto& [key, value] : c.raw["protocol"].items())
        {
            if (!applicable.count("protocol." + key))
            {
                c.ignoredKeys.push_back("protocol." + key);
            }
        }
    }
}

ScenarioConfig
ParseScenario(const json& j)
{
    Reader top(j, "", ScenarioKeys(""));
    ScenarioConfig c{};
    // The lists become the typed fields below: a copy of them (hundreds of bytes per node
    // and per attachment) would stay for the whole run unused.
    static const std::set<std::string> parsedLists{"nodes",
                                                   "links",
                                                   "mobility",
                                                   "flows",
                                                   "flow_moves",
                                                   "topology"};
    c.raw = json::object();
    for (auto it = j.begin(); j.is_object() && it != j.end(); ++it)
    {
        if (!parsedLists.count(it.key()))
        {
            c.raw[it.key()] = it.value();
        }
    }
    c.name = top.String("name");
    if (c.name.empty())
    {
        Reader::Fail("name", "must not be empty");
    }
    ParseProfile(top, c);
    c.seed = top.Has("seed") ? static_cast<uint32_t>(top.Unsigned("seed", UINT32_MAX)) : 1;
    // ns-3 refuses seed 0 (RngSeedManager).
    Reader::CheckMin("seed", c.seed, 1, false);
    c.durationS = top.Number("duration_s");
    Reader::CheckMin("duration_s", c.durationS, 0, true);
    c.dataMode = top.Mode("data", "packet", {"packet", "fluid"});
    c.queueDisc = top.Mode("queue_disc", "fq_codel", {"fq_codel", "pfifo_fast", "none"});
    ParseL2(top, c);
    ParseGlobals(top, c);
    // Listed or generated nodes, links and attachments (scenario-topology.cc).
    auto listed = ParseTopology(top, c);
    if (listed)
    {
        ParseNodes(*listed, c);
        ParseInterfaces(*listed, c);
        ParseHaaNodes(*listed, c);
        ParseLinks(*listed, c);
    }
    CheckConnected(c, listed ? listed->Path("links") : "topology");
    if (!ParseMovement(top, c))
    {
        ParseMobility(top, c);
    }
    ParseDomainProfiles(top, c);
    ParseFlows(top, c);
    ParseFlowMoves(top, c);
    ParseSecurity(top, c);
    ParseAttacks(top, c);
    if (top.Has("central_anchor"))
    {
        c.centralAnchor = top.String("central_anchor");
        const NodeConfig* n = c.FindNode(c.centralAnchor);
        if (!n || n->role != "anchor")
        {
            Reader::Fail("central_anchor",
                         fmt::format("\"{}\" is not a node with role anchor", c.centralAnchor));
        }
    }
    NS_LOG_INFO("scenario " << c.name << ": " << c.nodes.size() << " nodes, " << c.links.size()
                            << " links, " << c.flows.size() << " flows");
    return c;
}

Time
ScenarioMilliseconds(double ms)
{
    return MicroSeconds(std::llround(ms * 1e3));
}

} // namespace ns3
