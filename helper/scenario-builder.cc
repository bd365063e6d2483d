/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "scenario-builder.h"

#include "scenario-run.h"

#include "ns3/access-net-device.h"
#include "ns3/access-network-helper.h"
#include "ns3/applications-module.h"
#include "ns3/attacker-agent.h"
#include "ns3/binding-cache.h"
#include "ns3/core-module.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/ha-agent.h"
#include "ns3/handover-monitor.h"
#include "ns3/internet-module.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/link-switch.h"
#include "ns3/lma-agent.h"
#include "ns3/mag-agent.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/path-monitor.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/point-to-point-module.h"
#include "ns3/prefix-pool-allocation.h"
#include "ns3/prefix-routing-helper.h"
#include "ns3/progress-reporter.h"
#include "ns3/proxy-location-update.h"
#include "ns3/routing-control.h"
#include "ns3/security-helper.h"
#include "ns3/signaling-monitor.h"
#include "ns3/topology-graph.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/yans-wifi-helper.h"

#include <chrono>
#include <fmt/format.h>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioBuilder");

void
ScenarioRun::CreateNodes()
{
    for (const auto& n : m_cfg.nodes)
    {
        Ptr<Node> node = CreateObject<Node>();
        Names::Add(n.name, node);
        m_nodes[n.name] = node;
        if (n.role != "mn")
        {
            m_vertex[n.name] = m_graph.AddVertex({n.name, n.role, n.network, n.tier});
            m_names.push_back(n.name);
        }
    }
    // Packets waiting for address resolution: Linux keeps about 100 (unres_qlen); ns-3's
    // 3 would drop the acknowledgements and data that reach a router together while it
    // resolves a mobile node's new address.
    Config::SetDefault("ns3::NdiscCache::UnresolvedQueueSize", UintegerValue(100));
    Ipv6ListRoutingHelper list;
    list.Add(Ipv6StaticRoutingHelper(), 0);
    if (!m_opt.staticWiredRoutes)
    {
        // Below static routing: connected and agents' routes are looked up first.
        list.Add(Ipv6PrefixRoutingHelper(), -1);
    }
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.SetRoutingHelper(list);
    stack.SetIpv6NsRsJitter(false); // movement detection timing must be exact
    for (const auto& [name, node] : m_nodes)
    {
        stack.Install(node);
        // Fixed streams: the same seed gives the same run even after an earlier run in
        // the same process (ns-3 otherwise numbers streams with a global counter).
        m_stream += stack.AssignStreams(NodeContainer(node), m_stream);
        // Weak end-system model, as Linux routers: a packet for any of the node's
        // addresses is delivered on whatever interface it arrives (an anchor's LMAA is
        // reached from every side without a loop through the LMAA's own interface).
        node->GetObject<Ipv6L3Protocol>()->SetAttribute("StrongEndSystemModel",
                                                        BooleanValue(false));
    }
}

void
ScenarioRun::CreateWiredLinks()
{
    for (size_t i = 0; i < m_cfg.links.size(); ++i)
    {
        const LinkConfig& l = m_cfg.links[i];
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate(l.rateMbps * 1e6)));
        p2p.SetChannelAttribute("Delay", TimeValue(ScenarioMilliseconds(l.delayMs)));
        NetDeviceContainer devs = p2p.Install(m_nodes[l.a], m_nodes[l.b]);
        Ipv6AddressHelper addr;
        addr.SetBase(dmm::AddressPlan::WiredLink(i + 1), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(devs);
        SetWiredQueueDisc(devs);
        size_t a = m_vertex[l.a];
        size_t b = m_vertex[l.b];
        m_edges.emplace_back(a, b);
        m_graph.AddEdge(a, b, {l.delayMs, l.rateMbps});
        m_ports[l.a].push_back({ifs.GetInterfaceIndex(0), ifs.GetAddress(0, 1), i});
        m_ports[l.b].push_back({ifs.GetInterfaceIndex(1), ifs.GetAddress(1, 1), i});
        m_peer[{a, i}] = ifs.GetAddress(1, 1);
        m_peer[{b, i}] = ifs.GetAddress(0, 1);
    }
    for (const auto& n : m_cfg.nodes)
    {
        if (n.role != "mn" && n.role != "cn" && n.role != "attacker")
        {
            m_nodes[n.name]->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
        }
    }
}

