/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// City scale (issue 14): look-ups by name that follow their vectors, and monitors whose
// per-packet state stays bounded however many packets are lost.
#include "ns3/core-module.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/packet.h"
#include "ns3/path-monitor.h"
#include "ns3/scenario-config.h"
#include "ns3/seq-ts-size-header.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

NodeConfig
MakeNode(const std::string& name, const std::string& role)
{
    NodeConfig n;
    n.name = name;
    n.role = role;
    return n;
}

AttachmentConfig
Attach(const std::string& mn, double at, const std::string& ar)
{
    AttachmentConfig a;
    a.mn = mn;
    a.atS = at;
    a.attach = ar;
    return a;
}

TEST(NameIndex, FindNodeFollowsNodesAddedRenamedAndCopied)
{
    ScenarioConfig c;
    c.nodes = {MakeNode("ar1", "access"), MakeNode("mn1", "mn")};
    ASSERT_NE(c.FindNode("mn1"), nullptr);
    EXPECT_EQ(c.FindNode("mn1")->role, "mn");
    EXPECT_EQ(c.FindNode("mn2"), nullptr);
    c.nodes.push_back(MakeNode("mn2", "mn")); // after the index was built
    ASSERT_NE(c.FindNode("mn2"), nullptr);
    EXPECT_EQ(c.FindNode("mn2"), &c.nodes[2]);
    c.nodes[0].name = "ar9"; // rewritten in place: same vector, same size
    EXPECT_EQ(c.FindNode("ar1"), nullptr);
    ASSERT_NE(c.FindNode("ar9"), nullptr);
    ScenarioConfig copy = c;
    EXPECT_EQ(copy.FindNode("ar9"), &copy.nodes[0]); // the copy's node, not the original's
}

TEST(NameIndex, AttachmentsOfKeepFileOrderAndFollowAdditions)
{
    ScenarioConfig c;
    c.mobility = {Attach("mn1", 0.5, "ar1"), Attach("mn2", 0.6, "ar1"), Attach("mn1", 4, "ar2")};
    auto mine = c.AttachmentsOf("mn1");
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0]->attach, "ar1");
    EXPECT_EQ(mine[1]->attach, "ar2");
    c.mobility.push_back(Attach("mn1", 8, "ar3"));
    EXPECT_EQ(c.AttachmentsOf("mn1").size(), 3u);
    EXPECT_TRUE(c.AttachmentsOf("mn3").empty());
}

/// Sends \p n packets of flow 0, one per second from t = 1 s; receives those \p kept says.
class PathMonitorBounds : public ::testing::Test
{
  protected:
    void TearDown() override
    {
        Simulator::Destroy();
    }

    void Run(uint32_t n, std::function<bool(uint32_t)> kept)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<Packet> p = Create<Packet>(100);
            Simulator::Schedule(Seconds(1 + i), [this, p]() {
                Inet6SocketAddress any(Ipv6Address::GetAny(), 9);
                monitor->PacketSent(0, p, any, any, SeqTsSizeHeader());
            });
            if (kept(i))
            {
                Simulator::Schedule(Seconds(1.5 + i), [this, p]() {
                    monitor->PacketReceived(0, p, Inet6SocketAddress(Ipv6Address::GetAny(), 9));
                });
            }
        }
        Simulator::Run();
    }

    Ptr<PathMonitor> monitor =
        CreateObjectWithAttributes<PathMonitor>("MaxTransit", TimeValue(Seconds(10)));
};

TEST_F(PathMonitorBounds, LostPacketsAreForgottenAfterMaxTransit)
{
    Run(100, [](uint32_t) { return false; });
    // The last send (t = 100 s) forgets every packet sent before t = 90 s.
    EXPECT_EQ(monitor->GetFollowed(), 11u);
    EXPECT_EQ(monitor->GetExpired(), 89u);
}

TEST_F(PathMonitorBounds, ReceivedPacketsAreNeitherFollowedNorExpired)
{
    Run(100, [](uint32_t i) { return i % 2 == 0; });
    EXPECT_EQ(monitor->GetFollowed(), 6u); // the odd ones among the last 11
    EXPECT_EQ(monitor->GetExpired(), 44u);
}

} // namespace
