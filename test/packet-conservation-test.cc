/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Packet conservation (issue 15): every data packet sent is delivered, dropped with a named
// reason, or in flight when the run ends. The identity on every shipped scenario under
// every profile and variant; runs that produce one drop reason on purpose; and a black
// hole the monitor must report as unaccounted.
#include "closed-form.h"
#include "test-paths.h"

#include "ns3/applications-module.h"
#include "ns3/conservation-monitor.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/ndisc-cache.h"
#include "ns3/point-to-point-module.h"
#include "ns3/profile-registry.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>

using namespace dmmtest;

namespace
{

/// A profile, or a variant of one selected by protocol keys.
struct ProfileRun
{
    std::string label;   //!< test name part
    std::string profile; //!< profile name
    json protocol;       //!< protocol keys of the variant
};

/// Every profile and the variants check-identical runs.
std::vector<ProfileRun>
Runs()
{
    std::vector<ProfileRun> runs;
    for (const auto& name : dmm::ProfileNames())
    {
        runs.push_back({name, name, json::object()});
    }
    runs.push_back({"fd_push", "fully-distributed", {{"location", "push"}}});
    runs.push_back({"fd_client", "fully-distributed", {{"location_update", "client"}}});
    runs.push_back({"fd_client_push",
                    "fully-distributed",
                    {{"location_update", "client"}, {"location", "push"}}});
    runs.push_back({"dma_client_proxy", "dma-client", {{"client_lu", "proxy"}}});
    return runs;
}

json
ReadScenario(const std::string& file)
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file);
    return json::parse(in);
}

/**
 * The scenario cut to \p endS seconds so that the whole matrix runs in well under a minute:
 * moves at or after the end are left out, flows stop one second before it (a packet cannot
 * spend that second on a link of these scenarios, so none may be found there at the end).
 */
json
Truncated(json j, double endS)
{
    j["duration_s"] = std::min(j["duration_s"].get<double>(), endS);
    double stop = j["duration_s"].get<double>() - 1;
    json flows = json::array();
    for (json f : j.value("flows", json::array()))
    {
        if (f["start_s"].get<double>() < stop - 0.5)
        {
            f["stop_s"] = std::min(f["stop_s"].get<double>(), stop);
            flows.push_back(f);
        }
    }
    j["flows"] = flows;
    if (j.contains("mobility"))
    {
        json moves = json::array();
        for (const json& m : j["mobility"])
        {
            if (m["at_s"].get<double>() < j["duration_s"].get<double>())
            {
                moves.push_back(m);
            }
        }
        j["mobility"] = moves;
    }
    return j;
}

/**
 * The conservation identity on a run's results, as summary.json states it.
 * \param r the results \param flowsEndEarly true when every flow stopped a second or more
 *        before the end (then nothing is left on a link)
 */
void
ExpectConserved(const RunResults& r, bool flowsEndEarly)
{
    uint64_t sent = 0;
    uint64_t received = 0;
    for (const auto& f : r.flows)
    {
        sent += f.sent;
        received += f.received;
    }
    const PacketAccount& a = r.packets;
    EXPECT_EQ(a.sent, sent) << "the monitor counts the packets the flows count";
    EXPECT_EQ(a.delivered, received);
    EXPECT_EQ(a.unaccounted, 0u) << "a data packet vanished without a named reason";
    EXPECT_EQ(sent, received + a.Dropped() + a.inFlight.Total());
    if (flowsEndEarly)
    {
        EXPECT_EQ(a.inFlight.onLinks, 0u);
    }
}

/// Node keys that only one profile accepts (its roles: ePMIP's, a D-LMA domain, a dmm-mip
/// mobility router); a scenario using them is refused by the other profiles.
bool
UsesProfileSpecificNodeKeys(const json& scenario)
{
    for (const auto& node : scenario.value("nodes", json::array()))
    {
        for (const char* key : {"epmip_role", "domain", "mr_role"})
        {
            if (node.contains(key))
            {
                return true;
            }
        }
    }
    return false;
}

class ConservationMatrix : public ::testing::TestWithParam<std::string>
{
};

} // namespace

