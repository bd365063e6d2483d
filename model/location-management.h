/*
 * dmm: IP mobility management for ns-3.
 *
 * The location management logical function (draft-chan-dmm-framework §3) and the value types
 * its modes share: binding requests, binding cache entries, binding status codes.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_LOCATION_MANAGEMENT_H
#define DMM_LOCATION_MANAGEMENT_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Binding Acknowledgement status (IANA "Status Codes" of the Mobile IPv6 parameters).
 *
 * Values below 128 accept the binding, 128 and above reject it (RFC 6275 §6.1.8).
 * 0..139 are from RFC 6275 §6.1.8, 152..162 from RFC 5213 §8.9.
 */
enum class BindingStatus : uint8_t
{
    ACCEPTED = 0,                              //!< Binding Update accepted
    ACCEPTED_PREFIX_DISCOVERY_NECESSARY = 1,   //!< accepted, but prefix discovery necessary
    REASON_UNSPECIFIED = 128,                  //!< reason unspecified
    ADMINISTRATIVELY_PROHIBITED = 129,         //!< administratively prohibited
    INSUFFICIENT_RESOURCES = 130,              //!< insufficient resources
    HOME_REGISTRATION_NOT_SUPPORTED = 131,     //!< home registration not supported
    NOT_HOME_SUBNET = 132,                     //!< not home subnet
    NOT_HOME_AGENT_FOR_THIS_MN = 133,          //!< not home agent for this mobile node
    DUPLICATE_ADDRESS_DETECTION_FAILED = 134,  //!< DAD failed
    SEQUENCE_OUT_OF_WINDOW = 135,              //!< sequence number out of window
    EXPIRED_HOME_NONCE_INDEX = 136,            //!< expired home nonce index
    EXPIRED_CARE_OF_NONCE_INDEX = 137,         //!< expired care-of nonce index
    EXPIRED_NONCES = 138,                      //!< expired nonces
    REGISTRATION_TYPE_CHANGE_DISALLOWED = 139, //!< registration type change disallowed
    PROXY_REG_NOT_ENABLED = 152,               //!< proxy registration not enabled for the MN
    NOT_LMA_FOR_THIS_MN = 153,                 //!< NOT_LMA_FOR_THIS_MOBILE_NODE
    MAG_NOT_AUTHORIZED_FOR_PROXY_REG = 154,    //!< the MAG may not send proxy registrations
    NOT_AUTHORIZED_FOR_HNP = 155,              //!< NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX
    TIMESTAMP_MISMATCH = 156,                  //!< timestamp outside the validity window
    TIMESTAMP_LOWER_THAN_PREV = 157,           //!< TIMESTAMP_LOWER_THAN_PREV_ACCEPTED
    MISSING_HNP_OPTION = 158,                  //!< MISSING_HOME_NETWORK_PREFIX_OPTION
    BCE_PBU_PREFIX_SET_MISMATCH = 159,         //!< BCE_PBU_PREFIX_SET_DO_NOT_MATCH
    MISSING_MN_ID_OPTION = 160,                //!< MISSING_MN_IDENTIFIER_OPTION
    MISSING_HI_OPTION = 161,                   //!< MISSING_HANDOFF_INDICATOR_OPTION
    MISSING_ATT_OPTION = 162,                  //!< MISSING_ACCESS_TECH_TYPE_OPTION
};

/// \return true for the accepting codes (< 128, RFC 6275 §6.1.8)
bool IsBindingAccepted(BindingStatus status);
/// \return the RFC name of \p status, e.g. "TIMESTAMP_MISMATCH", or "STATUS_<n>" if unknown
std::string BindingStatusName(BindingStatus status);
/// \brief Prints BindingStatusName() and the numeric value.
std::ostream& operator<<(std::ostream& os, BindingStatus status);

/**
 * \brief RFC 6275 §9.5.1 ordering of 16-bit sequence numbers (modulo 2^16).
 * \param candidate the received sequence number
 * \param last the last accepted one
 * \return true iff (candidate - last) mod 2^16 lies in (0, 2^15): 65535 -> 0 is newer,
 *         0 -> 40000 is older, equal is not newer
 */
