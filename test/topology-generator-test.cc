/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Generated scenarios: each topology type's nodes and links for small parameters, the
// placement of correspondents, error messages naming the JSON path, a custom topology,
// and generated movement (determinism per seed, moves only between adjacent access nodes,
// the corridor sweep).
#include "ns3/movement-generator.h"
#include "ns3/scenario-config.h"
#include "ns3/topology-generator.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>

using namespace ns3;
using nlohmann::json;

namespace
{

json
Base()
{
    return json::parse(R"({
      "name": "g", "profile": "pmipv6", "seed": 3, "duration_s": 60,
      "l2": {"type": "switch"},
      "access": {"delay_ms": 1, "rate_mbps": 100},
      "topology": {"type": "hierarchical", "networks": 1, "ars_per_network": 3,
                   "hops_to_anchor": 1},
      "movement": {"type": "random-walk", "residence_s": 2, "start_s": 1}
    })");
}

std::string
ErrorOf(const json& j)
{
    try
    {
        ParseScenario(j);
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return "<no error>";
}

#define EXPECT_ERROR(j, text)                                                                      \
    do                                                                                             \
    {                                                                                              \
        std::string msg_ = ErrorOf(j);                                                             \
        EXPECT_NE(msg_.find(text), std::string::npos) << "message: " << msg_;                      \
    } while (false)

GeneratedTopology
Generate(const std::string& text)
{
    return TopologyGenerator::Generate(TopologyGenerator::Parse(json::parse(text), "topology"));
}

std::vector<std::string>
Names(const GeneratedTopology& t)
{
    std::vector<std::string> out;
    for (const auto& n : t.nodes)
    {
        out.push_back(n.name + ":" + n.role);
    }
    return out;
}

std::vector<std::string>
Links(const GeneratedTopology& t)
{
    std::vector<std::string> out;
    for (const auto& l : t.links)
    {
        out.push_back(l.a + "-" + l.b);
    }
    return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST(TopologyGenerator, Hierarchical)
{
    auto t = Generate(R"({"type": "hierarchical", "networks": 2, "ars_per_network": 2,
                          "hops_to_anchor": 1, "mns": 2,
                          "delay_ms": {"core": 7, "aggregation": 3, "access": 0.5},
                          "rate_mbps": {"access": 100}})");
    EXPECT_EQ(Names(t),
              (Strings{"core:router",
                       "n1-anchor:anchor",
                       "n1-r1:aggregation",
                       "n1-ar1:access",
                       "n1-ar2:access",
                       "n2-anchor:anchor",
                       "n2-r1:aggregation",
                       "n2-ar1:access",
                       "n2-ar2:access",
                       "cn1:cn",
                       "mn1:mn",
                       "mn2:mn"}));
    EXPECT_EQ(Links(t),
              (Strings{"core-n1-anchor",
                       "n1-anchor-n1-r1",
                       "n1-r1-n1-ar1",
                       "n1-r1-n1-ar2",
                       "core-n2-anchor",
                       "n2-anchor-n2-r1",
                       "n2-r1-n2-ar1",
                       "n2-r1-n2-ar2",
                       "core-cn1"}));
    EXPECT_DOUBLE_EQ(t.links[0].delayMs, 7.0);
    EXPECT_DOUBLE_EQ(t.links[1].delayMs, 3.0);
    EXPECT_DOUBLE_EQ(t.links[2].delayMs, 0.5);
    EXPECT_DOUBLE_EQ(t.links[2].rateMbps, 100.0);
    EXPECT_DOUBLE_EQ(t.links[0].rateMbps, 1000.0); // default
    EXPECT_EQ(t.nodes[7].network, 2U);
    EXPECT_EQ(t.nodes[7].tier, "access");
    EXPECT_EQ(t.nodes[1].tier, "aggregation");
}

TEST(TopologyGenerator, HierarchicalWithoutExtraHops)
{
    auto t = Generate(R"({"type": "hierarchical", "networks": 1, "ars_per_network": 2})");
    EXPECT_EQ(Links(t),
              (Strings{"core-n1-anchor", "n1-anchor-n1-ar1", "n1-anchor-n1-ar2", "core-cn1"}));
}

TEST(TopologyGenerator, FlatRingAndFullMesh)
{
    auto ring = Generate(R"({"type": "flat", "networks": 4, "ars_per_network": 1, "cns": 0})");
    EXPECT_EQ(Names(ring),
              (Strings{"core:router",
                       "n1-ar1:access",
                       "n2-ar1:access",
                       "n3-ar1:access",
                       "n4-ar1:access",
                       "mn1:mn"}));
    EXPECT_EQ(Links(ring),
              (Strings{"core-n1-ar1",
                       "core-n2-ar1",
                       "core-n3-ar1",
                       "core-n4-ar1",
                       "n1-ar1-n2-ar1",
                       "n2-ar1-n3-ar1",
                       "n3-ar1-n4-ar1",
                       "n4-ar1-n1-ar1"}));
    auto full = Generate(R"({"type": "flat", "networks": 2, "ars_per_network": 2,
                             "mesh": "full", "mns": 0})");
    EXPECT_EQ(full.nodes.size(), 6U); // core, 4 ARs, cn1
    EXPECT_EQ(full.links.size(), 4U + 6U + 1U);
    auto two = Generate(R"({"type": "flat", "networks": 2, "ars_per_network": 1})");
    EXPECT_EQ(two.links.size(), 2U + 1U + 1U); // a ring of two is one link
}

