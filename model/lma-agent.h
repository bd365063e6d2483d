/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LMA_AGENT_H
#define DMM_LMA_AGENT_H

#include "ns3/application.h"
#include "ns3/ipv6-address.h"
#include "ns3/location-management.h"
#include "ns3/nstime.h"

namespace ns3
{

class HomeAddressAllocation;
class MobilityL4Protocol;
class MobilityRouting;
class RoutingControl;
class Ipv6Header;
class Ipv6Interface;
class Packet;

/**
 * \ingroup dmm
 * \brief Local mobility anchor (RFC 5213 §5): home-address allocation + location
 * management + mobility routing, driven by Proxy Binding Updates.
 *
 * The agent owns no state of its own beyond configuration: the prefixes live in the
 * HomeAddressAllocation, the bindings in the LocationManagement, and the forwarding
 * state in MobilityRouting, which RoutingControl keeps in step with the bindings.
 */
class LmaAgent : public Application
{
  public:
    /// \brief Named counters of PBU processing.
    struct Stats
    {
        uint64_t pbuReceived{0}; //!< PBUs received
        uint64_t pbaSent{0};     //!< PBAs sent
        uint64_t rejected{0};    //!< PBAs with a rejection status
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LmaAgent();
    ~LmaAgent() override;

    /**
     * \brief Compose the anchor from its logical functions.
     * \param haa home network prefix allocation
     * \param lm location management (binding cache)
     * \param mr mobility routing installed on this node
     * \param rc routing control (set up by the caller on mr)
     * \param address the LMA address (LMAA) that MAGs send PBUs to
     */
    void Setup(Ptr<HomeAddressAllocation> haa,
               Ptr<LocationManagement> lm,
               Ptr<MobilityRouting> mr,
               Ptr<RoutingControl> rc,
               Ipv6Address address);

    /// \return the counters
    const Stats& GetStats() const;
    /// \return the location management function
    Ptr<LocationManagement> GetLocationManagement() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

  private:
    void HandlePbu(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void ProcessPbu(Ptr<Packet> p, Ipv6Header header);
    void BindingRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause);

    Ptr<HomeAddressAllocation> m_haa; //!< anchoring
    Ptr<LocationManagement> m_lm;     //!< location management
    Ptr<MobilityRouting> m_mr;        //!< mobility routing
    Ptr<RoutingControl> m_rc;         //!< routing control
    Ptr<MobilityL4Protocol> m_mh;     //!< signalling
    Ipv6Address m_address;            //!< LMAA
    Time m_processingDelay;           //!< attribute ProcessingDelay
    bool m_running;                   //!< started and not stopped (a stopped LMA is failed)
    Stats m_stats;                    //!< counters
};

} // namespace ns3

#endif // DMM_LMA_AGENT_H
