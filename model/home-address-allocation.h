/*
 * dmm: IP mobility management for ns-3.
 *
 * The anchoring / home-address allocation logical function (draft-chan-dmm-framework §3).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_HOME_ADDRESS_ALLOCATION_H
#define DMM_HOME_ADDRESS_ALLOCATION_H

#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief An IPv6 prefix handed to a mobile node (home network prefix, or a home address as /128).
 *
 * A plain value type (aggregate). Comparisons use the stored address as is; use Canonical() or
 * Make() when the host bits might not be zero.
 */
struct HomeNetworkPrefix
{
    Ipv6Address prefix; //!< the prefix (host bits normally zero)
    uint8_t length{64}; //!< prefix length in bits, 0..128

    /**
     * \brief Build a prefix with its host bits cleared.
     * \param address any address inside the prefix
     * \param length prefix length (values above 128 are clamped to 128)
     * \return the canonical prefix
     */
    static HomeNetworkPrefix Make(Ipv6Address address, uint8_t length);

    /// \return true if the first `length` bits of \p a equal those of the prefix
    bool Contains(Ipv6Address a) const;
    /// \return true if \p other lies entirely inside this prefix
    bool Contains(const HomeNetworkPrefix& other) const;
    /// \return the same prefix with its host bits cleared
    HomeNetworkPrefix Canonical() const;
    /// \return the length as an ns-3 Ipv6Prefix (mask)
    Ipv6Prefix GetIpv6Prefix() const;
    /// \return e.g. "2001:1:0:3::/64"
    std::string ToString() const;

    /// \return true if address and length are equal
    bool operator==(const HomeNetworkPrefix& other) const;
    /// \return true unless equal
    bool operator!=(const HomeNetworkPrefix& other) const;
    /// \brief Strict weak order: by address bytes, then by length.
    bool operator<(const HomeNetworkPrefix& other) const;
};

/// \brief Prints the prefix as ToString() does.
std::ostream& operator<<(std::ostream& os, const HomeNetworkPrefix& p);

/**
 * \ingroup dmm
 * \brief The anchoring / home-address allocation logical function (framework draft §3, item 1).
 *
 * It owns an address space, allocates a home network prefix (or home address) to each mobile node
 * that registers, and knows which addresses it anchors. Modes are subclasses chosen by TypeId name,
 * e.g. PrefixPoolAllocation.
 */
class HomeAddressAllocation : public Object
{
  public:
    /// \brief Named counters; "exhausted" counts refused allocations.
    struct Stats
    {
        uint64_t allocated{0}; //!< new allocations (a repeated Allocate of the same MN is not one)
        uint64_t released{0};  //!< successful releases
        uint64_t exhausted{0}; //!< allocations refused because the space was used up
        uint64_t invalidRequests{0}; //!< requests refused for bad input (empty MN identifier)
    };

    /// TracedCallback signature for "Allocated" and "Released".
    typedef void (*PrefixTracedCallback)(const std::string& mnId, const HomeNetworkPrefix& prefix);
    /// TracedCallback signature for "Exhausted".
    typedef void (*ExhaustedTracedCallback)(const std::string& mnId);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    HomeAddressAllocation();
    ~HomeAddressAllocation() override;

    /**
     * \brief Return the prefix already allocated to \p mnId, else allocate one.
     * \param mnId mobile node identifier (must not be empty)
     * \return the prefix; std::nullopt when the space is exhausted (counted, logged, traced) or
     *         mnId is empty (counted as invalid)
     */
    virtual std::optional<HomeNetworkPrefix> Allocate(const std::string& mnId) = 0;
    /**
     * \param mnId mobile node identifier
     * \return the prefix allocated to \p mnId, if any; never allocates
     */
    virtual std::optional<HomeNetworkPrefix> Lookup(const std::string& mnId) const = 0;
    /**
     * \brief Give back the prefix of \p mnId so that it can be reused.
     * \param mnId mobile node identifier
     * \return false if nothing was allocated to \p mnId
     */
    virtual bool Release(const std::string& mnId) = 0;
    /**
     * \param prefix a prefix
     * \return the identifier \p prefix is allocated to, if any (the default knows none)
     */
    virtual std::optional<std::string> LookupOwner(const HomeNetworkPrefix& prefix) const;
    /**
     * \param a an address
     * \return true if \p a lies inside the space this function allocates from
     */
    virtual bool IsAnchored(Ipv6Address a) const = 0;
    /// \return the whole allocation space as one prefix, for routing towards the anchor
    virtual HomeNetworkPrefix GetAggregate() const = 0;
    /**
     * \brief Check the configuration (attributes) for consistency.
     * \return an empty string when usable, else a message naming the problem
     */
    virtual std::string CheckConfiguration() const;

    /// \return the counters
    const Stats& GetStats() const;

  protected:
    /// \brief Count and trace a new allocation. \param mnId MN \param p its prefix
    void NotifyAllocated(const std::string& mnId, const HomeNetworkPrefix& p);
    /// \brief Count and trace a release. \param mnId MN \param p its former prefix
    void NotifyReleased(const std::string& mnId, const HomeNetworkPrefix& p);
    /// \brief Count, log and trace a refusal for exhaustion. \param mnId MN
    void NotifyExhausted(const std::string& mnId);
    /// \brief Count a request refused for bad input. \param why reason for the log
    void NotifyInvalid(const std::string& why);

  private:
    Stats m_stats;
    TracedCallback<const std::string&, const HomeNetworkPrefix&> m_allocatedTrace;
    TracedCallback<const std::string&, const HomeNetworkPrefix&> m_releasedTrace;
    TracedCallback<const std::string&> m_exhaustedTrace;
};

} // namespace ns3

#endif /* DMM_HOME_ADDRESS_ALLOCATION_H */
