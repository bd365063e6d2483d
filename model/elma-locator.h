/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ELMA_LOCATOR_H
#define DMM_ELMA_LOCATOR_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-extension-header.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The Hop-by-Hop option of a PBQR sent towards the queried address (seed 001
 *        §4.4.2, Fig 5): every router on the path processes the Hop-by-Hop header; the eLMA
 *        managing the destination's prefix terminates the packet (ElmaQueryInterceptor).
 *
 * Option type 0x1E: RFC 4727's experimental Hop-by-Hop option type (act 00: a router that
 * does not know it skips it, chg 0), no data; the header is padded to 8 octets with PadN.
 */
struct ElmaQueryOption
{
    static constexpr uint8_t OPT_NUMBER = 0x1E; //!< RFC 4727 experimental, act 00, chg 0

    /// \return the Hop-by-Hop header (next header: Mobility Header) carrying the option
    static Ipv6ExtensionHopByHopHeader MakeHeader();
};

/**
 * \ingroup dmm
 * \brief An eLMA's hook in its routing (seed 001 §4.4.2): a packet carrying the
 *        ElmaQueryOption whose destination is in one of the eLMA's prefixes is delivered
 *        locally (to its LMF) instead of being routed on towards the node. Anything else is
 *        left to the other routing protocols.
 */
class ElmaQueryInterceptor : public Ipv6RoutingProtocol
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    /**
     * \brief The eLMA manages \p prefix (it allocates its nodes' HNPs from it).
     * \param prefix the prefix
     */
    void AddPrefix(const HomeNetworkPrefix& prefix);
    /// \return the queries terminated here
    uint64_t GetIntercepted() const;

    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// \param p a packet starting with a Hop-by-Hop header \return true if it has the option
    static bool CarriesQueryOption(Ptr<const Packet> p);

    Ptr<Ipv6> m_ipv6;                          //!< the node's IPv6
    std::vector<HomeNetworkPrefix> m_prefixes; //!< the prefixes this eLMA manages
    uint64_t m_intercepted{0};                 //!< queries terminated here
};

} // namespace ns3

#endif // DMM_ELMA_LOCATOR_H
