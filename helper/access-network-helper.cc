/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "access-network-helper.h"

#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/access-router-agent.h"
#include "ns3/address-plan.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/link-switch.h"
#include "ns3/log.h"
#include "ns3/logical-net-device.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-module.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/wifi-link-monitor.h"
#include "ns3/wifi-module.h"

#include <cmath>
#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AccessNetworkHelper");

namespace
{
/// All MAG access interfaces present one router to the MN (RFC 5213 §6.9.3).
const char* const SHARED_ACCESS_MAC = "02:00:00:00:00:01";
/// Where a mobile node waits before its first attachment: far from every AP.
constexpr double PARKED_X = -1e6;
/// Coverage radius as a fraction of the AP spacing: neighbouring cells do not overlap.
constexpr double COVERAGE = 0.45;

struct StandardInfo
{
    WifiStandard standard;
    const char* manager;
    const char* mode;
};

StandardInfo
Lookup(const std::string& name)
{
    static const std::map<std::string, StandardInfo> table{
        {"80211a", {WIFI_STANDARD_80211a, "ns3::ConstantRateWifiManager", "OfdmRate54Mbps"}},
        {"80211b", {WIFI_STANDARD_80211b, "ns3::ConstantRateWifiManager", "DsssRate11Mbps"}},
        {"80211g", {WIFI_STANDARD_80211g, "ns3::ConstantRateWifiManager", "ErpOfdmRate54Mbps"}},
        {"80211n", {compat::kWifiStandard80211n, "ns3::IdealWifiManager", ""}},
        {"80211ac", {WIFI_STANDARD_80211ac, "ns3::IdealWifiManager", ""}},
    };
    auto it = table.find(name);
    if (it == table.end())
    {
        throw ScenarioError("l2.standard: unsupported \"" + name + "\"");
    }
    return it->second;
}

WifiHelper
MakeWifi(const std::string& standard)
{
    StandardInfo info = Lookup(standard);
    WifiHelper wifi;
    wifi.SetStandard(info.standard);
    if (std::string(info.mode).empty())
    {
        wifi.SetRemoteStationManager(info.manager);
    }
    else
    {
        wifi.SetRemoteStationManager(info.manager,
                                     "DataMode",
                                     StringValue(info.mode),
                                     "ControlMode",
                                     StringValue(info.mode));
    }
    return wifi;
}

Ptr<ConstantPositionMobilityModel>
Place(Ptr<Node> node, Vector where)
{
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(where);
    node->AggregateObject(m);
    return m;
}
} // namespace

AccessNetworkHelper::AccessNetworkHelper(const ScenarioConfig& config, bool sharedAddress)
    : m_cfg(config),
      m_sharedAddress(sharedAddress && config.l2.type != "wifi") // BSSIDs must differ
{
    if (IsWifi())
    {
        YansWifiChannelHelper channel;
        channel.SetPropagationDelay("ns3::ConstantSpeedPropagationDelayModel");
        channel.AddPropagationLoss("ns3::RangePropagationLossModel",
                                   "MaxRange",
                                   DoubleValue(m_cfg.l2.apDistanceM * COVERAGE));
        m_wifiChannel = channel.Create();
    }
}

bool
AccessNetworkHelper::IsWifi() const
{
    return m_cfg.l2.type == "wifi";
}

AccessNetworkHelper::AccessPort
AccessNetworkHelper::InstallAccessRouter(const std::string& name,
                                         Ptr<Node> node,
                                         uint32_t index,
                                         int64_t& stream)
{
    NetDeviceContainer devs;
    if (IsWifi())
    {
        WifiHelper wifi = MakeWifi(m_cfg.l2.standard);
        YansWifiPhyHelper phy;
        phy.SetChannel(m_wifiChannel);
        WifiMacHelper mac;
        mac.SetType("ns3::ApWifiMac",
                    "Ssid",
                    SsidValue(Ssid("dmm")),
                    "BeaconInterval",
                    TimeValue(ScenarioMilliseconds(m_cfg.l2.beaconIntervalMs)));
        devs = wifi.Install(phy, mac, node);
        stream += wifi.AssignStreams(devs, stream);
        Vector where(index * m_cfg.l2.apDistanceM, 0, 0);
        Place(node, where);
        m_aps[name] = {devs.Get(0), where};
    }
    else
    {
        Ptr<AccessChannel> channel = CreateObjectWithAttributes<AccessChannel>(
            "Delay",
            TimeValue(ScenarioMilliseconds(m_cfg.AccessDelayMsAt(name))),
            "DataRate",
            DataRateValue(DataRate(m_cfg.AccessRateMbpsAt(name) * 1e6)));
        Ptr<AccessNetDevice> dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(m_sharedAddress ? Mac48Address(SHARED_ACCESS_MAC)
                                        : Mac48Address::Allocate());
        node->AddDevice(dev);
        dev->Attach(channel);
        m_channels[name] = channel;
        devs.Add(dev);
    }
    Ipv6AddressHelper addr;
    Ipv6Address prefix = dmm::AddressPlan::AccessLink(index);
    addr.SetBase(prefix, Ipv6Prefix(64));
    Ipv6InterfaceContainer ifs = addr.Assign(devs);
    ifs.SetForwarding(0, true);
    return {ifs.GetInterfaceIndex(0), HomeNetworkPrefix::Make(prefix, 64), devs.Get(0)};
}

