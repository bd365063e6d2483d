/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The opt-in per-packet trace (dmm-run --packet-trace, packets.csv): it must tell the same
// story as flows.csv and summary.json, and a run that does not ask for it writes no file
// (existing result folders stay byte-identical).
#include "test-files.h"
#include "test-paths.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace
{

/// Sent, received and lost packets of one flow.
struct Counts
{
    uint64_t sent{0};     //!< packets sent
    uint64_t received{0}; //!< packets delivered
    uint64_t lost{0};     //!< packets never delivered
};

/// The rows of a CSV file without quoted fields (the shipped scenarios' names have none).
std::vector<std::vector<std::string>>
ReadCsv(const std::string& path)
{
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
    {
        std::vector<std::string> cells;
        std::stringstream s(line);
        std::string cell;
        while (std::getline(s, cell, ','))
        {
            cells.push_back(cell);
        }
        if (!line.empty() && line.back() == ',')
        {
            cells.emplace_back(); // the last field is empty
        }
        rows.push_back(cells);
    }
    return rows;
}

/// Runs a shipped scenario into a fresh folder; \return the folder
std::string
RunShipped(const std::string& scenario, const std::string& options, const std::string& dir)
{
    std::string out = ::testing::TempDir() + dir;
    std::filesystem::remove_all(out);
    std::string cmd = std::string(DMM_RUN_PATH) + " " + DMM_SOURCE_DIR + "/scenarios/" + scenario +
                      " --quiet " + options + " --out " + out + " > /dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return out;
}

/// Per-flow counts of packets.csv.
std::map<std::string, Counts>
TraceCounts(const std::string& dir)
{
    auto rows = ReadCsv(dir + "/packets.csv");
    EXPECT_FALSE(rows.empty());
    EXPECT_EQ(rows.at(0), (std::vector<std::string>{"flow", "seq", "sent_s", "received_s"}));
    std::map<std::string, Counts> out;
    for (std::size_t i = 1; i < rows.size(); ++i)
    {
        EXPECT_EQ(rows[i].size(), 4u) << "packets.csv line " << i + 1;
        Counts& c = out[rows[i][0]];
        c.sent++;
        if (rows[i][3].empty())
        {
            c.lost++;
            continue;
        }
        c.received++;
        EXPECT_GE(std::stod(rows[i][3]), std::stod(rows[i][2])) << "line " << i + 1;
    }
    return out;
}

} // namespace

TEST(PacketTrace, AgreesWithFlowsAndSummary)
{
    std::string dir = RunShipped("generated-hierarchical.json", "--packet-trace", "trace-on");
    std::map<std::string, Counts> trace = TraceCounts(dir);
    auto flows = ReadCsv(dir + "/flows.csv");
    ASSERT_GT(flows.size(), 1u);
    Counts total;
    for (std::size_t i = 1; i < flows.size(); ++i)
    {
        const std::string& name = flows[i][0];
        ASSERT_TRUE(trace.count(name)) << "flow " << name << " missing from packets.csv";
        EXPECT_EQ(trace[name].sent, std::stoull(flows[i][4])) << name;
        EXPECT_EQ(trace[name].received, std::stoull(flows[i][5])) << name;
        EXPECT_EQ(trace[name].lost, std::stoull(flows[i][6])) << name;
        total.sent += trace[name].sent;
        total.received += trace[name].received;
        total.lost += trace[name].lost;
    }
    EXPECT_EQ(trace.size(), flows.size() - 1);
    std::ifstream in(dir + "/summary.json");
    nlohmann::json summary = nlohmann::json::parse(in);
    EXPECT_EQ(total.sent, summary["packets"]["sent"].get<uint64_t>());
    EXPECT_EQ(total.received, summary["packets"]["received"].get<uint64_t>());
    EXPECT_EQ(total.lost, summary["packets"]["lost"].get<uint64_t>());
    // The random walk's handovers lose packets: the comparison covers the empty field too.
    EXPECT_GT(total.lost, 0u);
}

TEST(PacketTrace, AbsentByDefaultAndOtherFilesUnchanged)
{
    std::string off = RunShipped("pmipv6-hierarchical.json", "", "trace-off");
    std::string on = RunShipped("pmipv6-hierarchical.json", "--packet-trace", "trace-on-2");
    EXPECT_FALSE(std::filesystem::exists(off + "/packets.csv"));
    EXPECT_TRUE(std::filesystem::exists(on + "/packets.csv"));
    for (const char* f : {"handovers.csv", "signaling.csv", "flows.csv"})
    {
        std::string x = dmmtest::ReadFile(off + "/" + f);
        EXPECT_FALSE(x.empty()) << f;
        EXPECT_EQ(x, dmmtest::ReadFile(on + "/" + f)) << f;
    }
}
