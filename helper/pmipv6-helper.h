/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PMIPV6_HELPER_H
#define DMM_PMIPV6_HELPER_H

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class MagAgent;
class ProxyLocationUpdate;
class MobilityRouting;
class RoutingControl;

/**
 * \ingroup dmm
 * \brief Installs Proxy Mobile IPv6 (RFC 5213) roles on nodes that already have an
 * IPv6 stack with an Ipv6ListRouting (as InternetStackHelper with an
 * Ipv6ListRoutingHelper gives).
 *
 * Each role is assembled from the framework's logical functions, each made by an
 * ObjectFactory whose type and attributes can be set, the way TrafficControlHelper
 * chooses a queue disc:
 * - LMA: HomeAddressAllocation (default ns3::PrefixPoolAllocation) + LocationManagement
 *   (default ns3::BindingCache) + MobilityRouting + RoutingControl, driven by an LmaAgent;
 * - MAG: ProxyLocationUpdate + MobilityRouting + RoutingControl, driven by a MagAgent;
 * - MN: an MnAgent (router solicitation on link up).
 *
 * \code
 *   Pmipv6Helper pmip;
 *   pmip.SetLocationManagementAttribute("MinDelayBeforeBceDelete", TimeValue(Seconds(2)));
 *   ApplicationContainer lma = pmip.InstallLma(lmaNode, lmaAddress);
 *   pmip.AddMobileNode(mnMac, "mn1@example");
 *   ApplicationContainer mags = pmip.InstallMag(magNode, accessIf, onLink, magAddress, lmaAddress);
 *   ApplicationContainer mn = pmip.InstallMobileNode(mnNode, mnDevice);
 * \endcode
 */
class Pmipv6Helper
{
  public:
    Pmipv6Helper();
    ~Pmipv6Helper();
    /// \param other the helper to copy (factories, policies and installed MAGs)
    Pmipv6Helper(const Pmipv6Helper& other);
    /// \param other the helper to copy \return this helper
    Pmipv6Helper& operator=(const Pmipv6Helper& other);

