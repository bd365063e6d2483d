/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MR_AGENT_H
#define DMM_MR_AGENT_H

#include "ns3/access-router-agent.h"
#include "ns3/event-id.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/prefix-use.h"

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

class DistributedMobilityRouting;
class ContextReply;
class ContextRequest;

/**
 * \ingroup dmm
 * \brief The access side of a mobility router in network-based fully distributed DMM
 *        (000 §5.2, Fig 9's AR31+LU): location update and routing control on behalf of
 *        plain mobile nodes.
 *
 * A node attaching here forms an address on the link (its home address here, routed
 * natively). When layer 2 names the router it came from (NotifyArrival), this router asks
 * that one for the node's context (ContextRequest/ContextReply: its earlier addresses and
 * their home servers; MR-MR signalling), and the previous router forwards the node's
 * packets here for ForwardingTime. This router then registers every earlier address with
 * its own network's server (LocationRegister: the address is at this router) and, only
 * when the node changed networks, points each address's home server to its own server
 * and removes the address from the previous network's server, all in parallel. Once
 * every server has acknowledged, the router advertises its prefix (unicast RA) and
 * delivers the earlier addresses on the link (access routes) after decapsulation.
 * Nodes missing from the policy store get a plain router advertisement.
 *
 * Mobility support is for ongoing communication (000 §5.1.1, §5.2): an earlier address
 * that no packet used for IdleRelease (either direction, at the router serving the node)
 * is released — removed from the location servers and left out of the next context —
 * so a node's context, routes and registrations stay bounded however often it moves.
 */
class MrAgent : public AccessRouterAgent
{
  public:
    /// \brief Named counters.
    struct MrStats
    {
        uint64_t contextRequests{0}; //!< ContextRequests sent
        uint64_t contextsServed{0};  //!< ContextReplies sent
        uint64_t contextTimeouts{0}; //!< requests unanswered within ContextTimeout
        uint64_t registers{0};       //!< LocationRegister messages sent
        uint64_t acks{0};            //!< LocationRegisterAcks received
        uint64_t released{0};        //!< earlier addresses released (IdleRelease)
        uint64_t invalid{0};         //!< drops: unknown node or unexpected message
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MrAgent();
    ~MrAgent() override;

    /**
     * \brief Assemble. \param mr this router's mobility routing
     * \param address its address (locator, tunnel end and signalling source)
     * \param server the location server of its network
     */
    void Setup(Ptr<DistributedMobilityRouting> mr, Ipv6Address address, Ipv6Address server);
    void DoNotifyArrival(Mac48Address mac, Ipv6Address previous) override;
    void DoNotifyDetached(Mac48Address mac) override;
    /// \return the counters
    const MrStats& GetMrStats() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac) override;
    /**
     * \brief A node attached with no previous router (its first attachment): register it.
     *        Variants insert their own steps first (seed 002: the HAA's assignment).
     * \param mac the node
     */
    virtual void InitialAttachment(Mac48Address mac);

    /// A node this router serves or served.
    struct Served
    {
        std::string mnId;                                   //!< its identifier
        uint32_t accessInterface{0};                        //!< access interface
        Ipv6Address linkLocal;                              //!< its link-local address
        Ipv6Address own;                                    //!< its address on this link
        Ipv6Address previous;                               //!< router it came from (layer 2)
        std::map<Ipv6Address, Ipv6Address> homes;           //!< its addresses -> home servers
        std::set<std::pair<Ipv6Address, uint16_t>> waiting; //!< (server, sequence) unacked
        bool attached{false};                               //!< on the link now
        bool registering{false};                            //!< context asked or registrations out
        bool returned{false};                               //!< its address here was away (context)
        EventId timer;                                      //!< context time-out
        HomeNetworkPrefix advertised{Ipv6Address(), 0};     //!< its own prefix (/0: the link's)
        bool autonomous{true}; //!< the advertisement lets it form an address (A flag)
        uint32_t visit{0};     //!< this attachment, of all here (tells stale checks)
    };

