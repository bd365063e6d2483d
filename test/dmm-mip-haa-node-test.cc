/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002 §3.2, Fig 1's local network 3): the HAA on a node of its
// own (haa3, "haa_for": "lm3"), apart from the network's LM, on
// scenarios/dmm-mip-haa-node.json. mn1 first attaches to mr31 (network 3 becomes its home
// local network), moves to mr32 at 3 s and to mr2 (network 2) at 8 s; the HAA-MR messages
// cross the gw3-haa3 link.
#include "closed-form.h"
#include "ladder.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ScenarioConfig
LoadHaaNode(const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-mip-haa-node.json",
                        overrides,
                        {},
                        {});
}

} // namespace

TEST(DmmMipHaaNode, TheRouterAsksTheHaaOnItsOwnNode)
{
    ScenarioConfig cfg = LoadHaaNode();
    RunResults r = Simulate(cfg);
    // §4.1: the HoA from the network's HAA, which is haa3 here, not lm3.
    EXPECT_EQ(Ladder(r, 0.9, 2.0),
              (std::vector<std::string>{"mr31:HoaRequest>haa3", "haa3:HoaReply>mr31"}));
    // The request and the reply cross mr31-gw3-haa3; the HAA and then the router process
    // them before the RA.
    const SignalingRecord& request = Message(r, "mr31", "HoaRequest", 0.9);
    const SignalingRecord& reply = Message(r, "haa3", "HoaReply", 0.9);
    auto path = Path(cfg, "mr31", "haa3");
    double predicted = WiredMs(path, request.bytes) + cfg.anchorProcessingMs +
                       WiredMs(path, reply.bytes) + cfg.accessProcessingMs;
    double measured = (Message(r, "mr31", "RA", request.timeS).timeS - request.timeS) * 1e3;
    EXPECT_NEAR(measured, predicted, predicted * 0.01);
    EXPECT_NEAR((reply.timeS - request.timeS) * 1e3,
                WiredMs(path, request.bytes) + cfg.anchorProcessingMs,
                0.01 * predicted);
    // mn1's HoA is on mr31's link, and the session reaches it through both moves.
    const FlowRecord& flow = FlowNamed(r, "cn2-down");
    EXPECT_EQ(flow.address.substr(0, 12), "2001:bbbb:4:");
    EXPECT_LE(flow.sent - flow.received, 2u); // one per access link switch at most
}

TEST(DmmMipHaaNode, TheHaaNodeDoesNotChangeTheCoLocatedNetworks)
{
    // Local networks 1 and 2 keep their HAA on the LM's node (Fig 1).
    ScenarioConfig cfg = LoadHaaNode();
    cfg.mobility = {{"mn1", 1.0, "mr12", ""}, {"mn1", 8.0, "mr2", ""}};
    RunResults r = Simulate(cfg);
    EXPECT_EQ(Ladder(r, 0.9, 2.0),
              (std::vector<std::string>{"mr12:HoaRequest>lm1", "lm1:HoaReply>mr12"}));
}

TEST(DmmMipHaaNode, AnHaaNodeMustServeAnAnchor)
{
    EXPECT_THROW(LoadHaaNode({"nodes.7.haa_for=mr31"}), ScenarioError);
    EXPECT_THROW(LoadHaaNode({"nodes.7.haa_for=nowhere"}), ScenarioError);
}
