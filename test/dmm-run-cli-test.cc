/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// dmm-run's command line: mistakes give a message naming the problem on stderr and a
// non-zero exit status (2 for usage errors, 1 for a scenario that cannot be used).
#include "test-paths.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>

namespace
{

struct Outcome
{
    int status;
    std::string output;
};

/// Runs dmm-run with \p args (already shell-quoted), stdout and stderr together.
Outcome
RunDmm(const std::string& args)
{
    std::string cmd = std::string(DMM_RUN_PATH) + " " + args + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr)
    {
        return {-1, "popen failed"};
    }
    std::string out;
    std::array<char, 4096> buf;
    while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe))
    {
        out.append(buf.data(), n);
    }
    int raw = pclose(pipe);
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out};
}

const std::string kScenario = std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json";

bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(DmmRunCli, HelpExitsZero)
{
    Outcome o = RunDmm("--help");
    EXPECT_EQ(o.status, 0) << o.output;
    EXPECT_TRUE(Contains(o.output, "usage: dmm-run SCENARIO.json")) << o.output;
    EXPECT_TRUE(Contains(o.output, "--set KEY=VALUE")) << o.output;
}

TEST(DmmRunCli, UnknownOption)
{
    Outcome o = RunDmm(kScenario + " --frobnicate");
    EXPECT_EQ(o.status, 2) << o.output;
    EXPECT_TRUE(Contains(o.output, "unknown option --frobnicate")) << o.output;
    EXPECT_TRUE(Contains(o.output, "usage:")) << o.output;
}

TEST(DmmRunCli, MissingValueAndMissingScenario)
{
    Outcome o = RunDmm(kScenario + " --out");
    EXPECT_EQ(o.status, 2) << o.output;
    EXPECT_TRUE(Contains(o.output, "option --out needs a value")) << o.output;
    o = RunDmm("--quiet");
    EXPECT_EQ(o.status, 2) << o.output;
    EXPECT_TRUE(Contains(o.output, "missing SCENARIO.json")) << o.output;
}

TEST(DmmRunCli, MissingFile)
{
    Outcome o = RunDmm("/nonexistent/nothing.json");
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_TRUE(Contains(o.output, "dmm-run: error: /nonexistent/nothing.json: cannot read"))
        << o.output;
}

TEST(DmmRunCli, BadSeed)
{
    for (const char* seed : {"abc", "-3", "0", "99999999999", "1.5"})
    {
        Outcome o = RunDmm(kScenario + " --seed " + seed);
        EXPECT_EQ(o.status, 2) << seed << ": " << o.output;
        EXPECT_TRUE(Contains(o.output, std::string("option --seed: \"") + seed + "\"")) << o.output;
    }
}

TEST(DmmRunCli, BadSet)
{
    Outcome o = RunDmm(kScenario + " --set novalue");
    EXPECT_EQ(o.status, 2) << o.output;
    EXPECT_TRUE(Contains(o.output, "option --set: \"novalue\" is not KEY=VALUE")) << o.output;

    o = RunDmm(kScenario + " --set l2.no_such_key=3");
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_TRUE(Contains(o.output,
                         "dmm-run: error: --set l2.no_such_key: "
                         "l2.no_such_key does not exist"))
        << o.output;

    o = RunDmm(kScenario + " --set links.0.delay_ms=-1");
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_TRUE(Contains(o.output, "dmm-run: error: links[0].delay_ms: must be >= 0 (got -1)"))
        << o.output;
}

TEST(DmmRunCli, UnknownProfile)
{
    Outcome o = RunDmm(kScenario + " --profile mip9");
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_TRUE(Contains(o.output, "profile: unknown profile \"mip9\"")) << o.output;
}

namespace
{
std::string
Slurp(const std::string& path, bool dropWallClock)
{
    FILE* f = fopen(path.c_str(), "r");
    std::string out;
    if (!f)
    {
        return out;
    }
    char line[4096];
    while (fgets(line, sizeof(line), f))
    {
        if (!(dropWallClock && std::string(line).find("\"wall_s\"") != std::string::npos))
        {
            out += line;
        }
    }
    fclose(f);
    return out;
}
} // namespace

