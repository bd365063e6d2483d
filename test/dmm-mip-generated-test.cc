/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The topology generator's Fig 1 of seed 002 (type "dmm-mip"): local networks with their
// own number of mobility routers, the HAA on the LM's node or on its own; the generated
// scenario scenarios/generated-dmm-mip-fig1.json runs under dmm-mip.
#include "closed-form.h"
#include "ladder.h"
#include "test-paths.h"

#include "ns3/topology-generator.h"

#include <gtest/gtest.h>
#include <set>

using namespace dmmtest;
using nlohmann::json;

namespace
{

GeneratedTopology
Fig1(const std::string& extra = "")
{
    std::string text = R"({"type": "dmm-mip", "networks": 3, "ars_per_network": 2,
                          "mrs": [2, 1, 2], "separate_haa": [3], "cns": 1)" +
                       extra + "}";
    return TopologyGenerator::Generate(TopologyGenerator::Parse(json::parse(text), "topology"));
}

std::string
ParseError(const std::string& text)
{
    try
    {
        TopologyGenerator::Parse(json::parse(text), "topology");
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return "<no error>";
}

} // namespace

TEST(DmmMipGenerator, MakesFig1)
{
    GeneratedTopology t = Fig1();
    std::map<std::string, const NodeConfig*> byName;
    for (const auto& n : t.nodes)
    {
        byName[n.name] = &n;
    }
    // §3.2 Fig 1: two MRs in networks 1 and 3, one in network 2.
    for (const std::string mr : {"n1-mr1", "n1-mr2", "n2-mr1", "n3-mr1", "n3-mr2"})
    {
        ASSERT_TRUE(byName.count(mr)) << mr;
        EXPECT_EQ(byName[mr]->role, "access");
    }
    EXPECT_FALSE(byName.count("n2-mr2"));
    // LM and HAA co-located in networks 1 and 2, separate in network 3.
    EXPECT_FALSE(byName.count("n1-haa"));
    EXPECT_FALSE(byName.count("n2-haa"));
    ASSERT_TRUE(byName.count("n3-haa"));
    EXPECT_EQ(byName["n3-haa"]->role, "router");
    EXPECT_EQ(byName["n3-haa"]->haaFor, "n3-lm");
    EXPECT_EQ(byName["n3-haa"]->network, 3u);
    std::set<std::pair<std::string, std::string>> links;
    for (const auto& l : t.links)
    {
        links.insert({l.a, l.b});
    }
    EXPECT_TRUE(links.count({"n3-gw", "n3-haa"}));
}

TEST(DmmMipGenerator, GivesTheCorrespondentsRouterItsMrRole)
{
    // Seed 002 §5, Fig 6: the router converging the fixed correspondents.
    for (const std::string role : {"convergence", "anycast"})
    {
        for (const std::string placement : {"per-network", "core"})
        {
            GeneratedTopology t =
                Fig1(R"(, "cn_placement": ")" + placement + R"(", "cn_mr_role": ")" + role + "\"");
            std::string router = placement == "core" ? "core" : "n1-gw";
            for (const auto& n : t.nodes)
            {
                EXPECT_EQ(n.mrRole, n.name == router ? role : "") << n.name << " " << placement;
            }
        }
    }
    for (const auto& n : Fig1().nodes)
    {
        EXPECT_EQ(n.mrRole, "") << n.name;
    }
    EXPECT_NE(ParseError(R"({"type": "dmm-mip", "networks": 1, "ars_per_network": 1,
                             "cn_mr_role": "server"})")
                  .find("topology.cn_mr_role: unknown role"),
              std::string::npos);
    EXPECT_NE(ParseError(R"({"type": "dmm-mip", "networks": 1, "ars_per_network": 1,
                             "cn_placement": "near-mn", "cn_mr_role": "anycast"})")
                  .find("needs cn_placement core or per-network"),
              std::string::npos);
}

TEST(DmmMipGenerator, RefusesBadCounts)
{
    EXPECT_NE(ParseError(R"({"type": "dmm-mip", "networks": 3, "ars_per_network": 1,
                             "mrs": [2, 1]})")
                  .find("topology.mrs: needs one count per network (3)"),
              std::string::npos);
    EXPECT_NE(ParseError(R"({"type": "dmm-mip", "networks": 2, "ars_per_network": 1,
                             "separate_haa": [3]})")
                  .find("topology.separate_haa[0]"),
              std::string::npos);
    EXPECT_NE(ParseError(R"({"type": "fully-distributed", "networks": 2, "ars_per_network": 1,
                             "separate_haa": [1]})")
                  .find("not allowed with type"),
              std::string::npos);
}

TEST(DmmMipGenerator, GeneratedFig1RunsUnderDmmMip)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/generated-dmm-mip-fig1.json",
                     {},
                     {},
                     {});
    RunResults r = Simulate(cfg);
    // The first attachments: mn1 in network 1 asks n1-lm's HAA, mn2 in network 3 asks the
    // separate n3-haa; no LM update (§4.1).
    EXPECT_EQ(Ladder(r, 0.9, 1.4),
              (std::vector<std::string>{"n1-mr1:HoaRequest>n1-lm", "n1-lm:HoaReply>n1-mr1"}));
    EXPECT_EQ(Ladder(r, 1.4, 2.0),
              (std::vector<std::string>{"n3-mr1:HoaRequest>n3-haa", "n3-haa:HoaReply>n3-mr1"}));
    // The HAA-MR exchange crosses n3-mr1 - n3-gw - n3-haa.
    const SignalingRecord& request = Message(r, "n3-mr1", "HoaRequest", 1.4);
    double wire = WiredMs(Path(cfg, "n3-mr1", "n3-haa"), request.bytes) + cfg.anchorProcessingMs;
    EXPECT_NEAR((Message(r, "n3-haa", "HoaReply", 1.4).timeS - request.timeS) * 1e3,
                wire,
                wire * 0.01);
    const FlowRecord& flow = FlowNamed(r, "d1");
    EXPECT_GT(flow.received, 0u);
    EXPECT_LE(flow.sent - flow.received, 1u); // the packet on the access link at 6 s
}

TEST(DmmMipGenerator, TheGeneratedConvergenceRouterAsksTheLm)
{
    // cn1 hangs off core (cn_placement core; a generated network's gw with correspondents
    // is a mobility router already): with cn_mr_role convergence core is cn1's mobility
    // router and asks the LM on d1's first packet (Fig 3); without, nothing on the path
    // asks before the anchoring router.
    for (bool convergence : {true, false})
    {
        std::vector<std::string> set{"topology.cn_placement=core"};
        if (convergence)
        {
            set.push_back("topology.cn_mr_role=convergence");
        }
        RunResults r = Simulate(
            LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/generated-dmm-mip-fig1.json",
                         set,
                         {},
                         {}));
        EXPECT_EQ(Messages(r, "core", "LocationQuery", 2.9, 3.5).size(), convergence ? 1u : 0u);
        EXPECT_GT(FlowNamed(r, "d1").received, 0u);
    }
}
