/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP's correspondent that no eLMA manages (seed 001 §5.1) under the Hop-by-Hop method
// (§4.4.2): scenarios/epmip-mn-to-mn.json with cn two routers from eMAG1 (behind "edge",
// outside every eLMA's prefixes) and mn1 sending to it. The PBQR goes towards cn's address,
// nobody terminates or answers it, it is re-sent after QueryTimeout and the flow stays on
// the PMIP path through the eLMA; under the prefix map no query is sent at all.
#include "closed-form.h"
#include "ladder.h"
#include "test-paths.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

struct CnRun
{
    ScenarioConfig cfg;
    RunResults r;
};

/// The scenario with cn behind core-edge and the one flow mn1 -> cn, under \p method.
CnRun
RunWithFixedCn(const std::string& method)
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-mn-to-mn.json");
    json j = json::parse(in);
    AddNode(j, "edge", "router");
    AddNode(j, "cn", "cn");
    AddLink(j, "core", "edge", 1.0);
    AddLink(j, "edge", "cn", 1.0);
    j["flows"] = json::array({{{"name", "to-cn"},
                               {"type", "udp"},
                               {"from", "mn1"},
                               {"to", "cn"},
                               {"start_s", 2.0},
                               {"stop_s", 5.0},
                               {"interval_ms", 10.0},
                               {"size_bytes", 200}}});
    j["protocol"]["elma_discovery"] = method;
    CnRun run;
    run.cfg = ParseScenario(j);
    run.r = Simulate(run.cfg);
    return run;
}

} // namespace

TEST(EpmipUnregisteredCn, HopByHopQueryTimesOutIsRetriedThenPmipRouting)
{
    CnRun run = RunWithFixedCn("hop-by-hop");
    const RunResults& r = run.r;
    // §5.1: "no response is expected"; one retry (QueryRetries 1) after QueryTimeout (1 s).
    EXPECT_EQ(Ladder(r, 1.5, 6.0), (std::vector<std::string>{"emag1:PBQR>?", "emag1:PBQR>?"}));
    auto pbqrs = Messages(r, "emag1", "PBQR", 1.5, 6.0);
    ASSERT_EQ(pbqrs.size(), 2u);
    EXPECT_NEAR(pbqrs[1].timeS - pbqrs[0].timeS, 1.0, 1e-9);
    // Sent towards cn itself (emag1-core-edge-cn), past the eLMA it does not belong to.
    EXPECT_EQ(pbqrs[0].hops, Path(run.cfg, "emag1", "cn").size());
    EXPECT_EQ(pbqrs[0].dst, pbqrs[1].dst);
    // The first packet reached eMAG1 at 2.01 s plus the access link: it asked then.
    double firstAtEmagS = 2.0 + 0.010 + AccessMs(run.cfg, "emag1", 200 + 48) / 1e3;
    EXPECT_NEAR(pbqrs[0].timeS, firstAtEmagS, 1e-9);
    EXPECT_EQ(r.epmip.at("queries"), 2u);
    EXPECT_EQ(r.epmip.at("query_retries"), 1u);
    EXPECT_EQ(r.epmip.at("query_timeouts"), 1u);
    EXPECT_EQ(r.epmip.at("unlocated"), 1u);
    EXPECT_EQ(r.epmip.at("located"), 0u);
    EXPECT_EQ(r.epmip.at("optimized"), 0u);
    // "PMIP specified routing mechanism shall be applied": every packet through the eLMA.
    const FlowRecord& f = FlowNamed(r, "to-cn");
    EXPECT_EQ(r.epmip.at("detoured"), f.sent);
    EXPECT_EQ(f.lost, 0u);
    EXPECT_TRUE(std::isnan(f.optimizedAfterMs));
    size_t viaElma = 1 + Path(run.cfg, "emag1", "elma").size() + Path(run.cfg, "elma", "cn").size();
    EXPECT_EQ(f.minLinks, viaElma);
    EXPECT_EQ(f.maxLinks, viaElma);
}

TEST(EpmipUnregisteredCn, PrefixMapSendsNoQueryForIt)
{
    // §5.1 with §4.4.1: the map names no eLMA for cn, so eMAG1 knows at once and asks nobody.
    CnRun run = RunWithFixedCn("prefix-map");
    EXPECT_TRUE(Ladder(run.r, 1.5, 6.0).empty());
    EXPECT_EQ(run.r.epmip.at("queries"), 0u);
    // Not a DRF decision at all (no detour counted), the same PMIP path for the data.
    EXPECT_EQ(run.r.epmip.at("detoured"), 0u);
    const FlowRecord& f = FlowNamed(run.r, "to-cn");
    EXPECT_EQ(f.lost, 0u);
    EXPECT_EQ(f.maxLinks,
              1 + Path(run.cfg, "emag1", "elma").size() + Path(run.cfg, "elma", "cn").size());
}
