/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MOBILITY_ROUTING_H
#define DMM_MOBILITY_ROUTING_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/prefix-table.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <vector>

namespace ns3
{

class Ipv6L3Protocol;
class Ipv6TunnelL4Protocol;

/**
 * \ingroup dmm
 * \brief The mobility routing (MR) logical function: packet interception and forwarding.
 *
 * An Ipv6RoutingProtocol placed above static routing in an Ipv6ListRouting. It holds
 * three kinds of forwarding state, all written by the routing-control function:
 * - destination tunnels (anchor side): packets to a prefix go into an IPv6-in-IPv6
 *   tunnel towards a locator;
 * - source tunnels (access side): packets *from* a prefix arriving on an access
 *   interface go into a tunnel towards the anchor (ns-3 static routing has no
 *   source-address dependent routing);
 * - access routes: packets to a prefix are delivered on an access interface to the
 *   mobile node's link-local address.
 * It also knows the aggregates it anchors, so that packets for an anchored prefix
 * without forwarding state are dropped and counted instead of being routed back
 * into the network.
 */
class MobilityRouting : public Ipv6RoutingProtocol
{
  public:
    /// \brief Why the MR discarded a packet (the last five only in subclasses).
    enum DropReason
    {
        NO_BINDING,       //!< destination in an anchored aggregate but no forwarding state
        INGRESS_FILTERED, //!< from an access link with a source that does not belong there
        HAO_NO_BINDING,   //!< Home Address option without a binding (RFC 6275 §9.3.1)
        BAD_EXTENSION,    //!< malformed Home Address option or type 2 routing header
        RH2_NOT_HOME,     //!< type 2 routing header naming an address that is not ours
        QUEUE_FULL,       //!< a mobility router's queue for the destination was full
        QUERY_TIMEOUT,    //!< no usable location answer within the router's time-out
        NO_LOCATION,      //!< the location database had no entry (referrals exhausted)
        HOP_LIMIT,        //!< a redirected packet's hop limit ran out
        NO_TREATMENT,     //!< a host's tunnel interface had no tunnel or binding for it
    };

    /// \brief Counters of the MR function.
    struct Stats
    {
        uint64_t tunnelledDown{0};   //!< packets put into a destination tunnel
        uint64_t tunnelledUp{0};     //!< packets put into a source tunnel
        uint64_t tunnelledPeer{0};   //!< packets put into a MAG-to-MAG tunnel (§5.4)
        uint64_t deliveredAccess{0}; //!< packets forwarded on an access route
        uint64_t noBinding{0};       //!< drops: NO_BINDING
        uint64_t ingressFiltered{0}; //!< drops: INGRESS_FILTERED
        uint64_t haoReceived{0};     //!< packets delivered after a Home Address option
        uint64_t rh2Received{0};     //!< packets delivered after a type 2 routing header
        uint64_t haoNoBinding{0};    //!< drops: HAO_NO_BINDING
        uint64_t badExtension{0};    //!< drops: BAD_EXTENSION
        uint64_t rh2NotHome{0};      //!< drops: RH2_NOT_HOME
    };

    /// A tunnel towards a locator.
    struct Tunnel
    {
        Ipv6Address local;  //!< outer source
        Ipv6Address remote; //!< outer destination (locator)
    };

    /**
     * TracedCallback signature for interception events.
     * \param packet the packet (without IPv6 header)
     * \param header its IPv6 header
     */
    typedef void (*InterceptTracedCallback)(Ptr<const Packet> packet, const Ipv6Header& header);
    /**
     * TracedCallback signature for drops.
     * \param packet the packet (without IPv6 header)
     * \param header its IPv6 header
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       const Ipv6Header& header,
                                       DropReason reason);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MobilityRouting();
    ~MobilityRouting() override;

    /**
     * \brief Declare a space of mobile prefixes: packets to it are never routed natively
     * here (at an anchor: no binding; at an access router: node not attached), which
     * keeps packets for a departed node from looping between anchor and access router.
     * \param aggregate the prefix space
     */
    void AddMobileAggregate(const HomeNetworkPrefix& aggregate);

    /**
     * \brief Tunnel packets destined to a prefix towards a locator.
     * \param prefix the destination prefix (an HNP)
     * \param tunnel the tunnel
     */
    void SetDestinationTunnel(const HomeNetworkPrefix& prefix, const Tunnel& tunnel);
    /// \param prefix a prefix set with SetDestinationTunnel \return true if it existed
    bool RemoveDestinationTunnel(const HomeNetworkPrefix& prefix);

    /**
     * \brief Tunnel packets sourced from a prefix and received on an access interface.
     * \param prefix the source prefix (an HNP)
     * \param tunnel the tunnel towards the anchor
     */
    void SetSourceTunnel(const HomeNetworkPrefix& prefix, const Tunnel& tunnel);
    /// \param prefix a prefix set with SetSourceTunnel \return true if it existed
    bool RemoveSourceTunnel(const HomeNetworkPrefix& prefix);

