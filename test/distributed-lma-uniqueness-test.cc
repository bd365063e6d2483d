/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The NOT_UNIQUE answer of the uniqueness check (seed 004 §4.3) on
// scenarios/distributed-lma-lma-change.json: the policy profile at n2-ar1 gives mn11 the
// HNP of mn41 (another node's, allocated by n4-anchor), so the V-LMA n2-anchor asks its
// H-LMA n1-anchor about a prefix that is not mn11's and must bind the valid one.
#include "distributed-lma-apps.h"
#include "distributed-lma-ladder.h"
#include "test-paths.h"

#include "ns3/dlma-agent.h"
#include "ns3/ipv6.h"
#include "ns3/mag-agent.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>
#include <set>

using namespace dmmtest;

namespace
{

/// \return the global /64 prefixes of a node's addresses
std::set<ns3::HomeNetworkPrefix>
GlobalPrefixes(const std::string& node)
{
    std::set<ns3::HomeNetworkPrefix> out;
    auto ipv6 = ns3::Names::Find<ns3::Node>(node)->GetObject<ns3::Ipv6>();
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t k = 0; k < ipv6->GetNAddresses(i); ++k)
        {
            ns3::Ipv6Address a = ipv6->GetAddress(i, k).GetAddress();
            if (!a.IsLinkLocal() && !a.IsLocalhost())
            {
                out.insert(ns3::HomeNetworkPrefix::Make(a, 64));
            }
        }
    }
    return out;
}

/// What one run shows of mn11's registration at n2-anchor.
struct Outcome
{
    ns3::RunResults r;                        //!< the results
    uint64_t notUnique{0};                    //!< NOT_UNIQUE replies of n1-anchor
    uint64_t rejected{0};                     //!< PBAs n2-ar1 took as refusals
    std::set<ns3::HomeNetworkPrefix> mn11At4; //!< mn11's prefixes at 4 s
    std::set<ns3::HomeNetworkPrefix> mn41;    //!< mn41's prefixes
};

Outcome
RunRegistration(bool staleProfile)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-lma-change.json",
                     {},
                     {},
                     {});
    Outcome o;
    ns3::Simulator::Schedule(ns3::Seconds(2), [&o, staleProfile]() {
        o.mn41 = GlobalPrefixes("mn41");
        if (staleProfile && !o.mn41.empty())
        {
            AppOf<ns3::MagAgent>("n2-ar1")->SetPolicyPrefix("mn11@dmm", *o.mn41.begin());
        }
    });
    ns3::Simulator::Schedule(ns3::Seconds(4), [&o]() { o.mn11At4 = GlobalPrefixes("mn11"); });
    ns3::Simulator::Schedule(ns3::Seconds(11.9), [&o]() {
        o.notUnique = AppOf<ns3::DlmaAgent>("n1-anchor")->GetDlmaStats().notUnique;
        o.rejected = AppOf<ns3::MagAgent>("n2-ar1")->GetStats().rejected;
    });
    o.r = Simulate(cfg);
    return o;
}

} // namespace

TEST(DistributedLmaUniqueness, NotUniqueHoaIsReplacedByTheValidOne)
{
    Outcome plain = RunRegistration(false);
    Outcome stale = RunRegistration(true);
    ASSERT_EQ(stale.mn41.size(), 1u);
    EXPECT_EQ(plain.notUnique, 0u);
    EXPECT_EQ(stale.notUnique, 1u);
    // §4.3's ladder, as with a prefix the MAG asks for: check, reply, inform, PBA.
    std::vector<std::string> ladder{"n2-ar1:PBU>n2-anchor",
                                    "n2-anchor:DlmaUniquenessCheck>n1-anchor",
                                    "n1-anchor:DlmaUniquenessReply>n2-anchor",
                                    "n2-anchor:DlmaLocationInform>n1-anchor",
                                    "n2-anchor:PBA>n2-ar1"};
    auto steps = Ladder(stale.r, 3.01, 3.2);
    EXPECT_EQ(steps, ladder);
    EXPECT_EQ(Ladder(plain.r, 3.01, 3.2), ladder);
    // The check names mn41's prefix: one HNP option more than the plain one's.
    EXPECT_EQ(Message(stale.r, "n2-anchor", "DlmaUniquenessCheck", 3.0).bytes,
              Message(plain.r, "n2-anchor", "DlmaUniquenessCheck", 3.0).bytes + 24);
    // The node keeps its valid HoA prefix, which is not mn41's, and the PBA was accepted.
    EXPECT_EQ(stale.rejected, 0u);
    EXPECT_EQ(stale.mn11At4, plain.mn11At4);
    ASSERT_EQ(stale.mn11At4.size(), 1u);
    EXPECT_EQ(stale.mn41.count(*stale.mn11At4.begin()), 0u);
    // Traffic flows as without the stale profile.
    for (const std::string flow : {"down", "up"})
    {
        EXPECT_EQ(Flow(stale.r, flow).received, Flow(plain.r, flow).received) << flow;
        EXPECT_GT(Flow(stale.r, flow).received, 0.98 * Flow(stale.r, flow).sent) << flow;
    }
}
