/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A flow's first service (flows.csv first_packet_delay_ms, optimized_after_ms,
// detoured_packets) against closed forms computed from the scenario's link delays: the
// direct path (none), the path through the LMA that never becomes optimal (pmipv6), and
// the route optimisation after a handover (mipv6-ro, RFC 6275 §5.2, §11.7.2).
#include "closed-form.h"

#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace ns3;
using nlohmann::json;

namespace
{

using namespace dmmtest;

constexpr double MOVE_S = 3.0;     // the MN moves from magA to magB
constexpr double INTERVAL_MS = 10; // the flow's packet spacing
constexpr double UDP_IPV6 = 8 + 40;
constexpr double TUNNEL = 40;   // IPv6-in-IPv6
constexpr double TYPE2_RH = 24; // RFC 6275 §6.4: the CN's route-optimised packets carry it
constexpr double ND_BYTES = 72; // a Neighbor Solicitation or Advertisement with its option

/// cn - core - {anchor, magA, magB}: the anchor is a branch off the direct path, so a
/// packet through it travels two links more than the shortest path.
json
BranchScenario(const std::string& profile, double flowStartS)
{
    json j = {{"name", "branch"},
              {"profile", profile},
              {"duration_s", 4.0},
              {"l2", {{"type", "switch"}, {"switch_time_ms", 50.0}}},
              {"access", {{"delay_ms", 1.0}, {"rate_mbps", 100.0}}},
              {"nodes", json::array()},
              {"links", json::array()}};
    AddNode(j, "cn", "cn");
    AddNode(j, "core", "router");
    AddNode(j, "anchor", "anchor");
    AddNode(j, "magA", "access");
    AddNode(j, "magB", "access");
    AddNode(j, "mn", "mn");
    AddLink(j, "cn", "core", 4.0);
    AddLink(j, "core", "anchor", 3.0);
    AddLink(j, "core", "magA", 2.0);
    AddLink(j, "core", "magB", 2.5);
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "magA"}},
                     {{"mn", "mn"}, {"at_s", MOVE_S}, {"attach", "magB"}}};
    j["flows"] = {{{"name", "down"},
                   {"type", "udp"},
                   {"from", "cn"},
                   {"to", "mn"},
                   {"start_s", flowStartS},
                   {"stop_s", flowStartS + 0.6},
                   {"interval_ms", INTERVAL_MS},
                   {"size_bytes", 100}}};
    return j;
}

/// One-way delay of the flow's packet from the CN straight to the MN at \p ar, ms.
double
DirectMs(const ScenarioConfig& cfg, const std::string& ar, double extraBytes = 0)
{
    double bytes = cfg.flows.front().sizeBytes + UDP_IPV6 + extraBytes;
    return WiredMs(Path(cfg, "cn", ar), bytes) + AccessMs(cfg, ar, bytes);
}

TEST(FirstPacketDelay, NoneIsTheDirectPathsOneWayDelay)
{
    ScenarioConfig cfg = ParseScenario(BranchScenario("none", 1.0));
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowRecord& f = r.flows.front();
    ASSERT_GT(f.received, 0u);
    // magA resolves the MN's new address first (RFC 4861 §7.2.2: NS out, NA back).
    double resolution = 2 * AccessMs(cfg, "magA", ND_BYTES);
    EXPECT_NEAR(f.firstPacketDelayMs, DirectMs(cfg, "magA") + resolution, 1e-6);
    // The first packet already took the shortest path.
    EXPECT_NEAR(f.optimizedAfterMs, f.firstPacketDelayMs, 1e-9);
    EXPECT_EQ(f.detouredPackets, 0u);
}

TEST(FirstPacketDelay, Pmipv6IsRoutedThroughTheLmaAndNeverOptimal)
{
    ScenarioConfig cfg = ParseScenario(BranchScenario("pmipv6", 1.0));
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowRecord& f = r.flows.front();
    ASSERT_GT(f.received, 0u);
    // RFC 5213 §6.10.5: to the LMA, then tunnelled to the MAG.
    double bytes = cfg.flows.front().sizeBytes + UDP_IPV6;
    double viaLma = WiredMs(Path(cfg, "cn", "anchor"), bytes) +
                    WiredMs(Path(cfg, "anchor", "magA"), bytes + TUNNEL) +
                    AccessMs(cfg, "magA", bytes);
    EXPECT_NEAR(f.firstPacketDelayMs, viaLma, 1e-6);
    EXPECT_TRUE(std::isnan(f.optimizedAfterMs));
    EXPECT_EQ(f.detouredPackets, f.received);
}

