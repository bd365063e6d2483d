/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP handoff with optimized routing (seed 001 §4.3, Fig 3) on scenarios/epmip-handoff.json
// (mn1 moves from eMAG1 to eMAG2 while it and mn2, at eMAG4, send to each other): the
// signalling ladder, the downlink lost with and without the previous eMAG's forwarding, the
// handover latency and the time until the route is optimized again against closed forms
// from the link delays; and §5.1's query retries.
#include "closed-form.h"
#include "epmip-fixture.h"
#include "ladder.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/distributed-routing-function.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

constexpr double BYTES = 200 + 8 + 40; // UDP payload + headers
constexpr double TUNNEL = 40;          // IPv6-in-IPv6
constexpr double MOVE_S = 4.0;         // mn1's detach from eMAG1
constexpr double INTERVAL_S = 0.010;   // the flows' packet spacing

ScenarioConfig
Load()
{
    return LoadShipped("epmip-handoff.json");
}

/// The handover of mn1.
const HandoverRecord&
Move(const RunResults& r)
{
    for (const auto& h : r.handovers)
    {
        if (h.mn == "mn1" && h.to == "emag2")
        {
            return h;
        }
    }
    throw std::runtime_error("no move");
}

/// When the n-eMAG's PBCI reaches the p-eMAG (§4.3), s: the PBA, then the PBCI.
double
InformedS(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    double rs = Message(r, "mn1", "RS", h.l2UpS).bytes;
    double pbu = Message(r, "emag2", "PBU", h.l2UpS).bytes;
    double pba = Message(r, "elma", "PBA", h.l2UpS).bytes;
    double pbci = Message(r, "emag2", "PBCI", h.l2UpS).bytes;
    auto path = Path(cfg, "emag2", "elma");
    return h.l2DownS + (cfg.l2.switchTimeMs + AccessMs(cfg, "emag2", rs) + WiredMs(path, pbu) +
                        WiredMs(path, pba) + WiredMs(Path(cfg, "emag2", "emag1"), pbci)) /
                           1e3;
}

/// When the correspondent's eMAG re-targets its entry (the p-eMAG's PBCI arrives), s.
double
RetargetedS(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    double pbci = Message(r, "emag1", "PBCI", h.l2UpS).bytes;
    return InformedS(cfg, r, h) + WiredMs(Path(cfg, "emag1", "emag4"), pbci) / 1e3;
}

/// Downlink packets (mn2 -> mn1) lost: those reaching mn1's old link after the detach and
/// reaching the p-eMAG before \p until (its forwarding starts, or eMAG4 re-targets).
uint64_t
PredictLost(const ScenarioConfig& cfg, double untilS)
{
    double startS = 0;
    for (const auto& f : cfg.flows)
    {
        startS = f.name == "to-mn1" ? f.startS : startS;
    }
    double toPrevious =
        (AccessMs(cfg, "emag4", BYTES) + WiredMs(Path(cfg, "emag4", "emag1"), BYTES + TUNNEL)) /
        1e3;
    uint64_t lost = 0;
    for (int k = 1; startS + k * INTERVAL_S < untilS; ++k)
    {
        double atPrevious = startS + k * INTERVAL_S + toPrevious;
        bool late = atPrevious + AccessMs(cfg, "emag1", BYTES) / 1e3 > MOVE_S;
        lost += late && atPrevious < untilS ? 1 : 0;
    }
    return lost;
}

} // namespace

TEST(EpmipHandoff, LadderIsPbuPbaThenPbciPbcaToPreviousAndCorrespondentEmag)
{
    ScenarioConfig cfg = Load();
    RunResults r = Simulate(cfg);
    EXPECT_EQ(Ladder(r, MOVE_S, 7),
              (std::vector<std::string>{"emag1:PBU>elma",
                                        "elma:PBA>emag1",
                                        "emag2:PBU>elma",
                                        "elma:PBA>emag2",
                                        "emag2:PBCI>emag1",
                                        "emag1:PBCI>emag4",
                                        "emag1:PBCA>emag2",
                                        "emag4:PBCA>emag1"}));
    // After the PBCA the uplink is tunnelled eMAG2 -> eMAG4 and mn2's packets come back
    // the same way: no new query and nothing else lost than during the move.
    EXPECT_EQ(FlowNamed(r, "to-mn1").lost, PredictLost(cfg, InformedS(cfg, r, Move(r))));
}

