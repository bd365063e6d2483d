/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_SCENARIO_CONFIG_H
#define DMM_SCENARIO_CONFIG_H

#include "ns3/interned-name.h"
#include "ns3/name-index.h"
#include "ns3/nstime.h"
#include "ns3/recipe.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{

class JsonObjectReader;

/**
 * \ingroup dmm
 * \brief A scenario file that cannot be used; the message names the JSON path or the file.
 *
 * Examples: `links[2].delay_ms: must be >= 0 (got -1)`,
 * `mobility[0].attach: unknown node "mag9"`.
 */
class ScenarioError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/// \brief One node of the scenario (key "nodes").
struct NodeConfig
{
    std::string name; //!< unique, [A-Za-z0-9_-]+
    std::string role; //!< anchor, router, aggregation (a MAP under hmipv6), access, cn or mn
    std::optional<double> accessDelayMs;  //!< access nodes only: overrides access.delay_ms
    std::optional<double> accessRateMbps; //!< access nodes only: overrides access.rate_mbps
    uint32_t network{0}; //!< generated topologies: network index from 1; 0 for listed nodes
    std::string tier;    //!< generated topologies: core, aggregation, access or host; else ""
    /// mn only: names of its access interfaces (key "interfaces"); empty: one interface
    std::vector<std::string> interfaces;
    /// router only (key "haa_for"): this node is the HAA of the local network of that
    /// anchor, apart from its LM (seed 002 §3.2, Fig 1's local network 3)
    std::string haaFor;
    /// router only (key "mr_role"), dmm-mip: "convergence" (a mobility router for the
    /// correspondents behind it) or "anycast" (a mobility router anycasting the home
    /// prefix aggregate), seed 002 §5 Fig 6; empty: a plain router
    std::string mrRole;
    /// ePMIP (seed 001 §6) access or anchor nodes: "mag"/"lma" for a legacy one (key
    /// "epmip_role"); empty: the recipe's eMAG/eLMA
    std::string epmipRole;
    /// anchor or access nodes (key "domain"): the mobility domain the node belongs to (seed
    /// 004 §7); "" the scenario's default one. Anchors anycast only their domain's pools.
    std::string domain;
};

/// \brief A wired point-to-point link between two non-mn nodes (key "links").
struct LinkConfig
{
    std::string a;   //!< one end
    std::string b;   //!< other end
    double delayMs;  //!< one-way propagation delay, ms, >= 0
    double rateMbps; //!< data rate, Mbit/s, > 0
};

/// \brief The mobile node \c mn attaches to access node \c attach at time \c atS.
///
/// The names are interned (an hour of moves of 100,000 nodes is 6,000,000 attachments):
/// 24 bytes each instead of 104.
struct AttachmentConfig
{
    dmm::InternedName mn;     //!< mobile node
    double atS;               //!< time of the attachment, s
    dmm::InternedName attach; //!< access node
    /// the mn's interface that attaches ("" when the mn has one interface)
    dmm::InternedName interface;
};

/// \brief At \c atS the flow \c flow moves to interface \c interface of its mn
/// (key "flow_moves").
struct FlowMoveConfig
{
    std::string flow;      //!< the flow
    std::string interface; //!< the interface it moves to
    double atS;            //!< when, s
};

/// \brief One traffic flow between an mn and a cn (key "flows").
struct FlowConfig
{
    std::string name;   //!< unique flow name
    std::string type;   //!< "udp" or "tcp"
    std::string from;   //!< sender node
    std::string to;     //!< receiver node
    double startS;      //!< start time, s
    double stopS;       //!< stop time, s
    double intervalMs;  //!< udp: packet spacing, ms (0 for tcp)
    uint32_t sizeBytes; //!< udp: payload size, bytes (0 for tcp)
    uint64_t maxBytes;  //!< tcp: bytes to send, 0 = unlimited (0 for udp)

