/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// An attacker in the core overhears signalling, then forges (pointing at itself), replays
// and floods it. With the security associations (the default) nothing it sends is
// accepted, none of the victims' packets reach it and their flows are exactly those of a
// run without it; without them the same forgery steals the traffic (so the test can fail).
#include "closed-form.h"
#include "test-paths.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// A shipped scenario with an attacker "eve" one link from \p neighbour.
json
WithAttacker(const std::string& file, const std::string& neighbour, const json& attacks)
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file);
    json j = json::parse(in);
    j["nodes"].push_back({{"name", "eve"}, {"role", "attacker"}});
    j["links"].push_back({{"a", "eve"}, {"b", neighbour}, {"delay_ms", 1}, {"rate_mbps", 1000}});
    j["attacks"] = attacks;
    return j;
}

uint64_t
Dropped(const RunResults& r)
{
    uint64_t sum = 0;
    for (const auto& [reason, count] : r.security)
    {
        sum += reason.rfind("auth_", 0) == 0 ? count : 0;
    }
    return sum;
}

/// Runs \p j with and without its attacker; the attacker must change nothing.
RunResults
ExpectHarmless(json j)
{
    RunResults attacked = Simulate(ParseScenario(j));
    uint32_t sent = 0;
    for (const auto& a : attacked.attacks)
    {
        EXPECT_EQ(a.missed, 0u) << a.type << " " << a.message << ": nothing overheard";
        sent += a.sent;
    }
    EXPECT_GT(sent, 0u);
    EXPECT_EQ(attacked.attackerData.at("eve"), 0u) << "victims' packets reached the attacker";
    EXPECT_EQ(Dropped(attacked), sent) << "every attack message refused";
    EXPECT_EQ(attacked.security.at("unprotected"), 0u);

    j["nodes"].erase(j["nodes"].size() - 1);
    j["links"].erase(j["links"].size() - 1);
    j.erase("attacks");
    RunResults clean = Simulate(ParseScenario(j));
    EXPECT_EQ(Dropped(clean), 0u);
    EXPECT_EQ(clean.security.at("authentic"), attacked.security.at("authentic"));
    for (size_t i = 0; i < clean.flows.size(); ++i)
    {
        EXPECT_EQ(attacked.flows[i].received, clean.flows[i].received) << clean.flows[i].flow;
    }
    for (size_t i = 0; i < clean.handovers.size(); ++i)
    {
        EXPECT_DOUBLE_EQ(attacked.handovers[i].latencyMs, clean.handovers[i].latencyMs);
    }
    return attacked;
}

} // namespace

TEST(Attacker, ForgedReplayedAndFloodedProxyBindingUpdatesAreRefused)
{
    json j = WithAttacker(
        "pmipv6-hierarchical.json",
        "core",
        {{{"by", "eve"}, {"type", "forge"}, {"message", "PBU"}, {"from", "mag2"}, {"at_s", 8}},
         {{"by", "eve"}, {"type", "replay"}, {"message", "PBU"}, {"from", "mag2"}, {"at_s", 9}},
         {{"by", "eve"},
          {"type", "flood"},
          {"message", "PBU"},
          {"from", "mag2"},
          {"at_s", 9.5},
          {"count", 200},
          {"interval_ms", 1}}});
    RunResults r = ExpectHarmless(j);
    EXPECT_EQ(r.security.at("auth_replayed"), 1u);
    EXPECT_EQ(r.security.at("auth_missing"), 201u);

    // Without security associations the forged PBU moves the victim's prefix to eve.
    j["security"] = {{"enabled", false}};
    RunResults open = Simulate(ParseScenario(j));
    EXPECT_GT(open.attackerData.at("eve"), 100u);
    EXPECT_GT(open.flows[0].lost, r.flows[0].lost + 100);
}

TEST(Attacker, ForgedAndReplayedBindingUpdatesToAHomeAgentAreRefused)
{
    json j = WithAttacker(
        "mipv6-triangle.json",
        "r1",
        {{{"by", "eve"}, {"type", "forge"}, {"message", "BU"}, {"from", "mn"}, {"at_s", 8}},
         {{"by", "eve"},
          {"type", "forge"},
          {"message", "BU"},
          {"from", "mn"},
          {"at_s", 8.5},
          {"keep_authentication", true}},
         {{"by", "eve"}, {"type", "replay"}, {"message", "BU"}, {"from", "mn"}, {"at_s", 9}}});
    j["profile"] = "mipv6";
    RunResults r = ExpectHarmless(j);
    EXPECT_EQ(r.security.at("auth_failed"), 1u) << "the overheard authenticator, other content";

    j["security"] = {{"enabled", false}};
    RunResults open = Simulate(ParseScenario(j));
    EXPECT_GT(open.attackerData.at("eve"), 0u) << "the home agent tunnels to eve";
}

TEST(Attacker, SpoofedSessionAndLocationMessagesAndQueryFloodsAreRefused)
{
    ExpectHarmless(WithAttacker("dmm-fig7-dma.json",
                                "core",
                                {{{"by", "eve"},
                                  {"type", "forge"},
                                  {"message", "SessionUpdate"},
                                  {"from", "ar2"},
                                  {"at_s", 11}},
                                 {{"by", "eve"},
                                  {"type", "flood"},
                                  {"message", "SessionQuery"},
                                  {"from", "ar3"},
                                  {"at_s", 11},
                                  {"count", 500},
                                  {"interval_ms", 1}}}));
    ExpectHarmless(WithAttacker("dmm-fig9-fully-distributed.json",
                                "core",
                                {{{"by", "eve"},
                                  {"type", "forge"},
                                  {"message", "LocationStale"},
                                  {"from", "mr31"},
                                  {"at_s", 12}},
                                 {{"by", "eve"},
                                  {"type", "flood"},
                                  {"message", "LocationQuery"},
                                  {"from", "mr11"},
                                  {"at_s", 12},
                                  {"count", 500},
                                  {"interval_ms", 1}}}));
}
