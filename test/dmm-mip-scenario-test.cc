/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002) on scenarios/dmm-mip-fig1.json (Fig 1's three local
// networks): mn1 first attaches to mr12 (its home local network, HoA anchored there), moves
// to mr11 at 2 s and to mr2 (network 2) at 8 s; cn2 behind mr31 starts sending to it at
// 5 s. The ladders of Figs 3-5, their first-packet delays and handover latencies against
// closed forms from the link delays.
#include "closed-form.h"
#include "ladder.h"
#include "test-paths.h"

#include "ns3/boolean.h"
#include "ns3/config.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>

using namespace dmmtest;

namespace
{

const std::string FIG1 = "/scenarios/dmm-mip-fig1.json";
constexpr double UDP_PACKET = 200 + 8 + 40; //!< payload, UDP and IPv6 headers, bytes
constexpr double TUNNEL = 40;               //!< outer IPv6 header, bytes

ScenarioConfig
LoadFig1(const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + FIG1, overrides, {}, {});
}

const FlowRecord&
Flow(const RunResults& r)
{
    return r.flows.at(0);
}

/// Three parameter sets for the closed forms (on deterministic links): the file's, slower
/// access and processing, other wired delays (core - gw1, gw1 - mr11, gw1 - mr12, cn2 - mr31).
const std::vector<std::vector<std::string>> PARAMETER_SETS{
    {},
    {"access.delay_ms=3", "processing.anchor_ms=4", "processing.access_ms=2"},
    {"links.0.delay_ms=9", "links.6.delay_ms=4", "links.7.delay_ms=3", "links.11.delay_ms=3"}};

/// First-packet delay of cn2's flow when \p asker (the correspondent's router, Fig 3, or
/// the anchoring router, Fig 4) asks lm1 and tunnels to mr11, mn1's router: cn2 to
/// \p asker, the query round trip (anchor_ms at lm1; the routing function answers without
/// processing), the tunnel to mr11, the access link.
double
PredictFirstPacketMs(const ScenarioConfig& cfg, const RunResults& r, const std::string& asker)
{
    double q = Message(r, asker, "LocationQuery", 4.9).timeS;
    return WiredMs(Path(cfg, "cn2", asker), UDP_PACKET) +
           ExchangeMs(cfg, r, asker, "lm1", "LocationQuery", "LocationReply", q) +
           WiredMs(Path(cfg, asker, "mr11"), UDP_PACKET + TUNNEL) +
           AccessMs(cfg, "mr11", UDP_PACKET);
}

std::string
Trace(const std::vector<std::string>& overrides)
{
    std::string s = "overrides:";
    for (const auto& o : overrides)
    {
        s += " " + o;
    }
    return s;
}

/// Fig 1 with cn2 sending from 1.5 s, while mn1 is at its home router mr12 (the native
/// route), and mn1 moving to mr11 at 2 s.
ScenarioConfig
HomeRouterSessionThenMove(const std::vector<std::string>& overrides)
{
    ScenarioConfig cfg = LoadFig1(overrides);
    cfg.flows.at(0).startS = 1.5;
    cfg.mobility = {{"mn1", 1.0, "mr12", ""}, {"mn1", 2.0, "mr11", ""}};
    return cfg;
}

} // namespace

TEST(DmmMipFig1, FirstAttachmentAsksTheHaaOfTheLocalNetworkOnly)
{
    // §4.1: the HAA assigns the HoA; the LM is not updated (UpdateLmOnAttach off).
    ScenarioConfig cfg = LoadFig1();
    RunResults r = Simulate(cfg);
    EXPECT_EQ(Ladder(r, 0.9, 2.0),
              (std::vector<std::string>{"mr12:HoaRequest>lm1", "lm1:HoaReply>mr12"}));
    // The HoA stays the home network's (§4.2 NewHomeAddress off): on mr12's link.
    EXPECT_EQ(Flow(r).address.substr(0, 12), "2001:bbbb:2:");
    EXPECT_EQ(Flow(r).received, Flow(r).sent);
}

TEST(DmmMipFig1, TheLmUpdateAtFirstAttachmentIsAnOption)
{
    // §4.1: "Updating mobile node's routing location during initial attachment is not a
    // mandatory step": with UpdateLmOnAttach the router registers the HoA with its LM
    // after the HAA's answer.
    Config::SetDefault("ns3::DmmMipMrAgent::UpdateLmOnAttach", BooleanValue(true));
    RunResults r = Simulate(LoadFig1());
    Config::SetDefault("ns3::DmmMipMrAgent::UpdateLmOnAttach", BooleanValue(false));
    EXPECT_EQ(Ladder(r, 0.9, 2.0),
              (std::vector<std::string>{"mr12:HoaRequest>lm1",
                                        "lm1:HoaReply>mr12",
                                        "mr12:LocationRegister>lm1",
                                        "lm1:LocationRegisterAck>mr12"}));
    EXPECT_EQ(Flow(r).received, Flow(r).sent);
}

