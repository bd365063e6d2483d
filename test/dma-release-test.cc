/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Dynamic Mobility Anchoring keeps mobility support for ongoing flows only (seed 003 §3.1,
// §3.3): a prefix without live flows is released, so the sessions a new MAR registers are
// the prefixes with live flows, not every prefix the node was ever given.
#include "tour-scenarios.h"

#include <gtest/gtest.h>
#include <set>

using namespace dmmtest;

namespace
{

constexpr int MARS = 6;
constexpr double RESIDENCE_S = 6.0;

/// A row of MARs under one core router; the node visits ar1..ar6, RESIDENCE_S at each.
/// Flows from cn to the node: "long" starts at ar1 and lasts; "short" starts at ar2 and
/// ends long before the next move; "late" starts at ar3 and ends just before the move from
/// ar5; none starts at ar4, ar5 or ar6.
json
RowScenario()
{
    json j = MarRow("dma-row", "dma", MARS, RESIDENCE_S, 1.0 + MARS * RESIDENCE_S);
    j["flows"].push_back(DownlinkFlow("long", "cn", "mn", 2.0, MARS * RESIDENCE_S));
    j["flows"].push_back(
        DownlinkFlow("short", "cn", "mn", 7.5, 7.9)); // at ar2; idle 5 s before 13 s
    j["flows"].push_back(
        DownlinkFlow("late", "cn", "mn", 14.0, 30.5)); // at ar3; ends 0.5 s before 31 s
    return j;
}

/// The MARs whose prefixes the node's new MAR registered at handover \p h (PBU targets).
std::set<std::string>
Registered(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    std::map<std::string, std::string> marByAddress;
    for (int i = 1; i <= MARS; ++i)
    {
        std::string ar = "ar" + std::to_string(i);
        for (const auto& pba : Messages(r, ar, "PBA", 0, 1e9))
        {
            marByAddress[pba.src] = ar;
        }
    }
    std::set<std::string> out;
    for (const auto& pbu : Messages(r, h.to, "PBU", h.l2UpS, h.signalingDoneS))
    {
        out.insert(marByAddress.at(pbu.dst));
    }
    return out;
}

/// Where each flow started, and the prefixes with a packet within \p idleS before \p t.
std::set<std::string>
LiveAnchors(const ScenarioConfig& cfg, double t, double idleS)
{
    std::set<std::string> out;
    for (const auto& f : cfg.flows)
    {
        int at = static_cast<int>((f.startS - 1.0) / RESIDENCE_S) + 1;
        if (f.startS < t && f.stopS > t - idleS)
        {
            out.insert("ar" + std::to_string(at));
        }
    }
    return out;
}

} // namespace

TEST(DmaRelease, SessionsCarriedAreThePrefixesWithLiveFlows)
{
    ScenarioConfig cfg = ParseScenario(RowScenario());
    ASSERT_DOUBLE_EQ(cfg.protocol.idleReleaseS, 5.0); // the documented default
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), static_cast<size_t>(MARS - 1));
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.to);
        std::set<std::string> live = LiveAnchors(cfg, h.l2DownS, cfg.protocol.idleReleaseS);
        live.erase(h.to);
        EXPECT_EQ(Registered(cfg, r, h), live);
        EXPECT_FALSE(std::isnan(h.latencyMs));
    }
    // The long flow (kept at ar1 throughout) and the late one (kept at ar3) survive.
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
}

TEST(DmaRelease, NeverReleasingCarriesEveryEarlierPrefix)
{
    json j = RowScenario();
    j["protocol"] = {{"idle_release_s", 0}};
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), static_cast<size_t>(MARS - 1));
    for (size_t n = 0; n < r.handovers.size(); ++n)
    {
        EXPECT_EQ(Registered(cfg, r, r.handovers[n]).size(), n + 1) << "handover " << n + 1;
    }
}

TEST(DmaRelease, TheDatabaseForgetsAReleasedPrefix)
{
    // Each release is one Session Update (remove) to the database: at detach for an idle
    // own prefix (ar2 with "short" ended, ar4 and ar5 never used; ar1 and ar3 in use), and
    // at the V-MAR for a kept prefix whose flows ended (ar3's, at ar6 after "late" ended).
    ScenarioConfig cfg = ParseScenario(RowScenario());
    RunResults r = Simulate(cfg);
    std::map<std::string, size_t> updates;
    for (int i = 1; i <= MARS; ++i)
    {
        std::string ar = "ar" + std::to_string(i);
        updates[ar] = Messages(r, ar, "SessionUpdate", 0, 1e9).size();
    }
    // One (add) for every MAR's own prefix, plus the releases.
    EXPECT_EQ(updates["ar1"], 1u);
    EXPECT_EQ(updates["ar2"], 2u);
    EXPECT_EQ(updates["ar3"], 1u);
    EXPECT_EQ(updates["ar4"], 2u);
    EXPECT_EQ(updates["ar5"], 2u);
    EXPECT_EQ(updates["ar6"], 2u); // releases ar3's prefix IdleRelease after registering it
    // summary.json's "mars": the same releases, as the MARs counted them.
    std::map<std::string, uint64_t> mars = r.accessCounters.at("mars");
    EXPECT_EQ(mars["released_at_detach"], 3u); // ar2, ar4, ar5
    EXPECT_EQ(mars["released"], 1u);           // ar3's, at ar6
    EXPECT_EQ(mars["attachments"], static_cast<uint64_t>(MARS));
    EXPECT_EQ(mars["rejected"], 0u);
    EXPECT_EQ(r.accessCounters.count("mobility_routers"), 0u);
}

TEST(DmaRelease, TheNodeListsWhatTheDatabaseWouldGive)
{
    // Seed 003 §3.3 way 1: the node lists the prefixes whose addresses had a packet within
    // idle_release_s; the MARs register the same ones as with the database, which is unused.
    json j = RowScenario();
    j["protocol"] = {{"session_source", "solicitation"}};
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), static_cast<size_t>(MARS - 1));
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.to);
        std::set<std::string> live = LiveAnchors(cfg, h.l2DownS, cfg.protocol.idleReleaseS);
        live.erase(h.to);
        EXPECT_EQ(Registered(cfg, r, h), live);
    }
    for (int i = 1; i <= MARS; ++i)
    {
        std::string ar = "ar" + std::to_string(i);
        EXPECT_TRUE(Messages(r, ar, "SessionUpdate", 0, 1e9).empty()) << ar;
        EXPECT_TRUE(Messages(r, ar, "SessionQuery", 0, 1e9).empty()) << ar;
    }
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
}