void
ScenarioRun::SetWiredQueueDisc(const NetDeviceContainer& devs) const
{
    // Ipv6AddressHelper::Assign has installed ns-3's default root queue disc (FqCoDel).
    if (m_cfg.queueDisc == "fq_codel")
    {
        return;
    }
    TrafficControlHelper tch;
    tch.Uninstall(devs);
    if (m_cfg.queueDisc == "pfifo_fast")
    {
        tch.SetRootQueueDisc("ns3::PfifoFastQueueDisc");
        tch.Install(devs);
    }
}

void
ScenarioRun::CreateAccessLinks()
{
    uint32_t index = 0;
    for (const NodeConfig* n : m_cfg.AttachmentPoints())
    {
        auto port = m_access.InstallAccessRouter(n->name, m_nodes[n->name], ++index, m_stream);
        m_accessPort[n->name] = {port.interface, port.onLink};
    }
}

void
ScenarioRun::EnableAccessPcap()
{
    PcapHelper pcap;
    for (const auto& [name, node] : m_nodes)
    {
        for (uint32_t i = 0; i < node->GetNDevices(); ++i)
        {
            Ptr<AccessNetDevice> dev = DynamicCast<AccessNetDevice>(node->GetDevice(i));
            if (dev)
            {
                auto file = pcap.CreateFile(fmt::format("{}/dmm-{}-{}.pcap", m_opt.outDir, name, i),
                                            std::ios::out,
                                            PcapHelper::DLT_EN10MB);
                pcap.HookDefaultSink<AccessNetDevice>(dev, "Sniffer", file);
            }
        }
    }
}

uint32_t
ScenarioRun::ShortestPath(uint32_t flow) const
{
    std::string ar = m_l2.at(m_flowMn[flow])->GetCurrent();
    if (ar.empty())
    {
        return 0;
    }
    auto peer = m_l2.find(m_flowCn[flow]); // a mobile correspondent: from its router on
    if (peer != m_l2.end())
    {
        std::string peerAr = peer->second->GetCurrent();
        if (peerAr == ar)
        {
            return 1; // neighbours on one access link (a protocol may still route via the AR)
        }
        return peerAr.empty() ? 0 : m_graph.Distance(m_vertex.at(peerAr), m_vertex.at(ar)) + 2;
    }
    return m_graph.Distance(m_vertex.at(m_flowCn[flow]), m_vertex.at(ar)) + 1; // + access link
}

Ipv6Address
ScenarioRun::FirstGlobal(const std::string& node) const
{
    return m_ports.at(node).front().address;
}

void
ScenarioRun::ScheduleFlows()
{
    for (size_t i = 0; i < m_cfg.flows.size(); ++i)
    {
        Simulator::Schedule(Seconds(m_cfg.flows[i].startS), &ScenarioRun::StartFlow, this, i);
    }
}

