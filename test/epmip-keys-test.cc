/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP's scenario keys (protocol.query_retries, query_timeout_ms, forward_late_downlink,
// forwarding_time_s, inform_timeout_ms, inform_retries) reach the DRF (the last two also the
// eLMAs' interworking), and the DRF's counters reach summary.json ("epmip").
#include "closed-form.h"
#include "epmip-fixture.h"
#include "ladder.h"
#include "test-paths.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/nstime.h"
#include "ns3/result-writer.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace dmmtest;

namespace
{

RunResults
RunFile(const std::string& scenario, const std::vector<std::string>& overrides)
{
    ScenarioConfig cfg = LoadShipped(scenario, overrides);
    EXPECT_TRUE(cfg.ignoredKeys.empty());
    return Simulate(cfg);
}

/// Run with the DRF attribute \p name set to \p value (restored afterwards).
RunResults
RunWith(const std::string& scenario, const std::string& name, const AttributeValue& value)
{
    return SimulateWithDrf(LoadShipped(scenario), name, value);
}

/// \return summary.json as written for \p r
nlohmann::json
Summary(const RunResults& r)
{
    auto dir = std::filesystem::temp_directory_path() / "dmm-epmip-keys-test";
    std::filesystem::create_directories(dir);
    WriteResults(r, dir.string());
    std::ifstream in(dir / "summary.json");
    return nlohmann::json::parse(in);
}

} // namespace

TEST(EpmipKeys, QueryTimeoutAndRetriesKeysAndCountersInSummary)
{
    // A 1 ms time-out is shorter than the round trip to the eLMA: every PBQR times out, and
    // each direction sends its query and query_retries (3) more, 1 ms apart (§5.1).
    RunResults r =
        RunFile("epmip-mn-to-mn.json", {"protocol.query_timeout_ms=1", "protocol.query_retries=3"});
    auto up = Messages(r, "emag1", "PBQR", 2, 2.5);
    ASSERT_EQ(up.size(), 4u);
    EXPECT_NEAR(up[3].timeS - up[0].timeS, 0.003, 1e-9);
    EXPECT_EQ(Messages(r, "emag4", "PBQR", 3, 3.5).size(), 4u);
    EXPECT_EQ(r.epmip.at("queries"), 8u);
    EXPECT_EQ(r.epmip.at("query_retries"), 6u);
    EXPECT_EQ(r.epmip.at("query_timeouts"), 2u);
    // summary.json carries the same counters; other profiles write no "epmip" key.
    nlohmann::json s = Summary(r);
    ASSERT_TRUE(s.contains("epmip"));
    for (const auto& [name, count] : r.epmip)
    {
        EXPECT_EQ(s["epmip"][name].get<uint64_t>(), count) << name;
    }
    EXPECT_FALSE(Summary(RunFile("epmip-mn-to-mn.json", {"profile=pmipv6"})).contains("epmip"));
}

TEST(EpmipKeys, CountersOfTheHandoffInSummary)
{
    RunResults r = RunFile("epmip-handoff.json", {});
    // One query per direction, answered; the §4.3 ladder: PBCI n->p and p->correspondent.
    EXPECT_EQ(r.epmip.at("queries"), 2u);
    EXPECT_EQ(r.epmip.at("located"), 2u);
    EXPECT_EQ(r.epmip.at("informs"), 2u);
    EXPECT_EQ(r.epmip.at("inform_acks"), 2u);
    EXPECT_EQ(r.epmip.at("handed_over"), 1u);
    EXPECT_EQ(r.epmip.at("retargeted"), 1u); // eMAG4, told by eMAG1
    EXPECT_EQ(r.epmip.at("query_timeouts"), 0u);
    EXPECT_EQ(r.epmip.at("buffer_drops"), 0u);
}

TEST(EpmipKeys, ForwardLateDownlinkAndForwardingTimeKeysSetTheDrf)
{
    RunResults off = RunFile("epmip-handoff.json", {"protocol.forward_late_downlink=false"});
    RunResults attributeOff =
        RunWith("epmip-handoff.json", "ForwardLateDownlink", BooleanValue(false));
    RunResults on = RunFile("epmip-handoff.json", {});
    EXPECT_EQ(FlowNamed(off, "to-mn1").lost, FlowNamed(attributeOff, "to-mn1").lost);
    EXPECT_GT(FlowNamed(off, "to-mn1").lost,
              FlowNamed(on, "to-mn1").lost); // the key changed the behaviour
    // forwarding_time_s sets ForwardingLifetime: the same run as the attribute's.
    RunResults shortKey = RunFile("epmip-handoff.json", {"protocol.forwarding_time_s=0.002"});
    RunResults shortAttr =
        RunWith("epmip-handoff.json", "ForwardingLifetime", TimeValue(MilliSeconds(2)));
    EXPECT_EQ(FlowNamed(shortKey, "to-mn1").lost, FlowNamed(shortAttr, "to-mn1").lost);
    EXPECT_EQ(shortKey.signaling.size(), shortAttr.signaling.size());
}

