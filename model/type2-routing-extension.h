/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_TYPE2_ROUTING_EXTENSION_H
#define DMM_TYPE2_ROUTING_EXTENSION_H

#include "ns3/ipv6-extension.h"

namespace ns3
{

class MobilityRouting;

/**
 * \ingroup dmm
 * \brief Routing header type 2 processing (RFC 6275 §6.4, §11.3.3): a packet to a
 *        care-of address naming one of the node's home addresses is delivered again to
 *        that home address; any other address is dropped (the header is never forwarded).
 */
class Type2RoutingExtension : public Ipv6ExtensionRouting
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Register type 2 routing on a node.
     * \param node the node \param mr its mobility routing (counters, delivery)
     */
    static void Install(Ptr<Node> node, Ptr<MobilityRouting> mr);

    uint8_t GetTypeRouting() const override;

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

#endif // DMM_TYPE2_ROUTING_EXTENSION_H
