/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_MANAGEMENT_FUNCTION_H
#define DMM_LOCATION_MANAGEMENT_FUNCTION_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <utility>
#include <vector>

namespace ns3
{

class BindingQueryRequest;
class Ipv6Header;
class Ipv6Interface;
class LegacyInterworking;
class LocationManagement;
class MobilityL4Protocol;
class Packet;

/**
 * \ingroup dmm
 * \brief The Location Management Function (LMF) of ePMIP (seed 001 §3.3): what turns an
 *        LMA into an eLMA. It answers a DRF's PBQR from the LMA's binding cache.
 *
 * The location of a node is the proxy-CoA of its binding cache entry (§3.3: "can be based
 * on Binding Cache Entry"). A PBQR names addresses; the PBQA (same sequence) gives, for
 * each, the entry's home network prefix that contains it and the proxy-CoA, or the address
 * with locator :: and the R flag when this LMF holds no active binding for it.
 *
 * Several eLMAs (§4.4.3, Fig 6): an LMF that knows its peers' prefixes (AddPeer) relays a
 * query for an address it holds no binding for, in a peer's prefix, to that peer under its
 * own sequence, and returns the peer's answer to the asker. A query from a peer is
 * answered, never relayed again (no loop).
 */
class LocationManagementFunction : public Object
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t queries{0};  //!< PBQRs received
        uint64_t answered{0}; //!< addresses answered with a location
        uint64_t unknown{0};  //!< addresses without an active binding here (R)
        uint64_t relayed{0};  //!< PBQRs relayed to the owning eLMA (§4.4.3)
    };

    /**
     * \brief Signature of the Query trace.
     * \param address the queried address \param locator the answer (:: if none)
     */
    typedef void (*QueryTracedCallback)(Ipv6Address address, Ipv6Address locator);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LocationManagementFunction();
    ~LocationManagementFunction() override;

    /**
     * \brief Start answering.
     * \param mh the node's Mobility Header protocol
     * \param lm the LMA's location management (binding cache)
     * \param address the address answers are sent from
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ptr<LocationManagement> lm, Ipv6Address address);

    /**
     * \brief Another eLMA manages \p prefix (§4.4.3's interface between eLMAs).
     * \param prefix the prefix \param lmf that eLMA's address
     */
    void AddPeer(const HomeNetworkPrefix& prefix, Ipv6Address lmf);
    /// \return the counters
    const Stats& GetStats() const;
    /**
     * \brief Answer R for a node bound at a legacy MAG (seed 001 §6: PMIP routing where
     *        either side is legacy) and let \p interworking re-inform the asker later.
     * \param interworking the eLMA's interworking with legacy MAGs
     */
    void SetInterworking(Ptr<LegacyInterworking> interworking);

  protected:
    void DoDispose() override;

  private:
    /// \brief A PBQR arrived. \param p the message \param header its IPv6 header
    /// \param iface the receiving interface
    void HandleQuery(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);

    /// \return the peer to relay \p pbqr from \p asker to, or :: to answer it here
    Ipv6Address RelayTarget(const BindingQueryRequest& pbqr, Ipv6Address asker) const;
    /// \brief Ask \p owner on behalf of \p asker (§4.4.3).
    void Relay(const BindingQueryRequest& pbqr, Ipv6Address asker, Ipv6Address owner);
    /// \brief A peer's PBQA to a relayed query: return it to the asker.
    void HandleAnswer(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);

    Ptr<MobilityL4Protocol> m_mh;                                   //!< signalling
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> m_peers; //!< prefix -> eLMA
    std::map<uint16_t, std::pair<Ipv6Address, uint16_t>> m_relayed; //!< ours -> asker's
    uint16_t m_sequence{0};                                         //!< next relayed sequence
    Ptr<LocationManagement> m_lm;                                   //!< the bindings
    Ptr<LegacyInterworking> m_interworking;                         //!< legacy MAGs, if any
    Ipv6Address m_address;                                          //!< our address
    Stats m_stats;                                                  //!< counters
    TracedCallback<Ipv6Address, Ipv6Address> m_queryTrace;          //!< every answered address
};

} // namespace ns3

#endif // DMM_LOCATION_MANAGEMENT_FUNCTION_H
