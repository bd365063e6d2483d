/*
 * dmm: IP mobility management for ns-3.
 *
 * Home-address allocation mode: per-MN prefixes carved out of one pool prefix.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_PREFIX_POOL_ALLOCATION_H
#define DMM_PREFIX_POOL_ALLOCATION_H

#include "ns3/home-address-allocation.h"
#include "ns3/nstime.h"

#include <deque>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Allocates /AllocatedPrefixLength prefixes from the /PoolPrefixLength pool PoolPrefix.
 *
 * Prefix number i is the pool prefix with i written into the bits between the two lengths.
 * The order is deterministic: the lowest free index first, so released prefixes are reused
 * lowest-first before the pool grows. Capacity is 2^(AllocatedPrefixLength - PoolPrefixLength),
 * capped by MaxPrefixes when non-zero. Set the attributes before the first Allocate().
 */
class PrefixPoolAllocation : public HomeAddressAllocation
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PrefixPoolAllocation();
    ~PrefixPoolAllocation() override;

    std::optional<HomeNetworkPrefix> Allocate(const std::string& mnId) override;
    std::optional<HomeNetworkPrefix> Lookup(const std::string& mnId) const override;
    bool Release(const std::string& mnId) override;
    std::optional<std::string> LookupOwner(const HomeNetworkPrefix& prefix) const override;
    bool IsAnchored(Ipv6Address a) const override;
    HomeNetworkPrefix GetAggregate() const override;
    std::string CheckConfiguration() const override;

    /// \return how many prefixes can be allocated at once (0 if the configuration is invalid)
    uint64_t GetCapacity() const;
    /// \return how many prefixes are allocated now
    uint64_t GetAllocatedCount() const;
    /// \return the current allocations, ordered by MN identifier
    std::vector<std::pair<std::string, HomeNetworkPrefix>> GetAllocations() const;
    /**
     * \brief The prefix with a given index, whether allocated or not.
     * \param index 0 .. GetCapacity() - 1
     * \return the prefix; std::nullopt when \p index is out of range
     */
    std::optional<HomeNetworkPrefix> GetPrefixAt(uint64_t index) const;
    /// \param prefix a prefix \return its index in the pool, if it is one of the pool's
    std::optional<uint64_t> IndexOf(const HomeNetworkPrefix& prefix) const;

  private:
    /// \param index a released index: free for the next allocation
    void Free(uint64_t index);
    /// \brief Free the released indices whose ReuseDelay has passed.
    void Reclaim();

    Ipv6Address m_poolPrefix;                        //!< the pool (attribute PoolPrefix)
    uint8_t m_poolPrefixLength;                      //!< attribute PoolPrefixLength
    uint8_t m_allocatedLength;                       //!< attribute AllocatedPrefixLength
    uint32_t m_maxPrefixes;                          //!< attribute MaxPrefixes, 0 = no cap
    uint64_t m_nextIndex{0};                         //!< lowest index never handed out
    std::set<uint64_t> m_freed;                      //!< released indices below m_nextIndex
    std::map<std::string, uint64_t> m_byMn;          //!< MN identifier -> index
    std::map<uint64_t, std::string> m_owner;         //!< index -> MN identifier
    Time m_reuseDelay;                               //!< attribute ReuseDelay
    std::deque<std::pair<Time, uint64_t>> m_cooling; //!< released: (reusable from, index)
};

} // namespace ns3

#endif /* DMM_PREFIX_POOL_ALLOCATION_H */
