/*
 * dmm: IP mobility management for ns-3.
 *
 * Location management, local mode: the binding cache of an LMA (RFC 5213) or HA (RFC 6275).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_BINDING_CACHE_H
#define DMM_BINDING_CACHE_H

#include "ns3/event-id.h"
#include "ns3/location-management.h"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The binding cache of one anchor (LMA or HA): the local location-management mode.
 *
 * Processing follows RFC 5213 §5.3 (ProxyRegistration=true, the default) or RFC 6275 §10.3
 * (ProxyRegistration=false, a home agent):
 *
 * - checks, in the order of RFC 5213 §5.3.1: MN identifier, timestamp validity window,
 *   home network prefix, handoff indicator and access technology options, then the prefix set
 *   against the cache (§5.4.1.1), then the de-registration rules (§5.3.5), then ordering against
 *   the last accepted update: timestamps (§5.5.1) when UseTimestamps, otherwise sequence numbers
 *   (RFC 6275 §9.5.1; the PBA then echoes the last accepted sequence number so that a new MAG
 *   can resynchronise, RFC 5213 §5.5.2);
 * - one mobility session per MN identifier (no multihoming): a request whose prefix set differs
 *   from the entry's is refused with BCE_PBU_PREFIX_SET_MISMATCH, a request naming another MN's
 *   prefix with NOT_AUTHORIZED_FOR_HNP;
 * - the entry is removed at exactly registeredAt + granted lifetime unless refreshed;
 * - a de-registration from the current proxy-CoA keeps the entry DEREGISTERING for
 *   MinDelayBeforeBceDelete, and a registration arriving meanwhile (typically from the new MAG
 *   after a handover) revives it; a de-registration from any other proxy-CoA is answered
 *   ACCEPTED and changes nothing (§5.3.5). A home agent deletes at once (RFC 6275 §10.3.2).
 *
 * The cache knows nothing of HomeAddressAllocation: the agent checks that the prefixes are the
 * MN's before calling Update().
 */
class BindingCache : public LocationManagement
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BindingCache();
    ~BindingCache() override;

    BindingResult Update(const BindingRequest& req) override;
    const BindingCacheEntry* Lookup(const std::string& mnId) const override;
    const BindingCacheEntry* LookupByAddress(Ipv6Address a) const override;
    std::vector<BindingCacheEntry> GetEntries() const override;

    /**
     * \brief Until called again with std::nullopt, Update() checks the timestamp against
     *        the clock at \p receivedAt: RFC 5213 §5.5.1 validates it on receipt, and an
     *        agent may hold a PBU before processing it (seed 004 §4.3's Uniqueness Check).
     * \param receivedAt when the request being processed arrived
     */
    void SetReceivedAt(std::optional<Time> receivedAt);

    /// \return the number of entries (active and de-registering)
    std::size_t GetSize() const;

    /// \brief Same as the free function ns3::IsSequenceNewer (RFC 6275 §9.5.1).
    /// \param candidate received \param last last accepted \return true if newer
    static bool IsSequenceNewer(uint16_t candidate, uint16_t last);

  protected:
    void DoDispose() override;

  private:
    /// An entry and its pending timer (expiry, or delayed delete while DEREGISTERING).
    struct Record
    {
        BindingCacheEntry entry;
        EventId timer;
    };

    /// \brief Count a rejection and build the answer. \param status reason \param seq to echo
    /// \return the result
    BindingResult Reject(BindingStatus status, uint16_t seq);
    /// \brief RFC 5213 §5.5.1 / RFC 6275 §9.5.1 ordering against the entry.
    /// \param rec existing record \param req request \return a rejection, if out of order
    std::optional<BindingResult> CheckOrdering(const Record& rec, const BindingRequest& req);
    /// \brief Create or update a binding. \param req request \param prefixes canonical set
    /// \return the result
    BindingResult Register(const BindingRequest& req,
                           const std::vector<HomeNetworkPrefix>& prefixes);
    /// \brief Accept a de-registration from the current locator. \param rec record \param req
    /// request \return the result
    BindingResult Deregister(Record& rec, const BindingRequest& req);
    /// \brief Timer: lifetime ran out. \param mnId MN
    void Expire(std::string mnId);
    /// \brief Timer: MinDelayBeforeBceDelete ran out. \param mnId MN
    void DeleteDeregistered(std::string mnId);
    /// \brief Remove an entry, unindex it, count and trace. \param mnId MN \param cause why
    void RemoveEntry(const std::string& mnId, RemovalCause cause);

    Time m_minDelayBeforeBceDelete;   //!< RFC 5213 §9 MinDelayBeforeBCEDelete
    Time m_maxLifetime;               //!< cap on granted lifetimes; zero = no cap
    bool m_useTimestamps;             //!< RFC 5213 §9 TimestampBasedApproachInUse
    Time m_timestampValidityWindow;   //!< RFC 5213 §9 TimestampValidityWindow
    bool m_proxyRegistration;         //!< RFC 5213 (true) or RFC 6275 home agent (false)
    std::optional<Time> m_receivedAt; //!< receipt of a held request (SetReceivedAt)

    std::map<std::string, Record> m_entries;                //!< by MN identifier
    std::map<HomeNetworkPrefix, std::string> m_prefixOwner; //!< prefix -> MN identifier
    std::map<uint8_t, uint32_t, std::greater<>>
        m_lengthUse; //!< prefix lengths in use, longest first
};

} // namespace ns3

#endif /* DMM_BINDING_CACHE_H */
