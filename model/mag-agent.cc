/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mag-agent.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/proxy-location-update.h"
#include "ns3/routing-control.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MagAgent");
NS_OBJECT_ENSURE_REGISTERED(MagAgent);

TypeId
MagAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MagAgent")
            .SetParent<AccessRouterAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<MagAgent>()
            .AddAttribute("DeregisterOnDetach",
                          "Send a de-registration PBU when layer 2 reports a detach "
                          "(RFC 5213 §6.9.1.3).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MagAgent::m_deregisterOnDetach),
                          MakeBooleanChecker());
    return tid;
}

MagAgent::MagAgent()
    : m_deregisterOnDetach(true)
{
}

MagAgent::~MagAgent()
{
}

void
MagAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_lu = nullptr;
    m_rc = nullptr;
    AccessRouterAgent::DoDispose();
}

void
MagAgent::Setup(Ptr<ProxyLocationUpdate> lu, Ptr<RoutingControl> rc)
{
    NS_LOG_FUNCTION(this);
    m_lu = lu;
    m_rc = rc;
    m_lu->SetOutcomeCallback(MakeCallback(&MagAgent::Outcome, this));
}

void
MagAgent::StopApplication()
{
    NS_LOG_FUNCTION(this);
    // A stopped agent models a failed MAG: no more refreshes, no de-registrations;
    // the LMA's bindings then expire on their own.
    m_lu->Halt();
    for (const auto& [mac, node] : m_attached)
    {
        if (node.registered)
        {
            m_rc->RemoveAttachedNode(node.prefixes, m_lu->GetAnchor(node.mnId));
        }
    }
    m_attached.clear();
    AccessRouterAgent::StopApplication();
}

void
MagAgent::AddPolicy(Mac48Address mac, const std::string& mnId, Ipv6Address anchor)
{
    NS_LOG_FUNCTION(this);
    SetPolicy(mac, mnId);
    if (!anchor.IsAny())
    {
        m_lu->SetAnchorFor(mnId, anchor);
    }
}

const MagAgent::Stats&
MagAgent::GetStats() const
{
    return m_stats;
}

void
MagAgent::SetPolicyPrefix(const std::string& mnId, const HomeNetworkPrefix& prefix)
{
    m_policyPrefixes[mnId] = prefix;
}

void
MagAgent::HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    const std::string* mnId = LookupPolicy(mac);
    if (!mnId)
    {
        m_stats.unknownNode++; // RFC 5213 §6.9.1.1: no policy profile, no service
        return;
    }
    // Keyed by the interface, not the node: each interface of a multihomed node is its own
    // mobility session with its own prefixes (RFC 5213 §5.4).
    Attached& node = m_attached[mac];
    node.mnId = *mnId;
    node.mac = mac;
    node.accessInterface = interface;
    node.linkLocal = peer;
    if (node.registered)
    {
        Simulator::Schedule(m_processingDelay, &MagAgent::Advertise, this, node);
        return;
    }
    if (node.pending)
    {
        return; // the RA follows the PBA of the registration under way
    }
    node.pending = true;
    std::vector<HomeNetworkPrefix> named = node.prefixes;
    auto profile = m_policyPrefixes.find(*mnId);
    if (named.empty() && profile != m_policyPrefixes.end())
    {
        named.push_back(profile->second); // RFC 5213 §6.9.1.1: the profile's HNP
    }
    Simulator::Schedule(m_processingDelay,
                        &ProxyLocationUpdate::Register,
                        m_lu,
                        *mnId,
                        named,
                        LinkLayerId(mac));
}

std::vector<uint8_t>
MagAgent::LinkLayerId(Mac48Address mac)
{
    std::vector<uint8_t> llid(6);
    mac.CopyTo(llid.data());
    return llid;
}

void
MagAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    NS_LOG_FUNCTION(this);
    if (outcome.linkLayerId.size() != 6)
    {
        return; // not a session of ours: every PBU we send names its interface
    }
    Mac48Address mac;
    mac.CopyFrom(outcome.linkLayerId.data());
    auto it = m_attached.find(mac);
    if (it == m_attached.end())
    {
        return; // answer to a de-registration, state already gone
    }
    Attached& node = it->second;
    node.pending = false;
    if (outcome.timedOut || static_cast<uint8_t>(outcome.status) >= 128)
    {
        m_stats.timedOut += outcome.timedOut ? 1 : 0;
        m_stats.rejected += outcome.timedOut ? 0 : 1;
        if (node.registered)
        {
            m_rc->RemoveAttachedNode(node.prefixes, m_lu->GetAnchor(outcome.mnId));
        }
        m_attached.erase(it);
        return;
    }
    if (!node.registered)
    {
        node.registered = true;
        Simulator::Schedule(m_processingDelay,
                            &MagAgent::CompleteRegistration,
                            this,
                            mac,
                            outcome.prefixes);
    }
}

void
MagAgent::CompleteRegistration(Mac48Address mac, std::vector<HomeNetworkPrefix> prefixes)
{
    NS_LOG_FUNCTION(this);
    auto it = m_attached.find(mac);
    if (it == m_attached.end())
    {
        return; // left before the PBA was processed
    }
    Attached& node = it->second;
    node.prefixes = prefixes;
    m_stats.registrations++;
    // Forwarding and the RA take effect together, once the PBA has been processed.
    m_rc->AddAttachedNode(node.prefixes,
                          node.accessInterface,
                          node.linkLocal,
                          m_lu->GetAnchor(node.mnId));
    Advertise(node);
}

void
MagAgent::Advertise(const Attached& node)
{
    NS_LOG_FUNCTION(this);
    std::vector<AdvertisedPrefix> prefixes;
    for (const auto& hnp : node.prefixes)
    {
        prefixes.push_back({hnp, m_validLifetime, m_preferredLifetime});
    }
    SendAdvertisement(node.accessInterface, node.linkLocal, prefixes);
}

void
MagAgent::DoNotifyDetached(Mac48Address mac)
{
    NS_LOG_FUNCTION(this);
    auto it = m_attached.find(mac);
    if (it == m_attached.end())
    {
        return;
    }
    // Only this interface's session ends; the node's other interfaces keep theirs.
    const std::string& mnId = it->second.mnId;
    if (it->second.registered)
    {
        m_rc->RemoveAttachedNode(it->second.prefixes, m_lu->GetAnchor(mnId));
        if (m_deregisterOnDetach)
        {
            m_lu->DeregisterWith(m_lu->GetAnchor(mnId), mnId, LinkLayerId(mac));
        }
    }
    m_attached.erase(it);
}

Ptr<ProxyLocationUpdate>
MagAgent::GetLocationUpdate() const
{
    return m_lu;
}

} // namespace ns3
