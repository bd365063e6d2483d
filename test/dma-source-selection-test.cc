/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMA (seed 003 §4.2 step 4): a MAR announces the prefixes it keeps for another MAR as
// deprecated, and new flows use the current MAR's prefix, also back at an earlier MAR.
#include "closed-form.h"
#include "test-paths.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mn-agent.h"
#include "ns3/nd-options.h"
#include "ns3/source-address-selection.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// What mn1 knew at one moment: each global address's state and its prefix's lifetime.
struct AddressView
{
    Ipv6InterfaceAddress::State_e state;
    Time preferredLifetime;
};

/// \return mn1's global addresses, by the first three groups of their prefix ("2001:1:1")
std::map<std::string, AddressView>
ViewOfMn1()
{
    Ptr<Node> node = Names::Find<Node>("mn1");
    Ptr<MnAgent> agent;
    for (uint32_t a = 0; a < node->GetNApplications() && !agent; ++a)
    {
        agent = DynamicCast<MnAgent>(node->GetApplication(a));
    }
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    std::map<std::string, AddressView> out;
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
        {
            Ipv6InterfaceAddress a = ipv6->GetAddress(i, j);
            std::ostringstream s;
            s << a.GetAddress();
            if (a.GetAddress().IsLinkLocal() || a.GetAddress().IsLocalhost())
            {
                continue;
            }
            auto prefix = HomeNetworkPrefix::Make(a.GetAddress(), 64);
            Time preferred = agent->GetSourceAddressSelection()->GetPreferredLifetime(prefix);
            out[s.str().substr(0, s.str().find(':', 7))] = {a.GetState(), preferred};
        }
    }
    return out;
}

} // namespace

TEST(DmaSourceSelection, AfterAHandoverTheKeptPrefixIsDeprecated)
{
    // Fig 7 at 9 s: mn1 moved from ar1 to ar3 at 5 s. ar3's RA carries ar1's prefix with
    // preferred lifetime 0 and its own with its full preferred lifetime; the node keeps both
    // addresses, the first one DEPRECATED (RFC 4862 §5.5.4).
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig7-dma.json", {}, {}, {});
    std::map<std::string, AddressView> view;
    Simulator::Schedule(Seconds(9), [&view]() { view = ViewOfMn1(); });
    RunResults r = Simulate(cfg);
    ASSERT_EQ(view.size(), 2u);
    ASSERT_TRUE(view.count("2001:1:1") && view.count("2001:1:3"));
    EXPECT_EQ(view["2001:1:1"].state, Ipv6InterfaceAddress::DEPRECATED);
    EXPECT_EQ(view["2001:1:1"].preferredLifetime, Time(0));
    EXPECT_EQ(view["2001:1:3"].state, Ipv6InterfaceAddress::PREFERRED);
    // MAR default: PrefixLifetime 600 s bounds the preferred lifetime; the RA came at ~5 s.
    EXPECT_GT(view["2001:1:3"].preferredLifetime, Seconds(595));
    EXPECT_LE(view["2001:1:3"].preferredLifetime, Seconds(600));
    // The flows that started at ar1 keep its prefix; those that started at ar3 use ar3's.
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.address.rfind(f.cn == "cn11" ? "2001:1:1:" : "2001:1:3:", 0), 0u) << f.flow;
    }
}

namespace
{
/// Fig 7, but mn1 returns from ar3 to ar1 at 10 s and the flows with cn21 become flows
/// with cn11 (a neighbour of ar1) that start at 11 s, back at ar1.
ScenarioConfig
ReturnToAr1(const std::vector<std::string>& more)
{
    std::vector<std::string> overrides{"mobility.2.attach=ar1",
                                       "flows.2.from=cn11",
                                       "flows.3.to=cn11",
                                       "flows.2.start_s=11",
                                       "flows.3.start_s=11"};
    overrides.insert(overrides.end(), more.begin(), more.end());
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig7-dma.json",
                        overrides,
                        {},
                        {});
}
} // namespace

TEST(DmaSourceSelection, ANewFlowBackAtAnEarlierMarUsesItsPrefixNatively)
{
    // Back at ar1, ar1's prefix is preferred again and ar3's (newer) deprecated: a new flow
    // uses ar1's prefix and crosses cn11 - ar1 - mn1 only, never ar3's tunnel. With
    // ns-3's choice (the newest address) it used ar3's prefix: cn11 - ar1 - ar3 =tunnel=>
    // ar1 - mn1.
    for (const char* properties :
         {"protocol.prefix_properties=false", "protocol.prefix_properties=true"})
    {
        SCOPED_TRACE(properties);
        ScenarioConfig cfg = ReturnToAr1({properties});
        RunResults r = Simulate(cfg);
        ASSERT_EQ(r.flows.size(), 4u);
        for (size_t i = 2; i < 4; ++i)
        {
            const FlowRecord& f = r.flows[i];
            SCOPED_TRACE(f.flow);
            EXPECT_EQ(f.address.rfind("2001:1:1:", 0), 0u) << f.address;
            EXPECT_GT(f.received, f.sent * 95 / 100);
            size_t direct = Path(cfg, "cn11", "ar1").size() + 1;
            EXPECT_EQ(f.minLinks, direct);
            EXPECT_EQ(f.maxLinks, direct);
        }
    }
}
