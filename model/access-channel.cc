/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "access-channel.h"

#include "access-net-device.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AccessChannel");
NS_OBJECT_ENSURE_REGISTERED(AccessChannel);

TypeId
AccessChannel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::AccessChannel")
                            .SetParent<Channel>()
                            .SetGroupName("Dmm")
                            .AddConstructor<AccessChannel>()
                            .AddAttribute("Delay",
                                          "Propagation delay of every frame.",
                                          TimeValue(MilliSeconds(1)),
                                          MakeTimeAccessor(&AccessChannel::m_delay),
                                          MakeTimeChecker(Seconds(0)))
                            .AddAttribute("DataRate",
                                          "Rate at which every attached device transmits.",
                                          DataRateValue(DataRate("100Mbps")),
                                          MakeDataRateAccessor(&AccessChannel::m_rate),
                                          MakeDataRateChecker());
    return tid;
}

AccessChannel::AccessChannel()
{
}

AccessChannel::~AccessChannel()
{
}

void
AccessChannel::DoDispose()
{
    m_devices.clear();
    Channel::DoDispose();
}

void
AccessChannel::Attach(Ptr<AccessNetDevice> device)
{
    if (std::find(m_devices.begin(), m_devices.end(), device) == m_devices.end())
    {
        m_devices.push_back(device);
    }
}

bool
AccessChannel::Detach(Ptr<AccessNetDevice> device)
{
    auto it = std::find(m_devices.begin(), m_devices.end(), device);
    if (it == m_devices.end())
    {
        return false;
    }
    m_devices.erase(it);
    return true;
}

std::size_t
AccessChannel::Deliver(Ptr<AccessNetDevice> sender,
                       Ptr<const Packet> frame,
                       Mac48Address destination)
{
    bool group = destination.IsBroadcast() || destination.IsGroup();
    std::size_t receivers = 0;
    for (const auto& device : m_devices)
    {
        if (device == sender || (!group && !device->Accepts(destination)))
        {
            continue;
        }
        Simulator::ScheduleWithContext(device->GetNode()->GetId(),
                                       m_delay,
                                       &AccessNetDevice::Receive,
                                       device,
                                       frame->Copy(),
                                       Ptr<AccessChannel>(this),
                                       device->GetAttachEpoch());
        ++receivers;
    }
    return receivers;
}

Time
AccessChannel::GetDelay() const
{
    return m_delay;
}

DataRate
AccessChannel::GetDataRate() const
{
    return m_rate;
}

std::size_t
AccessChannel::GetNDevices() const
{
    return m_devices.size();
}

Ptr<NetDevice>
AccessChannel::GetDevice(std::size_t i) const
{
    return m_devices.at(i);
}

} // namespace ns3