TEST_P(ConservationMatrix, EveryDataPacketIsDeliveredDroppedWithAReasonOrInFlight)
{
    if (ReadScenario(GetParam()).contains("recipe"))
    {
        // A scenario with its own recipe (epmip-legacy: its roles need per-network ePMIP
        // anchors) runs under that recipe only.
        ExpectConserved(Simulate(ParseScenario(Truncated(ReadScenario(GetParam()), 12))), true);
        return;
    }
    int ran = 0;
    bool ranOwn = false; // under the profile the scenario names
    const std::string own = ReadScenario(GetParam()).value("profile", "");
    for (const ProfileRun& run : Runs())
    {
        SCOPED_TRACE(run.label);
        // 12 s hold every move of the small scenarios; 10 s two moves (4.5 s, 8.5 s) of each
        // of the comparison's 20 nodes (the whole matrix then takes about 30 s of CPU).
        json j =
            Truncated(ReadScenario(GetParam()), GetParam() == "dmm-comparison-3x4.json" ? 10 : 12);
        j["profile"] = run.profile;
        for (const auto& [key, value] : run.protocol.items())
        {
            j["protocol"][key] = value;
        }
        RunResults r;
        try
        {
            r = Simulate(ParseScenario(j));
        }
        catch (const ScenarioError&)
        {
            continue; // refused (e.g. a single-anchor profile on two anchors), as by dmm-run
        }
        ExpectConserved(r, true);
        ++ran;
        ranOwn = ranOwn || (run.profile == own && run.protocol.empty());
    }
    EXPECT_TRUE(ranOwn) << "the scenario runs under its own profile " << own;
    if (!UsesProfileSpecificNodeKeys(ReadScenario(GetParam())))
    {
        EXPECT_GE(ran, 3) << "the scenario runs under most profiles";
    }
}