TEST(TopologyGenerator, MigratingHa)
{
    auto t = Generate(R"({"type": "migrating-ha", "networks": 3, "ars_per_network": 1})");
    EXPECT_EQ(Links(t),
              (Strings{"core-n1-anchor",
                       "n1-anchor-n1-ar1",
                       "core-n2-anchor",
                       "n2-anchor-n2-ar1",
                       "core-n3-anchor",
                       "n3-anchor-n3-ar1",
                       "n1-anchor-n2-anchor",
                       "n1-anchor-n3-anchor",
                       "n2-anchor-n3-anchor",
                       "core-cn1"}));
    EXPECT_EQ(t.nodes[1].tier, "core");
    auto ring = Generate(R"({"type": "migrating-ha", "networks": 4, "ars_per_network": 1,
                             "mesh": "ring", "hops_to_anchor": 2})");
    EXPECT_EQ(ring.nodes.size(), 1U + 4U * 4U + 2U);
    EXPECT_EQ(ring.links.size(), 4U * 4U + 4U + 1U);
}

TEST(TopologyGenerator, FullyDistributed)
{
    auto t = Generate(R"({"type": "fully-distributed", "networks": 2, "ars_per_network": 2,
                          "cns": 2, "cn_placement": "per-network"})");
    EXPECT_EQ(Names(t),
              (Strings{"core:router",
                       "n1-gw:router",
                       "n1-lm:anchor",
                       "n1-mr1:access",
                       "n1-mr2:access",
                       "n2-gw:router",
                       "n2-lm:anchor",
                       "n2-mr1:access",
                       "n2-mr2:access",
                       "cn1:cn",
                       "cn2:cn",
                       "mn1:mn"}));
    EXPECT_EQ(Links(t),
              (Strings{"core-n1-gw",
                       "n1-gw-n1-lm",
                       "n1-gw-n1-mr1",
                       "n1-gw-n1-mr2",
                       "core-n2-gw",
                       "n2-gw-n2-lm",
                       "n2-gw-n2-mr1",
                       "n2-gw-n2-mr2",
                       "n1-gw-cn1",
                       "n2-gw-cn2"}));
}

TEST(TopologyGenerator, CnPlacement)
{
    auto per = Generate(R"({"type": "hierarchical", "networks": 2, "ars_per_network": 1,
                            "cns": 3, "cn_placement": "per-network"})");
    Strings perLinks = Links(per);
    EXPECT_EQ(Strings(perLinks.end() - 3, perLinks.end()),
              (Strings{"n1-anchor-cn1", "n2-anchor-cn2", "n1-anchor-cn3"}));
    EXPECT_EQ(per.nodes[per.nodes.size() - 2].network, 1U); // cn3
    auto near = Generate(R"({"type": "hierarchical", "networks": 1, "ars_per_network": 2,
                             "cns": 3, "cn_placement": "near-mn",
                             "delay_ms": {"access": 4}})");
    Strings nearLinks = Links(near);
    EXPECT_EQ(Strings(nearLinks.end() - 3, nearLinks.end()),
              (Strings{"n1-ar1-cn1", "n1-ar2-cn2", "n1-ar1-cn3"}));
    EXPECT_DOUBLE_EQ(near.links.back().delayMs, 4.0);
}

