/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP optimized routing (seed 001 §4.1-§4.2, Fig 2) on scenarios/epmip-mn-to-mn.json: the
// signalling ladder, the data path read from the captures, and each flow's first service
// (flows.csv first_packet_delay_ms, optimized_after_ms, detoured_packets) against closed
// forms computed from the link delays, with the first packets on the PMIP path (the
// draft's first alternative) and buffered.
#include "closed-form.h"
#include "epmip-fixture.h"
#include "ladder.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include "ns3/profile-registry.h"
#include "ns3/recipe.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

constexpr double INTERVAL_MS = 10; // the flows' packet spacing
constexpr double UDP_IPV6 = 8 + 40;
constexpr double TUNNEL = 40; // IPv6-in-IPv6

RunResults
RunShipped(const std::vector<std::string>& overrides, ScenarioConfig& cfg)
{
    cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-mn-to-mn.json",
                       overrides,
                       std::nullopt,
                       {});
    RunOptions opt;
    opt.progress = false;
    return RunScenario(cfg, opt);
}

const FlowRecord&
Flow(const RunResults& r, const std::string& name)
{
    for (const auto& f : r.flows)
    {
        if (f.flow == name)
        {
            return f;
        }
    }
    throw std::runtime_error("no flow " + name);
}

/// The first service of a flow from \p cn (at eMAG \p from) to \p mn (at eMAG \p to).
struct FirstService
{
    double firstPacketMs; //!< first delivery - first send
    double optimizedMs;   //!< first delivery through the eMAG-eMAG tunnel - first send
    uint64_t detoured;    //!< packets sent on the PMIP path
};

/// Closed form: the first packet reaches \p from, which sends a PBQR to the eLMA; the PBQA
/// (no processing time at the LMF) sets the direct tunnel. \p buffer: packets wait for it.
FirstService
Predict(const ScenarioConfig& cfg,
        const RunResults& r,
        const std::string& flow,
        const std::string& from,
        const std::string& to,
        bool buffer)
{
    double bytes = 200 + UDP_IPV6;
    double startMs = 0;
    for (const auto& f : cfg.flows)
    {
        startMs = f.name == flow ? f.startS * 1e3 : startMs;
    }
    double firstSentMs = startMs + INTERVAL_MS; // ns-3's OnOff: packet k at start + k intervals
    double atEmagMs = AccessMs(cfg, from, bytes);
    double pbqr = Message(r, from, "PBQR", startMs / 1e3).bytes;
    double pbqa = Message(r, "elma", "PBQA", startMs / 1e3).bytes;
    double locatedMs = firstSentMs + atEmagMs + WiredMs(Path(cfg, from, "elma"), pbqr) +
                       WiredMs(Path(cfg, "elma", from), pbqa);
    double directMs =
        WiredMs(Path(cfg, from, to), bytes + TUNNEL) + AccessMs(cfg, to, bytes); // from eMAG
    if (buffer)
    {
        double first = locatedMs + directMs - firstSentMs;
        return {first, first, 0};
    }
    // The PBQR leaves first: the packet waits for it on the eMAG's first link.
    const LinkConfig first = Path(cfg, from, "elma").back(); // a copy: Path is a temporary
    double behindPbqrMs = (pbqr + PPP_OVERHEAD) * 8 / (first.rateMbps * 1e3);
    double viaLma = atEmagMs + behindPbqrMs + WiredMs(Path(cfg, from, "elma"), bytes + TUNNEL) +
                    WiredMs(Path(cfg, "elma", to), bytes + TUNNEL) + AccessMs(cfg, to, bytes);
    // The first packet to reach the eMAG after the PBQA is tunnelled directly.
    double k = std::ceil((locatedMs - atEmagMs - startMs) / INTERVAL_MS);
    double optimized = startMs + k * INTERVAL_MS + atEmagMs + directMs - firstSentMs;
    return {viaLma, optimized, static_cast<uint64_t>(k - 1)};
}

} // namespace

TEST(EpmipOptimizedRouting, LadderIsRfc5213RegistrationThenOneQueryPerDirection)
{
    ScenarioConfig cfg;
    RunResults r = RunShipped({}, cfg);
    // §4.1: initial registration as RFC 5213, at the eLMA.
    EXPECT_EQ(Ladder(r, 0, 2),
              (std::vector<std::string>{"emag1:PBU>elma",
                                        "emag4:PBU>elma",
                                        "elma:PBA>emag1",
                                        "elma:PBA>emag4"}));
    // §4.2: the first uplink packet of each direction makes its eMAG query the LMF, once.
    EXPECT_EQ(Ladder(r, 2, 3), (std::vector<std::string>{"emag1:PBQR>elma", "elma:PBQA>emag1"}));
    EXPECT_EQ(Ladder(r, 3, 6), (std::vector<std::string>{"emag4:PBQR>elma", "elma:PBQA>emag4"}));
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.lost, 0u) << f.flow;
    }
}

TEST(EpmipOptimizedRouting, FirstPacketsTakeThePmipPathUntilThePbqa)
{
    ScenarioConfig cfg;
    RunResults r = RunShipped({}, cfg);
    for (const auto& [flow, from, to] :
         {std::tuple<std::string, std::string, std::string>{"to-mn2", "emag1", "emag4"},
          {"to-mn1", "emag4", "emag1"}})
    {
        SCOPED_TRACE(flow);
        FirstService expected = Predict(cfg, r, flow, from, to, false);
        const FlowRecord& f = Flow(r, flow);
        EXPECT_NEAR(f.firstPacketDelayMs, expected.firstPacketMs, 1e-6);
        EXPECT_NEAR(f.optimizedAfterMs, expected.optimizedMs, 1e-6);
        EXPECT_EQ(f.detouredPackets, expected.detoured);
        EXPECT_GT(f.detouredPackets, 0u);
    }
}

