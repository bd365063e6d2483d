/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A node keeps an address until its valid lifetime ends (RFC 4862 §5.5.4). A MAR (dma) or a
// mobility router (network-based fully-distributed) advertises the prefixes a node uses with
// a finite one (AccessRouterAgent PrefixLifetime, protocol.prefix_lifetime_s) and
// re-advertises an attached node every third of it, so a prefix still in use lives on and a
// released one, no longer advertised, leaves the node one lifetime after its last RA. With
// the RFC 4861 default of 30 days a node kept an address for every router it visited.
#include "tour-scenarios.h"

#include "ns3/anchor-agent.h"
#include "ns3/core-module.h"
#include "ns3/dma-client-mn-agent.h"
#include "ns3/internet-module.h"
#include "ns3/source-address-selection.h"

#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <set>
#include <tuple>

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
    json j = MarRow("dma-lifetime", "dma", MARS, RESIDENCE_S, END_S);
    j["flows"].push_back(DownlinkFlow("long", "cn", "mn", 2.0, END_S));
    return j;
}

/// When the node held an address of each /64 prefix: samples every SAMPLE_S.
struct Holding
{
    std::string node;                       //!< the mobile node sampled
    std::map<std::string, double> lastHeld; //!< prefix -> last sample that held it
    std::set<std::string> atEnd;            //!< prefixes held at the end
};

/// \return the /64 prefixes of the node's global addresses
std::set<std::string>
HeldNow(const std::string& node)
{
    Ptr<Ipv6> ipv6 = Names::Find<Node>(node)->GetObject<Ipv6>();
    std::set<std::string> out;
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t a = 0; a < ipv6->GetNAddresses(i); ++a)
        {
            Ipv6Address address = ipv6->GetAddress(i, a).GetAddress();
            if (!address.IsLinkLocal() && !address.IsLocalhost())
            {
                std::ostringstream s;
                s << address.CombinePrefix(Ipv6Prefix(64));
                out.insert(s.str());
            }
        }
    }
    return out;
}

void
Sample(Holding* h)
{
    h->atEnd = HeldNow(h->node);
    for (const auto& prefix : h->atEnd)
    {
        h->lastHeld[prefix] = Simulator::Now().GetSeconds();
    }
    Simulator::Schedule(Seconds(SAMPLE_S), &Sample, h);
}

/// \return whether \p t is one lifetime after an RA from one of \p routers reached the node
bool
OneLifetimeAfterAnRa(const ScenarioConfig& cfg,
                     const RunResults& r,
                     const std::vector<std::string>& routers,
                     double t,
                     double lifetimeS)
{
    for (const auto& router : routers)
    {
        for (const auto& ra : Messages(r, router, "RA", 0))
        {
            double arrival = ra.timeS + AccessMs(cfg, router, ra.bytes) / 1000.0;
            if (std::abs(t - (arrival + lifetimeS)) <= SAMPLE_S + 1e-9)
            {
                return true;
            }
        }
    }
    return false;
}

/// The MAR whose pool (2001:1:<n>::/48, in the order the runner gives them) holds \p prefix.
std::string
MarOf(const std::string& prefix)
{
    return "ar" + prefix.substr(7, prefix.find(':', 7) - 7);
}

struct Outcome
{
    ScenarioConfig cfg;
    RunResults results;
    Holding holding;
};

Outcome
Simulated(json j, const std::string& node)
{
    Outcome o{ParseScenario(j), {}, {node, {}, {}}};
    Simulator::Schedule(Seconds(SAMPLE_S), &Sample, &o.holding);
    o.results = Simulate(o.cfg);
    return o;
}

Outcome
RunWithLifetime(double lifetimeS)
{
    json j = RowScenario();
    j["protocol"] = {{"prefix_lifetime_s", lifetimeS}};
    return Simulated(j, "mn");
}

/// \return the MARs whose prefixes the node held at the end
std::set<std::string>
MarsHeldAtEnd(const Outcome& o)
{
    std::set<std::string> out;
    for (const auto& prefix : o.holding.atEnd)
    {
        out.insert(MarOf(prefix));
    }
    return out;
}

