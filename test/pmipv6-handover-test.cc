/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// PMIPv6 end to end on deterministic links: handover latency against the closed-form
// prediction, message ladder, flows surviving, loss bounds, `none` breaking, determinism.
#include "closed-form.h"
#include "test-files.h"
#include "test-paths.h"

#include "ns3/ipv6-address.h"
#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <queue>

using namespace ns3;
using nlohmann::json;

namespace
{

using namespace dmmtest;

/// Closed form of the single-anchor profile: PredictPmipv6 with the scenario's anchor.
double
PredictedLatencyMs(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    return PredictPmipv6(cfg, r, h, cfg.NodesWithRole("anchor").front()->name);
}

void
CheckHandovers(const ScenarioConfig& cfg, const RunResults& r)
{
    ASSERT_FALSE(r.handovers.empty());
    const std::string anchor = cfg.NodesWithRole("anchor").front()->name;
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.from + " -> " + h.to);
        double predicted = PredictedLatencyMs(cfg, r, h);
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
        EXPECT_NEAR(h.l2UpS - h.l2DownS, cfg.l2.switchTimeMs / 1e3, 1e-9);

        // Exactly one registration PBU/PBA per handover, from/to the new MAG, and the
        // old MAG's de-registration.
        int pbuNew = 0;
        int pbaNew = 0;
        int deregOld = 0;
        for (const auto& s : r.signaling)
        {
            if (s.timeS < h.l2DownS || s.timeS > h.signalingDoneS)
            {
                continue;
            }
            pbuNew += s.node == h.to && s.type == "PBU";
            deregOld += s.node == h.from && s.type == "PBU";
            pbaNew += s.node == anchor && s.type == "PBA" &&
                      s.dst == Message(r, h.to, "PBU", h.l2UpS).src;
        }
        EXPECT_EQ(pbuNew, 1);
        EXPECT_EQ(pbaNew, 1);
        EXPECT_EQ(deregOld, cfg.protocol.deregisterOnDetach ? 1 : 0);

        // Interruption: after the latency, before latency + LMA->MN data path + one interval.
        // Interruption: after the latency, and at most the latency plus the LMA->MN
        // data path plus one packet interval (the bound, from the scenario alone).
        const FlowConfig& flow = cfg.flows.front();
        double inner = flow.sizeBytes + 8 + 40; // UDP + IPv6
        double lmaToMnMs =
            WiredMs(Path(cfg, h.to, anchor), inner + 40) + AccessMs(cfg, h.to, inner);
        ASSERT_FALSE(std::isnan(h.interruptionMs)) << "the downlink flow did not resume";
        EXPECT_GE(h.interruptionMs, h.latencyMs);
        EXPECT_LE(h.interruptionMs, h.latencyMs + lmaToMnMs + flow.intervalMs);
        // Nothing buffers: loss per flow is about interruption x rate (+-1), two flows.
        double perFlow = h.interruptionMs / flow.intervalMs;
        EXPECT_LE(h.lostPackets, 2 * (perFlow + 1));
        EXPECT_GE(h.lostPackets, 2 * (perFlow - 1 - 1));
    }
    // Flows keep their address (the HNP) and every loss belongs to a handover: nothing
    // is lost once the handover completed.
    uint64_t charged = 0;
    for (const auto& h : r.handovers)
    {
        charged += h.lostPackets;
    }
    uint64_t lost = 0;
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.address.rfind("2001:1:", 0), 0u) << f.flow << " not on the HNP: " << f.address;
        EXPECT_GT(f.received, 0u);
        lost += f.lost;
    }
    EXPECT_EQ(lost, charged);
}

} // namespace

TEST(Pmipv6Handover, ShippedScenarioMatchesClosedForm)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                     {},
                     {},
                     {});
    RunResults r = Simulate(cfg);
    EXPECT_EQ(r.handovers.size(), cfg.mobility.size() - 1);
    CheckHandovers(cfg, r);
}

TEST(Pmipv6Handover, OneHopToAnchor)
{
    CheckHandovers(ParseScenario(ChainScenario(1, 2.0, 50, 1.0, 100)),
                   Simulate(ParseScenario(ChainScenario(1, 2.0, 50, 1.0, 100))));
}

