/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "replicated-binding-cache.h"

#include "ns3/dmm-session-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/lm-sync.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ReplicatedBindingCache");
NS_OBJECT_ENSURE_REGISTERED(ReplicatedBindingCache);

TypeId
ReplicatedBindingCache::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ReplicatedBindingCache")
                            .SetParent<BindingCache>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ReplicatedBindingCache>();
    return tid;
}

ReplicatedBindingCache::ReplicatedBindingCache()
{
}

ReplicatedBindingCache::~ReplicatedBindingCache()
{
}

void
ReplicatedBindingCache::DoDispose()
{
    m_mh = nullptr;
    BindingCache::DoDispose();
}

void
ReplicatedBindingCache::Replicate(Ptr<MobilityL4Protocol> mh,
                                  Ipv6Address self,
                                  const std::vector<Ipv6Address>& peers)
{
    m_mh = mh;
    m_self = self;
    m_peers = peers;
    // Its own changes, after every other listener of the cache (as a separate object was).
    TraceConnectWithoutContext("BindingUpdated",
                               MakeCallback(&ReplicatedBindingCache::Updated, this));
    TraceConnectWithoutContext("BindingRemoved",
                               MakeCallback(&ReplicatedBindingCache::Removed, this));
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::SYNC,
                          MakeCallback(&ReplicatedBindingCache::Receive, this));
}

const ReplicatedBindingCache::ReplicationStats&
ReplicatedBindingCache::GetReplicationStats() const
{
    return m_replication;
}

void
ReplicatedBindingCache::Updated(const BindingCacheEntry& entry, Ipv6Address)
{
    if (m_applying)
    {
        return; // a peer's change: it announced it itself
    }
    m_remote.erase(entry.mnId); // a registration here: this anchor originates the binding
    Announce(entry, entry.state != BindingCacheEntry::State::ACTIVE);
}

void
ReplicatedBindingCache::Removed(const BindingCacheEntry& entry, LocationManagement::RemovalCause)
{
    if (!m_applying && !m_remote.count(entry.mnId))
    {
        Announce(entry, true);
    }
    m_remote.erase(entry.mnId);
}

void
ReplicatedBindingCache::Announce(const BindingCacheEntry& entry, bool remove)
{
    for (const auto& peer : m_peers)
    {
        LmSync sync;
        sync.SetMobileNode(entry.mnId);
        sync.SetRemove(remove);
        sync.SetSequence(entry.lastSequence);
        for (const auto& prefix : entry.prefixes)
        {
            sync.AddSession(prefix, entry.careOf);
        }
        MobilityOptions& options = sync.GetOptions();
        if (entry.lastTimestamp)
        {
            options.SetTimestamp(*entry.lastTimestamp);
        }
        options.SetHandoffIndicator(entry.handoffIndicator ? entry.handoffIndicator : 4);
        options.SetAccessTechnologyType(entry.accessTechnology ? entry.accessTechnology : 3);
        m_replication.sent++;
        m_mh->Send(sync, m_self, peer);
    }
}

void
ReplicatedBindingCache::Receive(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    if (DmmSessionHeader::PeekSubType(p) != DmmSessionHeader::SYNC)
    {
        m_replication.invalid++;
        return;
    }
    LmSync sync;
    p->RemoveHeader(sync);
    std::optional<std::string> mnId = sync.GetMobileNode();
    auto sessions = sync.GetSessions();
    if (!mnId || sessions.empty())
    {
        m_replication.invalid++;
        return;
    }
    BindingRequest req;
    req.mnId = *mnId;
    req.careOf = sessions.front().second;
    for (const auto& [prefix, locator] : sessions)
    {
        req.prefixes.push_back(prefix);
    }
    const MobilityOptions& options = sync.GetOptions();
    // A replica keeps the binding until the originating anchor announces its end.
    req.lifetime = sync.GetRemove() ? Seconds(0) : Seconds(65535 * 4);
    req.sequence = sync.GetSequence();
    req.timestamp = options.GetTimestamp();
    req.handoffIndicator = options.GetHandoffIndicator().value_or(4);
    req.accessTechnology = options.GetAccessTechnologyType().value_or(3);
    m_applying = true;
    BindingResult result = Update(req);
    m_applying = false;
    if (IsBindingAccepted(result.status))
    {
        m_remote.insert(*mnId);
        m_replication.applied++;
    }
    else
    {
        m_replication.rejected++;
    }
}

} // namespace ns3
