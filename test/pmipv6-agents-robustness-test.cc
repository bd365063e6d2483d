/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// PMIPv6 agents facing what they must not trust or must report: malformed or foreign
// registrations at the LMA, malformed tunnel payloads, and the trace sources of the
// location update function. Same hand-built network as pmipv6-agents-test.cc.
#include "pmipv6-fixture.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::test;

/// The location update function's trace sources report every PBU (retransmissions
/// flagged) and every outcome, in the order the protocol produces them.
TEST_F(Pmipv6Agents, LocationUpdateTracesUpdatesAndOutcomes)
{
    Pmipv6Options opt;
    Pmipv6Network net(opt);

    struct Sent
    {
        std::string mnId;
        uint16_t seq;
        Time lifetime;
        bool retransmission;
    };

    std::vector<Sent> sent;
    std::vector<LocationUpdate::Outcome> outcomes;
    net.lu[0]->TraceConnectWithoutContext(
        "Update",
        Callback<void, const std::string&, uint16_t, Time, bool>(
            [&sent](const std::string& id, uint16_t seq, Time lifetime, bool re) {
                sent.push_back({id, seq, lifetime, re});
            }));
    net.lu[0]->TraceConnectWithoutContext(
        "Outcome",
        Callback<void, const LocationUpdate::Outcome&>(
            [&outcomes](const LocationUpdate::Outcome& o) { outcomes.push_back(o); }));
    net.lmaAgent->SetStartTime(Seconds(1.5)); // the first PBU goes unanswered, the retry not
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    net.linkSwitch->ScheduleAttach(Seconds(4), "mag2");
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    ASSERT_EQ(sent.size(), 3u); // PBU, its retransmission 1 s later, the de-registration
    EXPECT_EQ(sent[0].mnId, sent[2].mnId);
    EXPECT_FALSE(sent[0].retransmission);
    EXPECT_TRUE(sent[1].retransmission);
    EXPECT_EQ(sent[0].seq, sent[1].seq);
    EXPECT_FALSE(sent[2].retransmission);
    EXPECT_EQ(sent[2].lifetime, Time(0));
    EXPECT_EQ(sent[2].seq, static_cast<uint16_t>(sent[0].seq + 1));
    ASSERT_EQ(outcomes.size(), 2u); // registration, then de-registration
    EXPECT_EQ(outcomes[0].status, BindingStatus::ACCEPTED);
    EXPECT_GT(outcomes[0].lifetime, Time(0));
    EXPECT_EQ(outcomes[1].lifetime, Time(0));
    EXPECT_FALSE(outcomes[1].timedOut);
}

namespace
{
/// Sends a hand-made PBU from MAG2 at \p at.
void
SendPbuAt(Pmipv6Network& net, Time at, std::string mnId, Ipv6Address hnp, uint8_t hnpLength)
{
    Simulator::Schedule(at, [&net, mnId, hnp, hnpLength]() {
        ProxyBindingUpdate pbu;
        pbu.SetSequence(7);
        pbu.SetLifetime(Seconds(40));
        if (!mnId.empty())
        {
            pbu.GetOptions().SetMobileNodeIdentifier(mnId);
        }
        pbu.GetOptions().AddHomeNetworkPrefix(hnp, hnpLength);
        pbu.GetOptions().SetHandoffIndicator(4);
        pbu.GetOptions().SetAccessTechnologyType(3);
        pbu.GetOptions().SetTimestamp(TimeToPmipTimestamp(Simulator::Now()));
        Pmipv6Network::Mh(net.mag[1])->Send(pbu, net.magAddr[1], net.lmaAddr);
    });
}
} // namespace