TEST(DmmMipFig1, StatefulAssignmentGivesAPrefixOfTheRoutersPool)
{
    RunResults r = Simulate(LoadFig1({"protocol.hoa_assignment=stateful"}));
    EXPECT_EQ(Flow(r).address.substr(0, 9), "2001:1:2:"); // mr12's pool (second router)
    EXPECT_EQ(Flow(r).received, Flow(r).sent);
}

TEST(DmmMipFig3, QueryLadderAndFirstPacketDelay)
{
    for (const auto& overrides : PARAMETER_SETS)
    {
        SCOPED_TRACE(Trace(overrides));
        std::vector<std::string> all = overrides;
        all.push_back("protocol.route_optimization=query");
        ScenarioConfig cfg = LoadFig1(all);
        RunResults r = Simulate(cfg);
        EXPECT_EQ(Ladder(r, 4.9, 5.5),
                  (std::vector<std::string>{"mr31:LocationQuery>lm1", "lm1:LocationReply>mr31"}));
        double predicted = PredictFirstPacketMs(cfg, r, "mr31");
        EXPECT_NEAR(Flow(r).firstPacketDelayMs, predicted, predicted * 0.01);
        EXPECT_EQ(Flow(r).detouredPackets, 0u); // held, never detoured
    }
}

TEST(DmmMipFig4, RedirectLadderAndFirstPacketDelay)
{
    for (const auto& overrides : PARAMETER_SETS)
    {
        SCOPED_TRACE(Trace(overrides));
        std::vector<std::string> all = overrides;
        all.push_back("protocol.route_optimization=redirect");
        ScenarioConfig cfg = LoadFig1(all);
        RunResults r = Simulate(cfg);
        std::vector<std::string> ladder = Ladder(r, 4.9, 5.5);
        ASSERT_GE(ladder.size(), 3u);
        EXPECT_EQ(std::vector<std::string>(ladder.begin(), ladder.begin() + 3),
                  (std::vector<std::string>{"mr12:LocationQuery>lm1",
                                            "lm1:LocationReply>mr12",
                                            "mr12:Redirect>?"})); // to cn2, taken by mr31
        for (size_t i = 3; i < ladder.size(); ++i)
        {
            EXPECT_EQ(ladder[i], "mr12:Redirect>?"); // one per RedirectInterval until it lands
        }
        // No query by the correspondent's router: the Redirect gave it the location.
        EXPECT_TRUE(Messages(r, "mr31", "LocationQuery", 4.9, 6.0).empty());
        double predicted = PredictFirstPacketMs(cfg, r, "mr12");
        EXPECT_NEAR(Flow(r).firstPacketDelayMs, predicted, predicted * 0.01);
        EXPECT_GT(Flow(r).detouredPackets, 0u);
        EXPECT_GT(Flow(r).optimizedAfterMs, Flow(r).firstPacketDelayMs);
        EXPECT_EQ(Flow(r).received, Flow(r).sent);
    }
}

