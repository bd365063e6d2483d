/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_REPLICATED_BINDING_CACHE_H
#define DMM_REPLICATED_BINDING_CACHE_H

#include "ns3/binding-cache.h"

#include <set>
#include <string>
#include <vector>

namespace ns3
{

class Ipv6Header;
class Ipv6Interface;
class MobilityL4Protocol;
class Packet;

/**
 * \ingroup dmm
 * \brief The replicated location management mode of migrating home agents (000 §4.5, LM0):
 *        a binding cache that sends every binding change its anchor originates to every
 *        other anchor (LM Sync, DmmSessionHeader subtype 4), which applies it to its own
 *        replica.
 *
 * A change applied from a peer is not sent on; a binding a peer originated is not
 * announced when it ends here either, so one change costs exactly one message per peer.
 */
class ReplicatedBindingCache : public BindingCache
{
  public:
    /// \brief Named counters.
    struct ReplicationStats
    {
        uint64_t sent{0};     //!< LM Sync messages sent
        uint64_t applied{0};  //!< peer changes applied
        uint64_t rejected{0}; //!< peer changes the local cache refused (e.g. stale)
        uint64_t invalid{0};  //!< drops: not a sync, or without MN identifier or binding
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    ReplicatedBindingCache();
    ~ReplicatedBindingCache() override;

    /**
     * \brief Join the replication group.
     * \param mh the node's Mobility Header protocol
     * \param self this anchor's address
     * \param peers the other anchors
     */
    void Replicate(Ptr<MobilityL4Protocol> mh,
                   Ipv6Address self,
                   const std::vector<Ipv6Address>& peers);

    /// \return the replication counters
    const ReplicationStats& GetReplicationStats() const;

  protected:
    void DoDispose() override;

  private:
    void Updated(const BindingCacheEntry& entry, Ipv6Address previousCareOf);
    void Removed(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause);
    void Announce(const BindingCacheEntry& entry, bool remove);
    void Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);

    Ptr<MobilityL4Protocol> m_mh;     //!< signalling
    Ipv6Address m_self;               //!< this anchor
    std::vector<Ipv6Address> m_peers; //!< the other anchors
    std::set<std::string> m_remote;   //!< nodes whose binding a peer originated
    bool m_applying{false};           //!< applying a peer's change now
    ReplicationStats m_replication;   //!< counters
};

} // namespace ns3

#endif // DMM_REPLICATED_BINDING_CACHE_H