bool IsSequenceNewer(uint16_t candidate, uint16_t last);

/**
 * \brief Encode a simulation time as the RFC 5213 §8.8 Timestamp option value: 48 bits of
 *        seconds and 16 bits of 1/65536 second. The epoch is simulation time zero, which every
 *        node shares (the RFC's synchronised clocks).
 * \param t a non-negative time (negative times encode as 0)
 * \return the 64-bit timestamp
 */
uint64_t TimeToPmipTimestamp(Time t);
/**
 * \brief Inverse of TimeToPmipTimestamp (to 1/65536 s resolution).
 * \param timestamp a Timestamp option value
 * \return the time it denotes
 */
Time PmipTimestampToTime(uint64_t timestamp);

/**
 * \ingroup dmm
 * \brief One location update as the LM function sees it (a BU or PBU, decoded).
 *
 * For proxy registrations (RFC 5213) the access side must fill handoffIndicator and
 * accessTechnology (0 is the RFC's "reserved" value and is rejected as a missing option),
 * and a timestamp when the LM uses timestamps. The agent resolves ALL_ZERO home network prefix
 * requests through the HomeAddressAllocation before calling the LM: prefixes is never empty.
 */
struct BindingRequest
{
    std::string mnId;                        //!< MN identifier (MN-ID option); empty = missing
    std::vector<HomeNetworkPrefix> prefixes; //!< HNPs (PMIPv6) or the HoA as a /128 (MIPv6)
    Ipv6Address careOf;                      //!< proxy-CoA (PMIPv6) or CoA (MIPv6)
    Time lifetime;                           //!< requested lifetime; zero = de-registration
    uint16_t sequence{0};                    //!< sequence number of the message
    std::optional<uint64_t> timestamp;       //!< Timestamp option (RFC 5213 §8.8), if present
    uint8_t handoffIndicator{0};             //!< RFC 5213 §8.4 value; 0 = option missing
    uint8_t accessTechnology{0};             //!< RFC 5213 §8.5 value; 0 = option missing
    std::vector<uint8_t> linkLayerId;        //!< MN link-layer identifier, may be empty
};

/**
 * \ingroup dmm
 * \brief A binding: where a mobile node's prefixes are reachable now (RFC 5213 §5.1).
 */
struct BindingCacheEntry
{
    /// ACTIVE: traffic is forwarded. DEREGISTERING: de-registered, kept for
    /// MinDelayBeforeBCEDelete (RFC 5213 §5.3.5); traffic must be dropped, not forwarded.
    enum class State
    {
        ACTIVE,
        DEREGISTERING
    };

    std::string mnId;                        //!< MN identifier
    std::vector<HomeNetworkPrefix> prefixes; //!< the MN's prefixes, sorted
    Ipv6Address careOf;                      //!< current proxy-CoA / CoA
    Time lifetime;                           //!< granted lifetime (zero while DEREGISTERING)
    Time registeredAt;                       //!< time of the last accepted registration
    Time expiresAt; //!< when the entry will be removed (lifetime end, or the delayed delete)
    uint16_t lastSequence{0};              //!< sequence number of the last accepted update
    std::optional<uint64_t> lastTimestamp; //!< timestamp of the last accepted update
    uint8_t handoffIndicator{0};           //!< handoff indicator of the last accepted update
    uint8_t accessTechnology{0};           //!< access technology type
    std::vector<uint8_t> linkLayerId;      //!< MN link-layer identifier
    State state{State::ACTIVE};            //!< see State
};

/**
 * \ingroup dmm
 * \brief The answer to a BindingRequest (what the BA/PBA carries).
 */
struct BindingResult
{
    BindingStatus status{BindingStatus::REASON_UNSPECIFIED}; //!< BA status
    Time lifetime;        //!< granted lifetime (zero for de-registrations and rejections)
    uint16_t sequence{0}; //!< to echo: the request's, or the last accepted one when
                          //!< SEQUENCE_OUT_OF_WINDOW (RFC 6275 §9.5.1)
};

