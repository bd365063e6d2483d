/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "access-channel.h"

#include "access-net-device.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <iterator>

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
                                          MakeDataRateChecker())
                            .AddAttribute("MulticastSnooping",
                                          "Deliver a frame to a solicited-node group or to "
                                          "all-routers only to the devices that listen to "
                                          "it, as an MLD-snooping switch (RFC 4541); false: "
                                          "to every device.",
                                          BooleanValue(true),
                                          MakeBooleanAccessor(&AccessChannel::m_snooping),
                                          MakeBooleanChecker());
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
    m_order.clear();
    m_listeners.clear();
    m_flooded.clear();
    m_routers.clear();
    m_unicast.clear();
    Channel::DoDispose();
}

void
AccessChannel::Attach(Ptr<AccessNetDevice> device)
{
    if (m_order.count(PeekPointer(device)))
    {
        return;
    }
    uint64_t key = m_attachments++;
    m_order[PeekPointer(device)] = key;
    m_devices[key] = device;
    m_unicast[Key(Mac48Address::ConvertFrom(device->GetAddress()))][key] = device;
    for (Mac48Address alias : device->GetAliases())
    {
        m_unicast[Key(alias)][key] = device;
    }
    if (!device->TrackGroups())
    {
        m_flooded[key] = device;
        return;
    }
    Track(device, key);
}

void
AccessChannel::Track(Ptr<AccessNetDevice> device, uint64_t key)
{
    for (const auto& [group, addresses] : device->GetGroups())
    {
        m_listeners[group][key] = device;
    }
    // Forwarding is set with the interface, before its groups are known: a router found
    // here stays one (an interface that starts forwarding later is not heard).
    if (device->IsRouter())
    {
        m_routers[key] = device;
    }
}

bool
AccessChannel::Detach(Ptr<AccessNetDevice> device)
{
    auto it = m_order.find(PeekPointer(device));
    if (it == m_order.end())
    {
        return false;
    }
    uint64_t key = it->second;
    m_order.erase(it);
    m_devices.erase(key);
    m_flooded.erase(key);
    m_routers.erase(key);
    RemoveUnicast(key, Mac48Address::ConvertFrom(device->GetAddress()));
    for (Mac48Address alias : device->GetAliases())
    {
        RemoveUnicast(key, alias);
    }
    for (const auto& [group, addresses] : device->GetGroups())
    {
        Leave(device, group, key);
    }
    return true;
}

void
AccessChannel::AddUnicast(Ptr<AccessNetDevice> device, Mac48Address address)
{
    auto it = m_order.find(PeekPointer(device));
    if (it != m_order.end())
    {
        m_unicast[Key(address)][it->second] = device;
    }
}

void
AccessChannel::RemoveUnicast(Ptr<AccessNetDevice> device, Mac48Address address)
{
    auto it = m_order.find(PeekPointer(device));
    if (it != m_order.end())
    {
        RemoveUnicast(it->second, address);
    }
}

void
AccessChannel::RemoveUnicast(uint64_t key, Mac48Address address)
{
    auto it = m_unicast.find(Key(address));
    if (it != m_unicast.end() && it->second.erase(key) && it->second.empty())
    {
        m_unicast.erase(it);
    }
}

void
AccessChannel::Join(Ptr<AccessNetDevice> device, Mac48Address group)
{
    auto it = m_order.find(PeekPointer(device));
    if (it != m_order.end()) // else it is being attached: Attach reads its groups
    {
        m_listeners[group][it->second] = device;
    }
}

void
AccessChannel::Leave(Ptr<AccessNetDevice> device, Mac48Address group)
{
    auto it = m_order.find(PeekPointer(device));
    if (it != m_order.end())
    {
        Leave(device, group, it->second);
    }
}

void
AccessChannel::Leave(Ptr<AccessNetDevice> /* device */, Mac48Address group, uint64_t key)
{
    auto it = m_listeners.find(group);
    if (it != m_listeners.end() && it->second.erase(key) && it->second.empty())
    {
        m_listeners.erase(it);
    }
}

void
AccessChannel::TrackFlooded()
{
    for (auto it = m_flooded.begin(); it != m_flooded.end();)
    {
        if (!it->second->TrackGroups())
        {
            ++it;
            continue;
        }
        Track(it->second, it->first);
        it = m_flooded.erase(it);
    }
}

bool
AccessChannel::IsSolicitedNodeGroup(Mac48Address address)
{
    // RFC 2464 §7: 33:33 and the group's last 32 bits; RFC 4291 §2.7.1: ff02::1:ffXX:XXXX.
    uint8_t mac[6];
    address.CopyTo(mac);
    return mac[0] == 0x33 && mac[1] == 0x33 && mac[2] == 0xff;
}

uint64_t
AccessChannel::Key(Mac48Address address)
{
    uint8_t mac[6];
    address.CopyTo(mac);
    uint64_t key = 0;
    for (uint8_t byte : mac)
    {
        key = (key << 8) | byte;
    }
    return key;
}

template <typename F>
void
AccessChannel::SendMerged(const Devices& listening, F send) const
{
    // Frames reach their receivers in attachment order, as on a scan of every device.
    auto a = listening.begin();
    auto b = m_flooded.begin();
    while (a != listening.end() || b != m_flooded.end())
    {
        bool first = b == m_flooded.end() || (a != listening.end() && a->first < b->first);
        const auto& [key, device] = first ? *(a++) : *(b++);
        send(key, device);
    }
}

std::size_t
AccessChannel::Deliver(Ptr<AccessNetDevice> sender,
                       Ptr<const Packet> frame,
                       Mac48Address destination)
{
    std::size_t receivers = 0;
    auto send = [&](const Ptr<AccessNetDevice>& device) {
        if (device == sender)
        {
            return;
        }
        Simulator::ScheduleWithContext(device->GetNode()->GetId(),
                                       m_delay,
                                       &AccessNetDevice::Receive,
                                       device,
                                       frame->Copy(),
                                       Ptr<AccessChannel>(this),
                                       device->GetAttachEpoch());
        ++receivers;
    };
    static const Mac48Address allRouters =
        Mac48Address::GetMulticast(Ipv6Address::GetAllRoutersMulticast());
    if (!destination.IsBroadcast() && !destination.IsGroup())
    {
        auto it = m_unicast.find(Key(destination));
        if (it != m_unicast.end())
        {
            for (const auto& [key, device] : it->second)
            {
                send(device);
            }
        }
    }
    else if (m_snooping && IsSolicitedNodeGroup(destination))
    {
        // As an MLD-snooping switch: only to the group's listeners (and to devices whose
        // groups are unknown), in attachment order.
        TrackFlooded();
        auto it = m_listeners.find(destination);
        static const Devices none;
        SendMerged(it != m_listeners.end() ? it->second : none,
                   [&send](uint64_t, const Ptr<AccessNetDevice>& device) { send(device); });
    }
    else if (m_snooping && destination == allRouters)
    {
        TrackFlooded();
        SendMerged(m_routers, [&](uint64_t key, const Ptr<AccessNetDevice>& device) {
            if (m_flooded.count(key) || device->IsRouter())
            {
                send(device);
            }
        });
    }
    else
    {
        for (const auto& [key, device] : m_devices)
        {
            send(device);
        }
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
    NS_ASSERT_MSG(i < m_devices.size(), "AccessChannel::GetDevice: no device " << i);
    return std::next(m_devices.begin(), i)->second;
}

} // namespace ns3
