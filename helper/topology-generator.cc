/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/topology-generator.h"

#include "ns3/json-object-reader.h"
#include "ns3/log.h"

#include <fmt/format.h>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TopologyGenerator");

namespace
{

using Reader = JsonObjectReader;
using nlohmann::json;

// Bounds keep a typing slip from asking for millions of nodes.
constexpr uint64_t kMaxNetworks = 1000;
constexpr uint64_t kMaxPerNetwork = 1000;
constexpr uint64_t kMaxHops = 100;
constexpr uint64_t kMaxHosts = 10000;
// Routing keeps a hop count for every pair of wired nodes.
constexpr uint64_t kMaxWired = 2000;

const std::set<std::string> kCommonKeys{"type",
                                        "networks",
                                        "ars_per_network",
                                        "delay_ms",
                                        "rate_mbps",
                                        "mns",
                                        "cns",
                                        "cn_placement"};

/// Keys a type accepts besides the common ones.
const std::map<std::string, std::set<std::string>> kTypeKeys{
    {"flat", {"mesh"}},
    {"hierarchical", {"hops_to_anchor"}},
    {"migrating-ha", {"hops_to_anchor", "mesh"}},
    {"fully-distributed", {}},
    {"dmm-mip", {"mrs", "separate_haa", "cn_mr_role"}},
};

TierValues
ParseTiers(const Reader& o,
           const std::string& key,
           const TierValues& def,
           bool strict,
           const std::set<std::string>& allowed)
{
    if (!o.Has(key))
    {
        return def;
    }
    Reader t(o.Get(key), o.Path(key), allowed);
    TierValues v{t.Number("core", def.core),
                 t.Number("aggregation", def.aggregation),
                 t.Number("access", def.access)};
    Reader::CheckMin(t.Path("core"), v.core, 0, strict);
    Reader::CheckMin(t.Path("aggregation"), v.aggregation, 0, strict);
    Reader::CheckMin(t.Path("access"), v.access, 0, strict);
    return v;
}

/// An array of whole numbers in [min, max] (dmm-mip's "mrs" and "separate_haa").
std::vector<uint32_t>
Numbers(const Reader& o, const std::string& key, uint64_t min, uint64_t max)
{
    std::vector<uint32_t> out;
    if (!o.Has(key))
    {
        return out;
    }
    const json& a = o.Get(key);
    if (!a.is_array())
    {
        Reader::Fail(o.Path(key), "must be an array of whole numbers");
    }
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        if (!a[i].is_number_unsigned() || a[i].get<uint64_t>() < min || a[i].get<uint64_t>() > max)
        {
            Reader::Fail(o.Path(key) + fmt::format("[{}]", i),
                         fmt::format("must be a whole number in [{}, {}]", min, max));
        }
        out.push_back(a[i].get<uint32_t>());
    }
    return out;
}

uint32_t
Count(const Reader& o, const std::string& key, uint64_t def, uint64_t min, uint64_t max)
{
    uint64_t v = o.Has(key) ? o.Unsigned(key, max) : def;
    Reader::CheckMin(o.Path(key), static_cast<double>(v), static_cast<double>(min), false);
    return static_cast<uint32_t>(v);
}

/// Appends nodes and links, with the tier's delay and rate on each link.
class Builder
{
  public:
    Builder(const TopologyParameters& p, GeneratedTopology& out)
        : m_p(p),
          m_out(out)
    {
    }

    const std::string& Node(const std::string& name,
                            const std::string& role,
                            uint32_t network,
                            const std::string& tier)
    {
        NodeConfig n;
        n.name = name;
        n.role = role;
        n.network = network;
        n.tier = tier;
        m_out.nodes.push_back(n);
        return m_out.nodes.back().name;
    }

    void Link(const std::string& a, const std::string& b, const std::string& tier)
    {
        const TierValues& d = m_p.delayMs;
        const TierValues& r = m_p.rateMbps;
        if (tier == "core")
        {
            m_out.links.push_back({a, b, d.core, r.core});
        }
        else if (tier == "aggregation")
        {
            m_out.links.push_back({a, b, d.aggregation, r.aggregation});
        }
        else
        {
            m_out.links.push_back({a, b, d.access, r.access});
        }
    }

    /// Links the nodes in order as a ring (a single link for two) or a full mesh.
    void Mesh(const std::vector<std::string>& names, const std::string& tier)
    {
        std::size_t n = names.size();
        if (m_p.mesh == "full")
        {
            for (std::size_t i = 0; i < n; ++i)
            {
                for (std::size_t j = i + 1; j < n; ++j)
                {
                    Link(names[i], names[j], tier);
                }
            }
            return;
        }
        for (std::size_t i = 0; i + 1 < n; ++i)
        {
            Link(names[i], names[i + 1], tier);
        }
        if (n > 2)
        {
            Link(names[n - 1], names[0], tier);
        }
    }

