/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ACCESS_ROUTER_AGENT_H
#define DMM_ACCESS_ROUTER_AGENT_H

#include "ns3/dmm-agent.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nd-options.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace ns3
{

class Socket;
class Ipv6L3Protocol;

/**
 * \ingroup dmm
 * \brief Access-side agent of an access router: answers router solicitations with
 * per-mobile-node unicast router advertisements.
 *
 * ns-3's RadvdApplication only multicasts after a random delay; mobility needs an
 * RA to each mobile node, at once, carrying the prefixes that node may use. The
 * base class advertises the on-link prefix of the access interface (plain IPv6,
 * profile `none`); subclasses (MAG, MAR, ...) decide per node what to advertise.
 */
class AccessRouterAgent : public DmmAgent
{
  public:
    /// A prefix to advertise with its lifetimes.
    struct AdvertisedPrefix
    {
        HomeNetworkPrefix prefix; //!< the prefix
        Time validLifetime;       //!< valid lifetime
        Time preferredLifetime;   //!< preferred lifetime (0 = deprecated)
        uint8_t properties{0};    //!< NdOptions::PROPERTY_* bits (0: none to announce)
        bool autonomous{true};    //!< L and A flags; false: only names the router (R flag)
        Ipv6Address anchor;       //!< announced in a Mobility Session option (:: none)
        bool onLink{true};        //!< with autonomous: the L flag (false: A only)
        bool namesRouter{true};   //!< R flag and full address if it holds the router's
    };

    /// \brief Named counters.
    struct Stats
    {
        uint64_t invalidSolicitations{0}; //!< RS malformed or without a link-layer address
        uint64_t forgottenNeighbors{0};   //!< stale entries of departed nodes removed
    };

    /**
     * TracedCallback signature for router solicitations and advertisements.
     * \param interface the access interface index
     * \param peer the mobile node's link-local address
     * \param mac the mobile node's link-layer address
     */
    typedef void (*NeighborTracedCallback)(uint32_t interface, Ipv6Address peer, Mac48Address mac);
    /// TracedCallback signature for "Detached". \param mac the node's link-layer address
    typedef void (*DetachedTracedCallback)(Mac48Address mac);
    /// TracedCallback signature for "Arrival". \param mac the node \param previous router
    typedef void (*ArrivalTracedCallback)(Mac48Address mac, Ipv6Address previous);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AccessRouterAgent();
    ~AccessRouterAgent() override;

    /**
     * \brief Serve mobile nodes on an interface.
     * \param interface the access interface index
     * \param onLinkPrefix the prefix advertised by the base class on this link
     */
    void AddAccessInterface(uint32_t interface, const HomeNetworkPrefix& onLinkPrefix);

    /**
     * \brief Layer-2 trigger: a mobile node left one of our links (DoNotifyDetached), and
     *        its neighbour entries are dropped NeighborGcTime later if it has not come back.
     * \param mac the mobile node's link-layer address
     */
    void NotifyDetached(Mac48Address mac);

    /**
     * \brief Layer-2 hint: a mobile node is arriving from another access router (as an
     *        inter-AP protocol, IEEE 802.11F, or IEEE 802.21 tells the new point of
     *        attachment); see DoNotifyArrival.
     * \param mac the node's link-layer address
     * \param previous the previous router's address (GetRouterAddress), :: if none
     */
    void NotifyArrival(Mac48Address mac, Ipv6Address previous);

    /**
     * \brief Announce a MAP in every advertisement (RFC 5380 §10.1, HMIPv6).
     * \param map the MAP option's content
     */
    void SetMapOption(const NdOptions::MapOption& map);

    /**
     * \brief Put this router's global address in the Prefix Information option of the
     *        on-link prefix, with the R flag (RFC 6275 §7.2): a router that is also the
     *        home agent of its link tells mobile nodes where to register.
     * \param address the router's address in the on-link prefix
     */
    void SetRouterAddress(Ipv6Address address);
    /// \return the address set with SetRouterAddress (:: if none)
    Ipv6Address GetRouterAddress() const;

    /**
     * \brief Use another router's policy store, and every entry added to it later (one
     *        store for the routers of a domain, as a AAA server would be, instead of a
     *        copy per router: memory independent of the number of routers).
     * \param other the router whose store this one shares
     */
    void SharePolicy(Ptr<const AccessRouterAgent> other);

    /**
     * \brief Authorise a mobile node (the policy store, RFC 5213 §6.2): the agents that
     *        register nodes (MAG, MAR) serve only nodes they know.
     * \param mac the node's link-layer address \param mnId its MN identifier (NAI)
     */
    void SetPolicy(Mac48Address mac, const std::string& mnId);

    /// \return the counters of the access-side agent
    const Stats& GetAccessStats() const;
    /// \param session a session key (LookupSession) \return the MN-ID it belongs to
    static std::string MobileNodeOf(const std::string& session);
    /// \param session a session key \return true if it names one interface of a node
    static bool IsPerInterface(const std::string& session);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief A router solicitation arrived on an access interface.
     * \param interface the interface index
     * \param peer the solicitor's link-local address
     * \param mac its link-layer address (from the source link-layer address option)
     */
    virtual void HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac);

    /**
     * \brief The options of a valid router solicitation, just before HandleSolicitation;
     *        the default ignores them.
     * \param mac the solicitor's link-layer address
     * \param options the solicitation's options
     */
    virtual void SolicitationOptions(Mac48Address mac, const NdOptions& options);

    /**
     * \brief Send a unicast router advertisement.
     * \param interface the interface index
     * \param peer the mobile node's link-local address
     * \param prefixes the prefixes to advertise
     */
    void SendAdvertisement(uint32_t interface,
                           Ipv6Address peer,
                           const std::vector<AdvertisedPrefix>& prefixes);

    /// \return the node's IPv6 stack
    Ptr<Ipv6L3Protocol> GetIpv6() const;
    /// \param interface an access interface \return its on-link prefix
    HomeNetworkPrefix GetOnLinkPrefix(uint32_t interface) const;

    Time m_validLifetime;     //!< advertised valid lifetime
    Time m_preferredLifetime; //!< advertised preferred lifetime

    /// \return the valid lifetime to advertise: PrefixLifetime if set, else ValidLifetime
    Time AdvertisedValidLifetime() const;
    /// \return the preferred lifetime to advertise, at most AdvertisedValidLifetime()
    Time AdvertisedPreferredLifetime() const;
    /// \return true if attached nodes are re-advertised (a PrefixLifetime is set)
    bool RefreshesPrefixes() const;

    /**
     * \brief With a PrefixLifetime, run \p readvertise a third of it from now (RFC 4861
     *        §6.2.1: AdvDefaultLifetime = 3 x MaxRtrAdvInterval), replacing the node's
     *        pending one; it ends when the node leaves or the application stops.
     * \param mac the node's link-layer address
     * \param readvertise what sends the node's RA again
     */
    template <typename F>
    void ScheduleReadvertisement(Mac48Address mac, F&& readvertise)
    {
        auto it = m_readvertise.find(mac);
        if (m_prefixLifetime.IsStrictlyPositive() && it != m_readvertise.end())
        {
            // None for a node that left while its RS was processed (the RA went anyway).
            it->second.Cancel();
            it->second =
                compat::ScheduleFunction(m_prefixLifetime / 3, std::forward<F>(readvertise));
        }
    }

    /**
     * \param mac a node's link-layer address
     * \return true from its arrival (NotifyArrival) or its Router Solicitation until it
     *         left (NotifyDetached)
     */
    bool IsOnLink(Mac48Address mac) const;

    /// What a role does when a node left (NotifyDetached); the default fires "Detached".
    /// \param mac the node's link-layer address
    virtual void DoNotifyDetached(Mac48Address mac);
    /// What a role does when a node arrives (NotifyArrival); the default fires "Arrival".
    /// \param mac the node's link-layer address \param previous the previous router, or ::
    virtual void DoNotifyArrival(Mac48Address mac, Ipv6Address previous);

    /// \param mac a link-layer address \return the node's identifier, or null if unknown
    const std::string* LookupPolicy(Mac48Address mac) const;
    /**
     * \brief The mobility session an interface belongs to (RFC 5213 §5.4: one per
     *        interface of a node the policy store lists with several).
     * \param mac the interface's link-layer address
     * \return the node's MN-ID if it has one interface, else the MN-ID qualified by
     *         \p mac; empty if the node is unknown
     */
    std::string LookupSession(Mac48Address mac) const;

  private:
    void HandleRead(Ptr<Socket> socket);
    /// Remove the STALE neighbour entries of a node that left and has not come back.
    void ForgetNeighbor(Mac48Address mac);
    /// \brief Cancel every pending re-advertisement.
    void CancelReadvertisements();

    Ptr<Socket> m_socket;                               //!< raw ICMPv6 socket
    std::map<uint32_t, HomeNetworkPrefix> m_interfaces; //!< access interfaces

    /// The policy store (RFC 5213 §6.2), possibly shared with other routers (SharePolicy).
    struct PolicyStore
    {
        std::map<Mac48Address, std::string> nodes;  //!< link-layer address -> MN-ID
        std::map<std::string, uint32_t> interfaces; //!< MN-ID -> addresses listed
    };

    std::shared_ptr<PolicyStore> m_policy;           //!< SetPolicy, SharePolicy
    std::optional<NdOptions::MapOption> m_mapOption; //!< SetMapOption
    Ipv6Address m_routerAddress;                     //!< SetRouterAddress (:: none)
    Time m_routerLifetime;                           //!< advertised router lifetime
    bool m_prefixProperties;                         //!< send Prefix Properties
    Time m_prefixLifetime;                           //!< attribute PrefixLifetime
    Stats m_stats;                                   //!< counters
    Time m_neighborGcTime;                           //!< attribute NeighborGcTime
    std::map<Mac48Address, EventId> m_forget;        //!< departed -> ForgetNeighbor
    std::map<Mac48Address, EventId> m_readvertise;   //!< on the link -> its re-advertisement
    TracedCallback<uint32_t, Ipv6Address, Mac48Address> m_rsTrace; //!< RouterSolicitation
    TracedCallback<uint32_t, Ipv6Address, Mac48Address> m_raTrace; //!< RouterAdvertisement
    TracedCallback<Mac48Address> m_detachedTrace;                  //!< Detached
    TracedCallback<Mac48Address, Ipv6Address> m_arrivalTrace;      //!< Arrival
};

} // namespace ns3

#endif // DMM_ACCESS_ROUTER_AGENT_H
