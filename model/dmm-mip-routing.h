/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMM_MIP_ROUTING_H
#define DMM_DMM_MIP_ROUTING_H

#include "ns3/distributed-mobility-routing.h"

#include <deque>
#include <map>
#include <set>
#include <utility>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief A mobility router of DMM with Mobile IP (seed 002 §4.3-§4.4): the fully
 *        distributed router (000 Fig 9) with the two ways of optimising a route of §4.3
 *        and the location update of §4.4.
 *
 * - Query (Fig 3): the correspondent's router, on a miss, asks the location management
 *   and holds the packets until the answer, then tunnels them to the router the node is
 *   attached to.
 * - Redirect (Fig 4): the correspondent's router forwards a miss natively, to the router
 *   the address is anchored at; that one asks the location management, tunnels the
 *   packets on, and sends a Redirect with the node's location towards the correspondent.
 *   The draft leaves open how the anchoring router finds the correspondent's router
 *   (§4.3, last paragraph): the Redirect is addressed to the correspondent and taken by
 *   the router that would hand it to a host behind one of its host interfaces.
 *
 * A router forwarding for a node that moved on (§4.4 Fig 5 step 7) tells the sender of
 * the tunnelled packets the node's new location with a Redirect, not a Location Stale, so
 * the sender re-targets without a new query.
 */
class DmmMipRouting : public DistributedMobilityRouting
{
  public:
    /// How the correspondent's router finds the node's router (seed 002 §4.3).
    enum Optimization
    {
        QUERY,    //!< Fig 3: ask the location management, hold the first packets
        REDIRECT, //!< Fig 4: route natively; the anchoring router redirects
    };

    /// \brief Named counters.
    struct MipStats
    {
        uint64_t redirectsSent{0};   //!< Redirects sent
        uint64_t redirectsTaken{0};  //!< Redirects taken on their way to a host
        uint64_t nativeFirst{0};     //!< misses routed natively without a query (Fig 4)
        uint64_t locationUpdates{0}; //!< of them, with a node's new location (§4.4, Fig 5)
        uint64_t notForwarded{0};    //!< drops: NO_BINDING (moved on, forwarding off)
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DmmMipRouting();
    ~DmmMipRouting() override;

    /// \return the counters
    const MipStats& GetMipStats() const;
    /**
     * \brief The temporary mobility context of a handover (§4.4): \p home moved to the
     *        router \p router. Until cleared, packets tunnelled here for it that no
     *        forwarding takes are dropped and their sender gets a Redirect to \p router.
     * \param home the address \param router the new router
     */
    void SetMovedTo(Ipv6Address home, Ipv6Address router);
    /// \brief The handover to \p router ended: forget the new location (also the cache's).
    /// \param home the address
    /// \param router the new router (:: any: the node is back here)
    void ClearMovedTo(Ipv6Address home, Ipv6Address router);
    /// \return the (receiver, address) pairs a Redirect went to within RedirectInterval
    /// (as of the last Redirect considered: older ones are dropped then)
    std::size_t GetRateLimitedPairs() const;
    void Setup(Ipv6Address local) override;

    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;

  protected:
    bool Resolve(Ptr<const Packet> p, const Ipv6Header& header, bool queue) override;
    void SendStale(Ipv6Address to, Ipv6Address home, Ipv6Address locator) override;

  private:
    /// Why a Redirect is sent.
    enum RedirectReason
    {
        ROUTE_OPTIMIZATION, //!< Fig 4: the anchoring router answers a native packet
        LOCATION_UPDATE,    //!< §4.4: the node moved on (Fig 5 step 7)
    };

    /// \return true if \p p, just out of a tunnel, was for a node that moved on and is not
    /// forwarded (then dropped)
    bool DropMovedOn(Ptr<const Packet> p, const Ipv6Header& header);
    /// \brief A packet for a node in a handover context arrived natively (not tunnelled):
    /// tell its sender's router the new location (§4.4). \param header its header
    void UpdateNativeSender(const Ipv6Header& header);
    /// \return whether an LM answer for \p home arrived within AnswerLifetime
    bool AnsweredRecently(Ipv6Address home) const;
    /// \brief Send a Redirect unless one went to \p to for \p home within
    /// RedirectInterval. \param to whom (a router or a correspondent)
    /// \param home the address \param locator the router it is attached to
    /// \param reason why (counted once the message goes out)
    void SendRedirect(Ipv6Address to, Ipv6Address home, Ipv6Address locator, RedirectReason reason);
    /// \brief Forget the Redirects sent RedirectInterval or longer ago (no longer limiting).
    void ForgetExpiredRedirects();
    /// \brief An answer arrived: redirect the correspondents whose packets waited for it.
    /// \param home the address \param locator its router (:: native)
    void Resolved(Ipv6Address home, Ipv6Address locator);
    /// \return true if \p p is a Redirect for a host behind a host interface (then taken)
    bool TakeRedirect(Ptr<const Packet> p, const Ipv6Header& header);
    /// \return whether \p a is on the prefix of one of this router's host interfaces
    bool IsBehindHostInterface(Ipv6Address a) const;
    /// \brief A Redirect addressed to this router. \param p it \param header its header
    void HandleRedirect(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>);
    /// \brief Re-target by a Redirect. \param p the packet starting with it
    void Apply(Ptr<const Packet> p);

    /// A Redirect's receiver and the address it is about.
    using RedirectKey = std::pair<Ipv6Address, Ipv6Address>;

    Optimization m_optimization{QUERY};                     //!< attribute Optimization
    std::map<Ipv6Address, std::set<Ipv6Address>> m_waiting; //!< home -> correspondents
    std::map<Ipv6Address, Ipv6Address> m_movedTo;           //!< home -> new router
    std::set<Ipv6Address> m_released;           //!< homes whose handover context was deleted
    std::map<RedirectKey, Time> m_redirectedAt; //!< (to, home) -> sent
    std::deque<std::pair<RedirectKey, Time>> m_redirectOrder; //!< m_redirectedAt by send time
    std::map<Ipv6Address, Time> m_answeredAt;                 //!< home -> last LM answer
    Time m_redirectInterval;                                  //!< attribute RedirectInterval
    Time m_answerLifetime;                                    //!< attribute AnswerLifetime
    bool m_updateNativeSenders{true};                         //!< attribute UpdateNativeSenders
    uint16_t m_sequence{0};                                   //!< last Redirect sequence
    MipStats m_mipStats;                                      //!< counters
};

} // namespace ns3

#endif // DMM_DMM_MIP_ROUTING_H