  private:
    const TopologyParameters& m_p;
    GeneratedTopology& m_out;
};

/// The generated types for messages, in the order of Types().
std::string
Known()
{
    std::string out;
    for (const auto& t : TopologyGenerator::Types())
    {
        out += (out.empty() ? "" : ", ") + t;
    }
    return out;
}

std::string
Name(uint32_t network, const std::string& what, uint32_t index = 0)
{
    return index == 0 ? fmt::format("n{}-{}", network, what)
                      : fmt::format("n{}-{}{}", network, what, index);
}

} // namespace

const std::vector<std::string>&
TopologyGenerator::Types()
{
    static const std::vector<std::string> types{"flat",
                                                "hierarchical",
                                                "migrating-ha",
                                                "fully-distributed",
                                                "dmm-mip"};
    return types;
}

TopologyParameters
TopologyGenerator::Parse(const json& j, const std::string& path)
{
    Reader o(j, path, ScenarioKeys("topology"));
    TopologyParameters p{};
    p.type = o.String("type");
    auto typeKeys = kTypeKeys.find(p.type);
    if (typeKeys == kTypeKeys.end())
    {
        Reader::Fail(o.Path("type"),
                     fmt::format("unknown type \"{}\" (known: custom, {})", p.type, Known()));
    }
    std::set<std::string> allowed = kCommonKeys;
    allowed.insert(typeKeys->second.begin(), typeKeys->second.end());
    for (const auto& item : j.items())
    {
        if (allowed.count(item.key()) == 0)
        {
            Reader::Fail(o.Path(item.key()),
                         fmt::format("not allowed with type \"{}\" (allowed: {})",
                                     p.type,
                                     Reader::Join(allowed)));
        }
    }
    o.Get("networks");
    p.networks = Count(o, "networks", 1, 1, kMaxNetworks);
    o.Get("ars_per_network");
    p.arsPerNetwork = Count(o, "ars_per_network", 1, 1, kMaxPerNetwork);
    p.hopsToAnchor = Count(o, "hops_to_anchor", 0, 0, kMaxHops);
    p.mns = Count(o, "mns", 1, 0, kMaxHosts);
    p.cns = Count(o, "cns", 1, 0, kMaxHosts);
    p.mesh = o.String("mesh", p.type == "flat" ? "ring" : "full");
    if (p.mesh != "ring" && p.mesh != "full")
    {
        Reader::Fail(o.Path("mesh"),
                     fmt::format("unknown mesh \"{}\" (known: full, ring)", p.mesh));
    }
    p.cnPlacement = o.String("cn_placement", "core");
    if (p.cnPlacement != "core" && p.cnPlacement != "per-network" && p.cnPlacement != "near-mn")
    {
        Reader::Fail(o.Path("cn_placement"),
                     fmt::format("unknown placement \"{}\" (known: core, near-mn, per-network)",
                                 p.cnPlacement));
    }
    p.mrsPerNetwork = Numbers(o, "mrs", 1, kMaxPerNetwork);
    if (!p.mrsPerNetwork.empty() && p.mrsPerNetwork.size() != p.networks)
    {
        Reader::Fail(o.Path("mrs"), fmt::format("needs one count per network ({})", p.networks));
    }
    p.cnMrRole = o.String("cn_mr_role", "");
    if (!p.cnMrRole.empty() && p.cnMrRole != "convergence" && p.cnMrRole != "anycast")
    {
        Reader::Fail(o.Path("cn_mr_role"),
                     fmt::format("unknown role \"{}\" (known: anycast, convergence)", p.cnMrRole));
    }
    if (!p.cnMrRole.empty() && p.cnPlacement == "near-mn")
    {
        // Correspondents on an access link already have a mobility router.
        Reader::Fail(o.Path("cn_mr_role"), "needs cn_placement core or per-network");
    }
    for (uint32_t k : Numbers(o, "separate_haa", 1, p.networks))
    {
        p.separateHaa.insert(k);
    }
    // core, and per network its ARs, the routers above them, anchor or gw and lm (and a
    // separate HAA); cns
    uint64_t wired = 1 + uint64_t{p.networks} * (p.arsPerNetwork + p.hopsToAnchor + 2) + p.cns +
                     p.separateHaa.size();
    for (uint32_t mrs : p.mrsPerNetwork)
    {
        wired += mrs;
    }
    wired -= p.mrsPerNetwork.empty() ? 0 : uint64_t{p.networks} * p.arsPerNetwork;
    if (wired > kMaxWired)
    {
        Reader::Fail(path,
                     fmt::format("too large: up to {} wired nodes (at most {})", wired, kMaxWired));
    }
    const std::set<std::string> tiers{"core", "aggregation", "access"};
    p.delayMs = ParseTiers(o, "delay_ms", {5.0, 2.0, 1.0}, false, tiers);
    p.rateMbps = ParseTiers(o, "rate_mbps", {1000.0, 1000.0, 1000.0}, true, tiers);
    return p;
}