    /// \param type TypeId name of the home-address allocation mode
    void SetAllocationType(const std::string& type);
    /// \param name attribute \param value value (home-address allocation)
    void SetAllocationAttribute(const std::string& name, const AttributeValue& value);
    /// \param type TypeId name of the location management mode
    void SetLocationManagementType(const std::string& type);
    /// \param name attribute \param value value (location management)
    void SetLocationManagementAttribute(const std::string& name, const AttributeValue& value);
    /// \param type TypeId name of the LMA's agent (an ns3::LmaAgent)
    void SetLmaType(const std::string& type);
    /// \param type TypeId name of the MAG's agent (an ns3::MagAgent)
    void SetMagType(const std::string& type);
    /// \param type TypeId name of the MAG's location update (an ns3::ProxyLocationUpdate)
    void SetLocationUpdateType(const std::string& type);
    /// \param type TypeId name of mobility routing (an ns3::MobilityRouting)
    void SetMobilityRoutingType(const std::string& type);
    /// \param type TypeId name of routing control (an ns3::RoutingControl)
    void SetRoutingControlType(const std::string& type);
    /// \param name attribute \param value value (ns3::RoutingControl)
    void SetRoutingControlAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::LmaAgent)
    void SetLmaAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::MagAgent)
    void SetMagAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::ProxyLocationUpdate)
    void SetLocationUpdateAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::MobilityRouting)
    void SetMobilityRoutingAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Give the MAGs their own mobility routing (e.g. an ePMIP eMAG's
     *        ns3::DistributedRoutingFunction); by default they use the LMA's type.
     * \param type TypeId name (an ns3::MobilityRouting)
     */
    void SetMagMobilityRoutingType(const std::string& type);
    /// \param name attribute \param value value (the MAGs' own mobility routing)
    void SetMagMobilityRoutingAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Make a node a local mobility anchor.
     * \param node the node
     * \param lmaa the LMA address that MAGs send to (one of the node's addresses)
     * \return the LmaAgent
     */
    ApplicationContainer InstallLma(Ptr<Node> node, Ipv6Address lmaa);

    /**
     * \brief Make a node a mobile access gateway.
     * \param node the node
     * \param accessInterface the IPv6 interface of its access link
     * \param onLink the access link's own prefix (a valid source there)
     * \param proxyCoa the MAG's egress address towards the LMA
     * \param lmaa the LMA address
     * \return the MagAgent
     */
    ApplicationContainer InstallMag(Ptr<Node> node,
                                    uint32_t accessInterface,
                                    const HomeNetworkPrefix& onLink,
                                    Ipv6Address proxyCoa,
                                    Ipv6Address lmaa);

    /**
     * \brief A location update function with this helper's attributes (for MAGs and
     *        other access-side roles such as DMA's MARs).
     * \param node a node with the Mobility Header protocol installed
     * \param proxyCoa the proxy care-of address \param lmaa the default LMA (:: none)
     * \return the function
     */
    Ptr<ProxyLocationUpdate> CreateLocationUpdate(Ptr<Node> node,
                                                  Ipv6Address proxyCoa,
                                                  Ipv6Address lmaa) const;

    /**
     * \brief Authorise a mobile node at every MAG, installed before or after
     * (the MAG's policy store, RFC 5213 §6.2).
     * \param mac its link-layer address
     * \param mnId its MN identifier (NAI)
     * \param lmaa its LMA; :: lets each MAG use its own default LMA
     */
    void AddMobileNode(Mac48Address mac,
                       const std::string& mnId,
                       Ipv6Address lmaa = Ipv6Address::GetAny());

    /**
     * \brief Give a mobile node its agent.
     * \param node the node
     * \param device its access device
     * \return the MnAgent
     */
    ApplicationContainer InstallMobileNode(Ptr<Node> node, Ptr<NetDevice> device);

    /**
     * \brief Add a MobilityRouting above static routing on a node, with the tunnel and
     * Mobility Header protocols it needs (idempotent for the protocols).
     * \param node a node with an Ipv6ListRouting
     * \param priority priority in the list (static routing has 0)
     * \return the new MobilityRouting
     */
    Ptr<MobilityRouting> InstallMobilityRouting(Ptr<Node> node, int16_t priority = 10) const;

    /**
     * \brief A routing control function with this helper's type and attributes.
     * \param node a node with mobility routing installed \param mr its mobility routing
     * \param self the node's own tunnel end point
     * \return the function
     */
    Ptr<RoutingControl> CreateRoutingControl(Ptr<Node> node,
                                             Ptr<MobilityRouting> mr,
                                             Ipv6Address self) const;

    /**
     * \brief Replicate the location management of several LMAs (000 §4.5, Fig 6, migrating
     *        home agents): every LMA serves every LMA's pool from its replica of the shared
     *        LM (LM0); each binding change an LMA originates is sent to every other one
     *        (LM Sync). Install the LMAs with SetLocationManagementType
     *        ("ns3::ReplicatedBindingCache"); route the pools to every LMA (anycast) for the
     *        nearest to serve, and let MAGs accept tunnels from every LMA.
     * \param lmas the LmaAgents (InstallLma), in any order
     */
    void InstallReplication(const ApplicationContainer& lmas) const;

    /// \return the prefix space MAGs treat as mobile (the default allocation's pool)
    HomeNetworkPrefix GetMobileAggregate() const;

  private:
    ObjectFactory m_allocation;        //!< home-address allocation
    ObjectFactory m_lm;                //!< location management
    ObjectFactory m_lma;               //!< LmaAgent
    ObjectFactory m_mag;               //!< MagAgent
    ObjectFactory m_lu;                //!< ProxyLocationUpdate
    ObjectFactory m_mr;                //!< MobilityRouting
    ObjectFactory m_rc;                //!< RoutingControl
    std::vector<Ptr<MagAgent>> m_mags; //!< MAGs installed

    /// The MAGs' own MobilityRouting (an eMAG's DRF), if not m_mr's type.
    std::optional<ObjectFactory> m_magMr;

    /// A policy profile (RFC 5213 §6.2).
    struct Policy
    {
        Mac48Address mac; //!< link-layer address
        std::string mnId; //!< MN identifier
        Ipv6Address lmaa; //!< its LMA, :: for each MAG's default
    };

    std::vector<Policy> m_policy;                //!< authorised nodes
    std::vector<HomeNetworkPrefix> m_aggregates; //!< pools of installed LMAs
};

/**
 * \brief Put a mobility routing protocol above static routing on a node, and install the
 *        tunnel and Mobility Header protocols it needs.
 * \param node a node whose stack uses an Ipv6ListRouting
 * \param mr the protocol \param priority its priority in the list (static routing is 0)
 * \return \p mr
 */
Ptr<MobilityRouting> InsertMobilityRouting(Ptr<Node> node,
                                           Ptr<MobilityRouting> mr,
                                           int16_t priority = 10);

} // namespace ns3

#endif // DMM_PMIPV6_HELPER_H
