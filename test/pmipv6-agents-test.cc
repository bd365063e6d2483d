/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Protocol behaviour of the PMIPv6 agents (LmaAgent, MagAgent, ProxyLocationUpdate,
// BindingCache, RoutingControl, MobilityRouting) on a network built by hand from the
// model classes: refresh, expiry, de-registration with MinDelayBeforeBceDelete, handover
// within that window, retransmission back-off, the policy store and the tunnel.
// Behaviour is observed through trace sources and GetStats() only.
#include "pmipv6-fixture.h"

#include <gtest/gtest.h>
#include <memory>

using namespace ns3;
using namespace ns3::test;

/// 1. Refreshes every Lifetime * RefreshRatio after each PBA, sequence + 1 each time.
TEST_F(Pmipv6Agents, RefreshKeepsBindingAlive)
{
    Pmipv6Options opt;
    opt.lifetime = Seconds(20);
    opt.refreshRatio = 0.5;
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> tx;
    std::vector<MhRecord> rx;
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &tx);
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Rx", &rx);
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    Simulator::Stop(Seconds(61));
    Simulator::Run();

    std::vector<MhRecord> pbus = OfType(tx, PBU);
    std::vector<MhRecord> pbas = OfType(rx, PBA);
    // t0 ~ 1 s, then every 10 s + rtt: 6 PBUs before 61 s.
    ASSERT_EQ(pbus.size(), 6u);
    ASSERT_GE(pbas.size(), pbus.size());
    const Time rtt = pbas[0].at - pbus[0].at;
    EXPECT_GT(rtt, MilliSeconds(4)); // two 2 ms hops
    EXPECT_LT(rtt, MilliSeconds(5));
    for (size_t i = 0; i < pbus.size(); ++i)
    {
        SCOPED_TRACE("PBU " + std::to_string(i));
        EXPECT_EQ(pbus[i].lifetime, Seconds(20));
        EXPECT_EQ(pbas[i].lifetime, Seconds(20));
        EXPECT_EQ(pbas[i].status, 0);
        EXPECT_EQ(pbas[i].sequence, pbus[i].sequence);
        EXPECT_EQ(pbas[i].at - pbus[i].at, rtt);
        EXPECT_EQ(pbus[i].sequence, static_cast<uint16_t>(pbus[0].sequence + i));
        EXPECT_EQ(pbus[i].at, pbus[0].at + (Seconds(10) + rtt) * static_cast<int64_t>(i));
        if (i > 0)
        {
            EXPECT_EQ(pbus[i].at, pbas[i - 1].at + Seconds(10));
            // A refresh names the HNP granted before instead of asking for one.
            ASSERT_EQ(pbus[i].prefixes.size(), 1u);
            EXPECT_EQ(pbus[i].prefixes[0], pbas[0].prefixes[0]);
        }
    }
    EXPECT_TRUE(obs.removed.empty());
    const BindingCacheEntry* e = net.Binding();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->state, BindingCacheEntry::State::ACTIVE);
    EXPECT_EQ(net.cache->GetStats().accepted, 1u);
    EXPECT_EQ(net.cache->GetStats().refreshed, pbus.size() - 1);
    EXPECT_EQ(net.cache->GetStats().expired, 0u);
    EXPECT_EQ(net.magAgent[0]->GetStats().registrations, 1u);
    // Refreshes are invisible to the MN: RAs answer its solicitations only (ns-3's own RS
    // retransmission adds one shortly after attachment), never a refresh.
    ASSERT_FALSE(obs.ras.empty());
    for (const auto& [at, prefixes] : obs.ras)
    {
        EXPECT_LT(at, pbus[1].at);
        EXPECT_EQ(prefixes, pbas[0].prefixes);
    }
}