/// \return the MARs whose prefixes the node no longer held at the end; each address ended
/// one lifetime after the last RA of its MAR reached the node (checked)
std::set<std::string>
GoneOneLifetimeAfterTheirLastRa(const Outcome& o, double lifetimeS)
{
    std::set<std::string> gone;
    for (const auto& [prefix, last] : o.holding.lastHeld)
    {
        if (!o.holding.atEnd.count(prefix))
        {
            std::string ar = MarOf(prefix);
            gone.insert(ar);
            std::vector<SignalingRecord> ras = Messages(o.results, ar, "RA", 0);
            EXPECT_FALSE(ras.empty()) << ar;
            double arrival =
                ras.empty() ? 0 : ras.back().timeS + AccessMs(o.cfg, ar, ras.back().bytes) / 1000.0;
            EXPECT_NEAR(last, arrival + lifetimeS, SAMPLE_S + 1e-9) << ar;
        }
    }
    return gone;
}

/// Checks what the row ends with under dma and dma-client alike: three handovers; ar1's
/// address (the flow's) and ar4's (the current router's) held at the end; ar2's and ar3's
/// gone, each one lifetime after its router's last RA reached the node.
void
ExpectTheFlowsAndTheCurrentPrefixLeft(const Outcome& o, double lifetimeS)
{
    ASSERT_EQ(o.results.handovers.size(), static_cast<size_t>(MARS - 1));
    EXPECT_EQ(MarsHeldAtEnd(o), (std::set<std::string>{"ar1", "ar4"}));
    EXPECT_EQ(GoneOneLifetimeAfterTheirLastRa(o, lifetimeS), (std::set<std::string>{"ar2", "ar3"}));
}

/// Checks that consecutive RAs lie a third of the lifetime apart (RFC 4861 §6.2.1).
void
ExpectReadvertisedEveryThird(const std::vector<SignalingRecord>& ras, double lifetimeS)
{
    for (size_t i = 1; i < ras.size(); ++i)
    {
        EXPECT_NEAR(ras[i].timeS - ras[i - 1].timeS, lifetimeS / 3, 1e-9) << "RA " << i;
    }
}

} // namespace

TEST(DmaPrefixLifetime, AReleasedPrefixLeavesTheNodeOneLifetimeAfterItsLastAdvertisement)
{
    constexpr double LIFETIME_S = 12.0;
    Outcome o = RunWithLifetime(LIFETIME_S);
    const RunResults& r = o.results;
    // ar1's prefix carries the flow: every MAR advertises it, the node keeps it. ar2's and
    // ar3's were idle as the node left, so released at the detach: no later MAR lists them.
    ASSERT_NO_FATAL_FAILURE(ExpectTheFlowsAndTheCurrentPrefixLeft(o, LIFETIME_S));
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
    ExpectReadvertisedEveryThird(ras, LIFETIME_S);
    EXPECT_NEAR(ras.back().timeS, END_S, LIFETIME_S / 3);
    // Without the refresh ar1's address would have ended at ~31 s, cutting the flow; it
    // loses what it loses with the 30-day lifetime: the handovers' packets only.
    const FlowRecord& f = o.results.flows.at(0);
    Outcome unlimited = RunWithLifetime(0);
    EXPECT_EQ(f.sent, unlimited.results.flows.at(0).sent);
    EXPECT_EQ(f.received, unlimited.results.flows.at(0).received);
}

TEST(DmaPrefixLifetime, WithoutALifetimeTheNodeKeepsEveryPrefixItWasGiven)
{
    // prefix_lifetime_s 0: the 30-day RFC 4861 default, no refresh (the earlier behaviour).
    Outcome o = RunWithLifetime(0);
    EXPECT_EQ(MarsHeldAtEnd(o), (std::set<std::string>{"ar1", "ar2", "ar3", "ar4"}));
    EXPECT_EQ(Messages(o.results, "ar4", "RA", 0).size(), 1u);
}