TEST(DmmMipFig5, PreviousRouterForwardsAndUpdatesTheCorrespondentsRouter)
{
    // Three parameter sets: the handover latency within 1% of its closed form.
    for (const auto& overrides :
         std::vector<std::vector<std::string>>{{},
                                               {"access.delay_ms=3", "l2.switch_time_ms=80"},
                                               {"links.0.delay_ms=9", "processing.anchor_ms=4"}})
    {
        ScenarioConfig cfg = LoadFig1(overrides);
        RunResults r = Simulate(cfg);
        ASSERT_EQ(r.handovers.size(), 2u);
        const HandoverRecord& h = r.handovers[1]; // mr11 -> mr2, session active
        SCOPED_TRACE(h.from + " -> " + h.to);
        // Fig 5 step 7: the previous router tells mr31 the new location (a Redirect), so
        // mr31 re-targets without asking the LM again.
        auto redirects = Messages(r, "mr11", "Redirect", h.l2UpS, h.l2UpS + 1);
        ASSERT_FALSE(redirects.empty());
        EXPECT_EQ(redirects[0].dst, Message(r, "mr31", "LocationQuery", 4.9).src);
        EXPECT_TRUE(Messages(r, "mr31", "LocationQuery", h.l2DownS, h.l2DownS + 1).empty());
        EXPECT_LE(h.lostPackets, 1u); // at most the one on the access link at the switch
        // Closed form: movement detection, the context round trip, the registrations with
        // lm2 and the home lm1 in parallel, the RA.
        auto between = Path(cfg, h.to, h.from);
        double context = WiredMs(between, Message(r, h.to, "ContextRequest", h.l2UpS).bytes) +
                         cfg.accessProcessingMs +
                         WiredMs(between, Message(r, h.from, "ContextReply", h.l2UpS).bytes) +
                         cfg.accessProcessingMs;
        double slowest = 0;
        for (const std::string server : {"lm1", "lm2"})
        {
            auto path = Path(cfg, h.to, server);
            slowest = std::max(
                slowest,
                WiredMs(path, Message(r, h.to, "LocationRegister", h.l2UpS).bytes) +
                    cfg.anchorProcessingMs +
                    WiredMs(path, Message(r, server, "LocationRegisterAck", h.l2UpS).bytes));
        }
        double predicted = cfg.l2.switchTimeMs +
                           AccessMs(cfg, h.to, Message(r, h.mn, "RS", h.l2UpS).bytes) +
                           cfg.accessProcessingMs + context + slowest + cfg.accessProcessingMs +
                           AccessMs(cfg, h.to, Message(r, h.to, "RA", h.l2UpS).bytes);
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
    }
}

TEST(DmmMipFig5, ARedirectEndsTheForwardingOfARouterEarlierInTheChain)
{
    // cn2 sends from 1.5 s, while mn1 is still at its home router mr12 (native path,
    // cached at mr31). mn1 moves to mr11 (2 s: mr12 forwards to mr11) and on to mr2
    // (2.5 s) while mr12 still forwards: mr11 forwards to mr2 and redirects mr12, whose
    // forwarding tunnel must give way to the new location; otherwise mr12 keeps detouring
    // through mr11, which keeps redirecting it. mr12 keeps receiving natively only if it
    // does not update mr31 itself (UpdateNativeSenders off).
    Config::SetDefault("ns3::DmmMipRouting::UpdateNativeSenders", BooleanValue(false));
    ScenarioConfig cfg = HomeRouterSessionThenMove({"protocol.forwarding_time_s=3"});
    cfg.mobility.push_back({"mn1", 2.5, "mr2", ""});
    RunResults r = Simulate(cfg);
    Config::SetDefault("ns3::DmmMipRouting::UpdateNativeSenders", BooleanValue(true));
    ASSERT_EQ(r.handovers.size(), 2u);
    std::string mr12 = Message(r, "mr12", "ContextReply", 0).src;
    size_t toMr12 = 0;
    for (const auto& s : Messages(r, "mr11", "Redirect", 2.5, cfg.durationS))
    {
        toMr12 += s.dst == mr12 ? 1 : 0;
    }
    EXPECT_GE(toMr12, 1u);
    EXPECT_LE(toMr12, 2u); // one, and one more for a packet already under way
    EXPECT_LE(Flow(r).sent - Flow(r).received, 2u); // at most one per access link switch
}

TEST(DmmMipFig5, TheAnchoringPreviousRouterAlsoUpdatesANativeSendersRouter)
{
    // mr31 reaches mn1 at its home router mr12 natively (the LM's answer). On the move to
    // mr11 mr12 tells mr31 the new location (§4.4: "the pMR needs to send a message to
    // MR31"), addressed to cn2 as in Fig 4, so mr31 tunnels straight to mr11; without it
    // mr31 keeps sending to mr12, which tunnels on, until its entry expires (2.5 s).
    std::map<bool, double> stretch;
    for (bool update : {true, false})
    {
        SCOPED_TRACE(update ? "UpdateNativeSenders" : "without");
        Config::SetDefault("ns3::DmmMipRouting::UpdateNativeSenders", BooleanValue(update));
        RunResults r = Simulate(HomeRouterSessionThenMove({}));
        Config::SetDefault("ns3::DmmMipRouting::UpdateNativeSenders", BooleanValue(true));
        ASSERT_EQ(r.handovers.size(), 1u);
        const HandoverRecord& h = r.handovers[0];
        std::vector<std::string> ladder = Ladder(r, h.l2DownS, h.l2DownS + 1);
        // Addressed to cn2 ("?": no router or server sends from it), taken by mr31.
        EXPECT_EQ(std::count(ladder.begin(), ladder.end(), "mr12:Redirect>?") > 0, update);
        EXPECT_EQ(Flow(r).received, Flow(r).sent);
        stretch[update] = r.meanPathStretch;
    }
    EXPECT_LT(stretch[true], stretch[false]);
}
