/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// dmm-run: run one scenario file under one profile and write the result files.
//
// ns-3's CommandLine cannot take a repeated option (--set), so the arguments are parsed here.

#include "ns3/config.h"
#include "ns3/nstime.h"
#include "ns3/profile-registry.h"
#include "ns3/record-stream.h"
#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <fmt/format.h>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const char* const kUsage =
    R"(usage: dmm-run SCENARIO.json [options]

Runs the scenario and writes summary.json, handovers.csv, signaling.csv and flows.csv.

options:
  --profile NAME     run under this built-in profile instead of the file's "profile"
  --profile-file F   run under the JSON recipe in F (a profile written as data)
  --list-profiles    print every built-in profile's recipe (role -> agent + functions)
                     and exit; with --names only the names, with --json the recipes,
                     with --rst the tables of doc/dmm.rst
  --seed N           RNG seed (1 to 4294967295) instead of the file's "seed"
  --out DIR          result folder (default results/<name>-<profile>-s<seed>)
  --set KEY=VALUE    override a value of the file, e.g. --set l2.switch_time_ms=80
                     or --set links.0.delay_ms=5 (repeatable; VALUE is JSON or a string)
  --pcap             also write pcap files into the result folder
  --packet-trace     also write packets.csv: one row per data packet sent
                     (flow,seq,sent_s,received_s; received_s empty when lost)
  --checksums MODE   UDP/TCP/ICMPv6 checksums: on, off, or auto (default: on with --pcap,
                     off otherwise; results are the same either way)
  --static-routes    wired routes in ns-3's static routing, a /128 per address (slow
                     reference for the aggregated routes; results are the same)
  --scheduler NAME   event scheduler: compacting (default; frees cancelled events) or
                     map (ns-3's MapScheduler); only summary.json's event count differs
  --settle S         handovers.csv is written while the run goes: a row once S seconds
                     (default 20) have passed since the node's next handover; a packet
                     not delivered S seconds after its send counts as lost (a warning
                     names any delivered later); 0: every row kept until the end
  --quiet            no progress line on stderr
  --help             show this help
)";

/// Command-line arguments after parsing.
struct Arguments
{
    std::string scenario;
    std::optional<std::string> profile;
    std::optional<std::string> profileFile;
    std::optional<uint32_t> seed;
    std::optional<std::string> outDir;
    std::vector<std::string> sets;
    bool pcap = false;
    bool packetTrace = false;
    std::string checksums = "auto";
    bool staticRoutes = false;
    double settleS = 20;
    std::string scheduler = "compacting";
    bool quiet = false;
    bool help = false;
    bool listProfiles = false;
    std::string listFormat = "table"; //!< table, names or json
};

/// A command-line mistake: reported with the usage text and exit status 2.
struct UsageError
{
    std::string message;
};

std::optional<uint32_t>
ParseSeed(const std::string& s)
{
    if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789") != std::string::npos)
    {
        return std::nullopt;
    }
    uint64_t v = std::stoull(s);
    if (v == 0 || v > UINT32_MAX)
    {
        return std::nullopt;
    }
    return static_cast<uint32_t>(v);
}