/// RFC 5213 §5.3.1/§5.3.2: a PBU without MN-ID is refused with MISSING_MN_ID_OPTION, and
/// one naming a prefix that belongs to another node with NOT_AUTHORIZED_FOR_HNP; neither
/// changes the existing binding.
TEST_F(Pmipv6Agents, LmaRefusesMalformedOrForeignRegistrations)
{
    Pmipv6Options opt;
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> rx2;
    RecordMh(Pmipv6Network::Mh(net.mag[1]), "Rx", &rx2);
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    SendPbuAt(net, Seconds(2), "", Ipv6Address::GetAny(), 0);
    // Another node claims the MN's prefix (the pool's first /64, allocated at 1 s).
    SendPbuAt(net, Seconds(3), "intruder@example", net.pool->GetAggregate().prefix, 64);
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    std::vector<MhRecord> pba = OfType(rx2, PBA);
    ASSERT_EQ(pba.size(), 2u);
    EXPECT_EQ(pba[0].status, static_cast<uint8_t>(BindingStatus::MISSING_MN_ID_OPTION));
    EXPECT_EQ(pba[1].status, static_cast<uint8_t>(BindingStatus::NOT_AUTHORIZED_FOR_HNP));
    EXPECT_EQ(pba[0].sequence, 7);
    EXPECT_EQ(pba[1].sequence, 7);
    ASSERT_EQ(obs.updated.size(), 1u); // only the MN's own registration at 1 s
    EXPECT_EQ(obs.updated[0].entry.careOf, net.magAddr[0]);
    EXPECT_EQ(net.lmaAgent->GetStats().rejected, 2u);
}

/// Tunnel packets from a legitimate peer whose inner packet is not a valid IPv6 packet
/// are dropped with a named reason, and nothing reaches the mobile node.
TEST_F(Pmipv6Agents, MalformedTunnelPayloadsAreDroppedWithReasons)
{
    Pmipv6Network net;
    auto received = InstallSink(net.mn, 9000);
    auto dropsRecorded = RecordTunnelDrops(Pmipv6Network::Tunnel(net.mag[0]));
    const auto& drops = *dropsRecorded;
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    auto sendRaw = [&net](std::vector<uint8_t> bytes) {
        net.lma->GetObject<Ipv6L3Protocol>()->Send(Create<Packet>(bytes.data(), bytes.size()),
                                                   net.lmaAddr,
                                                   net.magAddr[0],
                                                   Ipv6TunnelL4Protocol::PROT_NUMBER,
                                                   nullptr);
    };
    Simulator::Schedule(Seconds(3), [&]() {
        sendRaw(std::vector<uint8_t>(20, 0x60)); // shorter than an IPv6 header
        std::vector<uint8_t> v4(60, 0);
        v4[0] = 0x45; // an IPv4 header inside
        sendRaw(v4);
        std::vector<uint8_t> lying(60, 0);
        lying[0] = 0x60;
        lying[4] = 0x04; // payload length 1024, 20 bytes follow
        sendRaw(lying);
    });
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    ASSERT_EQ(drops.size(), 3u);
    EXPECT_EQ(drops[0], Ipv6TunnelL4Protocol::TRUNCATED);
    EXPECT_EQ(drops[1], Ipv6TunnelL4Protocol::NOT_IPV6);
    EXPECT_EQ(drops[2], Ipv6TunnelL4Protocol::TRUNCATED);
    EXPECT_EQ(Pmipv6Network::Tunnel(net.mag[0])->GetStats().decapsulated, 0u);
    EXPECT_EQ(*received, 0u);
}

/// The LMA's routing control reports each forwarding change: the HNP's tunnel goes to
/// MAG1, is withdrawn at MAG1's de-registration and installed towards MAG2.
TEST_F(Pmipv6Agents, RoutingControlTracesFollowTheBinding)
{
    Pmipv6Network net;
    std::vector<std::tuple<std::string, HomeNetworkPrefix, Ipv6Address>> events;
    for (std::string name : {"Installed", "Removed"})
    {
        net.lmaRc->TraceConnectWithoutContext(
            name,
            Callback<void, const HomeNetworkPrefix&, Ipv6Address>(
                [&events, name](const HomeNetworkPrefix& p, Ipv6Address locator) {
                    events.emplace_back(name, p, locator);
                }));
    }
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    net.linkSwitch->ScheduleAttach(Seconds(3), "mag2");
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(std::get<0>(events[0]), "Installed");
    EXPECT_EQ(std::get<2>(events[0]), net.magAddr[0]);
    EXPECT_EQ(std::get<0>(events[1]), "Removed");
    EXPECT_EQ(std::get<2>(events[1]), net.magAddr[0]);
    EXPECT_EQ(std::get<0>(events[2]), "Installed");
    EXPECT_EQ(std::get<2>(events[2]), net.magAddr[1]);
    EXPECT_EQ(std::get<1>(events[0]), std::get<1>(events[2])) << "same HNP at both MAGs";
    const MobilityRouting::Tunnel* t =
        net.lmaMr->LookupDestinationTunnel(std::get<1>(events[2]).prefix);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->remote, net.magAddr[1]);
}

