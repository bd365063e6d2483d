/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATED_MN_AGENT_H
#define DMM_LOCATED_MN_AGENT_H

#include "ns3/mip-mn-agent.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Mobile node of the fully distributed design with client-based location update
 *        (000 §5.2, Fig 9's MN11+LU).
 *
 * Addresses formed at every router are home addresses, but the node tunnels nothing: the
 * RA's MAP option names the network's location server; after a move the node binds every
 * earlier address to its care-of address with that server and, when it changed networks,
 * points each address's home server to it (Anchor option); the mobility routers route by
 * these locations. HandoverComplete fires when every server has answered.
 */
class LocatedMnAgent : public MipMnAgent
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LocatedMnAgent();
    ~LocatedMnAgent() override;

  protected:
    bool ReadsMapOption() const override;
    void Move(Ipv6Address careOf, Ipv6Address server) override;
    void Outcome(const LocationUpdate::Outcome& outcome) override;

  private:
    /// \param server a location server \param home an address it no longer tracks
    void Unregister(Ipv6Address server, Ipv6Address home);
};

} // namespace ns3

#endif // DMM_LOCATED_MN_AGENT_H
