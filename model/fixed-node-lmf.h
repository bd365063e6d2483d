/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_FIXED_NODE_LMF_H
#define DMM_FIXED_NODE_LMF_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <utility>
#include <vector>

namespace ns3
{

class Ipv6Header;
class Ipv6Interface;
class MobilityL4Protocol;
class Packet;

/**
 * \ingroup dmm
 * \brief The LMF for fixed nodes (seed 001 §5.2, Fig 8): it answers a PBQR for a fixed
 *        node with the address of the AR+DRF the node sits behind.
 *
 * The draft leaves open how this LMF learns the fixed nodes; here they are configured
 * (AddFixed), as the fixed nodes and their access routers do not move. An address it does
 * not know is answered with R and locator ::, so that the asker routes by PMIP (§5.1).
 */
class FixedNodeLmf : public Object
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t queries{0};  //!< PBQRs received
        uint64_t answered{0}; //!< addresses answered with an access router
        uint64_t unknown{0};  //!< addresses of no configured fixed node (R)
    };

    /**
     * \brief Signature of the Query trace.
     * \param address the queried address \param locator the answer (:: if none)
     */
    typedef void (*QueryTracedCallback)(Ipv6Address address, Ipv6Address locator);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    FixedNodeLmf();

    /**
     * \brief Start answering.
     * \param mh the node's Mobility Header protocol \param address answers' source
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address address);
    /**
     * \brief A fixed node's location.
     * \param prefix its address (or prefix) \param router its AR+DRF's address
     */
    void AddFixed(const HomeNetworkPrefix& prefix, Ipv6Address router);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    /// \brief A PBQR arrived. \param p the message \param header its IPv6 header
    void HandleQuery(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>);
    /// \param address a queried address \return its entry, or nullptr
    const std::pair<HomeNetworkPrefix, Ipv6Address>* Find(Ipv6Address address) const;

    Ptr<MobilityL4Protocol> m_mh;                                   //!< signalling
    Ipv6Address m_address;                                          //!< our address
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> m_fixed; //!< node -> AR
    Stats m_stats;                                                  //!< counters
    TracedCallback<Ipv6Address, Ipv6Address> m_queryTrace;          //!< every answer
};

} // namespace ns3

#endif // DMM_FIXED_NODE_LMF_H
