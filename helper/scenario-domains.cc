/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Several mobility domains in one topology (seed 004 §7): the nodes' "domain" key. The
// anchors of a domain anycast only its pools (§4.2), so a packet from outside reaches the
// domain's nearest anchor (anycast entry, §7.1) by the shortest path from its sender, and
// a packet for another domain's prefix leaves by the shortest path (hot-potato exit, §7.2).
#include "scenario-run.h"

#include "ns3/json-object-reader.h"
#include "ns3/log.h"
#include "ns3/scenario-config.h"
#include "ns3/yans-wifi-helper.h"

#include <fmt/format.h>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioDomains");

void
ParseMobilityDomain(const JsonObjectReader& o, const ScenarioConfig& c, NodeConfig& n)
{
    if (!o.Has("domain"))
    {
        return;
    }
    // Only the distributed LMAs keep their peers per domain so far; a replicated LM or a
    // central anchor would still serve every pool.
    if (c.recipe.homePrefixes != "anycast" || !c.recipe.Uses("ns3::DlmaAgent"))
    {
        JsonObjectReader::Fail(
            o.Path("domain"),
            fmt::format("only for profiles with ns3::DlmaAgent anchors (\"{}\")", c.profile));
    }
    if (n.role != "anchor" && n.role != "access")
    {
        JsonObjectReader::Fail(
            o.Path("domain"),
            fmt::format("only for roles access and anchor (node \"{}\" is {})", n.name, n.role));
    }
    n.domain = o.String("domain");
    if (!IsValidScenarioName(n.domain))
    {
        JsonObjectReader::Fail(o.Path("domain"),
                               fmt::format("invalid domain \"{}\" (use letters, digits, '_' "
                                           "and '-')",
                                           n.domain));
    }
}

void
CheckMobilityDomains(const JsonObjectReader& listed, const ScenarioConfig& c)
{
    std::set<std::string> anchored;
    for (const NodeConfig& n : c.nodes)
    {
        if (n.role == "anchor")
        {
            anchored.insert(n.domain);
        }
    }
    for (const NodeConfig& n : c.nodes)
    {
        if (n.role == "access" && !anchored.empty() && anchored.count(n.domain) == 0)
        {
            JsonObjectReader::Fail(listed.Path("nodes"),
                                   fmt::format("access node \"{}\": no anchor in its domain "
                                               "\"{}\"",
                                               n.name,
                                               n.domain));
        }
    }
}

std::string
ScenarioRun::DomainOf(const std::string& name) const
{
    const NodeConfig* n = m_cfg.FindNode(name);
    if (n != nullptr && n->role == "mn")
    {
        // A mobile node belongs to the domain it registers in (§4.1).
        auto attachments = m_cfg.AttachmentsOf(name);
        return attachments.empty() ? "" : DomainOf(attachments.front()->attach);
    }
    return n != nullptr ? n->domain : "";
}

std::vector<std::string>
ScenarioRun::AnchorsInDomainOf(const std::string& anchor) const
{
    std::vector<std::string> anchors;
    for (const auto& [pool, other] : m_anchorPools)
    {
        if (DomainOf(other) == DomainOf(anchor))
        {
            anchors.push_back(other);
        }
    }
    return anchors;
}

std::string
ScenarioRun::NearestOfRole(const std::string& from, const std::string& role, bool sameDomain) const
{
    // Breadth-first over the wired graph; ties go to the node listed first in the file.
    std::vector<int> hops(m_names.size(), -1);
    std::vector<size_t> queue{m_vertex.at(from)};
    hops[queue.front()] = 0;
    for (size_t i = 0; i < queue.size(); ++i)
    {
        for (const auto& [a, b] : m_edges)
        {
            size_t next = a == queue[i] ? b : (b == queue[i] ? a : queue[i]);
            if (hops[next] < 0)
            {
                hops[next] = hops[queue[i]] + 1;
                queue.push_back(next);
            }
        }
    }
    std::string best;
    for (const NodeConfig* n : m_cfg.NodesWithRole(role))
    {
        int h = hops[m_vertex.at(n->name)];
        bool inDomain = !sameDomain || DomainOf(n->name) == DomainOf(from);
        if (h >= 0 && inDomain && (best.empty() || h < hops[m_vertex.at(best)]))
        {
            best = n->name;
        }
    }
    return best;
}

std::string
ScenarioRun::AnchorAt(Ipv6Address address) const
{
    for (const auto& [pool, anchor] : m_anchorPools)
    {
        if (FirstGlobal(anchor) == address)
        {
            return anchor;
        }
    }
    NS_ABORT_MSG("no anchor at " << address);
    return "";
}

} // namespace ns3
