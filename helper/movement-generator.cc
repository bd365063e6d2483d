/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/movement-generator.h"

#include "ns3/json-object-reader.h"
#include "ns3/log.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MovementGenerator");

namespace
{

using Reader = JsonObjectReader;
using nlohmann::json;

/// More moves than this per mobile node is a typing slip (e.g. residence_s in ms).
constexpr double kMaxMoves = 1e6;

} // namespace

MovementParameters
MovementGenerator::Parse(const json& j, const std::string& path, const ScenarioConfig& c)
{
    Reader o(j, path, ScenarioKeys("movement"));
    MovementParameters p;
    p.type = o.String("type");
    if (p.type != "random-walk" && p.type != "corridor")
    {
        Reader::Fail(o.Path("type"),
                     fmt::format("unknown type \"{}\" (known: corridor, random-walk)", p.type));
    }
    p.crossProbability = o.Number("cross_probability", 0.0);
    if (!(p.crossProbability >= 0 && p.crossProbability <= 1))
    {
        Reader::Fail(o.Path("cross_probability"),
                     fmt::format("must be in [0, 1] (got {})", p.crossProbability));
    }
    if (p.crossProbability > 0 && p.type != "random-walk")
    {
        Reader::Fail(o.Path("cross_probability"), "applies to type \"random-walk\" only");
    }
    p.residenceS = o.Number("residence_s");
    Reader::CheckMin(o.Path("residence_s"), p.residenceS, 0, true);
    p.startS = o.Number("start_s", 0.0);
    Reader::CheckMin(o.Path("start_s"), p.startS, 0, false);
    if (!(p.startS < c.durationS))
    {
        Reader::Fail(o.Path("start_s"),
                     fmt::format("must be < duration_s {} (got {})", c.durationS, p.startS));
    }
    if ((c.durationS - p.startS) / p.residenceS > kMaxMoves)
    {
        Reader::Fail(o.Path("residence_s"),
                     fmt::format("too short: more than {} moves per mn", kMaxMoves));
    }
    std::vector<const NodeConfig*> mns = c.NodesWithRole("mn");
    if (mns.empty())
    {
        Reader::Fail(path, "the scenario has no node with role \"mn\"");
    }
    const json& list = o.Has("mns") ? o.Get("mns") : json("all");
    if (list.is_string() && list.get<std::string>() == "all")
    {
        for (const NodeConfig* mn : mns)
        {
            p.mns.push_back(mn->name);
        }
        return p;
    }
    if (!list.is_array())
    {
        Reader::Fail(o.Path("mns"),
                     fmt::format("expected \"all\" or an array of mn names (got {} {})",
                                 Reader::TypeName(list),
                                 Reader::Shown(list)));
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i)
    {
        std::string at = fmt::format("{}[{}]", o.Path("mns"), i);
        if (!list[i].is_string())
        {
            Reader::Fail(at, fmt::format("expected a string (got {})", Reader::TypeName(list[i])));
        }
        std::string name = list[i].get<std::string>();
        const NodeConfig* n = c.FindNode(name);
        if (n == nullptr || n->role != "mn")
        {
            Reader::Fail(at, fmt::format("\"{}\" is not a node with role mn", name));
        }
        if (!seen.insert(name).second)
        {
            Reader::Fail(at, fmt::format("duplicate mn \"{}\"", name));
        }
        p.mns.push_back(name);
    }
    return p;
}

std::map<std::string, std::vector<std::string>>
MovementGenerator::AccessAdjacency(const TopologyGraph& g)
{
    std::vector<std::size_t> access;
    for (std::size_t v = 0; v < g.GetNVertices(); ++v)
    {
        if (g.GetVertex(v).role == "access")
        {
            access.push_back(v);
        }
    }
    std::map<std::string, std::vector<std::string>> out;
    for (std::size_t a : access)
    {
        uint32_t nearest = TopologyGraph::UNREACHABLE;
        for (std::size_t b : access)
        {
            if (b != a)
            {
                nearest = std::min(nearest, g.Distance(a, b));
            }
        }
        auto& list = out[g.GetVertex(a).name];
        for (std::size_t b : access)
        {
            if (b != a && nearest != TopologyGraph::UNREACHABLE && g.Distance(a, b) == nearest)
            {
                list.push_back(g.GetVertex(b).name);
            }
        }
    }
    return out;
}

