/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Seed 003 §3.3 way 1 (protocol.session_source "solicitation"): the mobile node lists its
// ongoing sessions, prefix and anchor, in its router solicitation; the new MAR registers
// them at once, without the central database (way 2, the default).
#include "closed-form.h"
#include "test-paths.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mar-agent.h"
#include "ns3/mn-agent.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ScenarioConfig
Fig7(const std::vector<std::string>& overrides)
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig7-dma.json",
                        overrides,
                        {},
                        {});
}

/// Seed 003 §4.2 without the database: RS, its processing, the PBU/PBA exchanges in
/// parallel (each PBA processed; the last one ends them), the RA.
double
PredictFromSolicitation(const ScenarioConfig& cfg,
                        const RunResults& r,
                        const HandoverRecord& h,
                        const std::vector<std::string>& homeMars)
{
    double rs = Message(r, h.mn, "RS", h.l2UpS).bytes;
    double ra = Message(r, h.to, "RA", h.l2UpS).bytes;
    double slowest = SlowestRegistrationMs(cfg, r, h, homeMars);
    return cfg.l2.switchTimeMs + AccessMs(cfg, h.to, rs) + cfg.accessProcessingMs + slowest +
           cfg.accessProcessingMs + AccessMs(cfg, h.to, ra);
}

template <typename T>
Ptr<T>
AgentOf(const std::string& node)
{
    Ptr<Node> n = Names::Find<Node>(node);
    for (uint32_t a = 0; a < n->GetNApplications(); ++a)
    {
        if (Ptr<T> agent = DynamicCast<T>(n->GetApplication(a)))
        {
            return agent;
        }
    }
    return nullptr;
}

} // namespace

TEST(DmaSessionSource, TheSolicitationSavesTheDatabaseRoundTrip)
{
    const std::vector<std::string> processing{"processing.access_ms=2", "processing.anchor_ms=3"};
    std::vector<std::string> listed = processing;
    listed.push_back("protocol.session_source=solicitation");
    ScenarioConfig cfg = Fig7(listed);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const std::vector<std::vector<std::string>> anchors{{"ar1"}, {"ar1", "ar3"}};
    for (size_t n = 0; n < 2; ++n)
    {
        const HandoverRecord& h = r.handovers[n];
        EXPECT_NEAR(h.latencyMs, PredictFromSolicitation(cfg, r, h, anchors[n]), 0.01);
        // Each anchor listed in the RS, and only those, is registered.
        EXPECT_EQ(Messages(r, h.to, "PBU", h.l2UpS, h.signalingDoneS).size(), anchors[n].size());
    }
    EXPECT_TRUE(Messages(r, "ar3", "SessionQuery", 0, 1e9).empty());
    EXPECT_TRUE(Messages(r, "ar1", "SessionUpdate", 0, 1e9).empty());
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
    // The same moves with the database: longer by its round trip (query, anchor_ms, reply,
    // access_ms), less the RS's larger size on the access link.
    ScenarioConfig dbCfg = Fig7(processing);
    RunResults db = Simulate(dbCfg);
    ASSERT_EQ(db.handovers.size(), 2u);
    for (size_t n = 0; n < 2; ++n)
    {
        const HandoverRecord& h = db.handovers[n];
        auto toDb = Path(dbCfg, h.to, "db");
        double roundTrip = WiredMs(toDb, Message(db, h.to, "SessionQuery", h.l2UpS).bytes) +
                           dbCfg.anchorProcessingMs +
                           WiredMs(toDb, Message(db, "db", "SessionReply", h.l2UpS).bytes) +
                           dbCfg.accessProcessingMs;
        double rsGrowth = AccessMs(cfg, h.to, Message(r, "mn1", "RS", h.l2UpS).bytes) -
                          AccessMs(cfg, h.to, Message(db, "mn1", "RS", h.l2UpS).bytes);
        EXPECT_GT(rsGrowth, 0); // the Mobility Session options
        EXPECT_NEAR(h.latencyMs - r.handovers[n].latencyMs, roundTrip - rsGrowth, 0.01);
    }
}

TEST(DmaSessionSource, AForgedListingIsRefusedByTheAnchor)
{
    // Before moving to ar3, mn1 claims a prefix of ar2's pool that ar2 never gave it, with
    // ar2 as its anchor (idle_release_s 0: the node lists every prefix it holds). ar3
    // registers it with ar2, whose binding cache knows no such prefix for mn1's MN-ID
    // (RFC 5213 §5.3.2: NOT_AUTHORIZED_FOR_HNP); the genuine session with ar1 is unharmed.
    ScenarioConfig cfg =
        Fig7({"protocol.session_source=solicitation", "protocol.idle_release_s=0"});
    // ar2's address: the source of its PBUs once mn1 reaches it (at 10 s).
    RunResults plain = Simulate(Fig7({"protocol.session_source=solicitation"}));
    Ipv6Address ar2(Messages(plain, "ar2", "PBU", 10, 15).at(0).src.c_str());
    HomeNetworkPrefix forged = HomeNetworkPrefix::Make(Ipv6Address("2001:1:2:77::"), 64);
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> listed;
    MarAgent::Stats atAr3;
    Simulator::Schedule(Seconds(4), [&]() {
        Ptr<Node> mn = Names::Find<Node>("mn1");
        Ptr<Ipv6> ipv6 = mn->GetObject<Ipv6>();
        uint32_t i = 1; // the access interface: the one with ar1's prefix
        while (!HomeNetworkPrefix::Make(Ipv6Address("2001:1:1::"), 48)
                    .Contains(ipv6->GetAddress(i, ipv6->GetNAddresses(i) - 1).GetAddress()))
        {
            ++i;
        }
        ipv6->AddAddress(i, Ipv6InterfaceAddress(Ipv6Address("2001:1:2:77::1"), Ipv6Prefix(64)));
        AgentOf<MnAgent>("mn1")->AddSession(forged, ar2);
    });
    Simulator::Schedule(Seconds(4.9),
                        [&]() { listed = AgentOf<MnAgent>("mn1")->GetOngoingSessions(); });
    Simulator::Schedule(Seconds(6), [&]() { atAr3 = AgentOf<MarAgent>("ar3")->GetStats(); });
    RunResults r = Simulate(cfg);
    ASSERT_EQ(listed.size(), 2u); // ar1's genuine prefix and the forged one
    ASSERT_GE(r.handovers.size(), 1u);
    const HandoverRecord& h = r.handovers[0];
    EXPECT_EQ(Messages(r, "ar3", "PBU", h.l2UpS, h.l2UpS + 1).size(), 2u);
    EXPECT_EQ(Messages(r, "ar2", "PBA", h.l2UpS, h.l2UpS + 1).size(), 1u);
    EXPECT_EQ(atAr3.rejected, 1u);
    EXPECT_EQ(atAr3.foreignPrefixes, 1u); // ar1's only
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
}
