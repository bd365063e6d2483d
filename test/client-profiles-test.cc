/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Client-based profiles (mipv6, mipv6-ro, hmipv6) end to end on the shipped scenario:
// handovers complete, sessions survive, and the message ladders follow the RFCs.
#include "ladder.h"
#include "test-paths.h"

#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

using namespace ns3;
using dmmtest::Ladder;

namespace
{

RunResults
RunShipped(const std::string& profile)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                     {},
                     profile,
                     {});
    RunOptions opt;
    opt.progress = false;
    return RunScenario(cfg, opt);
}

void
ExpectSessionsSurvive(const RunResults& r)
{
    ASSERT_EQ(r.handovers.size(), 2u);
    for (const auto& h : r.handovers)
    {
        EXPECT_FALSE(std::isnan(h.latencyMs)) << "handover at " << h.timeS << " not complete";
        EXPECT_FALSE(std::isnan(h.interruptionMs));
        EXPECT_LE(h.lostPackets, 40u);
    }
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 9 / 10) << f.flow;
    }
}

} // namespace

TEST(ClientProfiles, Mipv6HomeRegistrationPerHandover)
{
    RunResults r = RunShipped("mipv6");
    ExpectSessionsSurvive(r);
    for (double t : {6.0, 11.0})
    {
        EXPECT_EQ(Ladder(r, t, t + 1), (std::vector<std::string>{"mn:BU>lma", "lma:BA>mn"}));
    }
    EXPECT_GT(r.tunnelledBytes, 0u);
}

TEST(ClientProfiles, Mipv6RoReturnRoutabilityThenDirectPath)
{
    RunResults r = RunShipped("mipv6-ro");
    ExpectSessionsSurvive(r);
    for (double t : {6.0, 11.0})
    {
        // RFC 6275 §5.2.5, §11.7.2: home registration, then HoTI/CoTI in parallel, then
        // the correspondent's Binding Update and acknowledgement.
        EXPECT_EQ(Ladder(r, t, t + 1),
                  (std::vector<std::string>{"mn:BU>lma",
                                            "lma:BA>mn",
                                            "mn:HoTI>cn",
                                            "mn:CoTI>cn",
                                            "cn:HoT>mn",
                                            "cn:CoT>mn",
                                            "mn:BU>cn",
                                            "cn:BA>mn"}));
    }
    // After the binding the correspondent reaches the care-of address directly.
    EXPECT_NEAR(r.meanPathStretch, 1.0, 0.05);
    // Here the home agent sits on the correspondent's shortest path, so reverse
    // tunnelling costs no extra hop; a triangle-routing scenario is still to come.
    RunResults plain = RunShipped("mipv6");
    EXPECT_GE(plain.meanPathStretch, r.meanPathStretch);
}

TEST(ClientProfiles, Hmipv6IntraMapUpdatesOnlyTheMap)
{
    RunResults r = RunShipped("hmipv6");
    ExpectSessionsSurvive(r);
    // mag1 -> mag2 stays under MAP r1; mag2 -> mag3 moves to MAP r2 (RFC 5380 §6).
    EXPECT_EQ(Ladder(r, 6.0, 7.0), (std::vector<std::string>{"mn:BU>r1", "r1:BA>mn"}));
    EXPECT_EQ(Ladder(r, 11.0, 12.0),
              (std::vector<std::string>{"mn:BU>r2", "r2:BA>mn", "mn:BU>lma", "lma:BA>mn"}));
    EXPECT_LT(r.handovers[0].latencyMs, r.handovers[1].latencyMs);
}

TEST(ClientProfiles, Hmipv6RoUpdatesCorrespondentsOnlyOnANewMap)
{
    // Correspondents bind the RCoA: the intra-MAP move leaves them alone (RFC 5380 §6),
    // the inter-MAP move runs return routability for the new RCoA after the home agent.
    RunResults r = RunShipped("hmipv6-ro");
    ExpectSessionsSurvive(r);
    EXPECT_EQ(Ladder(r, 6.0, 7.0), (std::vector<std::string>{"mn:BU>r1", "r1:BA>mn"}));
    EXPECT_EQ(Ladder(r, 11.0, 12.0),
              (std::vector<std::string>{"mn:BU>r2",
                                        "r2:BA>mn",
                                        "mn:BU>lma",
                                        "lma:BA>mn",
                                        "mn:HoTI>cn",
                                        "mn:CoTI>cn",
                                        "cn:HoT>mn",
                                        "cn:CoT>mn",
                                        "mn:BU>cn",
                                        "cn:BA>mn"}));
    EXPECT_NEAR(r.meanPathStretch, 1.0, 1e-9);
}
