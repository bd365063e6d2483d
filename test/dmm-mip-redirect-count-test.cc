/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002): the Redirects of the mobility routers (§4.3 Fig 4, §4.4
// Fig 5) on scenarios/dmm-mip-fig1.json, counted against the messages on the wire.
#include "dmm-mip-fig1.h"
#include "ladder.h"

#include "ns3/core-module.h"
#include "ns3/dmm-mip-routing.h"
#include "ns3/internet-module.h"

#include <gtest/gtest.h>
#include <set>

using namespace dmmtest;

namespace
{

const std::vector<std::string> ROUTERS{"mr11", "mr12", "mr2", "mr31"};

/// \return the DmmMipRouting of the node named \p name
Ptr<DmmMipRouting>
RouterOf(const std::string& name)
{
    Ptr<Node> node = Names::Find<Node>(name);
    auto list = DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol());
    for (uint32_t i = 0; list && i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        if (auto mr = DynamicCast<DmmMipRouting>(list->GetRoutingProtocol(i, priority)))
        {
            return mr;
        }
    }
    return nullptr;
}

/// What a router knows at the end of a run.
struct RouterView
{
    DmmMipRouting::MipStats stats; //!< its counters
    size_t rateLimited{0};         //!< (receiver, address) pairs it remembers
};

/// Run \p cfg and read every router's view just before the end.
std::map<std::string, RouterView>
RunAndView(const ScenarioConfig& cfg, RunResults& r)
{
    std::map<std::string, RouterView> views;
    Simulator::Schedule(Seconds(cfg.durationS - 0.01), [&views]() {
        for (const auto& name : ROUTERS)
        {
            Ptr<DmmMipRouting> mr = RouterOf(name);
            views[name] = {mr->GetMipStats(), mr->GetRateLimitedPairs()};
        }
    });
    r = Simulate(cfg);
    return views;
}

/// Fig 1 with cn2 sending from 1.5 s, while mn1 is at its home router mr12, and mn1
/// moving to mr11 at 2 s: mr12 updates cn2's router (UpdateNativeSenders).
ScenarioConfig
HomeRouterSessionThenMove(const std::vector<std::string>& overrides)
{
    ScenarioConfig cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + FIG1, overrides, {}, {});
    cfg.flows.at(0).startS = 1.5;
    cfg.mobility = {{"mn1", 1.0, "mr12", ""}, {"mn1", 2.0, "mr11", ""}};
    return cfg;
}

} // namespace

TEST(DmmMipRedirectCount, LocationUpdatesCountTheRedirectsSentNotThePacketsThatAskedForThem)
{
    // Fig 5 (the file: forwarding mr11 -> mr2), the anchoring router updating a native
    // sender, and the previous router that does not forward: every Redirect a router sends
    // under the query optimisation is a location update (§4.4), and at most one goes per
    // correspondent and address per RedirectInterval however many packets arrive. Without
    // forwarding (forwarding_time_s=0) mr11 drops mn1's packets and still updates mr31.
    // A packet per 2 ms: several per RedirectInterval (10 ms).
    for (const auto& overrides : std::vector<std::vector<std::string>>{
             {"flows.0.interval_ms=2"},
             {"flows.0.interval_ms=2", "protocol.forwarding_time_s=0"}})
    {
        for (bool home : {false, true})
        {
            SCOPED_TRACE(std::string(home ? "home router session" : "Fig 1") + " " +
                         overrides.back());
            ScenarioConfig cfg =
                home ? HomeRouterSessionThenMove(overrides)
                     : LoadScenario(std::string(DMM_SOURCE_DIR) + FIG1, overrides, {}, {});
            RunResults r;
            auto views = RunAndView(cfg, r);
            uint64_t updates = 0;
            for (const auto& name : ROUTERS)
            {
                SCOPED_TRACE(name);
                size_t onWire = Messages(r, name, "Redirect", 0, cfg.durationS).size();
                EXPECT_EQ(views[name].stats.redirectsSent, onWire);
                EXPECT_EQ(views[name].stats.locationUpdates, onWire);
                updates += onWire;
            }
            EXPECT_GT(updates, 0u);
        }
    }
}

TEST(DmmMipRedirectCount, TheRateLimitForgetsRedirectsOlderThanTheInterval)
{
    // Redirect variant: mr12 redirects cn2 (from 5 s), then cn4 behind mr32 (from 9 s).
    // Only the pairs redirected within RedirectInterval (10 ms) of mr12's last Redirect
    // limit anything; the older ones must not stay for the rest of the run.
    json j = ReadFig1();
    j["protocol"]["route_optimization"] = "redirect";
    AddLateCn4(j);
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r;
    auto views = RunAndView(cfg, r);
    auto redirects = Messages(r, "mr12", "Redirect", 0, cfg.durationS);
    ASSERT_FALSE(redirects.empty());
    std::set<std::string> all;
    std::set<std::string> recent;
    for (const auto& m : redirects)
    {
        all.insert(m.dst);
        if (m.timeS > redirects.back().timeS - 0.01)
        {
            recent.insert(m.dst);
        }
    }
    EXPECT_GE(all.size(), 2u);
    EXPECT_LE(views["mr12"].rateLimited, recent.size());
    EXPECT_GE(views["mr12"].rateLimited, 1u);
}