TEST(Pmipv6Handover, ThreeHopsSlowAccessWithProcessing)
{
    json j = ChainScenario(3, 4.0, 80, 3.0, 11);
    j["processing"] = {{"access_ms", 0.5}, {"anchor_ms", 1.25}};
    ScenarioConfig cfg = ParseScenario(j);
    CheckHandovers(cfg, Simulate(cfg));
}

TEST(Pmipv6Handover, FiveHopsShortSwitchNoDeregistration)
{
    json j = ChainScenario(5, 1.5, 20, 0.5, 54);
    j["protocol"] = {{"deregister_on_detach", false}};
    ScenarioConfig cfg = ParseScenario(j);
    CheckHandovers(cfg, Simulate(cfg));
}

TEST(Pmipv6Handover, LatencyGrowsWithHopCountByTwiceTheLinkDelay)
{
    // Independent of the closed form: one more MAG-LMA hop adds two link delays.
    RunResults a = Simulate(ParseScenario(ChainScenario(2, 3.0, 50, 1.0, 100)));
    RunResults b = Simulate(ParseScenario(ChainScenario(3, 3.0, 50, 1.0, 100)));
    ASSERT_EQ(a.handovers.size(), 1u);
    ASSERT_EQ(b.handovers.size(), 1u);
    EXPECT_NEAR(b.handovers[0].latencyMs - a.handovers[0].latencyMs, 6.0, 0.01);
}

TEST(NoneProfile, FlowStartedBeforeHandoverBreaks)
{
    json j = ChainScenario(2, 2.0, 50, 1.0, 100);
    j["profile"] = "none";
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 1u);
    for (const auto& f : r.flows)
    {
        EXPECT_NE(f.address.rfind("2001:1:", 0), 0u) << "no HNP without PMIPv6";
        // Everything sent on the old address after the detach (3.0 .. 5.5 s) is lost:
        // downlink has no route to the node, uplink is ingress-filtered at the new AR.
        EXPECT_GE(f.lost, 245u) << f.flow;
    }
    EXPECT_TRUE(std::isnan(r.handovers[0].interruptionMs)) << "downlink must not resume";
    for (const auto& s : r.signaling)
    {
        EXPECT_TRUE(s.type == "RS" || s.type == "RA") << s.type;
    }
}

TEST(Determinism, SameSeedSameResultFiles)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                     {},
                     {},
                     {});
    auto dir = std::filesystem::temp_directory_path() / "dmm-determinism";
    std::filesystem::remove_all(dir);
    for (std::string run : {"a", "b"})
    {
        RunResults r = Simulate(cfg);
        WriteResults(r, (dir / run).string());
    }
    for (std::string f : {"handovers.csv", "signaling.csv", "flows.csv"})
    {
        std::string a = ReadFile(dir / "a" / f);
        EXPECT_FALSE(a.empty());
        EXPECT_EQ(a, ReadFile(dir / "b" / f)) << f;
    }
}

TEST(PathStretch, DetourThroughTheAnchorIsMeasured)
{
    // cn - ra - {magA, magB}, and the LMA hangs off ra: every PMIPv6 packet goes
    // ra -> lma -> ra, 5 links instead of the 3 of the direct path.
    json j = {{"name", "detour"},
              {"profile", "pmipv6"},
              {"duration_s", 5.0},
              {"l2", {{"type", "switch"}, {"switch_time_ms", 50.0}}},
              {"access", {{"delay_ms", 1.0}, {"rate_mbps", 100.0}}},
              {"nodes",
               {{{"name", "cn"}, {"role", "cn"}},
                {{"name", "ra"}, {"role", "router"}},
                {{"name", "lma"}, {"role", "anchor"}},
                {{"name", "magA"}, {"role", "access"}},
                {{"name", "magB"}, {"role", "access"}},
                {{"name", "mn"}, {"role", "mn"}}}},
              {"mobility",
               {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "magA"}},
                {{"mn", "mn"}, {"at_s", 2.5}, {"attach", "magB"}}}}};
    for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{{"cn", "ra"},
                                                                        {"ra", "lma"},
                                                                        {"ra", "magA"},
                                                                        {"ra", "magB"}})
    {
        j["links"].push_back({{"a", a}, {"b", b}, {"delay_ms", 2.0}, {"rate_mbps", 1000.0}});
    }
    j["flows"] = {{{"name", "down"},
                   {"type", "udp"},
                   {"from", "cn"},
                   {"to", "mn"},
                   {"start_s", 1.0},
                   {"stop_s", 4.5},
                   {"interval_ms", 20.0},
                   {"size_bytes", 100}}};
    RunResults pmip = Simulate(ParseScenario(j));
    EXPECT_NEAR(pmip.meanPathStretch, 5.0 / 3.0, 1e-9);
    EXPECT_GT(pmip.tunnelledBytes, 0u);
    j["profile"] = "none";
    RunResults none = Simulate(ParseScenario(j));
    EXPECT_NEAR(none.meanPathStretch, 1.0, 1e-9);
    EXPECT_EQ(none.tunnelledBytes, 0u);
}

