/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002 §5, Fig 6): correspondents that are fixed nodes, served
// either by a mobility router at their convergence router ("mr_role": "convergence",
// scenarios/dmm-mip-server-farm.json: srv1 and srv2 behind farm, off core) or by the
// nearest of the routers anycasting the home prefix aggregate ("mr_role": "anycast",
// scenarios/dmm-mip-anycast.json: gw1 and gw3; cn1 and cn3 behind plain routers isp1 and
// isp3). mn1 attaches to mr12 (its home) at 1 s, mr11 at 2 s, mr2 at 8 s; its HoA is
// anchored at mr12 throughout.
#include "closed-form.h"
#include "ladder.h"
#include "test-paths.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ScenarioConfig
Load(const std::string& file, const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file, overrides, {}, {});
}

/// The same scenario with plain routers in place of the mr_role ones.
ScenarioConfig
WithoutMrRoles(ScenarioConfig cfg)
{
    for (auto& n : cfg.nodes)
    {
        n.mrRole.clear();
    }
    return cfg;
}

/// \return links from \p cn to mn1 at access router \p ar on the shortest path
uint32_t
Shortest(const ScenarioConfig& cfg, const std::string& cn, const std::string& ar)
{
    return Path(cfg, cn, ar).size() + 1; // + the access link
}

/// \return whether \p node sent a message of \p type in the run
bool
Sent(const RunResults& r, const std::string& node, const std::string& type)
{
    return std::any_of(r.signaling.begin(), r.signaling.end(), [&](const SignalingRecord& s) {
        return s.node == node && s.type == type;
    });
}

} // namespace

TEST(DmmMipFixedCn, TheConvergenceRouterTunnelsStraightToTheNodesRouter)
{
    ScenarioConfig cfg = Load("dmm-mip-server-farm.json");
    RunResults r = Simulate(cfg);
    // Fig 3 on the server farm's router: srv1's first packet (5 s) makes farm ask.
    EXPECT_EQ(Ladder(r, 4.9, 5.5),
              (std::vector<std::string>{"farm:LocationQuery>lm1", "lm1:LocationReply>farm"}));
    EXPECT_FALSE(Sent(r, "mr12", "LocationQuery")); // nothing reaches the anchor natively
    // Fig 5: after the move to mr2 the previous router redirects farm like any MR.
    auto move = Ladder(r, 8.0, 9.0);
    EXPECT_NE(std::find(move.begin(), move.end(), "mr11:Redirect>farm"), move.end());
    const FlowRecord& down = FlowNamed(r, "srv1-down");
    EXPECT_EQ(down.minLinks, Shortest(cfg, "srv1", "mr11")); // from the first packet on
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);       // and again after the move
    EXPECT_LE(down.sent - down.received, 2u);                // one per link switch at most
    // The uplink is routed natively either way: it loses only what the move loses.
    const FlowRecord& up = FlowNamed(r, "srv2-up");
    RunResults plain = Simulate(WithoutMrRoles(cfg));
    EXPECT_EQ(up.received, FlowNamed(plain, "srv2-up").received);
    EXPECT_GT(up.received, 0u);
}

TEST(DmmMipFixedCn, BehindAPlainRouterTheServersGoThroughTheAnchor)
{
    // Without the convergence MR, §4.3's regular routing: to mr12, which asks and tunnels.
    ScenarioConfig cfg = WithoutMrRoles(Load("dmm-mip-server-farm.json"));
    RunResults r = Simulate(cfg);
    EXPECT_FALSE(Sent(r, "farm", "LocationQuery"));
    EXPECT_TRUE(Sent(r, "mr12", "LocationQuery"));
    const FlowRecord& down = FlowNamed(r, "srv1-down");
    EXPECT_GT(down.minLinks, Shortest(cfg, "srv1", "mr11"));
}

TEST(DmmMipFixedCn, TheNearestAnycastRouterTunnelsToTheNodesRouter)
{
    ScenarioConfig cfg = Load("dmm-mip-anycast.json");
    RunResults r = Simulate(cfg);
    // §5: cn3's packets (5 s) reach gw3, cn1's (6 s) gw1: the nearest of the two anycast
    // routers, though neither is the correspondent's neighbour; each asks mn1's home LM.
    EXPECT_EQ(Ladder(r, 4.9, 5.5),
              (std::vector<std::string>{"gw3:LocationQuery>lm1", "lm1:LocationReply>gw3"}));
    EXPECT_EQ(Ladder(r, 5.9, 6.5),
              (std::vector<std::string>{"gw1:LocationQuery>lm1", "lm1:LocationReply>gw1"}));
    EXPECT_FALSE(Sent(r, "mr12", "LocationQuery"));
    for (const std::string& cn : {"cn1", "cn3"})
    {
        const FlowRecord& f = FlowNamed(r, cn + "-down");
        EXPECT_EQ(f.minLinks, Shortest(cfg, cn, "mr11")) << cn;
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks) << cn;
        EXPECT_LE(f.sent - f.received, 2u) << cn;
    }
}

TEST(DmmMipFixedCn, WithoutTheAggregateTheAnchorServes)
{
    ScenarioConfig cfg = WithoutMrRoles(Load("dmm-mip-anycast.json"));
    RunResults r = Simulate(cfg);
    EXPECT_FALSE(Sent(r, "gw3", "LocationQuery"));
    EXPECT_TRUE(Sent(r, "mr12", "LocationQuery"));
    EXPECT_GT(FlowNamed(r, "cn3-down").minLinks, Shortest(cfg, "cn3", "mr11"));
}

TEST(DmmMipFixedCn, OnlyRoutersTakeAnMrRole)
{
    // nodes[0] is cn1; nodes[5] is gw1.
    EXPECT_THROW(Load("dmm-mip-anycast.json", {"nodes.0.mr_role=anycast"}), ScenarioError);
    EXPECT_THROW(Load("dmm-mip-anycast.json", {"nodes.5.mr_role=somewhere"}), ScenarioError);
    // Like haa_for, other profiles ignore the key: gw3 stays a plain router.
    RunResults r = Simulate(Load("dmm-mip-anycast.json", {"profile=fully-distributed"}));
    EXPECT_FALSE(Sent(r, "gw3", "LocationQuery"));
    EXPECT_EQ(FlowNamed(r, "cn3-down").received, FlowNamed(r, "cn3-down").sent);
}
