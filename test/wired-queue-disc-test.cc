/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The wired links' queue disc (scenario key "queue_disc") and the drops it makes: a
// congested core link drops in ns-3's default FqCoDel, in pfifo_fast, or (with no queue
// disc) in the device's own queue, and every drop is named, none "unaccounted".
// Also the flows' ports: a node cannot start more flows than it has ephemeral ports, and
// two flows cannot share a sink port at one node.
#include "closed-form.h"
#include "scenario-errors.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/traffic-control-module.h"

#include <gtest/gtest.h>

namespace ns3
{
namespace test
{

namespace
{

using nlohmann::json;

/// cn -> lma over 1 Mbit/s, 3.2 Mbit/s of downlink to one mobile node: the cn's side of
/// that link overflows.
json
Congested(const std::string& queueDisc)
{
    json j = json::parse(R"({
      "name": "congested", "profile": "pmipv6", "duration_s": 6,
      "l2": {"type": "switch", "switch_time_ms": 50},
      "access": {"delay_ms": 1, "rate_mbps": 100},
      "nodes": [{"name": "lma", "role": "anchor"}, {"name": "mag1", "role": "access"},
                {"name": "cn", "role": "cn"}, {"name": "mn", "role": "mn"}],
      "links": [{"a": "lma", "b": "mag1", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "cn", "b": "lma", "delay_ms": 5, "rate_mbps": 1}],
      "mobility": [{"mn": "mn", "at_s": 1, "attach": "mag1"}],
      "flows": [{"name": "down", "type": "udp", "from": "cn", "to": "mn", "start_s": 2,
                 "stop_s": 5, "interval_ms": 0.5, "size_bytes": 200}]
    })");
    if (!queueDisc.empty())
    {
        j["queue_disc"] = queueDisc;
    }
    return j;
}

struct Outcome
{
    std::string rootAtCn; //!< type of the root queue disc on the cn's wired device ("" none)
    PacketAccount packets;
};

Outcome
RunCongested(const std::string& queueDisc)
{
    Outcome o;
    Simulator::Schedule(Seconds(1.5), [&o]() {
        Ptr<Node> cn = Names::Find<Node>("cn");
        Ptr<NetDevice> dev = cn->GetDevice(1); // 0 is the loopback
        EXPECT_TRUE(DynamicCast<PointToPointNetDevice>(dev));
        Ptr<QueueDisc> root = cn->GetObject<TrafficControlLayer>()->GetRootQueueDiscOnDevice(dev);
        o.rootAtCn = root ? root->GetInstanceTypeId().GetName() : "";
    });
    o.packets = dmmtest::Simulate(ParseScenario(Congested(queueDisc))).packets;
    return o;
}

uint64_t
DroppedAs(const PacketAccount& a, const std::string& reason)
{
    auto it = a.dropped.find(reason);
    return it == a.dropped.end() ? 0 : it->second;
}

} // namespace

TEST(WiredQueueDisc, DefaultIsNs3sFqCoDelAndItsDropsAreNamed)
{
    Outcome o = RunCongested("");
    EXPECT_EQ(o.rootAtCn, "ns3::FqCoDelQueueDisc");
    // 6,000 packets offered at 3.2 Mbit/s to a 1 Mbit/s link: CoDel drops some at dequeue,
    // the rest waits (FqCoDel holds up to 10,240 packets).
    EXPECT_EQ(o.packets.sent, 5999u);
    EXPECT_GT(DroppedAs(o.packets, "queue_disc_drop"), 100u);
    EXPECT_EQ(DroppedAs(o.packets, "p2p_queue_full"), 0u);
    EXPECT_EQ(o.packets.unaccounted, 0u);
    // The run ends 1 s after the flow stops: the queue disc still holds its backlog.
    EXPECT_GT(o.packets.inFlight.queueDiscs, 3000u);
    EXPECT_EQ(o.packets.sent,
              o.packets.delivered + o.packets.Dropped() + o.packets.inFlight.Total());
}

TEST(WiredQueueDisc, PfifoFastDropsAreNamed)
{
    Outcome o = RunCongested("pfifo_fast");
    EXPECT_EQ(o.rootAtCn, "ns3::PfifoFastQueueDisc");
    EXPECT_GT(DroppedAs(o.packets, "queue_disc_drop"), 3000u);
    EXPECT_GT(o.packets.inFlight.queueDiscs, 100u); // 1,000 packets at most
    EXPECT_EQ(o.packets.unaccounted, 0u);
}

TEST(WiredQueueDisc, NoneLeavesTheDeviceQueue)
{
    Outcome o = RunCongested("none");
    EXPECT_EQ(o.rootAtCn, "");
    EXPECT_GT(DroppedAs(o.packets, "tx_queue_full"), 3000u); // the device queue stopped
    EXPECT_EQ(DroppedAs(o.packets, "queue_disc_drop"), 0u);
    EXPECT_EQ(o.packets.unaccounted, 0u);
    // Nothing waits in front of the device at the end: no queue disc holds packets.
    EXPECT_EQ(o.packets.inFlight.queueDiscs, 0u);
}

TEST(WiredQueueDisc, UnknownValueIsRefused)
{
    json j = Congested("red");
    EXPECT_ERROR(j, "queue_disc");
    EXPECT_ERROR(j, "red");
    j["queue_disc"] = 1;
    EXPECT_ERROR(j, "queue_disc");
}

TEST(FlowPorts, MoreFlowsThanEphemeralPortsAreRefused)
{
    json j = Congested("");
    json flow = j["flows"][0];
    j["flows"] = json::array();
    for (uint32_t i = 0; i <= FlowConfig::kEphemeralPorts; ++i)
    {
        flow["name"] = "f" + std::to_string(i);
        j["flows"].push_back(flow);
    }
    EXPECT_ERROR(j, "flows[16384].from: node \"cn\" starts more than 16384 flows");
    j["flows"].erase(j["flows"].size() - 1);
    EXPECT_EQ(dmmtest::ErrorOf(j), "<no error>");
}

TEST(FlowPorts, SinkPortsWrapAndACollisionIsRefused)
{
    // Flow i listens on 9000 + i mod 56536: flows 0 and 56536 both on 9000. Sources spread
    // over mobile nodes (each below its ephemeral ports), every sink at the cn.
    EXPECT_EQ(FlowConfig::SinkPort(0), 9000);
    EXPECT_EQ(FlowConfig::SinkPort(56535), 65535);
    EXPECT_EQ(FlowConfig::SinkPort(56536), 9000);
    json j = Congested("");
    json flow = j["flows"][0];
    flow["to"] = "cn";
    j["flows"] = json::array();
    const uint32_t n = FlowConfig::kSinkPorts + 1;
    for (uint32_t m = 0; m * FlowConfig::kEphemeralPorts < n; ++m)
    {
        std::string mn = "m" + std::to_string(m);
        j["nodes"].push_back({{"name", mn}, {"role", "mn"}});
        j["mobility"].push_back({{"mn", mn}, {"at_s", 1}, {"attach", "mag1"}});
    }
    for (uint32_t i = 0; i < n; ++i)
    {
        flow["name"] = "f" + std::to_string(i);
        flow["from"] = "m" + std::to_string(i / FlowConfig::kEphemeralPorts);
        j["flows"].push_back(flow);
    }
    EXPECT_ERROR(j, "flows[56536].to: node \"cn\" already receives flows[0] on port 9000");
    j["flows"][n - 1]["to"] = "mn"; // another sink node: no collision
    EXPECT_EQ(dmmtest::ErrorOf(j), "<no error>");
}

} // namespace test
} // namespace ns3