TEST(EpmipHandoff, DownlinkLostWithAndWithoutPreviousEmagForwarding)
{
    ScenarioConfig cfg = Load();
    RunResults forwarding = Simulate(cfg);
    RunResults dropping = SimulateWithDrf(cfg, "ForwardLateDownlink", BooleanValue(false));
    // §4.3: forwarding saves the packets reaching the p-eMAG between the n-eMAG's PBCI and
    // the correspondent eMAG's re-targeting.
    uint64_t withForwarding = PredictLost(cfg, InformedS(cfg, forwarding, Move(forwarding)));
    uint64_t without = PredictLost(cfg, RetargetedS(cfg, dropping, Move(dropping)));
    EXPECT_EQ(FlowNamed(forwarding, "to-mn1").lost, withForwarding);
    EXPECT_EQ(FlowNamed(dropping, "to-mn1").lost, without);
    EXPECT_LT(withForwarding, without);
}

TEST(EpmipHandoff, CapturesShowCorrespondentEmagToNewEmagTunnelAndNoLoop)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    RunResults r;
    auto dir = CaptureRun("epmip-handoff", "epmip-handoff.json", {}, std::nullopt, &r);
    auto address = SignallingAddresses(r);
    // From 4.2 s (both directions re-optimized by 4.1 s) until the flows stop.
    const std::string after = "frame.time_relative > 4.2 && ipv6.nxt == 41 && udp";
    auto tunnelled = [&](const std::string& capture, const std::string& a, const std::string& b) {
        return Count(dir / capture,
                     after + " && ipv6.src == " + address[a] + " && ipv6.dst == " + address[b]);
    };
    int up = tunnelled("dmm-emag4-1.pcap", "emag2", "emag4");
    int down = tunnelled("dmm-emag4-1.pcap", "emag4", "emag2");
    EXPECT_GT(up, 150);
    EXPECT_EQ(down, up); // both flows send every 10 ms until 6 s
    EXPECT_EQ(Count(dir / "dmm-emag4-1.pcap", after), up + down); // nothing else
    EXPECT_EQ(Count(dir / "dmm-emag1-1.pcap", after), 0);         // not via the p-eMAG
    EXPECT_EQ(Count(dir / "dmm-elma-1.pcap", after), 0);          // nor via the eLMA
    // No loop: nothing vanishes or runs out of hops, and the longest path is the p-eMAG's
    // forwarding (mn2, eMAG4, core, eMAG1, core, eMAG2, mn1: six links).
    EXPECT_EQ(r.packets.unaccounted, 0u);
    EXPECT_EQ(r.packets.dropped.count("hop_limit"), 0u);
    for (const auto& f : r.flows)
    {
        EXPECT_LE(f.maxLinks, 6u) << f.flow;
    }
}

TEST(EpmipHandoff, LatencyAndReoptimisationMatchClosedFormsForThreeDelaySets)
{
    for (auto [anchorMs, newMs] : std::vector<std::pair<double, double>>{{10, 4}, {5, 1}, {20, 8}})
    {
        ScenarioConfig cfg = Load();
        for (auto& l : cfg.links)
        {
            l.delayMs = l.b == "elma" ? anchorMs : (l.b == "emag2" ? newMs : l.delayMs);
        }
        RunResults r = Simulate(cfg);
        const HandoverRecord& h = Move(r);
        // The RA leaves with the PBA: the PBCI/PBCA add nothing to the latency.
        double latency = PredictPmipv6(cfg, r, h, "elma");
        EXPECT_NEAR(h.latencyMs, latency, latency * 0.01) << anchorMs << "/" << newMs;
        // The downlink is optimized again when eMAG4 re-targets (it acks at once).
        double retargeted = RetargetedS(cfg, r, h);
        double measured = Message(r, "emag4", "PBCA", h.l2DownS).timeS;
        EXPECT_NEAR(measured - h.l2DownS, retargeted - h.l2DownS, (retargeted - h.l2DownS) * 0.01);
        // The uplink: the PBCA back at the n-eMAG.
        double pbca = Message(r, "emag1", "PBCA", h.l2DownS).bytes;
        double uplinkS = InformedS(cfg, r, h) + WiredMs(Path(cfg, "emag1", "emag2"), pbca) / 1e3;
        double sentS = Message(r, "emag1", "PBCA", h.l2DownS).timeS;
        EXPECT_NEAR(sentS + WiredMs(Path(cfg, "emag1", "emag2"), pbca) / 1e3, uplinkS, 1e-9);
    }
}

