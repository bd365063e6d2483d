/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// "data": "fluid" (FluidFlow): udp flows counted between handovers must give the results of
// packet mode on every shipped scenario, with far fewer packets on the wire.
#include "closed-form.h"
#include "test-paths.h"

#include <cmath>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>

using namespace dmmtest;

namespace
{

/// Scenarios where fluid mode is not exact, and why (doc/dmm.rst, Scope and Limitations);
/// they are only checked for the same handovers and the same packets sent.
const std::map<std::string, std::string> kNotExact{
    // Queueing: data packets share links with signalling, so counting them instead of
    // sending them moves signalling by transmission times (microseconds).
    {"dmm-comparison-3x4.json", "queueing (interruption +-6 us)"},
    {"dmm-fig5-distributed-anchors.json", "queueing (interruption 2 us)"},
    {"generated-fully-distributed.json", "queueing (latency +-2 us)"},
    {"pmipv6-wifi.json", "Wi-Fi contention (latency 54 us)"},
    // The path changes after the window closed (route optimisation, location caches, a
    // second interface): counted packets keep the delay of the first path.
    {"mipv6-triangle.json", "route optimisation after the window (delay)"},
    {"distributed-lma-lma-change.json", "path changes after the window (delay)"},
    // The correspondent's eLMA is re-targeted from eLMA1 to eLMA2 after the window (seed 001
    // §7.2): counted packets keep the forwarded path's delay.
    {"epmip-alternative-move.json", "path changes after the window (delay)"},
    {"distributed-lma-simultaneous.json", "loss charged to the other node's handover"},
    {"dmm-dma-multi-interface.json", "second interface (delay)"},
    {"dmm-multi-interface-flow-move.json", "flow move between interfaces"},
    {"dmm-fig9-fully-distributed.json", "path changes after the window (delay, interruption)"},
    {"dmm-mip-fig1.json", "path changes after the window (delay 1 %)"},
    {"dmm-mip-lm-relay.json", "path changes after the window (delay 1.5 %)"},
    // mn1's uplink takes the PMIP path through both eLMAs until the PBCA (seed 001 §4.3),
    // after the window: counted packets keep its 28 ms (flow mean 18 ms against 9 ms).
    {"epmip-several-elmas-handoff.json", "path changes after the window (delay)"},
};

std::vector<std::string>
ShippedScenarios()
{
    std::vector<std::string> out;
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(DMM_SOURCE_DIR) + "/scenarios"))
    {
        if (e.path().extension() == ".json")
        {
            out.push_back(e.path().filename().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

RunResults
RunIn(const std::string& file, const std::string& mode)
{
    return Simulate(LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file,
                                 {"data=\"" + mode + "\""},
                                 {},
                                 {}));
}

bool
SameMs(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

void
ExpectAgreement(const RunResults& packet, const RunResults& fluid)
{
    EXPECT_EQ(fluid.dataMode, "fluid");
    ASSERT_EQ(packet.handovers.size(), fluid.handovers.size());
    for (size_t i = 0; i < packet.handovers.size(); ++i)
    {
        const HandoverRecord& p = packet.handovers[i];
        const HandoverRecord& f = fluid.handovers[i];
        SCOPED_TRACE(p.mn + " at " + std::to_string(p.timeS));
        EXPECT_TRUE(SameMs(p.latencyMs, f.latencyMs)) << p.latencyMs << " vs " << f.latencyMs;
        EXPECT_TRUE(SameMs(p.interruptionMs, f.interruptionMs))
            << p.interruptionMs << " vs " << f.interruptionMs;
        EXPECT_LE(std::abs(static_cast<long>(p.lostPackets) - static_cast<long>(f.lostPackets)), 1);
    }
    ASSERT_EQ(packet.flows.size(), fluid.flows.size());
    for (size_t i = 0; i < packet.flows.size(); ++i)
    {
        const FlowRecord& p = packet.flows[i];
        const FlowRecord& f = fluid.flows[i];
        SCOPED_TRACE(p.flow);
        EXPECT_EQ(p.sent, f.sent);
        EXPECT_LE(std::abs(static_cast<long>(p.lost) - static_cast<long>(f.lost)),
                  static_cast<long>(packet.handovers.size()));
        EXPECT_NEAR(p.meanDelayMs, f.meanDelayMs, 0.01 * p.meanDelayMs);
    }
}

} // namespace

TEST(FluidMode, AgreesWithPacketModeOnEveryShippedScenario)
{
    for (const std::string& file : ShippedScenarios())
    {
        SCOPED_TRACE(file);
        RunResults packet = RunIn(file, "packet");
        RunResults fluid = RunIn(file, "fluid");
        if (kNotExact.count(file))
        {
            EXPECT_EQ(packet.handovers.size(), fluid.handovers.size());
            EXPECT_EQ(packet.packets.sent, fluid.packets.sent);
        }
        else
        {
            ExpectAgreement(packet, fluid);
        }
        // The point: between handovers nothing is put on the wire.
        EXPECT_LT(fluid.events, packet.events);
    }
}

TEST(FluidMode, PacketModeIsTheDefault)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                     {},
                     {},
                     {});
    EXPECT_EQ(cfg.dataMode, "packet");
    EXPECT_THROW(LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                              {"data=\"bits\""},
                              {},
                              {}),
                 ScenarioError);
}
