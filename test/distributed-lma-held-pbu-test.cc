/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A visitor's PBU held for the Uniqueness Check (seed 004 §4.3), and a refresh of a binding
// a newer Location Inform superseded, on scenarios/distributed-lma-lma-change.json: mn11
// (H-LMA n1-anchor) attaches at n1-ar1 at 1 s, n2-ar1 (V-LMA n2-anchor) at 3 s and n3-ar1
// (n3-anchor) at 7 s; links.8 is n1-anchor - n2-anchor.
#include "distributed-lma-apps.h"
#include "distributed-lma-ladder.h"
#include "test-paths.h"

#include "ns3/config.h"
#include "ns3/dlma-agent.h"
#include "ns3/home-address-allocation.h"
#include "ns3/mag-agent.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

ScenarioConfig
Load(const std::vector<std::string>& overrides)
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-lma-change.json",
                        overrides,
                        {},
                        {});
}

/// What a run shows of mn11's registrations.
struct Outcome
{
    ns3::RunResults r;                      //!< the results
    ns3::DlmaAgent::DlmaStats n1;           //!< n1-anchor's counters at the end
    ns3::DlmaAgent::DlmaStats n2;           //!< n2-anchor's counters at the end
    uint64_t rejected{0};                   //!< PBAs n2-ar1 took as refusals
    std::vector<ns3::Ipv6Address> location; //!< n1-anchor's location of mn11, each second
    std::vector<ns3::Ipv6Address> anchors;  //!< n1-, n2-, n3-anchor's addresses
};

Outcome
RunMn11(const std::vector<std::string>& overrides)
{
    Outcome o;
    for (int s = 2; s <= 11; ++s)
    {
        ns3::Simulator::Schedule(ns3::Seconds(s + 0.9), [&o]() {
            auto n1 = AppOf<ns3::DlmaAgent>("n1-anchor");
            ns3::HomeNetworkPrefix hnp = n1->GetAllocation()->Lookup("mn11@dmm").value();
            o.location.push_back(n1->GetLocation(hnp));
        });
    }
    ns3::Simulator::Schedule(ns3::Seconds(11.95), [&o]() {
        for (const std::string node : {"n1-anchor", "n2-anchor", "n3-anchor"})
        {
            o.anchors.push_back(AppOf<ns3::DlmaAgent>(node)->GetAddress());
        }
        o.n1 = AppOf<ns3::DlmaAgent>("n1-anchor")->GetDlmaStats();
        o.n2 = AppOf<ns3::DlmaAgent>("n2-anchor")->GetDlmaStats();
        o.rejected = AppOf<ns3::MagAgent>("n2-ar1")->GetStats().rejected;
    });
    o.r = Simulate(Load(overrides));
    return o;
}

} // namespace

TEST(DistributedLmaHeldPbu, ReplyToAReplacedCheckIsIgnored)
{
    // n2-ar1 retransmits its PBU after 150 ms, before the 200 ms check round trip ends: the
    // retransmission replaces the held PBU and asks again (§4.3).
    ns3::Config::SetDefault("ns3::ProxyLocationUpdate::InitialBindackTimeout",
                            ns3::TimeValue(ns3::MilliSeconds(150)));
    Outcome o = RunMn11({"links.8.delay_ms=100"});
    ns3::Config::SetDefault("ns3::ProxyLocationUpdate::InitialBindackTimeout",
                            ns3::TimeValue(ns3::Seconds(1)));
    // The first reply answers the replaced check: the PBU waits for the second one.
    EXPECT_EQ(Ladder(o.r, 3.01, 3.6),
              (std::vector<std::string>{"n2-ar1:PBU>n2-anchor",
                                        "n2-anchor:DlmaUniquenessCheck>n1-anchor",
                                        "n1-anchor:DlmaUniquenessReply>n2-anchor",
                                        "n2-ar1:PBU>n2-anchor",
                                        "n2-anchor:DlmaUniquenessCheck>n1-anchor",
                                        "n1-anchor:DlmaUniquenessReply>n2-anchor",
                                        "n2-anchor:DlmaLocationInform>n1-anchor",
                                        "n2-anchor:PBA>n2-ar1"}));
    EXPECT_EQ(o.n2.staleReplies, 1u);
    EXPECT_EQ(o.rejected, 0u);
}

TEST(DistributedLmaHeldPbu, SlowHomeLmaDelaysTheRegistration)
{
    // A 400 ms check round trip: past the 300 ms TimestampValidityWindow, which RFC 5213
    // §5.5.1 applies on receipt of the PBU, not after the hold.
    Outcome slow = RunMn11({"links.8.delay_ms=200"});
    Outcome fast = RunMn11({});
    EXPECT_EQ(slow.rejected, 0u);
    EXPECT_EQ(Ladder(slow.r, 3.01, 3.6), Ladder(fast.r, 3.01, 3.6));
    ASSERT_EQ(slow.r.handovers.size(), 2u);
    ASSERT_EQ(fast.r.handovers.size(), 2u);
    // Delayed by the longer round trip only (2 x 190 ms more).
    EXPECT_NEAR(slow.r.handovers[0].latencyMs - fast.r.handovers[0].latencyMs, 380, 5);
    ASSERT_GE(slow.location.size(), 2u);
    EXPECT_EQ(slow.location[1], slow.anchors[1]); // n2-anchor, from 3.9 s
}

TEST(DistributedLmaHeldPbu, RefreshFromALeftMagDoesNotTakeTheNodeBack)
{
    // The MAGs keep refreshing after the node left (lifetime 6 s, refreshed after 4.8 s):
    // n1-ar1 at about 5.85 s, n2-ar1 at about 7.85 s, after newer informs moved mn11 on.
    Outcome o = RunMn11({"protocol.deregister_on_detach=false", "protocol.binding_lifetime_s=6"});
    EXPECT_EQ(o.n1.staleRefreshes, 1u);
    EXPECT_EQ(o.n2.staleRefreshes, 1u);
    // Only n3-anchor, the node's D-LMA from 7 s, informs after the move to n2-anchor.
    for (const std::string& step : Ladder(o.r, 3.5, 12.0))
    {
        bool inform = step.find(":DlmaLocationInform>") != std::string::npos;
        EXPECT_TRUE(!inform || step.rfind("n3-anchor:", 0) == 0) << step;
    }
    ASSERT_EQ(o.location.size(), 10u);
    for (size_t i = 1; i < o.location.size(); ++i)
    {
        // n1-anchor's master location: n2-anchor until 7 s, n3-anchor after.
        EXPECT_EQ(o.location[i], o.anchors[i < 5 ? 1 : 2]) << "at " << i + 2.9 << " s";
    }
}