    /// Bytes a tcp flow hands its socket per write (BulkSendApplication SendSize).
    static constexpr uint32_t kTcpSendSize = 512;
    /// Bytes of the sequence/timestamp/size header that starts every udp packet and every
    /// tcp write (ns-3's SeqTsSizeHeader); no packet or write may be shorter.
    static uint32_t TrafficHeaderSize();
    /// First port of the flows' sinks: flow i listens on kFirstSinkPort + i mod kSinkPorts
    static constexpr uint16_t kFirstSinkPort = 9000;
    /// Ports from kFirstSinkPort to 65535
    static constexpr uint32_t kSinkPorts = 65536 - kFirstSinkPort;
    /// Ephemeral ports of an ns-3 node (49152-65535): one per flow that starts there
    static constexpr uint32_t kEphemeralPorts = 16384;

    /// \param index the flow's index in "flows" \return the port its sink listens on
    static uint16_t SinkPort(std::size_t index)
    {
        return static_cast<uint16_t>(kFirstSinkPort + index % kSinkPorts);
    }
};

/// \brief Layer-2 handover model (key "l2").
struct L2Config
{
    std::string type;          //!< "switch" (deterministic link switch) or "wifi"
    double switchTimeMs;       //!< switch: time between detach and attach, ms
    double beaconIntervalMs;   //!< wifi: beacon interval, ms
    uint32_t maxMissedBeacons; //!< wifi: beacons missed before the STA leaves an AP
    double apDistanceM;        //!< wifi: distance between neighbouring APs, m
    std::string standard;      //!< wifi: "80211a", "80211b", "80211g", "80211n", "80211ac"
};

/// \brief Mobility protocol parameters (key "protocol").
struct ProtocolConfig
{
    double bindingLifetimeS;          //!< requested binding lifetime, s
    double refreshRatio;              //!< refresh after this fraction of the lifetime
    double minDelayBeforeBceDeleteMs; //!< RFC 5213 MinDelayBeforeBCEDelete, ms
    bool deregisterOnDetach;          //!< access router de-registers on detach
    bool useTimestamps;               //!< RFC 5213 timestamp option instead of sequence numbers
    bool sharedSequenceNumbers;       //!< MAGs share PBU sequence numbers (RFC 5213 §5.5)
    /// Client-based care-of addresses: "optimistic" (RFC 4429, ns-3's behaviour: use at
    /// once), "wait" (register only after DAD, RFC 4862) or "off" (no DAD at all)
    std::string dad;
    double idleReleaseS;      //!< dma: release a prefix after this idle time, s (0 never)
    bool prefixProperties;    //!< dma: MARs send Prefix Properties options in their RAs
    double prefixLifetimeS;   //!< dma: valid lifetime of the MARs' prefixes, s (0: 30 days)
    uint32_t prefixesPerNode; //!< dma: prefixes a MAR gives each node (interface)
    /// fully-distributed: routers "pull" locations (cache with a time-out) or servers "push"
    std::string location;
    double locationCacheS; //!< fully-distributed, pull: location cache time-out, s
    /// fully-distributed, network LU: how long a previous router forwards a node's packets
    double forwardingTimeS;
    /// distributed-lma: D-LMAs tell O-LMAs the proxy CoA (seed 004 §5.1.1, Fig 9)
    bool dlmaBypass;
    /// distributed-lma with dlma_bypass: "d-lma" or "h-lma" keeps track of the MAG (§5.1.1)
    std::string dlmaMagTracking;
    /// distributed-lma: O-LMAs name the destination's MAG to the sending MAG (§5.4, Fig 11)
    bool dlmaBypassOlma;
    /// distributed-lma: comma-separated mn names whose proxy CoA no other MAG may learn
    std::string dlmaPrivate;
    /// fully-distributed: the node registers its addresses ("client", Fig 9's MN11+LU) or
    /// its access router does ("network", the default: AR31+LU; the node is a plain host)
    std::string locationUpdate;
    /// dma-client: Binding Updates go "direct" to earlier routers or through the current
    /// one as a "proxy" LU
    std::string clientLu;
    /// An access router's uplink for a prefix anchored elsewhere: "reverse-tunnel" to the
    /// anchor (RFC 5213 §6.10.5) or "direct" from the access router (seed 003 §3.1)
    std::string uplink;
    /// dma: where a new MAR learns the node's ongoing sessions: the central "database"
    /// (seed 003 §3.3 way 2, the draft's) or the node's router "solicitation" (way 1)
    std::string sessionSource;
    /// dmm-mip: the correspondent's router asks the LM ("query", seed 002 Fig 3) or the
    /// anchoring router redirects it ("redirect", Fig 4)
    std::string routeOptimization;
    /// dmm-mip: the HAA authorises autoconfigured addresses ("stateless") or assigns
    /// prefixes ("stateful", seed 002 §4.1)
    std::string hoaAssignment;
    /// dmm-mip: routers ask their own network's LM only, which relays queries about other
    /// LMs' prefixes (seed 002 §3.3's LM-LM interface)
    bool lmRelay{false};
    /// dmm-mip: a new router learns a node's HoA status from the "context" transfer or
    /// asks its "home_haa" (seed 002 §4.2)
    std::string hoaStatus;
    /// epmip: an eMAG's packets to a node not located yet go on the "pmip" path through the
    /// eLMA (seed 001 §4.2, described first) or are held in a bounded "buffer"
    std::string firstPackets;
    /// epmip: PBQRs re-sent after a time-out before PMIP routing (seed 001 §5.1)
    uint32_t queryRetries;
    double queryTimeoutMs;    //!< epmip: time to wait for a PBQA, ms (§5.1)
    bool forwardLateDownlink; //!< epmip: the previous eMAG tunnels late downlink (§4.3)
    /// epmip: how an eMAG finds the eLMA holding a binding (§4.4): "prefix-map",
    /// "hop-by-hop" or "relay"
    std::string elmaDiscovery;
    std::string elmas; //!< epmip: one "central" eLMA or one per network ("per-network")
};

