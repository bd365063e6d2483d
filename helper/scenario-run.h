/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SCENARIO_RUN_H
#define DMM_SCENARIO_RUN_H

#include "scenario-builder.h"

#include "ns3/access-network-helper.h"
#include "ns3/address-plan.h"
#include "ns3/attacker-agent.h"
#include "ns3/conservation-monitor.h"
#include "ns3/distributed-mobility-routing.h"
#include "ns3/dma-helper.h"
#include "ns3/fluid-flow.h"
#include "ns3/handover-monitor.h"
#include "ns3/lma-agent.h"
#include "ns3/location-helper.h"
#include "ns3/logical-net-device.h"
#include "ns3/mip-mn-agent.h"
#include "ns3/mipv6-helper.h"
#include "ns3/mobility-security.h"
#include "ns3/nd-options.h"
#include "ns3/net-device-container.h"
#include "ns3/path-monitor.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/recipe.h"
#include "ns3/signaling-monitor.h"
#include "ns3/topology-graph.h"

#include <deque>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace ns3
{

class DistributedRoutingFunction;

/**
 * \brief One run: the ns-3 objects of a scenario and what is needed to read results.
 *
 * Internal to the scenario builder (scenario-builder.cc: topology, routes, flows, run;
 * scenario-profiles.cc: what each role becomes under the profile).
 */
class ScenarioRun
{
  public:
    ScenarioRun(const ScenarioConfig& config, const RunOptions& options)
        : m_cfg(config),
          m_opt(options),
          m_recipe(config.recipe),
          m_access(config, m_recipe.accessLinkAddress == "shared")
    {
    }

    RunResults Run();

  private:
    /// A wired or access interface of a node, as an edge end.
    struct Port
    {
        uint32_t interface;  //!< interface index on the node
        Ipv6Address address; //!< global address
        size_t edge;         //!< link index in m_edges
    };

    void CreateNodes();
    void CreateWiredLinks();
    /// \brief Replaces ns-3's default root queue disc of a wired link (key "queue_disc").
    /// \param devs the link's two devices
    void SetWiredQueueDisc(const NetDeviceContainer& devs) const;
    void CreateAccessLinks();
    void ComputeRoutes();
    void InstallRoutesTo(const HomeNetworkPrefix& prefix,
                         const std::vector<std::string>& originators);
    void InstallLinkRoutes();
    void InstallRoute(size_t s, const HomeNetworkPrefix& prefix, size_t hop);
    void InstallProfile();
    void ConfigurePmipv6();
    void ApplyPmipv6Recipe();
    void ApplyMipv6Recipe();
    void InstallLmas();
    /// \brief Seed 004: the LMAs' peers and the nodes' H-LMAs (no-op for other profiles).
    void ConnectDistributedLmas(const ApplicationContainer& lmas);
    /// Seed 004 §5.1.1-§5.1.2: the MAGs' forwarding when D-LMAs are bypassed.
    void InstallDlmaBypass();
    /// \brief ePMIP (seed 001): the eMAGs' DRF, before the access routers are installed.
    void ConfigureEpmip();
    /// \brief ePMIP: the eLMAs' LMFs and the eMAGs' DRF signalling, once all are installed.
    void InstallEpmip();
    /// The DRFs of a scenario and their nodes.
    using Drfs = std::vector<std::pair<Ptr<DistributedRoutingFunction>, std::string>>;
    /// \brief ePMIP §5.2: the AR+DRFs (routers with "epmip_role" "ar"). \return them
    Drfs InstallAccessRouterDrfs();
    /// \brief ePMIP §5.2: the LMF for fixed nodes, in every DRF's prefix map. \param drfs all
    void InstallFixedNodeLmf(const Drfs& drfs);
    /// \brief ePMIP §7: the DAF in the LMAs and the standalone LMFs (variant alternative).
    void InstallAlternativeEpmip();
    /// \param ar an access router \return the cn nodes linked to it
    std::vector<std::string> FixedNodesBehind(const std::string& ar) const;
    /// \param name a node \return whether its "epmip_role" makes it a legacy MAG or LMA
    bool IsLegacy(const std::string& name) const;
    /// \brief ePMIP §6: eLMA \p name's interworking with legacy MAGs. \param emags the eMAGs
    void InstallInterworking(const std::string& name, const std::vector<std::string>& emags);
    /// \param name a node \return its mobility domain (seed 004 §7; an mn's: where it
    /// registers); "" the default one
    std::string DomainOf(const std::string& name) const;
    /// \param anchor an anchor \return the anchors of its domain, which anycast its pool
    std::vector<std::string> AnchorsInDomainOf(const std::string& anchor) const;
    /// \param address an anchor's first global address \return that anchor's name
    std::string AnchorAt(Ipv6Address address) const;
    /// \brief ePMIP: the eLMAs' LMFs, their peers (§4.4.3) and query interception (§4.4.2).
    void InstallElmas();
    /// \return the eMAGs' DRF counters summed (empty when no access router has a DRF)
    std::map<std::string, uint64_t> EpmipCounters() const;
    /// \return the MARs' and mobility routers' counters summed, by kind
    std::map<std::string, std::map<std::string, uint64_t>> AccessCounters() const;
    Ptr<AccessRouterAgent> InstallMar(const std::string& name);
    Ipv6Address LmaFor(const std::string& access) const;
    Ipv6Address AddressOn(const std::string& node, const HomeNetworkPrefix& prefix) const;
    void ConfigureMipv6();
    void InstallMaps();
    void InstallLocationServers();
    /// DMM with MIP (seed 002): an HAA per local network, on its LM's node.
    void InstallHomeAddressAgents();
    /// \brief Tell a DMM-with-MIP router its network's HAA. \param name the router
    /// \param agent its access agent
    void ConnectHomeAddressAgent(const std::string& name, Ptr<AccessRouterAgent> agent);
    /// \return the node of the HAA of \p anchor's local network (seed 002 Fig 1)
    std::string HaaNode(const std::string& anchor) const;
    /// DMM with MIP (seed 002 §3.3): routers ask their network's LM, which relays.
    void InstallLmRelays();
    void InstallMobilityRouters();
    /// \brief Seed 002 §5: the mobility router of a router with "mr_role". \param n it
    void InstallRoleRouter(const NodeConfig& n);
    /// \return whether \p n has an "mr_role" the profile's routers can take (dmm-mip)
    bool MrRoleApplies(const NodeConfig& n) const;
    /// \return the routers with "mr_role" "anycast" (seed 002 §5), in node order
    std::vector<std::string> AnycastMobilityRouters() const;
    /// \brief Seed 002 §5: route the home prefix aggregates to the nearest anycast router.
    /// \param routers the anycast routers
    void RouteHomeAggregates(const std::vector<std::string>& routers);
    bool IsMobilityRouter(const std::string& name) const;
    /// \return the interfaces of \p name that lead to a correspondent node
    std::vector<uint32_t> CorrespondentInterfaces(const std::string& name) const;
    Ptr<AccessRouterAgent> InstallLocatedAccess(const std::string& name);
    /// Client-based DMA's router: per-node prefixes, a home agent anchoring them.
    /// \param name the router \param agent set to its access agent \return its MR
    Ptr<MobilityRouting> InstallDmaClientAccess(const std::string& name,
                                                Ptr<AccessRouterAgent>& agent);
    Ptr<AccessRouterAgent> CreatePlainAccessAgent(uint32_t interface,
                                                  const HomeNetworkPrefix& onLink);
    NdOptions::MapOption MapOptionFor(Ipv6Address address) const;
    void InstallClientMobileNodes();
    Ptr<MnAgent> InstallMobileNodeAgent(const std::string& name);
    std::string NearestOfRole(const std::string& from,
                              const std::string& role,
                              bool sameDomain = false) const;
    void InstallAccess(const std::string& name);
    void InstallMobileNodes();
    void ScheduleFlows();
    /// \brief The L2 mobility of a mobile node, moves planned: one per interface (the
    /// handover monitor follows the first). \param mn the node \param agent its agent
    /// \return the first interface's
    Ptr<L2Mobility> InstallL2Mobility(const NodeConfig& mn, Ptr<MnAgent> agent);

    /// A mobile node's attachments in time order, scheduled one at a time: each when the
    /// one before begins, so that a plan of thousands of moves holds one event, not one
    /// per move. Scheduled before anything that move causes, the next one keeps its order
    /// among those events; only an event scheduled earlier still, for the very instant of
    /// the next move, now runs before it instead of after.
    struct MovePlan
    {
        /// the attachments, in time order, as positions in the scenario's `mobility` (32
        /// bits: an hour of moves of 100,000 nodes is 6,000,000 of them)
        std::vector<uint32_t> moves;
        std::size_t next{0};                      //!< the next one to schedule
        const ScenarioConfig* config;             //!< the scenario
        std::vector<Ptr<L2Mobility>>* interfaces; //!< the node's, one per interface
        Ptr<LogicalNetDevice> logical;            //!< its logical interface, if any
    };

    /// \brief Schedule a plan's next attachment, if any. \param plan the plan
    static void ScheduleNextMove(MovePlan* plan);
    /// \brief L2Mobility MoveBegins sink. \param plan the node's plan
    static void MoveBegins(MovePlan* plan, const std::string&);
    /// \brief The link-layer addresses under which access routers know a mobile node: one
    /// per interface (each is a mobility session, RFC 5213 §5.4). \param mn node name
    /// \return its addresses
    std::vector<Mac48Address> MobileNodeMacs(const std::string& mn) const;
    /// \brief Schedule the scenario's flow_moves.
    void ScheduleFlowMoves();
    /// \brief Bind a flow's prefix to its new interface. \param index into flowMoves
    void MoveFlow(size_t index);
    /// \brief Security associations on every signalling interface ("security").
    void InstallSecurity();
    /// \brief The attacker nodes and their scripts ("attacks").
    void InstallAttackers();
    /// \brief Copy what the attackers did into \p r.
    void CollectAttacks(RunResults& r) const;
    /// \return the security counters summed over the nodes (empty when disabled)
    std::map<std::string, uint64_t> SecurityCounters() const;
    void StartFlow(size_t index);
    /**
     * \brief A udp flow's source: OnOffApplication, or FluidFlow under "data": "fluid".
     * \param index into the flows \param id the monitors' flow index \param peer where it
     * sends \param src its address \param sink the receiving application \return the source
     */
    Ptr<Application> InstallUdpSource(size_t index,
                                      uint32_t id,
                                      const Inet6SocketAddress& peer,
                                      Ipv6Address src,
                                      Ptr<Application> sink);
    /// \brief Tell a fluid flow when its ends move. \param index into the flows
    /// \param flow the flow's source
    void AnnouncePathChanges(size_t index, Ptr<FluidFlow> flow);
    /// \brief Add the packets fluid flows only counted to the flows and the packet account.
    /// \param r the results, monitors' records already in
    void AddFluidPackets(RunResults& r) const;
    /// \param flows the flow records \return where every data packet went
    PacketAccount CountPackets(const std::vector<FlowRecord>& flows) const;
    Ipv6Address FirstGlobal(const std::string& node) const;
    uint32_t ShortestPath(uint32_t flow) const;
    void EnableAccessPcap();
    bool IsOnLink(size_t vertex, const HomeNetworkPrefix& prefix) const;
    /**
     * \param mn a mobile node \param destination its peer (:: if not known yet)
     * \return the source address the node chooses for a new flow (:: if none yet)
     */
    Ipv6Address CurrentGlobal(const std::string& mn, Ipv6Address destination);

    const ScenarioConfig& m_cfg;
    const RunOptions& m_opt;
    const dmm::Recipe& m_recipe; //!< what each role becomes

    /// \param role a scenario role \return its assembly under the recipe
    const dmm::RoleRecipe& Role(const std::string& role) const
    {
        return m_recipe.Role(role);
    }

    std::map<std::string, Ptr<Node>> m_nodes;
    std::map<std::string, size_t> m_vertex;                  //!< node -> graph vertex
    std::vector<std::string> m_names;                        //!< vertex -> node
    std::vector<std::pair<size_t, size_t>> m_edges;          //!< links as vertex pairs
    std::map<std::string, std::vector<Port>> m_ports;        //!< node -> wired ports
    std::map<std::pair<size_t, size_t>, Ipv6Address> m_peer; //!< (vertex, via edge) -> peer address
    std::map<std::string, std::pair<uint32_t, HomeNetworkPrefix>> m_accessPort;
    std::map<std::string, Ptr<AccessRouterAgent>> m_accessAgent;
    std::map<std::string, Ptr<NetDevice>> m_mnDevice;
    std::map<std::string, Ptr<L2Mobility>> m_l2;
    std::map<std::string, std::vector<Ptr<L2Mobility>>> m_interfaceL2; //!< mn -> per interface
    std::deque<MovePlan> m_movePlans; //!< per mobile node (stable addresses: sinks hold them)
    std::map<std::string, Ipv6Address> m_flowAddress; //!< flow -> its mn's address
    AccessNetworkHelper m_access;
    Pmipv6Helper m_pmip;
    LocationHelper m_location;      //!< fully distributed: servers and routers
    std::optional<DmaHelper> m_dma; //!< MARs (made from m_pmip once it is configured)
    std::string m_anchor;
    std::vector<std::string> m_warnings;                   //!< reported with the results
    std::vector<Ptr<MobilitySecurity>> m_security;         //!< every node's associations
    std::map<std::string, Ptr<AttackerAgent>> m_attackers; //!< by node name
    TopologyGraph m_graph;                                 //!< wired nodes (vertex = m_vertex)
    std::vector<std::string> m_flowCn;                     //!< flow index -> correspondent
    std::vector<std::string> m_flowMn;                     //!< flow index -> mobile node
    std::vector<bool> m_flowTcp;                           //!< flow index -> a tcp flow
    Ptr<PathMonitor> m_paths;
    Ptr<ConservationMonitor> m_conservation; //!< where every data packet went
    int64_t m_stream{0};                     //!< next random stream number to assign
    Ptr<SignalingMonitor> m_signaling;
    Ptr<HandoverMonitor> m_handovers;
    Mipv6Helper m_mip;                              //!< client-based roles
    std::map<uint32_t, Ptr<FluidFlow>> m_fluid;     //!< monitors' flow index -> fluid source
    std::map<std::string, Ptr<MnAgent>> m_mnAgents; //!< every MN's agent
    std::map<std::string, Ptr<DistributedMobilityRouting>> m_routers; //!< fully-distributed MRs
    std::map<std::string, HomeNetworkPrefix> m_regional;              //!< MAP -> regional prefix
    std::map<std::string, Ipv6Address> m_mapAddress;                  //!< MAP -> its address
    std::vector<std::pair<HomeNetworkPrefix, std::string>> m_anchorPools; //!< pool, anchor
};

} // namespace ns3

#endif // DMM_SCENARIO_RUN_H
