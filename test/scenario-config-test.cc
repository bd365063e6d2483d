/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Scenario files: the shipped scenario parses; every kind of bad input is refused with a
// message naming the offending JSON path; --set overrides apply before validation.
#include "scenario-errors.h"
#include "test-paths.h"

#include "ns3/scenario-config.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace ns3;
using dmmtest::ErrorOf;
using nlohmann::json;

namespace
{

json
Base()
{
    return json::parse(R"({
      "name": "t", "profile": "pmipv6", "duration_s": 10,
      "l2": {"type": "switch", "switch_time_ms": 50},
      "access": {"delay_ms": 1, "rate_mbps": 100},
      "nodes": [{"name": "lma", "role": "anchor"}, {"name": "mag1", "role": "access"},
                {"name": "mag2", "role": "access", "access_delay_ms": 3},
                {"name": "cn", "role": "cn"}, {"name": "mn", "role": "mn"}],
      "links": [{"a": "lma", "b": "mag1", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "lma", "b": "mag2", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "cn", "b": "lma", "delay_ms": 5, "rate_mbps": 1000}],
      "mobility": [{"mn": "mn", "at_s": 1, "attach": "mag1"},
                   {"mn": "mn", "at_s": 5, "attach": "mag2"}],
      "flows": [{"name": "down", "type": "udp", "from": "cn", "to": "mn", "start_s": 2,
                 "stop_s": 9, "interval_ms": 10, "size_bytes": 200},
                {"name": "bulk", "type": "tcp", "from": "mn", "to": "cn", "start_s": 2,
                 "stop_s": 9}]
    })");
}

/// A file in a fresh temporary folder, removed at the end of the test.
class TempFile
{
  public:
    explicit TempFile(const std::string& content, const std::string& name = "scenario.json")
    {
        m_dir = std::filesystem::temp_directory_path() /
                ("dmm-scenario-test-" + std::to_string(getpid()) + "-" + std::to_string(s_n++));
        std::filesystem::create_directories(m_dir);
        m_path = (m_dir / name).string();
        std::ofstream(m_path) << content;
    }

    ~TempFile()
    {
        std::filesystem::remove_all(m_dir);
    }

    const std::string& Path() const
    {
        return m_path;
    }

  private:
    static inline int s_n = 0;
    std::filesystem::path m_dir;
    std::string m_path;
};

std::string
LoadError(const std::string& path, const std::vector<std::string>& sets)
{
    try
    {
        LoadScenario(path, sets, std::nullopt, std::nullopt);
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return "<no error>";
}

} // namespace

TEST(ScenarioConfig, ShippedScenarioParses)
{
    ScenarioConfig c =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                     {},
                     std::nullopt,
                     std::nullopt);
    EXPECT_EQ(c.name, "pmipv6-hierarchical");
    EXPECT_EQ(c.profile, "pmipv6");
    EXPECT_EQ(c.seed, 1u);
    EXPECT_DOUBLE_EQ(c.durationS, 20.0);
    EXPECT_EQ(c.l2.type, "switch");
    EXPECT_DOUBLE_EQ(c.l2.switchTimeMs, 50.0);
    EXPECT_EQ(c.NodesWithRole("access").size(), 3u);
    EXPECT_EQ(c.NodesWithRole("anchor").size(), 1u);
    EXPECT_EQ(c.NodesWithRole("mn").size(), 1u);
    ASSERT_EQ(c.AttachmentsOf("mn").size(), 3u);
    EXPECT_EQ(c.AttachmentsOf("mn")[2]->attach, "mag3");
    EXPECT_DOUBLE_EQ(c.AttachmentsOf("mn")[2]->atS, 11.0);
    ASSERT_EQ(c.flows.size(), 2u);
    EXPECT_EQ(c.flows[1].from, "mn");
    EXPECT_DOUBLE_EQ(c.flows[1].intervalMs, 10.0);
    EXPECT_EQ(c.flows[1].sizeBytes, 200u);
    for (const auto& l : c.links)
    {
        EXPECT_GT(l.delayMs, 0.0) << l.a << "-" << l.b;
    }
    EXPECT_EQ(c.raw.at("name"), "pmipv6-hierarchical");
}