TEST(DmaPrefixLifetime, AReleasedPrefixGoesToNoOtherNodeWithinTheLifetime)
{
    // mn leaves ar1 at 7 s with ar1's prefix idle (released at the detach); mn2 attaches
    // to ar1 at 8 s. Within the lifetime ar1's pool gives mn2 the next prefix (DmaHelper:
    // ReuseDelay = PrefixLifetime); without one, mn's own again, which mn still holds.
    auto mn2Prefix = [](double lifetimeS) {
        json j = MarRow("dma-reuse", "dma", 2, RESIDENCE_S, 12);
        AddNode(j, "mn2", "mn");
        j["mobility"].push_back({{"mn", "mn2"}, {"at_s", 8.0}, {"attach", "ar1"}});
        j["flows"].push_back(DownlinkFlow("to-mn2", "cn", "mn2", 9.0, 11.0));
        j["protocol"] = {{"prefix_lifetime_s", lifetimeS}};
        RunResults r = Simulate(ParseScenario(j));
        return r.flows.at(0).address.substr(0, r.flows.at(0).address.find(":200:"));
    };
    EXPECT_EQ(mn2Prefix(12), "2001:1:1:1");
    EXPECT_EQ(mn2Prefix(0), "2001:1:1:0");
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

namespace
{

/// Fig 9, network-based: mn11 forms addresses at mr11, mr31 and mr32 and stays at mr32 to the
/// end; a flow from cn21 uses its mr11 address throughout, its mr31 address is never used.
json
FdTour(double lifetimeS)
{
    json j = Fig9Tour({"mr11", "mr31", "mr32"}, 6, 50);
    j["protocol"]["prefix_lifetime_s"] = lifetimeS;
    return j;
}

} // namespace

TEST(MrPrefixLifetime, AnUnusedEarlierAddressLeavesTheNodeAndAUsedOneStays)
{
    // mr32 lists the node's mr11 and mr31 addresses' prefixes (deprecated, not on-link) in
    // its RAs until mr31's is released (idle_release_s): that address ends one lifetime
    // after the last RA that listed it; mr11's is refreshed by every RA. The flow on it
    // loses what it loses when nothing expires (the handovers).
    constexpr double LIFETIME_S = 12.0;
    Outcome o = Simulated(FdTour(LIFETIME_S), "mn11");
    Outcome unlimited = Simulated(FdTour(0), "mn11");
    ASSERT_EQ(o.results.handovers.size(), 2u);
    EXPECT_EQ(unlimited.holding.atEnd.size(), 3u); // one address per router visited
    ASSERT_EQ(o.holding.lastHeld.size(), 3u);
    std::set<std::string> gone;
    for (const auto& [prefix, last] : o.holding.lastHeld)
    {
        if (!o.holding.atEnd.count(prefix))
        {
            gone.insert(prefix);
            EXPECT_TRUE(OneLifetimeAfterAnRa(o.cfg, o.results, {"mr31", "mr32"}, last, LIFETIME_S))
                << prefix << " last held at " << last;
            EXPECT_LT(last, 8 + LIFETIME_S + 5 + LIFETIME_S / 3 + 1); // release + lifetime
        }
    }
    EXPECT_EQ(gone.size(), 1u);
    std::vector<SignalingRecord> ras = Messages(o.results, "mr32", "RA", 0);
    ASSERT_GE(ras.size(), 2u);
    ExpectReadvertisedEveryThird(ras, LIFETIME_S);
    // The RA that lists the kept prefixes is longer by one Prefix Information option each.
    EXPECT_EQ(ras.front().bytes, Messages(unlimited.results, "mr32", "RA", 0).front().bytes + 64);
    EXPECT_EQ(ras.back().bytes, ras.front().bytes - 32);
    const FlowRecord& f = o.results.flows.at(0);
    EXPECT_EQ(f.sent, unlimited.results.flows.at(0).sent);
    EXPECT_EQ(f.received, unlimited.results.flows.at(0).received);
}

TEST(MrPrefixLifetime, DmmWithMipIgnoresTheKey)
{
    // Its routers advertise home addresses that the node's Mobile IP manages: not limited.
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig9-fully-distributed.json");
    json j = json::parse(in);
    j["profile"] = "dmm-mip";
    j["protocol"] = {{"prefix_lifetime_s", 60}};
    EXPECT_EQ(ParseScenario(j).ignoredKeys, std::vector<std::string>{"protocol.prefix_lifetime_s"});
    j["profile"] = "fully-distributed";
    EXPECT_TRUE(ParseScenario(j).ignoredKeys.empty());
    j["protocol"]["location_update"] = "client"; // the node binds its addresses itself
    EXPECT_EQ(ParseScenario(j).ignoredKeys, std::vector<std::string>{"protocol.prefix_lifetime_s"});
}

namespace
{

/// The MAR row under dma-client: the long flow from cn to the address formed at ar1 keeps
/// it bound (tunnelled from ar1, the node's home agent for it) after the node left.
json
ClientRowScenario(double lifetimeS)
{
    json j = RowScenario();
    j["profile"] = "dma-client";
    j["protocol"] = {{"prefix_lifetime_s", lifetimeS}};
    return j;
}

Outcome
ClientRow(double lifetimeS)
{
    return Simulated(ClientRowScenario(lifetimeS), "mn");
}

} // namespace

TEST(DmaClientPrefixLifetime, AForgottenAddressLeavesOneLifetimeAfterItsRouterAdvertisedIt)
{
    // ar2's and ar3's addresses carry no flow: forgotten at the next move (never bound),
    // no longer kept, they end one lifetime after the last RA of their router reached the
    // node. ar1's is bound: the node restarts its lifetime itself every third of it, so it
    // outlives its router's last RA (19 s before the end) and the flow loses what it loses
    // with the 30-day lifetime.
    constexpr double LIFETIME_S = 12.0;
    Outcome o = ClientRow(LIFETIME_S);
    const RunResults& r = o.results;
    ASSERT_NO_FATAL_FAILURE(ExpectTheFlowsAndTheCurrentPrefixLeft(o, LIFETIME_S));
    Outcome unlimited = ClientRow(0);
    EXPECT_EQ(MarsHeldAtEnd(unlimited), (std::set<std::string>{"ar1", "ar2", "ar3", "ar4"}));
    EXPECT_EQ(r.flows.at(0).sent, unlimited.results.flows.at(0).sent);
    EXPECT_EQ(r.flows.at(0).received, unlimited.results.flows.at(0).received);
    EXPECT_GT(r.flows.at(0).received, r.flows.at(0).sent * 95 / 100);
}

TEST(DmaClientPrefixLifetime, TheRouterReadvertisesItsAttachedNodeEveryThirdOfTheLifetime)
{
    constexpr double LIFETIME_S = 12.0;
    Outcome o = ClientRow(LIFETIME_S);
    EXPECT_TRUE(o.cfg.ignoredKeys.empty());
    std::vector<SignalingRecord> ras = Messages(o.results, "ar4", "RA", 0);
    ASSERT_GE(ras.size(), 6u); // 19 s to 45 s
    ExpectReadvertisedEveryThird(ras, LIFETIME_S);
    EXPECT_EQ(Messages(ClientRow(0).results, "ar4", "RA", 0).size(), 1u);
}

namespace
{

/// What the routers' home agents did with their per-node prefixes and bindings.
struct RouterLog
{
    std::vector<std::tuple<std::string, std::string, double>> released; //!< router, /64, s
    std::map<std::string, double> bindingRemovedS; //!< router -> its last binding removal
};

void
PrefixReleased(RouterLog* log,
               std::string router,
               const std::string&,
               const HomeNetworkPrefix& prefix)
{
    std::ostringstream s;
    s << prefix.prefix;
    log->released.emplace_back(router, s.str(), Simulator::Now().GetSeconds());
}

void
BindingRemoved(RouterLog* log,
               std::string router,
               const BindingCacheEntry&,
               LocationManagement::RemovalCause)
{
    log->bindingRemovedS[router] = Simulator::Now().GetSeconds();
}

void
WatchRouters(RouterLog* log)
{
    for (int i = 1; i <= MARS; ++i)
    {
        std::string ar = "ar" + std::to_string(i);
        Ptr<Node> node = Names::Find<Node>(ar);
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            if (Ptr<AnchorAgent> ha = DynamicCast<AnchorAgent>(node->GetApplication(a)))
            {
                ha->GetAllocation()->TraceConnectWithoutContext(
                    "Released",
                    MakeBoundCallback(&PrefixReleased, log, ar));
                ha->GetLocationManagement()->TraceConnectWithoutContext(
                    "BindingRemoved",
                    MakeBoundCallback(&BindingRemoved, log, ar));
            }
        }
    }
}

/// ClientRow with the routers watched (\p flowStopS: when the flow from cn ends; \p edit
/// changes the scenario further).
Outcome
WatchedClientRow(double lifetimeS,
                 double flowStopS,
                 RouterLog* log,
                 const std::function<void(json&)>& edit = nullptr)
{
    json j = ClientRowScenario(lifetimeS);
    j["flows"][0]["stop_s"] = flowStopS;
    if (edit)
    {
        edit(j);
    }
    Simulator::Schedule(Seconds(SAMPLE_S), &WatchRouters, log);
    return Simulated(j, "mn");
}

} // namespace

