/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_NEIGHBOR_CACHE_WATCH_H
#define DMM_NEIGHBOR_CACHE_WATCH_H

#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/ndisc-cache.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Follows packets that wait in ns-3's neighbour caches for address resolution and
 * tells which ones a cache discarded, and why.
 *
 * ns-3.37's NdiscCache discards waiting packets without any trace: the oldest one when
 * more than UnresolvedQueueSize wait for one neighbour, all of them when resolution
 * fails (no answer to MaxMulticastSolicit solicitations, or to the unicast probes of an
 * entry in PROBE) and when the cache is flushed at a link change. This class compares
 * what it was told went into a cache with what the cache still holds: a packet that
 * left without the device taking it (the caller calls Forget when it does) was
 * discarded. A neighbour whose queue is full lost its oldest packets to overflow; any
 * other disappearance is a failed resolution (or a flush, when the caller says so).
 *
 * The caller checks a cache before each packet is handed to it (so that at most one
 * packet was queued since the last check) and right after, while packets it follows
 * wait there; the verdicts are then exact.
 */
class NeighborCacheWatch
{
  public:
    /// \brief What became of a followed packet that is no longer in its cache.
    enum Verdict
    {
        OVERFLOW,   //!< pushed out of a full queue (UnresolvedQueueSize)
        UNRESOLVED, //!< discarded with its entry: address resolution failed
        FLUSHED,    //!< discarded when the cache was flushed (a link change)
    };

    /// A followed packet that the cache discarded: its uid and why.
    typedef std::pair<uint64_t, Verdict> Discarded;

    /**
     * \brief A packet was handed to the interface of \p cache: follow it until Forget.
     * \param cache the interface's neighbour cache \param uid the packet's uid
     * \param hint the neighbour it most likely waits for (its destination): a check then
     *        reads that entry only, not the whole cache
     */
    void Expect(Ptr<NdiscCache> cache, uint64_t uid, Ipv6Address hint = Ipv6Address::GetAny());
    /// \param packet an IPv6 packet \return its destination (a hint for Expect), or any
    static Ipv6Address DestinationOf(Ptr<const Packet> packet);
    /// \brief Stop following a packet (the device took it). \param uid the packet's uid
    void Forget(uint64_t uid);
    /// \param cache a cache \return true if a followed packet may be in it
    bool IsFollowing(Ptr<NdiscCache> cache) const;
    /// \param cache a cache \return true if a followed packet was seen waiting in it
    bool HasWaiting(Ptr<NdiscCache> cache) const;
    /// \param uid a packet \return true if it is followed (waiting in a cache, as far as known)
    bool IsFollowed(uint64_t uid) const;
    /// \return true if no packet is followed
    bool IsEmpty() const;
    /// \return the caches that may hold followed packets
    std::vector<Ptr<NdiscCache>> GetCaches() const;

    /**
     * \brief Compare the followed packets of \p cache with what it holds now; those gone
     *        are forgotten and returned.
     * \param cache the cache
     * \param flushed true when the cache has just been flushed (a link change)
     * \return the packets the cache discarded since the last check
     */
    std::vector<Discarded> Check(Ptr<NdiscCache> cache, bool flushed);

  private:
    /// Packets followed in one cache.
    struct Followed
    {
        Ptr<NdiscCache> cache;                               //!< keeps the cache alive
        std::vector<uint64_t> unverified;                    //!< handed, not yet seen waiting
        std::unordered_map<uint64_t, Ipv6Address> hints;     //!< unverified uid -> likely neighbour
        std::map<Ipv6Address, std::vector<uint64_t>> queued; //!< seen waiting, per neighbour
    };

    /// What a cache holds: per neighbour, the uids waiting and the queue length.
    typedef std::map<Ipv6Address, std::pair<std::set<uint64_t>, std::size_t>> Snapshot;

    /// \param cache a cache \return its waiting packets now
    static Snapshot Read(Ptr<NdiscCache> cache);
    /**
     * \param cache a cache \param neighbor a neighbour
     * \param snapshot gets the packets waiting for \p neighbor, if any
     */
    static void ReadEntry(Ptr<NdiscCache> cache, Ipv6Address neighbor, Snapshot& snapshot);
    /**
     * \param f the packets followed in a cache
     * \return what the cache holds for the neighbours of \p f; all of it if an unverified
     *         packet is not where its hint says
     */
    static Snapshot ReadFollowed(const Followed& f);

    std::map<NdiscCache*, Followed> m_followed;        //!< by cache
    std::unordered_map<uint64_t, NdiscCache*> m_where; //!< uid -> cache
};

} // namespace ns3

#endif // DMM_NEIGHBOR_CACHE_WATCH_H
