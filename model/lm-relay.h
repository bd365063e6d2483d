/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LM_RELAY_H
#define DMM_LM_RELAY_H

#include "ns3/event-id.h"
#include "ns3/home-address-allocation.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/prefix-table.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

class LocationQuery;

/**
 * \ingroup dmm
 * \brief The LM-LM interface of DMM with Mobile IP (seed 002 §3.3): several LMs share the
 *        domain's location database, each managing the prefixes of a partition; an LM
 *        asked about a prefix it does not manage relays the query to the LM that does and
 *        relays the answer back.
 *
 * A location server (ns3::LocationServer::SetRelay) hands the relay every Location Query
 * it holds no entry for, outside its own partition. The relay sends the query on, with a
 * sequence number of its own, to the LM the prefix map names (AddPeer), and returns the
 * answer, unchanged but for the asker's sequence number, to the asker. A referral (the
 * node is in a visited network) is returned as it is: the asker follows it. The S flag
 * (push) is not relayed: the peer would notify the relay, which keeps no subscriptions.
 */
class LmRelay : public Object
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t queriesRelayed{0}; //!< Location Queries sent on to a peer
        uint64_t answersRelayed{0}; //!< Location Replies returned to an asker
        uint64_t unexpected{0};     //!< drops: an answer to no relayed query, or from another LM
        uint64_t unanswered{0};     //!< relayed queries forgotten after AnswerTimeout
    };

    /// TracedCallback signature for "Relayed": a message about \p home relayed from \p from
    /// to \p to.
    typedef void (*RelayedTracedCallback)(Ipv6Address from, Ipv6Address to, Ipv6Address home);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LmRelay();
    ~LmRelay() override;

    /// \brief Assemble. \param mh the LM's mobility protocol \param address the LM's address
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address address);
    /// \brief The prefix map. \param prefix a prefix \param lm the LM that manages it
    void AddPeer(const HomeNetworkPrefix& prefix, Ipv6Address lm);
    /**
     * \brief Relay a query the LM cannot answer.
     * \param query the query \param asker its sender
     * \return false if no other LM manages the address (the LM answers itself)
     */
    bool RelayQuery(const LocationQuery& query, Ipv6Address asker);
    /// \brief A Location Reply to a relayed query. \param p it \param from its sender
    void RelayAnswer(Ptr<Packet> p, Ipv6Address from);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    /// A query sent on, waiting for its answer.
    struct Relayed
    {
        Ipv6Address asker; //!< the router that asked
        Ipv6Address peer;  //!< the LM asked in its place
        uint16_t sequence; //!< the asker's sequence number
        EventId expiry;    //!< AnswerTimeout
    };

    /// \brief Forget a relayed query nobody answered. \param sequence the relay's number
    void Expire(uint16_t sequence);

    Ptr<MobilityL4Protocol> m_mh;          //!< the LM's mobility protocol
    Ipv6Address m_address;                 //!< the LM's address
    PrefixTable<Ipv6Address> m_peers;      //!< prefix -> the LM that manages it
    std::map<uint16_t, Relayed> m_relayed; //!< by the relay's sequence number
    uint16_t m_sequence{0};                //!< last relay sequence number
    Time m_answerTimeout;                  //!< attribute AnswerTimeout
    Stats m_stats;                         //!< counters
    TracedCallback<Ipv6Address, Ipv6Address, Ipv6Address> m_relayedTrace; //!< Relayed
};

} // namespace ns3

#endif // DMM_LM_RELAY_H