void
ScenarioRun::StartFlow(size_t index)
{
    const FlowConfig& f = m_cfg.flows[index];
    // The receiving mn is the flow's mn (a flow between two mns is "downlink" to it).
    bool downlink = m_cfg.FindNode(f.to)->role == "mn";
    const std::string& mn = downlink ? f.to : f.from;
    const std::string& cn = downlink ? f.from : f.to;
    uint32_t id = m_handovers->AddFlow(f.name, mn, cn, downlink, f.startS);
    m_flowMn.push_back(mn);
    m_flowCn.push_back(cn);
    m_flowTcp.push_back(f.type != "udp");
    bool mobilePeer = m_cfg.FindNode(cn)->role == "mn";
    // Between two mobile nodes each chooses without knowing the other's choice.
    Ipv6Address cnAddress = mobilePeer ? CurrentGlobal(cn, Ipv6Address::GetAny()) : FirstGlobal(cn);
    Ipv6Address mnAddress = CurrentGlobal(mn, mobilePeer ? Ipv6Address::GetAny() : cnAddress);
    m_handovers->SetFlowAddress(id, dmm::Str(mnAddress));
    m_flowAddress[f.name] = mnAddress;
    for (const auto& [node, address] :
         {std::make_pair(mn, mnAddress), std::make_pair(cn, cnAddress)})
    {
        if (address.IsAny())
        {
            m_warnings.push_back(fmt::format("flows: \"{}\" starts at {} s but {} has no address "
                                             "yet (not attached, or its router advertisement "
                                             "has not arrived); the flow sends nothing",
                                             f.name,
                                             f.startS,
                                             node));
            return;
        }
    }
    Ipv6Address dst = downlink ? mnAddress : cnAddress;
    Ipv6Address src = downlink ? cnAddress : mnAddress;
    uint16_t port = FlowConfig::SinkPort(index);
    std::string socket = f.type == "udp" ? "ns3::UdpSocketFactory" : "ns3::TcpSocketFactory";
    Time duration = Seconds(f.stopS - f.startS);

    PacketSinkHelper sinkHelper(socket, Inet6SocketAddress(Ipv6Address::GetAny(), port));
    Ptr<Application> sink = sinkHelper.Install(m_nodes[f.to]).Get(0);
    compat::ConnectRxWithSeqTsSize(
        sink,
        MakeCallback(&HandoverMonitor::PacketReceived, m_handovers).Bind(id));

    Ptr<Application> source;
    if (f.type == "udp")
    {
        source = InstallUdpSource(index, id, Inet6SocketAddress(dst, port), src, sink);
        source->TraceConnectWithoutContext(
            "TxWithSeqTsSize",
            MakeCallback(&PathMonitor::PacketSent, m_paths).Bind(id));
        sink->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(&PathMonitor::PacketReceived, m_paths).Bind(id));
        m_conservation->AddFlow(id, DynamicCast<PacketSink>(sink));
        // Not the Ptr: the monitor keeps the sink, so a sink trace that kept the monitor
        // would be a cycle that outlives the run (LeakSanitizer, in the sanitizer build).
        source->TraceConnectWithoutContext(
            "TxWithSeqTsSize",
            MakeCallback(&ConservationMonitor::PacketSent, PeekPointer(m_conservation)).Bind(id));
        sink->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(&ConservationMonitor::PacketReceived, PeekPointer(m_conservation))
                .Bind(id));
    }
    else
    {
        BulkSendHelper bulk(socket, Inet6SocketAddress(dst, port));
        bulk.SetAttribute("MaxBytes", UintegerValue(f.maxBytes));
        bulk.SetAttribute("SendSize", UintegerValue(FlowConfig::kTcpSendSize));
        bulk.SetAttribute("EnableSeqTsSizeHeader", BooleanValue(true));
        bulk.SetAttribute("Local", AddressValue(Inet6SocketAddress(src, 0)));
        source = bulk.Install(m_nodes[f.from]).Get(0);
    }
    source->TraceConnectWithoutContext(
        "TxWithSeqTsSize",
        MakeCallback(&HandoverMonitor::PacketSent, m_handovers).Bind(id));
    source->SetStopTime(duration);
    sink->SetStopTime(Seconds(m_cfg.durationS - f.startS));
}

PacketAccount
ScenarioRun::CountPackets(const std::vector<FlowRecord>& flows) const
{
    PacketAccount account = m_conservation->Finish();
    // A TCP flow's writes are not followed packet by packet: what the sink has not
    // received, TCP still holds (it retransmits until delivery or until it gives up).
    for (uint32_t i = 0; i < flows.size(); ++i)
    {
        if (m_flowTcp[i])
        {
            account.sent += flows[i].sent;
            account.delivered += flows[i].received;
            account.inFlight.tcp += flows[i].sent - std::min(flows[i].sent, flows[i].received);
        }
    }
    return account;
}

