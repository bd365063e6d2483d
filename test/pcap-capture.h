/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Scenario runs with captures, and counting in them with tshark, for the pcap tests.
#ifndef DMM_TEST_PCAP_CAPTURE_H
#define DMM_TEST_PCAP_CAPTURE_H

#include "command.h"
#include "test-paths.h"

#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace dmmtest
{
/// The capture folders of this process, removed when the tests end (they hold pcaps).
class CaptureFolders : public ::testing::Environment
{
  public:
    static std::vector<std::filesystem::path>& List()
    {
        static std::vector<std::filesystem::path> list;
        return list;
    }

    void TearDown() override
    {
        for (const auto& dir : List())
        {
            std::filesystem::remove_all(dir);
        }
    }
};

inline const auto* g_captureFolders = ::testing::AddGlobalTestEnvironment(new CaptureFolders);

/// Runs a shipped scenario with captures into a fresh temporary folder.
/// \return the folder; \p results (if given) receives the run's results
inline std::filesystem::path
CaptureRun(const std::string& tag,
           const std::string& file,
           const std::vector<std::string>& overrides,
           std::optional<std::string> profile,
           ns3::RunResults* results = nullptr)
{
    // Per process: two test runs on one machine must not share the folder.
    auto dir = std::filesystem::temp_directory_path() /
               ("dmm-scenario-pcap-" + tag + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    CaptureFolders::List().push_back(dir);
    ns3::ScenarioConfig cfg = ns3::LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file,
                                                overrides,
                                                profile,
                                                {});
    ns3::RunOptions opt;
    opt.outDir = dir.string();
    opt.pcap = true;
    opt.progress = false;
    ns3::RunResults r = ns3::RunScenario(cfg, opt);
    if (results)
    {
        *results = r;
    }
    return dir;
}

/// Number of packets of a capture matching a display filter.
inline int
Count(const std::filesystem::path& pcap, const std::string& filter)
{
    std::istringstream lines(
        Tshark("-r " + pcap.string() + " -Y \"" + filter + "\" -T fields -e frame.number"));
    int n = 0;
    for (std::string line; std::getline(lines, line);)
    {
        n++;
    }
    return n;
}

/// Every capture decodes cleanly, UDP checksums verified: with a Home Address option
/// or a type 2 routing header they must be computed over the home address.
inline void
ExpectCleanCaptures(const std::filesystem::path& dir)
{
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        if (entry.path().extension() == ".pcap")
        {
            EXPECT_EQ(Tshark("-o udp.check_checksum:TRUE -r " + entry.path().string() +
                             " -Y \"_ws.malformed || _ws.expert.severity >= 6291456\""),
                      "")
                << entry.path();
        }
    }
}

/// The capture of a node's first wired device.
inline std::filesystem::path
Capture(const std::filesystem::path& dir, const std::string& node)
{
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        if (name.rfind("dmm-" + node + "-", 0) == 0 && entry.path().extension() == ".pcap")
        {
            return entry.path();
        }
    }
    return {};
}
} // namespace dmmtest

#endif // DMM_TEST_PCAP_CAPTURE_H
