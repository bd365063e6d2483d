/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lm-replication.h"

#include "ns3/dmm-session-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/lm-sync.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmReplication");
NS_OBJECT_ENSURE_REGISTERED(LmReplication);

TypeId
LmReplication::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmReplication")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<LmReplication>();
    return tid;
}

LmReplication::LmReplication()
{
}

LmReplication::~LmReplication()
{
}

void
LmReplication::DoDispose()
{
    m_mh = nullptr;
    m_lm = nullptr;
    Object::DoDispose();
}

void
LmReplication::Setup(Ptr<MobilityL4Protocol> mh,
                     Ptr<LocationManagement> lm,
                     Ipv6Address self,
                     const std::vector<Ipv6Address>& peers)
{
    m_mh = mh;
    m_lm = lm;
    m_self = self;
    m_peers = peers;
    m_lm->TraceConnectWithoutContext("BindingUpdated", MakeCallback(&LmReplication::Updated, this));
    m_lm->TraceConnectWithoutContext("BindingRemoved", MakeCallback(&LmReplication::Removed, this));
    m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                          DmmSessionHeader::SYNC,
                          MakeCallback(&LmReplication::Receive, this));
}

const LmReplication::Stats&
LmReplication::GetStats() const
{
    return m_stats;
}

void
LmReplication::Updated(const BindingCacheEntry& entry, Ipv6Address)
{
    if (m_applying)
    {
        return; // a peer's change: it announced it itself
    }
    m_remote.erase(entry.mnId); // a registration here: this anchor originates the binding
    Announce(entry, entry.state != BindingCacheEntry::State::ACTIVE);
}

void
LmReplication::Removed(const BindingCacheEntry& entry, LocationManagement::RemovalCause)
{
    if (!m_applying && !m_remote.count(entry.mnId))
    {
        Announce(entry, true);
    }
    m_remote.erase(entry.mnId);
}

void
LmReplication::Announce(const BindingCacheEntry& entry, bool remove)
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
        m_stats.sent++;
        m_mh->Send(sync, m_self, peer);
    }
}

void
LmReplication::Receive(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    if (DmmSessionHeader::PeekSubType(p) != DmmSessionHeader::SYNC)
    {
        m_stats.invalid++;
        return;
    }
    LmSync sync;
    p->RemoveHeader(sync);
    std::optional<std::string> mnId = sync.GetMobileNode();
    auto sessions = sync.GetSessions();
    if (!mnId || sessions.empty())
    {
        m_stats.invalid++;
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
    BindingResult result = m_lm->Update(req);
    m_applying = false;
    if (IsBindingAccepted(result.status))
    {
        m_remote.insert(*mnId);
        m_stats.applied++;
    }
    else
    {
        m_stats.rejected++;
    }
}

} // namespace ns3
