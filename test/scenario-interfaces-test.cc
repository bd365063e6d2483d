/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Mobile nodes with several interfaces in scenario files: "nodes[].interfaces",
// "mobility[].interface" (default the first), "flow_moves"; errors name the key; a run
// attaches each interface on its own and a moved flow leaves on its new interface.
#include "scenario-errors.h"

#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <gtest/gtest.h>

using namespace ns3;
using dmmtest::ErrorOf;
using nlohmann::json;

namespace
{

/// pmipv6, mn with interfaces if1 (on mag1) and if2 (on mag2 from 1.5 s); two flows.
json
Base()
{
    return json::parse(R"({
      "name": "t", "profile": "pmipv6", "duration_s": 8,
      "l2": {"type": "switch", "switch_time_ms": 50},
      "access": {"delay_ms": 1, "rate_mbps": 100},
      "nodes": [{"name": "lma", "role": "anchor"}, {"name": "mag1", "role": "access"},
                {"name": "mag2", "role": "access"}, {"name": "cn", "role": "cn"},
                {"name": "mn", "role": "mn", "interfaces": ["if1", "if2"]}],
      "links": [{"a": "lma", "b": "mag1", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "lma", "b": "mag2", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "cn", "b": "lma", "delay_ms": 5, "rate_mbps": 1000}],
      "mobility": [{"mn": "mn", "at_s": 1, "attach": "mag1"},
                   {"mn": "mn", "at_s": 1.5, "attach": "mag2", "interface": "if2"}],
      "flows": [{"name": "down", "type": "udp", "from": "cn", "to": "mn", "start_s": 2,
                 "stop_s": 7, "interval_ms": 10, "size_bytes": 200},
                {"name": "up", "type": "udp", "from": "mn", "to": "cn", "start_s": 2,
                 "stop_s": 7, "interval_ms": 10, "size_bytes": 200}],
      "flow_moves": [{"flow": "up", "interface": "if2", "at_s": 4}]
    })");
}

} // namespace

TEST(ScenarioInterfaces, Parses)
{
    ScenarioConfig c = ParseScenario(Base());
    EXPECT_EQ(c.FindNode("mn")->interfaces, (std::vector<std::string>{"if1", "if2"}));
    ASSERT_EQ(c.mobility.size(), 2u);
    EXPECT_EQ(c.mobility[0].interface, "if1"); // the default: the first interface
    EXPECT_EQ(c.mobility[1].interface, "if2");
    ASSERT_EQ(c.flowMoves.size(), 1u);
    EXPECT_EQ(c.flowMoves[0].flow, "up");
    EXPECT_EQ(c.flowMoves[0].interface, "if2");
    EXPECT_DOUBLE_EQ(c.flowMoves[0].atS, 4);
    // Each interface has its own attachment history: if1 may move after if2 attached.
    json j = Base();
    j["mobility"].push_back({{"mn", "mn"}, {"at_s", 3}, {"attach", "mag2"}});
    EXPECT_EQ(ParseScenario(j).mobility.size(), 3u);
}

TEST(ScenarioInterfaces, InterfaceErrorsNameTheKey)
{
    json j = Base();
    j["nodes"][1]["interfaces"] = {"a", "b"};
    EXPECT_ERROR(j, "nodes[1].interfaces: only allowed for role mn");
    j = Base();
    j["nodes"][4]["interfaces"] = json::array();
    EXPECT_ERROR(j, "nodes[4].interfaces: must not be empty");
    j = Base();
    j["nodes"][4]["interfaces"] = {"if1", "if1"};
    EXPECT_ERROR(j, "nodes[4].interfaces[1]: duplicate interface \"if1\"");
    j = Base();
    j["nodes"][4]["interfaces"] = {"if 1"};
    EXPECT_ERROR(j, "nodes[4].interfaces[0]: expected an interface name");
    j = Base();
    j["l2"] = {{"type", "wifi"}};
    EXPECT_ERROR(j, "nodes[4].interfaces: several interfaces need l2.type \"switch\"");
}

