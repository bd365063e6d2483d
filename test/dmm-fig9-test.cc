/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The framework draft's fully distributed scenario (000 §5.2, Fig 9;
// scenarios/dmm-fig9-fully-distributed.json): location servers partitioned by prefix,
// hierarchical location, mobility routers that pull (or are pushed) locations.
#include "closed-form.h"
#include "test-paths.h"

#include "ns3/recipe.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

const std::string FIG9 = "/scenarios/dmm-fig9-fully-distributed.json";

ScenarioConfig
LoadFig9(const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + FIG9, overrides, {}, {});
}

/// The address a server answers from (the source of its first acknowledgement).
std::string
ServerAddress(const RunResults& r, const std::string& server)
{
    return Message(r, server, "BA", 0).src;
}

/// Binding Updates the node sent to \p dst in [from, to].
size_t
UpdatesTo(const RunResults& r, const std::string& dst, double from, double to)
{
    size_t n = 0;
    for (const auto& s : Messages(r, "mn11", "BU", from, to))
    {
        n += s.dst == dst ? 1 : 0;
    }
    return n;
}

/// Closed form: movement detection + the BU/BA exchanges with \p servers, in parallel.
double
PredictLatency(const ScenarioConfig& cfg,
               const RunResults& r,
               const HandoverRecord& h,
               const std::vector<std::string>& servers)
{
    std::vector<double> atRouter;
    double ba = 0;
    for (const auto& server : servers)
    {
        auto path = Path(cfg, h.to, server);
        double bu = Message(r, h.mn, "BU", h.l2UpS).bytes;
        ba = Message(r, server, "BA", h.l2UpS).bytes;
        atRouter.push_back(AccessMs(cfg, h.to, bu) + WiredMs(path, bu) + cfg.anchorProcessingMs +
                           WiredMs(path, ba));
    }
    return PredictParallelBindings(cfg, r, h, atRouter, ba);
}

} // namespace

TEST(DmmFig9, HomeServerPointsToTheVisitedNetworkAndIntraNetworkMovesStayLocal)
{
    // mn11 forms HoA11 at mr11 (network 1), moves to mr31 (network 3), then to mr32 (still
    // network 3); cn21 sits behind mr21 (network 2).
    ScenarioConfig cfg = LoadFig9();
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& inter = r.handovers[0];
    const HandoverRecord& intra = r.handovers[1];
    std::string lm1 = ServerAddress(r, "lm1");
    std::string lm3 = ServerAddress(r, "lm3");

    // Into network 3: HoA11 is bound at lm3 (local) and lm1 points to network 3, in parallel.
    EXPECT_EQ(UpdatesTo(r, lm3, inter.l2UpS, inter.signalingDoneS), 1u);
    EXPECT_EQ(UpdatesTo(r, lm1, inter.l2UpS, inter.signalingDoneS), 1u);
    EXPECT_NEAR(inter.latencyMs,
                PredictLatency(cfg, r, inter, {"lm1", "lm3"}),
                inter.latencyMs * 0.01);

    // Inside network 3: HoA11 and IP31 are re-bound at lm3 only; the home server lm1 hears
    // nothing, for the rest of the run.
    EXPECT_EQ(UpdatesTo(r, lm3, intra.l2UpS, intra.signalingDoneS), 2u);
    EXPECT_EQ(UpdatesTo(r, lm1, intra.l2UpS, cfg.durationS), 0u);
    EXPECT_TRUE(Messages(r, "lm1", "BA", intra.l2UpS).empty());
    EXPECT_NEAR(intra.latencyMs, PredictLatency(cfg, r, intra, {"lm3"}), intra.latencyMs * 0.01);

    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        // Downlink packets wait at the router the node left until the new location is
        // known: none is lost; uplink ones are lost in the layer-2 gap only.
        if (f.flow == "cn21-up")
        {
            EXPECT_GT(f.received, f.sent * 98 / 100);
        }
        else
        {
            EXPECT_EQ(f.received, f.sent);
        }
        // A flow keeps the address formed where it started: mr11's link (prefix 1) or,
        // for the flow started in network 3, mr31's (prefix 3).
        std::string prefix = f.flow == "cn21-new-down" ? "2001:bbbb:3:" : "2001:bbbb:1:";
        EXPECT_EQ(f.address.rfind(prefix, 0), 0u) << f.address;
        // Routed by location where the traffic enters: no detour through the router
        // that allocated the address once the caches have the new location.
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks);
    }
}