/// 2a. A MAG cut off from the LMA: the binding expires exactly at registration + lifetime
/// and the prefix goes back to the pool.
TEST_F(Pmipv6Agents, BindingExpiresWhenRefreshesAreLost)
{
    Pmipv6Options opt;
    opt.lifetime = Seconds(8);
    opt.refreshRatio = 0.8;
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> tx;
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &tx);
    Ptr<RateErrorModel> cut =
        CreateObjectWithAttributes<RateErrorModel>("ErrorRate",
                                                   DoubleValue(1.0),
                                                   "ErrorUnit",
                                                   StringValue("ERROR_UNIT_PACKET"));
    cut->Disable();
    net.lmaToMag[0]->SetReceiveErrorModel(cut);
    Simulator::Schedule(Seconds(3), &ErrorModel::Enable, cut);
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    Simulator::Stop(Seconds(12));
    Simulator::Run();

    ASSERT_EQ(obs.updated.size(), 1u);
    const Time registeredAt = obs.updated[0].at;
    ASSERT_EQ(obs.removed.size(), 1u);
    EXPECT_EQ(obs.removed[0].cause, LocationManagement::EXPIRED);
    EXPECT_EQ(obs.removed[0].at, registeredAt + Seconds(8));
    EXPECT_EQ(obs.removed[0].entry.registeredAt, registeredAt);
    // The MAG did try to refresh (at 0.8 * 8 s after the PBA): the LMA never heard it.
    std::vector<MhRecord> pbus = OfType(tx, PBU);
    ASSERT_GE(pbus.size(), 2u);
    EXPECT_LT(pbus[1].at, registeredAt + Seconds(8));
    EXPECT_EQ(net.Binding(), nullptr);
    EXPECT_EQ(net.cache->GetStats().expired, 1u);
    EXPECT_EQ(net.pool->GetStats().allocated, 1u);
    EXPECT_EQ(net.pool->GetStats().released, 1u);
    EXPECT_EQ(net.pool->GetAllocatedCount(), 0u);
    ASSERT_FALSE(obs.removed[0].entry.prefixes.empty());
    EXPECT_EQ(net.lmaMr->LookupDestinationTunnel(obs.removed[0].entry.prefixes[0].prefix), nullptr);
}

/// 2b. A stopped MAG application models a failed MAG: it must send nothing more, so the
/// binding expires at registration + lifetime.
TEST_F(Pmipv6Agents, StoppedMagStopsRefreshing)
{
    Pmipv6Options opt;
    opt.lifetime = Seconds(8);
    opt.refreshRatio = 0.8;
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> tx;
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &tx);
    net.magAgent[0]->SetStopTime(Seconds(3));
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    Simulator::Stop(Seconds(12));
    Simulator::Run();

    for (const auto& r : tx)
    {
        EXPECT_LT(r.at, Seconds(3)) << "a stopped MAG sent MH type " << +r.type;
    }
    ASSERT_EQ(obs.updated.size(), 1u);
    ASSERT_EQ(obs.removed.size(), 1u);
    EXPECT_EQ(obs.removed[0].cause, LocationManagement::EXPIRED);
    EXPECT_EQ(obs.removed[0].at, obs.updated[0].at + Seconds(8));
    EXPECT_EQ(net.pool->GetStats().released, 1u);
}

/// 3. De-registration: the LMA keeps the entry for MinDelayBeforeBceDelete, drops downlink
/// traffic meanwhile, then removes it and releases the prefix.
TEST_F(Pmipv6Agents, DeregistrationWaitsMinDelayBeforeBceDelete)
{
    Pmipv6Options opt;
    opt.minDelayBeforeBceDelete = Seconds(1.5);
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> lmaRx;
    std::vector<MhRecord> lmaTx;
    RecordMh(Pmipv6Network::Mh(net.lma), "Rx", &lmaRx);
    RecordMh(Pmipv6Network::Mh(net.lma), "Tx", &lmaTx);
    auto received = InstallSink(net.mn, 9000);
    Ptr<Socket> cnSocket = Socket::CreateSocket(net.cn, UdpSocketFactory::GetTypeId());
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    // One packet while attached (control), then the MN disappears without a new attachment.
    SendDownlink(net, cnSocket, 9000, Seconds(2.5));
    Simulator::Schedule(Seconds(3), &MagAgent::NotifyDetached, net.magAgent[0], net.mnMac);
    uint64_t noBindingBefore = 0;
    Simulator::Schedule(Seconds(3.5), [&]() { noBindingBefore = net.lmaMr->GetStats().noBinding; });
    for (int i = 0; i < 5; ++i)
    {
        SendDownlink(net, cnSocket, 9000, Seconds(3.5) + MilliSeconds(100 * i));
    }
    uint64_t noBindingDuring = 0;
    Simulator::Schedule(Seconds(4.3), [&]() { noBindingDuring = net.lmaMr->GetStats().noBinding; });
    Simulator::Stop(Seconds(6));
    Simulator::Run();

    EXPECT_EQ(*received, 1u);
    std::vector<MhRecord> pbus = OfType(lmaRx, PBU);
    std::vector<MhRecord> pbas = OfType(lmaTx, PBA);
    ASSERT_EQ(pbus.size(), 2u);
    ASSERT_EQ(pbas.size(), 2u);
    EXPECT_EQ(pbus[1].lifetime, Time(0));
    EXPECT_EQ(pbus[1].sequence, static_cast<uint16_t>(pbus[0].sequence + 1));
    EXPECT_EQ(pbas[1].lifetime, Time(0));
    EXPECT_EQ(pbas[1].status, 0);
    EXPECT_EQ(pbas[1].sequence, pbus[1].sequence);
    EXPECT_EQ(pbas[1].dst, net.magAddr[0]);

    // The de-registration is processed when the PBU arrives (no processing delay).
    ASSERT_EQ(obs.updated.size(), 2u);
    EXPECT_EQ(obs.updated[1].entry.state, BindingCacheEntry::State::DEREGISTERING);
    EXPECT_EQ(obs.updated[1].at, pbus[1].at);
    ASSERT_EQ(obs.removed.size(), 1u);
    EXPECT_EQ(obs.removed[0].cause, LocationManagement::DEREGISTERED);
    EXPECT_EQ(obs.removed[0].at, obs.updated[1].at + Seconds(1.5));

    // All five downlink packets of the window died at the LMA as NO_BINDING.
    EXPECT_EQ(noBindingDuring - noBindingBefore, 5u);
    EXPECT_EQ(net.lmaMr->GetStats().tunnelledDown, 1u);
    EXPECT_EQ(net.cache->GetStats().deregistrationsAccepted, 1u);
    EXPECT_EQ(net.pool->GetStats().released, 1u);
    EXPECT_EQ(net.Binding(), nullptr);
}