TEST(DmmRunCli, SameSeedGivesByteIdenticalFilesAcrossProcesses)
{
    std::string a = ::testing::TempDir() + "dmm-cli-same-a";
    std::string b = ::testing::TempDir() + "dmm-cli-same-b";
    ASSERT_EQ(RunDmm(kScenario + " --quiet --out " + a).status, 0);
    ASSERT_EQ(RunDmm(kScenario + " --quiet --out " + b).status, 0);
    for (std::string f : {"handovers.csv", "signaling.csv", "flows.csv", "summary.json"})
    {
        std::string x = Slurp(a + "/" + f, true);
        EXPECT_FALSE(x.empty()) << f;
        EXPECT_EQ(x, Slurp(b + "/" + f, true)) << f;
    }
    // A different seed changes what is random (ns-3's router solicitation jitter) and
    // nothing that the protocol determines: the handover rows stay the same.
    std::string c = ::testing::TempDir() + "dmm-cli-seed-2";
    ASSERT_EQ(RunDmm(kScenario + " --quiet --seed 2 --out " + c).status, 0);
    EXPECT_NE(Slurp(a + "/signaling.csv", false), Slurp(c + "/signaling.csv", false));
    EXPECT_EQ(Slurp(a + "/handovers.csv", false), Slurp(c + "/handovers.csv", false));
}

TEST(DmmRunCli, FlowBeforeAttachmentIsReportedNotSilent)
{
    Outcome o = RunDmm(kScenario + " --quiet --set flows.0.start_s=0.5 --out " +
                       ::testing::TempDir() + "dmm-cli-early-flow");
    EXPECT_EQ(o.status, 0);
    EXPECT_TRUE(
        Contains(o.output, "warning: flows: \"down\" starts at 0.5 s but mn has no address"))
        << o.output;
}

TEST(DmmRunCli, NumberOutOfDoubleRangeNamesFileLineAndKey)
{
    // An exception of the JSON library (found by fuzzing) becomes the project's error.
    std::string path = std::string(DMM_BINARY_DIR) + "/cli-test-overflow.json";
    FILE* f = fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("{\n  \"name\": \"x\",\n  \"profile\": \"none\",\n  \"duration_s\": 1e400\n}\n", f);
    fclose(f);
    Outcome o = RunDmm(path);
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_TRUE(Contains(o.output, path + ":4:17: duration_s: number 1e400 is out of range"))
        << o.output;
    EXPECT_FALSE(Contains(o.output, "json.exception")) << o.output;
}

TEST(DmmRunCli, SmallestValidFlowsRunToTheEnd)
{
    // 19 passed validation once and OnOffApplication aborted the run (SIGABRT): its packets
    // start with a 20-byte header. The smallest accepted sizes must run, and 19 be refused.
    std::ifstream in(kScenario);
    nlohmann::json j = nlohmann::json::parse(in);
    j["flows"][0]["size_bytes"] = 20;
    // BulkSendApplication aborts likewise on a last write shorter than the header.
    j["flows"][1] = {{"name", "bulk"},
                     {"type", "tcp"},
                     {"from", "mn"},
                     {"to", "cn"},
                     {"start_s", 2.0},
                     {"stop_s", 18.0},
                     {"max_bytes", 512 + 20}};
    std::string path = std::string(DMM_BINARY_DIR) + "/cli-test-small-flows.json";
    std::ofstream(path) << j.dump(2);
    std::string out = " --quiet --out " + ::testing::TempDir() + "dmm-cli-small-flows";
    Outcome o = RunDmm(path + out);
    EXPECT_EQ(o.status, 0) << o.output;
    o = RunDmm(path + " --set flows.0.size_bytes=19" + out);
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_TRUE(Contains(o.output, "flows[0].size_bytes: must be >= 20")) << o.output;
    o = RunDmm(path + " --set flows.1.max_bytes=531" + out);
    EXPECT_EQ(o.status, 1) << o.output;
    EXPECT_TRUE(Contains(o.output, "flows[1].max_bytes: the flow writes 512")) << o.output;
}

TEST(DmmRunCli, BadSettle)
{
    for (const char* settle : {"abc", "-1", "1e-9", "nan", "5s", "1e7"})
    {
        Outcome o = RunDmm(kScenario + " --settle " + settle);
        EXPECT_EQ(o.status, 2) << settle << ": " << o.output;
        EXPECT_TRUE(Contains(o.output, std::string("option --settle: \"") + settle + "\""))
            << o.output;
    }
}

// Rows written during the run (--settle 1, shorter than the run) or kept to its end
// (--settle 0): the same files; no partial file left behind.
TEST(DmmRunCli, SettledRowsGiveTheSameFiles)
{
    std::string a = ::testing::TempDir() + "dmm-cli-settle-0";
    std::string b = ::testing::TempDir() + "dmm-cli-settle-1";
    ASSERT_EQ(RunDmm(kScenario + " --quiet --settle 0 --out " + a).status, 0);
    ASSERT_EQ(RunDmm(kScenario + " --quiet --settle 1 --out " + b).status, 0);
    for (std::string f : {"handovers.csv", "summary.json"})
    {
        std::string x = Slurp(a + "/" + f, true);
        EXPECT_FALSE(x.empty()) << f;
        EXPECT_EQ(x, Slurp(b + "/" + f, true)) << f;
    }
    std::ifstream part(b + "/handovers.csv.part");
    EXPECT_FALSE(part.good());
}