/// \param s the value of --settle \return seconds (0: off, or at least 1 ms)
double
ParseSettle(const std::string& s)
{
    std::size_t used = 0;
    double v = -1;
    try
    {
        v = std::stod(s, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used != s.size() || s.empty() || !std::isfinite(v) || v < 0 || (v > 0 && v < 0.001) ||
        v > 1e6)
    {
        throw UsageError{fmt::format(
            "option --settle: \"{}\" is not 0 or a number of seconds from 0.001 to 1000000",
            s)};
    }
    return v;
}

Arguments
ParseArguments(int argc, char** argv)
{
    Arguments args;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i)
    {
        std::string arg = argv[i];
        if (arg.size() < 2 || arg[0] != '-')
        {
            positional.push_back(arg);
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos)
        {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        auto value = [&]() -> std::string {
            if (inlineValue)
            {
                return *inlineValue;
            }
            if (i + 1 >= argc)
            {
                throw UsageError{fmt::format("option {} needs a value", name)};
            }
            return argv[++i];
        };
        auto flag = [&]() {
            if (inlineValue)
            {
                throw UsageError{fmt::format("option {} takes no value", name)};
            }
            return true;
        };
        if (name == "--help" || name == "-h")
        {
            args.help = flag();
        }
        else if (name == "--pcap")
        {
            args.pcap = flag();
        }
        else if (name == "--packet-trace")
        {
            args.packetTrace = flag();
        }
        else if (name == "--checksums")
        {
            args.checksums = value();
            if (args.checksums != "on" && args.checksums != "off" && args.checksums != "auto")
            {
                throw UsageError{fmt::format("option --checksums: \"{}\" is not on, off or auto",
                                             args.checksums)};
            }
        }
        else if (name == "--static-routes")
        {
            args.staticRoutes = flag();
        }
        else if (name == "--scheduler")
        {
            args.scheduler = value();
            if (args.scheduler != "compacting" && args.scheduler != "map")
            {
                throw UsageError{fmt::format("option --scheduler: \"{}\" is not compacting or map",
                                             args.scheduler)};
            }
        }
        else if (name == "--settle")
        {
            std::string v = value();
            args.settleS = ParseSettle(v);
        }
        else if (name == "--quiet" || name == "-q")
        {
            args.quiet = flag();
        }
        else if (name == "--profile")
        {
            args.profile = value();
        }
        else if (name == "--profile-file")
        {
            args.profileFile = value();
        }
        else if (name == "--list-profiles")
        {
            args.listProfiles = flag();
        }
        else if (name == "--names" || name == "--json" || name == "--rst")
        {
            flag();
            args.listFormat = name.substr(2);
        }
        else if (name == "--out")
        {
            args.outDir = value();
            if (args.outDir->empty())
            {
                throw UsageError{"option --out needs a non-empty folder name"};
            }
        }
        else if (name == "--seed")
        {
            std::string v = value();
            args.seed = ParseSeed(v);
            if (!args.seed)
            {
                throw UsageError{
                    fmt::format("option --seed: \"{}\" is not a positive 32-bit integer", v)};
            }
        }
        else if (name == "--set")
        {
            std::string v = value();
            if (v.find('=') == std::string::npos || v[0] == '=')
            {
                throw UsageError{fmt::format("option --set: \"{}\" is not KEY=VALUE", v)};
            }
            args.sets.push_back(v);
        }
        else
        {
            throw UsageError{fmt::format("unknown option {}", name)};
        }
    }
    if (args.profile && args.profileFile)
    {
        throw UsageError{"--profile and --profile-file exclude each other"};
    }
    if (args.listFormat != "table" && !args.listProfiles)
    {
        throw UsageError{fmt::format("--{} goes with --list-profiles", args.listFormat)};
    }
    if (args.help || args.listProfiles)
    {
        return args;
    }
    if (positional.empty())
    {
        throw UsageError{"missing SCENARIO.json"};
    }
    if (positional.size() > 1)
    {
        throw UsageError{
            fmt::format("unexpected argument \"{}\" (one scenario file per run)", positional[1])};
    }
    args.scenario = positional[0];
    return args;
}

std::string
Summary(const RunResults& r, const HandoverTotals& handovers, const std::string& outDir)
{
    double sum = 0;
    std::size_t n = 0;
    for (double latency : handovers.latencyMs)
    {
        if (std::isfinite(latency))
        {
            sum += latency;
            ++n;
        }
    }
    uint64_t sent = 0;
    uint64_t lost = 0;
    for (const auto& f : r.flows)
    {
        sent += f.sent;
        lost += f.lost;
    }
    std::string latency = n > 0 ? fmt::format("{:.3f} ms", sum / n) : "n/a";
    std::string loss =
        sent > 0 ? fmt::format("{:.2f}% ({}/{})", 100.0 * lost / sent, lost, sent) : "n/a";
    return fmt::format("dmm-run: {} under {} seed {}: {} handovers, mean latency {}, loss {}; "
                       "results in {}",
                       r.scenario,
                       r.profile,
                       r.seed,
                       handovers.latencyMs.size(),
                       latency,
                       loss,
                       outDir);
}

/// One profile's recipe as the reStructuredText of doc/dmm.rst's Design section.
void
PrintRst(const dmm::Recipe& r)
{
    std::cout << fmt::format("``{}`` ({}): {}. Anchors: {}; home prefixes: {}; access link "
                             "address: {}.\n\n",
                             r.name,
                             r.reference,
                             r.description,
                             r.anchors,
                             r.homePrefixes,
                             r.accessLinkAddress);
    std::cout << ".. list-table::\n   :header-rows: 1\n   :widths: 12 30 58\n\n"
              << "   * - role\n     - agent\n     - functions\n";
    for (const auto& row : dmm::RecipeTable(r))
    {
        if (row[1] != "plain node" || row[2] != "-")
        {
            std::cout << fmt::format("   * - {}\n     - {}\n     - {}\n", row[0], row[1], row[2]);
        }
    }
    std::cout << "\n";
    for (const auto& [key, values] : r.variants.items())
    {
        for (const auto& [value, patch] : values.items())
        {
            std::cout << fmt::format("Variant ``{}={}``: ``{}``\n\n", key, value, patch.dump());
        }
    }
}

/// `--list-profiles`: the registry as a table, names, JSON recipes or reStructuredText.
void
ListProfiles(const std::string& format)
{
    if (format == "json")
    {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& name : dmm::ProfileNames())
        {
            all.push_back(dmm::GetRecipe(name).source);
        }
        std::cout << all.dump(2) << "\n";
        return;
    }
    for (const auto& name : dmm::ProfileNames())
    {
        const dmm::Recipe& r = dmm::GetRecipe(name);
        if (format == "rst")
        {
            PrintRst(r);
            continue;
        }
        if (format == "names")
        {
            std::cout << name << "\n";
            continue;
        }
        std::cout << fmt::format("{} ({}): {}\n  anchors {}, home prefixes {}, access link "
                                 "address {}\n",
                                 name,
                                 r.reference,
                                 r.description,
                                 r.anchors,
                                 r.homePrefixes,
                                 r.accessLinkAddress);
        for (const auto& row : dmm::RecipeTable(r))
        {
            std::cout << fmt::format("  {:<12} {:<28} {}\n", row[0], row[1], row[2]);
        }
        for (const auto& [key, values] : r.variants.items())
        {
            for (const auto& [value, patch] : values.items())
            {
                std::cout << fmt::format("  variant {}={}: {}\n", key, value, patch.dump());
            }
        }
        std::cout << "\n";
    }
}

