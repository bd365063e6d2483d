/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The framework draft's DMM figures as scenarios (scenarios/dmm-fig*.json): data path and
// signalling after each move, and latency against the closed form.
#include "closed-form.h"
#include "test-paths.h"

#include <gtest/gtest.h>
#include <map>

using namespace dmmtest;

namespace
{

ScenarioConfig
LoadFigure(const std::string& file)
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file, {}, {}, {});
}

/// The address each anchor answers from (the source of its acknowledgements).
std::map<std::string, std::string>
AnchorAddresses(const ScenarioConfig& cfg, const RunResults& r)
{
    std::map<std::string, std::string> out;
    for (const NodeConfig* a : cfg.NodesWithRole("anchor"))
    {
        out[a->name] = Message(r, a->name, "PBA", 0).src;
    }
    return out;
}

} // namespace

TEST(DmmFig5, EachNodeKeepsTheAnchorOfItsFirstNetwork)
{
    // 000 §4.4 Fig 5: an LMA per network; mn1 starts in network 1 and moves within it,
    // then to network 2; mn2 starts in network 2 and moves to network 1.
    ScenarioConfig cfg = LoadFigure("dmm-fig5-distributed-anchors.json");
    RunResults r = Simulate(cfg);
    std::map<std::string, std::string> home{{"mn1", "n1-anchor"}, {"mn2", "n2-anchor"}};
    auto anchorAddress = AnchorAddresses(cfg, r);
    ASSERT_EQ(r.handovers.size(), 3u);
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.mn + ": " + h.from + " -> " + h.to);
        // The new access router registers the node with its home network's anchor, even
        // from the other network.
        const SignalingRecord& pbu = Message(r, h.to, "PBU", h.l2UpS);
        EXPECT_EQ(pbu.dst, anchorAddress.at(home.at(h.mn)));
        double predicted = PredictPmipv6(cfg, r, h, home.at(h.mn));
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
    }
    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        // Prefixes come from the home anchor's pool (2001:1:<anchor index>::/48).
        std::string pool = f.mn == "mn1" ? "2001:1:1:" : "2001:1:2:";
        EXPECT_EQ(f.address.rfind(pool, 0), 0u) << f.address;
        EXPECT_GT(f.received, f.sent * 9 / 10);
        // After the last move every packet detours through the home anchor:
        // correspondent -> home anchor -> (tunnel) -> visited access router -> node.
        std::string lastAr = cfg.AttachmentsOf(f.mn).back()->attach;
        size_t viaHome =
            Path(cfg, "cn", home.at(f.mn)).size() + Path(cfg, home.at(f.mn), lastAr).size() + 1;
        EXPECT_EQ(f.lastLinks, viaHome);
        EXPECT_EQ(f.lastShortestLinks, Path(cfg, "cn", lastAr).size() + 1);
    }
}

TEST(DmmFig5, OneAnchorScenarioEqualsPmipv6)
{
    // With a single anchor the profile is PMIPv6: byte-identical signalling and flows.
    ScenarioConfig a =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                     {},
                     "distributed-anchors",
                     {});
    ScenarioConfig b =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                     {},
                     "pmipv6",
                     {});
    RunResults ra = Simulate(a);
    RunResults rb = Simulate(b);
    ASSERT_EQ(ra.handovers.size(), rb.handovers.size());
    for (size_t i = 0; i < ra.handovers.size(); ++i)
    {
        EXPECT_DOUBLE_EQ(ra.handovers[i].latencyMs, rb.handovers[i].latencyMs);
        EXPECT_EQ(ra.handovers[i].lostPackets, rb.handovers[i].lostPackets);
    }
    EXPECT_EQ(ra.signaling.size(), rb.signaling.size());
}

