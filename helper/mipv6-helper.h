/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MIPV6_HELPER_H
#define DMM_MIPV6_HELPER_H

#include "ns3/application-container.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"

#include <vector>

namespace ns3
{

class ClientLocationUpdate;
class HaAgent;
class HostMobilityRouting;
class MipMnAgent;

/**
 * \ingroup dmm
 * \brief Assembles the client-based roles from the logical functions (000 Figs 1, 2, 4):
 *        home agent and MAP (HAA + LM + MR + RC, a HaAgent), mobile node (LU + host MR
 *        with its tunnel interface, a MipMnAgent, and return routability when route
 *        optimising), and correspondent (host MR + CnAgent).
 *
 * \code
 *   Mipv6Helper mip;
 *   mip.SetHomeAgentAttribute("ProcessingDelay", TimeValue(MilliSeconds(1)));
 *   mip.InstallHomeAgent(haNode, haAddress);
 *   mip.InstallMobileNode(mnNode, mnDevice, "mn1", {cnAddress});
 *   mip.InstallCorrespondent(cnNode);
 * \endcode
 */
class Mipv6Helper
{
  public:
    Mipv6Helper();
    ~Mipv6Helper();
    /// \param other the helper to copy
    Mipv6Helper(const Mipv6Helper& other);
    /// \param other the helper to copy \return this helper
    Mipv6Helper& operator=(const Mipv6Helper& other);