TEST(ScenarioConfig, DefaultsAndAccessors)
{
    ScenarioConfig c = ParseScenario(Base());
    EXPECT_EQ(c.seed, 1u);
    EXPECT_DOUBLE_EQ(c.protocol.bindingLifetimeS, 300.0);
    EXPECT_DOUBLE_EQ(c.protocol.refreshRatio, 0.8);
    EXPECT_DOUBLE_EQ(c.protocol.minDelayBeforeBceDeleteMs, 10000.0);
    EXPECT_TRUE(c.protocol.deregisterOnDetach);
    EXPECT_TRUE(c.protocol.useTimestamps);
    EXPECT_DOUBLE_EQ(c.accessProcessingMs, 0.0);
    EXPECT_DOUBLE_EQ(c.AccessDelayMsAt("mag1"), 1.0);
    EXPECT_DOUBLE_EQ(c.AccessDelayMsAt("mag2"), 3.0);
    EXPECT_DOUBLE_EQ(c.AccessRateMbpsAt("mag2"), 100.0);
    EXPECT_EQ(c.FindNode("nope"), nullptr);
    ASSERT_NE(c.FindNode("cn"), nullptr);
    EXPECT_EQ(c.FindNode("cn")->role, "cn");
    EXPECT_EQ(c.flows[1].type, "tcp");
    EXPECT_EQ(c.flows[1].maxBytes, 0u);

    json wifi = Base();
    wifi["l2"] = {{"type", "wifi"}};
    c = ParseScenario(wifi);
    EXPECT_DOUBLE_EQ(c.l2.beaconIntervalMs, 51.2);
    EXPECT_EQ(c.l2.maxMissedBeacons, 3u);
    EXPECT_DOUBLE_EQ(c.l2.apDistanceM, 200.0);
    EXPECT_EQ(c.l2.standard, "80211g");
}

TEST(ScenarioConfig, UnknownKeys)
{
    json j = Base();
    j["colour"] = "blue";
    EXPECT_ERROR(j, "colour: unknown key");
    j = Base();
    j["l2"]["switch_ms"] = 5;
    EXPECT_ERROR(j, "l2.switch_ms: unknown key");
    j = Base();
    j["links"][1]["latency"] = 5;
    EXPECT_ERROR(j, "links[1].latency: unknown key");
    j = Base();
    j["l2"]["beacon_interval_ms"] = 100; // a wifi key with the switch model
    EXPECT_ERROR(j, "l2.beacon_interval_ms: not allowed");
    j = Base();
    j["flows"][1]["interval_ms"] = 10; // a udp key in a tcp flow
    EXPECT_ERROR(j, "flows[1].interval_ms: not allowed");
    j = Base();
    j["nodes"][0]["access_delay_ms"] = 1; // on an anchor
    EXPECT_ERROR(j, "nodes[0].access_delay_ms");
}

TEST(ScenarioConfig, WrongTypesAndMissingKeys)
{
    json j = Base();
    j["links"][0]["delay_ms"] = "5";
    EXPECT_ERROR(j, "links[0].delay_ms: expected a number");
    j = Base();
    j["seed"] = 1.5;
    EXPECT_ERROR(j, "seed: expected a non-negative integer");
    j = Base();
    j["protocol"] = {{"use_timestamps", "yes"}};
    EXPECT_ERROR(j, "protocol.use_timestamps: expected true or false");
    j = Base();
    j["nodes"] = json::object();
    EXPECT_ERROR(j, "nodes: expected an array");
    j = Base();
    j.erase("duration_s");
    EXPECT_ERROR(j, "duration_s: required key missing");
    j = Base();
    j["mobility"][0].erase("attach");
    EXPECT_ERROR(j, "mobility[0].attach: required key missing");
    EXPECT_ERROR(json::array(), "expected an object");
}

TEST(ScenarioConfig, DanglingNodeNames)
{
    json j = Base();
    j["links"][1]["b"] = "nowhere";
    EXPECT_ERROR(j, "links[1].b: unknown node \"nowhere\"");
    j = Base();
    j["mobility"][1]["attach"] = "mag9";
    EXPECT_ERROR(j, "mobility[1].attach: unknown node \"mag9\"");
    j = Base();
    j["mobility"][0]["mn"] = "mn7";
    EXPECT_ERROR(j, "mobility[0].mn: unknown node \"mn7\"");
    j = Base();
    j["flows"][0]["to"] = "ghost";
    EXPECT_ERROR(j, "flows[0].to: unknown node \"ghost\"");
}

