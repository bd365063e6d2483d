/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// RFC 5213 §5.5 sequence-number mode (no Timestamp option): the MAG's reaction to a PBA
// with status 135 (RFC 6275 §11.7.3), on the hand-built network of pmipv6-agents-test.cc.
#include "pmipv6-fixture.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::test;

namespace
{

Pmipv6Options
SequenceMode()
{
    Pmipv6Options opt;
    opt.useTimestamps = false;
    return opt;
}

/// The Mobility Headers of one move: sent by mag1, sent and received by mag2.
struct Ladder
{
    std::vector<MhRecord> tx1; //!< sent by mag1
    std::vector<MhRecord> tx2; //!< sent by mag2
    std::vector<MhRecord> rx2; //!< received by mag2
};

/// Attach the node at mag1 (1 s), move it to mag2 (3 s), run to 6 s.
Ladder
MoveFromMag1ToMag2(Pmipv6Network& net)
{
    Ladder l;
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &l.tx1);
    RecordMh(Pmipv6Network::Mh(net.mag[1]), "Tx", &l.tx2);
    RecordMh(Pmipv6Network::Mh(net.mag[1]), "Rx", &l.rx2);
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    net.linkSwitch->ScheduleAttach(Seconds(3), "mag2");
    Simulator::Stop(Seconds(6));
    Simulator::Run();
    return l;
}

} // namespace

/// Ladder at the new MAG: PBU seq a -> PBA 135 seq b (the number MAG1 used last) ->
/// PBU seq b+1, sent as the refusal arrives -> PBA accepted seq b+1.
TEST_F(Pmipv6Agents, SequenceModeNewMagAdoptsTheLmaNumber)
{
    Pmipv6Network net(SequenceMode());
    Ladder l = MoveFromMag1ToMag2(net);
    std::vector<MhRecord> pbu1 = OfType(l.tx1, PBU);
    ASSERT_EQ(pbu1.size(), 2u); // registration, de-registration on detach
    const uint16_t b = pbu1.back().sequence;
    std::vector<MhRecord> pbu = OfType(l.tx2, PBU);
    std::vector<MhRecord> pba = OfType(l.rx2, PBA);
    ASSERT_EQ(pbu.size(), 2u);
    ASSERT_EQ(pba.size(), 2u);
    EXPECT_NE(pbu[0].sequence, static_cast<uint16_t>(b + 1)) << "MAG2 cannot know b";
    EXPECT_FALSE(pbu[0].timestamp);
    EXPECT_EQ(pba[0].status, static_cast<uint8_t>(BindingStatus::SEQUENCE_OUT_OF_WINDOW));
    EXPECT_EQ(pba[0].sequence, b);
    EXPECT_EQ(pbu[1].sequence, static_cast<uint16_t>(b + 1));
    EXPECT_EQ(pbu[1].at, pba[0].at) << "sent again at once, not after a retransmission timeout";
    EXPECT_EQ(pba[1].status, 0);
    EXPECT_EQ(pba[1].sequence, pbu[1].sequence);

    EXPECT_EQ(net.lu[1]->GetStats().sequenceResyncs, 1u);
    EXPECT_EQ(net.lu[1]->GetStats().resyncsExhausted, 0u);
    EXPECT_EQ(net.magAgent[1]->GetStats().registrations, 1u);
    EXPECT_EQ(net.magAgent[1]->GetStats().rejected, 0u);
    const BindingCacheEntry* e = net.Binding();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->careOf, net.magAddr[1]);
    EXPECT_EQ(e->lastSequence, pbu[1].sequence);
}

