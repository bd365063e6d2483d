/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Client-based profiles on deterministic links: handover latency against the closed-form
// models of doc/dmm.rst (Validation), loss against interruption x rate, retransmission
// back-off, and the route-optimised path against the triangle through the home agent.
#include "closed-form.h"
#include "test-paths.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

constexpr double ND_BYTES = 72; // NS and NA with a link-layer address option (RFC 4861)
constexpr double TUNNEL = 40;   // outer IPv6 header of IPv6-in-IPv6
constexpr double DAD_MS = 1000; // ns-3 Icmpv6L4Protocol DadTimeout (RetransTimer x 1)

std::string
Only(const ScenarioConfig& cfg, const std::string& role)
{
    return cfg.NodesWithRole(role).front()->name;
}

/// Movement detection: L2 switch, RS, the access router's processing, RA, and the wait
/// for duplicate address detection when the profile waits for it.
double
MovementMs(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    double rs = Message(r, h.mn, "RS", h.l2UpS).bytes;
    double ra = Message(r, h.to, "RA", h.l2UpS).bytes;
    return cfg.l2.switchTimeMs + AccessMs(cfg, h.to, rs) + cfg.accessProcessingMs +
           AccessMs(cfg, h.to, ra) + (cfg.protocol.dad == "wait" ? DAD_MS : 0);
}

/// A BU from the mobile node to an anchor and its BA back; the access router first
/// resolves the new care-of address (NS + NA) before it can deliver the BA.
double
RegistrationMs(const ScenarioConfig& cfg,
               const HandoverRecord& h,
               const std::string& anchor,
               double bu,
               double ba)
{
    auto path = Path(cfg, h.to, anchor);
    return AccessMs(cfg, h.to, bu) + WiredMs(path, bu) + cfg.anchorProcessingMs +
           WiredMs(path, ba) + 2 * AccessMs(cfg, h.to, ND_BYTES) + AccessMs(cfg, h.to, ba);
}

/// mipv6: movement detection + home registration.
double
PredictMipv6(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    std::string ha = Only(cfg, "anchor");
    return MovementMs(cfg, r, h) + RegistrationMs(cfg,
                                                  h,
                                                  ha,
                                                  Message(r, h.mn, "BU", h.l2UpS).bytes,
                                                  Message(r, ha, "BA", h.l2UpS).bytes);
}

/// mipv6-ro: + return routability (HoTI/HoT through the home agent's tunnel and
/// CoTI/CoT directly, in parallel) + BU/BA with the correspondent.
double
PredictMipv6Ro(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    std::string ha = Only(cfg, "anchor");
    std::string cn = Only(cfg, "cn");
    auto toHa = Path(cfg, h.to, ha);
    auto haCn = Path(cfg, ha, cn);
    auto toCn = Path(cfg, h.to, cn);
    double hoti = Message(r, h.mn, "HoTI", h.l2UpS).bytes;
    double hot = Message(r, cn, "HoT", h.l2UpS).bytes;
    double coti = Message(r, h.mn, "CoTI", h.l2UpS).bytes;
    double cot = Message(r, cn, "CoT", h.l2UpS).bytes;
    double homeTest = AccessMs(cfg, h.to, hoti + TUNNEL) + WiredMs(toHa, hoti + TUNNEL) +
                      WiredMs(haCn, hoti) + WiredMs(haCn, hot) + WiredMs(toHa, hot + TUNNEL) +
                      AccessMs(cfg, h.to, hot + TUNNEL);
    double careOfTest = AccessMs(cfg, h.to, coti) + WiredMs(toCn, coti) + WiredMs(toCn, cot) +
                        AccessMs(cfg, h.to, cot);
    double bu = Messages(r, h.mn, "BU", h.l2UpS).at(1).bytes;
    double ba = Message(r, cn, "BA", h.l2UpS).bytes;
    double correspondent =
        AccessMs(cfg, h.to, bu) + WiredMs(toCn, bu) + WiredMs(toCn, ba) + AccessMs(cfg, h.to, ba);
    return PredictMipv6(cfg, r, h) + std::max(homeTest, careOfTest) + correspondent;
}

