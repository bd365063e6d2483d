/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_UPDATE_RELAY_H
#define DMM_LOCATION_UPDATE_RELAY_H

#include "ns3/dmm-agent.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/mobility-l4-protocol.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The proxy location update function (pLU) of client-based DMM (000 §5.1.2, Fig 8;
 *        "e.g. as a FA in MIPv4"): an access router that relays a mobile node's Binding
 *        Updates to the node's earlier home agents.
 *
 * A Binding Update addressed to this router with an Anchor option of subtype 3
 * (DmmSessionHeader::RELAY_TARGET) is sent on, unchanged but for that option, from this
 * router to the named home agent, still with the node's Home Address option; its
 * Alternate Care-of Address option keeps the binding on the node's care-of address, so the
 * acknowledgement goes straight back to the node. Other Binding Updates go to the
 * handler registered before this one (the router's own home agent).
 */
class LocationUpdateRelay : public DmmAgent
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t relayed{0};  //!< Binding Updates sent on
        uint64_t passedOn{0}; //!< Binding Updates for this router's own home agent
        uint64_t invalid{0};  //!< drops: not a Binding Update, or no handler for it
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LocationUpdateRelay();
    ~LocationUpdateRelay() override;

    /// \param address this router's address (the source of relayed updates)
    void SetAddress(Ipv6Address address);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

  private:
    void Register();
    void Handle(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Relay(Ptr<Packet> p, Ipv6Address home);

    MobilityL4Protocol::Handler m_next; //!< the home agent's handler
    Ipv6Address m_address;              //!< own address
    Stats m_stats;                      //!< counters
};

} // namespace ns3

#endif // DMM_LOCATION_UPDATE_RELAY_H
