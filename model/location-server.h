/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_SERVER_H
#define DMM_LOCATION_SERVER_H

#include "ns3/dmm-agent.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-header.h"
#include "ns3/location-management.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <vector>

namespace ns3
{

class LmRelay;
class LocationMessage;

/**
 * \ingroup dmm
 * \brief One server of the distributed location database of the fully distributed
 *        scenario (000 §5.2, Fig 9): the LM function of one network.
 *
 * The database is partitioned by prefix: the server of the network whose routers
 * allocated a home address is its home server. Mobile nodes register with Binding
 * Updates (RFC 6275 wire format, HAO and Alternate Care-of Address):
 * - a local registration (M flag) or a home registration of an address of this
 *   partition binds the home address to the care-of address: this network tracks the node;
 * - a home registration naming the visited network's server (Anchor option, subtype 2,
 *   DmmSessionHeader::SetVisitedServer) points the address to that network. The home
 *   server is not told about moves inside the visited network: the location is
 *   hierarchical, as HMIPv6 (RFC 5380) but for location management only.
 * Home registrations of addresses outside the partition are refused (NOT_HOME_SUBNET).
 *
 * In the network-based variant mobility routers register instead, with Location Register
 * messages (a pair per address: the router, or the visited network's server; R removes;
 * no lifetime; a newer Timestamp option wins), acknowledged by Location Register Ack.
 *
 * Mobility routers ask with Location Queries (pull) and get a Location Reply: the care-of
 * address, a referral to the visited network's server (F), or no entry (R: the address
 * is at its own router). A query with the S flag (a router in push mode) subscribes the
 * asker: the server sends it a Location Notify whenever the answer changes.
 */
class LocationServer : public DmmAgent
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t registrations{0}; //!< Binding Updates processed
        uint64_t rejected{0};      //!< of which refused
        uint64_t queries{0};       //!< Location Queries answered
        uint64_t referrals{0};     //!< of which with a referral
        uint64_t unknown{0};       //!< of which with no entry
        uint64_t notifications{0}; //!< Location Notify messages sent (push)
        uint64_t invalid{0};       //!< drops: malformed or unexpected messages
    };

    /// TracedCallback signature for "Answer": a reply or notification sent.
    typedef void (*AnswerTracedCallback)(Ipv6Address to,
                                         Ipv6Address home,
                                         Ipv6Address locator,
                                         bool referral);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LocationServer();
    ~LocationServer() override;

    /**
     * \brief Assemble the server.
     * \param lm the binding cache (home-agent rules: ProxyRegistration false)
     * \param address the server's address
     * \param partition the prefixes whose home server this is
     * \param servers the addresses of all location servers (this one included): a binding
     *        to one of them is a referral
     */
    void Setup(Ptr<LocationManagement> lm,
               Ipv6Address address,
               const std::vector<HomeNetworkPrefix>& partition,
               const std::vector<Ipv6Address>& servers);
    /// \return the binding cache
    Ptr<LocationManagement> GetLocationManagement() const;
    /// \return the server's address
    Ipv6Address GetAddress() const;
    /// \param a an address \return true if \p a is in this server's partition
    bool IsHomeServerOf(Ipv6Address a) const;
    /// \return the counters
    const Stats& GetStats() const;
    /// \brief Relay queries about other LMs' prefixes (seed 002 §3.3); before the start.
    /// \param relay the LM-LM interface
    void SetRelay(Ptr<LmRelay> relay);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

  private:
    /// The answer about one home address.
    struct Answer
    {
        Ipv6Address locator; //!< care-of address or server; :: when unknown
        bool referral{false};
    };

    void HandleUpdate(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void HandleLocation(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void ProcessUpdate(Ptr<Packet> p, Ipv6Header header);
    void ProcessQuery(Ptr<Packet> p, Ipv6Address from);
    void ProcessRegister(Ptr<Packet> p, Ipv6Address from);
    Answer Lookup(Ipv6Address home) const;
    void Send(LocationMessage& msg, Ipv6Address to, Ipv6Address home, const Answer& answer);
    void BindingChanged(const BindingCacheEntry& entry, Ipv6Address previousCareOf);
    void BindingRemoved(const BindingCacheEntry& entry, LocationManagement::RemovalCause cause);
    void NotifySubscribers(Ipv6Address home, const Answer& answer);

    Ptr<LocationManagement> m_lm;                               //!< the database partition
    Ipv6Address m_address;                                      //!< own address
    std::vector<HomeNetworkPrefix> m_partition;                 //!< home partition
    std::set<Ipv6Address> m_servers;                            //!< all servers
    std::map<Ipv6Address, std::set<Ipv6Address>> m_subscribers; //!< push: home -> MRs

    /// A location registered by a mobility router (network-based).
    struct Registered
    {
        Ipv6Address locator; //!< the router, or a visited network's server
        uint64_t timestamp;  //!< the registration's Timestamp option
    };

    std::map<Ipv6Address, Registered> m_registered; //!< by home address
    Stats m_stats;                                  //!< counters
    Ptr<LmRelay> m_relay;                           //!< the LM-LM interface, if any
    TracedCallback<Ipv6Address, Ipv6Address, Ipv6Address, bool> m_answerTrace; //!< Answer
};

} // namespace ns3

#endif // DMM_LOCATION_SERVER_H