/// hmipv6: movement detection + local BU/BA with the MAP; on a new MAP also the home
/// registration of the new RCoA, tunnelled between the mobile node and the MAP.
double
PredictHmipv6(const ScenarioConfig& cfg,
              const RunResults& r,
              const HandoverRecord& h,
              const std::string& map,
              bool newMap)
{
    double latency = MovementMs(cfg, r, h) + RegistrationMs(cfg,
                                                            h,
                                                            map,
                                                            Message(r, h.mn, "BU", h.l2UpS).bytes,
                                                            Message(r, map, "BA", h.l2UpS).bytes);
    if (newMap)
    {
        std::string ha = Only(cfg, "anchor");
        double bu = Messages(r, h.mn, "BU", h.l2UpS).at(1).bytes;
        double ba = Message(r, ha, "BA", h.l2UpS).bytes;
        auto toMap = Path(cfg, h.to, map);
        auto mapHa = Path(cfg, map, ha);
        latency += AccessMs(cfg, h.to, bu + TUNNEL) + WiredMs(toMap, bu + TUNNEL) +
                   WiredMs(mapHa, bu) + cfg.anchorProcessingMs + WiredMs(mapHa, ba) +
                   WiredMs(toMap, ba + TUNNEL) + AccessMs(cfg, h.to, ba + TUNNEL);
    }
    return latency;
}

void
ExpectClosedForm(const ScenarioConfig& cfg,
                 const std::function<double(const RunResults&, const HandoverRecord&)>& model)
{
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), cfg.mobility.size() - 1);
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(cfg.profile + ": " + h.from + " -> " + h.to);
        ASSERT_FALSE(std::isnan(h.latencyMs)) << "handover not complete";
        double predicted = model(r, h);
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
    }
}

void
ExpectMipv6(const json& j)
{
    ScenarioConfig cfg = ParseScenario(j);
    ExpectClosedForm(cfg, [&](const RunResults& r, const HandoverRecord& h) {
        return cfg.profile == "mipv6" ? PredictMipv6(cfg, r, h) : PredictMipv6Ro(cfg, r, h);
    });
}

/// cn - core - lma - r1..r(K-1) - mapA - {ar1, ar2}; lma - mapB - ar3 (K hops from the
/// home agent to MAP A). Moves ar1 -> ar2 (same MAP) at 3 s and ar2 -> ar3 (new MAP) at 5 s.
json
HierarchicalScenario(int hops, double wiredMs, double switchMs, double accessMs)
{
    json j = ChainScenario(1, wiredMs, switchMs, accessMs, 100, "hmipv6");
    j["duration_s"] = 7.0;
    j["nodes"] = {{{"name", "cn"}, {"role", "cn"}},
                  {{"name", "core"}, {"role", "router"}},
                  {{"name", "lma"}, {"role", "anchor"}},
                  {{"name", "mapA"}, {"role", "aggregation"}},
                  {{"name", "mapB"}, {"role", "aggregation"}},
                  {{"name", "ar1"}, {"role", "access"}},
                  {{"name", "ar2"}, {"role", "access"}},
                  {{"name", "ar3"}, {"role", "access"}},
                  {{"name", "mn"}, {"role", "mn"}}};
    auto link = [&](const std::string& a, const std::string& b, double d) {
        j["links"].push_back({{"a", a}, {"b", b}, {"delay_ms", d}, {"rate_mbps", 1000.0}});
    };
    j["links"] = json::array();
    link("cn", "core", 4.0);
    link("core", "lma", 3.0);
    std::string prev = "lma";
    for (int i = 1; i < hops; ++i)
    {
        std::string r = "r" + std::to_string(i);
        j["nodes"].push_back({{"name", r}, {"role", "router"}});
        link(prev, r, wiredMs);
        prev = r;
    }
    link(prev, "mapA", wiredMs);
    link("mapA", "ar1", wiredMs);
    link("mapA", "ar2", wiredMs);
    link("lma", "mapB", wiredMs);
    link("mapB", "ar3", wiredMs);
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "ar1"}},
                     {{"mn", "mn"}, {"at_s", 3.0}, {"attach", "ar2"}},
                     {{"mn", "mn"}, {"at_s", 5.0}, {"attach", "ar3"}}};
    for (auto& f : j["flows"])
    {
        f["stop_s"] = 6.5;
    }
    return j;
}

