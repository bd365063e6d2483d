/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMA_CLIENT_MN_AGENT_H
#define DMM_DMA_CLIENT_MN_AGENT_H

#include "ns3/mip-mn-agent.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Mobile node of client-based DMM (000 §5.1.2, Fig 8; seed 003 §3.2): every access
 *        router is the home agent of its own link.
 *
 * The router names itself in its RA (R flag, RFC 6275 §7.2): the address formed at a
 * router is a home address there, used natively by the flows that start there; after a
 * move the node binds every earlier home address to the new care-of address with its own
 * home agent, in parallel, directly or (ProxyLocationUpdate) through the current router,
 * which relays them (LocationUpdateRelay). HandoverComplete fires when every home agent
 * has answered.
 */
class DmaClientMnAgent : public MipMnAgent
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DmaClientMnAgent();
    ~DmaClientMnAgent() override;

  protected:
    void LinkAdvertised(const NdOptions& options, const HomeNetworkPrefix& onLink) override;
    void Move(Ipv6Address careOf, Ipv6Address map) override;
    void Outcome(const LocationUpdate::Outcome& outcome) override;

  private:
    bool m_proxyLu{false};      //!< attribute ProxyLocationUpdate
    Ipv6Address m_advertisedHa; //!< HA named by the last RA
};

} // namespace ns3

#endif // DMM_DMA_CLIENT_MN_AGENT_H