TEST(DmmFig9, RoutersAskTheHomeServerOfThePrefixAndFollowTheReferral)
{
    ScenarioConfig cfg = LoadFig9();
    RunResults r = Simulate(cfg);
    std::string lm1 = ServerAddress(r, "lm1");
    std::string lm3 = ServerAddress(r, "lm3");
    // The first packet to HoA11 makes cn21's router ask the server of HoA11's partition.
    const SignalingRecord& first = Message(r, "mr21", "LocationQuery", 2.0);
    EXPECT_EQ(first.dst, lm1);
    EXPECT_TRUE(Messages(r, "lm2", "LocationReply", 0).empty()) << "lm2 holds no partition used";
    // After the move to network 3, lm1 refers to lm3, and the router asks there.
    bool asked3 = false;
    for (const auto& q : Messages(r, "mr21", "LocationQuery", r.handovers[0].signalingDoneS))
    {
        asked3 = asked3 || q.dst == lm3;
    }
    EXPECT_TRUE(asked3);
    // The intra-network move leaves mr21 with a stale care-of address: mr31, the old
    // router, forwards and tells it (MR-MR signalling).
    const SignalingRecord& stale = Message(r, "mr31", "LocationStale", r.handovers[1].l2DownS);
    EXPECT_EQ(stale.dst, Message(r, "mr21", "LocationQuery", 0).src);
}

TEST(DmmFig9, PushNotifiesTheRoutersThatAskedInsteadOfPeriodicQueries)
{
    ScenarioConfig pullCfg = LoadFig9();
    ScenarioConfig pushCfg = LoadFig9({"protocol.location=push"});
    RunResults pull = Simulate(pullCfg);
    RunResults push = Simulate(pushCfg);
    EXPECT_TRUE(Messages(pull, "lm1", "LocationNotify", 0).empty());
    EXPECT_TRUE(Messages(pull, "lm3", "LocationNotify", 0).empty());
    // lm1 notifies when HoA11 moves to network 3; lm3 when the node moves inside it.
    EXPECT_FALSE(Messages(push, "lm1", "LocationNotify", 4.9, 5.2).empty());
    EXPECT_TRUE(Messages(push, "lm1", "LocationNotify", 5.2).empty());
    EXPECT_FALSE(Messages(push, "lm3", "LocationNotify", 8.9, 9.2).empty());
    // Pull refreshes every location_cache_s; push asks once per router and server.
    size_t pullQueries = Messages(pull, "mr21", "LocationQuery", 0).size();
    size_t pushQueries = Messages(push, "mr21", "LocationQuery", 0).size();
    EXPECT_LT(pushQueries, pullQueries);
    for (const auto& f : push.flows)
    {
        EXPECT_GE(f.received, f.flow == "cn21-up" ? f.sent * 98 / 100 : f.sent) << f.flow;
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks) << f.flow;
    }
}

TEST(DmmFig9, BackAtItsFirstRouterTheAddressIsNativeAgain)
{
    // mr11 -> mr31 -> mr11: HoA11 is de-registered at lm1 (from HoA11 itself) and at lm3;
    // IP31 is now away from network 3: bound at lm1 (local) and lm3 points to network 1.
    ScenarioConfig cfg = LoadFig9({"mobility.2.attach=mr11"});
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& back = r.handovers[1];
    std::string lm1 = ServerAddress(r, "lm1");
    std::string lm3 = ServerAddress(r, "lm3");
    auto updates = Messages(r, "mn11", "BU", back.l2UpS, back.signalingDoneS);
    bool derigFromHome = false;
    for (const auto& bu : updates)
    {
        derigFromHome = derigFromHome || (bu.dst == lm1 && bu.src.rfind("2001:bbbb:1:", 0) == 0);
    }
    EXPECT_TRUE(derigFromHome);
    EXPECT_EQ(UpdatesTo(r, lm3, back.l2UpS, back.signalingDoneS), 2u); // HoA11 off, IP31 -> lm1
    EXPECT_EQ(UpdatesTo(r, lm1, back.l2UpS, back.signalingDoneS), 2u); // HoA11 off, IP31 here
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 98 / 100) << f.flow;
    }
}