void
ExpectHmipv6(const json& j)
{
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& intra = r.handovers[0];
    const HandoverRecord& inter = r.handovers[1];
    EXPECT_NEAR(intra.latencyMs,
                PredictHmipv6(cfg, r, intra, "mapA", false),
                intra.latencyMs * 0.01);
    EXPECT_NEAR(inter.latencyMs,
                PredictHmipv6(cfg, r, inter, "mapB", true),
                inter.latencyMs * 0.01);
    // RFC 5380 §6: the home agent hears nothing about a move under the same MAP.
    for (const auto& s : r.signaling)
    {
        if (s.timeS >= intra.l2DownS && s.timeS < inter.l2DownS)
        {
            EXPECT_NE(s.node, Only(cfg, "anchor")) << s.type << " at " << s.timeS;
        }
    }
}

} // namespace

TEST(Mipv6Handover, OneHopToHomeAgent)
{
    ExpectMipv6(ChainScenario(1, 2.0, 50, 1.0, 100, "mipv6"));
}

TEST(Mipv6Handover, ThreeHopsSlowAccessWithProcessing)
{
    json j = ChainScenario(3, 4.0, 80, 3.0, 11, "mipv6");
    j["processing"] = {{"access_ms", 0.5}, {"anchor_ms", 1.25}};
    ExpectMipv6(j);
}

TEST(Mipv6Handover, FiveHopsShortSwitchDadOff)
{
    json j = ChainScenario(5, 1.5, 20, 0.5, 54, "mipv6");
    j["protocol"] = {{"dad", "off"}};
    ExpectMipv6(j);
}

TEST(Mipv6Handover, WaitingForDadAddsRetransTimer)
{
    json j = ChainScenario(2, 2.0, 50, 1.0, 100, "mipv6");
    j["protocol"] = {{"dad", "wait"}};
    ExpectMipv6(j);
}

TEST(Mipv6RoHandover, OneHopToHomeAgent)
{
    ExpectMipv6(ChainScenario(1, 2.0, 50, 1.0, 100, "mipv6-ro"));
}

TEST(Mipv6RoHandover, ThreeHopsSlowAccessWithProcessing)
{
    json j = ChainScenario(3, 4.0, 80, 3.0, 11, "mipv6-ro");
    j["processing"] = {{"access_ms", 0.5}, {"anchor_ms", 1.25}};
    ExpectMipv6(j);
}

TEST(Mipv6RoHandover, FiveHopsShortSwitch)
{
    ExpectMipv6(ChainScenario(5, 1.5, 20, 0.5, 54, "mipv6-ro"));
}

TEST(Hmipv6Handover, OneHopToMap)
{
    ExpectHmipv6(HierarchicalScenario(1, 2.0, 50, 1.0));
}

TEST(Hmipv6Handover, TwoHopsSlowLinks)
{
    ExpectHmipv6(HierarchicalScenario(2, 5.0, 80, 3.0));
}

TEST(Hmipv6Handover, FourHopsShortSwitchWithProcessing)
{
    json j = HierarchicalScenario(4, 1.5, 20, 0.5);
    j["processing"] = {{"access_ms", 0.5}, {"anchor_ms", 2.0}};
    ExpectHmipv6(j);
}

