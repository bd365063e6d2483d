/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HOME_ADDRESS_EXTENSION_H
#define DMM_HOME_ADDRESS_EXTENSION_H

#include "ns3/ipv6-extension.h"

namespace ns3
{

class MobilityRouting;

/**
 * \ingroup dmm
 * \brief Destination Options processing that understands the Home Address option
 *        (RFC 6275 §9.3.1); other destination options go to ns-3's own processing.
 *
 * ns-3 delivers packets for local addresses before any routing protocol sees them and
 * answers an unknown option 201 with a Parameter Problem, so the option is handled
 * here: a packet with a Home Address option is accepted if it carries a Mobility Header
 * (a Binding Update creates the binding) or the node has a binding for the home address,
 * and is then delivered again with the home address as its source.
 */
class HomeAddressExtension : public Ipv6ExtensionDestination
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Replace a node's destination options processing with this one.
     * \param node the node \param mr its mobility routing (bindings, counters)
     */
    static void Install(Ptr<Node> node, Ptr<MobilityRouting> mr);

    uint8_t Process(Ptr<Packet>& packet,
                    uint8_t offset,
                    const Ipv6Header& ipv6Header,
                    Ipv6Address dst,
                    uint8_t* nextHeader,
                    bool& stopProcessing,
                    bool& isDropped,
                    Ipv6L3Protocol::DropReason& dropReason) override;

  protected:
    void DoDispose() override;

  private:
    Ptr<MobilityRouting> m_mr; //!< the node's mobility routing
};

} // namespace ns3

#endif // DMM_HOME_ADDRESS_EXTENSION_H
