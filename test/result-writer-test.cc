/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Result files: the DESIGN.md contract (keys, CSV headers), statistics, NaN handling and
// byte-identical output for identical input.
#include "test-files.h"

#include "ns3/result-writer.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace ns3;
using dmmtest::ReadFile;
using nlohmann::json;

namespace
{

const double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::string>
Lines(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string line; std::getline(ss, line);)
    {
        out.push_back(line);
    }
    return out;
}

HandoverRecord
Handover(double t, const std::string& from, const std::string& to, double latency, double intr)
{
    HandoverRecord h;
    h.timeS = t;
    h.mn = "mn";
    h.from = from;
    h.to = to;
    h.l2DownS = t;
    h.l2UpS = t + 0.05;
    h.signalingDoneS = t + latency / 1000;
    h.firstRxS = std::isnan(intr) ? kNaN : t + intr / 1000;
    h.latencyMs = latency;
    h.interruptionMs = intr;
    h.lostPackets = 7;
    return h;
}

RunResults
Sample()
{
    RunResults r;
    r.scenario = "pmipv6-hierarchical";
    r.profile = "pmipv6";
    r.seed = 3;
    r.simulatedS = 20;
    r.wallS = 1.25;
    r.events = 123456;
    r.handovers = {Handover(6.0, "mag1", "mag2", 60, 70),
                   Handover(11.0, "mag2", "mag3", 64, kNaN),
                   Handover(15.0, "mag3", "mag1", 62, 80)};
    r.signaling = {{1.0, "mag1", "PBU", 96, "2001:1::1", "2001:2::1", 3},
                   {1.003, "lma", "PBA", 88, "2001:2::1", "2001:1::1", 3},
                   {6.05, "mag2", "PBU", 96, "2001:1::2", "2001:2::1", 3}};
    r.flows = {{"down", "mn", "cn", 2.0, 1600, 1590, 10, 9.5, "2001:5::100"},
               {"up", "mn", "cn", 2.0, 1600, 1600, 0, kNaN, "2001:5::100, second"}};
    // The downlink was followed per packet and never optimal; the uplink was not followed.
    r.flows[0].timed = true;
    r.flows[0].firstPacketDelayMs = 12.5;
    r.flows[0].detouredPackets = 1590;
    r.signalingByteHops = 840;
    r.meanPathStretch = 1.5;
    r.tunnelledBytes = 1000000;
    r.packets.sent = 3200;
    r.packets.delivered = 3190;
    r.packets.dropped = {{"no_binding", 4}, {"access_departed", 3}};
    r.packets.inFlight.onLinks = 2;
    r.packets.inFlight.neighborCache = 1;
    return r;
}

std::filesystem::path
TempDir(const std::string& tag)
{
    static int n = 0;
    return std::filesystem::temp_directory_path() /
           ("dmm-result-test-" + std::to_string(getpid()) + "-" + tag + std::to_string(n++));
}

} // namespace

TEST(ResultWriter, NearestRankPercentiles)
{
    std::vector<double> v{1, 2, 3, 4};
    EXPECT_EQ(NearestRankPercentile(v, 50), 2);
    EXPECT_EQ(NearestRankPercentile(v, 51), 3);
    EXPECT_EQ(NearestRankPercentile(v, 95), 4);
    EXPECT_EQ(NearestRankPercentile(v, 0), 1);
    EXPECT_EQ(NearestRankPercentile(v, 100), 4);
    std::vector<double> hundred;
    for (int i = 1; i <= 100; ++i)
    {
        hundred.push_back(i);
    }
    EXPECT_EQ(NearestRankPercentile(hundred, 95), 95);
    EXPECT_EQ(NearestRankPercentile(hundred, 50), 50);
    EXPECT_TRUE(std::isnan(NearestRankPercentile({}, 50)));

    SampleStats s = ComputeStats({5, kNaN, 1, 3});
    EXPECT_EQ(s.count, 3u);
    EXPECT_DOUBLE_EQ(s.mean, 3);
    EXPECT_EQ(s.p50, 3);
    EXPECT_EQ(s.p95, 5);
    EXPECT_EQ(s.max, 5);
    s = ComputeStats({kNaN});
    EXPECT_EQ(s.count, 0u);
    EXPECT_TRUE(std::isnan(s.mean));
}

