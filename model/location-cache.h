/*
 * dmm: IP mobility management for ns-3.
 *
 * A mobility-routing-side cache of locators with time-outs (draft-chan-dmm-framework §3;
 * the O-LMA location cache of draft-chan-netext-distributed-lma).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_LOCATION_CACHE_H
#define DMM_LOCATION_CACHE_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Prefix -> locator cache whose entries live Timeout after their last Insert().
 *
 * An entry inserted at t answers lookups while now < t + Timeout and is dead from t + Timeout on.
 * Expiry is lazy (no events): Lookup() erases the dead entries it meets, Purge() all of them.
 * A Timeout of zero disables expiry.
 */
class LocationCache : public Object
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t hits{0};     //!< lookups answered by a live entry
        uint64_t misses{0};   //!< lookups with no live match (hits + misses = lookups)
        uint64_t expired{0};  //!< entries erased because their time-out passed
        uint64_t inserted{0}; //!< Insert() calls (new entries and refreshes)
    };

    /// TracedCallback signature for "EntryExpired".
    typedef void (*EntryTracedCallback)(const HomeNetworkPrefix& key, Ipv6Address locator);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocationCache();
    ~LocationCache() override;

    /**
     * \brief Map \p key to \p locator and (re)start its time-out.
     * \param key the prefix (host bits are ignored)
     * \param locator where packets for the prefix go
     */
    void Insert(const HomeNetworkPrefix& key, Ipv6Address locator);
    /**
     * \brief Longest-prefix match among the live entries.
     * \param address a destination address
     * \return the locator; std::nullopt on a miss. A dead entry met on the way is erased and
     *         counted as expired, never as a hit.
     */
    std::optional<Ipv6Address> Lookup(Ipv6Address address);
    /// \param key prefix \return true if an entry (live or not yet purged) was removed
    bool Remove(const HomeNetworkPrefix& key);
    /// \brief Remove every entry (not counted as expired).
    void Flush();
    /// \brief Erase every dead entry. \return how many were erased
    std::size_t Purge();
    /// \return the number of live entries
    std::size_t GetSize() const;
    /// \return the counters
    const Stats& GetStats() const;

  private:
    /// A cached locator and the end of its life.
    struct Entry
    {
        Ipv6Address locator;
        Time expiresAt;
    };

    /// \return true if \p e is dead now \param e entry
    bool IsDead(const Entry& e) const;
    /// \brief Erase, unindex, count and trace a dead entry. \param it the entry
    void EraseExpired(std::map<HomeNetworkPrefix, Entry>::iterator it);
    /// \brief Erase and unindex. \param it the entry
    void Erase(std::map<HomeNetworkPrefix, Entry>::iterator it);

    Time m_timeout;                                          //!< attribute Timeout
    std::map<HomeNetworkPrefix, Entry> m_entries;            //!< by canonical prefix
    std::map<uint8_t, uint32_t, std::greater<>> m_lengthUse; //!< lengths in use, longest first
    std::size_t m_purgeAt{64}; //!< size at which Insert purges dead entries
    Stats m_stats;
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address> m_expiredTrace;
};

} // namespace ns3

#endif /* DMM_LOCATION_CACHE_H */