RunResults
ScenarioRun::Run()
{
    auto wallStart = std::chrono::steady_clock::now();
    // Real checksums where someone reads the bytes (ns-3 writes UDP checksum 0 otherwise,
    // illegal over IPv6); computing them costs CPU and changes no timing.
    bool checksums = m_opt.checksums == "on" || (m_opt.checksums == "auto" && m_opt.pcap);
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(checksums));
    ObjectFactory scheduler(m_opt.scheduler == "map" ? "ns3::MapScheduler"
                                                     : "ns3::CompactingScheduler");
    Simulator::SetScheduler(scheduler);
    RngSeedManager::SetSeed(m_cfg.seed);
    RngSeedManager::SetRun(1);
    m_signaling = CreateObject<SignalingMonitor>();
    m_handovers = CreateObject<HandoverMonitor>();
    m_handovers->SetAttribute("PacketTrace", BooleanValue(m_opt.packetTrace));
    m_paths = CreateObject<PathMonitor>();
    m_paths->SetShortestPathCallback(MakeCallback(&ScenarioRun::ShortestPath, this));
    m_conservation = CreateObject<ConservationMonitor>();
    CreateNodes();
    CreateWiredLinks();
    CreateAccessLinks();
    InstallProfile();
    ComputeRoutes();
    InstallSecurity();
    InstallAttackers();
    for (const auto& [name, node] : m_nodes)
    {
        std::string role = m_cfg.FindNode(name)->role;
        m_signaling->Watch(node, name, role == "mn" || m_accessPort.count(name));
        m_paths->Watch(node);
        m_conservation->Watch(node, role == "attacker");
    }
    ScheduleFlows();
    ScheduleFlowMoves();
    if (m_opt.pcap)
    {
        PointToPointHelper().EnablePcapAll(m_opt.outDir + "/dmm");
        EnableAccessPcap();
        YansWifiPhyHelper().EnablePcapAll(m_opt.outDir + "/dmm", true);
    }
    Ptr<ProgressReporter> progress = CreateObject<ProgressReporter>();
    if (m_opt.progress)
    {
        progress->Start(Seconds(m_cfg.durationS));
    }
    Simulator::Stop(Seconds(m_cfg.durationS));
    Simulator::Run();

    RunResults r;
    r.scenario = m_cfg.name;
    r.profile = m_cfg.profile;
    r.seed = m_cfg.seed;
    r.ignoredKeys = m_cfg.ignoredKeys;
    r.simulatedS = Simulator::Now().GetSeconds();
    r.events = ProgressReporter::GetEvents();
    r.dataMode = m_cfg.dataMode;
    r.handovers = m_handovers->GetHandovers();
    if (uint64_t late = m_handovers->GetLateDeliveries())
    {
        m_warnings.push_back(fmt::format("handovers: {} data packets were delivered after their "
                                         "handover's row was final and count as lost there "
                                         "(raise dmm-run --settle)",
                                         late));
    }
    r.flows = m_handovers->GetFlows();
    if (m_opt.packetTrace)
    {
        r.packetTrace = m_handovers->GetPackets();
    }
    for (uint32_t i = 0; i < r.flows.size(); ++i)
    {
        PathMonitor::FlowPath path = m_paths->GetFlowPath(i);
        r.flows[i].minLinks = path.minLinks;
        r.flows[i].maxLinks = path.maxLinks;
        r.flows[i].lastLinks = path.lastLinks;
        r.flows[i].lastShortestLinks = path.lastShortestLinks;
        m_paths->FillFlowTiming(i, r.flows[i]);
    }
    r.signaling = m_signaling->GetRecords();
    r.signalingByteHops = m_signaling->GetByteHops();
    r.tunnelledBytes = m_signaling->GetTunnelledBytes();
    r.meanPathStretch = m_paths->GetMeanStretch();
    r.warnings = m_warnings;
    r.security = SecurityCounters();
    r.epmip = EpmipCounters();
    r.accessCounters = AccessCounters();
    CollectAttacks(r);
    r.packets = CountPackets(r.flows);
    AddFluidPackets(r);
    if (r.packets.unaccounted > 0)
    {
        r.warnings.push_back(fmt::format("packets: {} data packets vanished without a named "
                                         "reason (summary.json packets.unaccounted), a defect",
                                         r.packets.unaccounted));
    }
    progress->Stop();
    Simulator::Destroy();
    Names::Clear();
    r.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    return r;
}

