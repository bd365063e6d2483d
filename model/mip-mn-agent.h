/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MIP_MN_AGENT_H
#define DMM_MIP_MN_AGENT_H

#include "ns3/client-location-update.h"
#include "ns3/mn-agent.h"

#include <map>
#include <set>

namespace ns3
{

class HostMobilityRouting;
class Ipv6TunnelL4Protocol;
class RrInitiator;

/**
 * \ingroup dmm
 * \brief Client-based mobile node (RFC 6275 §11; RFC 5380 §6 when hierarchical): movement
 *        detection, care-of address, location update and tunnel end.
 *
 * On every router advertisement with a new prefix the node forms its care-of address by
 * stateless autoconfiguration (waiting for duplicate address detection when DadWait is
 * set), registers it with its home agent and, once acknowledged, reverse-tunnels its
 * sessions through the home agent. With a MAP option in the advertisement (HMIPv6) the
 * on-link address is the LCoA, registered with the MAP; the home agent is updated with
 * the RCoA only when the MAP changes. With route optimisation, return routability and a
 * Binding Update follow for every correspondent once the home agent has acknowledged.
 *
 * The client-based DMM modes are subclasses: DmaClientMnAgent (every access router is a
 * home agent, 000 Fig 8) and LocatedMnAgent (location servers, 000 Fig 9).
 *
 * HandoverComplete fires when the last registration of the movement is acknowledged.
 */
class MipMnAgent : public MnAgent
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MipMnAgent();
    ~MipMnAgent() override;

    /**
     * \brief Assemble the mobile node.
     * \param lu the location update function (Binding Update List)
     * \param mr the host's mobility routing (tunnel interface created)
     * \param tunnel the node's IPv6-in-IPv6 endpoint
     * \param home the home address
     * \param homeAgent the home agent address
     */
    void Setup(Ptr<ClientLocationUpdate> lu,
               Ptr<HostMobilityRouting> mr,
               Ptr<Ipv6TunnelL4Protocol> tunnel,
               Ipv6Address home,
               Ipv6Address homeAgent);

    /// \param rr return routability for route optimisation (mipv6-ro); null = none
    void SetRouteOptimization(Ptr<RrInitiator> rr);

    /// \return the current care-of address (the LCoA under HMIPv6), or ::
    Ipv6Address GetCareOf() const;
    /// \return the current regional care-of address (HMIPv6), or ::
    Ipv6Address GetRegionalCareOf() const;
    /// \return the home address
    Ipv6Address GetHomeAddress() const;

  protected:
    void DoDispose() override;
    void RouterAdvertised(Ipv6Address router, const NdOptions& options) override;
    Ipv6Address HomeAddressForSelection() const override;

    /// \return whether the RA's MAP option is used (HMIPv6, location servers)
    virtual bool ReadsMapOption() const;
    /**
     * \brief An RA of a new link arrived (before the care-of address is formed).
     * \param options its options \param onLink its first prefix
     */
    virtual void LinkAdvertised(const NdOptions& options, const HomeNetworkPrefix& onLink);
    /**
     * \brief The care-of address is ready: register it.
     * \param careOf the new care-of address \param map the RA's MAP, or ::
     */
    virtual void Move(Ipv6Address careOf, Ipv6Address map);
    /// \param outcome a registration's outcome (Binding Update List)
    virtual void Outcome(const LocationUpdate::Outcome& outcome);

  private:
    void WaitForDad(Ipv6Address careOf, Ipv6Address map);
    void RouteOptimized();
    /// \param address one of the node's addresses \return whether its DAD has finished
    bool DadDone(Ipv6Address address) const;

  protected:
    Ptr<ClientLocationUpdate> m_lu;             //!< location update
    Ptr<HostMobilityRouting> m_mr;              //!< mobility routing
    Ptr<Ipv6TunnelL4Protocol> m_tunnel;         //!< tunnel end
    Ptr<RrInitiator> m_rr;                      //!< return routability, if route optimising
    Ipv6Address m_home;                         //!< home address
    Ipv6Address m_homeAgent;                    //!< home agent
    Ipv6Address m_careOf;                       //!< current (L)CoA
    Ipv6Address m_map;                          //!< current MAP, or ::
    Ipv6Address m_rcoa;                         //!< current RCoA, or ::
    Ipv6Address m_pendingCareOf;                //!< care-of address being registered
    bool m_dadWait;                             //!< attribute DadWait
    Time m_dadPoll;                             //!< attribute DadPollInterval
    bool m_hierarchical;                        //!< attribute Hierarchical
    std::map<Ipv6Address, Ipv6Address> m_homes; //!< home address -> its HA or home server
    std::set<std::pair<Ipv6Address, Ipv6Address>> m_waiting; //!< (peer, home) awaiting a BA
    std::set<Ipv6Address> m_peers;                           //!< tunnel peers added
};

} // namespace ns3

#endif // DMM_MIP_MN_AGENT_H
