/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ANCHOR_DMF_H
#define DMM_ANCHOR_DMF_H

#include "ns3/home-address-allocation.h"
#include "ns3/inform-retransmission.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <vector>

namespace ns3
{

class BindingChangeAck;
class DistributedRoutingFunction;
class MobilityL4Protocol;

/**
 * \ingroup dmm
 * \brief The DMF in the LMA of ePMIP's alternative implementation (seed 001 §7.2): the
 *        eLMA a new MAG picked for a moving node takes over its HNP from the eLMA that
 *        served it.
 *
 * Aggregated to an eLMA. The LMA accepts a PBU naming an HNP of another eLMA's pool (the
 * ePMIP prefix set, AddDomainPool) for a node it does not know (Admits; a plain LMA
 * refuses it with NOT_AUTHORIZED_FOR_HNP). The eLMA's DRF registers the HNP with the LMF
 * as for any new binding; the LMF's PBCA names the eLMA that held it before, and this DMF
 * sends that previous eLMA a PBCI with the new location ("eLMA2 (DMF) should also inform
 * eLMA1 with the new location", as in §4.3): the previous eLMA's DRF forwards late
 * downlink here, re-targets the node's correspondents and answers with their locations,
 * which the DRF here then tunnels the node's uplink to. The PBCI is retransmitted until
 * its PBCA (InformRetransmission).
 */
class AnchorDmf : public Object
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t admitted{0};              //!< PBUs accepted for another eLMA's HNP
        uint64_t informs{0};               //!< PBCIs sent to a node's previous eLMA
        uint64_t informAcks{0};            //!< their PBCAs
        uint64_t informTimeouts{0};        //!< PBCIs given up without a PBCA
        uint64_t informRetransmissions{0}; //!< PBCIs sent again
    };

    /**
     * \brief Signature of the Handoff trace.
     * \param prefix the node's HNP \param previous the eLMA it was registered with
     */
    typedef void (*HandoffTracedCallback)(const HomeNetworkPrefix& prefix, Ipv6Address previous);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AnchorDmf();

    /**
     * \brief Start.
     * \param mh the eLMA's Mobility Header protocol \param local its address
     * \param drf its DRF (the §7.2 AnchorDrf)
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local, Ptr<DistributedRoutingFunction> drf);
    /// \brief Another eLMA's pool, part of the ePMIP prefix set (§7.1). \param pool the pool
    void AddDomainPool(const HomeNetworkPrefix& pool);
    /**
     * \brief A PBU names \p hnp, which this LMA neither allocated nor binds.
     * \param hnp the named prefix \return true to bind it: it is of another eLMA's pool
     */
    bool Admits(const HomeNetworkPrefix& hnp);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    /// \brief A PBCA the DRF passed on (none of its own): the LMF's answer to a
    /// registration, or a previous eLMA's to this DMF's PBCI. \param pbca it \param src
    /// its sender
    void Received(const BindingChangeAck& pbca, Ipv6Address src);
    /// \brief The LMF's PBCA names the previous eLMA of \p prefix: PBCI it.
    void InformPrevious(const HomeNetworkPrefix& prefix, Ipv6Address previous);
    /// \brief The PBCI with sequence \p seq got no PBCA.
    void InformTimedOut(uint16_t seq);

    Ptr<MobilityL4Protocol> m_mh;                      //!< signalling
    Ptr<DistributedRoutingFunction> m_drf;             //!< this eLMA's DRF
    Ipv6Address m_local;                               //!< this eLMA
    std::vector<HomeNetworkPrefix> m_pools;            //!< the other eLMAs' pools
    InformRetransmission m_reliable;                   //!< PBCI retransmission
    std::map<uint16_t, HomeNetworkPrefix> m_informing; //!< PBCIs awaiting their PBCA
    uint16_t m_next{0};                                //!< next PBCI number (own range)
    Time m_informTimeout;                              //!< attribute InitialInformTimeout
    uint32_t m_informRetries;                          //!< attribute InformRetries
    Stats m_stats;                                     //!< counters
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address> m_handoffTrace; //!< Handoff
};

} // namespace ns3

#endif // DMM_ANCHOR_DMF_H
