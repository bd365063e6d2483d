/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A node keeps an address until its valid lifetime ends (RFC 4862 §5.5.4). A MAR advertises
// its prefixes with a finite one (MarAgent PrefixLifetime, protocol.prefix_lifetime_s) and
// re-advertises an attached node every third of it, so a prefix still in use lives on and a
// released one, no longer advertised, leaves the node one lifetime after its last RA. With
// the RFC 4861 default of 30 days a node kept one more address for every MAR it visited.
#include "closed-form.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"

#include <gtest/gtest.h>
#include <set>

using namespace dmmtest;

namespace
{

constexpr int MARS = 4;
constexpr double RESIDENCE_S = 6.0;
constexpr double END_S = 45.0;
constexpr double SAMPLE_S = 0.01;

/// cn - core - ar1..ar4; the node visits each MAR for RESIDENCE_S, then stays at ar4. One
/// flow from cn starts at ar1 and lasts, so ar1's prefix is kept; the others are released.
json
RowScenario()
{
    json j = {{"name", "dma-lifetime"},
              {"profile", "dma"},
              {"seed", 1},
              {"duration_s", END_S},
              {"l2", {{"type", "switch"}, {"switch_time_ms", 50.0}}},
              {"access", {{"delay_ms", 1.0}, {"rate_mbps", 100.0}}},
              {"nodes", json::array()},
              {"links", json::array()},
              {"mobility", json::array()},
              {"flows", json::array()}};
    AddNode(j, "cn", "cn");
    AddNode(j, "core", "router");
    AddNode(j, "db", "anchor");
    AddNode(j, "mn", "mn");
    AddLink(j, "cn", "core", 2.0);
    AddLink(j, "core", "db", 3.0);
    for (int i = 1; i <= MARS; ++i)
    {
        std::string ar = "ar" + std::to_string(i);
        AddNode(j, ar, "access");
        AddLink(j, "core", ar, 1.0 + i);
        j["mobility"].push_back(
            {{"mn", "mn"}, {"at_s", 1.0 + (i - 1) * RESIDENCE_S}, {"attach", ar}});
    }
    j["flows"].push_back({{"name", "long"},
                          {"type", "udp"},
                          {"from", "cn"},
                          {"to", "mn"},
                          {"start_s", 2.0},
                          {"stop_s", END_S},
                          {"interval_ms", 20.0},
                          {"size_bytes", 100}});
    return j;
}

/// When each MAR's prefix was held by the node: samples every SAMPLE_S.
struct Holding
{
    std::map<std::string, double> lastHeld; //!< MAR -> last sample that held its prefix
    std::set<std::string> atEnd;            //!< MARs whose prefix the node held at the end
};

/// The node's global addresses, by the MAR whose pool gave them.
std::set<std::string>
HeldNow(const std::map<std::string, std::string>& marByPool)
{
    Ptr<Ipv6> ipv6 = Names::Find<Node>("mn")->GetObject<Ipv6>();
    std::set<std::string> out;
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t a = 0; a < ipv6->GetNAddresses(i); ++a)
        {
            std::ostringstream s;
            s << ipv6->GetAddress(i, a).GetAddress().CombinePrefix(Ipv6Prefix(48));
            auto mar = marByPool.find(s.str());
            if (mar != marByPool.end())
            {
                out.insert(mar->second);
            }
        }
    }
    return out;
}

void
Sample(Holding* h, const std::map<std::string, std::string>* marByPool)
{
    h->atEnd = HeldNow(*marByPool);
    for (const auto& mar : h->atEnd)
    {
        h->lastHeld[mar] = Simulator::Now().GetSeconds();
    }
    Simulator::Schedule(Seconds(SAMPLE_S), &Sample, h, marByPool);
}

struct Outcome
{
    ScenarioConfig cfg;
    RunResults results;
    Holding holding;
};

