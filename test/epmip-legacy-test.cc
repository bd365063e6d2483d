/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP with legacy MAGs and LMAs in the domain (seed 001 §4.1, §6) on
// scenarios/epmip-legacy.json: mn3 is anchored at a legacy LMA but attached to eMAG5 (§4.1:
// eMAG5 is a legacy MAG for it); mn1 moves eMAG1 -> legacy MAG3 -> eMAG2 while it and mn2
// (eMAG4) send to each other (§6: PMIP routing while one side is legacy, optimized routing
// again once both are at eMAGs). The "epmip_role" key's validation, the ladders, the data
// paths from the captures and the loss against closed forms from the link delays.
#include "closed-form.h"
#include "epmip-fixture.h"
#include "ladder.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

constexpr double BYTES = 200 + 8 + 40; // UDP payload + headers
constexpr double TUNNEL = 40;          // IPv6-in-IPv6
constexpr double TO_LEGACY_S = 3.0;    // mn1's detach from eMAG1
constexpr double FROM_LEGACY_S = 5.0;  // mn1's detach from MAG3
constexpr double INTERVAL_S = 0.010;   // the flows' packet spacing

json
File()
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-legacy.json");
    return json::parse(in);
}

ScenarioConfig
Load()
{
    return ParseScenario(File());
}

/// The error of parsing the scenario with node \p node's "epmip_role" set to \p value.
std::string
RoleError(json j, const std::string& node, const std::string& value)
{
    for (auto& n : j["nodes"])
    {
        if (n["name"] == node)
        {
            n["epmip_role"] = value;
        }
    }
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

} // namespace

TEST(EpmipLegacy, RoleOverrideIsParsedAndValidated)
{
    ScenarioConfig cfg = Load();
    EXPECT_EQ(cfg.FindNode("mag3")->epmipRole, "mag");
    EXPECT_EQ(cfg.FindNode("lma")->epmipRole, "lma");
    EXPECT_EQ(cfg.FindNode("emag1")->epmipRole, "");
    EXPECT_EQ(RoleError(File(), "emag1", "emag"), "<no error>");
    EXPECT_NE(RoleError(File(), "emag1", "lma").find("unknown value \"lma\" for role access"),
              std::string::npos);
    EXPECT_NE(RoleError(File(), "mn1", "mag").find("only for roles access, anchor and router"),
              std::string::npos);
    EXPECT_NE(RoleError(File(), "core", "mag").find("unknown value \"mag\" for role router"),
              std::string::npos);
    EXPECT_EQ(RoleError(File(), "core", "ar"), "<no error>"); // §5.2's AR+DRF
    json pmip = File();
    pmip.erase("recipe");
    pmip["profile"] = "pmipv6";
    EXPECT_NE(RoleError(pmip, "mag3", "mag").find("only for ePMIP profiles"), std::string::npos);
}

TEST(EpmipLegacy, NodeOfLegacyLmaIsRegisteredThereAndGetsNoOptimization)
{
    RunResults r = Simulate(Load());
    // §4.1: eMAG5 registers mn3 at its legacy LMA and acts as a legacy MAG for it.
    auto ladder = Ladder(r, 1, 1.5);
    EXPECT_NE(std::find(ladder.begin(), ladder.end(), "emag5:PBU>lma"), ladder.end());
    EXPECT_NE(std::find(ladder.begin(), ladder.end(), "lma:PBA>emag5"), ladder.end());
    EXPECT_TRUE(Messages(r, "emag5", "PBQR", 0, 7).empty());
    const FlowRecord& f = FlowNamed(r, "mn3-to-mn2");
    EXPECT_EQ(f.lost, 0u);
    // PMIP all the way: mn3, eMAG5, LMA, core, eLMA, core, eMAG4, mn2.
    EXPECT_EQ(f.lastLinks, 7u);
    EXPECT_EQ(f.maxLinks, 7u);
}

TEST(EpmipLegacy, LaddersOfMovesToAndFromLegacyMag)
{
    RunResults r = Simulate(Load());
    // eMAG1 -> MAG3: the eLMA tells the previous eMAG, which withdraws the correspondent's
    // direct tunnel; eMAG4's next packet queries and is answered R (MAG3 is legacy).
    EXPECT_EQ(Ladder(r, TO_LEGACY_S, TO_LEGACY_S + 1),
              (std::vector<std::string>{"emag1:PBU>elma",
                                        "elma:PBA>emag1",
                                        "mag3:PBU>elma",
                                        "elma:PBCI>emag1",
                                        "elma:PBA>mag3",
                                        "emag1:PBCI>emag4",
                                        "emag1:PBCA>elma",
                                        "emag4:PBCA>emag1",
                                        "emag4:PBQR>elma",
                                        "elma:PBQA>emag4"}));
    // MAG3 -> eMAG2: no PBCI to the legacy MAG; the eLMA gives eMAG4 (answered R before)
    // the new location and eMAG2 queries mn2's.
    EXPECT_EQ(Ladder(r, FROM_LEGACY_S, FROM_LEGACY_S + 1),
              (std::vector<std::string>{"mag3:PBU>elma",
                                        "elma:PBA>mag3",
                                        "emag2:PBU>elma",
                                        "elma:PBCI>emag4",
                                        "elma:PBA>emag2",
                                        "emag4:PBCA>elma",
                                        "emag2:PBQR>elma",
                                        "elma:PBQA>emag2"}));
    for (const char* flow : {"to-mn1", "to-mn2"})
    {
        EXPECT_EQ(FlowNamed(r, flow).lastLinks, 4u) << flow; // mn, eMAG, core, eMAG, mn
    }
}