TEST(DmaClientPrefixLifetime, ARouterGivesAPrefixBackOneLifetimeAfterItsNodeLeftItUnbound)
{
    // ar2's and ar3's prefixes carry no flow: never bound, each router gives its prefix back
    // one lifetime after the node left it, by when the node's address of it has ended (its
    // last RA came before). ar1's is bound for the flow to the end, ar4's node is attached.
    constexpr double LIFETIME_S = 12.0;
    RouterLog log;
    Outcome o = WatchedClientRow(LIFETIME_S, END_S, &log);
    std::map<std::string, double> left;
    for (const auto& h : o.results.handovers)
    {
        left[h.from] = h.l2DownS;
    }
    std::set<std::string> routers;
    for (const auto& [router, prefix, timeS] : log.released)
    {
        routers.insert(router);
        EXPECT_NEAR(timeS, left.at(router) + LIFETIME_S, 1e-9) << router;
        ASSERT_TRUE(o.holding.lastHeld.count(prefix)) << prefix;
        EXPECT_LT(o.holding.lastHeld.at(prefix), timeS) << router << ": the node still held it";
    }
    EXPECT_EQ(log.released.size(), 2u);
    EXPECT_EQ(routers, (std::set<std::string>{"ar2", "ar3"}));
    RouterLog unlimited;
    WatchedClientRow(0, END_S, &unlimited);
    EXPECT_TRUE(unlimited.released.empty()) << "without a lifetime the node keeps every address";
}