/// 4. A handover inside the MinDelayBeforeBceDelete window keeps the HNP and moves the
/// binding to the new MAG; the pending deletion is cancelled.
TEST_F(Pmipv6Agents, HandoverWithinMinDelayKeepsPrefix)
{
    Pmipv6Options opt;
    opt.minDelayBeforeBceDelete = Seconds(1.5);
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> rx1;
    std::vector<MhRecord> rx2;
    std::vector<MhRecord> tx1;
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Rx", &rx1);
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &tx1);
    RecordMh(Pmipv6Network::Mh(net.mag[1]), "Rx", &rx2);
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    net.linkSwitch->ScheduleAttach(Seconds(3), "mag2");
    Simulator::Stop(Seconds(3 + 1.5 + 1.5));
    Simulator::Run();

    std::vector<MhRecord> pba1 = OfType(rx1, PBA);
    std::vector<MhRecord> pba2 = OfType(rx2, PBA);
    ASSERT_EQ(pba1.size(), 2u); // registration + de-registration
    ASSERT_EQ(pba2.size(), 1u);
    ASSERT_EQ(pba1[0].prefixes.size(), 1u);
    ASSERT_EQ(pba2[0].prefixes.size(), 1u);
    EXPECT_EQ(pba2[0].prefixes[0], pba1[0].prefixes[0]);
    EXPECT_EQ(pba2[0].status, 0);
    // MAG1 did de-register before MAG2 registered.
    std::vector<MhRecord> pbu1 = OfType(tx1, PBU);
    ASSERT_EQ(pbu1.size(), 2u);
    EXPECT_EQ(pbu1[1].lifetime, Time(0));
    EXPECT_LT(pba1[1].at, pba2[0].at);

    const BindingCacheEntry* e = net.Binding();
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->careOf, net.magAddr[1]);
    EXPECT_EQ(e->state, BindingCacheEntry::State::ACTIVE);
    EXPECT_TRUE(obs.removed.empty());
    EXPECT_EQ(net.cache->GetStats().reactivated, 1u);
    EXPECT_EQ(net.pool->GetStats().allocated, 1u);
    EXPECT_EQ(net.pool->GetStats().released, 0u);
    const MobilityRouting::Tunnel* t =
        net.lmaMr->LookupDestinationTunnel(pba1[0].prefixes[0].prefix);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->remote, net.magAddr[1]);
    // The MN sees the same home link: the RAs after the move carry the same prefix.
    ASSERT_FALSE(obs.ras.empty());
    EXPECT_GT(obs.ras.back().first, Seconds(3));
    for (const auto& ra : obs.ras)
    {
        EXPECT_EQ(ra.second, pba1[0].prefixes);
    }
    EXPECT_EQ(net.magAgent[1]->GetStats().registrations, 1u);
}

