/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HAA_AGENT_H
#define DMM_HAA_AGENT_H

#include "ns3/dmm-agent.h"
#include "ns3/home-address-allocation.h"
#include "ns3/traced-callback.h"

#include <map>
#include <optional>
#include <string>

namespace ns3
{

class HoaRequest;
class Ipv6Header;
class Ipv6Interface;
class Packet;

/**
 * \ingroup dmm
 * \brief The home address allocation (HAA) of a local network as its own node role (seed
 *        002 §3.1 a, §3.3 a): it gives the nodes attaching to the network's mobility
 *        routers their home addresses over the HAA-MR interface (HoaRequest / HoaReply).
 *
 * Seed 002 §4.1 allows a stateless or a stateful assignment (attribute Mode). Stateless:
 * the router proposes the address the node forms on its link, and the HAA authorises it
 * unless another node holds it. Stateful: the HAA assigns a prefix from the router's pool
 * (a PrefixPoolAllocation per router), which the router advertises to the node alone. The network
 * of a node's first assignment is its home local network: a request for a node already assigned
 * returns the earlier assignment, whichever router of the network asks.
 */
class HaaAgent : public DmmAgent
{
  public:
    /// How home addresses are assigned (seed 002 §4.1).
    enum Mode
    {
        STATELESS, //!< authorise the address the node autoconfigures on its router's link
        STATEFUL,  //!< assign a prefix from the router's pool
    };

    /// A node's home address and the router it is anchored at.
    struct Assignment
    {
        HomeNetworkPrefix hoa; //!< /128 (stateless) or the assigned prefix (stateful)
        Ipv6Address anchor;    //!< the mobility router the address is anchored at
    };

    /// \brief Named counters; the refusals are the named drop reasons of requests.
    struct HaaStats
    {
        uint64_t requests{0};      //!< HoA Requests received
        uint64_t assigned{0};      //!< new assignments (stateless authorisations included)
        uint64_t repeated{0};      //!< requests answered with an earlier assignment
        uint64_t unknownRouter{0}; //!< refused: UNKNOWN_ROUTER (not of this network)
        uint64_t duplicate{0};     //!< refused: DUPLICATE (another node holds the address)
        uint64_t outside{0};       //!< refused: OUTSIDE (proposal not on the router's link)
        uint64_t exhausted{0};     //!< refused: EXHAUSTED (the router's pool is used up)
        uint64_t malformed{0};     //!< dropped: no node identifier
    };

    /// TracedCallback signature for "Assigned".
    typedef void (*AssignedTracedCallback)(const std::string& mnId,
                                           const HomeNetworkPrefix& hoa,
                                           Ipv6Address anchor);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    HaaAgent();
    ~HaaAgent() override;

    /// \param address this agent's address (signalling source)
    void Setup(Ipv6Address address);
    /**
     * \brief Serve a mobility router of this local network.
     * \param router its address (the requests' source)
     * \param space its access link prefix (stateless), or its pool (stateful)
     */
    void AddMobilityRouter(Ipv6Address router, const HomeNetworkPrefix& space);
    /**
     * \brief Decide a request (what a HoaRequest triggers, without the signalling).
     * \param mnId the node \param router the asking router
     * \param proposed the address the node autoconfigures there (/128), if any
     * \return the assignment, or nothing when refused (counted by reason)
     */
    std::optional<Assignment> Decide(const std::string& mnId,
                                     Ipv6Address router,
                                     std::optional<HomeNetworkPrefix> proposed);
    /// \param mnId a node \return its assignment here, if any
    std::optional<Assignment> Lookup(const std::string& mnId) const;
    /// \return the counters
    const HaaStats& GetHaaStats() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;

  private:
    void Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Answer(const HoaRequest& request, Ipv6Address from);
    std::optional<Assignment> Assign(const std::string& mnId,
                                     Ipv6Address router,
                                     std::optional<HomeNetworkPrefix> proposed);

    Ipv6Address m_address;                                     //!< own address
    Mode m_mode{STATELESS};                                    //!< attribute Mode
    uint8_t m_allocatedLength{64};                             //!< AllocatedPrefixLength
    std::map<Ipv6Address, HomeNetworkPrefix> m_spaces;         //!< router -> space
    std::map<Ipv6Address, Ptr<HomeAddressAllocation>> m_pools; //!< stateful: per router
    std::map<std::string, Assignment> m_assignments;           //!< by node
    std::map<Ipv6Address, std::string> m_holders;              //!< stateless: address -> node
    HaaStats m_stats;                                          //!< counters
    TracedCallback<const std::string&, const HomeNetworkPrefix&, Ipv6Address> m_assignedTrace;
};

} // namespace ns3

#endif // DMM_HAA_AGENT_H
