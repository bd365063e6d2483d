/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// signaling.csv streamed during the run (SignalingMonitor::RecordSink, SignalingCsvStream):
// the same rows in the same order as the records kept to the end, handed over while the run
// goes, and the same result files.
#include "test-files.h"
#include "test-paths.h"

#include "ns3/config.h"
#include "ns3/nstime.h"
#include "ns3/record-stream.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"
#include "ns3/simulator.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace ns3;
using dmmtest::ReadFile;

namespace
{

/// Records handed to the sink, with the simulated time each arrived.
struct Collector
{
    std::vector<SignalingRecord> records; //!< in arrival order
    std::vector<double> arrivedS;         //!< simulated time of each arrival, s

    void Add(const SignalingRecord& r)
    {
        records.push_back(r);
        arrivedS.push_back(Simulator::Now().GetSeconds());
    }
};

class SignalingStream : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        // Short, so that a 20 s scenario's records become final well before its end.
        Config::SetDefault("ns3::SignalingMonitor::MaxTransit", TimeValue(Seconds(1)));
    }

    void TearDown() override
    {
        Config::SetDefault("ns3::SignalingMonitor::MaxTransit", TimeValue(Seconds(60)));
        Config::SetDefault("ns3::SignalingMonitor::RecordSink", CallbackValue());
    }

    static RunResults Run()
    {
        std::string path = std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json";
        RunOptions options;
        options.progress = false;
        return RunScenario(LoadScenario(path, {}, {}, {}), options);
    }
};

} // namespace

TEST_F(SignalingStream, RowsLeaveDuringTheRunInSendOrder)
{
    RunResults kept = Run();
    ASSERT_GT(kept.signaling.size(), 10u);

    Collector sink;
    Config::SetDefault("ns3::SignalingMonitor::RecordSink",
                       CallbackValue(MakeCallback(&Collector::Add, &sink)));
    RunResults streamed = Run();

    EXPECT_TRUE(streamed.signaling.empty());
    EXPECT_EQ(streamed.signalingByteHops, kept.signalingByteHops);
    ASSERT_EQ(sink.records.size(), kept.signaling.size());
    for (std::size_t i = 0; i < sink.records.size(); ++i)
    {
        const SignalingRecord& a = kept.signaling[i];
        const SignalingRecord& b = sink.records[i];
        EXPECT_EQ(std::tie(a.timeS, a.node, a.type, a.bytes, a.src, a.dst, a.hops),
                  std::tie(b.timeS, b.node, b.type, b.bytes, b.src, b.dst, b.hops))
            << "record " << i;
    }
    // Handed over about MaxTransit after being sent, not all at the end of the run.
    std::size_t during = 0;
    for (std::size_t i = 0; i < sink.records.size(); ++i)
    {
        during += sink.arrivedS[i] < streamed.simulatedS ? 1 : 0;
        EXPECT_GE(sink.arrivedS[i], sink.records[i].timeS);
    }
    EXPECT_GT(during, sink.records.size() / 2);
}

TEST(SignalingCsvStream, SameFilesAsWriteResults)
{
    RunResults r;
    r.scenario = "s";
    r.profile = "pmipv6";
    r.signaling = {{1.5, "mag1", "PBU", 96, "2001:db8::1", "2001:db8::2", 3},
                   {1.25, "lma", "PBA", 88, "2001:db8::2", "2001:db8::1", 3},
                   {2.0, "mn,1", "RS", 56, "fe80::1", "ff02::2", 1}};
    auto base = std::filesystem::temp_directory_path() /
                ("dmm-signaling-stream-" + std::to_string(getpid()));
    std::filesystem::create_directories(base / "kept");
    std::filesystem::create_directories(base / "streamed");
    WriteResults(r, (base / "kept").string());
    {
        SignalingCsvStream stream((base / "streamed").string());
        for (const auto& s : r.signaling)
        {
            stream.Add(s);
        }
        stream.Close();
        RunResults without = r;
        without.signaling.clear();
        WriteStreamedResults(without, stream.GetTotals(), (base / "streamed").string());
    }
    for (const char* file : {"summary.json", "handovers.csv", "signaling.csv", "flows.csv"})
    {
        EXPECT_EQ(ReadFile(base / "kept" / file), ReadFile(base / "streamed" / file)) << file;
    }
    EXPECT_FALSE(std::filesystem::exists(base / "streamed" / "signaling.csv.part"));
    std::filesystem::remove_all(base);
}

TEST(SignalingCsvStream, AnUnfinishedRunLeavesNoFile)
{
    auto dir = std::filesystem::temp_directory_path() /
               ("dmm-signaling-unfinished-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    {
        SignalingCsvStream stream(dir.string());
        stream.Add({1.0, "mag1", "PBU", 96, "a", "b", 1});
    } // no Close: the run threw
    EXPECT_TRUE(std::filesystem::is_empty(dir));
    std::filesystem::remove_all(dir);
}
