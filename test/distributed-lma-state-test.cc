/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The distributed LMAs' own state on scenarios/distributed-lma-figs7-8.json (seed 004):
// the records of the Cache Updates sent stay bounded, and a Location Inform overtaken by
// a newer one of the same D-LMA is not applied (RFC 5213 §5.3.1's sequence rule).
#include "closed-form.h"
#include "distributed-lma-ladder.h"
#include "test-paths.h"

#include "ns3/dlma-agent.h"
#include "ns3/dlma-location-inform.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ns3::Ptr<ns3::DlmaAgent>
DlmaOf(const std::string& node)
{
    ns3::Ptr<ns3::Node> n = ns3::Names::Find<ns3::Node>(node);
    for (uint32_t a = 0; n && a < n->GetNApplications(); ++a)
    {
        if (auto agent = ns3::DynamicCast<ns3::DlmaAgent>(n->GetApplication(a)))
        {
            return agent;
        }
    }
    return nullptr;
}

ScenarioConfig
LoadFigs78(const std::vector<std::string>& overrides)
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-figs7-8.json",
                        overrides,
                        {},
                        {});
}

/// A location the H-LMA n1-anchor switched to, and when.
struct Switch
{
    double timeS;           //!< when
    ns3::Ipv6Address where; //!< the D-LMA or MAG
};

/// Records an LMA's Location trace.
struct LocationRecorder
{
    std::vector<Switch> switches;  //!< in order
    ns3::HomeNetworkPrefix prefix; //!< the last prefix traced

    void OnLocation(const ns3::HomeNetworkPrefix& p, ns3::Ipv6Address where)
    {
        prefix = p;
        switches.push_back({ns3::Simulator::Now().GetSeconds(), where});
    }
};

} // namespace

TEST(DistributedLmaState, CacheUpdateRecordsEndWithTheirHoldDown)
{
    // mn11 is anchored at n3-anchor from 3 s, cn21's packets reach its H-LMA n1-anchor from
    // 5 s: n1-anchor tells the O-LMA n2-anchor the D-LMA. The flows stop at 6 s; a second
    // after (CacheUpdateHoldDown) no record naming an LMA has any use left.
    ScenarioConfig cfg = LoadFigs78({"flows.0.stop_s=6", "flows.1.stop_s=6", "flows.2.stop_s=6"});
    std::map<std::string, size_t> told;
    for (const std::string name : {"n1-anchor", "n2-anchor", "n3-anchor"})
    {
        for (double at : {5.5, 8.4})
        {
            ns3::Simulator::Schedule(ns3::Seconds(at), [&told, name, at]() {
                told[name + "@" + std::to_string(int(at))] = DlmaOf(name)->GetToldCount();
            });
        }
    }
    RunResults r = Simulate(cfg);
    EXPECT_GT(told.at("n1-anchor@5"), 0u); // the check observes something
    for (const std::string name : {"n1-anchor", "n2-anchor", "n3-anchor"})
    {
        EXPECT_EQ(told.at(name + "@8"), 0u) << name;
    }
    // What the records are for still happens: one Cache Update per hold-down.
    EXPECT_EQ(Messages(r, "n1-anchor", "DlmaCacheUpdate", 0, 9).size(), 1u);
}

TEST(DistributedLmaState, OvertakenLocationInformIsNotApplied)
{
    // §5.1.1's alternative (MagTracking Hlma): the D-LMA n3-anchor names mn11's MAG to the
    // H-LMA n1-anchor, n3-ar1 at 3 s and n3-ar2 after the move at 9 s. A copy of the first
    // inform arriving at 9.5 s (delayed in the network) names n3-ar1 again with an older
    // sequence number: the H-LMA must keep n3-ar2.
    ScenarioConfig cfg =
        LoadFigs78({"protocol.dlma_bypass=true", "protocol.dlma_mag_tracking=h-lma"});
    LocationRecorder rec;
    const std::vector<Switch>& switches = rec.switches;
    ns3::Simulator::Schedule(ns3::Seconds(0), [&rec]() {
        DlmaOf("n1-anchor")
            ->TraceConnectWithoutContext("Location",
                                         ns3::MakeCallback(&LocationRecorder::OnLocation, &rec));
    });
    ns3::Simulator::Schedule(ns3::Seconds(9.5), [&switches, &rec]() {
        ASSERT_FALSE(switches.empty());
        auto dlma = DlmaOf("n3-anchor");
        ns3::DlmaLocationInform stale;
        stale.SetSequence(0); // n3-anchor's first message was its Uniqueness Check
        stale.SetMobileNode("mn11@dmm");
        stale.SetHomePrefix(rec.prefix);
        stale.SetMag(switches.front().where);
        dlma->GetNode()->GetObject<ns3::MobilityL4Protocol>()->Send(
            stale,
            dlma->GetAddress(),
            DlmaOf("n1-anchor")->GetAddress());
    });
    uint64_t stale = 0;
    ns3::Simulator::Schedule(ns3::Seconds(13.9), [&stale]() {
        stale = DlmaOf("n1-anchor")->GetDlmaStats().staleInforms;
    });
    RunResults r = Simulate(cfg);
    ASSERT_GE(switches.size(), 2u);
    ns3::Ipv6Address first = switches.front().where; // n3-ar1
    for (const Switch& s : switches)
    {
        EXPECT_TRUE(s.timeS < 9.5 || s.where != first) << s.timeS << " " << s.where;
    }
    EXPECT_NE(switches.back().where, first); // n3-ar2
    EXPECT_EQ(stale, 1u);
    // The packets keep reaching mn11 after the stale inform.
    const FlowRecord& down = Flow(r, "down");
    EXPECT_GT(down.received, 0u);
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
}

