/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_HELPER_H
#define DMM_LOCATION_HELPER_H

#include "ns3/application-container.h"
#include "ns3/home-address-allocation.h"
#include "ns3/mac48-address.h"
#include "ns3/nd-options.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class DistributedMobilityRouting;

/**
 * \ingroup dmm
 * \brief Installs the fully distributed design (000 §5.2, Fig 9): location servers (LM)
 *        holding partitions of one database by prefix, mobility routers (MR + RC with a
 *        location cache) and the access routers' agents.
 *
 * Each access link prefix belongs to the partition of one server (AddPartition). Install
 * the routers first, then the servers, then the access agents.
 *
 * \code
 *   LocationHelper loc;
 *   loc.AddPartition(ar1Link, server1);
 *   loc.AddPartition(ar2Link, server2);
 *   auto mr1 = loc.InstallRouter(ar1, ar1Address, {});
 *   auto mr2 = loc.InstallRouter(ar2, ar2Address, {});
 *   loc.InstallServer(lm1, server1, {server1, server2});
 *   loc.InstallServer(lm2, server2, {server1, server2});
 *   loc.SetAccessType("ns3::MrAgent");   // network-based location update
 *   loc.AddMobileNode(mnMac, "mn1@example");
 *   loc.InstallAccess(ar1, mr1, accessIf, ar1Link, ar1LinkAddress, ar1Address, server1);
 * \endcode
 */
class LocationHelper
{
  public:
    LocationHelper();

    /// \param name attribute \param value value (ns3::LocationServer)
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /// \param type TypeId name of the servers' location management
    void SetLocationManagementType(const std::string& type);
    /// \param name attribute \param value value (the servers' location management)
    void SetLocationManagementAttribute(const std::string& name, const AttributeValue& value);
    /// \param type TypeId name of the routers (an ns3::DistributedMobilityRouting)
    void SetRouterType(const std::string& type);
    /// \param name attribute \param value value (the routers)
    void SetRouterAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (the routers' ns3::LocationCache)
    void SetCacheAttribute(const std::string& name, const AttributeValue& value);
    /// \param type TypeId name of the access agent: ns3::MrAgent (the router registers its
    ///        nodes) or ns3::AccessRouterAgent (the nodes register themselves)
    void SetAccessType(const std::string& type);
    /// \param name attribute \param value value (the access agent)
    void SetAccessAttribute(const std::string& name, const AttributeValue& value);

    /// \param prefix a prefix of the domain \param server the address of its home server
    void AddPartition(const HomeNetworkPrefix& prefix, Ipv6Address server);
    /// \return the prefixes added, each with its home server
    const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>& GetPartitions() const;
    /// \param mac a mobile node's link-layer address \param mnId its identifier (MrAgents)
    void AddMobileNode(Mac48Address mac, const std::string& mnId);

    /**
     * \brief Make a node a mobility router routing by location.
     * \param node a node with an Ipv6ListRouting \param address its own address
     * \param hostInterfaces interfaces towards its hosts (correspondents): traffic entering
     *        there is routed by location
     * \return the router
     */
    Ptr<DistributedMobilityRouting> InstallRouter(Ptr<Node> node,
                                                  Ipv6Address address,
                                                  const std::vector<uint32_t>& hostInterfaces);

    /**
     * \brief Make a node a location server; its partition is the prefixes added for it.
     * \param node the node \param address its address
     * \param servers every server's address (bindings of other partitions are referred)
     * \return the LocationServer
     */
    ApplicationContainer InstallServer(Ptr<Node> node,
                                       Ipv6Address address,
                                       const std::vector<Ipv6Address>& servers);

    /**
     * \brief Give a mobility router its access link and agent.
     * \param node the router \param mr its router (InstallRouter)
     * \param interface the access interface \param onLink the access link's prefix
     * \param onLinkAddress the router's address on the link (named to the next router)
     * \param address the router's own address \param server its network's server
     * \return the access agent
     */
    ApplicationContainer InstallAccess(Ptr<Node> node,
                                       Ptr<DistributedMobilityRouting> mr,
                                       uint32_t interface,
                                       const HomeNetworkPrefix& onLink,
                                       Ipv6Address onLinkAddress,
                                       Ipv6Address address,
                                       Ipv6Address server);

    /// \param option the RFC 5380 MAP option template (its address is set per router)
    void SetMapOption(const NdOptions::MapOption& option);

  private:
    ObjectFactory m_server;                                             //!< LocationServer
    ObjectFactory m_lm;                                                 //!< servers' LM
    ObjectFactory m_router;                                             //!< DMR
    ObjectFactory m_access;                                             //!< access agent
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_cache;   //!< cache attributes
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> m_partition; //!< prefix -> server
    std::vector<std::pair<Mac48Address, std::string>> m_policy;         //!< mobile nodes
    std::vector<Ipv6Address> m_routers;                                 //!< routers' addresses
    std::set<uint32_t> m_routerNodes;                                   //!< node ids with a router
    NdOptions::MapOption m_map;                                         //!< MAP option template
};

} // namespace ns3

#endif // DMM_LOCATION_HELPER_H
