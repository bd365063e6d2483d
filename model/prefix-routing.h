/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PREFIX_ROUTING_H
#define DMM_PREFIX_ROUTING_H

#include "ns3/ipv6-routing-protocol.h"
#include "ns3/prefix-table.h"

namespace ns3
{

class Ipv6;

/**
 * \ingroup dmm
 * \brief Unicast forwarding by longest-prefix match in O(1) per packet.
 *
 * The wired network's routes of a scenario: a prefix per link and per access network,
 * kept in a PrefixTable (one hash probe per prefix length present, longest first) where
 * Ipv6StaticRouting scans every route for every packet. It sits below static routing in
 * an Ipv6ListRouting: the connected routes and the routes that agents add (mobile node,
 * client-based DMA router) stay in static routing and are looked up first, so only the
 * few connected routes are scanned. A route is chosen, and its source address selected,
 * as Ipv6StaticRouting would choose the same entry.
 */
class Ipv6PrefixRouting : public Ipv6RoutingProtocol
{
  public:
    /// \brief What the protocol answered.
    struct Stats
    {
        uint64_t forwarded = 0;  //!< received packets given a route
        uint64_t originated = 0; //!< local packets given a route
        uint64_t noRoute = 0;    //!< lookups without a match (left to the next protocol)
    };

    /// \return the TypeId
    static TypeId GetTypeId();
    Ipv6PrefixRouting();
    ~Ipv6PrefixRouting() override;

    /**
     * \brief Add or replace the route to \p prefix (the last one added wins, as among
     * equal static routes). \param prefix destination \param gateway next hop (any: on
     * link) \param interface output interface
     */
    void AddRoute(const HomeNetworkPrefix& prefix, Ipv6Address gateway, uint32_t interface);
    /// \param prefix destination \return true if a route was removed
    bool RemoveRoute(const HomeNetworkPrefix& prefix);
    /// \return the number of routes
    std::size_t GetNRoutes() const;
    /// \return the counters
    const Stats& GetStats() const;

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
                        Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// A route's next hop.
    struct NextHop
    {
        Ipv6Address network; //!< the prefix's address, the route's destination
        Ipv6Address gateway; //!< next hop, any when on link
        uint32_t interface;  //!< output interface
    };

    /// \param dst destination \param oif required output device, or null
    /// \param withSource whether to select the route's source address
    /// \return the route, or null
    Ptr<Ipv6Route> Lookup(Ipv6Address dst, Ptr<const NetDevice> oif, bool withSource) const;

    Ptr<Ipv6> m_ipv6;              //!< the node's IPv6 stack
    PrefixTable<NextHop> m_routes; //!< destination prefix -> next hop
    Stats m_stats;                 //!< counters
};

} // namespace ns3

#endif // DMM_PREFIX_ROUTING_H