INSTANTIATE_TEST_SUITE_P(Shipped,
                         ConservationMatrix,
                         ::testing::ValuesIn([] {
                             std::vector<std::string> files;
                             for (const auto& e : std::filesystem::directory_iterator(
                                      std::string(DMM_SOURCE_DIR) + "/scenarios"))
                             {
                                 if (e.path().extension() == ".json")
                                 {
                                     files.push_back(e.path().filename().string());
                                 }
                             }
                             std::sort(files.begin(), files.end());
                             return files;
                         }()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param.substr(0, info.param.size() - 5);
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

namespace
{

/// The chain of closed-form.h (cn - core - lma - r1 - {magA, magB}) with one of its flows.
json
OneFlow(const std::string& profile, bool downlink, double accessMbps = 100)
{
    json j = ChainScenario(2, 2.0, 50, 1.0, accessMbps, profile);
    j["flows"] = json::array({j["flows"][downlink ? 0 : 1]});
    return j;
}

/// \return the packets dropped for \p reason (0 when none)
uint64_t
Dropped(const RunResults& r, const std::string& reason)
{
    auto it = r.packets.dropped.find(reason);
    return it == r.packets.dropped.end() ? 0 : it->second;
}

/// \return the reasons with drops
std::set<std::string>
Reasons(const RunResults& r)
{
    std::set<std::string> reasons;
    for (const auto& [reason, count] : r.packets.dropped)
    {
        reasons.insert(reason);
    }
    return reasons;
}

} // namespace

TEST(PacketConservation, DownlinkLostAtTheOldAccessRouterIsInterruptionTimesRate)
{
    // mipv6: until the home agent moves its tunnel, packets reach the old access router,
    // which still sends them to the departed node's link-layer address.
    json j = OneFlow("mipv6", true);
    j["flows"][0]["interval_ms"] = 5.0;
    RunResults r = Simulate(ParseScenario(j));
    ExpectConserved(r, true);
    ASSERT_EQ(r.handovers.size(), 1u);
    EXPECT_EQ(Reasons(r), std::set<std::string>{"access_no_receiver"});
    EXPECT_EQ(Dropped(r, "access_no_receiver"), r.flows[0].lost);
    EXPECT_NEAR(Dropped(r, "access_no_receiver"), r.handovers[0].interruptionMs / 5.0, 1.0);
}

TEST(PacketConservation, AccessQueueOverflowAndDetachAreCountedOnTheAccessLink)
{
    // 1000-byte packets every 4 ms on a 1 Mbit/s access link (8.5 ms per frame): the
    // node's transmit queue (100 frames) overflows, and detaching drops the queue and the
    // frame on the air. The flow stops half a second before the end with a backlog.
    json j = OneFlow("pmipv6", false, 1);
    j["flows"][0]["interval_ms"] = 4.0;
    j["flows"][0]["size_bytes"] = 1000;
    RunResults r = Simulate(ParseScenario(j));
    ExpectConserved(r, false);
    EXPECT_EQ(Dropped(r, "access_detached"), 100u + 1u);
    EXPECT_GT(Dropped(r, "access_queue_full"), 0u);
    EXPECT_GT(r.packets.inFlight.onLinks, 0u) << "the backlog is still queued at the end";
    EXPECT_EQ(
        Reasons(r),
        (std::set<std::string>{"access_detached", "access_queue_full", "no_route_at_sender"}));
}

TEST(PacketConservation, NeighborCacheOverflowAndFailedResolution)
{
    // none: the node leaves before the first packet of a flow to its address reaches its
    // router, which then tries to resolve the address for 4 s (3 retransmitted NSs) while
    // the packets queue: the queue keeps the newest UnresolvedQueueSize, the rest overflow,
    // and those are dropped when resolution fails.
    json j = OneFlow("none", true);
    j["flows"][0]["stop_s"] = 4.0;
    j["mobility"][1]["at_s"] = 1.005;
    RunResults r = Simulate(ParseScenario(j));
    ExpectConserved(r, true);
    uint64_t queue = CreateObject<NdiscCache>()->GetUnresQlen(); // as the runner configures it
    EXPECT_EQ(queue, 100u);
    EXPECT_EQ(r.flows[0].received, 0u);
    EXPECT_EQ(Dropped(r, "nd_unresolved"), queue);
    EXPECT_EQ(Dropped(r, "nd_queue_full"), r.flows[0].sent - queue);
}

TEST(PacketConservation, NeighborCacheFlushedWhenTheSenderLeavesItsLink)
{
    // none: mn sends to mn2 on the same link; mn2 leaves just after the flow starts, so
    // mn's packets wait for mn2's address to resolve, until mn leaves too and ns-3 flushes
    // its neighbour cache. Afterwards mn has no route, then its old address is filtered.
    json j = ChainScenario(2, 2.0, 50, 1.0, 100, "none");
    j["nodes"].push_back({{"name", "mn2"}, {"role", "mn"}});
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "magA"}},
                     {{"mn", "mn"}, {"at_s", 2.5}, {"attach", "magB"}},
                     {{"mn", "mn2"}, {"at_s", 0.5}, {"attach", "magA"}},
                     {{"mn", "mn2"}, {"at_s", 2.0005}, {"attach", "magB"}}};
    j["flows"] = {{{"name", "m2m"},
                   {"type", "udp"},
                   {"from", "mn"},
                   {"to", "mn2"},
                   {"start_s", 2.0},
                   {"stop_s", 3.0},
                   {"interval_ms", 10.0},
                   {"size_bytes", 100}}};
    j["duration_s"] = 4.0;
    RunResults r = Simulate(ParseScenario(j));
    ExpectConserved(r, true);
    EXPECT_EQ(r.flows[0].received, 0u);
    EXPECT_NEAR(Dropped(r, "nd_flushed"), (2.5 - 2.0) / 0.01, 1.0); // sent before mn left
    EXPECT_EQ(Reasons(r),
              (std::set<std::string>{"nd_flushed", "no_route_at_sender", "ingress_filter"}));
}

TEST(PacketConservation, UplinkWithoutMobilitySupportIsIngressFiltered)
{
    // none: during the layer-2 gap the node has no route; afterwards its old address is
    // filtered at the new access router (BCP 38).
    RunResults r = Simulate(ParseScenario(OneFlow("none", false)));
    ExpectConserved(r, true);
    ASSERT_EQ(r.handovers.size(), 1u);
    const HandoverRecord& h = r.handovers[0];
    EXPECT_EQ(Reasons(r), (std::set<std::string>{"no_route_at_sender", "ingress_filter"}));
    EXPECT_NEAR(Dropped(r, "no_route_at_sender"), (h.signalingDoneS - h.l2DownS) / 0.01, 1.0);
    EXPECT_NEAR(Dropped(r, "ingress_filter"), (5.5 - h.signalingDoneS) / 0.01, 1.0);
}

