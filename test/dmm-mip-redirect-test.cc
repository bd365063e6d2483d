/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002 §4.3 Fig 4), the redirect variant on
// scenarios/dmm-mip-fig1.json (mn1: home mr12, mr11 at 2 s, mr2 at 8 s; cn2 behind mr31
// sends to it from 5 s): the anchoring router's Redirect carries the LM's answer (Fig 4
// steps 4-5 before 8), sent when the answer arrives, and never a location the router
// cached before the node moved on (the Location Stale -> native -> Redirect cycle of the
// comparison scenario).
#include "dmm-mip-fig1.h"
#include "ladder.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// The Fig 1 scenario, redirect variant, edited by \p edit.
ScenarioConfig
LoadRedirect(const std::function<void(json&)>& edit)
{
    json j = ReadFig1();
    j["protocol"]["route_optimization"] = "redirect";
    edit(j);
    return ParseScenario(j);
}

} // namespace

TEST(DmmMipRedirect, AnchoringRouterRedirectsOnTheAnswer)
{
    // One packet per 50 ms: the Redirect leaves mr12 when lm1's answer arrives, not with
    // the next packet of cn2 that finds the answer in mr12's cache.
    ScenarioConfig cfg = LoadRedirect([](json& j) { j["flows"][0]["interval_ms"] = 50.0; });
    RunResults r = Simulate(cfg);
    double q = Message(r, "mr12", "LocationQuery", 4.9).timeS;
    double answered =
        q + ExchangeMs(cfg, r, "mr12", "lm1", "LocationQuery", "LocationReply", q) / 1e3;
    EXPECT_NEAR(Message(r, "mr12", "Redirect", 4.9).timeS, answered, 1e-6);
    EXPECT_EQ(Messages(r, "mr12", "Redirect", 4.9, 6.0).size(), 1u);
    EXPECT_EQ(r.flows.at(0).received, r.flows.at(0).sent);
}

TEST(DmmMipRedirect, AnchoringRouterAsksAgainAfterTheNodeMovedOn)
{
    // mr12 learnt mn1 at mr11 from its query for cn2 at 5 s and keeps it (cache 10 s);
    // nobody tells it of the move to mr2 at 8 s (mr31 tunnels past it). cn4 behind mr32
    // starts at 9 s: its first packets reach mr12 natively. mr12 asks lm1 again and
    // redirects mr32 to mr2; with its old entry it would send mr32 to mr11, whose
    // context the Handover Complete deleted: Location Stales, native, Redirect again.
    ScenarioConfig cfg = LoadRedirect([](json& j) {
        j["protocol"]["location_cache_s"] = 10.0;
        AddLateCn4(j);
    });
    RunResults r = Simulate(cfg);
    std::vector<std::string> ladder = Ladder(r, 8.9, 9.6);
    // lm1 refers mr12 to the visited network's lm2 (mn1 is in network 2).
    ASSERT_GE(ladder.size(), 5u);
    EXPECT_EQ(std::vector<std::string>(ladder.begin(), ladder.begin() + 5),
              (std::vector<std::string>{"mr12:LocationQuery>lm1",
                                        "lm1:LocationReply>mr12",
                                        "mr12:LocationQuery>lm2",
                                        "lm2:LocationReply>mr12",
                                        "mr12:Redirect>?"})); // to cn4, taken by mr32
    EXPECT_TRUE(Messages(r, "mr11", "LocationStale", 8.9, 9.6).empty());
    EXPECT_TRUE(Messages(r, "mr32", "LocationQuery", 8.9, 9.6).empty());
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.received, f.sent) << f.flow;
    }
}
