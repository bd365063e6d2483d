/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MN_AGENT_H
#define DMM_MN_AGENT_H

#include "ns3/dmm-agent.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

class NetDevice;
class NdOptions;
class Socket;

/**
 * \ingroup dmm
 * \brief Mobile-node side of movement detection: solicits a router as soon as the
 * link comes up and reports the router advertisements it receives.
 *
 * ns-3's IPv6 stack does nothing on link up (NS3-NOTES.md); without this agent a
 * mobile node would wait for an unsolicited RA. Address configuration itself stays
 * with ns-3's ICMPv6 (SLAAC). Client-based profiles extend this agent with the
 * location update function.
 */
class MnAgent : public DmmAgent
{
  public:
    /**
     * TracedCallback signature for received router advertisements.
     * \param router the advertising router's link-local address
     * \param prefixes the advertised prefixes
     */
    typedef void (*RaTracedCallback)(Ipv6Address router,
                                     const std::vector<HomeNetworkPrefix>& prefixes);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MnAgent();
    ~MnAgent() override;

    /// \param device the mobile node's access device
    void SetDevice(Ptr<NetDevice> device);

    /**
     * \brief Layer-2 trigger: the node left its access link. Routers learnt on it are
     * forgotten (RFC 4861 §6.3.5 would wait for the router lifetime; a mobile node
     * that knows it moved does better, RFC 6275 §11.5.1).
     */
    void NotifyDetached();

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief A valid router advertisement arrived; the default reports the handover
     *        complete (a plain host is ready once it has its prefixes).
     * \param router the router's link-local address \param options the RA's options
     */
    virtual void RouterAdvertised(Ipv6Address router, const NdOptions& options);
    /// \brief Fire the HandoverComplete trace.
    void NotifyHandoverComplete();
    /// \return the access device
    Ptr<NetDevice> GetDevice() const;

  private:
    void LinkChanged();
    void HandleRead(Ptr<Socket> socket);

    Ptr<NetDevice> m_device;               //!< access device
    Ptr<Socket> m_socket;                  //!< raw ICMPv6 socket
    Time m_lastRs;                         //!< when the last RS was sent
    TracedCallback<Ipv6Address> m_rsTrace; //!< RouterSolicitation
    TracedCallback<Ipv6Address, const std::vector<HomeNetworkPrefix>&> m_raTrace; //!< RA
    TracedCallback<> m_completeTrace; //!< HandoverComplete
};

} // namespace ns3

#endif // DMM_MN_AGENT_H