    /**
     * \brief Tunnel packets from an attached node to a destination prefix straight to
     *        the MAG serving it, ahead of the uplink's source tunnel (seed 004 §5.4, Fig 11).
     * \param prefix the destination prefix \param tunnel the tunnel to the peer MAG
     */
    void SetPeerTunnel(const HomeNetworkPrefix& prefix, const Tunnel& tunnel);
    /// \param prefix a prefix set with SetPeerTunnel \return true if it existed
    bool RemovePeerTunnel(const HomeNetworkPrefix& prefix);

    /**
     * \brief Mark an interface as access side: source tunnels apply to packets from it,
     * and (IngressFiltering) so does BCP 38 source address validation.
     * \param interface the interface index
     * \param onLink the prefix of the access link, a valid source besides served prefixes
     *        (none by default: only the prefixes served to attached nodes are valid)
     */
    void AddAccessInterface(
        uint32_t interface,
        const HomeNetworkPrefix& onLink = HomeNetworkPrefix{Ipv6Address::GetAny(), 128});

    /**
     * \brief Deliver packets destined to a prefix on an access interface.
     * \param prefix the prefix
     * \param interface the access interface index
     * \param nextHop the mobile node's link-local address
     */
    void SetAccessRoute(const HomeNetworkPrefix& prefix, uint32_t interface, Ipv6Address nextHop);
    /// \param prefix a prefix set with SetAccessRoute \return true if it existed
    bool RemoveAccessRoute(const HomeNetworkPrefix& prefix);

    /// \param dst a destination \return the destination tunnel for it, if any
    const Tunnel* LookupDestinationTunnel(Ipv6Address dst) const;
    /// \param src a source address \return the source tunnel for it, if any
    const Tunnel* LookupSourceTunnel(Ipv6Address src) const;

    /// \return the counters
    const Stats& GetStats() const;

    /**
     * \brief Whether a packet may use \p home as its source (RFC 6275 §9.3.1): only with
     *        a binding of \p home to \p careOf. The default accepts nothing; Mobility
     *        Headers are accepted by the caller regardless (a Binding Update creates it).
     * \param home the Home Address option's address \param careOf the packet's source
     * \return true if acceptable
     */
    virtual bool AcceptHomeAddress(Ipv6Address home, Ipv6Address careOf) const;

    /**
     * \brief Deliver a packet again after a Home Address option or a type 2 routing
     *        header was applied (RFC 6275 §9.3.1, §11.3.3).
     * \param payload the packet without the extension header
     * \param header the rewritten IPv6 header \param viaHao true for a HAO, false for RH2
     */
    void Redeliver(Ptr<Packet> payload, const Ipv6Header& header, bool viaHao);
    /**
     * \brief Count and trace a packet whose extension header is refused.
     * \param p the packet \param header its IPv6 header
     * \param reason HAO_NO_BINDING, BAD_EXTENSION or RH2_NOT_HOME
     */
    void DropExtension(Ptr<const Packet> p, const Ipv6Header& header, DropReason reason);

    // Ipv6RoutingProtocol
    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

    /// \param a an address \return true if \p a is an address of this node
    bool IsLocal(Ipv6Address a) const;
    /// \brief Read the stack's StrongEndSystemModel (see RouteInput).
    void ReadEndSystemModel();
    /// \brief Put a packet into a tunnel. \param p payload \param header its IPv6 header
    /// \param tunnel the tunnel
    void Encapsulate(Ptr<const Packet> p, const Ipv6Header& header, const Tunnel& tunnel);
    /// \return the node's IPv6 stack
    Ptr<Ipv6L3Protocol> GetIpv6L3() const;
    /**
     * \brief Fire the Drop trace (subclasses count their own reasons).
     * \param p the packet \param header its IPv6 header \param reason why
     */
    void NotifyDrop(Ptr<const Packet> p, const Ipv6Header& header, DropReason reason);

  private:
    Ptr<Ipv6L3Protocol> m_ipv6;         //!< the node's stack
    bool m_strongEndSystem{true};       //!< the stack's StrongEndSystemModel (ReadEndSystemModel)
    Ptr<Ipv6TunnelL4Protocol> m_tunnel; //!< the node's tunnel
    std::vector<HomeNetworkPrefix> m_anchored;                //!< anchored aggregates
    PrefixTable<Tunnel> m_dstTunnels;                         //!< anchor side
    PrefixTable<Tunnel> m_srcTunnels;                         //!< access side, uplink
    PrefixTable<Tunnel> m_peerTunnels;                        //!< access side, MAG to MAG
    PrefixTable<std::pair<uint32_t, Ipv6Address>> m_access;   //!< access side
    std::map<uint32_t, HomeNetworkPrefix> m_accessInterfaces; //!< access-side interfaces
    bool m_ingressFiltering;                                  //!< IngressFiltering
    bool m_localRouting;                                      //!< EnableLocalRouting
    Stats m_stats;                                            //!< counters
    TracedCallback<Ptr<const Packet>, const Ipv6Header&> m_interceptTrace;        //!< Intercept
    TracedCallback<Ptr<const Packet>, const Ipv6Header&> m_accessTrace;           //!< AccessTraffic
    TracedCallback<Ptr<const Packet>, const Ipv6Header&, DropReason> m_dropTrace; //!< Drop
};

} // namespace ns3

#endif // DMM_MOBILITY_ROUTING_H