TEST(ClientLoss, LossIsInterruptionTimesRate)
{
    for (const char* profile : {"mipv6", "mipv6-ro", "hmipv6"})
    {
        json j = std::string(profile) == "hmipv6" ? HierarchicalScenario(2, 2.0, 50, 1.0)
                                                  : ChainScenario(2, 2.0, 50, 1.0, 100, profile);
        j["flows"] = json::array({j["flows"][0]}); // downlink only: one packet stream
        j["flows"][0]["interval_ms"] = 5.0;
        ScenarioConfig cfg = ParseScenario(j);
        RunResults r = Simulate(cfg);
        ASSERT_FALSE(r.handovers.empty());
        for (const auto& h : r.handovers)
        {
            SCOPED_TRACE(std::string(profile) + ": " + h.from + " -> " + h.to);
            ASSERT_FALSE(std::isnan(h.interruptionMs));
            // Lost = packets sent in the interruption, +-1 for the phase of the packet
            // clock. The one queue on the way is the new access router's neighbour
            // cache: packets arriving while it resolves the care-of address (NS + NA)
            // wait instead of being lost, which can save that many packets.
            double perInterval = h.interruptionMs / 5.0;
            double resolution = 2 * AccessMs(cfg, h.to, ND_BYTES) / 5.0;
            EXPECT_LE(h.lostPackets, perInterval + 1);
            EXPECT_GE(h.lostPackets, perInterval - 1 - resolution);
        }
    }
}

TEST(ClientLocationUpdate, BindingUpdateBacksOffUntilAcknowledged)
{
    // A home agent that takes 5 s to answer: the first home registration is retransmitted
    // after InitialBindackTimeoutFirstReg (1.5 s), then after twice that (RFC 6275 §11.8);
    // retransmissions keep their sequence number, so the late answer is accepted.
    json j = ChainScenario(1, 2.0, 50, 1.0, 100, "mipv6");
    j["processing"] = {{"anchor_ms", 5000.0}};
    j["duration_s"] = 11.0;
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "magA"}}};
    j["flows"] = json::array();
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    auto bus = Messages(r, "mn", "BU", 0);
    ASSERT_EQ(bus.size(), 3u); // the first answer (after 5 s) stops the retransmissions
    EXPECT_NEAR(bus[1].timeS - bus[0].timeS, 1.5, 1e-9);
    EXPECT_NEAR(bus[2].timeS - bus[1].timeS, 3.0, 1e-9);
    EXPECT_EQ(Messages(r, "lma", "BA", 0).size(), bus.size()); // every copy is answered
}

TEST(RouteOptimization, TriangleThroughTheHomeAgentThenDirect)
{
    // scenarios/mipv6-triangle.json: the mobile node and the correspondent share a
    // gateway; the home agent is three 10 ms links away.
    auto load = [](const std::string& profile) {
        return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/mipv6-triangle.json",
                            {},
                            profile,
                            {});
    };
    ScenarioConfig cfg = load("mipv6");
    // The last attachment is ar1; path lengths in links, read off the scenario's graph.
    size_t direct = Path(cfg, "cn", "ar1").size() + 1;
    size_t triangle = Path(cfg, "cn", "ha").size() + Path(cfg, "ha", "ar1").size() + 1;
    ASSERT_GT(triangle, direct);
    for (const char* profile : {"mipv6", "mipv6-ro"})
    {
        SCOPED_TRACE(profile);
        RunResults r = Simulate(load(profile));
        for (const auto& f : r.flows)
        {
            SCOPED_TRACE(f.flow);
            EXPECT_EQ(f.lastShortestLinks, direct);
            // Before a correspondent binding every packet goes through the home agent.
            EXPECT_EQ(f.maxLinks, triangle);
            // With route optimisation the path after the binding is the shortest one.
            EXPECT_EQ(f.lastLinks, std::string(profile) == "mipv6" ? triangle : direct);
        }
        double stretch = static_cast<double>(triangle) / direct;
        if (std::string(profile) == "mipv6")
        {
            EXPECT_NEAR(r.meanPathStretch, stretch, 1e-9);
        }
        else
        {
            EXPECT_LT(r.meanPathStretch, 1.1); // only the packets before each binding
            EXPECT_GT(r.meanPathStretch, 1.0);
        }
    }
}