/// An LMA that refuses every PBU with 135 (a stand-in answers for the stopped LMA, each
/// time echoing a number ahead of the PBU's): the MAG adopts it MaxSequenceResyncs times,
/// then abandons the registration as SEQUENCE_OUT_OF_WINDOW, counted, without waiting for
/// retransmission timeouts.
TEST_F(Pmipv6Agents, SequenceModeResyncsAreBounded)
{
    for (uint32_t maxResyncs : {0u, 2u})
    {
        SCOPED_TRACE(maxResyncs);
        Pmipv6Options opt = SequenceMode();
        opt.maxSequenceResyncs = maxResyncs;
        Pmipv6Network net(opt);
        std::vector<MhRecord> tx;
        std::vector<LocationUpdate::Outcome> outcomes;
        RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &tx);
        net.lu[0]->TraceConnectWithoutContext(
            "Outcome",
            Callback<void, const LocationUpdate::Outcome&>(
                [&outcomes](const LocationUpdate::Outcome& o) { outcomes.push_back(o); }));
        net.lmaAgent->SetStopTime(Seconds(0.5));
        Ptr<MobilityL4Protocol> lmaMh = Pmipv6Network::Mh(net.lma);
        lmaMh->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
                [&](Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst) {
                    ProxyBindingUpdate pbu;
                    p->Copy()->RemoveHeader(pbu);
                    ProxyBindingAck refusal;
                    refusal.SetStatus(static_cast<uint8_t>(BindingStatus::SEQUENCE_OUT_OF_WINDOW));
                    refusal.SetSequence(pbu.GetSequence() + 10);
                    refusal.SetProxyRegistration(true);
                    refusal.GetOptions().SetMobileNodeIdentifier(net.mnId);
                    lmaMh->Send(refusal, dst, src);
                }));
        net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
        Simulator::Stop(Seconds(40));
        Simulator::Run();

        // Each registration (the MAG starts one per solicitation of the node, as after any
        // refusal) is one PBU and maxResyncs re-sends, each with the echoed number + 1.
        std::vector<MhRecord> pbus = OfType(tx, PBU);
        ASSERT_FALSE(outcomes.empty());
        ASSERT_EQ(pbus.size(), outcomes.size() * (1 + maxResyncs));
        for (size_t i = 0; i < pbus.size(); ++i)
        {
            if (i % (1 + maxResyncs) != 0)
            {
                EXPECT_EQ(pbus[i].sequence, static_cast<uint16_t>(pbus[i - 1].sequence + 11));
                EXPECT_LT(pbus[i].at - pbus[i - 1].at, MilliSeconds(10)) << "not a timeout";
            }
        }
        for (const auto& o : outcomes)
        {
            EXPECT_EQ(o.status, BindingStatus::SEQUENCE_OUT_OF_WINDOW);
            EXPECT_FALSE(o.timedOut);
        }
        const ProxyLocationUpdate::Stats& stats = net.lu[0]->GetStats();
        EXPECT_EQ(stats.sequenceResyncs, outcomes.size() * maxResyncs);
        EXPECT_EQ(stats.resyncsExhausted, outcomes.size());
        EXPECT_EQ(stats.timedOut, 0u);
        EXPECT_EQ(net.magAgent[0]->GetStats().rejected, outcomes.size());
        EXPECT_EQ(net.magAgent[0]->GetStats().registrations, 0u);
        Simulator::Destroy();
    }
}

/// MAGs sharing the last number (RFC 5213 §5.5's context transfer, SequenceStore): MAG2
/// continues from MAG1's de-registration, and its one PBU is accepted.
TEST_F(Pmipv6Agents, SequenceModeSharedStoreNeedsNoRefusal)
{
    Pmipv6Options opt = SequenceMode();
    opt.sharedSequences = true;
    Pmipv6Network net(opt);
    Ladder l = MoveFromMag1ToMag2(net);
    std::vector<MhRecord> pbu1 = OfType(l.tx1, PBU);
    ASSERT_EQ(pbu1.size(), 2u);
    std::vector<MhRecord> pbu = OfType(l.tx2, PBU);
    std::vector<MhRecord> pba = OfType(l.rx2, PBA);
    ASSERT_EQ(pbu.size(), 1u);
    ASSERT_EQ(pba.size(), 1u);
    EXPECT_EQ(pbu[0].sequence, static_cast<uint16_t>(pbu1.back().sequence + 1));
    EXPECT_EQ(pba[0].status, 0);
    EXPECT_EQ(net.lu[1]->GetStats().sequenceResyncs, 0u);
    EXPECT_EQ(net.magAgent[1]->GetStats().registrations, 1u);
}

/// With timestamps (the default) the LMA never answers 135 to a MAG: a handover is one
/// PBU/PBA and the location update counts no resync.
TEST_F(Pmipv6Agents, TimestampModeNeedsNoResync)
{
    Pmipv6Network net;
    std::vector<MhRecord> tx2;
    RecordMh(Pmipv6Network::Mh(net.mag[1]), "Tx", &tx2);
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    net.linkSwitch->ScheduleAttach(Seconds(3), "mag2");
    Simulator::Stop(Seconds(6));
    Simulator::Run();
    std::vector<MhRecord> pbu = OfType(tx2, PBU);
    ASSERT_EQ(pbu.size(), 1u);
    EXPECT_TRUE(pbu[0].timestamp);
    EXPECT_EQ(net.lu[1]->GetStats().sequenceResyncs, 0u);
    EXPECT_EQ(net.magAgent[1]->GetStats().registrations, 1u);
}