TEST(ResultWriter, SummaryJson)
{
    auto dir = TempDir("summary");
    WriteResults(Sample(), dir.string());
    json s = json::parse(ReadFile(dir / "summary.json"));
    EXPECT_EQ(s.at("scenario"), "pmipv6-hierarchical");
    EXPECT_EQ(s.at("profile"), "pmipv6");
    EXPECT_EQ(s.at("seed"), 3);
    EXPECT_DOUBLE_EQ(s.at("simulated_s").get<double>(), 20.0);
    EXPECT_DOUBLE_EQ(s.at("wall_s").get<double>(), 1.25);
    EXPECT_EQ(s.at("events"), 123456);

    const json& h = s.at("handovers");
    EXPECT_EQ(h.at("count"), 3);
    EXPECT_DOUBLE_EQ(h.at("latency_ms").at("mean").get<double>(), 62.0);
    EXPECT_DOUBLE_EQ(h.at("latency_ms").at("p50").get<double>(), 62.0);
    EXPECT_DOUBLE_EQ(h.at("latency_ms").at("p95").get<double>(), 64.0);
    EXPECT_DOUBLE_EQ(h.at("latency_ms").at("max").get<double>(), 64.0);
    // The handover without a received packet is left out of the interruption statistics.
    EXPECT_DOUBLE_EQ(h.at("interruption_ms").at("mean").get<double>(), 75.0);
    EXPECT_DOUBLE_EQ(h.at("interruption_ms").at("p50").get<double>(), 70.0);
    EXPECT_DOUBLE_EQ(h.at("interruption_ms").at("max").get<double>(), 80.0);

    const json& p = s.at("packets");
    EXPECT_EQ(p.at("sent"), 3200);
    EXPECT_EQ(p.at("received"), 3190);
    EXPECT_EQ(p.at("lost"), 10);
    EXPECT_DOUBLE_EQ(p.at("loss_ratio").get<double>(), 10.0 / 3200);
    // Conservation: every packet not received is dropped by reason or still in flight.
    EXPECT_EQ(p.at("dropped"), json({{"access_departed", 3}, {"no_binding", 4}}));
    EXPECT_EQ(p.at("in_flight_at_end"), 3);
    EXPECT_EQ(p.at("unaccounted"), 0);
    std::vector<std::string> packetKeys;
    for (const auto& item : p.items())
    {
        packetKeys.push_back(item.key());
    }
    EXPECT_EQ(packetKeys.size(), 7u);
    // The keys written before any addition keep their place; reasons are sorted by name.
    std::string text = ReadFile(dir / "summary.json");
    EXPECT_NE(text.find("\"loss_ratio\": 0.003125000,\n    \"dropped\": {\"access_departed\": 3, "
                        "\"no_binding\": 4},\n    \"in_flight_at_end\": 3,\n    "
                        "\"unaccounted\": 0\n  },"),
              std::string::npos)
        << text;

    const json& sig = s.at("signaling");
    EXPECT_EQ(sig.at("messages"), json({{"PBU", 2}, {"PBA", 1}}));
    EXPECT_EQ(sig.at("bytes"), 280);
    EXPECT_EQ(sig.at("byte_hops"), 840);
    EXPECT_DOUBLE_EQ(s.at("path").at("mean_stretch").get<double>(), 1.5);
    EXPECT_EQ(s.at("path").at("tunnelled_bytes"), 1000000);

    std::set<std::string> keys;
    for (const auto& item : s.items())
    {
        keys.insert(item.key());
    }
    EXPECT_EQ(keys,
              (std::set<std::string>{"scenario",
                                     "profile",
                                     "ignored_keys",
                                     "seed",
                                     "simulated_s",
                                     "wall_s",
                                     "events",
                                     "handovers",
                                     "packets",
                                     "signaling",
                                     "path",
                                     "flows",
                                     "security",
                                     "attacks",
                                     "attacker_data_packets"}));
    // Only the flow followed per packet counts; it was never optimal.
    const json& fl = s.at("flows");
    EXPECT_EQ(fl.at("timed"), 1);
    EXPECT_EQ(fl.at("optimized"), 0);
    EXPECT_DOUBLE_EQ(fl.at("first_packet_delay_ms").at("p95").get<double>(), 12.5);
    EXPECT_TRUE(fl.at("optimized_after_ms").at("mean").is_null());
    EXPECT_DOUBLE_EQ(fl.at("detoured_packets").at("max").get<double>(), 1590);
    EXPECT_EQ(s.at("attacks"), json::array());
    // No counters: the scenario switched security off.
    EXPECT_EQ(s.at("security"), json({{"enabled", false}}));
    std::filesystem::remove_all(dir);
}

TEST(ResultWriter, SummaryJsonHasTheAccessCountersOfTheProfile)
{
    // A profile's agent counters get their own object; the other profiles get no key.
    RunResults r = Sample();
    r.accessCounters["mars"] = {{"attachments", 6}, {"released", 1}};
    auto dir = TempDir("summary-counters");
    WriteResults(r, dir.string());
    json s = json::parse(ReadFile(dir / "summary.json"));
    EXPECT_EQ(s.at("mars"), json({{"attachments", 6}, {"released", 1}}));
    EXPECT_FALSE(s.contains("mobility_routers"));
    EXPECT_FALSE(s.contains("epmip"));
    std::filesystem::remove_all(dir);
}