TEST(TcpFlow, BulkTransferSurvivesPmipv6HandoverAndStallsWithout)
{
    json j = ChainScenario(2, 2.0, 50, 1.0, 5); // 5 Mbit/s access keeps the test quick
    j["duration_s"] = 8.0;
    j["flows"] = {{{"name", "bulk"},
                   {"type", "tcp"},
                   {"from", "cn"},
                   {"to", "mn"},
                   {"start_s", 1.0},
                   {"stop_s", 7.5},
                   {"max_bytes", 0}}};
    RunResults pmip = Simulate(ParseScenario(j));
    ASSERT_EQ(pmip.flows.size(), 1u);
    const FlowRecord& f = pmip.flows[0];
    // Delivered data keeps flowing after the move at 3 s: far more than 2 s worth
    // of pre-handover transfer arrives, and the sender is not stuck.
    EXPECT_GT(f.received, 1000u);
    EXPECT_GE(f.received * 100, f.sent * 95) << "sent " << f.sent;
    ASSERT_EQ(pmip.handovers.size(), 1u);
    EXPECT_FALSE(std::isnan(pmip.handovers[0].interruptionMs));

    j["profile"] = "none";
    RunResults none = Simulate(ParseScenario(j));
    EXPECT_TRUE(std::isnan(none.handovers[0].interruptionMs));
    EXPECT_LT(none.flows[0].received * 2, f.received) << "TCP must stall without mobility";
}

TEST(Pmipv6Handover, PingPongBackToTheFirstMag)
{
    // magA -> magB -> magA within MinDelayBeforeBceDelete: every handover is a clean
    // registration with the same HNP, and the closed form still holds.
    json j = ChainScenario(2, 2.0, 50, 1.0, 100);
    j["mobility"].push_back({{"mn", "mn"}, {"at_s", 3.5}, {"attach", "magA"}});
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    EXPECT_EQ(r.handovers[1].from, "magB");
    EXPECT_EQ(r.handovers[1].to, "magA");
    CheckHandovers(cfg, r);
}

TEST(Pmipv6Handover, TwoMobileNodesGetTheirOwnPrefixes)
{
    json j = ChainScenario(2, 2.0, 50, 1.0, 100);
    j["nodes"].push_back({{"name", "mn2"}, {"role", "mn"}});
    j["mobility"].push_back({{"mn", "mn2"}, {"at_s", 0.6}, {"attach", "magB"}});
    j["mobility"].push_back({{"mn", "mn2"}, {"at_s", 3.2}, {"attach", "magA"}});
    j["flows"].push_back({{"name", "down2"},
                          {"type", "udp"},
                          {"from", "cn"},
                          {"to", "mn2"},
                          {"start_s", 1.0},
                          {"stop_s", 5.5},
                          {"interval_ms", 10.0},
                          {"size_bytes", 100}});
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    std::string a1;
    std::string a2;
    for (const auto& f : r.flows)
    {
        (f.mn == "mn" ? a1 : a2) = f.address;
    }
    EXPECT_EQ(a1.rfind("2001:1:", 0), 0u);
    EXPECT_EQ(a2.rfind("2001:1:", 0), 0u);
    EXPECT_NE(ns3::Ipv6Address(a1.c_str()).CombinePrefix(ns3::Ipv6Prefix(64)),
              ns3::Ipv6Address(a2.c_str()).CombinePrefix(ns3::Ipv6Prefix(64)))
        << a1 << " " << a2;
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.mn);
        EXPECT_NEAR(h.latencyMs, PredictedLatencyMs(cfg, r, h), 0.01);
        EXPECT_FALSE(std::isnan(h.interruptionMs));
    }
}