TEST(PacketConservation, MobilityRouterQueueOverflowIsBufferFull)
{
    // fully-distributed, network-based: the previous router holds a departed node's packets
    // until its new router asks for them. With room for two, the rest are dropped there,
    // and nothing else changes: the flow loses exactly the packets counted as buffer_full.
    auto run = [](uint32_t queue) {
        Config::SetDefault("ns3::DistributedMobilityRouting::QueueSize", UintegerValue(queue));
        json j = ReadScenario("pmipv6-hierarchical.json");
        j["profile"] = "fully-distributed";
        RunResults r = Simulate(ParseScenario(j));
        Config::SetDefault("ns3::DistributedMobilityRouting::QueueSize", UintegerValue(64));
        return r;
    };
    RunResults roomy = run(64);
    RunResults tight = run(2);
    ExpectConserved(roomy, true);
    ExpectConserved(tight, true);
    EXPECT_EQ(Dropped(roomy, "buffer_full"), 0u);
    EXPECT_GT(Dropped(tight, "buffer_full"), 0u);
    EXPECT_EQ(roomy.packets.delivered - tight.packets.delivered, Dropped(tight, "buffer_full"));
}

TEST(PacketConservation, RouterDropsAPacketLargerThanTheNextLinkOnceThenTheSourceFragments)
{
    // none, access links with a 2000-byte MTU: the node's first 1800-byte packet is too big
    // for the wired link behind its router (ns-3 answers Packet Too Big without a drop
    // trace); the node then fragments, and each fragmented packet counts once.
    Config::SetDefault("ns3::AccessNetDevice::Mtu", UintegerValue(2000));
    json j = OneFlow("none", false);
    j["flows"][0]["size_bytes"] = 1800;
    j["flows"][0]["stop_s"] = 2.9; // before the move
    RunResults r = Simulate(ParseScenario(j));
    Config::SetDefault("ns3::AccessNetDevice::Mtu", UintegerValue(1500));
    ExpectConserved(r, true);
    EXPECT_EQ(r.packets.dropped, (std::map<std::string, uint64_t>{{"packet_too_big", 1}}));
    EXPECT_EQ(r.flows[0].received, r.flows[0].sent - 1);
}

TEST(PacketConservation, FragmentedPacketsThroughATunnelCountOnce)
{
    // 3000-byte packets: three fragments from the correspondent, each fragmented again
    // at the LMA's tunnel entry; what the handover loses counts once per packet.
    json j = OneFlow("pmipv6", true);
    j["flows"][0]["size_bytes"] = 3000;
    RunResults r = Simulate(ParseScenario(j));
    ExpectConserved(r, true);
    EXPECT_GT(r.flows[0].lost, 0u);
    EXPECT_EQ(r.packets.Dropped(), r.flows[0].lost);
}

TEST(PacketConservation, TrafficAForgedUpdateStealsIsLostAtTheAttacker)
{
    // Without security associations a forged PBU moves the victim's prefix to the
    // attacker: every packet the attacker receives is counted there, as many as it counts
    // itself.
    json j = ReadScenario("pmipv6-hierarchical.json");
    j["nodes"].push_back({{"name", "eve"}, {"role", "attacker"}});
    j["links"].push_back({{"a", "eve"}, {"b", "core"}, {"delay_ms", 1}, {"rate_mbps", 1000}});
    j["attacks"] = {
        {{"by", "eve"}, {"type", "forge"}, {"message", "PBU"}, {"from", "mag2"}, {"at_s", 8}}};
    j["security"] = {{"enabled", false}};
    RunResults r = Simulate(ParseScenario(j));
    ExpectConserved(r, true);
    EXPECT_GT(Dropped(r, "attacker"), 100u);
    EXPECT_EQ(Dropped(r, "attacker"), r.attackerData.at("eve"));
}

namespace
{

/// A routing protocol that swallows the first \p n packets it is asked to forward, without
/// any trace: the kind of silent drop the monitor must not miss.
class BlackHole : public Ipv6RoutingProtocol
{
  public:
    explicit BlackHole(uint32_t n)
        : m_left(n)
    {
    }

    Ptr<Ipv6Route> RouteOutput(Ptr<Packet>,
                               const Ipv6Header&,
                               Ptr<NetDevice>,
                               Socket::SocketErrno& sockerr) override
    {
        sockerr = Socket::ERROR_NOROUTETOHOST;
        return nullptr;
    }

