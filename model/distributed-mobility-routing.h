/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DISTRIBUTED_MOBILITY_ROUTING_H
#define DMM_DISTRIBUTED_MOBILITY_ROUTING_H

#include "ns3/event-id.h"
#include "ns3/location-cache.h"
#include "ns3/mac48-address.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/prefix-table.h"

#include <deque>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ns3
{

class LocationMessage;

/**
 * \ingroup dmm
 * \brief A mobility router of the fully distributed scenario (000 §5.2, Fig 9): routes by
 *        the distributed location database, with a location cache.
 *
 * The domain's home addresses are the addresses of the access links of its routers;
 * each link prefix belongs to the partition of one location server (AddServer). A
 * packet to a domain address that is not on this router's link with its node attached
 * is intercepted when it comes from a host of this router (a correspondent or a mobile
 * node: the route is optimised where the traffic enters) or when it is for this
 * router's own link and the node has left. The location cache answers; on a miss the
 * router asks the address's home server (Location Query), follows a referral to the
 * visited network's server, and caches the answer with a time-out (pull) or until the
 * server notifies a change (push). Meanwhile the first packets take the native route
 * towards the address's own router, or, at that router, wait in a small queue. A care-of
 * answer sends packets through an IPv6-in-IPv6 tunnel to the node's care-of address; no
 * entry (R) sends them natively.
 *
 * A tunnelled packet for a node that left this router's link is taken out of the tunnel
 * (its hop limit decremented) and waits while this router asks afresh (what it cached
 * predates the move); the tunnel's sender is told its locator is stale (Location Stale,
 * MR-MR signalling after a handover, at most one per RetryInterval), so it asks again.
 */
class DistributedMobilityRouting : public MobilityRouting
{
  public:
    /// \brief Named counters.
    struct LocatorStats
    {
        uint64_t intercepted{0};   //!< packets taken over by the location lookup
        uint64_t tunnelled{0};     //!< packets tunnelled to a care-of address
        uint64_t firstNative{0};   //!< packets routed natively while their query was pending
        uint64_t redirected{0};    //!< tunnelled packets for a departed node, sent on
        uint64_t queries{0};       //!< Location Queries sent (referrals included)
        uint64_t answers{0};       //!< Location Replies and Notifies received
        uint64_t staleSent{0};     //!< Location Stale messages sent
        uint64_t staleReceived{0}; //!< Location Stale messages that removed an entry
        uint64_t queueFull{0};     //!< drops: QUEUE_FULL
        uint64_t noLocation{0};    //!< drops: NO_LOCATION (node gone, no entry anywhere)
        uint64_t queryTimeout{0};  //!< drops: QUERY_TIMEOUT
        uint64_t hopLimit{0};      //!< drops: HOP_LIMIT (a redirected packet's hops ran out)
    };

    /// TracedCallback signature for "Resolved".
    typedef void (*ResolvedTracedCallback)(Ipv6Address home, Ipv6Address locator);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DistributedMobilityRouting();
    ~DistributedMobilityRouting() override;

    /**
     * \brief Start signalling (after the IPv6 stack is installed and this protocol inserted).
     * \param local this router's address: tunnel source and signalling address
     */
    virtual void Setup(Ipv6Address local);
    /**
     * \brief Declare a partition of the location database.
     * \param prefix an access link prefix of the domain \param server its home server
     */
    void AddServer(const HomeNetworkPrefix& prefix, Ipv6Address server);
    /// \param interface an interface with correspondent hosts behind it
    void AddHostInterface(uint32_t interface);
    /**
     * \brief An access link of this router: its addresses are allocated here.
     * \param interface the interface \param onLink its prefix
     */
    void AddAccessLink(uint32_t interface, const HomeNetworkPrefix& onLink);
    /**
     * \brief A node attached (its router solicitation arrived): its address formed on the
     *        link is reachable natively. \param interface the access interface
     * \param peer unused \param mac the node's link-layer address
     */
    void NodeAttached(uint32_t interface, Ipv6Address peer, Mac48Address mac);
    /// \brief A node left. \param mac its link-layer address
    void NodeDetached(Mac48Address mac);
    /**
     * \brief Hold packets for an address whose node just left this router, until
     *        Release() names where it went (network-based: its new router asks for its
     *        context) or QueryTimeout passes. \param home the address
     */
    void Hold(Ipv6Address home);
    /**
     * \brief Send the held packets for \p home through a tunnel to \p locator.
     * \param home the address \param locator the node's new router
     */
    void Release(Ipv6Address home, Ipv6Address locator);
    /// \return the location cache
    Ptr<LocationCache> GetCache() const;
    /// \return the counters
    const LocatorStats& GetLocatorStats() const;
    /// \return the packets waiting here (for a location answer, or held for a departed
    /// node), oldest first per address
    std::vector<Ptr<const Packet>> GetWaitingPackets() const;

    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;

  protected:
    void DoDispose() override;
    /**
     * \brief Route a packet by its destination's location.
     * \param p the packet \param header its IPv6 header
     * \param queue on a miss, hold the packet (this router is the last resort) instead of
     *        letting it take the native route
     * \return false when static routing should forward it natively
     */
    virtual bool Resolve(Ptr<const Packet> p, const Ipv6Header& header, bool queue);
    /**
     * \brief Tell a router its locator for \p home is out of date (Location Stale).
     * \param to the router \param home the address \param locator its stale locator
     */
    virtual void SendStale(Ipv6Address to, Ipv6Address home, Ipv6Address locator);

    /// \param interface an interface \return whether hosts (correspondents, nodes) sit behind it
    bool IsHostInterface(uint32_t interface) const
    {
        return m_hostInterfaces.count(interface) > 0;
    }

    /// \return this router's address (Setup)
    Ipv6Address GetLocal() const
    {
        return m_local;
    }

    /// \return the sender of the tunnel packet being re-injected now, or ::
    Ipv6Address GetDecapsulatedFrom() const
    {
        return m_decapFrom;
    }

  private:
    /// A query in progress and the packets waiting for it.
    struct Pending
    {
        uint16_t sequence{0};       //!< of the last query
        Ipv6Address server;         //!< asked last
        uint8_t referrals{0};       //!< referrals followed
        EventId timeout;            //!< query time-out
        EventId retry;              //!< next query (NotYet)
        Time since;                 //!< first query
        bool awaitingChange{false}; //!< answered, but not yet reachable (NotYet)
        std::deque<std::pair<Ptr<Packet>, Ipv6Header>> queue; //!< waiting packets
    };

    /// \return true if \p a is on an access link of this router
    bool IsOwnLink(Ipv6Address a) const;
    /// \return true if \p a is on this router's link and its node has left
    bool IsDeparted(Ipv6Address a) const;
    /// \brief A tunnelled packet for a departed node: decapsulate, hint, resolve afresh.
    /// \param p the outer payload \param header the outer header \return true if consumed
    bool Redirect(Ptr<const Packet> p, const Ipv6Header& header);
    /**
     * \brief Ask \p server where \p home is. \param home the address \param server whom
     * \param referred true to ask even while a query runs (a referral or a retry)
     */
    void Query(Ipv6Address home, Ipv6Address server, bool referred);
    void QueryTimedOut(Ipv6Address home);
    void HandleMessage(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Answered(const LocationMessage& msg, bool reply, Ipv6Address from);
    void Deliver(Ipv6Address home, Ipv6Address locator);
    /// \brief The answer cannot reach the departed node yet: poll (pull) or wait (push).
    /// \param it the pending query
    void NotYet(std::map<Ipv6Address, Pending>::iterator it);
    void SendNatively(Ptr<Packet> p, const Ipv6Header& header);
    /**
     * \brief Stop waiting for an address's location: its packets are dropped (counted and
     *        traced). \param it the pending query \param reason QUERY_TIMEOUT or NO_LOCATION
     */
    void GiveUp(std::map<Ipv6Address, Pending>::iterator it, DropReason reason);
    /**
     * \brief Queue a packet for its destination until a location is known or its node's
     *        new router asks for it; dropped (QUEUE_FULL) when QueueSize are waiting.
     * \param p the packet \param header its IPv6 header \return true (consumed)
     */
    bool Wait(Ptr<const Packet> p, const Ipv6Header& header);
    void Decapsulated(Ptr<const Packet> inner, Ipv6Address local, Ipv6Address remote);
    void HoldExpired(Ipv6Address home);

    Ptr<MobilityL4Protocol> m_mh;       //!< signalling
    Ptr<LocationCache> m_cache;         //!< location cache
    Ipv6Address m_local;                //!< own address
    PrefixTable<Ipv6Address> m_servers; //!< partition -> home server
    PrefixTable<uint32_t> m_links;      //!< own access links
    std::vector<std::pair<uint32_t, HomeNetworkPrefix>> m_linkPrefixes; //!< the same, listed
    std::map<Ipv6Address, Ipv6Address> m_answeredBy; //!< home -> server of the answer
    std::set<uint32_t> m_hostInterfaces;             //!< interfaces with hosts
    std::set<Ipv6Address> m_attached;                //!< attached nodes' link addresses
    std::map<Ipv6Address, Pending> m_pending;        //!< by home address
    std::set<Ipv6Address> m_held;                    //!< departed nodes' addresses (Hold)
    Ipv6Address m_decapFrom; //!< sender of the tunnel packet being re-injected, or ::
    std::map<std::pair<Ipv6Address, Ipv6Address>, Time> m_staleAt; //!< (MR, home) -> sent
    size_t m_staleSweepAt{64};   //!< m_staleAt's size that triggers forgetting old hints
    uint16_t m_sequence{0};      //!< last query sequence number
    Time m_queryTimeout;         //!< attribute QueryTimeout
    Time m_retryInterval;        //!< attribute RetryInterval
    bool m_push{false};          //!< attribute Push
    uint32_t m_queueSize;        //!< attribute QueueSize
    uint8_t m_maxReferrals;      //!< attribute MaxReferrals
    LocatorStats m_locatorStats; //!< counters
    TracedCallback<Ipv6Address, Ipv6Address> m_resolvedTrace; //!< Resolved
};

} // namespace ns3

#endif // DMM_DISTRIBUTED_MOBILITY_ROUTING_H
