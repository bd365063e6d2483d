/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// handovers.csv streamed during the run (HandoverMonitor::RecordSink, SettleTime): the rows
// a run keeps to its end, byte for byte and in the same order, handed over while it goes,
// with memory bounded by the recent handovers; a packet delivered after its row was final
// is counted and named.
#include "test-paths.h"

#include "ns3/config.h"
#include "ns3/nstime.h"
#include "ns3/record-stream.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

/// Rows handed to the sink, as handovers.csv text, with the simulated time each arrived.
struct Collector
{
    std::vector<std::string> rows; //!< in arrival order
    std::vector<double> arrivedS;  //!< simulated time of each arrival, s

    void Add(const HandoverRecord& h)
    {
        rows.push_back(HandoversCsvRow(h));
        arrivedS.push_back(Simulator::Now().GetSeconds());
    }
};

class HandoverStream : public ::testing::TestWithParam<std::string>
{
  protected:
    void TearDown() override
    {
        Config::SetDefault("ns3::HandoverMonitor::RecordSink", CallbackValue());
        Config::SetDefault("ns3::HandoverMonitor::SettleTime", TimeValue(Seconds(20)));
    }

    /// Run a shipped scenario; with \p sink, its rows streamed with \p settle.
    static RunResults Run(const std::string& scenario,
                          Collector* sink = nullptr,
                          Time settle = Seconds(20),
                          std::vector<std::string> sets = {})
    {
        if (sink)
        {
            Config::SetDefault("ns3::HandoverMonitor::RecordSink",
                               CallbackValue(MakeCallback(&Collector::Add, sink)));
            Config::SetDefault("ns3::HandoverMonitor::SettleTime", TimeValue(settle));
        }
        std::string path = std::string(DMM_SOURCE_DIR) + "/scenarios/" + scenario + ".json";
        RunOptions options;
        options.progress = false;
        return RunScenario(LoadScenario(path, sets, {}, {}), options);
    }

    static std::vector<std::string> Rows(const RunResults& r)
    {
        std::vector<std::string> out;
        for (const auto& h : r.handovers)
        {
            out.push_back(HandoversCsvRow(h));
        }
        return out;
    }

    static uint64_t Lost(const std::vector<std::string>& rows)
    {
        uint64_t lost = 0;
        for (const auto& row : rows)
        {
            lost += std::stoull(row.substr(row.rfind(',') + 1));
        }
        return lost;
    }
};

/// The same runs, not parametrised.
class HandoverStreamLimits : public HandoverStream
{
};

} // namespace

// A settle time of 1 s is still above every one-way delay of these scenarios, so nothing
// may change but when the rows leave.
TEST_P(HandoverStream, SameRowsLeaveDuringTheRun)
{
    RunResults kept = Run(GetParam());
    std::vector<std::string> expected = Rows(kept);
    ASSERT_GE(expected.size(), 2u);
    ASSERT_GT(Lost(expected), 0u) << "a scenario whose handovers lose packets";

    Collector sink;
    RunResults streamed = Run(GetParam(), &sink, Seconds(1));
    EXPECT_TRUE(streamed.handovers.empty());
    EXPECT_EQ(sink.rows, expected);
    EXPECT_TRUE(streamed.warnings == kept.warnings);
}

INSTANTIATE_TEST_SUITE_P(Shipped,
                         HandoverStream,
                         // Many handovers under dma; two mobile nodes moving at once with
                         // flows between them (both ends charge losses); a generated city.
                         ::testing::Values("dmm-comparison-3x4",
                                           "distributed-lma-simultaneous",
                                           "generated-fully-distributed"));

// The 3x4 comparison's nodes keep moving: the rows held at any time are those of the last
// few seconds, not of the whole run.
TEST_F(HandoverStreamLimits, HeldRowsFollowTheSettleTimeNotTheRun)
{
    Collector sink;
    RunResults r = Run("dmm-comparison-3x4", &sink, Seconds(1), {"duration_s=120"});
    ASSERT_GT(sink.rows.size(), 100u);
    std::size_t during = 0;
    for (double t : sink.arrivedS)
    {
        during += t < r.simulatedS ? 1 : 0;
    }
    // Held at the end at most: each node's last row, and those of the last ~2 s.
    EXPECT_GT(during, sink.rows.size() * 3 / 4);
}

// Below the path delays, packets still in flight are given up: the monitor says how many
// arrived after their row was final, and the run warns.
TEST_F(HandoverStreamLimits, LateDeliveriesAreNamed)
{
    Collector sink;
    RunResults r = Run("dmm-comparison-3x4", &sink, MilliSeconds(1));
    bool named = false;
    for (const auto& w : r.warnings)
    {
        named = named || w.find("--settle") != std::string::npos;
    }
    EXPECT_TRUE(named);
}
