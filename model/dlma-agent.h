/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_AGENT_H
#define DMM_DLMA_AGENT_H

#include "ns3/dlma-retransmission.h"
#include "ns3/event-id.h"
#include "ns3/lma-agent.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace ns3
{

class DlmaMessage;
class Ipv6Interface;
class ProxyBindingUpdate;

/**
 * \ingroup dmm
 * \brief A distributed local mobility anchor (seed 004): H-LMA of the nodes registered in
 *        its network, V-LMA (D-LMA) of the visitors anchored to it, O-LMA of the packets
 *        it intercepts through the anycast of every home prefix (§4.2).
 *
 * An LmaAgent whose location management keeps the master location of its own nodes only
 * (§4.1): a visitor's PBU waits for a Uniqueness Check with the node's H-LMA (§4.3), the
 * new D-LMA informs the H-LMA and the previous D-LMA (Location Inform), and an O-LMA
 * without a cached location tunnels by prefix to the H-LMA, which tunnels on to the D-LMA
 * and sends the O-LMA a Cache Update (§4.4, Figs 7-8). A previous D-LMA forwards for
 * ForwardingLifetime and re-targets the O-LMAs the same way (§5.1.3). A packet tunnelled
 * here for an address neither anchored nor forwarded here is dropped (NOT_ANCHORED).
 */
class DlmaAgent : public LmaAgent
{
  public:
    /// Which LMA keeps track of a visitor's MAG under BypassDlma (§5.1.1).
    enum MagTracker
    {
        D_LMA_TRACKS, //!< the D-LMA: it names the MAG to the O-LMAs (the H-LMA knows the D-LMA)
        H_LMA_TRACKS, //!< the H-LMA: informed of every MAG, it tunnels to the MAG itself
    };

    /// How a receiver orders the Location Informs about one prefix.
    enum InformOrder
    {
        PER_LMA_SEQUENCE, //!< each LMA's own sequence numbers: only its older inform is stale
        TIMESTAMP,        //!< RFC 5213 §5.5 Timestamp option: older than the newest location
    };

    /// \brief Named counters of the distributed-LMA signalling and forwarding.
    struct DlmaStats
    {
        uint64_t checksSent{0};     //!< Uniqueness Checks sent (as V-LMA)
        uint64_t checksAnswered{0}; //!< Uniqueness Replies sent (as H-LMA)
        uint64_t notUnique{0};      //!< of those, NOT_UNIQUE: a valid HoA given instead
        uint64_t informsSent{0};    //!< Location Informs sent (as new D-LMA)
        uint64_t updatesSent{0};    //!< Cache Updates sent (as H-LMA or previous D-LMA)
        uint64_t cached{0};         //!< Cache Updates applied (as O-LMA)
        uint64_t cacheExpired{0};   //!< O-LMA cache entries ended by the idle time-out
        uint64_t forwardExpired{0}; //!< forwarding entries of a previous D-LMA ended
        uint64_t notAnchored{0};    //!< drops: tunnelled here, neither anchored nor forwarded
        uint64_t refused{0};        //!< drops: Uniqueness Reply REFUSED (PBU not answered)
        uint64_t invalid{0};        //!< drops: messages without the options they need
        uint64_t retransmitted{0};  //!< Uniqueness Checks and Location Informs sent again
        uint64_t acksSent{0};       //!< Location Acks sent (AcknowledgeInforms)
        uint64_t magsTold{0};       //!< Cache Updates naming a peer MAG sent to a MAG (§5.4)
        uint64_t keptPrivate{0};    //!< §5.4 bypasses withheld for a private node
        uint64_t staleInforms{0};   //!< drops: Location Informs older than the last applied
                                    //!< (or, by timestamp, than this LMA's own binding)
        uint64_t staleReplies{0};   //!< drops: Uniqueness Replies to a check a newer one
                                    //!< (for a PBU that replaced the held one) superseded
        uint64_t staleRefreshes{0}; //!< PBUs refused: refreshes of a binding a newer
                                    //!< Location Inform moved elsewhere
    };

    /**
     * TracedCallback signature for location changes.
     * \param prefix the HoA prefix \param lma where packets for it now go (:: none)
     */
    typedef void (*LocationTracedCallback)(const HomeNetworkPrefix& prefix, Ipv6Address lma);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DlmaAgent();
    ~DlmaAgent() override;

    /**
     * \brief Another LMA of the domain: its pool is anycast here too (§4.2), and packets
     *        for it without a cached location are tunnelled to it (§4.4).
     * \param pool the prefixes it allocates from \param lma its address
     */
    void AddPeer(const HomeNetworkPrefix& pool, Ipv6Address lma);
    /**
     * \brief The H-LMA a node registered with, from its policy profile (the home AAA
     *        server of §4.1); a V-LMA asks it about the node's HoA.
     * \param mnId the node \param hLma its H-LMA
     */
    void SetHomeLma(const std::string& mnId, Ipv6Address hLma);
    /**
     * \brief Policy: the node's proxy CoA may not be revealed to another MAG, so its
     *        packets keep going through an LMA (seed 004 §5.4; BypassOlma).
     * \param mnId the node
     */
    void SetLocationPrivate(const std::string& mnId);
    /// \param prefix an HoA prefix \return where this LMA sends its packets (:: if nowhere)
    Ipv6Address GetLocation(const HomeNetworkPrefix& prefix) const;
    /// \return the counters
    const DlmaStats& GetDlmaStats() const;
    /// \return how many Cache Update records (O-LMA or MAG, prefix) this LMA keeps
    size_t GetToldCount() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void ProcessUpdate(Ptr<Packet> p, Ipv6Header header) override;
    void BindingRemoved(const BindingCacheEntry& entry,
                        LocationManagement::RemovalCause cause) override;
    std::optional<HomeNetworkPrefix> KnownPrefix(const std::string& mnId) const override;
    bool KeepsPrefix(const BindingCacheEntry& entry) const override;

  private:
    /// A PBU waiting for the Uniqueness Reply (§4.3).
    struct HeldUpdate
    {
        Ptr<Packet> packet; //!< the PBU
        Ipv6Header header;  //!< its IPv6 header
        uint16_t check{0};  //!< sequence number of the Uniqueness Check sent for it
        Time arrived;       //!< when it arrived (RFC 5213 §5.5.1 validates it then)
    };

    /// A node anchored here whose HoA another LMA allocated.
    struct Visitor
    {
        HomeNetworkPrefix prefix; //!< its HoA prefix
        Ipv6Address hLma;         //!< its H-LMA
        Ipv6Address previous;     //!< the D-LMA before this one (:: none)
    };

    /// Where packets for a prefix go when it is not anchored here.
    struct Location
    {
        Ipv6Address lma;      //!< the D-LMA (or the new D-LMA, when forwarding)
        Ipv6Address mag;      //!< the node's MAG, where the H-LMA tracks it (:: otherwise)
        std::string mnId;     //!< the node, when a Cache Update named it (BypassOlma)
        Time lastUsed;        //!< last packet tunnelled by this entry (the idle time-out)
        EventId expiry;       //!< end of a forwarding or cache entry
        Ipv6Address informer; //!< the LMA whose Location Inform set it (:: none)
        uint16_t sequence{0}; //!< that inform's sequence number
    };

    /**
     * \brief Process a held PBU with its timestamp checked against its arrival (RFC 5213
     *        §5.5.1): a slow H-LMA delays the registration, it does not refuse it.
     * \param held the PBU
     */
    void ProcessHeld(const HeldUpdate& held);
    /**
     * \param pbu a PBU \param from its source
     * \return the binding it refreshes, if a newer Location Inform moved the node elsewhere
     */
    const BindingCacheEntry* Superseded(const ProxyBindingUpdate& pbu, Ipv6Address from) const;
    /**
     * \brief Refuse a refresh of a superseded binding, and de-register that binding.
     * \param pbu the refresh \param from its MAG \param entry the binding (copied)
     */
    void RefuseRefresh(const ProxyBindingUpdate& pbu, Ipv6Address from, BindingCacheEntry entry);
    void HandleMessage(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void HandleCheck(const DlmaMessage& m, Ipv6Address from);
    void HandleReply(const DlmaMessage& m, Ipv6Address from);
    void HandleInform(const DlmaMessage& m, Ipv6Address from);
    void HandleCacheUpdate(const DlmaMessage& m);
    /**
     * \brief Whether a Location Inform is older than what this LMA knows of the prefix.
     * \param m the inform \param from its sender \param prefix its HoA prefix
     * \return true if applying it would bring back an older location
     */
    bool IsStaleInform(const DlmaMessage& m, Ipv6Address from, const HomeNetworkPrefix& prefix);

    void BindingUpdated(const BindingCacheEntry& entry, Ipv6Address previousCareOf);
    void BecameAnchor(const BindingCacheEntry& entry);
    void Apply(const HomeNetworkPrefix& prefix);
    void Expire(HomeNetworkPrefix prefix, bool cache);
    bool Accept(Ptr<const Packet> inner, Ipv6Address from);
    /**
     * \brief §5.4: a packet from a mobile node's MAG whose destination's MAG is known
     *        here: tell the sending MAG that MAG, unless a node's location is private.
     * \param header the inner header \param from the sending MAG
     */
    void BypassOriginating(const Ipv6Header& header, Ipv6Address from);
    /// \param prefix an HoA prefix \return the node and its MAG, if known here (§5.4)
    std::pair<std::string, Ipv6Address> MagOf(const HomeNetworkPrefix& prefix) const;
    void Encapsulated(Ptr<const Packet> inner, Ipv6Address local, Ipv6Address remote);
    /**
     * \brief Send the O-LMA a Cache Update, once per hold-down and location.
     * \param olma the O-LMA \param prefix the HoA prefix \param lma its D-LMA or proxy CoA
     */
    void Tell(Ipv6Address olma, const HomeNetworkPrefix& prefix, Ipv6Address lma);
    /// Forget the records naming an LMA whose hold-down has passed: only the hold-down
    /// reads them. Runs a hold-down after a record is written, while any remains.
    void SweepTold();
    /**
     * \brief Forget \p prefix's records (and the time of its newest location) once this
     *        LMA keeps no state for it (no binding, forwarding or cache entry) and their
     *        hold-downs have passed.
     * \param prefix the HoA prefix
     */
    void ForgetTold(HomeNetworkPrefix prefix);
    /// \return true if some O-LMA was told \p careOf for \p prefix (D-LMA bypass)
    bool ToldCareOf(const HomeNetworkPrefix& prefix, Ipv6Address careOf) const;
    void SendLocation(DlmaMessage& m,
                      const std::string& mnId,
                      const HomeNetworkPrefix& prefix,
                      Ipv6Address lma,
                      Ipv6Address to);
    /**
     * \brief After a change of LMA under BypassDlma, tell the MAGs O-LMAs were sent to
     *        that the node is now anchored at \p lma (§5.1.3).
     * \param mnId the node \param prefix its HoA prefix \param lma the new D-LMA
     */
    void InformPreviousMags(const std::string& mnId,
                            const HomeNetworkPrefix& prefix,
                            Ipv6Address lma);
    /**
     * \brief A Location Inform to an LMA: retransmitted until acknowledged if
     *        AcknowledgeInforms is set.
     * \param mnId the node \param prefix its HoA prefix \param to the H-LMA or previous D-LMA
     * \param mag the node's MAG, named instead of this LMA (to the H-LMA, H_LMA_TRACKS)
     */
    void Inform(const std::string& mnId,
                const HomeNetworkPrefix& prefix,
                Ipv6Address to,
                Ipv6Address mag = Ipv6Address::GetAny());
    /// \return true if this LMA tells its visitors' H-LMAs their MAGs (H_LMA_TRACKS)
    bool HomeTracksMag() const;
    /**
     * \brief Send a message (DlmaRetransmission's send callback).
     * \param m the message \param to the peer \param again true for a retransmission
     */
    void Transmit(DlmaMessage& m, Ipv6Address to, bool again);

    /// \param a an address \return its prefix in the tables (HnpLength)
    HomeNetworkPrefix PrefixOf(Ipv6Address a) const;
    /// \param prefix an HoA prefix \return true if this LMA allocates it (its H-LMA)
    bool IsHome(const HomeNetworkPrefix& prefix) const;
    /// \param prefix an HoA prefix \return the node anchored here with it, if any
    const BindingCacheEntry* AnchoredHere(const HomeNetworkPrefix& prefix) const;

    Time m_cacheTimeout;                               //!< attribute CacheTimeout
    Time m_forwardingLifetime;                         //!< attribute ForwardingLifetime
    Time m_updateHoldDown;                             //!< attribute CacheUpdateHoldDown
    uint8_t m_hnpLength{64};                           //!< attribute HnpLength
    bool m_bypass{false};                              //!< attribute BypassDlma
    bool m_bypassOlma{false};                          //!< attribute BypassOlma
    std::set<std::string> m_private;                   //!< policy: location-private nodes
    MagTracker m_magTracker{D_LMA_TRACKS};             //!< attribute MagTracking
    bool m_ackInforms{false};                          //!< attribute AcknowledgeInforms
    InformOrder m_informOrder{TIMESTAMP};              //!< attribute InformOrdering
    Time m_initialTimeout;                             //!< attribute InitialRetransmitTimeout
    Time m_maxTimeout;                                 //!< attribute MaxRetransmitTimeout
    DlmaRetransmission m_retx;                         //!< outstanding checks and informs
    std::map<Ipv6Address, HomeNetworkPrefix> m_peers;  //!< other LMAs and their pools
    std::map<std::string, Ipv6Address> m_homeLma;      //!< policy: node -> H-LMA
    std::map<std::string, Visitor> m_visitors;         //!< anchored here, HoA elsewhere
    std::map<std::string, HeldUpdate> m_pending;       //!< PBUs held for the reply
    std::set<std::string> m_anchored;                  //!< nodes this LMA is D-LMA of
    std::map<HomeNetworkPrefix, Location> m_remote;    //!< master location or forwarding
    std::map<HomeNetworkPrefix, Location> m_cache;     //!< O-LMA location cache
    std::map<HomeNetworkPrefix, uint64_t> m_locatedAt; //!< timestamp of the newest location
    std::map<std::pair<Ipv6Address, HomeNetworkPrefix>, std::pair<Ipv6Address, Time>>
        m_told;             //!< Cache Updates sent
    EventId m_toldSweep;    //!< next sweep of m_told's expired hold-downs
    uint16_t m_sequence{0}; //!< next message sequence
    DlmaStats m_dlmaStats;  //!< counters
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address> m_locationTrace; //!< Location
};

} // namespace ns3

#endif // DMM_DLMA_AGENT_H