TEST(ResultWriter, SecurityCounters)
{
    auto dir = TempDir("security");
    RunResults r;
    r.scenario = "s";
    r.profile = "pmipv6";
    r.seed = 1;
    r.security = {{"protected", 7},
                  {"unprotected", 1},
                  {"authentic", 5},
                  {"auth_failed", 2},
                  {"auth_replayed", 0}};
    r.attacks = {{"eve", "forge", "PBU", "mag2", 8, 1, 0},
                 {"eve", "flood", "PBU", "mag2", 9, 20, 1}};
    r.attackerData = {{"eve", 0}};
    WriteResults(r, dir.string());
    json s = json::parse(ReadFile(dir / "summary.json")).at("security");
    EXPECT_EQ(s.at("enabled"), true);
    EXPECT_EQ(s.at("protected"), 7);
    EXPECT_EQ(s.at("unprotected"), 1);
    EXPECT_EQ(s.at("authentic"), 5);
    EXPECT_EQ(s.at("dropped"), json({{"auth_failed", 2}, {"auth_replayed", 0}}));
    json all = json::parse(ReadFile(dir / "summary.json"));
    ASSERT_EQ(all.at("attacks").size(), 2u);
    EXPECT_EQ(all.at("attacks")[1],
              json({{"by", "eve"},
                    {"type", "flood"},
                    {"message", "PBU"},
                    {"from", "mag2"},
                    {"at_s", 9},
                    {"sent", 20},
                    {"missed", 1}}));
    EXPECT_EQ(all.at("attacker_data_packets"), json({{"eve", 0}}));
    std::filesystem::remove_all(dir);
}

TEST(ResultWriter, EmptyRunGivesNullStatistics)
{
    auto dir = TempDir("empty");
    RunResults r;
    r.scenario = "s";
    r.profile = "none";
    r.seed = 1;
    WriteResults(r, dir.string());
    json s = json::parse(ReadFile(dir / "summary.json"));
    EXPECT_EQ(s.at("handovers").at("count"), 0);
    EXPECT_TRUE(s.at("handovers").at("latency_ms").at("mean").is_null());
    EXPECT_TRUE(s.at("packets").at("loss_ratio").is_null());
    EXPECT_EQ(s.at("packets").at("dropped"), json::object());
    EXPECT_EQ(s.at("packets").at("in_flight_at_end"), 0);
    EXPECT_EQ(s.at("signaling").at("messages"), json::object());
    EXPECT_EQ(Lines(ReadFile(dir / "handovers.csv")).size(), 1u);
    std::filesystem::remove_all(dir);
}

TEST(ResultWriter, CsvFiles)
{
    auto dir = TempDir("csv");
    WriteResults(Sample(), dir.string());

    auto ho = Lines(ReadFile(dir / "handovers.csv"));
    ASSERT_EQ(ho.size(), 4u);
    EXPECT_EQ(ho[0],
              "time_s,mn,from,to,l2_down_s,l2_up_s,signaling_done_s,first_rx_s,latency_ms,"
              "interruption_ms,lost_packets");
    EXPECT_EQ(ho[1],
              "6.000000000,mn,mag1,mag2,6.000000000,6.050000000,6.060000000,6.070000000,"
              "60.000000,70.000000,7");
    // No packet arrived after the second handover: first_rx_s and interruption_ms are empty.
    EXPECT_EQ(ho[2],
              "11.000000000,mn,mag2,mag3,11.000000000,11.050000000,11.064000000,,64.000000,,7");

    auto sig = Lines(ReadFile(dir / "signaling.csv"));
    ASSERT_EQ(sig.size(), 4u);
    EXPECT_EQ(sig[0], "time_s,node,type,bytes,src,dst");
    EXPECT_EQ(sig[2], "1.003000000,lma,PBA,88,2001:2::1,2001:1::1");

    auto flows = Lines(ReadFile(dir / "flows.csv"));
    ASSERT_EQ(flows.size(), 3u);
    EXPECT_EQ(flows[0],
              "flow,mn,cn,start_s,sent,received,lost,mean_delay_ms,address,"
              "first_packet_delay_ms,optimized_after_ms,detoured_packets");
    EXPECT_EQ(flows[1], "down,mn,cn,2.000000000,1600,1590,10,9.500000,2001:5::100,12.500000,,1590");
    // A comma in a field is quoted (RFC 4180); an undefined delay is empty.
    EXPECT_EQ(flows[2], "up,mn,cn,2.000000000,1600,1600,0,,\"2001:5::100, second\",,,");
    std::filesystem::remove_all(dir);
}

TEST(ResultWriter, SameInputSameBytes)
{
    auto a = TempDir("a");
    auto b = TempDir("b");
    WriteResults(Sample(), a.string());
    WriteResults(Sample(), b.string());
    WriteResults(Sample(), a.string()); // overwriting gives the same files too
    for (const char* f : {"summary.json", "handovers.csv", "signaling.csv", "flows.csv"})
    {
        std::string x = ReadFile(a / f);
        EXPECT_FALSE(x.empty()) << f;
        EXPECT_EQ(x, ReadFile(b / f)) << f;
    }
    std::filesystem::remove_all(a);
    std::filesystem::remove_all(b);
}

TEST(ResultWriter, UnusableDirectoryIsAClearError)
{
    auto dir = TempDir("file");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "plain") << "x";
    std::string target = (dir / "plain" / "sub").string();
    try
    {
        WriteResults(Sample(), target);
        FAIL() << "no error for " << target;
    }
    catch (const std::runtime_error& e)
    {
        EXPECT_NE(std::string(e.what()).find("cannot create output directory"), std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find(target), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(dir);
}