std::vector<std::string>
MovementGenerator::Farther(const std::vector<const NodeConfig*>& ars,
                           const std::string& from,
                           const std::vector<std::string>& neighbours)
{
    std::vector<std::string> out;
    for (const NodeConfig* ar : ars)
    {
        if (ar->name != from &&
            std::find(neighbours.begin(), neighbours.end(), ar->name) == neighbours.end())
        {
            out.push_back(ar->name);
        }
    }
    return out;
}

uint64_t
MovementGenerator::UniformIndex(std::mt19937_64& gen, uint64_t n)
{
    // Accept only the largest multiple of n values below 2^64, so that x % n is uniform.
    uint64_t excess = (UINT64_MAX % n + 1) % n; // 2^64 mod n
    uint64_t x = gen();
    while (x > UINT64_MAX - excess)
    {
        x = gen();
    }
    return x % n;
}

std::vector<AttachmentConfig>
MovementGenerator::Generate(const MovementParameters& p, const ScenarioConfig& c)
{
    std::vector<const NodeConfig*> ars = c.NodesWithRole("access");
    if (ars.size() < 2)
    {
        throw ScenarioError(
            fmt::format("movement: needs at least 2 access nodes (found {})", ars.size()));
    }
    std::map<std::string, std::vector<std::string>> adjacent =
        MovementGenerator::AccessAdjacency(TopologyGraph::FromConfig(c.nodes, c.links));
    std::set<std::string> moving(p.mns.begin(), p.mns.end());
    std::vector<AttachmentConfig> out;
    std::vector<const NodeConfig*> mns = c.NodesWithRole("mn");
    std::size_t movesEach = 0; // the same for every node that moves
    while (p.startS + static_cast<double>(movesEach + 1) * p.residenceS < c.durationS)
    {
        ++movesEach;
    }
    out.reserve(mns.size() + moving.size() * movesEach);
    for (std::size_t i = 0; i < mns.size(); ++i)
    {
        const std::string& mn = mns[i]->name;
        std::size_t pos = i % ars.size();
        out.push_back({mn, p.startS, ars[pos]->name});
        if (moving.count(mn) == 0)
        {
            continue;
        }
        std::seed_seq seq{c.seed, static_cast<uint32_t>(i + 1)};
        std::mt19937_64 gen(seq);
        int step = 1;
        for (uint64_t k = 1;; ++k)
        {
            // Multiplying, not summing, keeps the times free of accumulated rounding.
            double at = p.startS + static_cast<double>(k) * p.residenceS;
            if (!(at < c.durationS))
            {
                break;
            }
            std::string next;
            if (p.type == "corridor")
            {
                if ((step > 0 && pos + 1 == ars.size()) || (step < 0 && pos == 0))
                {
                    step = -step; // turn back at either end of the line
                }
                pos = step > 0 ? pos + 1 : pos - 1;
                next = ars[pos]->name;
            }
            else
            {
                const std::vector<std::string>* choicesPtr = &adjacent.at(out.back().attach);
                std::vector<std::string> farther;
                // The extra draw only when asked for, so walks without it never change.
                if (p.crossProbability > 0 &&
                    static_cast<double>(gen() >> 11) * 0x1.0p-53 < p.crossProbability)
                {
                    farther = Farther(ars, out.back().attach, *choicesPtr);
                    choicesPtr = farther.empty() ? choicesPtr : &farther;
                }
                const auto& choices = *choicesPtr;
                if (choices.empty())
                {
                    throw ScenarioError(fmt::format("movement: access node \"{}\" has no "
                                                    "neighbouring access node",
                                                    out.back().attach));
                }
                next = choices[UniformIndex(gen, choices.size())];
            }
            out.push_back({mn, at, next});
        }
    }
    return out;
}

} // namespace ns3