/// 5a. No answer: the PBU is retransmitted with the same sequence number after 1, 2, 4 s;
/// the next timeout (16 s) exceeds MaxBindackTimeout (8 s), so the MAG gives up.
TEST_F(Pmipv6Agents, RetransmissionBackoffThenGiveUp)
{
    Pmipv6Options opt;
    opt.maxBindackTimeout = Seconds(8);
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> tx;
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &tx);
    net.lmaAgent->SetStopTime(Seconds(0.5)); // a failed LMA: PBUs are ignored
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    // The give-up happens at t0 + 15 s: sample the counter around that instant.
    std::vector<uint64_t> timedOut;
    net.mag[0]->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext(
        "Tx",
        Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
            [&](Ptr<const Packet>, Ipv6Address, Ipv6Address) {
                if (tx.size() == 1)
                {
                    // +1 ns: the give-up event was scheduled after this one for t0 + 15 s.
                    for (Time d : {Seconds(15) - NanoSeconds(1), Seconds(15) + NanoSeconds(1)})
                    {
                        Simulator::Schedule(d, [&]() {
                            timedOut.push_back(net.magAgent[0]->GetStats().timedOut);
                        });
                    }
                }
            }));
    Simulator::Stop(Seconds(20));
    Simulator::Run();

    std::vector<MhRecord> pbus = OfType(tx, PBU);
    ASSERT_EQ(pbus.size(), 4u);
    const Time t0 = pbus[0].at;
    const std::vector<Time> offsets{Seconds(0), Seconds(1), Seconds(3), Seconds(7)};
    for (size_t i = 0; i < pbus.size(); ++i)
    {
        EXPECT_EQ(pbus[i].at - t0, offsets[i]) << "PBU " << i;
        EXPECT_EQ(pbus[i].sequence, pbus[0].sequence) << "PBU " << i;
    }
    ASSERT_EQ(timedOut.size(), 2u);
    EXPECT_EQ(timedOut[0], 0u);
    EXPECT_EQ(timedOut[1], 1u);
    EXPECT_EQ(net.magAgent[0]->GetStats().timedOut, 1u);
    EXPECT_EQ(net.magAgent[0]->GetStats().registrations, 0u);
    EXPECT_EQ(net.lmaAgent->GetStats().updatesReceived, 0u);
    EXPECT_TRUE(obs.ras.empty());
    EXPECT_TRUE(obs.updated.empty());
}

/// 5b. The LMA comes up between the 1st and 2nd retransmission: the 2nd retransmission is
/// answered, the registration completes and the MN gets its RA.
TEST_F(Pmipv6Agents, RetransmissionAnsweredLate)
{
    Pmipv6Options opt;
    opt.maxBindackTimeout = Seconds(8);
    Pmipv6Network net(opt);
    Observer obs(net);
    std::vector<MhRecord> tx;
    std::vector<MhRecord> rx;
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Tx", &tx);
    RecordMh(Pmipv6Network::Mh(net.mag[0]), "Rx", &rx);
    net.lmaAgent->SetStartTime(Seconds(3)); // PBUs at ~1, ~2 s unanswered, ~4 s answered
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    Simulator::Stop(Seconds(12));
    Simulator::Run();

    std::vector<MhRecord> pbus = OfType(tx, PBU);
    ASSERT_EQ(pbus.size(), 3u);
    EXPECT_EQ(pbus[1].at - pbus[0].at, Seconds(1));
    EXPECT_EQ(pbus[2].at - pbus[0].at, Seconds(3));
    EXPECT_EQ(pbus[2].sequence, pbus[0].sequence);
    std::vector<MhRecord> pbas = OfType(rx, PBA);
    ASSERT_EQ(pbas.size(), 1u);
    EXPECT_EQ(pbas[0].sequence, pbus[0].sequence);
    EXPECT_EQ(pbas[0].status, 0);
    EXPECT_EQ(net.lmaAgent->GetStats().updatesReceived, 1u);
    EXPECT_EQ(net.magAgent[0]->GetStats().timedOut, 0u);
    EXPECT_EQ(net.magAgent[0]->GetStats().registrations, 1u);
    // No RA before the PBA (the MN's solicitations wait for the registration), then the HNP.
    ASSERT_FALSE(obs.ras.empty());
    EXPECT_GE(obs.ras[0].first, pbas[0].at);
    ASSERT_EQ(pbas[0].prefixes.size(), 1u);
    EXPECT_EQ(obs.ras[0].second, pbas[0].prefixes);
}