TEST(DmmFig7, FlowsStayOnTheirAnchorsAndNewFlowsUseTheNewPrefix)
{
    // 000 §5.1.1 Fig 7: (1) mn1 at ar1 talks to cn11 on HoA1; (2) it moves to ar3, which
    // registers HoA1 with ar1 and gives HoA3 for new flows (to cn21); (3) it moves to ar2,
    // which registers HoA1 with ar1 and HoA3 with ar3, in parallel.
    ScenarioConfig cfg = LoadFigure("dmm-fig7-dma.json");
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& second = r.handovers[0];
    const HandoverRecord& third = r.handovers[1];
    EXPECT_NEAR(second.latencyMs, PredictDma(cfg, r, second, {"ar1"}), second.latencyMs * 0.01);
    EXPECT_NEAR(third.latencyMs, PredictDma(cfg, r, third, {"ar1", "ar3"}), third.latencyMs * 0.01);
    // Case (3): two anchors at once, each answering ar2.
    std::string ar2 = Message(r, "ar2", "PBU", third.l2UpS).src;
    EXPECT_EQ(Message(r, "ar1", "PBA", third.l2UpS).dst, ar2);
    EXPECT_EQ(Message(r, "ar3", "PBA", third.l2UpS).dst, ar2);
    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        // Each flow keeps the prefix of the MAR where it started (pool 2001:1:<i>::/48,
        // i-th access node), and survives every later move.
        std::string pool = f.cn == "cn11" ? "2001:1:1:" : "2001:1:3:";
        EXPECT_EQ(f.address.rfind(pool, 0), 0u) << f.address;
        EXPECT_GT(f.received, f.sent * 95 / 100);
        // While the node stays where the flow started, it is routed natively: the
        // shortest path (cn - its MAR - node) was used.
        std::string startAr = f.cn == "cn11" ? "ar1" : "ar3";
        EXPECT_EQ(f.minLinks, Path(cfg, f.cn, startAr).size() + 1);
    }
    EXPECT_GT(r.tunnelledBytes, 0u);
}

TEST(DmmFig7, ProcessingDelaysAtTheMarsAndTheDatabase)
{
    // access_ms applies to every signalling message a MAR receives (RS, Session Reply, PBA);
    // anchor_ms to the database and to the H-MARs answering PBUs (their LMA role).
    ScenarioConfig cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig7-dma.json",
                                      {"processing.access_ms=2", "processing.anchor_ms=3"},
                                      {},
                                      {});
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    EXPECT_NEAR(r.handovers[0].latencyMs, PredictDma(cfg, r, r.handovers[0], {"ar1"}), 0.01);
    EXPECT_NEAR(r.handovers[1].latencyMs, PredictDma(cfg, r, r.handovers[1], {"ar1", "ar3"}), 0.01);
}

TEST(DmmFig8, EveryEarlierRouterIsAHomeAgentUpdatedInParallel)
{
    // 000 §5.1.2 Fig 8 (seed 003 §3.2): the same moves as Fig 7, client-based: each
    // access router is the home agent of its link; after each move the node binds every
    // earlier home address with that router's home agent, directly and in parallel.
    ScenarioConfig cfg = LoadFigure("dmm-fig8-dma-client.json");
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    std::map<std::string, std::vector<std::string>> homeAgents{{"ar3", {"ar1"}},
                                                               {"ar2", {"ar1", "ar3"}}};
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.from + " -> " + h.to);
        double bu = Message(r, h.mn, "BU", h.l2UpS).bytes;
        std::vector<double> atRouter;
        for (const auto& ha : homeAgents.at(h.to))
        {
            const SignalingRecord& ba = Message(r, ha, "BA", h.l2UpS);
            EXPECT_EQ(ba.dst, Message(r, h.mn, "BU", h.l2UpS).src) << ha << " answers";
            auto path = Path(cfg, h.to, ha);
            atRouter.push_back(AccessMs(cfg, h.to, bu) + WiredMs(path, bu) +
                               cfg.anchorProcessingMs + WiredMs(path, ba.bytes));
        }
        double ba = Message(r, homeAgents.at(h.to).front(), "BA", h.l2UpS).bytes;
        // The router reaches the node at its link-local address (per-node prefix routed
        // natively): no address resolution before the first BA, unlike a shared link.
        double predicted = PredictParallelBindings(cfg, r, h, atRouter, ba, false);
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
        EXPECT_EQ(Messages(r, h.mn, "BU", h.l2UpS, h.signalingDoneS).size(),
                  homeAgents.at(h.to).size());
    }
    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        // A flow keeps the address formed at the router where it started (from the
        // prefix that router gave the node, in its pool 2001:1:<i>::/48, seed 003 §3.2)
        // and is native while the node stays there.
        std::string startAr = f.cn == "cn11" ? "ar1" : "ar3";
        std::string prefix = f.cn == "cn11" ? "2001:1:1:" : "2001:1:3:";
        EXPECT_EQ(f.address.rfind(prefix, 0), 0u) << f.address;
        EXPECT_GT(f.received, f.sent * 95 / 100);
        EXPECT_EQ(f.minLinks, Path(cfg, f.cn, startAr).size() + 1);
    }
}