TEST(DmmFig9, BadLocationModeIsRejected)
{
    EXPECT_THROW(LoadFig9({"protocol.location=broadcast"}), ScenarioError);
    EXPECT_THROW(LoadFig9({"protocol.location_cache_s=0"}), ScenarioError);
    // A mobile node cannot attach to a location server.
    ScenarioConfig cfg = LoadFig9({"mobility.1.attach=lm3"});
    EXPECT_THROW(Simulate(cfg), ScenarioError);
}

TEST(DmmFig9, GeneratedRandomWalkAcrossNetworksKeepsEveryFlow)
{
    // 3 networks x 3 routers, 8 nodes walking with a 40 % chance of leaving the network at
    // each move: stale caches are repaired by Location Stale hints and fresh queries,
    // never by packets bouncing between routers, and no downlink packet is lost.
    for (std::string mode : {"pull", "push", "pull network", "push network"})
    {
        SCOPED_TRACE(mode);
        bool network = mode.size() > 4;
        ScenarioConfig cfg = LoadScenario(
            std::string(DMM_SOURCE_DIR) + "/scenarios/generated-fully-distributed.json",
            {"protocol.location=" + mode.substr(0, 4),
             std::string("protocol.location_update=") + (network ? "network" : "client")},
            {},
            {});
        RunResults r = Simulate(cfg);
        ASSERT_GT(r.handovers.size(), 50u);
        size_t crossings = 0;
        for (const auto& h : r.handovers)
        {
            crossings += h.from.substr(0, 2) != h.to.substr(0, 2) ? 1 : 0;
            // L2 50 ms + signalling + at most a few retry intervals and referrals (NaN:
            // the node has no flow).
            EXPECT_FALSE(h.interruptionMs >= 200.0) << h.mn << " " << h.from << " -> " << h.to;
        }
        EXPECT_GT(crossings, 10u);
        for (const auto& f : r.flows)
        {
            // Downlink packets wait at the old router; uplink ones are lost in the L2 gap.
            auto spec = std::find_if(cfg.flows.begin(), cfg.flows.end(), [&f](const auto& c) {
                return c.name == f.flow;
            });
            ASSERT_NE(spec, cfg.flows.end());
            bool down = spec->from == f.cn;
            if (down)
            {
                EXPECT_EQ(f.received, f.sent) << f.flow;
            }
            else
            {
                EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
            }
        }
        EXPECT_LT(r.meanPathStretch, 1.5);
    }
}