    bool RouteInput(Ptr<const Packet>,
                    const Ipv6Header& header,
                    Ptr<const NetDevice>,
                    UnicastForwardCallback,
                    MulticastForwardCallback,
                    LocalDeliverCallback,
                    ErrorCallback) override
    {
        if (m_left == 0 || header.GetNextHeader() != UdpL4Protocol::PROT_NUMBER)
        {
            return false;
        }
        --m_left;
        return true; // consumed, and gone
    }

    void NotifyInterfaceUp(uint32_t) override
    {
    }

    void NotifyInterfaceDown(uint32_t) override
    {
    }

    void NotifyAddAddress(uint32_t, Ipv6InterfaceAddress) override
    {
    }

    void NotifyRemoveAddress(uint32_t, Ipv6InterfaceAddress) override
    {
    }

    void NotifyAddRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address) override
    {
    }

    void NotifyRemoveRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address) override
    {
    }

    void SetIpv6(Ptr<Ipv6>) override
    {
    }

    void PrintRoutingTable(Ptr<OutputStreamWrapper>, Time::Unit) const override
    {
    }

  private:
    uint32_t m_left; //!< packets still to swallow
};

} // namespace

TEST(PacketConservation, AnUntracedDropIsReportedAsUnaccounted)
{
    // a - r - b on point-to-point links, a UDP flow from a to b, and a router that loses
    // packets without telling anyone: conservation must not hold silently.
    NodeContainer nodes;
    nodes.Create(3);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    NetDeviceContainer ar = p2p.Install(nodes.Get(0), nodes.Get(1));
    NetDeviceContainer rb = p2p.Install(nodes.Get(1), nodes.Get(2));
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    Ipv6ListRoutingHelper list;
    list.Add(Ipv6StaticRoutingHelper(), 0);
    stack.SetRoutingHelper(list);
    stack.Install(nodes);
    Ipv6AddressHelper address;
    address.SetBase(Ipv6Address("2001:470:1::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer first = address.Assign(ar);
    address.SetBase(Ipv6Address("2001:470:2::"), Ipv6Prefix(64));
    Ipv6InterfaceContainer second = address.Assign(rb);
    nodes.Get(1)->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
    first.SetDefaultRouteInAllNodes(1);
    second.SetDefaultRouteInAllNodes(0);
    DynamicCast<Ipv6ListRouting>(nodes.Get(1)->GetObject<Ipv6>()->GetRoutingProtocol())
        ->AddRoutingProtocol(Create<BlackHole>(5), 10);

    Ptr<ConservationMonitor> monitor = CreateObject<ConservationMonitor>();
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        monitor->Watch(nodes.Get(i));
    }
    Ipv6Address to = second.GetAddress(1, 1);
    PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                Inet6SocketAddress(Ipv6Address::GetAny(), 9));
    Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkHelper.Install(nodes.Get(2)).Get(0));
    OnOffHelper onoff("ns3::UdpSocketFactory", Inet6SocketAddress(to, 9));
    onoff.SetConstantRate(DataRate("80kbps"), 100);
    onoff.SetAttribute("EnableSeqTsSizeHeader", BooleanValue(true));
    ApplicationContainer source = onoff.Install(nodes.Get(0));
    source.Start(Seconds(2)); // after DAD
    source.Stop(Seconds(3));
    monitor->AddFlow(0, sink);
    // Plain pointers, as ScenarioRun binds them: the monitor keeps the sink.
    source.Get(0)->TraceConnectWithoutContext(
        "TxWithSeqTsSize",
        MakeCallback(&ConservationMonitor::PacketSent, PeekPointer(monitor)).Bind(0u));
    sink->TraceConnectWithoutContext(
        "Rx",
        MakeCallback(&ConservationMonitor::PacketReceived, PeekPointer(monitor)).Bind(0u));
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    PacketAccount a = monitor->Finish();
    Simulator::Destroy();

    EXPECT_GT(a.sent, 90u); // 80 kbit/s of 100-byte packets for a second
    EXPECT_EQ(a.unaccounted, 5u);
    EXPECT_EQ(a.delivered, a.sent - 5);
    EXPECT_TRUE(a.dropped.empty());
    EXPECT_EQ(a.inFlight.Total(), 0u);
}
