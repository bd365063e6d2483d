/*
 * dmm: IP mobility management for ns-3.
 *
 * Unit tests of the access link (AccessChannel + AccessNetDevice): exact timing, full
 * duplex without a busy period, serialisation and queue overflow, addressing (also of a
 * unicast frame nobody on the channel takes) and malformed Neighbor Discovery.
 * Attach/detach and the traces are in access-link-attach-test.cc.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "access-link-fixture.h"

#include "ns3/ipv6-address.h"
#include "ns3/nd-options.h"

#include <vector>

using namespace ns3;
using namespace access_link_test;

namespace
{

// --- 1. Timing ---

struct TimingCase
{
    const char* rate;
    uint64_t bps;
    Time delay;
    uint32_t bytes;
};

class AccessLinkTiming : public AccessLinkTest, public ::testing::WithParamInterface<TimingCase>
{
};

TEST_P(AccessLinkTiming, ArrivalIsSendTimePlusSerialisationPlusDelay)
{
    const TimingCase& c = GetParam();
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel(c.rate, c.delay), {&a, &b});

    const Time sent = Seconds(1);
    a.SendAt(sent, c.bytes, b.Address());
    Simulator::Run();

    ASSERT_EQ(a.sendResults, std::vector<bool>{true});
    ASSERT_EQ(b.rx.size(), 1u);
    EXPECT_EQ(b.rx[0].at, sent + TxTime(c.bytes, c.bps) + c.delay);
    EXPECT_EQ(b.rx[0].size, c.bytes);
    EXPECT_EQ(b.rx[0].protocol, kIpv6);
    EXPECT_EQ(b.rx[0].from, a.Address());
    EXPECT_EQ(a.dev->GetStats().txFrames, 1u);
    EXPECT_EQ(b.dev->GetStats().rxFrames, 1u);
}

INSTANTIATE_TEST_SUITE_P(AccessLink,
                         AccessLinkTiming,
                         ::testing::Values(
                             // 1014 bytes at 100 Mbit/s: 81.12 us
                             TimingCase{"100Mbps", 100000000, MilliSeconds(1), 1000},
                             // 200 bytes at 8 Mbit/s: 200 us
                             TimingCase{"8Mbps", 8000000, MicroSeconds(2500), 186}));

// --- 2. Full duplex, no busy period ---

TEST_F(AccessLinkTest, FullDuplexCarriesFiveThousandFramesPerSecondEachWayOnOneMsLink)
{
    const Time delay = MilliSeconds(1);
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel("100Mbps", delay), {&a, &b});

    const uint32_t bytes = 500;
    const int frames = 5000; // one second at 5000 frames/s, both directions at once
    const Time interval = MicroSeconds(200);
    const Time start = MilliSeconds(100);
    for (int i = 0; i < frames; ++i)
    {
        a.SendAt(start + interval * i, bytes, b.Address());
        b.SendAt(start + interval * i, bytes, a.Address());
    }
    Simulator::Run();

    const Time latency = TxTime(bytes, 100000000) + delay;
    for (Endpoint* rxEnd : {&a, &b})
    {
        ASSERT_EQ(rxEnd->rx.size(), static_cast<std::size_t>(frames));
        for (int i = 0; i < frames; ++i)
        {
            ASSERT_EQ(rxEnd->rx[i].at, start + interval * i + latency) << "frame " << i;
        }
        EXPECT_EQ(rxEnd->drops.size(), 0u);
        EXPECT_EQ(rxEnd->dev->GetStats().txFrames, static_cast<uint64_t>(frames));
        EXPECT_EQ(rxEnd->dev->GetStats().rxFrames, static_cast<uint64_t>(frames));
        EXPECT_EQ(rxEnd->dev->GetStats().queueFull, 0u);
    }
    EXPECT_EQ(std::count(a.sendResults.begin(), a.sendResults.end(), true), frames);
    EXPECT_EQ(std::count(b.sendResults.begin(), b.sendResults.end(), true), frames);
}

// --- 3. Serialisation and queueing ---

TEST_F(AccessLinkTest, BackToBackFramesAreSpacedByTheTransmissionTime)
{
    const Time delay = MilliSeconds(1);
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel("8Mbps", delay), {&a, &b});

    const uint32_t bytes = 986; // 1000-byte frames: 1 ms each at 8 Mbit/s
    const Time sent = Seconds(1);
    for (int i = 0; i < 3; ++i)
    {
        a.SendAt(sent, bytes, b.Address());
    }
    Simulator::Run();

    const Time tx = TxTime(bytes, 8000000);
    ASSERT_EQ(tx, MilliSeconds(1));
    ASSERT_EQ(b.rx.size(), 3u);
    for (int i = 0; i < 3; ++i)
    {
        EXPECT_EQ(b.rx[i].at, sent + tx * (i + 1) + delay) << "frame " << i;
    }
}

TEST_F(AccessLinkTest, SmallTxQueueOverflowIsCountedAsQueueFull)
{
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<DropTailQueue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
    queue->SetAttribute("MaxSize", QueueSizeValue(QueueSize("2p")));
    a.dev->SetAttribute("TxQueue", PointerValue(queue));
    Ptr<AccessChannel> channel = Join(MakeChannel("100Mbps", MilliSeconds(1)), {&a, &b});

    // The first frame goes straight on the air, two wait, two overflow.
    for (int i = 0; i < 5; ++i)
    {
        a.SendAt(Seconds(1), 100, b.Address());
    }
    Simulator::Run();

    EXPECT_EQ(a.sendResults, (std::vector<bool>{true, true, true, false, false}));
    EXPECT_EQ(a.dev->GetStats().queueFull, 2u);
    ASSERT_EQ(a.drops.size(), 2u);
    for (const Traced& d : a.drops)
    {
        EXPECT_EQ(d.reason, AccessNetDevice::QUEUE_FULL);
        EXPECT_EQ(d.at, Seconds(1));
        EXPECT_EQ(d.frame->GetSize(), 100 + kEthHeader);
    }
    EXPECT_EQ(b.rx.size(), 3u);
    EXPECT_EQ(a.dev->GetStats().txFrames, 3u);
}

TEST_F(AccessLinkTest, DefaultTxQueueHoldsOneHundredFrames)
{
    Endpoint a("00:00:00:00:00:01");
    Endpoint b("00:00:00:00:00:02");
    Ptr<AccessChannel> channel = Join(MakeChannel("100Mbps", MilliSeconds(1)), {&a, &b});

    for (int i = 0; i < 105; ++i)
    {
        a.SendAt(Seconds(1), 100, b.Address());
    }
    Simulator::Run();

    // One on the air plus 100 queued (DropTailQueue default MaxSize 100p).
    EXPECT_EQ(std::count(a.sendResults.begin(), a.sendResults.end(), true), 101);
    EXPECT_EQ(a.dev->GetStats().queueFull, 4u);
    EXPECT_EQ(a.drops.size(), 4u);
    EXPECT_EQ(b.rx.size(), 101u);
}

// --- 4. Addressing ---

class AccessLinkAddressing : public AccessLinkTest
{
  protected:
    void SetUp() override
    {
        channel = MakeChannel("100Mbps", MilliSeconds(1));
        for (Endpoint* e : {&a, &b, &c})
        {
            e->dev->Attach(channel);
            e->ListenPromiscuously();
        }
    }

    Ptr<AccessChannel> channel;
    Endpoint a{"00:00:00:00:00:01"};
    Endpoint b{"00:00:00:00:00:02"};
    Endpoint c{"00:00:00:00:00:03"};
};

TEST_F(AccessLinkAddressing, UnicastReachesOnlyTheAddresseeIfAttached)
{
    a.SendAt(Seconds(1), 100, b.Address());
    a.SendAt(Seconds(2), 100, Mac48Address("00:00:00:00:00:09")); // nobody's address
    Simulator::Run();

    EXPECT_EQ(a.sendResults, (std::vector<bool>{true, true}));
    EXPECT_EQ(a.dev->GetStats().txFrames, 2u);
    ASSERT_EQ(b.rx.size(), 1u);
    ASSERT_EQ(b.promisc.size(), 1u);
    EXPECT_EQ(b.promisc[0].type, NetDevice::PACKET_HOST);
    EXPECT_EQ(b.promisc[0].to, b.Address());
    // The channel does not carry unicast to bystanders, so not even promiscuously.
    EXPECT_TRUE(c.rx.empty());
    EXPECT_TRUE(c.promisc.empty());
    EXPECT_TRUE(c.sniffed.empty());
    EXPECT_EQ(c.dev->GetStats().rxFrames, 0u);
    EXPECT_TRUE(a.rx.empty());
    EXPECT_TRUE(a.promisc.empty());
}

TEST_F(AccessLinkAddressing, UnicastToAnAddressNobodyHasIsDroppedAsNoReceiver)
{
    // A router still sends to a departed node's link-layer address from its neighbour
    // cache: the frame is transmitted and then reaches nobody, a drop the sender counts.
    int accepted = 0;
    a.dev->TraceConnectWithoutContext(
        "MacTx",
        Callback<void, Ptr<const Packet>>([&accepted](Ptr<const Packet>) { accepted++; }));
    a.SendAt(Seconds(1), 100, b.Address());
    a.SendAt(Seconds(2), 100, Mac48Address("00:00:00:00:00:09"));
    a.SendAt(Seconds(3), 100, Mac48Address::GetBroadcast());
    Simulator::Run();

    EXPECT_EQ(accepted, 3);
    EXPECT_EQ(a.dev->GetStats().txFrames, 3u);
    EXPECT_EQ(a.dev->GetStats().noReceiver, 1u);
    ASSERT_EQ(a.drops.size(), 1u);
    EXPECT_EQ(a.drops[0].reason, AccessNetDevice::NO_RECEIVER);
    EXPECT_EQ(a.drops[0].at, Seconds(2) + TxTime(100, 100000000));
    EXPECT_EQ(a.drops[0].frame->GetSize(), 100 + kEthHeader);
}

TEST_F(AccessLinkAddressing, BroadcastReachesEveryOtherDevice)
{
    a.SendAt(Seconds(1), 100, Mac48Address::GetBroadcast());
    Simulator::Run();

    for (Endpoint* e : {&b, &c})
    {
        ASSERT_EQ(e->rx.size(), 1u);
        EXPECT_EQ(e->rx[0].from, a.Address());
        ASSERT_EQ(e->promisc.size(), 1u);
        EXPECT_EQ(e->promisc[0].type, NetDevice::PACKET_BROADCAST);
    }
    EXPECT_TRUE(a.rx.empty());
    EXPECT_TRUE(a.promisc.empty());
}

TEST_F(AccessLinkAddressing, Ipv6MulticastReachesEveryOtherDevice)
{
    Mac48Address group = Mac48Address::ConvertFrom(a.dev->GetMulticast(Ipv6Address("ff02::1")));
    ASSERT_EQ(group, Mac48Address("33:33:00:00:00:01"));
    b.SendAt(Seconds(1), 100, group);
    Simulator::Run();

    for (Endpoint* e : {&a, &c})
    {
        ASSERT_EQ(e->rx.size(), 1u);
        EXPECT_EQ(e->rx[0].from, b.Address());
        ASSERT_EQ(e->promisc.size(), 1u);
        EXPECT_EQ(e->promisc[0].type, NetDevice::PACKET_MULTICAST);
        EXPECT_EQ(e->promisc[0].to, group);
    }
    EXPECT_TRUE(b.rx.empty());
    EXPECT_TRUE(b.promisc.empty());
}

} // namespace

namespace
{
/// An IPv6 packet carrying an ICMPv6 message of \p type whose options are \p options.
Ptr<Packet>
NdPacket(uint8_t type, uint32_t fixed, const std::vector<uint8_t>& options)
{
    std::vector<uint8_t> bytes(40 + fixed, 0);
    bytes[0] = 0x60;
    uint32_t payload = fixed + options.size();
    bytes[4] = payload >> 8;
    bytes[5] = payload & 0xff;
    bytes[6] = 58;  // ICMPv6
    bytes[7] = 255; // hop limit of ND
    bytes[40] = type;
    bytes.insert(bytes.end(), options.begin(), options.end());
    return Create<Packet>(bytes.data(), bytes.size());
}
} // namespace

TEST(AccessNetDeviceNd, OptionsNs3CannotParseAreRecognised)
{
    // RFC 4861 §4.6 and ns-3's Address limit (an RS/RA source link-layer option longer
    // than its 20 octets overflows Icmpv6OptionLinkLayerAddress::Deserialize).
    std::vector<uint8_t> lla{1, 1, 0, 0, 0, 0, 0, 1};
    EXPECT_TRUE(NdOptions::IsParsableByNs3(NdPacket(133, 8, lla)));
    std::vector<uint8_t> longLla(40, 0);
    longLla[0] = 1;
    longLla[1] = 5;
    EXPECT_FALSE(NdOptions::IsParsableByNs3(NdPacket(133, 8, longLla)));
    EXPECT_FALSE(NdOptions::IsParsableByNs3(NdPacket(134, 16, {3, 0, 0, 0, 0, 0, 0, 0})));
    EXPECT_FALSE(NdOptions::IsParsableByNs3(NdPacket(135, 24, {2, 2, 0, 0, 0, 0, 0, 0})));
    EXPECT_TRUE(NdOptions::IsParsableByNs3(NdPacket(128, 4, longLla))); // an echo: not ND
    std::vector<uint8_t> udp(60, 0);
    udp[6] = 17;
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Create<Packet>(udp.data(), udp.size()))); // not ICMPv6
}

TEST_F(AccessLinkAddressing, MalformedNeighborDiscoveryIsDroppedBeforeTheStack)
{
    std::vector<uint8_t> longLla(40, 0);
    longLla[0] = 1;
    longLla[1] = 5;
    Ptr<Packet> rs = NdPacket(133, 8, longLla);
    Simulator::Schedule(Seconds(1), [this, rs]() { a.dev->Send(rs, b.Address(), kIpv6); });
    Simulator::Run();
    EXPECT_TRUE(b.rx.empty());
    EXPECT_EQ(b.dev->GetStats().malformedNd, 1u);
    EXPECT_EQ(b.dev->GetStats().rxFrames, 1u);
}