TEST(DmmFig9, NetworkBasedRoutersRegisterAPlainHost)
{
    // Fig 9's AR31+LU: the node is a plain host; the router it attaches to fetches its
    // context from the router it left (layer 2 names it), registers its addresses, and
    // only then advertises; the previous router holds and forwards the node's packets.
    ScenarioConfig cfg = LoadFig9({"protocol.location_update=network"});
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    for (const auto& s : r.signaling)
    {
        EXPECT_TRUE(s.node != "mn11" || s.type == "RS") << s.type << " from the plain host";
    }
    std::string lm1 = Message(r, "lm1", "LocationRegisterAck", 0).src;
    std::string lm3 = Message(r, "lm3", "LocationRegisterAck", 0).src;
    auto registersTo =
        [&r](const std::string& router, const std::string& dst, double from, double to) {
            size_t n = 0;
            for (const auto& s : Messages(r, router, "LocationRegister", from, to))
            {
                n += s.dst == dst ? 1 : 0;
            }
            return n;
        };
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.from + " -> " + h.to);
        const SignalingRecord& request = Message(r, h.to, "ContextRequest", h.l2UpS);
        const SignalingRecord& reply = Message(r, h.from, "ContextReply", h.l2UpS);
        EXPECT_EQ(reply.dst, request.src);
        bool inter = h.from.substr(0, 3) != h.to.substr(0, 3); // mr1x -> mr3x
        EXPECT_EQ(registersTo(h.to, lm3, h.l2UpS, h.signalingDoneS), 1u);
        EXPECT_EQ(registersTo(h.to, lm1, h.l2UpS, h.signalingDoneS), inter ? 1u : 0u);
        // Closed form: movement detection, the context round trip between the routers,
        // then the registrations in parallel, then the RA.
        auto between = Path(cfg, h.to, h.from);
        double context = WiredMs(between, request.bytes) + cfg.accessProcessingMs +
                         WiredMs(between, reply.bytes) + cfg.accessProcessingMs;
        double slowest = 0;
        for (const std::string server : {"lm1", "lm3"})
        {
            auto regs = Messages(r, h.to, "LocationRegister", h.l2UpS, h.signalingDoneS);
            const std::string& address = server == "lm1" ? lm1 : lm3;
            for (const auto& reg : regs)
            {
                if (reg.dst != address)
                {
                    continue;
                }
                auto path = Path(cfg, h.to, server);
                double ack = Message(r, server, "LocationRegisterAck", reg.timeS).bytes;
                slowest = std::max(slowest,
                                   WiredMs(path, reg.bytes) + cfg.anchorProcessingMs +
                                       WiredMs(path, ack));
            }
        }
        double rs = Message(r, h.mn, "RS", h.l2UpS).bytes;
        double ra = Message(r, h.to, "RA", h.l2UpS).bytes;
        double predicted = cfg.l2.switchTimeMs + AccessMs(cfg, h.to, rs) + cfg.accessProcessingMs +
                           context + slowest + cfg.accessProcessingMs + AccessMs(cfg, h.to, ra);
        EXPECT_NEAR(h.latencyMs, predicted, predicted * 0.01);
    }
    // No home-server update for the rest of the run after the intra-network move.
    EXPECT_EQ(registersTo("mr32", lm1, 0, cfg.durationS), 0u);
    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        if (f.flow == "cn21-up")
        {
            EXPECT_GT(f.received, f.sent * 98 / 100);
        }
        else
        {
            EXPECT_EQ(f.received, f.sent); // held, then forwarded by the previous router
        }
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks);
    }
    EXPECT_THROW(LoadFig9({"protocol.location_update=both"}), ScenarioError);
}

TEST(DmmFig9, ForwardingTimeIsHowLongAPreviousRouterForwards)
{
    // protocol.forwarding_time_s (MrAgent ForwardingTime): with forwarding, a packet that
    // still reaches the router a node left is tunnelled on and its sender hinted (Location
    // Stale); with none, the router forwards nothing after the context transfer.
    auto stale = [](const RunResults& r) {
        size_t n = 0;
        for (const auto& s : r.signaling)
        {
            n += s.type == "LocationStale" ? 1 : 0;
        }
        return n;
    };
    RunResults forwarding = Simulate(LoadFig9({"protocol.location_update=network"}));
    RunResults none =
        Simulate(LoadFig9({"protocol.location_update=network", "protocol.forwarding_time_s=0"}));
    EXPECT_GE(stale(forwarding), 1u);
    EXPECT_EQ(stale(none), 0u);
    // Under client-based location update the key is not read: named, not applied.
    EXPECT_FALSE(dmm::ApplicableKeys(LoadFig9().recipe).count("protocol.forwarding_time_s"));
    EXPECT_TRUE(dmm::ApplicableKeys(LoadFig9({"protocol.location_update=network"}).recipe)
                    .count("protocol.forwarding_time_s"));
}

TEST(DmmFig9, OverWifiTheAssociationNamesThePreviousRouter)
{
    // 802.11: the station finds the new AP itself; at its association the monitor tells the
    // new router where the node came from (as IEEE 802.11F would), so the network-based
    // update fetches the context from the right router at each handover.
    ScenarioConfig cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-wifi.json",
                                      {},
                                      "fully-distributed",
                                      {});
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.from + " -> " + h.to);
        const SignalingRecord& request = Message(r, h.to, "ContextRequest", h.l2DownS);
        const SignalingRecord& reply = Message(r, h.from, "ContextReply", h.l2DownS);
        EXPECT_EQ(reply.dst, request.src);
        EXPECT_LT(request.timeS, h.signalingDoneS);
    }
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
}
