/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP with a fixed correspondent (seed 001 §5.2, Figs 7-8) on scenarios/epmip-fixed-cn.json:
// cn sits behind an AR+DRF, an LMF for fixed nodes answers for it with the AR's address,
// cn2 sits behind a plain router (§5.1: no LMF knows it). mn1 moves eMAG1 -> eMAG2 at 4 s.
// The ladders, the eMAG-AR tunnel in the captures, the AR re-targeted by the p-eMAG's PBCI,
// and §5.1's time-outs and PMIP routing.
#include "epmip-fixture.h"
#include "ladder.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include "ns3/boolean.h"
#include "ns3/config.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace dmmtest;
using namespace ns3;

namespace
{

constexpr double MOVE_S = 4.0; // mn1's detach from eMAG1

ScenarioConfig
Load()
{
    return LoadShipped("epmip-fixed-cn.json");
}

} // namespace

TEST(EpmipFixedCn, ScenarioMarksTheArAndTheFixedNodeLmf)
{
    ScenarioConfig cfg = Load();
    EXPECT_EQ(cfg.FindNode("ar")->epmipRole, "ar");
    EXPECT_EQ(cfg.FindNode("flmf")->epmipRole, "fixed_lmf");
    EXPECT_EQ(cfg.FindNode("core")->epmipRole, "");
}

TEST(EpmipFixedCn, LadderQueriesFixedNodeLmfThenTheArQueriesTheElma)
{
    RunResults r = Simulate(Load());
    // §5.2: eMAG1 asks the LMF for fixed nodes (configured prefix map), which names the AR;
    // the AR+DRF asks the eLMA for mn1 on cn's first packet. cn2 is queried by nobody.
    EXPECT_EQ(Ladder(r, 1.5, MOVE_S),
              (std::vector<std::string>{"emag1:PBQR>flmf",
                                        "flmf:PBQA>emag1",
                                        "ar:PBQR>elma",
                                        "elma:PBQA>ar"}));
    for (const std::string flow : {"to-cn", "from-cn"})
    {
        const FlowRecord& f = FlowNamed(r, flow);
        EXPECT_FALSE(std::isnan(f.optimizedAfterMs)) << flow;
        EXPECT_LE(f.detouredPackets, 3u) << flow; // only the packets sent while querying
        EXPECT_EQ(f.lastLinks, 4u) << flow;       // mn1, eMAG2, core, AR, cn
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks) << flow;
    }
    // §5.1: no LMF knows cn2, so its flow stays on the PMIP path through the eLMA.
    const FlowRecord& pmip = FlowNamed(r, "to-cn2");
    EXPECT_TRUE(std::isnan(pmip.optimizedAfterMs));
    EXPECT_EQ(pmip.lastLinks, 5u); // mn1, eMAG2, core, eLMA, core, cn2
    EXPECT_GT(pmip.meanDelayMs, FlowNamed(r, "to-cn").meanDelayMs + 15);
}

TEST(EpmipFixedCn, HandoffRetargetsTheArByPbci)
{
    ScenarioConfig cfg = Load();
    RunResults forwarding = Simulate(cfg);
    // §4.3 with the AR as the correspondent's DRF: the p-eMAG's PBCI re-targets it.
    EXPECT_EQ(Ladder(forwarding, MOVE_S, 7),
              (std::vector<std::string>{"emag1:PBU>elma",
                                        "elma:PBA>emag1",
                                        "emag2:PBU>elma",
                                        "elma:PBA>emag2",
                                        "emag2:PBCI>emag1",
                                        "emag1:PBCI>ar",
                                        "emag1:PBCA>emag2",
                                        "ar:PBCA>emag1"}));
    RunResults dropping = SimulateWithDrf(cfg, "ForwardLateDownlink", BooleanValue(false));
    uint64_t with = FlowNamed(forwarding, "from-cn").lost;
    uint64_t without = FlowNamed(dropping, "from-cn").lost;
    EXPECT_GT(with, 0u); // sent to eMAG1 before the detach, delivered after it
    EXPECT_LT(with, without);
}

TEST(EpmipFixedCn, CapturesShowTheEmagToArTunnelBeforeAndAfterTheMove)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    RunResults r;
    auto dir = CaptureRun("epmip-fixed-cn", "epmip-fixed-cn.json", {}, std::nullopt, &r);
    auto address = SignallingAddresses(r);
    auto window = [](double from, double to) {
        return "udp && frame.time_relative > " + std::to_string(from) +
               " && frame.time_relative < " + std::to_string(to);
    };
    auto tunnelled = [&](const std::string& filter, const std::string& a, const std::string& b) {
        return Count(Capture(dir, "ar"),
                     filter + " && ipv6.nxt == 41 && ipv6.src == " + address[a] +
                         " && ipv6.dst == " + address[b]);
    };
    // Both flows optimized from 2.6 s (from-cn starts at 2.5 s) until the move...
    const std::string before = window(2.6, 3.9);
    int up = tunnelled(before, "emag1", "ar");
    int down = tunnelled(before, "ar", "emag1");
    EXPECT_GT(up, 120);
    EXPECT_EQ(down, up);
    EXPECT_EQ(Count(Capture(dir, "ar"), before), up + down); // nothing through the eLMA
    // ...and with eMAG2 once the PBCI and PBCA are through, until the flows stop.
    const std::string after = window(4.2, 6.0);
    int upAfter = tunnelled(after, "emag2", "ar");
    EXPECT_GT(upAfter, 150);
    EXPECT_EQ(tunnelled(after, "ar", "emag2"), upAfter);
    EXPECT_EQ(Count(Capture(dir, "ar"), after), 2 * upAfter);
    // The eLMA sends nothing down the PMIP tunnel: cn's packets come by the AR's tunnel.
    EXPECT_EQ(Count(Capture(dir, "elma"),
                    window(2.6, 6.0) + " && ipv6.src == " + address["elma"] + " && ipv6.nxt == 41"),
              0);
}

TEST(EpmipFixedCn, UnansweredQueriesAreRetriedThenTheAnswerStillCounts)
{
    // §5.1 on the §5.2 queries: a QueryTimeout (1 ms) shorter than the round trip to either
    // LMF makes each DRF send its PBQR again once; the late answer still locates.
    RunResults r = SimulateWithDrf(Load(), "QueryTimeout", TimeValue(MilliSeconds(1)));
    EXPECT_EQ(Ladder(r, 1.5, MOVE_S),
              (std::vector<std::string>{"emag1:PBQR>flmf",
                                        "emag1:PBQR>flmf",
                                        "flmf:PBQA>emag1",
                                        "flmf:PBQA>emag1",
                                        "ar:PBQR>elma",
                                        "ar:PBQR>elma",
                                        "elma:PBQA>ar",
                                        "elma:PBQA>ar"}));
}

TEST(EpmipFixedCn, WithoutFixedNodeLmfTheFixedCnIsRoutedByPmip)
{
    ScenarioConfig cfg = Load();
    for (auto& n : cfg.nodes)
    {
        n.epmipRole = n.name == "flmf" ? "" : n.epmipRole;
    }
    RunResults r = Simulate(cfg);
    // §5.1: no LMF for cn, so eMAG1 sends no query and mn1's packets take the eLMA.
    EXPECT_EQ(Ladder(r, 1.5, MOVE_S), (std::vector<std::string>{"ar:PBQR>elma", "elma:PBQA>ar"}));
    EXPECT_TRUE(std::isnan(FlowNamed(r, "to-cn").optimizedAfterMs));
    EXPECT_FALSE(std::isnan(FlowNamed(r, "from-cn").optimizedAfterMs)); // the AR still can
}
