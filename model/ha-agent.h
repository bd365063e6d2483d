/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HA_AGENT_H
#define DMM_HA_AGENT_H

#include "ns3/anchor-agent.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Home agent (RFC 6275 §10) or mobility anchor point (RFC 5380 §8): anchoring +
 *        location management + mobility routing, driven by client Binding Updates.
 *
 * A home agent accepts home registrations (H flag) for home addresses it anchors; a MAP
 * (attribute Map) accepts local Binding Updates (M flag) for regional care-of addresses
 * of its prefix. The bound address comes from the Home Address option, the care-of
 * address from the Alternate Care-of Address option (or the packet's source); the
 * acknowledgement goes to the care-of address with a type 2 routing header naming the
 * bound address (RFC 6275 §6.1.8).
 */
class HaAgent : public AnchorAgent
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    HaAgent();
    ~HaAgent() override;

  protected:
    void ProcessUpdate(Ptr<Packet> p, Ipv6Header header) override;

  private:
    bool m_map; //!< attribute Map
};

} // namespace ns3

#endif // DMM_HA_AGENT_H
