/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "wifi-link-monitor.h"

#include "ns3/abort.h"
#include "ns3/access-router-agent.h"
#include "ns3/log.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-model.h"
#include "ns3/simulator.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WifiLinkMonitor");
NS_OBJECT_ENSURE_REGISTERED(WifiLinkMonitor);

TypeId
WifiLinkMonitor::GetTypeId()
{
    static TypeId tid = TypeId("ns3::WifiLinkMonitor")
                            .SetParent<L2Mobility>()
                            .SetGroupName("Dmm")
                            .AddConstructor<WifiLinkMonitor>();
    return tid;
}

WifiLinkMonitor::WifiLinkMonitor()
    : m_moved(false)
{
}

WifiLinkMonitor::~WifiLinkMonitor()
{
}

void
WifiLinkMonitor::DoDispose()
{
    m_device = nullptr;
    m_mobility = nullptr;
    m_mnAgent = nullptr;
    m_aps.clear();
    Object::DoDispose();
}

void
WifiLinkMonitor::SetStation(Ptr<WifiNetDevice> device,
                            Ptr<MobilityModel> mobility,
                            Ptr<MnAgent> agent)
{
    m_device = device;
    m_mobility = mobility;
    m_mnAgent = agent;
    Ptr<WifiMac> mac = device->GetMac();
    mac->TraceConnectWithoutContext("Assoc", MakeCallback(&WifiLinkMonitor::Associated, this));
    mac->TraceConnectWithoutContext("DeAssoc", MakeCallback(&WifiLinkMonitor::Disassociated, this));
}

void
WifiLinkMonitor::AddAccessPoint(const std::string& name,
                                Mac48Address bssid,
                                Vector position,
                                Ptr<AccessRouterAgent> agent)
{
    m_aps[bssid] = AccessPoint{name, position, agent};
}

void
WifiLinkMonitor::ScheduleAttach(Time at, const std::string& name)
{
    bool known = false;
    for (const auto& [bssid, ap] : m_aps)
    {
        known = known || ap.name == name;
    }
    NS_ABORT_MSG_IF(!known, "WifiLinkMonitor: unknown access point " << name);
    Simulator::Schedule(at - Simulator::Now(), &WifiLinkMonitor::Move, this, name);
}

std::string
WifiLinkMonitor::GetCurrent() const
{
    return m_current;
}

void
WifiLinkMonitor::Move(std::string name)
{
    NS_LOG_FUNCTION(this << name);
    NotifyMoveBegins(name);
    for (const auto& [bssid, ap] : m_aps)
    {
        if (ap.name == name)
        {
            // A metre off the AP: well inside its coverage, outside every other one.
            m_mobility->SetPosition(Vector(ap.position.x + 1, ap.position.y, ap.position.z));
        }
    }
    if (m_moved && !m_current.empty())
    {
        m_left = m_current;
        NotifyDown(m_current);
    }
    m_moved = true;
}

void
WifiLinkMonitor::Disassociated(Mac48Address bssid)
{
    NS_LOG_FUNCTION(this << bssid);
    m_current.clear();
    if (m_mnAgent)
    {
        m_mnAgent->NotifyDetached();
    }
}

void
WifiLinkMonitor::Associated(Mac48Address bssid)
{
    NS_LOG_FUNCTION(this << bssid);
    auto it = m_aps.find(bssid);
    if (it == m_aps.end())
    {
        return;
    }
    Mac48Address mac = Mac48Address::ConvertFrom(m_device->GetAddress());
    Ipv6Address previous;
    if (!m_left.empty() && m_left != it->second.name)
    {
        for (const auto& [b, ap] : m_aps)
        {
            if (ap.name == m_left && ap.agent)
            {
                ap.agent->NotifyDetached(mac);
                previous = ap.agent->GetRouterAddress();
            }
        }
    }
    if (it->second.agent)
    {
        it->second.agent->NotifyArrival(mac, previous); // the inter-AP protocol's news
    }
    m_left.clear();
    m_current = it->second.name;
    NotifyUp(m_current);
}

} // namespace ns3
