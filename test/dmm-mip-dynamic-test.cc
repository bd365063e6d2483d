/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002 §4.2, dynamic mobility) on scenarios/dmm-mip-fig1.json
// (mn1: mr12 at 1 s, mr11 at 2 s, mr2 at 8 s; cn2 behind mr31 sends to it from 5 s) with
// protocol.hoa_status=home_haa: the new router asks the home HAA (lm1's node) for the
// node's HoA status before it updates the LMs.
#include "closed-form.h"
#include "ladder.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ScenarioConfig
LoadFig1(std::vector<std::string> overrides)
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-mip-fig1.json",
                        overrides,
                        {},
                        {});
}

} // namespace

TEST(DmmMipDynamic, NewRouterAsksTheHomeHaaBeforeUpdatingTheLms)
{
    RunResults r = Simulate(LoadFig1({"protocol.hoa_status=home_haa"}));
    ASSERT_EQ(r.handovers.size(), 2u);
    // mr12 -> mr11, within the home local network, no session yet.
    const HandoverRecord& inside = r.handovers[0];
    EXPECT_EQ(Ladder(r, inside.l2DownS, inside.l2DownS + 1),
              (std::vector<std::string>{"mr11:ContextRequest>?",
                                        "mr12:ContextReply>mr11",
                                        "mr11:HoaRequest>lm1",
                                        "lm1:HoaReply>mr11",
                                        "mr11:LocationRegister>lm1",
                                        "lm1:LocationRegisterAck>mr11",
                                        "mr11:HandoverComplete>?"}));
    // mr11 -> mr2 with cn2's session active (Fig 5 with §4.2's status retrieval first).
    const HandoverRecord& h = r.handovers[1];
    // The Redirects to mr31 (one per RedirectInterval while packets are in flight) fall
    // in the status round trip now; the LM updates wait for the HAA's answer.
    EXPECT_EQ(Ladder(r, h.l2DownS, h.l2DownS + 1),
              (std::vector<std::string>{"mr2:ContextRequest>?",
                                        "mr11:ContextReply>mr2",
                                        "mr11:Redirect>mr31",
                                        "mr2:HoaRequest>lm1",
                                        "mr11:Redirect>mr31",
                                        "mr11:Redirect>mr31",
                                        "lm1:HoaReply>mr2",
                                        "mr2:LocationRegister>lm2",
                                        "mr2:LocationRegister>lm1",
                                        "lm2:LocationRegisterAck>mr2",
                                        "lm1:LocationRegisterAck>mr2",
                                        "mr2:HandoverComplete>?"}));
}

TEST(DmmMipDynamic, HandoverLatencyAddsTheHomeHaaRoundTrip)
{
    for (const auto& extra :
         std::vector<std::vector<std::string>>{{},
                                               {"access.delay_ms=3", "l2.switch_time_ms=80"},
                                               {"links.0.delay_ms=9", "processing.anchor_ms=4"}})
    {
        std::vector<std::string> overrides = extra;
        overrides.push_back("protocol.hoa_status=home_haa");
        ScenarioConfig cfg = LoadFig1(overrides);
        RunResults r = Simulate(cfg);
        ASSERT_EQ(r.handovers.size(), 2u);
        const HandoverRecord& h = r.handovers[1]; // mr11 -> mr2, lm1's node is the home HAA
        // The Fig 5 closed form (test/dmm-mip-scenario-test.cc) with the status exchange
        // and the router's processing of its answer before the registrations.
        auto between = Path(cfg, h.to, h.from);
        double context = WiredMs(between, Message(r, h.to, "ContextRequest", h.l2UpS).bytes) +
                         cfg.accessProcessingMs +
                         WiredMs(between, Message(r, h.from, "ContextReply", h.l2UpS).bytes) +
                         cfg.accessProcessingMs;
        double status = ExchangeMs(cfg, r, h.to, "lm1", "HoaRequest", "HoaReply", h.l2UpS) +
                        cfg.accessProcessingMs;
        double slowest = 0;
        for (const std::string server : {"lm1", "lm2"})
        {
            slowest = std::max(slowest,
                               ExchangeMs(cfg,
                                          r,
                                          h.to,
                                          server,
                                          "LocationRegister",
                                          "LocationRegisterAck",
                                          h.l2UpS));
        }
        double predicted =
            cfg.l2.switchTimeMs + AccessMs(cfg, h.to, Message(r, h.mn, "RS", h.l2UpS).bytes) +
            cfg.accessProcessingMs + context + status + slowest + cfg.accessProcessingMs +
            AccessMs(cfg, h.to, Message(r, h.to, "RA", h.l2UpS).bytes);
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
        EXPECT_EQ(r.flows.at(0).sent - r.flows.at(0).received,
                  Simulate(LoadFig1(extra)).flows.at(0).sent -
                      Simulate(LoadFig1(extra)).flows.at(0).received);
    }
}

TEST(DmmMipDynamic, OnlyTheAddressTheHomeHaaConfirmsIsRegistered)
{
    // mr11's context names two addresses homed at lm1: mn1's HoA (formed at mr12) and the
    // address mr11 computed on its own link but never let mn1 form (A flag clear, §4.2).
    // The context alone registers both with lm2; the home HAA names the HoA only.
    RunResults context = Simulate(LoadFig1({}));
    RunResults haa = Simulate(LoadFig1({"protocol.hoa_status=home_haa"}));
    double at = context.handovers.at(1).l2UpS;
    EXPECT_LT(Message(haa, "mr2", "LocationRegister", at).bytes,
              Message(context, "mr2", "LocationRegister", at).bytes);
    EXPECT_EQ(Message(haa, "lm1", "HoaReply", at).bytes,
              Message(haa, "lm1", "HoaReply", 0).bytes); // the first assignment, unchanged
    EXPECT_EQ(haa.flows.at(0).received, context.flows.at(0).received);
}
