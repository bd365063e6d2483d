/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PROXY_LOCATION_UPDATE_H
#define DMM_PROXY_LOCATION_UPDATE_H

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/location-update.h"
#include "ns3/nstime.h"
#include "ns3/sequence-number-store.h"
#include "ns3/traced-callback.h"

#include <map>
#include <tuple>

namespace ns3
{

class MobilityL4Protocol;
class Ipv6Header;
class Ipv6Interface;
class Packet;
class ProxyBindingUpdate;
class MobilityOptions;

/**
 * \ingroup dmm
 * \brief Network-based location update: Proxy Binding Updates from a MAG to its LMA
 * (RFC 5213 §6.9).
 *
 * Keeps one binding update list entry per mobile node: sequence number, timestamp,
 * retransmission with exponential back-off (RFC 6275 §11.8 timers, RFC 5213 §6.9.4),
 * and refresh before the granted lifetime runs out. Without timestamps (RFC 5213 §5.5,
 * sequence-number mode) a MAG does not know the number the previous MAG used: the LMA
 * refuses with status 135 and its last accepted number, which the MAG adopts and sends
 * again with that number + 1 (RFC 6275 §11.7.3), at most MaxSequenceResyncs times.
 */
class ProxyLocationUpdate : public LocationUpdate
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t timedOut{0};         //!< updates abandoned without any answer
        uint64_t sequenceResyncs{0};  //!< status-135 PBAs whose number was adopted
        uint64_t resyncsExhausted{0}; //!< updates abandoned: still 135 after MaxSequenceResyncs
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    ProxyLocationUpdate();
    ~ProxyLocationUpdate() override;

    /**
     * \brief Bind to the node's Mobility Header protocol and addresses.
     * \param mh the node's Mobility Header protocol
     * \param local the proxy care-of address (the MAG's egress address)
     * \param anchor the LMA address
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local, Ipv6Address anchor);

    void Register(const std::string& mnId,
                  const std::vector<HomeNetworkPrefix>& prefixes,
                  const std::vector<uint8_t>& linkLayerId) override;
    void Deregister(const std::string& mnId) override;

    /**
     * \brief Register prefixes of a node with a given anchor (DMA: one V-MAR registers
     *        a node with every H-MAR that anchors one of its prefixes, seed 003 §4.2).
     * \param anchor the LMA / H-MAR \param mnId the node
     * \param prefixes the prefixes anchored there (empty: ask for one)
     * \param linkLayerId the node's link-layer identifier
     */
    void RegisterWith(Ipv6Address anchor,
                      const std::string& mnId,
                      const std::vector<HomeNetworkPrefix>& prefixes,
                      const std::vector<uint8_t>& linkLayerId);
    /**
     * \brief De-register a node's session at one anchor.
     * \param anchor the anchor \param mnId the node
     * \param linkLayerId the interface whose session ends (as registered; empty: none named)
     */
    void DeregisterWith(Ipv6Address anchor,
                        const std::string& mnId,
                        const std::vector<uint8_t>& linkLayerId = {});
    void Halt() override;

    /// \return the default LMA address
    Ipv6Address GetAnchor() const;
    /**
     * \brief Serve a mobile node through another LMA than the default (its policy
     *        profile names it, RFC 5213 §6.2; distributed anchors keep each node on the
     *        anchor of the network where it first registered).
     * \param mnId the mobile node \param anchor its LMA address
     */
    void SetAnchorFor(const std::string& mnId, Ipv6Address anchor);
    /// \param mnId a mobile node \return the LMA address serving it
    Ipv6Address GetAnchor(const std::string& mnId) const;
    /// \return the proxy care-of address
    Ipv6Address GetLocal() const;
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    /// Binding update list entry (RFC 6275 §11.1, as used by a MAG).
    struct Entry
    {
        std::vector<HomeNetworkPrefix> prefixes; //!< HNPs held
        std::vector<uint8_t> linkLayerId;        //!< MN link-layer identifier
        uint16_t sequence{0};                    //!< last sequence number sent
        uint32_t resyncs{0};                     //!< 135 answers adopted for this update
        Time lifetime;                           //!< lifetime requested in the pending PBU
        Retransmission rtx;                      //!< PBU (re)transmissions
        EventId refresh;                         //!< refresh timer
    };

    /// A binding: the node, the anchor it is registered with, and the interface (MN-LL-ID):
    /// each interface of a node is its own mobility session (RFC 5213 §5.4).
    typedef std::tuple<std::string, Ipv6Address, std::vector<uint8_t>> Key;

    void StartUpdate(Key key);
    void SendPbu(Key key);
    void Resync(Key key, uint16_t lastAccepted);
    void Retransmit(Key key);
    void HandlePba(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    /**
     * \param mnId the PBA's MN-ID \param anchor its sender \param options its options
     * \return the binding update list entry it answers, or end
     */
    std::map<Key, Entry>::iterator FindEntry(const std::string& mnId,
                                             Ipv6Address anchor,
                                             const MobilityOptions& options);
    uint64_t Timestamp() const;

    Ptr<MobilityL4Protocol> m_mh;                  //!< Mobility Header protocol
    Ipv6Address m_local;                           //!< proxy-CoA
    Ipv6Address m_anchor;                          //!< default LMA address
    std::map<std::string, Ipv6Address> m_anchorOf; //!< per-node LMA (SetAnchorFor)
    std::map<Key, Entry> m_list;                   //!< binding update list
    Time m_lifetime;                               //!< attribute Lifetime
    double m_refreshRatio;                         //!< attribute RefreshRatio
    Time m_initialTimeout;                         //!< attribute InitialBindackTimeout
    Time m_maxTimeout;                             //!< attribute MaxBindackTimeout
    bool m_useTimestamps;                          //!< attribute UseTimestamps
    uint8_t m_handoffIndicator;                    //!< attribute HandoffIndicator
    uint8_t m_accessTechnology;                    //!< attribute AccessTechnologyType
    uint32_t m_maxResyncs;                         //!< attribute MaxSequenceResyncs
    Ptr<SequenceNumberStore> m_store;              //!< attribute SequenceStore
    Stats m_stats;                                 //!< counters
};

} // namespace ns3

#endif // DMM_PROXY_LOCATION_UPDATE_H
