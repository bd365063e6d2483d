/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DISTRIBUTED_ROUTING_FUNCTION_H
#define DMM_DISTRIBUTED_ROUTING_FUNCTION_H

#include "ns3/event-id.h"
#include "ns3/home-address-allocation.h"
#include "ns3/inform-retransmission.h"
#include "ns3/location-update.h"
#include "ns3/mobility-routing.h"

#include <deque>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ns3
{

class BindingChangeAck;
class EpmipMessage;
class Ipv6Interface;
class MobilityL4Protocol;

/**
 * \ingroup dmm
 * \brief The Distributed Routing sub-Function (DRF) of an eMAG (seed 001 §3.2, §4.2): the
 *        mobility routing of a MAG plus optimized routing by a direct eMAG-eMAG tunnel.
 *
 * On an uplink packet from an attached node to an address of a mobile prefix with a known
 * LMF (AddLmf: the configured prefix map of §4.4.1), the DRF looks in its location cache;
 * without an entry it sends a PBQR to that LMF and, until the PBQA, either forwards the
 * packet on the PMIP path through the LMA (FirstPackets=Pmip, the alternative the draft
 * describes first) or buffers it (FirstPackets=Buffer, at most BufferSize packets per
 * destination; more are dropped and counted). A PBQA with a location sets a destination
 * tunnel to the peer eMAG; one with R (no binding) leaves the destination on the PMIP path
 * (§5.1). Optionally the outer source of a packet decapsulated from another eMAG is
 * learnt as the location of the inner source (LearnFromOuterHeader, §4.2's alternative).
 * An unanswered PBQR is sent again QueryRetries times before PMIP routing (§5.1).
 *
 * Handoff (§4.3, Fig 3): when a PBA names the node's previous proxy-CoA (Registered), the
 * n-eMAG sends that p-eMAG a PBCI with the node's new location; the p-eMAG answers with a
 * PBCA listing the locations of the node's correspondents (the destinations its uplink
 * was tunnelled to), tunnels late downlink to the n-eMAG for ForwardingLifetime
 * (ForwardLateDownlink) and sends a PBCI to each correspondent's eMAG, which re-targets
 * its entry and acks. Until the PBCA the n-eMAG sends the node's uplink on the PMIP path.
 */
class DistributedRoutingFunction : public MobilityRouting
{
  public:
    /// What happens to the packets sent before the location is known (§4.2).
    enum FirstPackets
    {
        PMIP_PATH, //!< forward through the LMA (bi-directional PMIP tunnel)
        BUFFER,    //!< hold them until the PBQA (bounded)
    };

    /// How the eMAG finds the eLMA holding a node's binding (§4.4).
    enum ElmaDiscovery
    {
        PREFIX_MAP, //!< §4.4.1: the configured prefix map names the eLMA (AddLmf)
        HOP_BY_HOP, //!< §4.4.2: PBQR to the node's address, terminated by its eLMA
        RELAY,      //!< §4.4.3: PBQR to one eLMA (SetQueryLmf), which asks the owner
    };

    /// \brief Named counters.
    struct DrfStats
    {
        uint64_t queries{0};               //!< PBQRs sent
        uint64_t located{0};               //!< PBQAs with a location
        uint64_t unlocated{0};             //!< PBQAs with R, or timed out queries
        uint64_t optimized{0};             //!< packets sent through an eMAG-eMAG tunnel
        uint64_t detoured{0};              //!< packets sent on the PMIP path while querying
        uint64_t buffered{0};              //!< packets held while querying
        uint64_t bufferOverflow{0};        //!< packets dropped: buffer full
        uint64_t learnt{0};                //!< locations learnt from outer headers
        uint64_t queryRetries{0};          //!< PBQRs sent again after a time-out (§5.1)
        uint64_t queryTimeouts{0};         //!< queries given up after all retries: PMIP routing
        uint64_t informs{0};               //!< PBCIs sent (§4.3)
        uint64_t informAcks{0};            //!< PBCAs received
        uint64_t handedOver{0};            //!< PBCIs answered as the node's previous eMAG
        uint64_t retargeted{0};            //!< location entries moved by a PBCI
        uint64_t informTimeouts{0};        //!< PBCIs to a previous eMAG given up without a PBCA
        uint64_t informRetransmissions{0}; //!< PBCIs sent again for want of a PBCA
    };

    /**
     * \brief Signature of the Located trace.
     * \param prefix the destination prefix \param locator its eMAG (:: if none)
     */
    typedef void (*LocatedTracedCallback)(const HomeNetworkPrefix& prefix, Ipv6Address locator);

    /// Takes a PBCA \p pbca from \p src that answers none of this DRF's PBCIs.
    typedef Callback<void, const BindingChangeAck&, Ipv6Address> OtherAckCallback;

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DistributedRoutingFunction();

    /**
     * \brief Start signalling.
     * \param mh the node's Mobility Header protocol \param local this eMAG's proxy-CoA
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local);
    /**
     * \brief The LMF holding the bindings of a mobile prefix (§4.4.1).
     * \param prefix the prefix \param lmf the eLMA's address
     */
    void AddLmf(const HomeNetworkPrefix& prefix, Ipv6Address lmf);
    /**
     * \brief The eLMA asked under ElmaDiscovery Relay (§4.4.3: "any random eLMA it
     *        considers convenient"); without one, the prefix map's.
     * \param lmf the eLMA's address
     */
    void SetQueryLmf(Ipv6Address lmf);
    /**
     * \brief Where the PBCAs go that answer no PBCI of this DRF: the DRF owns the node's
     *        PBCA handler, other functions of the node (an eLMA's DMF) send PBCIs too.
     * \param handler takes them (null: ignored)
     */
    void SetOtherAckHandler(OtherAckCallback handler);
    /**
     * \brief Record a location (from a PBQA, a PBCI or a PBCA).
     * \param prefix the node's prefix \param locator its eMAG
     */
    void SetLocation(const HomeNetworkPrefix& prefix, Ipv6Address locator);
    /// \return the counters
    const DrfStats& GetDrfStats() const;

    /**
     * \brief The late-downlink forwarding periods (§4.3) this DRF keeps an end event for;
     *        an ended period is not kept, so the state does not grow with the handovers.
     * \return their number
     */
    std::size_t GetForwardingPeriods() const;
    /**
     * \brief A registration was answered (connect to the MAG's ProxyLocationUpdate Outcome
     *        trace): a PBA naming a previous proxy-CoA starts the §4.3 handoff.
     * \param outcome the registration's outcome
     */
    void Registered(const LocationUpdate::Outcome& outcome);

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
     * \brief Whose packets this DRF optimizes.
     * \param src a packet's source \return true for a node attached here and registered
     *        with an eLMA
     */
    virtual bool Serves(Ipv6Address src) const;
    /**
     * \brief A PBCA answering none of this DRF's PBCIs: to the SetOtherAckHandler handler.
     * \param pbca the PBCA \param src its sender
     */
    virtual void OtherInformAck(const BindingChangeAck& pbca, Ipv6Address src);

    /**
     * \brief As a node's previous eMAG/eLMA: its new one told us where it is now (§4.3).
     * \param prefix the node's prefix \param locator its new location (:: at a legacy MAG)
     */
    virtual void HandedOver(const HomeNetworkPrefix& prefix, Ipv6Address locator)
    {
    }

  private:
    /// A packet held while its destination is queried.
    using Held = std::pair<Ptr<const Packet>, Ipv6Header>;

    /// \param dst a destination \return the LMF for it, or :: if it is not a mobile prefix
    Ipv6Address LmfFor(Ipv6Address dst) const;
    /// \brief Send a PBQR for \p dst unless one is outstanding. \param lmf where to
    void Query(Ipv6Address dst, Ipv6Address lmf);
    /// \brief The query for \p dst got no answer.
    void QueryTimedOut(Ipv6Address dst);
    /// \brief A PBQA arrived.
    void HandleAnswer(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    /**
     * \brief Release (or, without a location, send on the PMIP path) what waits for \p dst.
     * \param unrouted why a held packet with neither is dropped (a router's DRF, §7)
     */
    void Flush(Ipv6Address dst, DropReason unrouted);
    /// \brief Send a PBQR for \p dst (again) and start its time-out. \param lmf where to
    void SendQuery(Ipv6Address dst, Ipv6Address lmf);
    /// \param dst an address \return its location-cache entry (prefix, locator), if any
    const std::pair<HomeNetworkPrefix, Ipv6Address>* LocationOf(Ipv6Address dst) const;
    /**
     * \brief Send a PBCI. \param prefix the moving node's prefix \param locator its new
     * eMAG \param to the receiver \return the PBCI's sequence
     */
    uint16_t Inform(const HomeNetworkPrefix& prefix, Ipv6Address locator, Ipv6Address to);
    /// \brief A PBCI arrived: from the node's new eMAG (we are its previous one) or from its
    /// previous eMAG (we hold its location for a correspondent).
    void HandleInform(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    /// \brief As the previous eMAG: list and inform the correspondents of \p prefix.
    void HandOver(const HomeNetworkPrefix& prefix, Ipv6Address locator, EpmipMessage& pbca);
    /// \brief A PBCA arrived: the correspondents' locations, or a correspondent's ack.
    void HandleInformAck(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    /// \brief The PBCI with sequence \p seq got no PBCA after all its retransmissions.
    void InformTimedOut(uint16_t seq);
    /// \brief End the late-downlink forwarding of \p prefix to \p locator.
    void StopForwarding(HomeNetworkPrefix prefix, Ipv6Address locator);
    /// Forget the end events of the forwarding periods that have ended.
    void DropEndedForwarding();
    /// \brief Forget which eMAGs were told about \p prefix's move.
    void ForgetTold(const HomeNetworkPrefix& prefix);
    /// \param address a previous proxy-CoA \return true if it is an eMAG (a tunnel peer)
    bool IsEmag(Ipv6Address address) const;
    /// \param src an uplink source \return true while its node's PBCI awaits the PBCA
    bool Informing(Ipv6Address src) const;
    /// \brief A packet for a node we forward for came from eMAG \p remote: PBCI it.
    void TellSender(Ptr<const Packet> inner, Ipv6Address remote);
    /// \brief Tunnel-decapsulation trace: learn the inner source's location.
    void Decapsulated(Ptr<const Packet> inner, Ipv6Address local, Ipv6Address remote);

    Ptr<MobilityL4Protocol> m_mh;                                  //!< signalling
    Ipv6Address m_local;                                           //!< our proxy-CoA
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> m_lmfs; //!< prefix -> LMF
    std::set<Ipv6Address> m_anchors; //!< the LMFs of m_lmfs (looked up per decapsulation)
    std::map<uint16_t, Ipv6Address> m_outstanding;    //!< sequence -> queried address
    std::map<Ipv6Address, EventId> m_timers;          //!< queried address -> time-out
    std::map<Ipv6Address, std::deque<Held>> m_buffer; //!< held first packets
    std::set<Ipv6Address> m_unlocated;                //!< answered R: PMIP routing
    std::map<Ipv6Address, uint32_t> m_retries;        //!< queried address -> re-sent
    PrefixTable<std::pair<HomeNetworkPrefix, Ipv6Address>> m_locations; //!< location cache
    std::map<Ipv6Address, std::set<Ipv6Address>> m_peers; //!< attached source -> destinations
    std::map<uint16_t, HomeNetworkPrefix> m_informing;    //!< our PBCI as n-eMAG awaiting PBCA
    InformRetransmission m_reliable;                      //!< PBCI retransmission, PBCA repeats
    std::deque<EventId> m_forwarding; //!< ends of late-downlink forwarding, oldest first
    std::map<HomeNetworkPrefix, Ipv6Address> m_forwardingTo;    //!< node -> its new eMAG
    std::set<std::pair<HomeNetworkPrefix, Ipv6Address>> m_told; //!< (node, eMAG) informed
    std::set<HomeNetworkPrefix> m_fresh; //!< re-targeted while our PBCA is awaited
    uint16_t m_sequence{0};              //!< next PBQR sequence
    FirstPackets m_firstPackets;         //!< attribute FirstPackets
    uint32_t m_bufferSize;               //!< attribute BufferSize
    bool m_learn;                        //!< attribute LearnFromOuterHeader
    ElmaDiscovery m_discovery;           //!< attribute ElmaDiscovery
    Ipv6Address m_queryLmf;              //!< the eLMA asked under Relay
    Time m_queryTimeout;                 //!< attribute QueryTimeout
    uint32_t m_queryRetries;             //!< attribute QueryRetries
    bool m_forwardLate;                  //!< attribute ForwardLateDownlink
    Time m_forwardingLifetime;           //!< attribute ForwardingLifetime
    Time m_informTimeout;                //!< attribute InitialInformTimeout
    uint32_t m_informRetries;            //!< attribute InformRetries
    DrfStats m_drfStats;                 //!< counters
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address> m_locatedTrace; //!< locations
    OtherAckCallback m_otherAck; //!< takes the PBCAs of the node's other functions
};

} // namespace ns3

#endif // DMM_DISTRIBUTED_ROUTING_FUNCTION_H