TEST(EpmipLegacy, CapturesShowPmipWhileLegacyThenDirectEmagToEmag)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    RunResults r;
    auto dir = CaptureRun("epmip-legacy", "epmip-legacy.json", {}, std::nullopt, &r);
    auto address = SignallingAddresses(r);
    // Tunnelled UDP from a to b in a capture's time window.
    auto tunnelled = [&](const std::string& capture,
                         const std::string& window,
                         const std::string& a,
                         const std::string& b) {
        return Count(dir / capture,
                     window + " && ipv6.nxt == 41 && udp && ipv6.src == " + address[a] +
                         " && ipv6.dst == " + address[b]);
    };
    // mn1 at MAG3 (3.2 s to 4.9 s): both directions through the eLMA, none direct.
    const std::string legacy = "frame.time_relative > 3.2 && frame.time_relative < 4.9";
    const std::string elma = "dmm-elma-1.pcap";
    const std::string emag4 = "dmm-emag4-1.pcap";
    EXPECT_GT(tunnelled(elma, legacy, "mag3", "elma"), 150);
    EXPECT_GT(tunnelled(elma, legacy, "elma", "mag3"), 150);
    EXPECT_EQ(tunnelled(emag4, legacy, "emag4", "mag3") +
                  tunnelled(emag4, legacy, "emag4", "emag1"),
              0);
    // Back at an eMAG (5.2 s on): eMAG2 <-> eMAG4 directly, nothing via the eLMA for mn1.
    const std::string after = "frame.time_relative > 5.2";
    int up = tunnelled(emag4, after, "emag2", "emag4");
    EXPECT_GT(up, 100);
    EXPECT_EQ(tunnelled(emag4, after, "emag4", "emag2"), up);
    EXPECT_EQ(tunnelled(elma, after, "elma", "emag2") + tunnelled(elma, after, "emag2", "elma"), 0);
}

namespace
{

/// mn1's handover to \p to.
const HandoverRecord&
MoveTo(const RunResults& r, const std::string& to)
{
    for (const auto& h : r.handovers)
    {
        if (h.mn == "mn1" && h.to == to)
        {
            return h;
        }
    }
    throw std::runtime_error("no move to " + to);
}

/// Packets of the 10 ms flow \p flow sent at a time t with lost(t).
template <typename F>
uint64_t
LostCount(const ScenarioConfig& cfg, const std::string& flow, F lost)
{
    uint64_t n = 0;
    for (const auto& f : cfg.flows)
    {
        for (int k = 0; f.name == flow && f.startS + k * INTERVAL_S < f.stopS - 1e-9; ++k)
        {
            double t = f.startS + k * INTERVAL_S; // as the sender computes it: no drift
            n += lost(t) ? 1 : 0;
        }
    }
    return n;
}

} // namespace

TEST(EpmipLegacy, LossMatchesTheHandoversClosedForms)
{
    ScenarioConfig cfg = Load();
    RunResults r = Simulate(cfg);
    auto ms = [](double v) { return v / 1e3; };
    double up4 = ms(AccessMs(cfg, "emag4", BYTES));
    // To MAG3: mn2's packets tunnelled to eMAG1 until eMAG4 gets eMAG1's PBCI (::), lost
    // when they reach mn1's old link after the detach.
    double pbci = Message(r, "emag1", "PBCI", TO_LEGACY_S).bytes;
    double withdrawn = Message(r, "emag1", "PBCI", TO_LEGACY_S).timeS +
                       ms(WiredMs(Path(cfg, "emag1", "emag4"), pbci));
    double toEmag1 = ms(WiredMs(Path(cfg, "emag4", "emag1"), BYTES + TUNNEL));
    auto lostToLegacy = [&](double t) {
        return t + up4 < withdrawn &&
               t + up4 + toEmag1 + ms(AccessMs(cfg, "emag1", BYTES)) > TO_LEGACY_S;
    };
    // From MAG3: PMIP, lost when they reach the eLMA before eMAG2's PBU and mn1's old
    // link after the detach.
    double pbu = Message(r, "emag2", "PBU", FROM_LEGACY_S).bytes;
    double moved = Message(r, "emag2", "PBU", FROM_LEGACY_S).timeS +
                   ms(WiredMs(Path(cfg, "emag2", "elma"), pbu));
    double toElma = ms(WiredMs(Path(cfg, "emag4", "elma"), BYTES + TUNNEL));
    double toMag3 = ms(WiredMs(Path(cfg, "elma", "mag3"), BYTES + TUNNEL));
    auto lostFromLegacy = [&](double t) {
        return t + up4 + toElma < moved &&
               t + up4 + toElma + toMag3 + ms(AccessMs(cfg, "mag3", BYTES)) > FROM_LEGACY_S;
    };
    EXPECT_EQ(FlowNamed(r, "to-mn1").lost, LostCount(cfg, "to-mn1", [&](double t) {
                  return lostToLegacy(t) || lostFromLegacy(t);
              }));
    // mn1's own packets: those sent while it has no route, each move's PMIP latency.
    const HandoverRecord& a = MoveTo(r, "mag3");
    const HandoverRecord& b = MoveTo(r, "emag2");
    double la = ms(PredictPmipv6(cfg, r, a, "elma"));
    double lb = ms(PredictPmipv6(cfg, r, b, "elma"));
    EXPECT_NEAR(ms(a.latencyMs), la, la * 0.01);
    EXPECT_NEAR(ms(b.latencyMs), lb, lb * 0.01);
    EXPECT_EQ(FlowNamed(r, "to-mn2").lost, LostCount(cfg, "to-mn2", [&](double t) {
                  return (t >= a.l2DownS && t < a.l2DownS + la) ||
                         (t >= b.l2DownS && t < b.l2DownS + lb);
              }));
}