TEST(DistributedLmaState, NoLocationInformToAnUnspecifiedAddress)
{
    // With the D-LMA bypass, mn11's D-LMA n2-anchor receives the first packets from the
    // H-LMA n1-anchor and keeps no Cache Update record for it (the H-LMA owns the prefix).
    // At the change of LMA (7 s) n2-anchor informs the MAG the O-LMA was told, n2-ar1, and
    // nothing else: every inform it counts is one on the wire.
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-lma-change.json",
                     {"protocol.dlma_bypass=true"},
                     {},
                     {});
    uint64_t counted = 0;
    ns3::Simulator::Schedule(ns3::Seconds(11.9), [&counted]() {
        counted = DlmaOf("n2-anchor")->GetDlmaStats().informsSent;
    });
    RunResults r = Simulate(cfg);
    auto sent = Messages(r, "n2-anchor", "DlmaLocationInform", 0, cfg.durationS);
    EXPECT_EQ(counted, sent.size());
    EXPECT_EQ(Messages(r, "n2-anchor", "DlmaLocationInform", 7.0, 8.0).size(), 1u);
}

TEST(DistributedLmaState, MagRecordsEndWithTheCacheEntry)
{
    // §5.4 on the D-LMA bypass: n2-anchor (mn31's LMA, O-LMA of its packets for mn11)
    // learns mn11's MAG n3-ar1 from the D-LMA n3-anchor and names it to the sending MAG
    // n2-ar1, which then tunnels past n2-anchor. That record names a MAG; once n2-anchor's
    // cache entry for mn11's prefix has ended (CacheTimeout without a packet) nothing reads
    // it any more and ForgetTold must drop it, although the flow goes on.
    const char* flows =
        R"(flows=[{"name":"a","type":"udp","from":"mn31","to":"mn11","start_s":5.0,)"
        R"("stop_s":13.5,"interval_ms":7.0,"size_bytes":200}])";
    ScenarioConfig cfg = LoadFigs78({"protocol.dlma_bypass=true",
                                     "protocol.dlma_bypass_olma=true",
                                     "protocol.location_cache_s=2",
                                     flows});
    std::map<double, size_t> told;
    std::map<double, uint64_t> expired;
    for (double at : {5.5, 8.5})
    {
        ns3::Simulator::Schedule(ns3::Seconds(at), [&told, &expired, at]() {
            told[at] = DlmaOf("n2-anchor")->GetToldCount();
            expired[at] = DlmaOf("n2-anchor")->GetDlmaStats().cacheExpired;
        });
    }
    RunResults r = Simulate(cfg);
    ASSERT_EQ(Messages(r, "n2-anchor", "DlmaCacheUpdate", 5.0, 5.5).size(), 1u); // to n2-ar1
    EXPECT_EQ(told.at(5.5), 1u);
    EXPECT_EQ(expired.at(5.5), 0u);
    EXPECT_EQ(expired.at(8.5), 1u); // the entry the record belonged to
    EXPECT_EQ(told.at(8.5), 0u);
    EXPECT_GT(Flow(r, "a").received, 0u);
}

TEST(DistributedLmaState, InformsOfDifferentLmasAreOrderedByTimestamp)
{
    // mn11 (H-LMA n1-anchor) visits n2-ar1 at 3 s and moves on to n3-ar1 at 3.3 s. The
    // link n1-anchor - n2-anchor takes 120 ms: n2-anchor's Location Inform (bound at 3.29 s)
    // reaches the H-LMA at 3.41 s, after n3-anchor's (sent at 3.37 s). Ordered by the
    // Timestamp option (RFC 5213 §5.5), the H-LMA refuses the older one and keeps
    // n3-anchor; ordered per LMA, it would send cn41's packets to n2-anchor for good.
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-lma-change.json",
                     {"links.8.delay_ms=120", "mobility.2.at_s=3.3"},
                     {},
                     {});
    LocationRecorder rec;
    ns3::Simulator::Schedule(ns3::Seconds(0), [&rec]() {
        DlmaOf("n1-anchor")
            ->TraceConnectWithoutContext("Location",
                                         ns3::MakeCallback(&LocationRecorder::OnLocation, &rec));
    });
    uint64_t stale = 0;
    ns3::Ipv6Address n2;
    ns3::Ipv6Address n3;
    ns3::Simulator::Schedule(ns3::Seconds(11.9), [&stale, &n2, &n3]() {
        stale = DlmaOf("n1-anchor")->GetDlmaStats().staleInforms;
        n2 = DlmaOf("n2-anchor")->GetAddress();
        n3 = DlmaOf("n3-anchor")->GetAddress();
    });
    RunResults r = Simulate(cfg);
    auto informs = Ladder(r, 3.0, 4.0);
    // Both informs were sent, n3-anchor's first: the reordering happened.
    auto at = [&informs](const std::string& step) {
        return std::find(informs.begin(), informs.end(), step) - informs.begin();
    };
    long fromN2 = at("n2-anchor:DlmaLocationInform>n1-anchor");
    long fromN3 = at("n3-anchor:DlmaLocationInform>n1-anchor");
    ASSERT_LT(fromN3, long(informs.size()));
    ASSERT_LT(fromN2, long(informs.size()));
    EXPECT_LT(fromN2, fromN3); // sent first, arrives last
    EXPECT_EQ(stale, 1u);
    ASSERT_FALSE(rec.switches.empty());
    EXPECT_EQ(rec.switches.back().where, n3);
    for (const Switch& s : rec.switches)
    {
        EXPECT_NE(s.where, n2) << s.timeS;
    }
    const FlowRecord& down = Flow(r, "down");
    EXPECT_EQ(down.received, down.sent);
    EXPECT_EQ(down.lastLinks, down.lastShortestLinks);
}
