/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMA_CLIENT_ACCESS_AGENT_H
#define DMM_DMA_CLIENT_ACCESS_AGENT_H

#include "ns3/access-router-agent.h"
#include "ns3/location-management.h"

#include <map>
#include <optional>
#include <string>

namespace ns3
{

class MobilityRouting;
class Ipv6StaticRouting;

/**
 * \ingroup dmm
 * \brief Access router of client-based DMA (seed 003 §3.2, 000 §5.1.2 Fig 8): a prefix of
 *        its own for every node, advertised to that node only.
 *
 * Seed 003 §3.2: "each access router allocates a unique prefix to each MN", and the
 * router's home agent anchors the addresses formed from it. The per-node prefix comes from
 * the allocation the co-located home agent uses (so its home-subnet check, RFC 6275
 * §10.3.1, accepts them), is routed natively on the access link, and is announced in a
 * unicast RA. A second Prefix Information option, without the L and A flags, carries the
 * router's own address with the R flag (RFC 6275 §7.2): the node learns there which home
 * agent anchors the address it forms.
 *
 * With a PrefixLifetime, a node's prefix is given back one valid lifetime after the node
 * left the link with no binding of it elsewhere, or after its last binding ended while the
 * node was away (seed 003 §3.2: resources released once IP communication stopped): by then
 * no RA or refresh keeps the node's address, so the router's state is bounded by the nodes
 * seen within a lifetime, not by every node that ever visited.
 */
class DmaClientAccessAgent : public AccessRouterAgent
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t advertisedPrefixes{0}; //!< per-node prefixes allocated
        uint64_t poolExhausted{0};      //!< solicitations left unanswered: no prefix left
        uint64_t releasedPrefixes{0};   //!< given back: the node left, nothing bound
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DmaClientAccessAgent();
    ~DmaClientAccessAgent() override;

    /**
     * \brief Share the home agent's allocation, mobility routing and binding cache.
     * \param haa the allocation of per-node prefixes (the home agent's home subnets)
     * \param mr the router's mobility routing (native routes on the access link)
     * \param lm the home agent's binding cache: a binding away from the link ends the
     *        native route of the node's prefix
     */
    void Setup(Ptr<HomeAddressAllocation> haa, Ptr<MobilityRouting> mr, Ptr<LocationManagement> lm);

    /**
     * \param mac a node's link-layer address
     * \return the prefix allocated to it, if any
     */
    std::optional<HomeNetworkPrefix> GetPrefixOf(Mac48Address mac) const;

    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;
    void HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac) override;
    void DoNotifyArrival(Mac48Address mac, Ipv6Address previous) override;
    void DoNotifyDetached(Mac48Address mac) override;

  private:
    /// A node holding one of the router's per-node prefixes.
    struct Visitor
    {
        Mac48Address mac;     //!< the node's link-layer address
        uint32_t accessIf{0}; //!< the access interface of its native route
        bool routed{false};   //!< routed natively on the access link
        bool bound{false};    //!< an address of the prefix is bound elsewhere
        EventId release;      //!< pending ReleaseIfGone
    };

    using Visitors = std::map<HomeNetworkPrefix, Visitor>;

    /// \param a an address \return the visitor whose prefix holds it, or end()
    Visitors::iterator FindVisitor(Ipv6Address a);
    /// \param mac a node's link-layer address \return the visitor of its prefix, or end()
    Visitors::iterator VisitorOf(Mac48Address mac);
    /// \param it a visitor neither on the link nor bound: release its prefix a lifetime later
    void ScheduleRelease(Visitors::iterator it);
    /// \param prefix a visitor's prefix: give it back unless the node came back or bound it
    void ReleaseIfGone(HomeNetworkPrefix prefix);
    /**
     * \brief LocationManagement "BindingRemoved" sink.
     * \param entry the binding \param cause expiry or de-registration
     */
    void BindingRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause);
    /**
     * \brief Route a node's prefix natively on the access link, for forwarded packets
     *        (mobility routing) and for the router's own (static routing: its BAs to a node
     *        back at home, RFC 6275 §11.5.4).
     * \param it the node's visitor record \param interface the access interface
     * \param peer the node's link-local address
     */
    void RouteNatively(Visitors::iterator it, uint32_t interface, Ipv6Address peer);
    /// \param it a visitor: stop its native route, if any
    void StopNativeRoute(Visitors::iterator it);
    /// \return the router's static routing
    Ptr<Ipv6StaticRouting> GetStaticRouting() const;
    /**
     * \brief LocationManagement "BindingUpdated" sink.
     * \param entry the binding \param previousCareOf its care-of address before
     */
    void BindingUpdated(const BindingCacheEntry& entry, Ipv6Address previousCareOf);
    /**
     * \brief Allocate (or find) the node's prefix, route it, and answer with a unicast RA.
     * \param interface the access interface \param peer the node's link-local address
     * \param mac its link-layer address (the allocation's identifier)
     */
    void Advertise(uint32_t interface, Ipv6Address peer, Mac48Address mac);

    Ptr<HomeAddressAllocation> m_haa; //!< per-node prefixes, shared with the home agent
    Ptr<MobilityRouting> m_mr;        //!< mobility routing of the router
    Visitors m_visitors;              //!< per-node prefixes allocated here -> their nodes
    Stats m_stats;                    //!< counters
};

} // namespace ns3

#endif // DMM_DMA_CLIENT_ACCESS_AGENT_H
