/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Several eLMAs (seed 001 §4.4, Figs 4-6) on scenarios/epmip-several-elmas.json: mn1 is
// registered at eLMA1 by eMAG1, mn2 at eLMA3 by eMAG2 (agg1 - agg3 between them). Per way
// of finding the eLMA holding mn2's binding (configured prefix map, Hop-by-Hop option on a
// PBQR to mn2's address, eLMA-to-eLMA relay): the messages of the query and the time from
// the PBQR to the PBQA back at eMAG1 against closed forms from the link delays; and
// scenarios/epmip-several-elmas-handoff.json, mn1 moving into eLMA3's network.
#include "closed-form.h"
#include "epmip-fixture.h"
#include "ladder.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

constexpr double HBH = 8; // the Hop-by-Hop Options header with the query option

struct Query
{
    ScenarioConfig cfg;
    RunResults r;
};

Query
RunMethod(const std::string& method)
{
    Query q;
    q.cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-several-elmas.json",
                         {"protocol.elma_discovery=" + method},
                         std::nullopt,
                         {});
    RunOptions opt;
    opt.progress = false;
    q.r = RunScenario(q.cfg, opt);
    return q;
}

/// Wired one-way delay of a message between two nodes, s.
double
LegS(const Query& q, const std::string& from, const std::string& to, double bytes)
{
    return WiredMs(Path(q.cfg, from, to), bytes) / 1e3;
}

/// When eMAG1's query for mn2 is answered (the PBQA reaches eMAG1), s.
double
AnsweredS(const Query& q, const std::string& answerer)
{
    const auto& pbqa = Message(q.r, answerer, "PBQA", 2.0);
    return pbqa.timeS + LegS(q, answerer, "emag1", pbqa.bytes);
}

} // namespace

TEST(EpmipSeveralElmas, NodesRegisterAtDifferentElmasAndTheRouteIsOptimized)
{
    Query q = RunMethod("prefix-map");
    auto reg = Ladder(q.r, 0, 2);
    EXPECT_NE(std::find(reg.begin(), reg.end(), "emag1:PBU>elma1"), reg.end());
    EXPECT_NE(std::find(reg.begin(), reg.end(), "emag2:PBU>elma3"), reg.end());
    for (const auto& f : q.r.flows)
    {
        EXPECT_EQ(f.lost, 0u) << f.flow;
        EXPECT_EQ(f.lastLinks, 5u) << f.flow; // mn - eMAG - agg1 - agg3 - eMAG - mn
    }
}

TEST(EpmipSeveralElmas, PrefixMapAsksTheOwningElmaDirectly)
{
    // §4.4.1: two messages, the round trip eMAG1 - eLMA3.
    Query q = RunMethod("prefix-map");
    EXPECT_EQ(Ladder(q.r, 2, 2.5),
              (std::vector<std::string>{"emag1:PBQR>elma3", "elma3:PBQA>emag1"}));
    const auto& pbqr = Message(q.r, "emag1", "PBQR", 2.0);
    double answered = pbqr.timeS + LegS(q, "emag1", "elma3", pbqr.bytes) +
                      LegS(q, "elma3", "emag1", Message(q.r, "elma3", "PBQA", 2.0).bytes);
    EXPECT_NEAR(AnsweredS(q, "elma3"), answered, 1e-9);
    EXPECT_EQ(q.r.epmip.at("relayed"), 0u);
}

TEST(EpmipSeveralElmas, HopByHopQueryIsTerminatedByTheOwningElma)
{
    // §4.4.2: the PBQR goes to mn2's address behind a Hop-by-Hop header; agg1, agg3 and
    // eLMA3 inspect it, eLMA3 terminates it and answers: two messages, the same path as
    // the prefix map's plus the header's 8 octets on each link (signaling.csv counts
    // the message as on the wire, the header included).
    Query q = RunMethod("hop-by-hop");
    auto ladder = Ladder(q.r, 2, 2.5);
    ASSERT_EQ(ladder.size(), 2u);
    EXPECT_EQ(ladder[1], "elma3:PBQA>emag1");
    const auto& pbqr = Message(q.r, "emag1", "PBQR", 2.0);
    EXPECT_EQ(pbqr.dst.substr(0, 9), "2001:1:2:"); // mn2's address in eLMA3's pool
    EXPECT_EQ(pbqr.bytes, Message(RunMethod("prefix-map").r, "emag1", "PBQR", 2.0).bytes + HBH);
    double answered = pbqr.timeS + LegS(q, "emag1", "elma3", pbqr.bytes) +
                      LegS(q, "elma3", "emag1", Message(q.r, "elma3", "PBQA", 2.0).bytes);
    EXPECT_NEAR(AnsweredS(q, "elma3"), answered, 1e-9);
    EXPECT_EQ(q.r.epmip.at("located"), 2u);
    for (const auto& f : q.r.flows)
    {
        EXPECT_EQ(f.lastLinks, 5u) << f.flow;
    }
}