TEST(Mipv6Handover, ReturningHomeDeregisters)
{
    // The home agent is the router of the home link: the node starts at home, leaves, and
    // comes back (RFC 6275 §11.5.4).
    json j = ChainScenario(2, 2.0, 50, 1.0, 100, "mipv6");
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "lma"}},
                     {{"mn", "mn"}, {"at_s", 2.0}, {"attach", "magA"}},
                     {{"mn", "mn"}, {"at_s", 3.5}, {"attach", "lma"}}};
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& away = r.handovers[0];
    const HandoverRecord& home = r.handovers[1];
    EXPECT_NEAR(away.latencyMs, PredictMipv6(cfg, r, away), away.latencyMs * 0.01);
    // De-registration from the home address: no Home Address option, no Alternate CoA,
    // no routing header; the home agent still knows the node's link-layer address.
    const SignalingRecord& bu = Message(r, "mn", "BU", home.l2UpS);
    const SignalingRecord& ba = Message(r, "lma", "BA", home.l2UpS);
    EXPECT_EQ(bu.src, ba.dst);
    EXPECT_EQ(ba.dst, r.flows.front().address) << "the BU leaves from the home address";
    double predicted = MovementMs(cfg, r, home) + AccessMs(cfg, "lma", bu.bytes) +
                       cfg.anchorProcessingMs + AccessMs(cfg, "lma", ba.bytes);
    EXPECT_NEAR(home.latencyMs, predicted, predicted * 0.01);
    // At home the flows are native again: shortest path, nothing tunnelled any more.
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks) << f.flow;
        EXPECT_GT(f.received, f.sent * 9 / 10) << f.flow;
    }
}

TEST(Mipv6Handover, HomeLinkNeedsAClientBasedProfile)
{
    json j = ChainScenario(2, 2.0, 50, 1.0, 100, "pmipv6");
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "lma"}}};
    try
    {
        Simulate(ParseScenario(j));
        FAIL() << "pmipv6 accepted a mobile node on the LMA";
    }
    catch (const ScenarioError& e)
    {
        EXPECT_NE(std::string(e.what()).find("home link needs a client-based profile"),
                  std::string::npos)
            << e.what();
    }
    // The refused scenario left nothing behind: the same nodes can be built again.
    j["profile"] = "mipv6";
    EXPECT_EQ(Simulate(ParseScenario(j)).profile, "mipv6");
}

TEST(ClientLocationUpdate, RefreshKeepsTheHomeBindingAlive)
{
    // An 8 s lifetime refreshed at half of it: the binding never expires over 20 s, and
    // every refresh leaves RefreshRatio x lifetime after the last acknowledgement.
    json j = ChainScenario(2, 2.0, 50, 1.0, 100, "mipv6");
    j["duration_s"] = 20.0;
    j["protocol"] = {{"binding_lifetime_s", 8}, {"refresh_ratio", 0.5}};
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "magA"}}};
    j["flows"][0]["stop_s"] = 19.5;
    j["flows"][1]["stop_s"] = 19.5;
    RunResults r = Simulate(ParseScenario(j));
    auto bus = Messages(r, "mn", "BU", 0);
    auto bas = Messages(r, "lma", "BA", 0);
    ASSERT_GE(bus.size(), 4u);
    for (size_t i = 1; i < bus.size(); ++i)
    {
        // The refresh timer starts when the BA arrives, a few ms (HA -> MN path) after
        // the home agent sent it.
        double baSent = bas[i - 1].timeS;
        EXPECT_GT(bus[i].timeS, baSent + 4.0);
        EXPECT_LT(bus[i].timeS, baSent + 4.0 + 0.01);
    }
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.lost, 0u) << f.flow;
    }
}
