/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The shipped generated scenario: its topology and random walk run under pmipv6, every
// generated move is a handover, and the flows survive them.
#include "test-paths.h"

#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;

TEST(GeneratedScenario, HierarchicalRandomWalkRunsUnderPmipv6)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/generated-hierarchical.json",
                     {},
                     {},
                     {});
    ASSERT_EQ(cfg.NodesWithRole("access").size(), 4U);
    ASSERT_EQ(cfg.NodesWithRole("mn").size(), 2U);
    ASSERT_NE(cfg.FindNode("n1-anchor"), nullptr);
    RunOptions opt;
    opt.progress = false;
    RunResults r = RunScenario(cfg, opt);
    // Each mn's first attachment is the initial one; every later one is a handover.
    ASSERT_EQ(r.handovers.size(), cfg.mobility.size() - 2);
    ASSERT_GT(r.handovers.size(), 4U);
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.mn + ": " + h.from + " -> " + h.to);
        EXPECT_FALSE(std::isnan(h.latencyMs));
        EXPECT_FALSE(std::isnan(h.interruptionMs));
    }
    ASSERT_EQ(r.flows.size(), 3U);
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.sent, 0U);
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
}
