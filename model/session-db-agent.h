/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SESSION_DB_AGENT_H
#define DMM_SESSION_DB_AGENT_H

#include "ns3/dmm-agent.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class Ipv6Header;
class Ipv6Interface;
class MobilityL4Protocol;
class Packet;
class SessionUpdate;

/**
 * \ingroup dmm
 * \brief The central mobility-session database of Dynamic Mobility Anchoring (seed 003
 *        §4.1): for every mobile node, its prefixes and the MAR anchoring each.
 *
 * H-MARs record sessions with Session Update messages; a V-MAR asks with a Session
 * Query and gets a Session Reply listing the node's sessions (DmmSessionHeader).
 */
class SessionDbAgent : public DmmAgent
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t queries{0};  //!< queries answered
        uint64_t updates{0};  //!< sessions recorded
        uint64_t removals{0}; //!< sessions removed
        uint64_t invalid{0};  //!< drops: no MN identifier, or an unexpected subtype
        uint64_t refused{0};  //!< drops: SESSION_LIMIT (a node's sessions at MaxSessions)
    };

    /// A mobility session: a prefix and the MAR anchoring it.
    typedef std::pair<HomeNetworkPrefix, Ipv6Address> Session;

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    SessionDbAgent();
    ~SessionDbAgent() override;

    /// \param address the database's address (the source of its replies)
    void SetAddress(Ipv6Address address);
    /// \param mnId a mobile node \return its sessions, oldest first
    std::vector<Session> GetSessions(const std::string& mnId) const;
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

  private:
    void Handle(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Process(Ptr<Packet> p, Ipv6Address from);
    void Update(const SessionUpdate& update);

    /// A session and the interface it is on (empty: the node's only one).
    struct Stored
    {
        Session session;                  //!< prefix and anchor
        std::vector<uint8_t> linkLayerId; //!< MN link-layer identifier (RFC 5213 §8.6)
    };

    Ipv6Address m_address;                                 //!< own address
    std::map<std::string, std::vector<Stored>> m_sessions; //!< by MN identifier
    Stats m_stats;                                         //!< counters
    uint32_t m_maxSessions{32};                            //!< attribute MaxSessions
};

} // namespace ns3

#endif // DMM_SESSION_DB_AGENT_H