Outcome
RunWithLifetime(double lifetimeS)
{
    json j = RowScenario();
    j["protocol"] = {{"prefix_lifetime_s", lifetimeS}};
    Outcome o{ParseScenario(j), {}, {}};
    // The MARs' pools, in the order the runner gives them (2001:1:<n>::/48).
    std::map<std::string, std::string> marByPool;
    for (int i = 1; i <= MARS; ++i)
    {
        marByPool["2001:1:" + std::to_string(i) + "::"] = "ar" + std::to_string(i);
    }
    Simulator::Schedule(Seconds(SAMPLE_S), &Sample, &o.holding, &marByPool);
    o.results = Simulate(o.cfg);
    return o;
}

} // namespace

TEST(DmaPrefixLifetime, AReleasedPrefixLeavesTheNodeOneLifetimeAfterItsLastAdvertisement)
{
    constexpr double LIFETIME_S = 12.0;
    Outcome o = RunWithLifetime(LIFETIME_S);
    const RunResults& r = o.results;
    ASSERT_EQ(r.handovers.size(), static_cast<size_t>(MARS - 1));
    // ar1's prefix carries the flow: every MAR advertises it, the node keeps it.
    EXPECT_EQ(o.holding.atEnd, (std::set<std::string>{"ar1", "ar4"}));
    for (const std::string ar : {"ar2", "ar3"})
    {
        SCOPED_TRACE(ar);
        // Idle as the node left, so released at the detach: no later MAR advertises it, and
        // the node's address ends a lifetime after the last RA of its MAR arrived.
        std::vector<SignalingRecord> ras = Messages(r, ar, "RA", 0);
        ASSERT_FALSE(ras.empty());
        ASSERT_TRUE(o.holding.lastHeld.count(ar));
        double arrival = ras.back().timeS + AccessMs(o.cfg, ar, ras.back().bytes) / 1000.0;
        EXPECT_NEAR(o.holding.lastHeld[ar], arrival + LIFETIME_S, SAMPLE_S + 1e-9);
    }
    const FlowRecord& f = r.flows.at(0);
    EXPECT_GT(f.received, f.sent * 95 / 100);
}

TEST(DmaPrefixLifetime, AnAttachedNodeIsReadvertisedEveryThirdOfTheLifetime)
{
    // The node arrives at ar4 at 19 s and stays to the end, longer than two lifetimes: the
    // RAs refresh both prefixes, so the flow on ar1's prefix is never cut.
    constexpr double LIFETIME_S = 12.0;
    Outcome o = RunWithLifetime(LIFETIME_S);
    std::vector<SignalingRecord> ras = Messages(o.results, "ar4", "RA", 0);
    ASSERT_GE(ras.size(), 2u);
    for (size_t i = 1; i < ras.size(); ++i)
    {
        EXPECT_NEAR(ras[i].timeS - ras[i - 1].timeS, LIFETIME_S / 3, 1e-9) << "RA " << i;
    }
    EXPECT_NEAR(ras.back().timeS, END_S, LIFETIME_S / 3);
    // Without the refresh ar1's address would have ended at ~31 s, cutting the flow; it
    // loses what it loses with the 30-day lifetime: the handovers' packets only.
    const FlowRecord& f = o.results.flows.at(0);
    const FlowRecord& unlimited = RunWithLifetime(0).results.flows.at(0);
    EXPECT_EQ(f.sent, unlimited.sent);
    EXPECT_EQ(f.received, unlimited.received);
}

TEST(DmaPrefixLifetime, WithoutALifetimeTheNodeKeepsEveryPrefixItWasGiven)
{
    // prefix_lifetime_s 0: the 30-day RFC 4861 default, no refresh (the earlier behaviour).
    Outcome o = RunWithLifetime(0);
    EXPECT_EQ(o.holding.atEnd, (std::set<std::string>{"ar1", "ar2", "ar3", "ar4"}));
    EXPECT_EQ(Messages(o.results, "ar4", "RA", 0).size(), 1u);
}

TEST(DmaPrefixLifetime, TheDefaultIsTenMinutes)
{
    ScenarioConfig cfg = ParseScenario(RowScenario());
    EXPECT_DOUBLE_EQ(cfg.protocol.prefixLifetimeS, 600.0);
    for (const char* bad : {"1", "2.5", "-1", "5000000000"})
    {
        json j = RowScenario();
        j["protocol"] = {{"prefix_lifetime_s", std::stod(bad)}};
        EXPECT_THROW(ParseScenario(j), ScenarioError) << bad;
    }
}
