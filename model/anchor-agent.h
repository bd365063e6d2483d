/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ANCHOR_AGENT_H
#define DMM_ANCHOR_AGENT_H

#include "ns3/dmm-agent.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/location-management.h"
#include "ns3/nstime.h"

namespace ns3
{

class HomeAddressAllocation;
class MobilityL4Protocol;
class MobilityRouting;
class RoutingControl;
class Ipv6Interface;
class Packet;

/**
 * \ingroup dmm
 * \brief What every anchor role (LMA, home agent, MAP) is made of: home-address
 *        allocation + location management + mobility routing + routing control, driven by
 *        Binding Updates received on the Mobility Header protocol.
 *
 * The agent owns no state of its own beyond configuration: the addresses live in the
 * HomeAddressAllocation, the bindings in the LocationManagement, and the forwarding state
 * in MobilityRouting, which RoutingControl keeps in step with the bindings. Subclasses
 * decide which Binding Updates are theirs and how they are answered.
 */
class AnchorAgent : public DmmAgent
{
  public:
    /// \brief Named counters of Binding Update processing.
    struct Stats
    {
        uint64_t updatesReceived{0}; //!< (P)BUs received while running
        uint64_t acksSent{0};        //!< (P)BAs sent
        uint64_t rejected{0};        //!< (P)BAs with a rejection status
        uint64_t ignored{0};         //!< BUs meant for another kind of anchor
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AnchorAgent();
    ~AnchorAgent() override;

    /**
     * \brief Assemble the anchor from its logical functions.
     * \param haa anchoring (home address or prefix allocation)
     * \param lm location management
     * \param mr mobility routing
     * \param rc routing control (follows \p lm and programs \p mr)
     * \param address the anchor's address (LMAA, home agent or MAP address)
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
    /// \return the anchoring function
    Ptr<HomeAddressAllocation> GetAllocation() const;
    /// \return the anchor's address
    Ipv6Address GetAddress() const;
    /// \return the mobility routing function
    Ptr<MobilityRouting> GetMobilityRouting() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief Process a Binding Update after the processing delay.
     * \param p the packet, starting with the Mobility Header
     * \param header its IPv6 header (source already replaced by a Home Address option)
     */
    virtual void ProcessUpdate(Ptr<Packet> p, Ipv6Header header) = 0;

    /**
     * \brief An entry left the location management; default: nothing.
     * \param entry the entry \param cause why
     */
    virtual void BindingRemoved(const BindingCacheEntry& entry,
                                LocationManagement::RemovalCause cause);

    /// \brief Count a sent acknowledgement. \param status its status
    void CountAck(uint8_t status);
    /// \brief Count a Binding Update that another kind of anchor should process.
    void CountIgnored();
    /// \return the Mobility Header protocol (after start)
    Ptr<MobilityL4Protocol> GetMobilityProtocol() const;

  private:
    void HandleUpdate(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void NotifyRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause);

    Ptr<HomeAddressAllocation> m_haa; //!< anchoring
    Ptr<LocationManagement> m_lm;     //!< location management
    Ptr<MobilityRouting> m_mr;        //!< mobility routing
    Ptr<RoutingControl> m_rc;         //!< routing control
    Ipv6Address m_address;            //!< anchor address
    Stats m_stats;                    //!< counters
};

} // namespace ns3

#endif // DMM_ANCHOR_AGENT_H