TEST(TopologyGenerator, ScenarioWithTopology)
{
    ScenarioConfig c = ParseScenario(Base());
    EXPECT_EQ(c.nodes.size(), 8U); // core, anchor, r1, 3 ARs, cn1, mn1
    EXPECT_EQ(c.links.size(), 6U);
    EXPECT_EQ(c.FindNode("n1-anchor")->role, "anchor");
    EXPECT_EQ(c.NodesWithRole("mn").size(), 1U);
    EXPECT_FALSE(c.mobility.empty());
}

TEST(TopologyGenerator, CustomTopologyIsTheListedFormat)
{
    json j = Base();
    j["topology"] = json::parse(R"({"type": "custom",
        "nodes": [{"name": "lma", "role": "anchor"}, {"name": "a1", "role": "access"},
                  {"name": "a2", "role": "access"}, {"name": "mn", "role": "mn"}],
        "links": [{"a": "lma", "b": "a1", "delay_ms": 1, "rate_mbps": 10},
                  {"a": "lma", "b": "a2", "delay_ms": 1, "rate_mbps": 10}]})");
    ScenarioConfig c = ParseScenario(j);
    EXPECT_EQ(c.nodes.size(), 4U);
    EXPECT_EQ(c.links.size(), 2U);
    j["topology"]["nodes"][1]["role"] = "bogus";
    EXPECT_ERROR(j, "topology.nodes[1].role: unknown role \"bogus\"");
    j["topology"]["nodes"][1]["role"] = "access";
    j["topology"]["links"].erase(1);
    EXPECT_ERROR(j, "topology.links: node \"a2\" (access) is not connected to \"lma\"");
    j["topology"].erase("nodes");
    EXPECT_ERROR(j, "topology.nodes: required key missing");
    j["topology"]["networks"] = 2;
    EXPECT_ERROR(j, "topology.networks: unknown key");
}

TEST(TopologyGenerator, Errors)
{
    auto with = [](const char* key, const json& v) {
        json j = Base();
        j["topology"][key] = v;
        return j;
    };
    EXPECT_ERROR(with("networks", 0), "topology.networks: must be >= 1 (got 0)");
    EXPECT_ERROR(with("ars_per_network", 0), "topology.ars_per_network: must be >= 1 (got 0)");
    EXPECT_ERROR(with("networks", 1001), "topology.networks: must be <= 1000");
    EXPECT_ERROR(with("networks", 1000), "topology: too large: up to 6002 wired nodes");
    EXPECT_ERROR(with("networks", "2"), "topology.networks: expected a non-negative integer");
    EXPECT_ERROR(with("type", "star"), "topology.type: unknown type \"star\" (known: custom, flat");
    EXPECT_ERROR(with("mesh", "ring"), "topology.mesh: not allowed with type \"hierarchical\"");
    EXPECT_ERROR(with("cn_placement", "moon"), "topology.cn_placement: unknown placement \"moon\"");
    EXPECT_ERROR(with("delay_ms", json::parse(R"({"core": -1})")),
                 "topology.delay_ms.core: must be >= 0 (got -1)");
    EXPECT_ERROR(with("rate_mbps", json::parse(R"({"access": 0})")),
                 "topology.rate_mbps.access: must be > 0 (got 0)");
    EXPECT_ERROR(with("delay_ms", json::parse(R"({"edge": 1})")),
                 "topology.delay_ms.edge: unknown key");
    EXPECT_ERROR(with("bogus", 1), "topology.bogus: unknown key");
    json flat = Base();
    flat["topology"] = json::parse(R"({"type": "flat", "networks": 2, "ars_per_network": 1,
                                       "hops_to_anchor": 1})");
    EXPECT_ERROR(flat, "topology.hops_to_anchor: not allowed with type \"flat\"");
    flat["topology"].erase("hops_to_anchor");
    flat["topology"]["mesh"] = "star";
    EXPECT_ERROR(flat, "topology.mesh: unknown mesh \"star\" (known: full, ring)");
    json missing = Base();
    missing["topology"].erase("networks");
    EXPECT_ERROR(missing, "topology.networks: required key missing");
    json both = Base();
    both["nodes"] = json::array();
    EXPECT_ERROR(both, "topology: not allowed together with \"nodes\"");
    json neither = Base();
    neither.erase("topology");
    EXPECT_ERROR(neither, "nodes: required key missing");
}