TEST(ScenarioConfig, BadValues)
{
    json j = Base();
    j["links"][0]["delay_ms"] = -1;
    EXPECT_EQ(ErrorOf(j), "links[0].delay_ms: must be >= 0 (got -1)");
    j = Base();
    j["links"][2]["rate_mbps"] = 0;
    EXPECT_ERROR(j, "links[2].rate_mbps: must be > 0");
    j = Base();
    j["duration_s"] = 0;
    EXPECT_ERROR(j, "duration_s: must be > 0");
    j = Base();
    j["profile"] = "mip9";
    EXPECT_ERROR(j, "profile: unknown profile \"mip9\"");
    j = Base();
    j["nodes"][1]["role"] = "mag";
    EXPECT_ERROR(j, "nodes[1].role: unknown role \"mag\"");
    j = Base();
    j["nodes"][2]["name"] = "mag1";
    EXPECT_ERROR(j, "nodes[2].name: duplicate node name \"mag1\"");
    j = Base();
    j["nodes"][2]["name"] = "mag 2";
    EXPECT_ERROR(j, "nodes[2].name: invalid name");
    j = Base();
    j["seed"] = 0;
    EXPECT_ERROR(j, "seed: must be >= 1");
    j = Base();
    j["protocol"] = {{"refresh_ratio", 1.5}};
    EXPECT_ERROR(j, "protocol.refresh_ratio");
    j = Base();
    j["l2"]["type"] = "lte";
    EXPECT_ERROR(j, "l2.type: unknown type \"lte\"");
    for (const json& bad : {json(0), json(2.5), json(17), json("2")})
    {
        j = Base();
        j["protocol"] = {{"prefixes_per_node", bad}};
        EXPECT_ERROR(j, "protocol.prefixes_per_node");
    }
}

TEST(ScenarioConfig, TopologyErrors)
{
    json j = Base();
    j["links"][1]["b"] = "lma";
    EXPECT_ERROR(j, "links[1].b: self-link");
    j = Base();
    j["links"][1] = {{"a", "mag1"}, {"b", "lma"}, {"delay_ms", 1}, {"rate_mbps", 1}};
    EXPECT_ERROR(j, "links[1]: duplicate link");
    j = Base();
    j["links"][1]["b"] = "mn";
    EXPECT_ERROR(j, "links[1].b: node \"mn\" is an mn");
    j = Base();
    j["links"].erase(1); // mag2 hangs in the air
    EXPECT_ERROR(j, "links: node \"mag2\" (access) is not connected");
    j = Base();
    j["links"].erase(2); // so does the cn
    EXPECT_ERROR(j, "node \"cn\" (cn) is not connected");
}

TEST(ScenarioConfig, MobilityErrors)
{
    json j = Base();
    j["mobility"][1]["at_s"] = 1;
    EXPECT_ERROR(j, "mobility[1].at_s: times of mn \"mn\" must strictly increase");
    j = Base();
    j["mobility"][1]["at_s"] = 0.5;
    EXPECT_ERROR(j, "mobility[1].at_s: times of mn \"mn\" must strictly increase");
    j = Base();
    j["mobility"][1]["at_s"] = 10;
    EXPECT_ERROR(j, "mobility[1].at_s: must be < duration_s");
    j = Base();
    j["mobility"][1]["attach"] = "cn";
    EXPECT_ERROR(j,
                 "mobility[1].attach: node \"cn\" is neither an access node nor an anchor's "
                 "home link");
    j = Base();
    j["mobility"][1]["attach"] = "mag1";
    EXPECT_ERROR(j, "mobility[1].attach: mn \"mn\" is already attached");
    j = Base();
    j["mobility"][0]["mn"] = "cn";
    EXPECT_ERROR(j, "mobility[0].mn: node \"cn\" is not an mn");
    j = Base();
    j["mobility"] = json::array();
    EXPECT_ERROR(j, "mobility: mn \"mn\" has no attachment");
}

