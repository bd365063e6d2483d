/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HOST_MOBILITY_ROUTING_H
#define DMM_HOST_MOBILITY_ROUTING_H

#include "ns3/mobility-routing.h"

#include <map>

namespace ns3
{

class VirtualNetDevice;

/**
 * \ingroup dmm
 * \brief The mobility routing function of an end host: a client-based mobile node's
 *        tunnel end and source selection, and a correspondent's route optimisation.
 *
 * Locally originated packets cannot be consumed by RouteOutput(); they are routed to a
 * tunnel interface (a VirtualNetDevice, as ip6tnl in Linux MIPv6 implementations) whose
 * send callback applies the mobility treatment:
 * - a source tunnel (RFC 6275 §11.3.1 reverse tunnelling; nested for HMIPv6's RCoA);
 * - a mobile node's route-optimised destination: the packet leaves from the care-of
 *   address with a Home Address destination option (§11.3.1);
 * - a correspondent's binding: the packet goes to the care-of address with a type 2
 *   routing header (§9.3.2).
 * On input, a Home Address option or a type 2 routing header addressed to this node is
 * processed here (RFC 6275 §9.3.1, §11.3.3) before static routing delivers the packet.
 */
class HostMobilityRouting : public MobilityRouting
{
  public:
    /// \brief Counters of the host side (receive-side counters are MobilityRouting's).
    struct HostStats
    {
        uint64_t reverseTunnelled{0}; //!< packets sent into a source tunnel
        uint64_t routeOptimised{0};   //!< packets sent directly with HAO or RH2
        uint64_t noTreatment{0};      //!< packets on the tunnel interface with no treatment
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    HostMobilityRouting();
    ~HostMobilityRouting() override;

    /**
     * \brief Create the tunnel interface (call once, after the IPv6 stack is installed).
     * \return the interface index of the tunnel interface
     */
    uint32_t CreateTunnelInterface();

    /// \return the tunnel interface index (CreateTunnelInterface() must have been called)
    uint32_t GetTunnelInterface() const;

    /**
     * \brief Configure an address that lives on the tunnel interface (home address, RCoA).
     * \param address the address (a /128)
     */
    void AddTunnelAddress(Ipv6Address address);

    /**
     * \brief Set the address sessions use when the application does not choose one.
     * \param address the home address; :: to let static routing choose
     */
    void SetPreferredSource(Ipv6Address address);

    /**
     * \brief Mobile node side: packets from \p home to \p correspondent leave directly
     *        from \p careOf with a Home Address option (RFC 6275 §11.3.1).
     * \param correspondent the correspondent node
     * \param home the home address
     * \param careOf the care-of address registered with the correspondent
     */
    void SetDirectRoute(Ipv6Address correspondent, Ipv6Address home, Ipv6Address careOf);
    /// \param correspondent a correspondent \return true if a direct route existed
    bool RemoveDirectRoute(Ipv6Address correspondent);

    /**
     * \brief Correspondent side: a binding cache entry; packets to \p home go to
     *        \p careOf with a type 2 routing header (RFC 6275 §9.3.2).
     * \param home the mobile node's home address
     * \param careOf its care-of address
     */
    void SetBinding(Ipv6Address home, Ipv6Address careOf);
    /// \param home a home address \return true if a binding existed
    bool RemoveBinding(Ipv6Address home);
    /// \param home a home address \return the care-of address bound to it, or ::
    Ipv6Address GetBinding(Ipv6Address home) const;

    /// \return the host counters
    const HostStats& GetHostStats() const;

    // Ipv6RoutingProtocol
    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;

  protected:
    void DoDispose() override;

  public:
    bool AcceptHomeAddress(Ipv6Address home, Ipv6Address careOf) const override;

  private:
  private:
    /// A direct (route-optimised) destination of a mobile node.
    struct Direct
    {
        Ipv6Address home;   //!< home address, carried in the Home Address option
        Ipv6Address careOf; //!< source on the wire
    };

    /// Send callback of the tunnel interface: the packet carries its IPv6 header.
    bool TunnelSend(Ptr<Packet> packet, const Address& src, const Address& dst, uint16_t proto);
    /// \return true for a Home Test message (never route-optimised)
    static bool IsHomeTest(Ptr<const Packet> p, const Ipv6Header& header);
    /// Send natively with an extension header built by the caller.
    void SendDirect(Ptr<Packet> packet, Ipv6Address src, Ipv6Address dst, uint8_t nextHeader);

    Ptr<VirtualNetDevice> m_device;                //!< the tunnel interface's device
    uint32_t m_interface{0};                       //!< its interface index
    Ipv6Address m_preferredSource;                 //!< SetPreferredSource
    std::map<Ipv6Address, Direct> m_direct;        //!< MN: correspondent -> direct route
    std::map<Ipv6Address, Ipv6Address> m_bindings; //!< CN: home -> care-of
    HostStats m_hostStats;                         //!< counters
};

} // namespace ns3

#endif // DMM_HOST_MOBILITY_ROUTING_H