TEST(FirstPacketDelay, Mipv6RoIsOptimalOnceTheCorrespondentHasTheBinding)
{
    // The flow starts as the MN leaves magA: the CN's binding still names the old care-of
    // address, so nothing arrives until its BU from magB (RFC 6275 §9.5.1); from then on
    // the CN sends straight to the new care-of address.
    ScenarioConfig cfg = ParseScenario(BranchScenario("mipv6-ro", MOVE_S));
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.flows.size(), 1u);
    ASSERT_EQ(r.handovers.size(), 1u);
    const FlowRecord& f = r.flows.front();
    const HandoverRecord& h = r.handovers.front();
    ASSERT_GT(f.received, 0u);
    ASSERT_FALSE(std::isnan(h.latencyMs));
    // The handover ends with the CN's BA at the MN: the BU reached the CN one BA earlier.
    double ba = Message(r, "cn", "BA", h.l2UpS).bytes;
    double buAtCnMs =
        h.signalingDoneS * 1e3 - WiredMs(Path(cfg, "cn", "magB"), ba) - AccessMs(cfg, "magB", ba);
    // ns-3's OnOff sends packet k (k >= 1) at start + k intervals.
    double startMs = cfg.flows.front().startS * 1e3;
    double k = std::ceil((buAtCnMs - startMs) / INTERVAL_MS);
    double optimizedAtMs = startMs + k * INTERVAL_MS + DirectMs(cfg, "magB", TYPE2_RH);
    double expected = optimizedAtMs - (startMs + INTERVAL_MS);
    ASSERT_FALSE(std::isnan(f.optimizedAfterMs)) << "never optimal";
    EXPECT_NEAR(f.optimizedAfterMs, expected, INTERVAL_MS);
    // The first packets were sent to the old care-of address and lost, so the first
    // delivery waited for the binding too: it is at most the optimal one.
    EXPECT_LE(f.firstPacketDelayMs, f.optimizedAfterMs + 1e-9);
}

TEST(FirstPacketDelay, Mipv6RoIsDetouredThroughTheHomeAgentUntilRouteOptimisation)
{
    // The flow starts as the MN attaches to magA: the CN sends to the home address, so its
    // packets are lost until the home agent has the binding (RFC 6275 §10.3.1), tunnelled
    // through the home agent until the CN has it (§10.4.1), then sent straight (§9.3.2).
    ScenarioConfig cfg = ParseScenario(BranchScenario("mipv6-ro", 0.5));
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowRecord& f = r.flows.front();
    double startMs = cfg.flows.front().startS * 1e3;
    double firstSentMs = startMs + INTERVAL_MS; // ns-3's OnOff: packet k at start + k intervals
    auto firstSentAfter = [&](double ms) {
        return std::max(1.0, std::ceil((ms - startMs) / INTERVAL_MS));
    };
    // Each binding takes effect when its BA is sent.
    double kHome = firstSentAfter(Message(r, "anchor", "BA", 0).timeS * 1e3);
    double kDirect = firstSentAfter(Message(r, "cn", "BA", 0).timeS * 1e3);
    ASSERT_GT(kDirect, kHome) << "no packet went through the home agent";
    double bytes = cfg.flows.front().sizeBytes + UDP_IPV6;
    double viaHa = WiredMs(Path(cfg, "cn", "anchor"), bytes) +
                   WiredMs(Path(cfg, "anchor", "magA"), bytes + TUNNEL) +
                   AccessMs(cfg, "magA", bytes + TUNNEL);
    EXPECT_NEAR(f.firstPacketDelayMs, startMs + kHome * INTERVAL_MS + viaHa - firstSentMs, 1e-6);
    EXPECT_NEAR(f.optimizedAfterMs,
                startMs + kDirect * INTERVAL_MS + DirectMs(cfg, "magA", TYPE2_RH) - firstSentMs,
                1e-6);
    EXPECT_EQ(f.detouredPackets, static_cast<uint64_t>(kDirect - kHome));
}

} // namespace