TEST(ScenarioConfig, FlowErrors)
{
    json j = Base();
    j["flows"][0]["from"] = "lma";
    EXPECT_ERROR(j, "flows[0].from: a flow runs between an mn and a cn or another mn");
    j = Base();
    j["flows"][0]["from"] = "mn";
    EXPECT_ERROR(j, "flows[0].to: a flow runs between an mn and a cn or another mn");
    j = Base();
    j["flows"][1]["name"] = "down";
    EXPECT_ERROR(j, "flows[1].name: duplicate flow name");
    j = Base();
    j["flows"][0]["stop_s"] = 2;
    EXPECT_ERROR(j, "flows[0].stop_s: must be > start_s");
    j = Base();
    j["flows"][0]["stop_s"] = 11;
    EXPECT_ERROR(j, "flows[0].stop_s: must be <= duration_s");
    j = Base();
    // Every packet starts with ns-3's 20-byte SeqTsSizeHeader; OnOffApplication aborts the
    // run on anything shorter, so 19 must be refused and 20 accepted.
    j["flows"][0]["size_bytes"] = 19;
    EXPECT_ERROR(j, "flows[0].size_bytes: must be >= 20");
    j["flows"][0]["size_bytes"] = 20;
    EXPECT_EQ(ErrorOf(j), "<no error>");
    // A tcp flow's last 512-byte write must hold the header too.
    j = Base();
    j["flows"][1]["max_bytes"] = 512 + 19;
    EXPECT_ERROR(j, "flows[1].max_bytes: the flow writes 512 bytes at a time");
    j["flows"][1]["max_bytes"] = 5;
    EXPECT_ERROR(j, "the last write of 5 bytes cannot hold it");
    for (int ok : {0, 20, 512, 1024 + 20})
    {
        j["flows"][1]["max_bytes"] = ok;
        EXPECT_EQ(ErrorOf(j), "<no error>") << ok;
    }
    j = Base();
    j["flows"][0]["type"] = "sctp";
    EXPECT_ERROR(j, "flows[0].type: unknown type");
}

TEST(ScenarioConfig, SecurityErrors)
{
    json j = Base();
    EXPECT_TRUE(ParseScenario(j).security.enabled) << "on by default";
    ASSERT_EQ(ParseScenario(j).security.domains.size(), 1u);
    EXPECT_EQ(ParseScenario(j).security.domains[0].nodes.size(), j["nodes"].size());
    std::string key(32, '0');
    j["security"] = {{"domains", {{{"name", "d"}, {"key", "00zz"}, {"nodes", {"lma"}}}}}};
    EXPECT_ERROR(j, "security.domains[0].key: expected 32 hexadecimal digits");
    j["security"] = {{"domains", {{{"name", "d"}, {"key", key}, {"nodes", {"lma", "x"}}}}}};
    EXPECT_ERROR(j, "security.domains[0].nodes[1]: unknown node \"x\"");
    j["security"] = {{"domains",
                      {{{"name", "d"}, {"key", key}, {"nodes", {"lma"}}},
                       {{"name", "e"}, {"key", key}, {"nodes", {"lma"}}}}}};
    EXPECT_ERROR(j, "security.domains[1].nodes[0]: node \"lma\" is already in domain \"d\"");
    j["security"] = {{"domains", {{{"name", "d"}, {"key", key}, {"nodes", {"lma"}}}}}};
    EXPECT_ERROR(j, "security.domains: node \"mag1\" is in no domain");
    j["security"] = {{"pair_keys", {{{"a", "lma"}, {"b", "lma"}, {"key", key}}}}};
    EXPECT_ERROR(j, "security.pair_keys[0].b: a pair key joins two different nodes");
    j["security"] = {{"close_enough_s", 0}};
    EXPECT_ERROR(j, "security.close_enough_s: must be > 0");
    j["security"] = {{"enable", true}};
    EXPECT_ERROR(j, "security.enable");
}

TEST(ScenarioConfig, AttackErrors)
{
    json j = Base();
    j["nodes"].push_back({{"name", "eve"}, {"role", "attacker"}});
    j["links"].push_back({{"a", "eve"}, {"b", "lma"}, {"delay_ms", 1}, {"rate_mbps", 100}});
    EXPECT_ERROR(j, "attacks: attacker \"eve\" has no attack");
    json a = {{"by", "eve"}, {"type", "forge"}, {"message", "PBU"}, {"from", "mag1"}, {"at_s", 5}};
    j["attacks"] = json::array({a}); // not {a}: clang reads that as a copy of a
    EXPECT_EQ(ErrorOf(j), "<no error>");
    EXPECT_TRUE(ParseScenario(j).security.domains[0].nodes.size() == j["nodes"].size() - 1)
        << "an attacker holds no key";
    j["attacks"][0]["type"] = "jam";
    EXPECT_ERROR(j, "attacks[0].type: unknown type \"jam\" (known: flood, forge, replay)");
    j["attacks"][0] = a;
    j["attacks"][0]["by"] = "lma";
    EXPECT_ERROR(j, "attacks[0].by: \"lma\" is not a node with role attacker");
    j["attacks"][0] = a;
    j["attacks"][0]["from"] = "eve";
    EXPECT_ERROR(j, "attacks[0].from: \"eve\" is not a node whose signalling can be overheard");
    j["attacks"][0] = a;
    j["attacks"][0]["count"] = 5;
    EXPECT_ERROR(j, "attacks[0].count: only a flood sends more than one message");
    j["attacks"][0] = a;
    j["attacks"][0]["type"] = "replay";
    j["attacks"][0]["keep_authentication"] = true;
    EXPECT_ERROR(j, "attacks[0].keep_authentication: a replay always sends the message as");
    j["attacks"][0] = a;
    j["attacks"][0]["at_s"] = 10;
    EXPECT_ERROR(j, "attacks[0].at_s: must be < duration_s");
}