TEST(DmaClientPrefixLifetime, ABoundPrefixGoesBackOneLifetimeAfterItsBindingEnded)
{
    // The flow on ar1's address ends at 10 s, the node at ar2: idle, the address is
    // de-registered and no longer refreshed by the node. ar1 keeps the prefix while the
    // binding exists and gives it back one lifetime after its home agent removed it.
    constexpr double LIFETIME_S = 12.0;
    RouterLog log;
    Outcome o = WatchedClientRow(LIFETIME_S, 10.0, &log);
    ASSERT_TRUE(log.bindingRemovedS.count("ar1"));
    std::map<std::string, double> releasedAt;
    for (const auto& [router, prefix, timeS] : log.released)
    {
        releasedAt[router] = timeS;
        EXPECT_LT(o.holding.lastHeld.at(prefix), timeS) << router << ": the node still held it";
    }
    ASSERT_TRUE(releasedAt.count("ar1"));
    EXPECT_NEAR(releasedAt.at("ar1"), log.bindingRemovedS.at("ar1") + LIFETIME_S, 1e-9);
    EXPECT_GT(log.bindingRemovedS.at("ar1"), 10.0);
}

TEST(DmaClientPrefixLifetime, ANodeThatLeftWhileItsSolicitationWasProcessedIsNotReadvertised)
{
    // The node stays at ar2 for 50 ms after its link came up, less than ar2's 100-ms
    // processing of its RS: the RA leaves after the node did. ar2 advertises it once, never
    // again, and gives the prefix back one lifetime after that RA (it was never bound).
    constexpr double LIFETIME_S = 12.0;
    RouterLog log;
    Outcome o = WatchedClientRow(LIFETIME_S, END_S, &log, [](json& j) {
        j["processing"] = {{"access_ms", 100.0}};
        j["mobility"][2]["at_s"] = 7.1; // ar3 right after ar2 (attached at 7 s)
    });
    std::vector<SignalingRecord> ras = Messages(o.results, "ar2", "RA", 0);
    ASSERT_EQ(ras.size(), 1u);
    double left = 0;
    for (const auto& h : o.results.handovers)
    {
        left = h.from == "ar2" ? h.l2DownS : left;
    }
    EXPECT_GT(ras.front().timeS, left) << "the RA left after the node did";
    std::map<std::string, double> releasedAt;
    for (const auto& [router, prefix, timeS] : log.released)
    {
        releasedAt[router] = timeS;
    }
    ASSERT_TRUE(releasedAt.count("ar2"));
    EXPECT_NEAR(releasedAt.at("ar2"), ras.front().timeS + LIFETIME_S, 1e-9);
}