/// \brief An administrative domain: its nodes share keys derived from its key.
struct SecurityDomainConfig
{
    std::string name;               //!< domain name
    std::vector<uint8_t> key;       //!< 16-octet key (RFC 4285 section 5.1)
    std::vector<std::string> nodes; //!< member nodes
};

/// \brief A key of its own for one pair of nodes (e.g. across domains).
struct SecurityPairKeyConfig
{
    std::string a;            //!< one node
    std::string b;            //!< the other
    std::vector<uint8_t> key; //!< 16-octet key
};

/// \brief A scripted action of an attacker node (key "attacks").
struct AttackConfig
{
    std::string by;          //!< the attacker node
    std::string type;        //!< "forge", "replay" or "flood"
    std::string message;     //!< the overheard message's name (e.g. "PBU", "BU")
    std::string from;        //!< the node whose signalling the attacker overhears
    double atS;              //!< when, s
    uint32_t count;          //!< how many messages
    double intervalMs;       //!< between two of them, ms
    bool keepAuthentication; //!< forge: keep the overheard authentication option
};

/**
 * \brief Parse "attacks" (helper/scenario-attacks.cc); needs the nodes parsed.
 * \param top the scenario's top-level reader \param c the scenario so far
 */
void ParseAttacks(const JsonObjectReader& top, struct ScenarioConfig& c);

/**
 * \brief Parse "mobility" (helper/scenario-mobility.cc); needs the nodes and interfaces.
 * \param top the scenario's top-level reader \param c the scenario so far
 */
void ParseMobility(const JsonObjectReader& top, struct ScenarioConfig& c);
/**
 * \brief Parse the mns' "interfaces" (helper/scenario-mobility.cc); needs the nodes.
 * \param listed the reader holding "nodes" \param c the scenario so far
 */
void ParseInterfaces(const JsonObjectReader& listed, struct ScenarioConfig& c);
/**
 * \brief Parse "flow_moves" (helper/scenario-mobility.cc); needs the flows.
 * \param top the scenario's top-level reader \param c the scenario so far
 */