TEST(ScenarioConfig, FileErrors)
{
    std::string missing = "/nonexistent/dmm/scenario.json";
    EXPECT_NE(LoadError(missing, {}).find(missing + ": cannot read"), std::string::npos);

    TempFile bad("{\n  \"name\": \"t\",\n  \"profile\" \"pmipv6\"\n}\n", "broken.json");
    std::string msg = LoadError(bad.Path(), {});
    EXPECT_NE(msg.find("broken.json:3:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("JSON syntax error"), std::string::npos) << msg;

    TempFile dup(R"({"name": "t", "l2": {"type": "switch", "type": "wifi"}})", "dup.json");
    msg = LoadError(dup.Path(), {});
    EXPECT_NE(msg.find("dup.json: l2.type: duplicate key"), std::string::npos) << msg;
}

TEST(ScenarioConfig, OverridesApply)
{
    TempFile f(Base().dump(2));
    ScenarioConfig c = LoadScenario(f.Path(),
                                    {"l2.switch_time_ms=80",
                                     "links.0.delay_ms=5",
                                     "flows.0.interval_ms=20",
                                     "processing.anchor_ms=2.5",
                                     "protocol.use_timestamps=false",
                                     "name=renamed"},
                                    std::string("pmipv6"),
                                    7u);
    EXPECT_DOUBLE_EQ(c.l2.switchTimeMs, 80.0);
    EXPECT_DOUBLE_EQ(c.links[0].delayMs, 5.0);
    EXPECT_DOUBLE_EQ(c.links[1].delayMs, 2.0);
    EXPECT_DOUBLE_EQ(c.flows[0].intervalMs, 20.0);
    EXPECT_DOUBLE_EQ(c.anchorProcessingMs, 2.5);
    EXPECT_FALSE(c.protocol.useTimestamps);
    EXPECT_EQ(c.name, "renamed");
    EXPECT_EQ(c.profile, "pmipv6");
    EXPECT_EQ(c.seed, 7u);
    EXPECT_EQ(c.raw.at("l2").at("switch_time_ms"), 80);
    // The user asked for a key the profile does not read: an error, not a silent no-op.
    std::string msg = LoadError(f.Path(), {"profile=none", "protocol.use_timestamps=false"});
    EXPECT_EQ(msg.find("--set protocol.use_timestamps: profile \"none\" does not read"), 0u) << msg;
}

TEST(ScenarioConfig, OverrideErrors)
{
    TempFile f(Base().dump(2));
    std::string msg = LoadError(f.Path(), {"l2.switch_tme_ms=80"});
    EXPECT_NE(msg.find("--set l2.switch_tme_ms: l2.switch_tme_ms does not exist"),
              std::string::npos)
        << msg;
    msg = LoadError(f.Path(), {"links.9.delay_ms=1"});
    EXPECT_NE(msg.find("links.9 does not exist (links has 3 entries)"), std::string::npos) << msg;
    msg = LoadError(f.Path(), {"links.x.delay_ms=1"});
    EXPECT_NE(msg.find("links is an array"), std::string::npos) << msg;
    msg = LoadError(f.Path(), {"name.first=1"});
    EXPECT_NE(msg.find("name.first does not exist"), std::string::npos) << msg;
    msg = LoadError(f.Path(), {"switch_time_ms"});
    EXPECT_NE(msg.find("expected KEY=VALUE"), std::string::npos) << msg;
    // Valid path, invalid value: the validation error names the JSON path.
    msg = LoadError(f.Path(), {"links.0.delay_ms=-5"});
    EXPECT_EQ(msg, "links[0].delay_ms: must be >= 0 (got -5)");
    msg = LoadError(f.Path(), {"links.0.delay_ms=fast"});
    EXPECT_NE(msg.find("links[0].delay_ms: expected a number (got string \"fast\")"),
              std::string::npos)
        << msg;
}