namespace
{

/// What the node's source address selection said of its addresses.
struct SelectionLog
{
    std::vector<std::pair<std::string, double>> deprecated; //!< /64, when it was deprecated
    std::map<std::string, Time> preferredNearTheEnd;        //!< /64 held -> its remaining
};

void
StateChanged(SelectionLog* log, Ipv6Address address, bool deprecated)
{
    std::ostringstream s;
    s << address.CombinePrefix(Ipv6Prefix(64));
    if (deprecated)
    {
        log->deprecated.emplace_back(s.str(), Simulator::Now().GetSeconds());
    }
}

Ptr<SourceAddressSelection>
SelectionOf(const std::string& node)
{
    Ptr<Node> n = Names::Find<Node>(node);
    for (uint32_t a = 0; a < n->GetNApplications(); ++a)
    {
        if (Ptr<DmaClientMnAgent> mn = DynamicCast<DmaClientMnAgent>(n->GetApplication(a)))
        {
            return mn->GetSourceAddressSelection();
        }
    }
    return nullptr;
}

void
WatchSelection(SelectionLog* log)
{
    SelectionOf("mn")->TraceConnectWithoutContext("AddressState",
                                                  MakeBoundCallback(&StateChanged, log));
}

void
AskPreferred(SelectionLog* log)
{
    for (const auto& prefix : HeldNow("mn"))
    {
        auto p = HomeNetworkPrefix::Make(Ipv6Address(prefix.c_str()), 64);
        log->preferredNearTheEnd[prefix] = SelectionOf("mn")->GetPreferredLifetime(p);
    }
}

} // namespace

TEST(DmaClientPrefixLifetime, TheNodeKeepsItsBoundEarlierAddressPreferredWhenItRestartsItsLifetime)
{
    // The node restarts the lifetimes of ar1's address (bound for the flow) itself, as ar1's
    // re-advertisement would (RFC 4862 §5.5.3 e): its source address selection must see
    // them restarted too, or it deprecates the address one lifetime after ar1's last RA
    // and then forgets the prefix, while the stack keeps it and the flow uses it.
    constexpr double LIFETIME_S = 12.0;
    SelectionLog log;
    Simulator::Schedule(Seconds(SAMPLE_S), &WatchSelection, &log);
    Simulator::Schedule(Seconds(END_S - 0.5), &AskPreferred, &log);
    Outcome o = Simulated(ClientRowScenario(LIFETIME_S), "mn");
    std::string ar1;
    for (const auto& [prefix, remaining] : log.preferredNearTheEnd)
    {
        ar1 = MarOf(prefix) == "ar1" ? prefix : ar1;
    }
    ASSERT_FALSE(ar1.empty()) << "the node lost ar1's address";
    EXPECT_TRUE(o.holding.atEnd.count(ar1));
    EXPECT_GT(log.preferredNearTheEnd.at(ar1), Time(0)) << "the selection forgot ar1's prefix";
    for (const auto& [prefix, timeS] : log.deprecated)
    {
        EXPECT_NE(prefix, ar1) << "deprecated at " << timeS << " s";
    }
}
