/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MAR_AGENT_H
#define DMM_MAR_AGENT_H

#include "ns3/access-router-agent.h"
#include "ns3/location-update.h"
#include "ns3/nd-options.h"
#include "ns3/prefix-use.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class DmmSessionHeader;
class HomeAddressAllocation;
class LocationManagement;
struct BindingCacheEntry;
class Ipv6Header;
class Ipv6Interface;
class MobilityL4Protocol;
class MobilityRouting;
class Packet;
class ProxyLocationUpdate;
class RoutingControl;

/**
 * \ingroup dmm
 * \brief The access side of a mobility-capable access router (MAR) of Dynamic Mobility
 *        Anchoring (seed 003 §4): per-MN prefixes anchored here, and the V-MAR role for
 *        prefixes anchored at other MARs.
 *
 * The H-MAR role (HAA + LM + MR for this MAR's own prefixes) is an LmaAgent on the same
 * node sharing the allocation and the mobility routing. On a router solicitation the MAR
 * allocates (or finds) the node's prefix here, records the session in the central
 * database (Session Update), asks it for the node's other sessions (Session Query) and
 * registers each foreign prefix with its H-MAR (PBU/PBA, all in parallel). The RA that
 * follows the last PBA advertises the foreign prefixes deprecated (preferred lifetime
 * 0) and this MAR's prefix preferred, so new flows use it and old ones keep theirs.
 */
class MarAgent : public AccessRouterAgent
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t unknownNode{0};      //!< solicitations from nodes without a policy profile
        uint64_t attachments{0};      //!< completed attachments (RA with every prefix)
        uint64_t foreignPrefixes{0};  //!< prefixes registered with another MAR
        uint64_t rejected{0};         //!< registrations refused or unanswered
        uint64_t released{0};         //!< foreign prefixes released after their flows ended
        uint64_t releasedAtDetach{0}; //!< own prefixes released as the node left, idle
    };

    /// Where a new MAR learns a node's ongoing sessions (seed 003 §3.3).
    enum SessionSource
    {
        DATABASE,     //!< way 2, the draft's: Session Query to the central database
        SOLICITATION, //!< way 1: the Mobility Session options of the node's RS
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MarAgent();
    ~MarAgent() override;

    /**
     * \brief Assemble the MAR.
     * \param haa this MAR's prefix allocation (shared with its LmaAgent)
     * \param mr the node's mobility routing (shared with its LmaAgent)
     * \param lu location update towards H-MARs
     * \param rc routing control for the V-MAR role
     * \param address this MAR's address
     * \param database the session database's address
     */
    void Setup(Ptr<HomeAddressAllocation> haa,
               Ptr<MobilityRouting> mr,
               Ptr<ProxyLocationUpdate> lu,
               Ptr<RoutingControl> rc,
               Ipv6Address address,
               Ipv6Address database);

    void DoNotifyDetached(Mac48Address mac) override;

    /**
     * \brief Follow the bindings of this MAR's H-MAR role (its LmaAgent's location
     *        management): a prefix of a node attached here that another MAR registered for
     *        another interface of the node was moved there (seed 003 §4.3), so it is
     *        tunnelled to that MAR instead of delivered on this access link.
     * \param lm the LmaAgent's location management
     */
    void WatchBindings(Ptr<LocationManagement> lm);

    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac) override;
    void SolicitationOptions(Mac48Address mac, const NdOptions& options) override;

  private:
    /// A node attached here.
    struct Attached
    {
        uint32_t accessInterface{0};                      //!< access interface
        Ipv6Address linkLocal;                            //!< its link-local address
        std::vector<HomeNetworkPrefix> locals;            //!< the prefixes anchored here
        std::map<Ipv6Address, HomeNetworkPrefix> foreign; //!< H-MAR -> prefix, registered
        std::set<Ipv6Address> pending;                    //!< H-MARs not answered yet
        bool complete{false};                             //!< RA sent with every prefix
        Mac48Address mac;                                 //!< the interface's address
        std::set<HomeNetworkPrefix> moving; //!< listed in an RS: to be served here (§4.3)
        std::set<HomeNetworkPrefix> moved;  //!< locals moved to another interface of the node
    };

    void Attach(std::string mnId);
    void HandleSession(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void ProcessReply(Ptr<Packet> p);
    /// Seed 003 §4.2 step 3: registers each session anchored elsewhere with its H-MAR.
    void RegisterSessions(const std::string& mnId,
                          const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>& sessions);
    /// Registers the sessions the node listed in its solicitation (SessionSource).
    void RegisterListed(const std::string& mnId);
    void Outcome(const LocationUpdate::Outcome& outcome);
    void Advertise(std::string mnId);
    void ReleaseIdle(std::string mnId, Ipv6Address anchor);
    void RemoveSession(const std::string& mnId,
                       const HomeNetworkPrefix& prefix,
                       Ipv6Address anchor);
    void Identify(DmmSessionHeader& message, const std::string& session) const;
    void Query(const std::string& session, bool wholeNode);
    void RequestMoves(const std::string& session, const NdOptions& options);
    void BindingChanged(const BindingCacheEntry& entry, Ipv6Address previousCareOf);
    std::vector<uint8_t> LinkLayerId(const std::string& session) const;
    /// \param session a session \param index which of its prefixes \return the allocation key
    static std::string AllocationKey(const std::string& session, uint32_t index);

    Ptr<HomeAddressAllocation> m_haa;           //!< own prefixes
    Ptr<MobilityRouting> m_mr;                  //!< mobility routing
    Ptr<ProxyLocationUpdate> m_lu;              //!< PBUs to H-MARs
    Ptr<RoutingControl> m_rc;                   //!< V-MAR forwarding state
    Ipv6Address m_address;                      //!< this MAR
    Ipv6Address m_database;                     //!< session database
    std::map<std::string, Attached> m_attached; //!< attached nodes
    PrefixUse m_use;                            //!< last packet of each prefix served here
    uint16_t m_sequence{0};                     //!< last query sequence number
    std::map<uint16_t, std::string> m_queries;  //!< open queries: sequence -> session
    uint32_t m_prefixesPerNode{1};              //!< attribute PrefixesPerNode
    Time m_idleRelease;                         //!< attribute IdleRelease
    SessionSource m_sessionSource;              //!< attribute SessionSource
    /// Sessions listed in a solicitation, by MN-ID, until the node's attachment reads them.
    std::map<std::string, std::vector<NdOptions::MobilitySession>> m_listed;
    Stats m_stats; //!< counters
};

} // namespace ns3

#endif // DMM_MAR_AGENT_H