/// 6. An MN missing from the MAG's policy store gets no PBU and no RA.
TEST_F(Pmipv6Agents, UnknownMobileNodeIsNotServed)
{
    Pmipv6Options opt;
    opt.policy = {false, true};
    Pmipv6Network net(opt);
    Observer obs(net);
    uint64_t solicitations = 0;
    net.magAgent[0]->TraceConnectWithoutContext(
        "RouterSolicitation",
        Callback<void, uint32_t, Ipv6Address, Mac48Address>(
            [&solicitations](uint32_t, Ipv6Address, Mac48Address) { ++solicitations; }));
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    Simulator::Stop(Seconds(5));
    Simulator::Run();

    // Unanswered, ns-3's stack retransmits its RS: each one is refused and counted.
    ASSERT_GE(solicitations, 1u);
    EXPECT_EQ(net.magAgent[0]->GetStats().unknownNode, solicitations);
    EXPECT_EQ(Pmipv6Network::Mh(net.mag[0])->GetStats().txPackets, 0u);
    EXPECT_EQ(net.lmaAgent->GetStats().updatesReceived, 0u);
    EXPECT_TRUE(obs.ras.empty());
    EXPECT_TRUE(obs.updated.empty());
    EXPECT_EQ(net.pool->GetStats().allocated, 0u);
}

/// 7a. Downlink to the HNP goes LMA -> tunnel -> MAG -> MN.
TEST_F(Pmipv6Agents, DownlinkThroughTunnel)
{
    Pmipv6Network net;
    auto received = InstallSink(net.mn, 9000);
    Ptr<Socket> cnSocket = Socket::CreateSocket(net.cn, UdpSocketFactory::GetTypeId());
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    for (int i = 0; i < 5; ++i)
    {
        SendDownlink(net, cnSocket, 9000, Seconds(3) + MilliSeconds(10 * i));
    }
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    EXPECT_TRUE(net.pool->GetAllocations().size() == 1 &&
                net.pool->GetAllocations()[0].second.Contains(net.MnAddress()));
    EXPECT_EQ(*received, 5u);
    EXPECT_EQ(Pmipv6Network::Tunnel(net.lma)->GetStats().encapsulated, 5u);
    EXPECT_EQ(Pmipv6Network::Tunnel(net.mag[0])->GetStats().decapsulated, 5u);
    EXPECT_EQ(net.lmaMr->GetStats().tunnelledDown, 5u);
    EXPECT_EQ(net.magMr[0]->GetStats().deliveredAccess, 5u);
    EXPECT_EQ(net.lmaMr->GetStats().noBinding, 0u);
}

/// 7b. A tunnel packet from an address that is not the MAG's LMA is dropped (UNKNOWN_PEER).
TEST_F(Pmipv6Agents, TunnelFromUnknownPeerDropped)
{
    Pmipv6Network net;
    auto received = InstallSink(net.mn, 9000);
    Ptr<Ipv6TunnelL4Protocol> rogue = Ipv6TunnelL4Protocol::Install(net.cn);
    auto dropsRecorded = RecordTunnelDrops(Pmipv6Network::Tunnel(net.mag[0]));
    const auto& drops = *dropsRecorded;
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    Simulator::Schedule(Seconds(3), [&]() {
        UdpHeader udp;
        udp.SetDestinationPort(9000);
        udp.SetSourcePort(1234);
        Ptr<Packet> payload = Create<Packet>(100);
        payload->AddHeader(udp);
        Ipv6Header inner;
        inner.SetSource(net.cnAddr);
        inner.SetDestination(net.MnAddress());
        inner.SetNextHeader(UdpL4Protocol::PROT_NUMBER);
        inner.SetPayloadLength(payload->GetSize());
        inner.SetHopLimit(64);
        rogue->Send(payload, inner, net.cnAddr, net.magAddr[0]);
    });
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    EXPECT_EQ(rogue->GetStats().encapsulated, 1u);
    ASSERT_EQ(drops.size(), 1u);
    EXPECT_EQ(drops[0], Ipv6TunnelL4Protocol::UNKNOWN_PEER);
    EXPECT_EQ(Pmipv6Network::Tunnel(net.mag[0])->GetStats().unknownPeer, 1u);
    EXPECT_EQ(Pmipv6Network::Tunnel(net.mag[0])->GetStats().decapsulated, 0u);
    EXPECT_EQ(*received, 0u);
    // The legitimate peer is still accepted: the MN is registered through this MAG.
    EXPECT_TRUE(Pmipv6Network::Tunnel(net.mag[0])->IsPeer(net.lmaAddr));
}