/// A PBU whose Home Network Prefix options come without alignment padding (accepted on
/// receipt) would need a PBA larger than the Mobility Header's 2048 octets once the reply
/// pads them: found by fuzzing, it aborted the run. The LMA now bounds the prefixes it
/// accepts (status 130), and any message that cannot fit is refused and counted.
TEST_F(Pmipv6Agents, AReplyThatCannotFitIsRefusedNotAborted)
{
    Pmipv6Options opt;
    Pmipv6Network net(opt);
    Ptr<MobilityL4Protocol> lmaMh = Pmipv6Network::Mh(net.lma);
    Simulator::Schedule(Seconds(2), [&net, lmaMh]() {
        ProxyBindingUpdate pbu;
        pbu.SetSequence(9);
        pbu.SetLifetime(Seconds(40));
        pbu.GetOptions().SetMobileNodeIdentifier("mn1@example");
        std::vector<uint8_t> bytes = pbu.ToBytes();
        // Replace the padding at the end by 100 unpadded HNP options (20 octets each).
        while (bytes.size() > 6 && (bytes.back() == 0 || bytes[bytes.size() - 2] == 1))
        {
            bytes.pop_back();
        }
        for (int i = 0; i < 100; ++i)
        {
            std::vector<uint8_t> hnp{22, 18, 0, 64, 0x20, 0x01, 0, 1, 0, static_cast<uint8_t>(i)};
            hnp.resize(20, 0);
            bytes.insert(bytes.end(), hnp.begin(), hnp.end());
        }
        bytes.resize((bytes.size() + 7) / 8 * 8, 0); // Pad1 octets up to a multiple of 8
        bytes[1] = static_cast<uint8_t>(bytes.size() / 8 - 1);
        bytes[4] = bytes[5] = 0;
        uint16_t sum = MobilityHeader::ComputeChecksum(bytes.data(),
                                                       bytes.size(),
                                                       net.magAddr[1],
                                                       net.lmaAddr);
        bytes[4] = sum >> 8;
        bytes[5] = sum & 0xff;
        Ipv6Header ip;
        ip.SetSource(net.magAddr[1]);
        ip.SetDestination(net.lmaAddr);
        ip.SetNextHeader(135);
        lmaMh->Receive(Create<Packet>(bytes.data(), bytes.size()), ip, nullptr);
    });
    std::vector<MhRecord> rx2;
    RecordMh(Pmipv6Network::Mh(net.mag[1]), "Rx", &rx2);
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    EXPECT_EQ(lmaMh->GetStats().rxPackets, 1u); // accepted by validation...
    // ...refused on receipt with a status, its PBA small enough to send.
    EXPECT_EQ(net.lmaAgent->GetTooManyPrefixes(), 1u);
    EXPECT_EQ(lmaMh->GetStats().tooLarge, 0u);
    std::vector<MhRecord> pba = OfType(rx2, PBA);
    ASSERT_EQ(pba.size(), 1u);
    EXPECT_EQ(pba[0].status, static_cast<uint8_t>(BindingStatus::INSUFFICIENT_RESOURCES));
    EXPECT_EQ(pba[0].sequence, 9);

    // A message that cannot fit is refused and counted by the sender, never aborted.
    BindingUpdate huge;
    for (int i = 0; i < 120; ++i)
    {
        huge.GetOptions().AddHomeNetworkPrefix(Ipv6Address("2001:1::"), 64);
    }
    EXPECT_FALSE(huge.Fits());
    lmaMh->Send(huge, net.lmaAddr, net.magAddr[1]);
    EXPECT_EQ(lmaMh->GetStats().tooLarge, 1u);
}
