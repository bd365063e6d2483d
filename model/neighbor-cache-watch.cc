/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "neighbor-cache-watch.h"

#include "ns3/log.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NeighborCacheWatch");

void
NeighborCacheWatch::Expect(Ptr<NdiscCache> cache, uint64_t uid, Ipv6Address hint)
{
    Forget(uid);
    Followed& f = m_followed[PeekPointer(cache)];
    f.cache = cache;
    f.unverified.push_back(uid);
    f.hints[uid] = hint;
    m_where[uid] = PeekPointer(cache);
}

void
NeighborCacheWatch::Forget(uint64_t uid)
{
    auto where = m_where.find(uid);
    if (where == m_where.end())
    {
        return;
    }
    auto it = m_followed.find(where->second);
    m_where.erase(where);
    if (it == m_followed.end())
    {
        return;
    }
    auto erase = [uid](std::vector<uint64_t>& v) {
        v.erase(std::remove(v.begin(), v.end(), uid), v.end());
    };
    erase(it->second.unverified);
    it->second.hints.erase(uid);
    for (auto q = it->second.queued.begin(); q != it->second.queued.end();)
    {
        erase(q->second);
        q = q->second.empty() ? it->second.queued.erase(q) : std::next(q);
    }
    if (it->second.unverified.empty() && it->second.queued.empty())
    {
        m_followed.erase(it);
    }
}

Ipv6Address
NeighborCacheWatch::DestinationOf(Ptr<const Packet> packet)
{
    uint8_t b[40];
    return packet->CopyData(b, sizeof(b)) == sizeof(b) ? Ipv6Address::Deserialize(b + 24)
                                                       : Ipv6Address::GetAny();
}

bool
NeighborCacheWatch::IsFollowing(Ptr<NdiscCache> cache) const
{
    return m_followed.count(PeekPointer(cache)) > 0;
}

bool
NeighborCacheWatch::HasWaiting(Ptr<NdiscCache> cache) const
{
    auto it = m_followed.find(PeekPointer(cache));
    return it != m_followed.end() && !it->second.queued.empty();
}

bool
NeighborCacheWatch::IsFollowed(uint64_t uid) const
{
    return m_where.count(uid) > 0;
}

bool
NeighborCacheWatch::IsEmpty() const
{
    return m_where.empty();
}

std::vector<Ptr<NdiscCache>>
NeighborCacheWatch::GetCaches() const
{
    std::vector<Ptr<NdiscCache>> caches;
    for (const auto& [raw, f] : m_followed)
    {
        caches.push_back(f.cache);
    }
    return caches;
}

NeighborCacheWatch::Snapshot
NeighborCacheWatch::Read(Ptr<NdiscCache> cache)
{
    // ns-3.37 offers no way to list a cache's entries but its printout, and no read access
    // to an entry's waiting packets but MarkReachable(mac), which returns a copy of them;
    // called with the entry's own address and the state put back, it changes nothing.
    std::ostringstream text;
    cache->PrintNdiscCache(Create<OutputStreamWrapper>(&text));
    std::istringstream lines(text.str());
    Snapshot snapshot;
    for (std::string line; std::getline(lines, line);)
    {
        ReadEntry(cache, Ipv6Address(line.substr(0, line.find(' ')).c_str()), snapshot);
    }
    return snapshot;
}

void
NeighborCacheWatch::ReadEntry(Ptr<NdiscCache> cache, Ipv6Address neighbor, Snapshot& snapshot)
{
    NdiscCache::Entry* entry = cache->Lookup(neighbor);
    if (!entry || !(entry->IsIncomplete() || entry->IsProbe()))
    {
        return; // only these two states queue packets
    }
    std::list<NdiscCache::Ipv6PayloadHeaderPair> waiting = compat::WaitingPackets(entry);
    auto& [uids, size] = snapshot[neighbor];
    size = waiting.size();
    for (const auto& [packet, header] : waiting)
    {
        if (packet)
        {
            uids.insert(packet->GetUid());
        }
    }
}

NeighborCacheWatch::Snapshot
NeighborCacheWatch::ReadFollowed(const Followed& f)
{
    // Printing a whole cache costs as much as the neighbours on the link (an access router
    // has every mobile node there); the followed packets wait for a few of them only.
    Snapshot snapshot;
    for (const auto& [neighbor, uids] : f.queued)
    {
        ReadEntry(f.cache, neighbor, snapshot);
    }
    for (uint64_t uid : f.unverified)
    {
        auto hint = f.hints.find(uid);
        if (hint == f.hints.end() || hint->second.IsAny())
        {
            return Read(f.cache);
        }
        ReadEntry(f.cache, hint->second, snapshot);
        auto at = snapshot.find(hint->second);
        if (at == snapshot.end() || !at->second.first.count(uid))
        {
            return Read(f.cache); // not there (e.g. it waits for a gateway): look everywhere
        }
    }
    return snapshot;
}

std::vector<NeighborCacheWatch::Discarded>
NeighborCacheWatch::Check(Ptr<NdiscCache> cache, bool flushed)
{
    std::vector<Discarded> gone;
    auto it = m_followed.find(PeekPointer(cache));
    if (it == m_followed.end())
    {
        return gone;
    }
    Followed& f = it->second;
    Snapshot now = ReadFollowed(f);
    // A packet not found where it was queued left without the device taking it.
    auto lost = [&](uint64_t uid, bool full) {
        gone.emplace_back(uid, flushed ? FLUSHED : full ? OVERFLOW : UNRESOLVED);
    };
    for (uint64_t uid : f.unverified)
    {
        auto at = std::find_if(now.begin(), now.end(), [uid](const auto& n) {
            return n.second.first.count(uid) > 0;
        });
        if (at != now.end())
        {
            f.queued[at->first].push_back(uid);
        }
        else
        {
            // Checked before the next packet could push it out: its entry failed.
            lost(uid, false);
        }
    }
    f.unverified.clear();
    f.hints.clear();
    for (auto q = f.queued.begin(); q != f.queued.end();)
    {
        auto entry = now.find(q->first);
        bool full = entry != now.end() && entry->second.second >= cache->GetUnresQlen();
        std::vector<uint64_t> kept;
        for (uint64_t uid : q->second)
        {
            if (entry != now.end() && entry->second.first.count(uid))
            {
                kept.push_back(uid);
            }
            else
            {
                lost(uid, full);
            }
        }
        q->second = std::move(kept);
        q = q->second.empty() ? f.queued.erase(q) : std::next(q);
    }
    for (const auto& [uid, verdict] : gone)
    {
        m_where.erase(uid);
    }
    if (f.queued.empty())
    {
        m_followed.erase(it);
    }
    NS_LOG_LOGIC(gone.size() << " packets discarded by a neighbour cache");
    return gone;
}

} // namespace ns3
