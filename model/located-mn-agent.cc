/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "located-mn-agent.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocatedMnAgent");
NS_OBJECT_ENSURE_REGISTERED(LocatedMnAgent);

TypeId
LocatedMnAgent::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LocatedMnAgent")
                            .SetParent<MipMnAgent>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LocatedMnAgent>();
    return tid;
}

LocatedMnAgent::LocatedMnAgent() = default;

LocatedMnAgent::~LocatedMnAgent() = default;

bool
LocatedMnAgent::ReadsMapOption() const
{
    return true; // the MAP option names the network's location server
}

void
LocatedMnAgent::Move(Ipv6Address careOf, Ipv6Address server)
{
    NS_LOG_FUNCTION(this);
    Ipv6Address previous = m_map; // the previous network's location server
    m_careOf = careOf;
    m_pendingCareOf = Ipv6Address();
    m_map = server;
    if (!m_homes.count(careOf) && !server.IsAny())
    {
        m_homes[careOf] = server; // formed here: this network's server is its home server
    }
    m_waiting.clear();
    for (const auto& [home, homeServer] : m_homes)
    {
        if (!previous.IsAny() && previous != server && previous != homeServer &&
            m_lu->HasBinding(previous, home))
        {
            Unregister(previous, home); // the previous network tracks the node no more
        }
        if (home == careOf)
        {
            if (m_lu->HasBinding(homeServer, home))
            {
                Unregister(homeServer, home); // back at its router: routed natively again
            }
            continue;
        }
        bool homeNetwork = homeServer == server;
        // The visited network tracks the node from router to router...
        m_lu->Bind(server,
                   homeNetwork ? ClientLocationUpdate::PeerKind::HOME_AGENT
                               : ClientLocationUpdate::PeerKind::MAP,
                   home,
                   careOf);
        m_waiting.insert({server, home});
        // ...and the home server hears only of a change of network (hierarchical location).
        if (!homeNetwork && (server != previous || !m_lu->HasBinding(homeServer, home)))
        {
            m_lu->Bind(homeServer,
                       ClientLocationUpdate::PeerKind::HOME_AGENT,
                       home,
                       careOf,
                       server);
            m_waiting.insert({homeServer, home});
        }
    }
    if (m_waiting.empty())
    {
        NotifyHandoverComplete();
    }
}

void
LocatedMnAgent::Unregister(Ipv6Address server, Ipv6Address home)
{
    m_lu->Unbind(server, m_careOf, home);
    m_waiting.insert({server, home});
}

void
LocatedMnAgent::Outcome(const LocationUpdate::Outcome& outcome)
{
    NS_LOG_FUNCTION(this);
    if (m_waiting.erase({outcome.anchor, outcome.prefixes.front().prefix}) && m_waiting.empty())
    {
        NotifyHandoverComplete(); // every server answered, in parallel
    }
}

} // namespace ns3