TEST(MovementGenerator, Errors)
{
    auto with = [](const char* key, const json& v) {
        json j = Base();
        j["movement"][key] = v;
        return j;
    };
    EXPECT_ERROR(with("type", "teleport"), "movement.type: unknown type \"teleport\"");
    EXPECT_ERROR(with("residence_s", 0), "movement.residence_s: must be > 0 (got 0)");
    EXPECT_ERROR(with("residence_s", 1e-6), "movement.residence_s: too short");
    EXPECT_ERROR(with("start_s", 60), "movement.start_s: must be < duration_s 60 (got 60)");
    EXPECT_ERROR(with("mns", "some"), "movement.mns: expected \"all\" or an array");
    EXPECT_ERROR(with("mns", json::parse(R"(["cn1"])")),
                 "movement.mns[0]: \"cn1\" is not a node with role mn");
    EXPECT_ERROR(with("mns", json::parse(R"(["mn1", "mn1"])")),
                 "movement.mns[1]: duplicate mn \"mn1\"");
    EXPECT_ERROR(with("speed", 1), "movement.speed: unknown key");
    EXPECT_ERROR(with("cross_probability", 1.5), "movement.cross_probability: must be in [0, 1]");
    json corridor = with("cross_probability", 0.5);
    corridor["movement"]["type"] = "corridor";
    EXPECT_ERROR(corridor, "movement.cross_probability: applies to type \"random-walk\" only");
    json both = Base();
    both["mobility"] = json::array();
    EXPECT_ERROR(both, "movement: not allowed together with \"mobility\"");
    json one = Base();
    one["topology"]["ars_per_network"] = 1;
    EXPECT_ERROR(one, "movement: needs at least 2 access nodes (found 1)");
    json none = Base();
    none["topology"]["mns"] = 0;
    EXPECT_ERROR(none, "movement: the scenario has no node with role \"mn\"");
}

TEST(MovementGenerator, RandomWalkIsDeterministicPerSeed)
{
    json j = Base();
    j["topology"]["mns"] = 2;
    j["topology"]["ars_per_network"] = 6;
    ScenarioConfig a = ParseScenario(j);
    ScenarioConfig b = ParseScenario(j);
    j["seed"] = 4;
    ScenarioConfig other = ParseScenario(j);
    auto text = [](const ScenarioConfig& c) {
        std::string s;
        for (const auto& m : c.mobility)
        {
            s += m.mn.str() + "@" + std::to_string(m.atS) + ">" + m.attach.str() + " ";
        }
        return s;
    };
    EXPECT_EQ(text(a), text(b));
    EXPECT_NE(text(a), text(other));
    // 60 s from 1 s every 2 s: the first attachment and 29 moves per mn.
    EXPECT_EQ(a.AttachmentsOf("mn1").size(), 30U);
    EXPECT_EQ(a.AttachmentsOf("mn1").front()->attach, "n1-ar1");
    EXPECT_EQ(a.AttachmentsOf("mn2").front()->attach, "n1-ar2");
    EXPECT_DOUBLE_EQ(a.AttachmentsOf("mn1").back()->atS, 59.0);
}

TEST(MovementGenerator, RandomWalkMovesToAdjacentAccessNodes)
{
    json j = Base();
    j["topology"] = json::parse(R"({"type": "flat", "networks": 6, "ars_per_network": 1,
                                    "mns": 3})");
    j["profile"] = "none";
    ScenarioConfig c = ParseScenario(j);
    auto adjacency =
        MovementGenerator::AccessAdjacency(TopologyGraph::FromConfig(c.nodes, c.links));
    // A ring of six: the neighbours of n1-ar1 are n2-ar1 and n6-ar1, not the rest (which
    // share only the core).
    EXPECT_EQ(adjacency.at("n1-ar1"), (Strings{"n2-ar1", "n6-ar1"}));
    std::set<std::string> visited;
    for (const auto* mn : c.NodesWithRole("mn"))
    {
        auto list = c.AttachmentsOf(mn->name);
        for (std::size_t i = 1; i < list.size(); ++i)
        {
            const auto& from = adjacency.at(list[i - 1]->attach);
            EXPECT_NE(std::find(from.begin(), from.end(), list[i]->attach), from.end())
                << mn->name << " moves " << list[i - 1]->attach << " -> " << list[i]->attach;
            visited.insert(list[i]->attach);
        }
    }
    EXPECT_GT(visited.size(), 3U);
}

