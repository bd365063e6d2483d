/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ANCHOR_DRF_H
#define DMM_ANCHOR_DRF_H

#include "ns3/distributed-routing-function.h"
#include "ns3/inform-retransmission.h"

#include <map>
#include <set>

namespace ns3
{

struct BindingCacheEntry;
class LocationManagement;

/**
 * \ingroup dmm
 * \brief The DAF in the LMA (seed 001 §7.1-§7.2, Fig 10): the LMA's mobility routing is a
 *        DRF that optimizes the uplink of the nodes bound here.
 *
 * The alternative implementation keeps the MAGs legacy: a node's uplink reaches its LMA
 * through the PMIP tunnel, and there the DRF looks up the correspondent's location (the
 * eLMA holding its binding) in its cache or by a PBQR to its preferred LMF, then tunnels
 * eLMA to eLMA. Every binding made active here is registered with the preferred LMF by a
 * PBCI (HNP, this eLMA) (§7.2: "eLMA1 (DRF) has to inform a corresponding LMF"),
 * retransmitted until the LMF's PBCA as the other PBCIs (InitialInformTimeout,
 * InformRetries). It also remembers which of its nodes another eLMA took over, so that
 * the LMA keeps their prefixes out of its pool (AnchoredElsewhere).
 */
class AnchorDrf : public DistributedRoutingFunction
{
  public:
    /// \brief Named counters of the registrations with the LMF.
    struct Stats
    {
        uint64_t registrations{0};               //!< PBCIs sent to the preferred LMF
        uint64_t registrationAcks{0};            //!< their first PBCA
        uint64_t registrationRetransmissions{0}; //!< PBCIs sent again for want of a PBCA
        uint64_t registrationTimeouts{0};        //!< PBCIs given up without a PBCA
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AnchorDrf();

    /**
     * \brief Register the LMA's bindings with the preferred LMF (§7.2, §7.4).
     * \param lm the LMA's binding cache \param lmf the preferred LMF's address
     * \param local this eLMA's address (the location registered)
     */
    void SetPreferredLmf(Ptr<LocationManagement> lm, Ipv6Address lmf, Ipv6Address local);
    /**
     * \brief Whether a binding that ended here is of a node another eLMA anchors now.
     * \param entry the binding \return true if one of its prefixes was handed over
     */
    bool AnchoredElsewhere(const BindingCacheEntry& entry) const;
    /// \return the counters
    const Stats& GetAnchorStats() const;

  protected:
    void DoDispose() override;
    bool Serves(Ipv6Address src) const override;
    void OtherInformAck(const BindingChangeAck& pbca, Ipv6Address src) override;
    void HandedOver(const HomeNetworkPrefix& prefix, Ipv6Address locator) override;

  private:
    /// \brief The LMA's binding changed: register a newly active HNP.
    void BindingUpdated(const BindingCacheEntry& entry, Ipv6Address previousCareOf);
    /// \brief The registration with sequence \p seq got no PBCA.
    void RegistrationTimedOut(uint16_t seq);

    Ptr<LocationManagement> m_lm;                        //!< the LMA's bindings
    Ipv6Address m_preferred;                             //!< the preferred LMF
    Ipv6Address m_address;                               //!< this eLMA
    std::set<HomeNetworkPrefix> m_registered;            //!< HNPs registered with it
    std::set<HomeNetworkPrefix> m_elsewhere;             //!< HNPs another eLMA took over
    std::map<uint16_t, HomeNetworkPrefix> m_registering; //!< PBCIs awaiting their PBCA
    InformRetransmission m_reliable;                     //!< registration retransmission
    uint16_t m_registrations{0};                         //!< PBCI sequence (own range)
    Stats m_stats;                                       //!< counters
};

} // namespace ns3

#endif // DMM_ANCHOR_DRF_H
