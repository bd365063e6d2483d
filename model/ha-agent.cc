/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ha-agent.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-update.h"
#include "ns3/boolean.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HaAgent");
NS_OBJECT_ENSURE_REGISTERED(HaAgent);

TypeId
HaAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HaAgent")
            .SetParent<AnchorAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<HaAgent>()
            .AddAttribute("Map",
                          "Act as an HMIPv6 mobility anchor point: accept local Binding "
                          "Updates (M flag) instead of home registrations (H flag).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&HaAgent::m_map),
                          MakeBooleanChecker());
    return tid;
}

HaAgent::HaAgent()
    : m_map(false)
{
}

HaAgent::~HaAgent()
{
}

void
HaAgent::ProcessUpdate(Ptr<Packet> p, Ipv6Header header)
{
    NS_LOG_FUNCTION(this);
    BindingUpdate bu;
    p->RemoveHeader(bu);
    if (bu.GetProxyRegistration())
    {
        CountIgnored(); // a PBU is an LMA's
        return;
    }
    // The MR replaced the source by the Home Address option's address (§9.3.1); the
    // care-of address is in the Alternate Care-of Address option, else it was the source.
    Ipv6Address home = header.GetSource();
    Ipv6Address careOf = bu.GetOptions().GetAlternateCareOfAddress().value_or(home);
    BindingRequest req;
    std::ostringstream id;
    id << home;
    req.mnId = id.str();
    req.prefixes.push_back(HomeNetworkPrefix::Make(home, 128));
    req.careOf = careOf;
    req.lifetime = bu.GetLifetime();
    req.sequence = bu.GetSequence();

    BindingResult result;
    result.sequence = bu.GetSequence();
    bool rightKind = m_map ? bu.GetMapRegistration() : bu.GetHomeRegistration();
    if (!rightKind)
    {
        result.status = BindingStatus::HOME_REGISTRATION_NOT_SUPPORTED; // §10.3.1
    }
    else if (!GetAllocation()->IsAnchored(home))
    {
        result.status = BindingStatus::NOT_HOME_SUBNET;
    }
    else
    {
        result = GetLocationManagement()->Update(req);
    }
    NS_LOG_INFO((m_map ? "MAP " : "HA ")
                << home << " -> " << careOf << " status " << result.status);
    BindingAck ba;
    ba.SetStatus(static_cast<uint8_t>(result.status));
    ba.SetSequence(result.sequence);
    ba.SetLifetime(result.lifetime);
    CountAck(ba.GetStatus());
    if (bu.GetAckRequested() || !IsBindingAccepted(result.status))
    {
        GetMobilityProtocol()->SendToMobileNode(ba, GetAddress(), careOf, home);
    }
}

} // namespace ns3