TEST(MovementGenerator, AdjacencyIsSiblingsInHierarchies)
{
    auto t = Generate(R"({"type": "hierarchical", "networks": 2, "ars_per_network": 2,
                          "hops_to_anchor": 1})");
    auto adjacency =
        MovementGenerator::AccessAdjacency(TopologyGraph::FromConfig(t.nodes, t.links));
    EXPECT_EQ(adjacency.at("n1-ar1"), (Strings{"n1-ar2"}));
    EXPECT_EQ(adjacency.at("n2-ar2"), (Strings{"n2-ar1"}));
}

TEST(MovementGenerator, CrossProbabilityTakesWalksIntoOtherNetworks)
{
    auto networkChanges = [](double q) {
        json j = Base();
        j["topology"] = json::parse(R"({"type": "fully-distributed", "networks": 3,
                                        "ars_per_network": 2, "mns": 4})");
        j["movement"]["cross_probability"] = q;
        ScenarioConfig c = ParseScenario(j);
        size_t crossings = 0;
        size_t moves = 0;
        for (const auto* mn : c.NodesWithRole("mn"))
        {
            auto list = c.AttachmentsOf(mn->name);
            for (std::size_t i = 1; i < list.size(); ++i)
            {
                // Generated names: nK-mrJ, network K.
                crossings +=
                    list[i]->attach.str().substr(0, 2) != list[i - 1]->attach.str().substr(0, 2);
                moves++;
            }
        }
        return std::make_pair(crossings, moves);
    };
    auto [never, moves] = networkChanges(0);
    EXPECT_EQ(never, 0u);
    auto [always, moves1] = networkChanges(1);
    EXPECT_EQ(always, moves1);
    auto [some, moves2] = networkChanges(0.3);
    // 116 moves at q = 0.3: about 35 crossings, certainly between 10 and 70.
    EXPECT_GT(some, 10u);
    EXPECT_LT(some, 70u);
    // q = 0 draws nothing extra: the walks are those of a scenario without the key.
    json j = Base();
    ScenarioConfig plain = ParseScenario(j);
    j["movement"]["cross_probability"] = 0;
    ScenarioConfig zero = ParseScenario(j);
    ASSERT_EQ(plain.mobility.size(), zero.mobility.size());
    for (size_t i = 0; i < plain.mobility.size(); ++i)
    {
        EXPECT_EQ(plain.mobility[i].attach, zero.mobility[i].attach);
    }
}

TEST(MovementGenerator, CorridorSweepsBackAndForth)
{
    json j = Base();
    j["topology"]["mns"] = 2;
    j["movement"] = json::parse(R"({"type": "corridor", "residence_s": 10, "start_s": 2,
                                    "mns": ["mn1"]})");
    ScenarioConfig c = ParseScenario(j);
    Strings path;
    for (const auto* a : c.AttachmentsOf("mn1"))
    {
        path.push_back(a->attach);
    }
    EXPECT_EQ(path, (Strings{"n1-ar1", "n1-ar2", "n1-ar3", "n1-ar2", "n1-ar1", "n1-ar2"}));
    EXPECT_DOUBLE_EQ(c.AttachmentsOf("mn1")[5]->atS, 52.0);
    // Not listed: stays where it starts.
    ASSERT_EQ(c.AttachmentsOf("mn2").size(), 1U);
    EXPECT_EQ(c.AttachmentsOf("mn2")[0]->attach, "n1-ar2");
    EXPECT_DOUBLE_EQ(c.AttachmentsOf("mn2")[0]->atS, 2.0);
}

TEST(MovementGenerator, UniformIndex)
{
    std::mt19937_64 a(7);
    std::mt19937_64 b(7);
    std::vector<int> count(5, 0);
    for (int i = 0; i < 5000; ++i)
    {
        uint64_t x = MovementGenerator::UniformIndex(a, 5);
        ASSERT_LT(x, 5U);
        EXPECT_EQ(x, MovementGenerator::UniformIndex(b, 5));
        ++count[x];
    }
    for (int n : count)
    {
        EXPECT_GT(n, 800); // 1000 expected each
    }
    EXPECT_EQ(MovementGenerator::UniformIndex(a, 1), 0U);
    // The standard fixes mt19937_64's output ([rand.predef]: the 10000th value of a
    // default-constructed engine is 9981545732273789042), so the draws are the same
    // everywhere.
    std::mt19937_64 fixed;
    fixed.discard(9999);
    EXPECT_EQ(MovementGenerator::UniformIndex(fixed, 1000), 42U);
}