GeneratedTopology
TopologyGenerator::Generate(const TopologyParameters& p)
{
    GeneratedTopology out;
    Builder b(p, out);
    const std::string core = b.Node("core", "router", 0, "core");
    std::vector<std::string> tops; // per network: where per-network cns attach
    std::vector<std::string> ars;  // all access nodes, in node order
    if (p.type == "flat")
    {
        for (uint32_t k = 1; k <= p.networks; ++k)
        {
            for (uint32_t i = 1; i <= p.arsPerNetwork; ++i)
            {
                ars.push_back(b.Node(Name(k, "ar", i), "access", k, "access"));
                b.Link(core, ars.back(), "core");
                if (i == 1)
                {
                    tops.push_back(ars.back());
                }
            }
        }
        b.Mesh(ars, "access");
    }
    else if (p.type == "hierarchical" || p.type == "migrating-ha")
    {
        bool border = p.type == "migrating-ha";
        for (uint32_t k = 1; k <= p.networks; ++k)
        {
            tops.push_back(b.Node(Name(k, "anchor"), "anchor", k, border ? "core" : "aggregation"));
            b.Link(core, tops.back(), "core");
            std::string parent = tops.back();
            for (uint32_t h = 1; h <= p.hopsToAnchor; ++h)
            {
                // The router above the access routers is the natural MAP (HMIPv6).
                std::string r = b.Node(Name(k, "r", h),
                                       h == p.hopsToAnchor ? "aggregation" : "router",
                                       k,
                                       "aggregation");
                b.Link(parent, r, "aggregation");
                parent = r;
            }
            for (uint32_t i = 1; i <= p.arsPerNetwork; ++i)
            {
                ars.push_back(b.Node(Name(k, "ar", i), "access", k, "access"));
                b.Link(parent, ars.back(), "access");
            }
        }
        if (border)
        {
            b.Mesh(tops, "core");
        }
    }
    else // fully-distributed, dmm-mip
    {
        for (uint32_t k = 1; k <= p.networks; ++k)
        {
            tops.push_back(b.Node(Name(k, "gw"), "router", k, "aggregation"));
            b.Link(core, tops.back(), "core");
            b.Node(Name(k, "lm"), "anchor", k, "aggregation");
            b.Link(tops.back(), Name(k, "lm"), "aggregation");
            if (p.separateHaa.count(k))
            {
                b.Node(Name(k, "haa"), "router", k, "aggregation");
                out.nodes.back().haaFor = Name(k, "lm");
                b.Link(tops.back(), Name(k, "haa"), "aggregation");
            }
            uint32_t mrs = p.mrsPerNetwork.empty() ? p.arsPerNetwork : p.mrsPerNetwork[k - 1];
            for (uint32_t i = 1; i <= mrs; ++i)
            {
                ars.push_back(b.Node(Name(k, "mr", i), "access", k, "access"));
                b.Link(tops.back(), ars.back(), "access");
            }
        }
    }
    for (uint32_t i = 1; i <= p.cns; ++i)
    {
        std::string cn = b.Node(fmt::format("cn{}", i), "cn", 0, "host");
        if (p.cnPlacement != "near-mn")
        {
            // Seed 002 §5 (Fig 6): the router converging the fixed correspondents is a
            // mobility router for them (or one of the anycast mobility routers).
            const std::string& router = p.cnPlacement == "core" ? core : tops[(i - 1) % p.networks];
            for (auto& n : out.nodes)
            {
                n.mrRole = n.name == router ? p.cnMrRole : n.mrRole;
            }
        }
        if (p.cnPlacement == "core")
        {
            b.Link(core, cn, "core");
        }
        else if (p.cnPlacement == "per-network")
        {
            uint32_t k = (i - 1) % p.networks;
            b.Link(tops[k], cn, "aggregation");
            out.nodes.back().network = k + 1;
        }
        else
        {
            b.Link(ars[(i - 1) % ars.size()], cn, "access");
        }
    }
    for (uint32_t i = 1; i <= p.mns; ++i)
    {
        b.Node(fmt::format("mn{}", i), "mn", 0, "host");
    }
    return out;
}

} // namespace ns3
