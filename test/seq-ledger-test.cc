/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// City scale (issue 14): HandoverMonitor keeps per sequence number only what a delivery
// does not make useless (SeqLedger), so a flow's memory follows its losses, not its packets.
#include "ns3/core-module.h"
#include "ns3/handover-monitor.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/packet.h"
#include "ns3/seq-ledger.h"
#include "ns3/seq-ts-size-header.h"

#include <gtest/gtest.h>
#include <limits>

using namespace ns3;

namespace
{

TEST(SeqRuns, ConsecutiveNumbersShareOneRunAndGapsMergeWhenFilled)
{
    SeqRuns runs;
    for (uint32_t s = 0; s < 1000; ++s)
    {
        ASSERT_TRUE(runs.Insert(s));
    }
    EXPECT_EQ(runs.GetRuns(), 1u);
    EXPECT_FALSE(runs.Insert(500)); // a duplicate
    EXPECT_TRUE(runs.Insert(1002));
    EXPECT_TRUE(runs.Insert(1004));
    EXPECT_EQ(runs.GetRuns(), 3u);
    EXPECT_FALSE(runs.Contains(1001));
    EXPECT_TRUE(runs.Insert(1003)); // joins the two runs after it and before it
    EXPECT_EQ(runs.GetRuns(), 2u);
    EXPECT_TRUE(runs.Insert(1001)); // joins the run after it only: 1000 is missing
    EXPECT_EQ(runs.GetRuns(), 2u);
    EXPECT_TRUE(runs.Insert(1000));
    EXPECT_EQ(runs.GetRuns(), 1u);
    EXPECT_TRUE(runs.Contains(0));
    EXPECT_TRUE(runs.Contains(1004));
    EXPECT_FALSE(runs.Contains(1005));
}

TEST(SeqRuns, OutOfOrderAndExtremeNumbers)
{
    SeqRuns runs;
    const uint32_t max = std::numeric_limits<uint32_t>::max();
    EXPECT_TRUE(runs.Insert(max));
    EXPECT_TRUE(runs.Insert(7));
    EXPECT_TRUE(runs.Insert(5));
    EXPECT_TRUE(runs.Insert(6));
    EXPECT_TRUE(runs.Insert(max - 1));
    EXPECT_FALSE(runs.Insert(max));
    EXPECT_EQ(runs.GetRuns(), 2u);
    EXPECT_TRUE(runs.Contains(6));
    EXPECT_FALSE(runs.Contains(4));
    EXPECT_FALSE(runs.Contains(8));
}

TEST(SeqLedger, KeepsTheLatestSendTimeOfPacketsNotDelivered)
{
    SeqLedger ledger;
    for (uint32_t s = 0; s < 10; ++s)
    {
        EXPECT_TRUE(ledger.Sent(s, s));
    }
    EXPECT_FALSE(ledger.Sent(3, 20)); // sent again: the latest send counts
    for (uint32_t s : {0, 1, 2, 4, 6, 7, 8})
    {
        EXPECT_TRUE(ledger.Received(s));
    }
    EXPECT_FALSE(ledger.Received(4));
    EXPECT_TRUE(ledger.Received(42)); // never sent: delivered, not lost
    EXPECT_FALSE(ledger.Sent(4, 30)); // sent again after its delivery: not lost either
    std::vector<SeqLedger::Unreceived> expected{{3, 20.0}, {5, 5.0}, {9, 9.0}};
    EXPECT_EQ(ledger.GetUnreceived(), expected);
    EXPECT_TRUE(ledger.Sent(2000, 40)); // out of order
    EXPECT_TRUE(ledger.Sent(1000, 41));
    ASSERT_EQ(ledger.GetUnreceived().size(), 5u);
    EXPECT_EQ(ledger.GetUnreceived()[3], SeqLedger::Unreceived(1000, 41.0));
}

/// One flow between two unwatched nodes: \p n packets 10 ms apart, sequence numbers
/// \p stride apart (a fluid flow's probes skip the numbers it only counts); those
/// \p kept says are delivered 5 ms after their send.
class HandoverMonitorState : public ::testing::Test
{
  protected:
    void TearDown() override
    {
        Simulator::Destroy();
    }

    void Run(uint32_t n, uint32_t stride, std::function<bool(uint32_t)> kept)
    {
        uint32_t flow = monitor->AddFlow("f", "mn", "cn", true, 0);
        for (uint32_t i = 0; i < n; ++i)
        {
            SeqTsSizeHeader header;
            header.SetSeq(i * stride);
            Simulator::Schedule(MilliSeconds(10 * i), [this, flow, header]() {
                Inet6SocketAddress any(Ipv6Address::GetAny(), 9);
                monitor->PacketSent(flow, Create<Packet>(10), any, any, header);
            });
            if (kept(i))
            {
                Simulator::Schedule(MilliSeconds(10 * i + 5), [this, flow, header]() {
                    Inet6SocketAddress any(Ipv6Address::GetAny(), 9);
                    monitor->PacketReceived(flow, Create<Packet>(10), any, any, header);
                });
            }
        }
        Simulator::Run();
    }

    Ptr<HandoverMonitor> monitor = CreateObject<HandoverMonitor>();
};

TEST_F(HandoverMonitorState, DeliveredPacketsLeaveNoState)
{
    Run(100000, 1, [](uint32_t) { return true; });
    EXPECT_EQ(monitor->GetFlows()[0].received, 100000u);
    EXPECT_EQ(monitor->GetSequenceState(), 2u); // one run sent, one delivered
}

TEST_F(HandoverMonitorState, StateFollowsLossesNotPackets)
{
    Run(100000, 1, [](uint32_t i) { return i % 10000 != 0; });
    FlowRecord f = monitor->GetFlows()[0];
    EXPECT_EQ(f.sent, 100000u);
    EXPECT_EQ(f.lost, 10u);
    // 10 packets not delivered, 1 run sent, 10 runs delivered (the first packet was lost).
    EXPECT_EQ(monitor->GetSequenceState(), 21u);
}

TEST_F(HandoverMonitorState, SkippedNumbersCostNothing)
{
    Run(1000, 1000, [](uint32_t) { return true; });
    EXPECT_EQ(monitor->GetFlows()[0].sent, 1000u);
    EXPECT_EQ(monitor->GetSequenceState(), 2000u); // a run per probe, not a slot per number
}

} // namespace
