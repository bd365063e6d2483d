/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "link-switch.h"

#include "ns3/abort.h"
#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/access-router-agent.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/mn-agent.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LinkSwitch");
NS_OBJECT_ENSURE_REGISTERED(LinkSwitch);

TypeId
LinkSwitch::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LinkSwitch")
            .SetParent<L2Mobility>()
            .SetGroupName("Dmm")
            .AddConstructor<LinkSwitch>()
            .AddAttribute("SwitchTime",
                          "Time between leaving one access link and joining the next.",
                          TimeValue(MilliSeconds(50)),
                          MakeTimeAccessor(&LinkSwitch::m_switchTime),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

LinkSwitch::LinkSwitch()
    : m_links(std::make_shared<std::map<std::string, Link>>()),
      m_everAttached(false)
{
}

LinkSwitch::~LinkSwitch()
{
}

void
LinkSwitch::DoDispose()
{
    m_device = nullptr;
    m_mnAgent = nullptr;
    m_links.reset();
    Object::DoDispose();
}

void
LinkSwitch::SetDevice(Ptr<AccessNetDevice> device, Ptr<MnAgent> agent)
{
    m_device = device;
    m_mnAgent = agent;
}

void
LinkSwitch::AddAccessLink(const std::string& name,
                          Ptr<AccessChannel> channel,
                          Ptr<AccessRouterAgent> agent)
{
    (*m_links)[name] = Link{channel, agent};
}

void
LinkSwitch::ShareAccessLinks(Ptr<const LinkSwitch> other)
{
    m_links = other->m_links;
}

void
LinkSwitch::ScheduleAttach(Time at, const std::string& name)
{
    NS_ABORT_MSG_IF(m_links->count(name) == 0, "LinkSwitch: unknown access link " << name);
    Simulator::Schedule(at - Simulator::Now(), &LinkSwitch::Move, this, name);
}

std::string
LinkSwitch::GetCurrent() const
{
    return m_current;
}

void
LinkSwitch::Move(std::string name)
{
    NS_LOG_FUNCTION(this << name);
    NotifyMoveBegins(name);
    m_device->Detach();
    if (!m_everAttached)
    {
        m_everAttached = true;
        Attach(name);
        return;
    }
    std::string from = m_current;
    m_current.clear();
    m_previousRouter =
        (*m_links)[from].agent ? (*m_links)[from].agent->GetRouterAddress() : Ipv6Address::GetAny();
    NotifyDown(from);
    if ((*m_links)[from].agent)
    {
        (*m_links)[from].agent->NotifyDetached(Mac48Address::ConvertFrom(m_device->GetAddress()));
    }
    if (m_mnAgent)
    {
        m_mnAgent->NotifyDetached();
    }
    Simulator::Schedule(m_switchTime, &LinkSwitch::Attach, this, name);
}

void
LinkSwitch::Attach(std::string name)
{
    NS_LOG_FUNCTION(this << name);
    m_current = name;
    NotifyUp(name);
    if ((*m_links)[name].agent)
    {
        (*m_links)[name].agent->NotifyArrival(Mac48Address::ConvertFrom(m_device->GetAddress()),
                                              m_previousRouter);
    }
    m_device->Attach((*m_links)[name].channel); // raises link up: the node solicits a router
}

} // namespace ns3