TEST(DmmFig8, ProxyLuRelaysTheUpdatesThroughTheCurrentRouter)
{
    // Fig 8 case (2) with the proxy LU: the node sends every Binding Update to its current
    // router, which relays it to the earlier router; the BA comes back directly.
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig8-dma-client.json",
                     {"protocol.client_lu=proxy"},
                     {},
                     {});
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    std::map<std::string, std::vector<std::string>> homeAgents{{"ar3", {"ar1"}},
                                                               {"ar2", {"ar1", "ar3"}}};
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.from + " -> " + h.to);
        auto sent = Messages(r, h.mn, "BU", h.l2UpS, h.signalingDoneS);
        auto relayed = Messages(r, h.to, "BU", h.l2UpS, h.signalingDoneS);
        ASSERT_EQ(sent.size(), homeAgents.at(h.to).size());
        ASSERT_EQ(relayed.size(), sent.size());
        for (size_t i = 0; i < sent.size(); ++i)
        {
            const SignalingRecord& ba = Message(r, homeAgents.at(h.to)[i], "BA", h.l2UpS);
            EXPECT_EQ(sent[i].dst, relayed[i].src) << "addressed to the current router";
            EXPECT_EQ(relayed[i].dst, ba.src) << "relayed to " << homeAgents.at(h.to)[i];
            EXPECT_EQ(ba.dst, sent[i].src) << "acknowledged straight to the node";
        }
        double predicted = PredictProxiedBindings(cfg, r, h, homeAgents.at(h.to), false);
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
    }
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
    EXPECT_THROW(LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig8-dma-client.json",
                              {"protocol.client_lu=fa"},
                              {},
                              {}),
                 ScenarioError);
}

TEST(DmmFig8, BackAtAnEarlierRouterItsAddressIsNativeAgain)
{
    // ar1 -> ar3 -> ar1: back at ar1, the node de-registers the address it formed there
    // (from that address, untunnelled, RFC 6275 §11.5.4) and keeps ar3's binding.
    ScenarioConfig cfg = LoadFigure("dmm-fig8-dma-client.json");
    cfg.mobility.back().attach = "ar1";
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& back = r.handovers[1];
    SignalingRecord dereg = Messages(r, "mn1", "BU", back.l2UpS).at(0);
    const SignalingRecord& ba = Message(r, "ar1", "BA", back.l2UpS);
    EXPECT_EQ(dereg.src, ba.dst);
    EXPECT_EQ(dereg.src.rfind("2001:1:1:", 0), 0u) << "sent from the ar1 address";
    double rs = Message(r, "mn1", "RS", back.l2UpS).bytes;
    double ra = Message(r, "ar1", "RA", back.l2UpS).bytes;
    // ar3's binding moves to the new care-of address (= the ar1 address) at the same time:
    // the slower of the two exchanges ends the handover.
    auto toAr3 = Path(cfg, "ar1", "ar3");
    double bu3 = Messages(r, "mn1", "BU", back.l2UpS).at(1).bytes;
    double ba3 = Message(r, "ar3", "BA", back.l2UpS).bytes;
    double viaAr3 = AccessMs(cfg, "ar1", bu3) + WiredMs(toAr3, bu3) + cfg.anchorProcessingMs +
                    WiredMs(toAr3, ba3) + AccessMs(cfg, "ar1", ba3);
    double atHome =
        AccessMs(cfg, "ar1", dereg.bytes) + cfg.anchorProcessingMs + AccessMs(cfg, "ar1", ba.bytes);
    double predicted = cfg.l2.switchTimeMs + AccessMs(cfg, "ar1", rs) + cfg.accessProcessingMs +
                       AccessMs(cfg, "ar1", ra) + std::max(viaAr3, atHome);
    EXPECT_NEAR(back.latencyMs, predicted, predicted * 0.01);
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
}

