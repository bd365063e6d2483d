/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dma-client-mn-agent.h"

#include "ns3/boolean.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmaClientMnAgent");
NS_OBJECT_ENSURE_REGISTERED(DmaClientMnAgent);

TypeId
DmaClientMnAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DmaClientMnAgent")
            .SetParent<MipMnAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<DmaClientMnAgent>()
            .AddAttribute("ProxyLocationUpdate",
                          "Send the Binding Updates to earlier home agents through the current "
                          "access router, which relays them (the proxy LU of 000 §5.1.2); "
                          "false: directly.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&DmaClientMnAgent::m_proxyLu),
                          MakeBooleanChecker());
    return tid;
}

DmaClientMnAgent::DmaClientMnAgent() = default;

DmaClientMnAgent::~DmaClientMnAgent() = default;

void
DmaClientMnAgent::LinkAdvertised(const NdOptions& options, const HomeNetworkPrefix& onLink)
{
    NS_LOG_FUNCTION(this);
    m_advertisedHa = Ipv6Address();
    for (const auto& address : options.GetRouterAddresses())
    {
        if (onLink.Contains(address.prefix))
        {
            m_advertisedHa = address.prefix; // this router is the link's home agent
        }
    }
}

void
DmaClientMnAgent::Move(Ipv6Address careOf, Ipv6Address)
{
    NS_LOG_FUNCTION(this);
    m_careOf = careOf;
    m_pendingCareOf = Ipv6Address();
    if (!m_homes.count(careOf) && !m_advertisedHa.IsAny())
    {
        m_homes[careOf] = m_advertisedHa; // at home here: flows started here stay native
    }
    if (m_proxyLu)
    {
        m_lu->SetRelay(m_advertisedHa); // this router relays the updates to the others
    }
    m_waiting.clear();
    auto returned = m_homes.find(careOf);
    if (returned != m_homes.end() && m_lu->HasBinding(returned->second))
    {
        // Back at that router (RFC 6275 §11.5.4): its home address is on-link, so nothing
        // from it goes through the reverse tunnel any more, not even the updates below.
        m_mr->RemoveSourceTunnel(HomeNetworkPrefix::Make(careOf, 128));
        HoldOnLinkRoute(careOf); // the router defends the address until it de-registers
        m_lu->Unbind(returned->second, careOf);
        m_waiting.insert({returned->second, careOf});
    }
    for (const auto& [home, ha] : m_homes)
    {
        if (home != careOf)
        {
            m_lu->Bind(ha, ClientLocationUpdate::PeerKind::HOME_AGENT, home, careOf);
            m_waiting.insert({ha, home});
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete();
    }
}

void
DmaClientMnAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    NS_LOG_FUNCTION(this);
    if (!m_waiting.erase({outcome.anchor, outcome.prefixes.front().prefix}))
    {
        return; // a refresh
    }
    for (const auto& [home, ha] : m_homes)
    {
        if (ha != outcome.anchor || !IsBindingAccepted(outcome.status))
        {
            continue;
        }
        auto prefix = HomeNetworkPrefix::Make(home, 128);
        if (outcome.lifetime.IsStrictlyPositive())
        {
            m_mr->SetSourceTunnel(prefix, {m_careOf, ha});
            if (m_peers.insert(ha).second)
            {
                m_tunnel->AddPeer(ha);
            }
        }
        else
        {
            m_mr->RemoveSourceTunnel(prefix);
            ReleaseOnLinkRoute(home);
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete(); // every home agent answered, in parallel
    }
}

} // namespace ns3