Ptr<NetDevice>
AccessNetworkHelper::InstallMobileNode(Ptr<Node> node, int64_t& stream)
{
    Ptr<NetDevice> device;
    if (IsWifi())
    {
        WifiHelper wifi = MakeWifi(m_cfg.l2.standard);
        YansWifiPhyHelper phy;
        phy.SetChannel(m_wifiChannel);
        WifiMacHelper mac;
        mac.SetType("ns3::StaWifiMac",
                    "Ssid",
                    SsidValue(Ssid("dmm")),
                    "ActiveProbing",
                    BooleanValue(true),
                    "MaxMissedBeacons",
                    UintegerValue(m_cfg.l2.maxMissedBeacons));
        NetDeviceContainer devs = wifi.Install(phy, mac, node);
        stream += wifi.AssignStreams(devs, stream);
        Place(node, Vector(PARKED_X, 0, 0));
        device = devs.Get(0);
    }
    else
    {
        Ptr<AccessNetDevice> dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(Mac48Address::Allocate());
        node->AddDevice(dev);
        device = dev;
    }
    Ipv6AddressHelper().AssignWithoutAddress(NetDeviceContainer(device));
    return device;
}

Ptr<NetDevice>
AccessNetworkHelper::InstallMultiInterfaceMobileNode(Ptr<Node> node,
                                                     const std::vector<std::string>& interfaces)
{
    NS_ABORT_MSG_IF(IsWifi(), "several interfaces need l2.type switch");
    // Each physical device keeps its own link-layer address, the identity of a per-interface
    // mobility session (RFC 5213 §5.4): access routers tell the node's interfaces apart.
    Ptr<LogicalNetDevice> logical =
        CreateObjectWithAttributes<LogicalNetDevice>("SharedLinkLayerAddress", BooleanValue(false));
    node->AddDevice(logical);
    for (const auto& name : interfaces)
    {
        Ptr<AccessNetDevice> device = CreateObject<AccessNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        logical->AddPhysical(device, name);
    }
    Ipv6AddressHelper().AssignWithoutAddress(NetDeviceContainer(logical));
    return logical;
}

Ptr<L2Mobility>
AccessNetworkHelper::CreateL2Mobility(Ptr<NetDevice> device,
                                      Ptr<MnAgent> agent,
                                      const std::map<std::string, Ptr<AccessRouterAgent>>& agents)
{
    auto agentOf = [&agents](const std::string& name) {
        auto it = agents.find(name);
        return it == agents.end() ? nullptr : it->second;
    };
    if (IsWifi())
    {
        Ptr<WifiLinkMonitor> monitor = CreateObject<WifiLinkMonitor>();
        monitor->SetStation(DynamicCast<WifiNetDevice>(device),
                            device->GetNode()->GetObject<MobilityModel>(),
                            agent);
        for (const auto& [name, ap] : m_aps)
        {
            monitor->AddAccessPoint(name,
                                    Mac48Address::ConvertFrom(ap.first->GetAddress()),
                                    ap.second,
                                    agentOf(name));
        }
        return monitor;
    }
    Ptr<LinkSwitch> ls = CreateObjectWithAttributes<LinkSwitch>(
        "SwitchTime",
        TimeValue(ScenarioMilliseconds(m_cfg.l2.switchTimeMs)));
    ls->SetDevice(DynamicCast<AccessNetDevice>(device), agent);
    if (m_switchLinks && agents == m_switchAgents)
    {
        ls->ShareAccessLinks(m_switchLinks); // the same links and agents for every node
        return ls;
    }
    for (const auto& [name, channel] : m_channels)
    {
        ls->AddAccessLink(name, channel, agentOf(name));
    }
    m_switchLinks = ls;
    m_switchAgents = agents;
    return ls;
}

} // namespace ns3