int
Run(const Arguments& args)
{
    ScenarioConfig config;
    try
    {
        config = LoadScenario(args.scenario, args.sets, args.profile, args.seed, args.profileFile);
    }
    catch (const ScenarioError& e)
    {
        std::cerr << "dmm-run: error: " << e.what() << std::endl;
        return 1;
    }

    for (const auto& key : config.ignoredKeys)
    {
        std::cerr << fmt::format("dmm-run: note: {} is not read under profile \"{}\" "
                                 "(listed in summary.json ignored_keys)\n",
                                 key,
                                 config.profile);
    }
    RunOptions options;
    options.outDir = args.outDir.value_or(
        fmt::format("results/{}-{}-s{}", config.name, config.profile, config.seed));
    options.pcap = args.pcap;
    options.packetTrace = args.packetTrace;
    options.checksums = args.checksums;
    options.staticWiredRoutes = args.staticRoutes;
    options.scheduler = args.scheduler;
    options.progress = !args.quiet;
    // Before the run: a bad folder should not cost a whole simulation, and pcap needs it.
    CreateOutputDirectory(options.outDir);

    // Signalling rows go to their file as they become final, not into RunResults: a
    // long run would otherwise hold ~6 records per handover until its end.
    SignalingCsvStream signaling(options.outDir);
    Config::SetDefault("ns3::SignalingMonitor::RecordSink", CallbackValue(signaling.GetSink()));
    // Handover rows likewise, once final (HandoverMonitor::SettleTime).
    std::optional<HandoverCsvStream> handovers;
    if (args.settleS > 0)
    {
        handovers.emplace(options.outDir);
        Config::SetDefault("ns3::HandoverMonitor::RecordSink", CallbackValue(handovers->GetSink()));
        Config::SetDefault("ns3::HandoverMonitor::SettleTime", TimeValue(Seconds(args.settleS)));
    }

    auto wallStart = std::chrono::steady_clock::now();
    RunResults results = RunScenario(config, options);
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    // The identity of the run is known here whatever the builder filled in.
    results.scenario = config.name;
    results.profile = config.profile;
    results.seed = config.seed;
    if (results.wallS <= 0)
    {
        results.wallS = wall;
    }

    for (const auto& w : results.warnings)
    {
        std::cerr << "dmm-run: warning: " << w << "\n";
    }
    signaling.Close();
    if (handovers)
    {
        handovers->Close();
        WriteStreamedResults(results,
                             signaling.GetTotals(),
                             handovers->GetTotals(),
                             options.outDir);
    }
    else
    {
        WriteStreamedResults(results, signaling.GetTotals(), options.outDir);
    }
    HandoverTotals totals =
        handovers ? handovers->GetTotals() : HandoverTotals::Of(results.handovers);
    std::cout << Summary(results, totals, options.outDir) << std::endl;
    return 0;
}

} // namespace

int
main(int argc, char** argv)
{
    Arguments args;
    try
    {
        args = ParseArguments(argc, argv);
    }
    catch (const UsageError& e)
    {
        std::cerr << "dmm-run: " << e.message << "\n\n" << kUsage;
        return 2;
    }
    if (args.help)
    {
        std::cout << kUsage;
        return 0;
    }
    try
    {
        if (args.listProfiles)
        {
            ListProfiles(args.listFormat);
            return 0;
        }
        return Run(args);
    }
    catch (const std::exception& e)
    {
        std::cerr << "dmm-run: error: " << e.what() << std::endl;
        return 1;
    }
}
