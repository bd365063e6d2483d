/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// PBCI/PBCA reliability (seed 001 §4.3 relies on RFC 5213's): on scenarios/epmip-handoff.json
// (mn1 moves from eMAG1 to eMAG2 at 4 s), the first PBCI or the first PBCA is lost on the
// wire; the n-eMAG retransmits after InitialInformTimeout, doubling the wait (RFC 5213
// §6.9.4), the p-eMAG answers a repeat with the PBCA it sent first, and the uplink is
// optimized again as without the loss.
#include "closed-form.h"
#include "epmip-fixture.h"
#include "ladder.h"
#include "mh-loss.h"
#include "test-paths.h"

#include "ns3/config.h"
#include "ns3/error-model.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

constexpr double BEFORE_MOVE_S = 3.5; // the loss is armed before mn1's move at 4 s

/// \p file with \p count messages of \p subtype lost at \p receiver from \p armS on.
RunResults
RunLosingIn(const std::string& file,
            double armS,
            const std::string& receiver,
            uint8_t subtype,
            uint32_t count,
            uint32_t retries = 5,
            const std::vector<std::string>& overrides = {})
{
    ScenarioConfig cfg = LoadShipped(file, overrides);
    Config::SetDefault("ns3::DistributedRoutingFunction::InformRetries", UintegerValue(retries));
    if (count > 0)
    {
        Simulator::Schedule(Seconds(armS),
                            &Arm,
                            receiver,
                            Ptr<ErrorModel>(CreateObject<DropSubtype>(subtype, count)));
    }
    RunResults r = Simulate(cfg);
    Config::SetDefault("ns3::DistributedRoutingFunction::InformRetries", UintegerValue(5));
    return r;
}

/// epmip-handoff.json with \p count messages of \p subtype lost at \p receiver.
RunResults
RunLosing(const std::string& receiver,
          uint8_t subtype,
          uint32_t count,
          uint32_t retries = 5,
          const std::vector<std::string>& overrides = {})
{
    return RunLosingIn("epmip-handoff.json",
                       BEFORE_MOVE_S,
                       receiver,
                       subtype,
                       count,
                       retries,
                       overrides);
}

/// Send times of \p sender's PBCIs from \p fromS on.
std::vector<double>
PbciTimesOf(const RunResults& r, const std::string& sender, double fromS)
{
    std::vector<double> out;
    for (const auto& m : Messages(r, sender, "PBCI", fromS, 100))
    {
        out.push_back(m.timeS);
    }
    return out;
}

/// The n-eMAG's PBCIs to the p-eMAG after the move.
std::vector<double>
PbciTimes(const RunResults& r)
{
    return PbciTimesOf(r, "emag2", BEFORE_MOVE_S);
}

} // namespace

TEST(EpmipInformRetransmission, LostPbciIsSentAgainAfterTheInitialTimeout)
{
    RunResults clean = RunLosing("emag1", PBCI, 0);
    RunResults r = RunLosing("emag1", PBCI, 1);
    auto sent = PbciTimes(r);
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_NEAR(sent[1] - sent[0], 1.0, 1e-9); // InitialInformTimeout
    EXPECT_EQ(r.epmip.at("inform_retransmissions"), 1u);
    EXPECT_EQ(r.epmip.at("inform_timeouts"), 0u);
    EXPECT_EQ(r.epmip.at("handed_over"), 1u);
    EXPECT_EQ(r.epmip.at("retargeted"), clean.epmip.at("retargeted"));
    // The uplink ends on the optimized path, as without the loss.
    EXPECT_EQ(FlowNamed(r, "to-mn2").lastLinks, FlowNamed(clean, "to-mn2").lastLinks);
    EXPECT_EQ(clean.epmip.at("inform_retransmissions"), 0u);
}

TEST(EpmipInformRetransmission, LostPbcaIsAnsweredAgainWithoutASecondHandOver)
{
    RunResults clean = RunLosing("emag2", PBCA, 0);
    RunResults r = RunLosing("emag2", PBCA, 1);
    EXPECT_EQ(PbciTimes(r).size(), 2u);
    // The repeat gets the first PBCA again (the correspondents' locations), not a second
    // hand-over that would list none.
    EXPECT_EQ(r.epmip.at("handed_over"), 1u);
    EXPECT_EQ(r.epmip.at("inform_timeouts"), 0u);
    EXPECT_EQ(FlowNamed(r, "to-mn2").lastLinks, FlowNamed(clean, "to-mn2").lastLinks);
}

TEST(EpmipInformRetransmission, BackOffDoublesAndGivesUpAfterTheRetries)
{
    // Every PBCI lost: sent at t, t+1, t+1+2; given up after the last 4 s wait (t+7).
    RunResults r = RunLosing("emag1", PBCI, 100, 2, {"duration_s=12"});
    auto sent = PbciTimes(r);
    ASSERT_EQ(sent.size(), 3u);
    EXPECT_NEAR(sent[1] - sent[0], 1.0, 1e-9);
    EXPECT_NEAR(sent[2] - sent[1], 2.0, 1e-9);
    EXPECT_EQ(r.epmip.at("inform_retransmissions"), 2u);
    EXPECT_EQ(r.epmip.at("inform_timeouts"), 1u);
}

TEST(EpmipInformRetransmission, ElmaResendsItsLostPbciToThePreviousEmag)
{
    // epmip-legacy.json: mn1 leaves eMAG1 for legacy MAG3 at 3 s; the eLMA's PBCI telling
    // eMAG1 (§6 interworking) is lost once and sent again after InitialInformTimeout.
    constexpr double TO_LEGACY_S = 3.0;
    RunResults clean = RunLosingIn("epmip-legacy.json", TO_LEGACY_S - 0.1, "emag1", PBCI, 0);
    RunResults r = RunLosingIn("epmip-legacy.json", TO_LEGACY_S - 0.1, "emag1", PBCI, 1);
    auto elma = PbciTimesOf(r, "elma", TO_LEGACY_S);
    auto cleanElma = PbciTimesOf(clean, "elma", TO_LEGACY_S);
    ASSERT_EQ(elma.size(), cleanElma.size() + 1);
    EXPECT_NEAR(elma[1] - elma[0], 1.0, 1e-9); // InitialInformTimeout
    // eMAG1 passes it on to mn1's correspondent (eMAG4) once it arrives: 1 s later.
    auto passedOn = PbciTimesOf(r, "emag1", TO_LEGACY_S);
    auto cleanPassedOn = PbciTimesOf(clean, "emag1", TO_LEGACY_S);
    ASSERT_FALSE(passedOn.empty());
    ASSERT_FALSE(cleanPassedOn.empty());
    EXPECT_NEAR(passedOn[0] - cleanPassedOn[0], 1.0, 1e-9);
    // The correspondent ends on the PMIP path through the eLMA and back, as without the loss.
    EXPECT_EQ(FlowNamed(r, "to-mn1").lastLinks, FlowNamed(clean, "to-mn1").lastLinks);
}