/**
 * \ingroup dmm
 * \brief The location management logical function: HoA/HNP -> locator bindings.
 *
 * Modes (local binding cache, hierarchical proxy, replicated, partitioned, session database)
 * are subclasses chosen by TypeId name. Pointers returned by Lookup functions stay valid only
 * until the next call that changes the LM or until simulation time advances.
 */
class LocationManagement : public Object
{
  public:
    /// Why an entry left the cache.
    enum RemovalCause
    {
        EXPIRED,     //!< its lifetime ran out
        DEREGISTERED //!< MinDelayBeforeBCEDelete passed after a de-registration
    };

    /// \brief Named counters.
    struct Stats
    {
        uint64_t accepted{0};     //!< accepted registrations that created or moved a binding
        uint64_t refreshed{0};    //!< accepted re-registrations from the current locator
        uint64_t rejected{0};     //!< rejected requests (all reasons; see rejectedByStatus)
        uint64_t expired{0};      //!< entries removed because their lifetime ran out
        uint64_t deregistered{0}; //!< entries removed after de-registration
        uint64_t deregistrationsAccepted{0}; //!< accepted de-registration requests
        uint64_t staleDeregistrations{0};    //!< de-registrations from a former locator, ignored
        uint64_t reactivated{0};             //!< registrations that revived a de-registering entry
        std::map<BindingStatus, uint64_t> rejectedByStatus; //!< rejections per status
    };

    /// TracedCallback signature for "BindingUpdated".
    typedef void (*BindingUpdatedTracedCallback)(const BindingCacheEntry& entry,
                                                 Ipv6Address previousCareOf);
    /// TracedCallback signature for "BindingRemoved".
    typedef void (*BindingRemovedTracedCallback)(const BindingCacheEntry& entry,
                                                 RemovalCause cause);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LocationManagement();
    ~LocationManagement() override;

    /**
     * \brief Process a registration, refresh, or de-registration (lifetime zero).
     * \param req the decoded update
     * \return the status, granted lifetime and sequence number to put in the acknowledgement
     */
    virtual BindingResult Update(const BindingRequest& req) = 0;
    /// \return the entry of \p mnId, or nullptr
    virtual const BindingCacheEntry* Lookup(const std::string& mnId) const = 0;
    /// \return the entry with the longest prefix containing \p a, or nullptr
    virtual const BindingCacheEntry* LookupByAddress(Ipv6Address a) const = 0;
    /// \return copies of all entries, ordered by MN identifier
    virtual std::vector<BindingCacheEntry> GetEntries() const = 0;

    /// \return the counters
    const Stats& GetStats() const;

  protected:
    /// \brief Count and trace a registration. \param e the entry \param previousCareOf or ::
    /// \param refresh true if the locator did not change and the entry was active
    void NotifyUpdated(const BindingCacheEntry& e, Ipv6Address previousCareOf, bool refresh);
    /// \brief Count and trace a removal. \param e the removed entry \param cause why
    void NotifyRemoved(const BindingCacheEntry& e, RemovalCause cause);
    /// \brief Count a rejection. \param status the reason
    void NotifyRejected(BindingStatus status);
    /// \brief Counters a mode may bump directly (de-registrations, reactivations).
    Stats& GetMutableStats();
    /// \brief Fire "BindingUpdated" without counting (state changes such as de-registration).
    /// \param e the entry \param previousCareOf the locator before
    void FireUpdated(const BindingCacheEntry& e, Ipv6Address previousCareOf);

  private:
    Stats m_stats;
    TracedCallback<const BindingCacheEntry&, Ipv6Address> m_updatedTrace;
    TracedCallback<const BindingCacheEntry&, RemovalCause> m_removedTrace;
};

} // namespace ns3

#endif /* DMM_LOCATION_MANAGEMENT_H */
