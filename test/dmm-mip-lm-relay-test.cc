/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002 §3.3), the LM-LM interface, on
// scenarios/dmm-mip-lm-relay.json (Fig 1's three local networks, protocol.lm_relay on):
// routers ask their own network's LM only; an LM asked about a prefix it does not manage
// relays the query to the LM that does and relays the answer back. mn1 is homed at mr12
// (network 1) and at mr11 when cn2, behind mr31 (network 3), starts sending at 5 s.
#include "closed-form.h"
#include "ladder.h"
#include "test-paths.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

constexpr double UDP_PACKET = 200 + 8 + 40; //!< payload, UDP and IPv6 headers, bytes
constexpr double TUNNEL = 40;               //!< outer IPv6 header, bytes

ScenarioConfig
LoadRelay(const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-mip-lm-relay.json",
                        overrides,
                        {},
                        {});
}

/// The first-packet delay of Fig 3 around a query answered after \p queryMs, ms.
double
Fig3Ms(const ScenarioConfig& cfg, double queryMs)
{
    return WiredMs(Path(cfg, "cn2", "mr31"), UDP_PACKET) + queryMs +
           WiredMs(Path(cfg, "mr31", "mr11"), UDP_PACKET + TUNNEL) +
           AccessMs(cfg, "mr11", UDP_PACKET);
}

} // namespace

TEST(DmmMipLmRelay, TheLocalLmRelaysTheQueryToTheLmOfThePrefix)
{
    ScenarioConfig cfg = LoadRelay();
    RunResults r = Simulate(cfg);
    // Fig 3 through the LM-LM interface: mr31 asks lm3, which does not manage mn1's
    // prefix (mr12's link: lm1's partition) and asks lm1 in its place.
    EXPECT_EQ(Ladder(r, 4.9, 5.5),
              (std::vector<std::string>{"mr31:LocationQuery>lm3",
                                        "lm3:LocationQuery>lm1",
                                        "lm1:LocationReply>lm3",
                                        "lm3:LocationReply>mr31"}));
    // Added to the direct query: lm3's two relay steps (query and answer, each processed).
    double q = Message(r, "mr31", "LocationQuery", 4.9).timeS;
    double query = ExchangeMs(cfg, r, "mr31", "lm3", "LocationQuery", "LocationReply", q) +
                   ExchangeMs(cfg, r, "lm3", "lm1", "LocationQuery", "LocationReply", q) +
                   cfg.anchorProcessingMs;
    const FlowRecord& flow = FlowNamed(r, "cn2-down");
    double predicted = Fig3Ms(cfg, query);
    EXPECT_NEAR(flow.firstPacketDelayMs, predicted, predicted * 0.01);
    EXPECT_EQ(flow.detouredPackets, 0u);
    EXPECT_LE(flow.sent - flow.received, 1u); // the packet on the access link at 8 s
}

TEST(DmmMipLmRelay, TheRelayAddsItsRoundTripToTheDirectQuery)
{
    // The same run without the relay (mr31 asks lm1 directly): the difference in the
    // first-packet delay is the relay's closed form, within 1%.
    ScenarioConfig relayCfg = LoadRelay();
    ScenarioConfig directCfg = LoadRelay({"protocol.lm_relay=false"});
    RunResults relay = Simulate(relayCfg);
    RunResults direct = Simulate(directCfg);
    EXPECT_EQ(Ladder(direct, 4.9, 5.5),
              (std::vector<std::string>{"mr31:LocationQuery>lm1", "lm1:LocationReply>mr31"}));
    double q = Message(relay, "mr31", "LocationQuery", 4.9).timeS;
    double added =
        ExchangeMs(relayCfg, relay, "mr31", "lm3", "LocationQuery", "LocationReply", q) +
        ExchangeMs(relayCfg, relay, "lm3", "lm1", "LocationQuery", "LocationReply", q) +
        relayCfg.anchorProcessingMs -
        ExchangeMs(directCfg, direct, "mr31", "lm1", "LocationQuery", "LocationReply", q);
    double measured = FlowNamed(relay, "cn2-down").firstPacketDelayMs -
                      FlowNamed(direct, "cn2-down").firstPacketDelayMs;
    EXPECT_GT(added, 0);
    EXPECT_NEAR(measured, added, added * 0.01);
}