TEST(EpmipHandoff, UnansweredQueryIsSentAgainThenPmipRouting)
{
    ScenarioConfig cfg = Load();
    // A time-out shorter than the round trip to the eLMA: every PBQR goes unanswered in time.
    Config::SetDefault("ns3::DistributedRoutingFunction::QueryTimeout", TimeValue(MilliSeconds(1)));
    RunResults r = Simulate(cfg);
    Config::SetDefault("ns3::DistributedRoutingFunction::QueryTimeout", TimeValue(Seconds(1)));
    // §5.1: one query and QueryRetries (1) re-sent, 1 ms apart, per direction.
    auto first = Messages(r, "emag1", "PBQR", 2, 2.5);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_NEAR(first[1].timeS - first[0].timeS, 0.001, 1e-9);
    EXPECT_EQ(Messages(r, "emag4", "PBQR", 2.5, 3).size(), 2u);
}

TEST(EpmipHandoff, SimultaneousHandoffsOfBothEndsReoptimiseWithoutLoopOrNetworkLoss)
{
    // §9's case: mn1 (eMAG1 -> eMAG2) and mn2 (eMAG4 -> eMAG3) move at the same time, so
    // each PBCA names the other node's previous eMAG.
    RunResults r = Simulate(
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-simultaneous-handoff.json",
                     {},
                     std::nullopt,
                     {}));
    std::vector<std::string> ladder = Ladder(r, MOVE_S, 7);
    // The previous eMAG forwarding a packet from an eMAG it had not informed tells it.
    ASSERT_GE(ladder.size(), 4u);
    EXPECT_EQ(std::vector<std::string>(ladder.end() - 4, ladder.end()),
              (std::vector<std::string>{"emag4:PBCI>emag2",
                                        "emag2:PBCA>emag4",
                                        "emag1:PBCI>emag3",
                                        "emag3:PBCA>emag1"}));
    // Bounded loss: only what the nodes sent while detached; nothing dropped in the network.
    EXPECT_EQ(r.packets.dropped.size(), 1u);
    EXPECT_EQ(r.packets.dropped.count("no_route_at_sender"), 1u);
    EXPECT_EQ(r.packets.unaccounted, 0u);
    for (const auto& f : r.flows)
    {
        // No loop: at most the forwarding detour (node, eMAG, core, previous eMAG, core,
        // eMAG, node); re-optimised: the last packet took mn - eMAG - core - eMAG - mn.
        EXPECT_LE(f.maxLinks, 6u) << f.flow;
        EXPECT_EQ(f.lastLinks, 4u) << f.flow;
    }
}

TEST(EpmipHandoff, PreviousEmagKeepsNoStateOfEndedForwardingPeriods)
{
    // The previous eMAG forwards late downlink for ForwardingLifetime (1 s, §4.3) after the
    // PBCI; an ended period must not stay in its state (it would grow with the handovers).
    std::map<double, std::size_t> periods;
    for (double at : {MOVE_S + 0.5, MOVE_S + 2.5})
    {
        Simulator::Schedule(Seconds(at), [&periods, at]() {
            Ptr<Node> node = Names::Find<Node>("emag1");
            auto list = node->GetObject<Ipv6>()->GetRoutingProtocol()->GetObject<Ipv6ListRouting>();
            for (uint32_t i = 0; list && i < list->GetNRoutingProtocols(); ++i)
            {
                int16_t priority;
                if (auto drf = DynamicCast<DistributedRoutingFunction>(
                        list->GetRoutingProtocol(i, priority)))
                {
                    periods[at] = drf->GetForwardingPeriods();
                }
            }
        });
    }
    RunResults r = Simulate(Load());
    ASSERT_EQ(periods.size(), 2u);
    EXPECT_EQ(periods.at(MOVE_S + 0.5), 1u); // mn1's, under way
    EXPECT_EQ(periods.at(MOVE_S + 2.5), 0u); // ended
    EXPECT_EQ(r.handovers.size(), 1u);
}