TEST(EpmipSeveralElmas, RelayAsksTheOwnElmaWhichAsksTheOwner)
{
    // §4.4.3: four messages; the added delay is the detour through eLMA1.
    Query q = RunMethod("relay");
    EXPECT_EQ(Ladder(q.r, 2, 2.5),
              (std::vector<std::string>{"emag1:PBQR>elma1",
                                        "elma1:PBQR>elma3",
                                        "elma3:PBQA>elma1",
                                        "elma1:PBQA>emag1"}));
    double t = Message(q.r, "emag1", "PBQR", 2.0).timeS;
    t += LegS(q, "emag1", "elma1", Message(q.r, "emag1", "PBQR", 2.0).bytes);
    t += LegS(q, "elma1", "elma3", Message(q.r, "elma1", "PBQR", 2.0).bytes);
    t += LegS(q, "elma3", "elma1", Message(q.r, "elma3", "PBQA", 2.0).bytes);
    t += LegS(q, "elma1", "emag1", Message(q.r, "elma1", "PBQA", 2.0).bytes);
    EXPECT_NEAR(AnsweredS(q, "elma1"), t, 1e-9);
    EXPECT_EQ(q.r.epmip.at("relayed"), 2u); // one per direction
    Query direct = RunMethod("prefix-map");
    double added = AnsweredS(q, "elma1") - AnsweredS(direct, "elma3");
    // 2 x (emag1-elma1 5 ms + elma1-elma3 11 ms - emag1-elma3 10 ms), serialisation aside.
    EXPECT_NEAR(added, 0.012, 0.0001);
}

TEST(EpmipSeveralElmas, TsharkDecodesTheHopByHopQuery)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    auto dir = CaptureRun("epmip-hbh",
                          "epmip-several-elmas.json",
                          {"protocol.elma_discovery=hop-by-hop"},
                          std::nullopt);
    // On agg3's link to eLMA3: the PBQR behind the Hop-by-Hop header, option type 0x1e.
    auto capture = Capture(dir, "elma3");
    ASSERT_FALSE(capture.empty());
    EXPECT_EQ(Count(capture, "ipv6.nxt == 0 && ipv6.opt.type == 0x1e && mipv6"), 1);
    ExpectCleanCaptures(dir);
}

TEST(EpmipSeveralElmas, HandoffToAnotherElmasNetworkKeepsTheAnchorAndReoptimises)
{
    // scenarios/epmip-several-elmas-handoff.json (the README's comparison): mn1 moves from
    // eMAG1 to eMAG3, in eLMA3's network, at 4 s; it stays registered at eLMA1 (RFC 5213).
    ScenarioConfig cfg = LoadShipped("epmip-several-elmas-handoff.json");
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 1u);
    const HandoverRecord& h = r.handovers[0];
    double latency = PredictPmipv6(cfg, r, h, "elma1");
    EXPECT_NEAR(h.latencyMs, latency, latency * 0.01);
    // §4.3 with the correspondent's eMAG at the other eLMA: n-eMAG -> p-eMAG -> eMAG2.
    EXPECT_EQ(Ladder(r, 4, 4.2),
              (std::vector<std::string>{"emag1:PBU>elma1",
                                        "elma1:PBA>emag1",
                                        "emag3:PBU>elma1",
                                        "elma1:PBA>emag3",
                                        "emag3:PBCI>emag1",
                                        "emag1:PBCI>emag2",
                                        "emag1:PBCA>emag3",
                                        "emag2:PBCA>emag1"}));
    for (const char* flow : {"to-mn1", "to-mn2"})
    {
        // Optimized again, in eLMA3's network: mn, eMAG3, agg3, eMAG2, mn.
        EXPECT_EQ(FlowNamed(r, flow).lastLinks, 4u) << flow;
    }
}
