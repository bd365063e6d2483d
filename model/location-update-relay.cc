/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "location-update-relay.h"

#include "ns3/binding-update.h"
#include "ns3/dmm-session-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationUpdateRelay");
NS_OBJECT_ENSURE_REGISTERED(LocationUpdateRelay);

TypeId
LocationUpdateRelay::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocationUpdateRelay")
                            .SetParent<DmmAgent>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocationUpdateRelay>();
    return tid;
}

LocationUpdateRelay::LocationUpdateRelay()
{
}

LocationUpdateRelay::~LocationUpdateRelay()
{
}

void
LocationUpdateRelay::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_mh = nullptr;
    m_next = MobilityL4Protocol::Handler();
    DmmAgent::DoDispose();
}

void
LocationUpdateRelay::SetAddress(Ipv6Address address)
{
    m_address = address;
}

const LocationUpdateRelay::Stats&
LocationUpdateRelay::GetStats() const
{
    return m_stats;
}

void
LocationUpdateRelay::StartApplication()
{
    NS_LOG_FUNCTION(this);
    DmmAgent::StartApplication();
    // After every application of this instant: the home agent's handler is then in place.
    Simulator::ScheduleNow(&LocationUpdateRelay::Register, this);
}

void
LocationUpdateRelay::Register()
{
    NS_LOG_FUNCTION(this);
    m_mh = MobilityL4Protocol::Install(GetNode());
    m_next = m_mh->GetHandler(MobilityHeader::BINDING_UPDATE);
    m_mh->RegisterHandler(MobilityHeader::BINDING_UPDATE,
                          MakeCallback(&LocationUpdateRelay::Handle, this));
}

void
LocationUpdateRelay::StopApplication()
{
    DmmAgent::StopApplication();
}

void
LocationUpdateRelay::Handle(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface)
{
    NS_LOG_FUNCTION(this);
    BindingUpdate bu;
    Ptr<Packet> copy = p->Copy();
    bool isBu = copy->RemoveHeader(bu) > 0;
    if (isBu && DmmSessionHeader::GetAnchorOption(bu.GetOptions(), DmmSessionHeader::RELAY_TARGET))
    {
        if (m_running)
        {
            // The source is the node's home address (its Home Address option applied).
            Simulator::Schedule(m_processingDelay,
                                &LocationUpdateRelay::Relay,
                                this,
                                p,
                                header.GetSource());
        }
        return;
    }
    if (m_next.IsNull())
    {
        m_stats.invalid++;
        return;
    }
    m_stats.passedOn++;
    m_next(p, header, iface);
}

void
LocationUpdateRelay::Relay(Ptr<Packet> p, Ipv6Address home)
{
    NS_LOG_FUNCTION(this);
    BindingUpdate bu;
    p->RemoveHeader(bu);
    Ipv6Address target =
        *DmmSessionHeader::GetAnchorOption(bu.GetOptions(), DmmSessionHeader::RELAY_TARGET);
    bu.GetOptions().RemoveOption(DmmSessionHeader::ANCHOR_OPTION);
    m_stats.relayed++;
    NS_LOG_INFO(m_address << " relays the binding of " << home << " to " << target);
    m_mh->SendWithHomeAddress(bu, m_address, target, home);
}

} // namespace ns3
