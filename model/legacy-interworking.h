/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LEGACY_INTERWORKING_H
#define DMM_LEGACY_INTERWORKING_H

#include "ns3/home-address-allocation.h"
#include "ns3/inform-retransmission.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>

namespace ns3
{

struct BindingCacheEntry;
class Ipv6Header;
class Ipv6Interface;
class LocationManagement;
class MobilityL4Protocol;
class Packet;

/**
 * \ingroup dmm
 * \brief The eLMA's side of ePMIP's handoff between an eMAG and a legacy MAG (seed 001 §6).
 *
 * §6 asks for PMIP routing wherever one side is at a legacy MAG and is silent on how the
 * eMAGs that tunnel to a node learn that it left for a legacy MAG, or that it came back.
 * The eLMA is the one function that sees both moves (the PBU), so it tells them:
 *
 * - a node's binding moves from an eMAG to a legacy MAG: a PBCI with locator :: to the
 *   previous eMAG, which passes it on to the node's correspondents (their direct tunnel is
 *   withdrawn; their next packet queries and gets R, i.e. PMIP routing);
 * - the LMF answers R for a node bound at a legacy MAG and remembers who asked; when the
 *   node's binding moves to an eMAG again, each of those DRFs gets a PBCI with the new
 *   location, so optimized routing resumes in both directions.
 *
 * The eMAGs of the domain are configured (AddEmag); with none configured every proxy-CoA
 * counts as an eMAG (an ePMIP-only domain, the behaviour without this object).
 *
 * These PBCIs are retransmitted until their PBCA arrives, with the eMAGs' back-off
 * (InformRetransmission; attributes InitialInformTimeout and InformRetries): a lost one
 * would leave a correspondent tunnelling to a node's previous eMAG, or on the PMIP path.
 */
class LegacyInterworking : public Object
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t toLegacy{0};        //!< moves eMAG -> legacy MAG: PBCI (::) to the previous eMAG
        uint64_t fromLegacy{0};      //!< PBCIs with a location to DRFs waiting since an R answer
        uint64_t waiting{0};         //!< R answers for a node bound at a legacy MAG
        uint64_t acks{0};            //!< PBCAs received
        uint64_t retransmissions{0}; //!< PBCIs sent again for want of a PBCA
        uint64_t givenUp{0};         //!< PBCIs left without a PBCA after the retries
    };

    /**
     * \brief Signature of the Inform trace.
     * \param prefix the node's prefix \param locator its eMAG (:: if at a legacy MAG)
     * \param to the receiver of the PBCI
     */
    typedef void (*InformTracedCallback)(const HomeNetworkPrefix& prefix,
                                         Ipv6Address locator,
                                         Ipv6Address to);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LegacyInterworking();
    ~LegacyInterworking() override;

    /**
     * \brief Start watching the LMA's bindings.
     * \param mh the eLMA's Mobility Header protocol \param lm its binding cache
     * \param address the address PBCIs are sent from
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ptr<LocationManagement> lm, Ipv6Address address);
    /// \brief An eMAG of the domain. \param proxyCoa its proxy-CoA
    void AddEmag(Ipv6Address proxyCoa);
    /// \param proxyCoa a binding's proxy-CoA \return true if it is an eMAG's
    bool IsEmag(Ipv6Address proxyCoa) const;
    /**
     * \brief The LMF answered R because \p prefix is bound at a legacy MAG: tell \p drf
     *        when it is at an eMAG again.
     * \param prefix the node's prefix \param drf the asking eMAG
     */
    void Waiting(const HomeNetworkPrefix& prefix, Ipv6Address drf);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    /// \brief BindingUpdated trace of the LMA's binding cache.
    void BindingUpdated(const BindingCacheEntry& e, Ipv6Address previousCareOf);
    /// \brief Send a PBCI. \param prefix node \param locator location \param to receiver
    void Inform(const HomeNetworkPrefix& prefix, Ipv6Address locator, Ipv6Address to);
    /// \brief A PBCA arrived: its PBCI is no longer retransmitted.
    void HandleAck(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    /// \brief A PBCI was given up. \param sequence its sequence
    void GivenUp(uint16_t sequence);

    Ptr<MobilityL4Protocol> m_mh;                              //!< signalling
    InformRetransmission m_reliable;                           //!< PBCI retransmission
    Time m_informTimeout;                                      //!< attribute InitialInformTimeout
    uint32_t m_informRetries{5};                               //!< attribute InformRetries
    Ipv6Address m_address;                                     //!< our address
    std::set<Ipv6Address> m_emags;                             //!< the domain's eMAGs
    std::map<HomeNetworkPrefix, std::set<Ipv6Address>> m_wait; //!< node -> DRFs answered R
    uint16_t m_sequence{0};                                    //!< next PBCI sequence
    Stats m_stats;                                             //!< counters
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address, Ipv6Address> m_informTrace; //!< PBCIs
};

} // namespace ns3

#endif // DMM_LEGACY_INTERWORKING_H