    /// \param name attribute \param value value (ns3::HaAgent of the home agent)
    void SetHomeAgentAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::HaAgent of MAPs)
    void SetMapAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::ClientLocationUpdate)
    void SetLocationUpdateAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::MipMnAgent)
    void SetMobileNodeAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::BindingCache of anchors)
    void SetLocationManagementAttribute(const std::string& name, const AttributeValue& value);
    /// \param type TypeId name of the anchors' location management (an ns3::LocationManagement)
    void SetLocationManagementType(const std::string& type);
    /// \param type TypeId name of the mobile node's location update (ns3::ClientLocationUpdate)
    void SetLocationUpdateType(const std::string& type);
    /// \param type TypeId name of the mobile node's agent (an ns3::MipMnAgent)
    void SetMobileNodeType(const std::string& type);
    /// \param prefix the home link prefix home addresses are allocated from (a /64)
    void SetHomePrefix(const HomeNetworkPrefix& prefix);
    /**
     * \brief The home agent is the router of a real home link: home addresses are the
     *        mobile nodes' stateless autoconfigured addresses on it, so a node that returns
     *        home finds its home address on the link and de-registers (RFC 6275 §11.5.4).
     * \param prefix the home link's prefix (a /64)
     */
    void SetHomeLink(const HomeNetworkPrefix& prefix);
    /// \return the home agent (null before InstallHomeAgent())
    Ptr<HaAgent> GetHomeAgent() const;
    /// \param enable give mobile nodes return routability and correspondents bindings
    void SetRouteOptimization(bool enable);

    /**
     * \brief Install the home agent (only one per helper).
     * \param node the node \param address the home agent address
     * \return the HaAgent
     */
    ApplicationContainer InstallHomeAgent(Ptr<Node> node, Ipv6Address address);

    /**
     * \brief Install a home agent on an access router for the router's own link
     *        (client-based DMM, 000 Fig 8: every access router is a home agent). Any
     *        number may be installed; they are independent of InstallHomeAgent().
     * \param node the access router \param address its address on the link
     * \param link the link's prefix (home addresses are the nodes' addresses on it)
     * \return the HaAgent
     */
    ApplicationContainer InstallHomeAgentOnLink(Ptr<Node> node,
                                                Ipv6Address address,
                                                const HomeNetworkPrefix& link);

    /**
     * \brief Install a home agent on an access router whose home subnets are per-node
     *        prefixes (client-based DMA, seed 003 §3.2): /\p allocatedLength prefixes of
     *        \p pool, allocated by the router's DmaClientAccessAgent from the same
     *        allocation (HaAgent::GetAllocation).
     * \param node the access router \param address its address on the access link
     * \param pool the router's pool \param allocatedLength length of each node's prefix
     * \return the HaAgent
     */
    ApplicationContainer InstallPerNodePrefixHomeAgent(Ptr<Node> node,
                                                       Ipv6Address address,
                                                       const HomeNetworkPrefix& pool,
                                                       uint8_t allocatedLength);

    /**
     * \brief Let an access router relay its nodes' Binding Updates to their home agents
     *        (client-based DMM with proxy LU, 000 Fig 8's pLU; seed 003 §3.2).
     * \param node the router (a home agent on its link, InstallHomeAgentOnLink)
     * \param address its address on the link (where the nodes send their BUs)
     * \return the LocationUpdateRelay
     */
    ApplicationContainer InstallRelay(Ptr<Node> node, Ipv6Address address);
    /// \param name attribute \param value value (ns3::LocationUpdateRelay)
    void SetRelayAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Install a client-based DMM mobile node: no fixed home address or home agent;
     *        the home agents are the access routers it visits.
     * \param node the node \param device its access device \return the MipMnAgent
     */
    ApplicationContainer InstallDistributedMobileNode(Ptr<Node> node, Ptr<NetDevice> device);
    /**
     * \brief Install a mobile node of the fully distributed scenario (000 §5.2): home
     *        addresses from every router, registered with location servers
     *        (a LocatedMnAgent).
     * \param node the node \param device its access device
     * \param routers the mobility routers whose tunnels it accepts
     * \return the MipMnAgent
     */
    ApplicationContainer InstallLocatedMobileNode(Ptr<Node> node,
                                                  Ptr<NetDevice> device,
                                                  const std::vector<Ipv6Address>& routers);

    /**
     * \brief Install a MAP (RFC 5380).
     * \param node the node
     * \param address the MAP address, inside \p regional
     * \param regional the prefix RCoAs are formed from (a /64)
     * \return the HaAgent in MAP mode
     */
    ApplicationContainer InstallMap(Ptr<Node> node,
                                    Ipv6Address address,
                                    const HomeNetworkPrefix& regional);

    /**
     * \brief Install a mobile node; its home address is allocated by the home agent.
     * \param node the node \param device its access device
     * \param mnId the identifier the home address is allocated for
     * \param correspondents correspondents to route-optimise (when enabled)
     * \return the MipMnAgent
     */
    ApplicationContainer InstallMobileNode(Ptr<Node> node,
                                           Ptr<NetDevice> device,
                                           const std::string& mnId,
                                           const std::vector<Ipv6Address>& correspondents);

    /**
     * \brief Install a correspondent (route optimisation responder when enabled).
     * \param node the node \return the CnAgent, or empty without route optimisation
     */
    ApplicationContainer InstallCorrespondent(Ptr<Node> node);

    /**
     * \brief Fix the random streams of the agents installed so far.
     * \param stream first stream \return number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    /// The parts every client-based mobile node has; \p lu and \p mr receive its LU and MR;
    /// \p mode is the agent subclass a DMM mode needs ("" for plain MIPv6).
    Ptr<MipMnAgent> CreateMobileNode(Ptr<Node> node,
                                     Ptr<NetDevice> device,
                                     Ipv6Address home,
                                     Ipv6Address homeAgent,
                                     Ptr<ClientLocationUpdate>& lu,
                                     Ptr<HostMobilityRouting>& mr,
                                     const std::string& mode);
    /// A client-based DMM mobile node: agent subclass \p mode, no fixed home address.
    Ptr<MipMnAgent> CreateDmmMobileNode(Ptr<Node> node,
                                        Ptr<NetDevice> device,
                                        const std::string& mode);
    Ptr<HaAgent> InstallAnchor(Ptr<Node> node,
                               Ipv6Address address,
                               const HomeNetworkPrefix& prefix,
                               const ObjectFactory& agent,
                               uint8_t allocatedLength = 128);

    ObjectFactory m_ha;                //!< HaAgent (home agent)
    ObjectFactory m_map;               //!< HaAgent (MAP)
    ObjectFactory m_lu;                //!< ClientLocationUpdate
    ObjectFactory m_mn;                //!< MipMnAgent
    ObjectFactory m_lm;                //!< LocationManagement of anchors
    ObjectFactory m_relay;             //!< LocationUpdateRelay
    HomeNetworkPrefix m_homePrefix;    //!< home link prefix
    bool m_routeOptimization{false};   //!< RO enabled
    bool m_homeLink{false};            //!< SetHomeLink
    Ptr<HaAgent> m_homeAgent;          //!< the home agent
    std::vector<Ptr<Object>> m_random; //!< objects with random streams
};

} // namespace ns3

#endif // DMM_MIPV6_HELPER_H
