/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_MAG_FORWARDING_H
#define DMM_DLMA_MAG_FORWARDING_H

#include "ns3/event-id.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace ns3
{

class Ipv6Header;
class Ipv6Interface;
class MobilityL4Protocol;
class MobilityRouting;
class Node;
class Packet;

/**
 * \ingroup dmm
 * \brief The previous MAG's part of the D-LMA bypass (seed 004 §5.1.1-§5.1.2): O-LMAs
 *        tunnel straight to a node's MAG; after a MAG change the D-LMA sends the previous
 *        MAG a Location Inform naming the new proxy CoA, and the previous MAG tunnels what
 *        still reaches it to the new MAG for ForwardingLifetime and sends each O-LMA that
 *        tunnelled such a packet a Cache Update naming the new MAG.
 *
 * With ns3::DlmaAgent::BypassOlma (§5.4, Fig 11) it is also the sending MAG's part: an
 * O-LMA's Cache Update naming a peer MAG makes this MAG tunnel its attached nodes'
 * packets for that prefix straight to that MAG (one tunnel per MAG pair carries them all)
 * until CacheTimeout without a packet; one naming an LMA ends it. A previous MAG then
 * re-targets the sending MAGs too (RetargetMags).
 *
 * Installed on the MAGs of a distributed-LMA domain when ns3::DlmaAgent::BypassDlma or
 * BypassOlma is set.
 */
class DlmaMagForwarding : public Object
{
  public:
    /// \brief Named counters of the previous MAG's forwarding.
    struct Stats
    {
        uint64_t informs{0};     //!< Location Informs applied (a node left for another MAG)
        uint64_t forwarded{0};   //!< packets from an O-LMA tunnelled on to the new MAG
        uint64_t updatesSent{0}; //!< Cache Updates sent to O-LMAs
        uint64_t expired{0};     //!< forwarding entries ended by ForwardingLifetime
        uint64_t invalid{0};     //!< drops: Location Informs without prefix or new MAG
        uint64_t peerTunnels{0}; //!< Cache Updates naming a peer MAG applied (§5.4)
        uint64_t peerExpired{0}; //!< MAG-to-MAG entries ended by CacheTimeout
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DlmaMagForwarding();
    ~DlmaMagForwarding() override;

    /**
     * \brief Start on a MAG.
     * \param node the MAG's node (its Mobility Header protocol and tunnel)
     * \param mr the MAG's mobility routing \param local the MAG's proxy CoA
     */
    void Install(Ptr<Node> node, Ptr<MobilityRouting> mr, Ipv6Address local);
    /**
     * \brief A router that may tunnel to this MAG: an O-LMA (it gets Cache Updates) or
     *        another MAG (forwarding after a MAG change).
     * \param address its address \param olma true for an LMA
     */
    void AddPeer(Ipv6Address address, bool olma);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    void HandleInform(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Decapsulated(Ptr<const Packet> inner, Ipv6Address local, Ipv6Address remote);
    void Expire(HomeNetworkPrefix prefix);
    void HandleCacheUpdate(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Encapsulated(Ptr<const Packet> inner, Ipv6Address local, Ipv6Address remote);
    void ExpirePeer(HomeNetworkPrefix prefix);
    /// \param to an O-LMA or MAG that tunnelled here \param prefix \param location the new one
    void Retarget(Ipv6Address to, const HomeNetworkPrefix& prefix, Ipv6Address location);

    Time m_lifetime;              //!< attribute ForwardingLifetime
    Time m_holdDown;              //!< attribute CacheUpdateHoldDown
    Time m_cacheTimeout;          //!< attribute CacheTimeout
    bool m_retargetMags{false};   //!< attribute RetargetMags
    std::set<Ipv6Address> m_mags; //!< the other MAGs of the domain
    /// §5.4: prefix -> (peer MAG, last packet tunnelled to it, idle time-out)
    std::map<HomeNetworkPrefix, std::tuple<Ipv6Address, Time, EventId>> m_peerTunnels;
    uint8_t m_hnpLength{64};      //!< attribute HnpLength
    Ptr<MobilityL4Protocol> m_mh; //!< signalling
    Ptr<MobilityRouting> m_mr;    //!< the MAG's mobility routing
    Ipv6Address m_local;          //!< the MAG's proxy CoA
    std::set<Ipv6Address> m_lmas; //!< O-LMAs of the domain
    std::map<HomeNetworkPrefix, std::pair<Ipv6Address, EventId>> m_forward; //!< -> new MAG
    std::map<std::pair<Ipv6Address, HomeNetworkPrefix>, Time> m_told;       //!< Cache Updates sent
    uint16_t m_sequence{0}; //!< next message sequence
    Stats m_stats;          //!< counters
};

} // namespace ns3

#endif // DMM_DLMA_MAG_FORWARDING_H
