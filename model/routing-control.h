/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ROUTING_CONTROL_H
#define DMM_ROUTING_CONTROL_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/location-management.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class MobilityRouting;
class Ipv6TunnelL4Protocol;

/**
 * \ingroup dmm
 * \brief The routing control (RC) logical function: turns location information into
 * mobility-routing forwarding state.
 *
 * On the anchor side it follows a location management function: every binding that
 * becomes active gets a destination tunnel to its locator, a binding that is being
 * de-registered or removed loses it (RFC 5213 §5.3.5: traffic is dropped meanwhile).
 * On the access side it installs, per attached mobile node, the access route and the
 * reverse tunnel to the node's anchor.
 */
class RoutingControl : public Object
{
  public:
    /**
     * TracedCallback signature for forwarding changes.
     * \param prefix the prefix whose forwarding changed
     * \param locator the remote tunnel endpoint
     */
    typedef void (*ForwardingTracedCallback)(const HomeNetworkPrefix& prefix, Ipv6Address locator);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    RoutingControl();
    ~RoutingControl() override;

    /**
     * \brief Attach to the node's forwarding plane.
     * \param mr the node's mobility routing function
     * \param tunnel the node's tunnel endpoint
     * \param local the address used as the local tunnel endpoint
     */
    void Setup(Ptr<MobilityRouting> mr, Ptr<Ipv6TunnelL4Protocol> tunnel, Ipv6Address local);

    /**
     * \brief Follow a location management function (anchor side).
     * \param lm the LM whose bindings drive the destination tunnels
     */
    void Follow(Ptr<LocationManagement> lm);

    /**
     * \brief Install forwarding for a mobile node attached here (access side).
     * \param prefixes its prefixes
     * \param interface the access interface
     * \param linkLocal its link-local address
     * \param anchor the anchor's address (remote tunnel endpoint)
     */
    void AddAttachedNode(const std::vector<HomeNetworkPrefix>& prefixes,
                         uint32_t interface,
                         Ipv6Address linkLocal,
                         Ipv6Address anchor);
    /**
     * \brief Remove what AddAttachedNode installed.
     * \param prefixes its prefixes
     * \param anchor the anchor's address
     */
    void RemoveAttachedNode(const std::vector<HomeNetworkPrefix>& prefixes, Ipv6Address anchor);

  protected:
    void DoDispose() override;

  private:
    void BindingUpdated(const BindingCacheEntry& entry, Ipv6Address previousCareOf);
    void BindingRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause);
    void Withdraw(const BindingCacheEntry& entry, Ipv6Address careOf);

    Ptr<MobilityRouting> m_mr;                      //!< forwarding state to drive
    Ptr<Ipv6TunnelL4Protocol> m_tunnel;             //!< tunnel endpoint (peers)
    Ipv6Address m_local;                            //!< local tunnel endpoint
    bool m_reverseTunnel{true};                     //!< attribute ReverseTunnel
    std::map<std::string, Ipv6Address> m_installed; //!< anchor side: MN -> locator in use
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address> m_installTrace; //!< Installed
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address> m_removeTrace;  //!< Removed
};

} // namespace ns3

#endif // DMM_ROUTING_CONTROL_H