void ParseFlowMoves(const JsonObjectReader& top, struct ScenarioConfig& c);
/**
 * \brief A node's "epmip_role" (seed 001 §4.1, §6): a legacy MAG or LMA in an ePMIP domain
 *        (helper/scenario-epmip-legacy.cc).
 * \param o the node's object \param c the scenario so far \param n the node, updated
 */
void ParseEpmipRole(const JsonObjectReader& o,
                    const struct ScenarioConfig& c,
                    struct NodeConfig& n);
/**
 * \brief A node's "domain" (seed 004 §7): which mobility domain an anchor or access node
 *        belongs to (helper/scenario-domains.cc).
 * \param o the node's object \param c the scenario so far \param n the node, updated
 */
void ParseMobilityDomain(const JsonObjectReader& o,
                         const struct ScenarioConfig& c,
                         struct NodeConfig& n);
/**
 * \brief Refuse a domain whose access nodes have no anchor in it.
 * \param listed the reader of the nodes \param c the scenario with its nodes
 */
void CheckMobilityDomains(const JsonObjectReader& listed, const struct ScenarioConfig& c);
/// \param s a name \return whether it is a valid node or flow name ([A-Za-z0-9_-]+)
bool IsValidScenarioName(const std::string& s);
/**
 * \brief The node an endpoint key names, or a failure naming the key.
 * \param c the scenario so far \param o the object \param key its key
 * \return the node
 */
const struct NodeConfig& ScenarioEndpoint(const struct ScenarioConfig& c,
                                          const JsonObjectReader& o,
                                          const std::string& key);

/// \brief Security associations on the signalling interfaces (key "security").
struct SecurityConfig
{
    bool enabled{true};                          //!< protect every signalling interface
    bool replayProtection{true};                 //!< RFC 4285 section 6 timestamps
    double closeEnoughS{7};                      //!< accepted clock difference, s
    std::vector<SecurityDomainConfig> domains;   //!< at least one when enabled
    std::vector<SecurityPairKeyConfig> pairKeys; //!< explicit pair keys
};

/**
 * \brief A validated scenario: plain data in the units of the file's key names.
 *
 * The schema is documented in scenarios/README.md.
 */
struct ScenarioConfig
{
    std::string name;    //!< scenario name
    std::string profile; //!< profile name (a built-in one or the recipe's)
    dmm::Recipe recipe;  //!< the profile's recipe, variants resolved and checked
    /// Keys of the file under "protocol" that no function of the recipe reads
    std::vector<std::string> ignoredKeys;
    uint32_t seed;    //!< RNG seed (run number is fixed)
    double durationS; //!< simulated duration, s
    /// "packet", or "fluid": udp flows counted between handovers (FluidFlow)
    std::string dataMode;
    /// Root queue disc of every wired link's devices: "fq_codel" (what ns-3's
    /// Ipv6AddressHelper installs), "pfifo_fast", or "none" (the device queue only)
    std::string queueDisc;
    L2Config l2;                   //!< layer-2 model
    double accessDelayMs;          //!< default MN-AR link delay, ms
    double accessRateMbps;         //!< default MN-AR link rate, Mbit/s
    double accessProcessingMs;     //!< processing delay per signalling message at access routers
    double anchorProcessingMs;     //!< processing delay per signalling message at anchors
    ProtocolConfig protocol;       //!< protocol parameters
    std::vector<NodeConfig> nodes; //!< all nodes, in file order
    std::vector<LinkConfig> links; //!< wired links, in file order
    std::vector<AttachmentConfig> mobility; //!< attachments, in file order
    std::vector<FlowConfig> flows;          //!< flows, in file order
    std::vector<FlowMoveConfig> flowMoves;  //!< flow moves, in file order
    SecurityConfig security;                //!< signalling security associations
    std::vector<AttackConfig> attacks;      //!< attackers' scripts, in file order
    /// The anchor of single-anchor profiles when there are several ("" if not given)
    std::string centralAnchor;
    /// the JSON after overrides, without the lists parsed into the fields above (nodes,
    /// links, mobility, flows, flow_moves, topology)
    nlohmann::json raw;

