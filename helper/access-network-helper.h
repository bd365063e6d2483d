/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ACCESS_NETWORK_HELPER_H
#define DMM_ACCESS_NETWORK_HELPER_H

#include "ns3/access-channel.h"
#include "ns3/home-address-allocation.h"
#include "ns3/l2-mobility.h"
#include "ns3/link-switch.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/scenario-config.h"
#include "ns3/vector.h"

#include <map>
#include <string>

namespace ns3
{

class AccessRouterAgent;
class MnAgent;

class YansWifiChannel;

/**
 * \ingroup dmm
 * \brief Builds the access side of a scenario: one access link per access router and
 * one access device per mobile node, for the scenario's layer-2 model.
 *
 * - "switch": an AccessChannel per access router with the scenario's access delay,
 *   the access router's AccessNetDevice at the access rate; the mobile node's device
 *   moves between channels (LinkSwitch) and takes the rate of the link it joins.
 * - "wifi": an 802.11 AP per access router, all on one channel, ap_distance_m apart
 *   on a line, with a range-limited propagation model so that coverages do not
 *   overlap; the mobile node is a station that re-associates on its own
 *   (WifiLinkMonitor).
 */
class AccessNetworkHelper
{
  public:
    /// What an access router's access interface is.
    struct AccessPort
    {
        uint32_t interface;       //!< IPv6 interface index
        HomeNetworkPrefix onLink; //!< prefix of the access link
        Ptr<NetDevice> device;    //!< the device
    };

    /**
     * \param config the scenario
     * \param sharedAddress all access routers present one link-layer address (PMIPv6)
     */
    AccessNetworkHelper(const ScenarioConfig& config, bool sharedAddress);

    /**
     * \brief Give an access router its access link.
     * \param name its scenario name
     * \param node the node (IPv6 installed)
     * \param index 1-based number of the access link (selects the prefix)
     * \param stream next random stream number, advanced
     * \return the access port
     */
    AccessPort InstallAccessRouter(const std::string& name,
                                   Ptr<Node> node,
                                   uint32_t index,
                                   int64_t& stream);

    /**
     * \brief Give a mobile node its access device (IPv6 interface without address).
     * \param node the node
     * \param stream next random stream number, advanced
     * \return the device
     */
    Ptr<NetDevice> InstallMobileNode(Ptr<Node> node, int64_t& stream);

    /**
     * \brief Give a mobile node several access devices under one logical interface
     *        (LogicalNetDevice, RFC 7847) that carries its IPv6 interface; switch only.
     * \param node the node
     * \param interfaces the names of its access interfaces
     * \return the logical device
     */
    Ptr<NetDevice> InstallMultiInterfaceMobileNode(Ptr<Node> node,
                                                   const std::vector<std::string>& interfaces);

    /**
     * \brief Create the layer-2 mobility of a mobile node, with every access link known.
     * \param device its access device (from InstallMobileNode)
     * \param agent its agent
     * \param agents access router agents by name
     * \return the L2 mobility object, moves not yet scheduled
     */
    Ptr<L2Mobility> CreateL2Mobility(Ptr<NetDevice> device,
                                     Ptr<MnAgent> agent,
                                     const std::map<std::string, Ptr<AccessRouterAgent>>& agents);

  private:
    bool IsWifi() const;

    const ScenarioConfig& m_cfg;                                    //!< scenario
    bool m_sharedAddress;                                           //!< one MAC for all ARs
    std::map<std::string, Ptr<AccessChannel>> m_channels;           //!< switch: channel per AR
    std::map<std::string, std::pair<Ptr<NetDevice>, Vector>> m_aps; //!< wifi: AP per AR
    Ptr<YansWifiChannel> m_wifiChannel;                             //!< wifi: the shared channel
    Ptr<LinkSwitch> m_switchLinks; //!< switch: the first node's, whose links the others share
    std::map<std::string, Ptr<AccessRouterAgent>> m_switchAgents; //!< the agents it was given
};

} // namespace ns3

#endif // DMM_ACCESS_NETWORK_HELPER_H
