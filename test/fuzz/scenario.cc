/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Target scenario: LoadScenario, as dmm-run calls it, on a scenario file and its --set
// overrides: JSON syntax, duplicate keys, every key's type and range, recipes, the
// overrides' paths. Bad input must end in a ScenarioError naming the problem; any other
// exception (e.g. one of the JSON library's own) escapes and is reported as a crash.
//
// Input: the scenario document, then from the first line that starts with "--set " one
// KEY=VALUE override per line ("--set " optional after the first).
#include "ns3/scenario-config.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// Split the input into the document and the overrides.
std::pair<std::string, std::vector<std::string>>
Split(const std::string& text)
{
    const std::string flag = "--set ";
    size_t at = text.rfind(flag, 0) == 0 ? 0 : text.find("\n" + flag);
    if (at == std::string::npos)
    {
        return {text, {}};
    }
    std::string document = text.substr(0, at);
    std::vector<std::string> overrides;
    std::istringstream lines(text.substr(at == 0 ? 0 : at + 1));
    for (std::string line; std::getline(lines, line);)
    {
        overrides.push_back(line.rfind(flag, 0) == 0 ? line.substr(flag.size()) : line);
    }
    return {document, overrides};
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const std::string path = (std::filesystem::temp_directory_path() /
                                     ("dmm-fuzz-scenario-" + std::to_string(getpid()) + ".json"))
                                        .string();
    auto [document, overrides] = Split(std::string(reinterpret_cast<const char*>(data), size));
    std::ofstream(path, std::ios::binary | std::ios::trunc) << document;
    try
    {
        LoadScenario(path, overrides, std::nullopt, std::nullopt);
    }
    catch (const ScenarioError&)
    {
        // bad input, named: what the loader must do
    }
    return 0;
}