    /**
     * \param name node name
     * \returns the node, or nullptr if there is none of that name
     */
    const NodeConfig* FindNode(const std::string& name) const;
    /**
     * \param role a role name
     * \returns the nodes of that role, in file order
     */
    std::vector<const NodeConfig*> NodesWithRole(const std::string& role) const;
    /**
     * \param mn mobile node name
     * \returns that node's attachments, in time order (the first is the initial one)
     */
    std::vector<const AttachmentConfig*> AttachmentsOf(const std::string& mn) const;

    /// FindNode's index (a cache that follows `nodes`; copying a config does not copy it)
    dmm::NameIndex<NodeConfig> m_nodeIndex;
    /// AttachmentsOf's index (a cache that follows `mobility`)
    dmm::NameIndex<AttachmentConfig> m_attachmentIndex;

    /**
     * \returns the nodes mobile nodes attach to, in file order: every access node, and
     *          every anchor named in `mobility` (its link is the home link)
     */
    std::vector<const NodeConfig*> AttachmentPoints() const;
    /**
     * \param access access node name
     * \returns the delay of the MN link at that access node (its override or the default), ms
     */
    double AccessDelayMsAt(const std::string& access) const;
    /**
     * \param access access node name
     * \returns the rate of the MN link at that access node (its override or the default)
     */
    double AccessRateMbpsAt(const std::string& access) const;
};

/**
 * \brief Parse "security" (helper/scenario-security.cc); needs the nodes parsed.
 * \param top the scenario's top-level reader \param c the scenario so far
 */
void ParseSecurity(const JsonObjectReader& top, ScenarioConfig& c);

/**
 * \brief The keys an object of the scenario schema may hold.
 *
 * Shared by validation and by overrides, which may add a documented optional key that the
 * file leaves out.
 *
 * \param context "" for the top level, "X" for the object under key X (e.g. "l2"), "X[]" for
 *        an element of array X (e.g. "links[]")
 * \returns the allowed keys (empty for an unknown context)
 */
const std::set<std::string>& ScenarioKeys(const std::string& context);

/**
 * \brief Validate a scenario document and convert it.
 * \param j the scenario document
 * \returns the scenario
 * \throws ScenarioError naming the offending JSON path
 */
ScenarioConfig ParseScenario(const nlohmann::json& j);

/**
 * \brief A duration written in milliseconds in a scenario file, to the microsecond.
 * \param ms milliseconds
 * \return the time
 */
Time ScenarioMilliseconds(double ms);

/**
 * \brief Apply one `KEY=VALUE` override to a scenario document (scenario-loader.cc).
 *
 * KEY is a dotted path with numeric array indices (`links.0.delay_ms`). VALUE is parsed as
 * JSON if it parses, otherwise taken as a string. The path must exist in the document or end
 * in a documented optional key.
 *
 * \param j the document to modify
 * \param assignment the `KEY=VALUE` text
 * \throws ScenarioError naming the path
 */
void ApplyOverride(nlohmann::json& j, const std::string& assignment);

/**
 * \brief Read, override and validate a scenario file (scenario-loader.cc).
 * \param path scenario file
 * \param overrides `KEY=VALUE` overrides, applied in order before validation
 * \param profileOverride replaces "profile" if given
 * \param seedOverride replaces "seed" if given
 * \param profileFile a JSON recipe file that replaces "profile" and "recipe" if given
 * \returns the scenario
 * \throws ScenarioError naming the file (unreadable, syntax error) or the JSON path, or an
 *         override of a key that the profile does not read
 */
ScenarioConfig LoadScenario(const std::string& path,
                            const std::vector<std::string>& overrides,
                            std::optional<std::string> profileOverride,
                            std::optional<uint32_t> seedOverride,
                            std::optional<std::string> profileFile = std::nullopt);

} // namespace ns3

#endif /* DMM_SCENARIO_CONFIG_H */