    /// \brief Register the node's addresses. \param mac the node
    /// \param previousServer the server of the network it came from (:: unknown)
    void Register(Mac48Address mac, Ipv6Address previousServer);
    /**
     * \brief Send a LocationRegister whose acknowledgement the node's registration awaits.
     * \param mac the node \param server to whom \param homes its addresses
     * \param locator where they are (:: with \p remove) \param remove de-register
     */
    void Send(Mac48Address mac,
              Ipv6Address server,
              const std::vector<Ipv6Address>& homes,
              Ipv6Address locator,
              bool remove);
    /**
     * \brief Send a LocationRegister. \param server to whom \param homes the addresses
     * \param locator where they are (:: with \p remove) \param remove de-register
     * \return its sequence number
     */
    uint16_t SendRegister(Ipv6Address server,
                          const std::vector<Ipv6Address>& homes,
                          Ipv6Address locator,
                          bool remove);

    /**
     * \brief Hooks for variants; the fully distributed router does nothing in them.
     * \param mac the departed node whose context is served \param to the new router
     * \param reply the context
     */
    virtual void AddToContext(Mac48Address mac, Ipv6Address to, ContextReply& reply);
    /**
     * \brief The previous router's context arrived. \param mac the node \param reply it
     * \return true to register now; false when the variant calls Register itself later
     */
    virtual bool ContextReceived(Mac48Address mac, const ContextReply& reply);
    /// \brief Every location server acknowledged the node's registration. \param mac the node
    virtual void Registered(Mac48Address mac);
    /**
     * \return true to drop a departed node's entry once its context was served and the
     *         forwarding ended (a variant that needs it until the node returns: false)
     */
    virtual bool ForgetsDepartedNodes() const;
    /// \brief End the forwarding of \p homes to the router \p to (set by a context transfer).
    void StopForwarding(std::vector<Ipv6Address> homes, Ipv6Address to);
    /**
     * \param mnId a node's identifier
     * \return the interfaces of that node this router serves or served (keys of m_served)
     */
    const std::set<Mac48Address>& ServedMacs(const std::string& mnId) const;

    Ptr<DistributedMobilityRouting> m_mr;    //!< this router's mobility routing
    Ipv6Address m_address;                   //!< own address
    Ipv6Address m_server;                    //!< this network's location server
    std::map<Mac48Address, Served> m_served; //!< by link-layer address

  private:
    void Handle(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void AskContext(Mac48Address mac);
    void ContextTimedOut(Mac48Address mac);
    void ServeContext(const ContextRequest& request, Ipv6Address from);
    void ContextArrived(const ContextReply& reply);
    /// \brief Access routes for the node's addresses, before any processing delay.
    /// \param reply the context
    void DeliverHere(const ContextReply& reply);
    void Acknowledged(Ptr<Packet> p, Ipv6Address from);
    void Advertise(Mac48Address mac);
    /// \brief The registrations are acknowledged: advertise. \param mac the node
    void RegistrationsDone(Mac48Address mac);
    /// \brief Release \p home if idle for IdleRelease, else look again when it could be.
    /// \param mac the node \param home an earlier address \param visit the attachment
    void ReleaseIdle(Mac48Address mac, Ipv6Address home, uint32_t visit);
    /**
     * \brief Stop mobility support for an earlier address: its access route, its
     *        registrations (here and at its home server) and its place in the context go.
     * \param node the node \param home the address (not the node's own address here)
     */
    void Release(Served& node, Ipv6Address home);
    /// \brief Drop a departed node's entry. \param mac the node \param visit its attachment
    void Forget(Mac48Address mac, uint32_t visit);

    // Messages name a node by its identifier and answers by their sequence number: these
    // indexes keep each handover message's cost independent of the nodes served.
    std::unordered_map<std::string, std::set<Mac48Address>> m_byMnId;   //!< mnId -> m_served keys
    std::map<std::pair<Ipv6Address, uint16_t>, Mac48Address> m_unacked; //!< Served::waiting
    uint16_t m_sequence{0}; //!< last sequence number sent
    uint32_t m_visits{0};   //!< attachments so far
    Time m_contextTimeout;  //!< attribute ContextTimeout
    Time m_forwardingTime;  //!< attribute ForwardingTime
    Time m_idleRelease;     //!< attribute IdleRelease (0: never)
    PrefixUse m_use;        //!< last packet of each earlier address of the nodes here
    MrStats m_mrStats;      //!< counters
};

} // namespace ns3

#endif // DMM_MR_AGENT_H