TEST(ScenarioInterfaces, AttachmentErrorsNameTheKey)
{
    json j = Base();
    j["mobility"][1]["interface"] = "if3";
    EXPECT_ERROR(j, "mobility[1].interface: mn \"mn\" has no interface \"if3\"");
    j = Base();
    j["mobility"][1]["attach"] = "mag1";
    j["mobility"][1].erase("interface");
    EXPECT_ERROR(j, "mobility[1].attach: interface \"if1\" of mn \"mn\" is already attached");
    j = Base();
    j["nodes"][4].erase("interfaces");
    j.erase("flow_moves");
    EXPECT_ERROR(j, "mobility[1].interface: mn \"mn\" has no \"interfaces\"");
}

TEST(ScenarioInterfaces, FlowMoveErrorsNameTheKey)
{
    json j = Base();
    j["flow_moves"][0]["flow"] = "nope";
    EXPECT_ERROR(j, "flow_moves[0].flow: unknown flow \"nope\"");
    j = Base();
    j["flow_moves"][0].erase("interface");
    EXPECT_ERROR(j, "flow_moves[0].interface: required key missing");
    j = Base();
    j["flow_moves"][0]["interface"] = "if9";
    EXPECT_ERROR(j, "flow_moves[0].interface: mn \"mn\" has no interface \"if9\"");
    j = Base();
    j["flow_moves"][0]["at_s"] = 1;
    EXPECT_ERROR(j, "flow_moves[0].at_s: must be after the flow's start_s 2");
    j = Base();
    j["flow_moves"][0]["speed"] = 1;
    EXPECT_ERROR(j, "flow_moves[0].speed");
    j = Base();
    j["nodes"][4]["interfaces"] = {"if1"};
    j["mobility"][1]["interface"] = "if1";
    EXPECT_ERROR(j, "flow_moves[0].flow: flow \"up\" belongs to mn \"mn\", which has fewer");
}

// The flow left on if1 (mag1) is delivered throughout; once "up" is bound to if2, which
// is attached nowhere, its packets leave on if2 and are dropped there.
TEST(ScenarioInterfaces, AMovedFlowLeavesOnItsNewInterface)
{
    for (bool move : {false, true})
    {
        SCOPED_TRACE(move ? "moved" : "not moved");
        json j = Base();
        j["mobility"].erase(1); // if2 never attaches: what is sent on it is dropped there
        if (!move)
        {
            j.erase("flow_moves");
        }
        RunOptions opt;
        opt.progress = false;
        RunResults r = RunScenario(ParseScenario(j), opt);
        ASSERT_EQ(r.flows.size(), 2u);
        for (const auto& f : r.flows)
        {
            SCOPED_TRACE(f.flow);
            // Every 10 ms from one interval after the start: 2.01 s to 6.99 s.
            EXPECT_EQ(f.sent, 499u);
            bool lossy = move && f.flow == "up";
            // Moved at 4 s: the 199 packets sent before (2.01 s to 3.99 s) left on if1.
            EXPECT_EQ(f.received, lossy ? 199u : f.sent);
        }
    }
}

// A node's moves are scheduled one at a time, each when the one before begins: the
// interfaces' attachments, listed each in its own order but not in time order between
// them, are merged by time (if2's at 1.5 s listed first; if1 attaches at 1 s, moves at 3 s).
TEST(ScenarioInterfaces, InterfacesAttachInTimeOrderWhateverTheFileOrder)
{
    json j = Base();
    j["mobility"] = json::parse(R"([
      {"mn": "mn", "at_s": 1.5, "attach": "mag2", "interface": "if2"},
      {"mn": "mn", "at_s": 1, "attach": "mag1"},
      {"mn": "mn", "at_s": 3, "attach": "mag2"}])");
    j.erase("flow_moves");
    RunOptions opt;
    opt.progress = false;
    RunResults r = RunScenario(ParseScenario(j), opt);
    ASSERT_EQ(r.handovers.size(), 1u); // the monitor follows if1
    EXPECT_DOUBLE_EQ(r.handovers[0].l2DownS, 3.0);
    EXPECT_EQ(r.handovers[0].from, "mag1");
    EXPECT_EQ(r.handovers[0].to, "mag2");
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 9 / 10) << f.flow;
    }
}
