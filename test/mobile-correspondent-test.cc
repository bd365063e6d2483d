/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Correspondents that are other mobile nodes (issue: "CNs that are fixed nodes or other
// MNs"): Fig 9 with MN31 under MR31, talking with MN11 while MN11 moves.
#include "closed-form.h"
#include "test-paths.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// Fig 9 plus mn31 at mr31 from 1 s, and a flow each way between mn11 and mn31.
json
TwoMobiles()
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig9-fully-distributed.json");
    json j = json::parse(in);
    j["nodes"].push_back({{"name", "mn31"}, {"role", "mn"}});
    j["mobility"].push_back({{"mn", "mn31"}, {"at_s", 1.0}, {"attach", "mr31"}});
    j["flows"] = json::array();
    for (const auto& [name, from, to] :
         {std::tuple<const char*, const char*, const char*>{"to-mn11", "mn31", "mn11"},
          {"to-mn31", "mn11", "mn31"}})
    {
        j["flows"].push_back({{"name", name},
                              {"type", "udp"},
                              {"from", from},
                              {"to", to},
                              {"start_s", 2.0},
                              {"stop_s", 13.0},
                              {"interval_ms", 10.0},
                              {"size_bytes", 200}});
    }
    return j;
}

} // namespace

TEST(MobileCorrespondent, FlowsBetweenTwoMobileNodesSurviveTheMoves)
{
    for (const char* profile : {"fully-distributed", "mipv6", "pmipv6", "dma", "none"})
    {
        SCOPED_TRACE(profile);
        json j = TwoMobiles();
        j["profile"] = profile;
        j["central_anchor"] = "lm1"; // for the single-anchor profiles
        RunResults r = Simulate(ParseScenario(j));
        ASSERT_EQ(r.flows.size(), 2u);
        uint64_t lost = 0;
        for (const auto& f : r.flows)
        {
            SCOPED_TRACE(f.flow);
            // The receiving mobile node is the flow's mn, the sending one its cn.
            EXPECT_EQ(f.mn, f.flow == "to-mn11" ? "mn11" : "mn31");
            EXPECT_EQ(f.cn, f.flow == "to-mn11" ? "mn31" : "mn11");
            lost += f.lost;
            if (std::string(profile) == "none")
            {
                // Packets to mn11's first address stop at its first move (5 s of 2-13 s).
                if (f.flow == "to-mn11")
                {
                    EXPECT_LT(f.received, f.sent * 30 / 100);
                }
                continue;
            }
            EXPECT_GT(f.received, f.sent * 97 / 100);
            // Fig 9's routing: at the end both nodes are in network 3 and the packets take
            // the shortest path (mr31 - gw3 - mr32); a central anchor in network 1 does not.
            if (std::string(profile) == "fully-distributed")
            {
                EXPECT_EQ(f.lastLinks, f.lastShortestLinks);
                EXPECT_EQ(f.lastShortestLinks, 4u); // two access links and two wired ones
            }
            else
            {
                EXPECT_GT(f.lastLinks, f.lastShortestLinks);
            }
        }
        // Every loss is charged to a handover of one of the two ends (here mn11's).
        uint64_t charged = 0;
        for (const auto& h : r.handovers)
        {
            charged += h.lostPackets;
        }
        EXPECT_EQ(charged, lost);
    }
}

TEST(MobileCorrespondent, AFlowNeedsTwoDifferentEnds)
{
    json j = TwoMobiles();
    j["flows"][0]["to"] = "mn31";
    EXPECT_THROW(ParseScenario(j), ScenarioError);
}