TEST(EpmipOptimizedRouting, BufferedFirstPacketsWaitForTheDirectTunnel)
{
    ScenarioConfig cfg;
    RunResults r = RunShipped({"protocol.first_packets=buffer"}, cfg);
    for (const auto& [flow, from, to] :
         {std::tuple<std::string, std::string, std::string>{"to-mn2", "emag1", "emag4"},
          {"to-mn1", "emag4", "emag1"}})
    {
        SCOPED_TRACE(flow);
        FirstService expected = Predict(cfg, r, flow, from, to, true);
        const FlowRecord& f = Flow(r, flow);
        EXPECT_NEAR(f.firstPacketDelayMs, expected.firstPacketMs, 1e-6);
        EXPECT_NEAR(f.optimizedAfterMs, expected.optimizedMs, 1e-6);
        EXPECT_EQ(f.detouredPackets, 0u);
        EXPECT_EQ(f.lost, 0u);
    }
}

TEST(EpmipOptimizedRouting, CapturesShowTheEmagToEmagTunnel)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    RunResults r;
    auto dir = CaptureRun("epmip", "epmip-mn-to-mn.json", {}, std::nullopt, &r);
    auto address = SignallingAddresses(r);
    auto tunnelled = [&](const std::string& capture, const std::string& a, const std::string& b) {
        return Count(dir / capture,
                     "ipv6.nxt == 41 && udp && ipv6.src == " + address[a] +
                         " && ipv6.dst == " + address[b]);
    };
    uint64_t detouredUp = Flow(r, "to-mn2").detouredPackets;
    uint64_t detouredDown = Flow(r, "to-mn1").detouredPackets;
    // The core link of the eLMA carries only the detoured packets of both directions.
    EXPECT_EQ(tunnelled("dmm-elma-1.pcap", "emag1", "elma"), static_cast<int>(detouredUp));
    EXPECT_EQ(tunnelled("dmm-elma-1.pcap", "elma", "emag4"), static_cast<int>(detouredUp));
    EXPECT_EQ(tunnelled("dmm-elma-1.pcap", "emag4", "elma"), static_cast<int>(detouredDown));
    // Every other packet goes straight from eMAG to eMAG (Fig 2's direct tunnel).
    int direct = tunnelled("dmm-emag4-1.pcap", "emag1", "emag4") +
                 tunnelled("dmm-emag4-2.pcap", "emag1", "emag4");
    EXPECT_EQ(direct, static_cast<int>(Flow(r, "to-mn2").received - detouredUp));
    int reverse = tunnelled("dmm-emag1-1.pcap", "emag4", "emag1") +
                  tunnelled("dmm-emag1-2.pcap", "emag4", "emag1");
    EXPECT_EQ(reverse, static_cast<int>(Flow(r, "to-mn1").received - detouredDown));
}

namespace
{

/// The shipped scenario under the epmip recipe with DRF attributes \p drf.
RunResults
RunWithDrf(const json& drf, ScenarioConfig& cfg)
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-mn-to-mn.json");
    json j = json::parse(in);
    j.erase("profile");
    j["recipe"] = dmm::GetRecipe("epmip").source;
    j["recipe"]["name"] = "epmip-drf";
    j["recipe"]["roles"]["access"]["functions"]["mr"] = {
        {"type", "ns3::DistributedRoutingFunction"},
        {"attributes", drf}};
    cfg = ParseScenario(j);
    return Simulate(cfg);
}

} // namespace

TEST(EpmipOptimizedRouting, PeerLearnsTheSendersLocationFromTheOuterHeader)
{
    ScenarioConfig cfg;
    RunResults r = RunWithDrf({{"LearnFromOuterHeader", true}}, cfg);
    // §4.2's alternative: eMAG4 read eMAG1 from the tunnel, so mn2's reply needs no query.
    EXPECT_EQ(Ladder(r, 2, 6), (std::vector<std::string>{"emag1:PBQR>elma", "elma:PBQA>emag1"}));
    const FlowRecord& back = Flow(r, "to-mn1");
    EXPECT_EQ(back.detouredPackets, 0u);
    EXPECT_NEAR(back.optimizedAfterMs, back.firstPacketDelayMs, 1e-9);
    EXPECT_EQ(back.lost, 0u);
}

TEST(EpmipOptimizedRouting, BufferOverflowIsDroppedAndCounted)
{
    ScenarioConfig cfg;
    RunResults r = RunWithDrf({{"FirstPackets", "Buffer"}, {"BufferSize", 1}}, cfg);
    uint64_t overflow = 0;
    for (const auto& [flow, from, to] :
         {std::tuple<std::string, std::string, std::string>{"to-mn2", "emag1", "emag4"},
          {"to-mn1", "emag4", "emag1"}})
    {
        SCOPED_TRACE(flow);
        // The packets that reach the eMAG before the PBQA are the ones the PMIP path
        // would detour: one is held, the others find the buffer full.
        uint64_t waiting = Predict(cfg, r, flow, from, to, false).detoured;
        ASSERT_GT(waiting, 1u);
        const FlowRecord& f = Flow(r, flow);
        EXPECT_EQ(f.lost, waiting - 1);
        EXPECT_EQ(f.detouredPackets, 0u);
        overflow += waiting - 1;
    }
    // Each is counted by the DRF (summary.json "epmip") and dropped with a named reason
    // (the router's QUEUE_FULL, "buffer_full" in the packet account), nothing else.
    EXPECT_EQ(r.epmip.at("buffer_drops"), overflow);
    EXPECT_EQ(r.packets.dropped, (std::map<std::string, uint64_t>{{"buffer_full", overflow}}));
}