TEST(EpmipKeys, InformTimeoutAndRetriesKeysSetThePbciBackOff)
{
    // 1 ms is shorter than a PBCA's round trip: the n-eMAG's PBCI (§4.3) is sent at t, again
    // 1 ms and 2 ms more later (RFC 5213 §6.9.4 doubling), then inform_retries (2) is spent.
    const std::vector<std::string> keys{"protocol.inform_timeout_ms=1",
                                        "protocol.inform_retries=2"};
    RunResults r = RunFile("epmip-handoff.json", keys);
    auto sent = Messages(r, "emag2", "PBCI", 3.5, 100);
    ASSERT_EQ(sent.size(), 3u);
    EXPECT_NEAR(sent[1].timeS - sent[0].timeS, 0.001, 1e-9);
    EXPECT_NEAR(sent[2].timeS - sent[1].timeS, 0.002, 1e-9);
    EXPECT_EQ(r.epmip.at("inform_retransmissions"), 4u); // n-eMAG's and p-eMAG's PBCIs
    // The same run as with the attributes set.
    Config::SetDefault("ns3::DistributedRoutingFunction::InitialInformTimeout",
                       TimeValue(MilliSeconds(1)));
    RunResults attributes = RunWith("epmip-handoff.json", "InformRetries", UintegerValue(2));
    Config::SetDefault("ns3::DistributedRoutingFunction::InitialInformTimeout",
                       TimeValue(Seconds(1)));
    EXPECT_EQ(r.signaling.size(), attributes.signaling.size());
    EXPECT_EQ(r.epmip, attributes.epmip);
    // Without the keys: the 1 s default, no retransmission.
    EXPECT_EQ(RunFile("epmip-handoff.json", {}).epmip.at("inform_retransmissions"), 0u);
}

TEST(EpmipKeys, InformKeysSetTheElmaInterworkingBackOffAndAreChecked)
{
    // §6: the eLMA's PBCI to mn1's previous eMAG is sent again 1 ms later, once.
    RunResults r =
        RunFile("epmip-legacy.json", {"protocol.inform_timeout_ms=1", "protocol.inform_retries=1"});
    auto sent = Messages(r, "elma", "PBCI", 3, 4);
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_NEAR(sent[1].timeS - sent[0].timeS, 0.001, 1e-9);
    EXPECT_EQ(Messages(RunFile("epmip-legacy.json", {}), "elma", "PBCI", 3, 4).size(), 1u);
    auto error = [](const std::string& set) {
        try
        {
            LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-handoff.json",
                         {set},
                         std::nullopt,
                         {});
        }
        catch (const ScenarioError& e)
        {
            return std::string(e.what());
        }
        return std::string("<no error>");
    };
    EXPECT_NE(error("protocol.inform_timeout_ms=0.5").find("must be >= 1"), std::string::npos);
    EXPECT_NE(error("protocol.inform_retries=-1").find("inform_retries"), std::string::npos);
}

TEST(EpmipKeys, SameLmaSelectionIsRefusedUnderTheIntegratedArchitecture)
{
    // Only seed 001 §7.2's new MAG picks an eLMA; the integrated eMAG has no choice to make,
    // so "same" there would be accepted and ignored.
    auto error = [](const std::string& file, const std::string& set) {
        try
        {
            LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file,
                         {set},
                         std::nullopt,
                         {});
        }
        catch (const ScenarioError& e)
        {
            return std::string(e.what());
        }
        return std::string("<no error>");
    };
    std::string msg =
        error("epmip-several-elmas-handoff.json", "protocol.epmip_lma_selection=same");
    EXPECT_NE(msg.find("protocol.epmip_lma_selection"), std::string::npos) << msg;
    EXPECT_NE(msg.find("epmip_architecture \"alternative\""), std::string::npos) << msg;
    EXPECT_EQ(error("epmip-alternative-move.json", "protocol.epmip_lma_selection=same"),
              "<no error>");
    EXPECT_EQ(error("epmip-several-elmas-handoff.json", "protocol.epmip_lma_selection=best"),
              "<no error>");
}