TEST(DmmFig6, NearestReplicaInterceptsAndEveryChangeIsSynchronised)
{
    // 000 §4.5 Fig 6: an anchor in each of three networks, all anycasting every pool and
    // sharing LM0. mn11 starts in network 1 and moves to network 3; cn21 is in network 2.
    ScenarioConfig cfg = LoadFigure("dmm-fig6-migrating-ha.json");
    RunResults r = Simulate(cfg);
    size_t anchors = cfg.NodesWithRole("anchor").size();
    size_t changes = 0; // accepted registrations and de-registrations, at their own anchor
    size_t syncs = 0;
    for (const auto& s : r.signaling)
    {
        changes += s.type == "PBA" ? 1 : 0;
        syncs += s.type == "LmSync" ? 1 : 0;
    }
    ASSERT_GT(changes, 0u);
    EXPECT_EQ(syncs, changes * (anchors - 1)); // one message per change per other anchor
    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        EXPECT_GT(f.received, f.sent * 95 / 100);
        // The anchor nearest the correspondent (n2) serves the node's prefix wherever it
        // was allocated: no detour through the allocating anchor.
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks);
    }
    // The node keeps the prefix of network 1 in network 3.
    EXPECT_EQ(r.flows.front().address.rfind("2001:1:1:", 0), 0u);
    // Distributed anchors without replication: the correspondent's traffic detours
    // through network 1's anchor.
    ScenarioConfig fixed =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig6-migrating-ha.json",
                     {},
                     "distributed-anchors",
                     {});
    RunResults d = Simulate(fixed);
    EXPECT_GT(d.flows.front().lastLinks, d.flows.front().lastShortestLinks);
    EXPECT_GT(d.meanPathStretch, r.meanPathStretch);
}

TEST(DmmFig7, APrefixWhoseFlowsEndedIsReleased)
{
    // As Fig 7, but the flows with cn11 end at 7.5 s while the node is at ar3: after
    // protocol.idle_release_s without a packet, ar3 de-registers HoA1 at ar1 and removes
    // the session, so the move to ar2 registers only HoA3 (with ar3).
    ScenarioConfig cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig7-dma.json",
                                      {"flows.0.stop_s=7.5",
                                       "flows.1.stop_s=7.5",
                                       "protocol.idle_release_s=1",
                                       "protocol.min_delay_before_bce_delete_ms=500"},
                                      {},
                                      {});
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& last = r.handovers[1];
    // The release: a de-registration from ar3 to ar1 and a Session Update, 1 s after the
    // last packet (sent just before 7.5 s) and before the move.
    auto releases = Messages(r, "ar3", "PBU", 8.0, last.l2DownS);
    ASSERT_EQ(releases.size(), 1u);
    EXPECT_EQ(releases.front().dst, Message(r, "ar1", "PBA", 0).src);
    EXPECT_EQ(Messages(r, "ar3", "SessionUpdate", 8.0, last.l2DownS).size(), 1u);
    // The last move registers one prefix only, with ar3; cn21's flows survive it.
    auto pbus = Messages(r, "ar2", "PBU", last.l2UpS, last.signalingDoneS);
    ASSERT_EQ(pbus.size(), 1u);
    EXPECT_EQ(pbus.front().dst, Message(r, "ar3", "PBA", last.l2UpS).src);
    EXPECT_NEAR(last.latencyMs, PredictDma(cfg, r, last, {"ar3"}), last.latencyMs * 0.01);
    for (const auto& f : r.flows)
    {
        if (f.cn == "cn21")
        {
            EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
        }
    }
}