void
ScenarioRun::InstallSecurity()
{
    const SecurityConfig& sec = m_cfg.security;
    if (!sec.enabled)
    {
        return;
    }
    SecurityHelper helper;
    helper.SetAttribute("ReplayProtection", BooleanValue(sec.replayProtection));
    helper.SetAttribute("CloseEnough", TimeValue(Seconds(sec.closeEnoughS)));
    for (const auto& domain : sec.domains)
    {
        for (const auto& name : domain.nodes)
        {
            bool mobile = m_cfg.FindNode(name)->role == "mn";
            if (auto s = helper.Install(m_nodes.at(name), name, domain.key, !mobile))
            {
                m_security.push_back(s);
            }
        }
    }
    for (const auto& k : sec.pairKeys)
    {
        helper.SetPairKey(m_nodes.at(k.a), m_nodes.at(k.b), k.key);
    }
}

void
ScenarioRun::InstallAttackers()
{
    for (const auto& a : m_cfg.attacks)
    {
        Ptr<AttackerAgent>& agent = m_attackers[a.by];
        if (!agent)
        {
            agent = CreateObject<AttackerAgent>();
            agent->SetAddress(FirstGlobal(a.by));
            m_nodes.at(a.by)->AddApplication(agent);
        }
        agent->Overhear(MobilityL4Protocol::Install(m_nodes.at(a.from)));
        AttackerAgent::Attack attack;
        attack.type = a.type;
        attack.message = a.message;
        attack.at = Seconds(a.atS);
        attack.count = a.count;
        attack.interval = ScenarioMilliseconds(a.intervalMs);
        attack.keepAuthentication = a.keepAuthentication;
        agent->AddAttack(attack);
    }
}

void
ScenarioRun::CollectAttacks(RunResults& r) const
{
    std::map<std::string, size_t> next; // attacker -> index of its next attack
    for (const auto& a : m_cfg.attacks)
    {
        const Ptr<AttackerAgent>& agent = m_attackers.at(a.by);
        const AttackerAgent::Attack& done = agent->GetAttacks().at(next[a.by]++);
        r.attacks.push_back({a.by, a.type, a.message, a.from, a.atS, done.sent, done.missed});
        r.attackerData[a.by] = agent->GetDataPacketsReceived();
    }
}

std::map<std::string, uint64_t>
ScenarioRun::SecurityCounters() const
{
    std::map<std::string, uint64_t> out;
    if (!m_cfg.security.enabled)
    {
        return out;
    }
    using V = MobilitySecurity::Verdict;
    for (const auto& security : m_security)
    {
        const MobilitySecurity::Stats& s = security->GetStats();
        out["protected"] += s.protectedTx;
        out["unprotected"] += s.noAssociationTx;
        out["authentic"] += s.authentic;
        out[MobilitySecurity::VerdictToString(V::MISSING)] += s.missing;
        out[MobilitySecurity::VerdictToString(V::UNKNOWN_SPI)] += s.unknownSpi;
        out[MobilitySecurity::VerdictToString(V::BAD_AUTHENTICATOR)] += s.badAuthenticator;
        out[MobilitySecurity::VerdictToString(V::STALE)] += s.stale;
        out[MobilitySecurity::VerdictToString(V::REPLAYED)] += s.replayed;
    }
    return out;
}

RunResults
RunScenario(const ScenarioConfig& config, const RunOptions& options)
{
    ScenarioRun run(config, options);
    try
    {
        return run.Run();
    }
    catch (const ScenarioError&)
    {
        // A scenario refused while it was being built leaves no simulation behind: the
        // caller may run the next one in the same process.
        Simulator::Destroy();
        Names::Clear();
        throw;
    }
}

} // namespace ns3
