/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMM_MIP_MR_AGENT_H
#define DMM_DMM_MIP_MR_AGENT_H

#include "ns3/mr-agent.h"
#include "ns3/security-context-option.h"

#include <map>

namespace ns3
{

class HoaReply;

/**
 * \ingroup dmm
 * \brief The access side of a mobility router in DMM with Mobile IP (seed 002): the fully
 *        distributed router's (MrAgent) with the HAA-MR interface of §3.3 a and §4.1.
 *
 * At a node's first attachment (no previous router) the router asks its local network's
 * HAA for the node's home address (HoaRequest, proposing the address the node
 * autoconfigures on the link) before it advertises: a stateless HAA authorises that
 * address, a stateful one assigns a prefix from this router's pool, which the router then
 * advertises to the node alone and routes on its access link. This network becomes the
 * node's home local network. Updating the location management at the first attachment is
 * optional (§4.1: the address is anchored here and routed natively; attribute
 * UpdateLmOnAttach, default off). A refused or unanswered request leaves the node without
 * DMM service (no advertisement).
 *
 * A node arriving from another router keeps its home address and gets no new one here
 * unless NewHomeAddress is set (§4.2: a new HoA anchored at the new router is a
 * configuration choice): the advertisement then only names the router (A flag clear).
 *
 * Handover with an active session (§4.4 Fig 5): the context transfer carries the node's
 * security context (a placeholder option, SecurityContext), made at the first attachment
 * and handed on from router to router. Once the location servers acknowledged the new
 * location, the handover is finished and the new router sends the previous one a Handover
 * Complete (attribute HandoverComplete), on which the previous router deletes the
 * temporary mobility context of the transfer (its forwarding towards the new router and
 * the security context); ForwardingTime bounds it when no such message comes.
 *
 * Dynamic mobility (§4.2): the new router learns the node's HoA status from the context
 * transfer (HoaStatus Context), or, with HoaStatus HomeHaa, asks the HAA of each home
 * network the context names (AddHomeHaa) for the node's assignment (a HoA Request with no
 * proposal) before it updates the LMs: addresses that HAA does not confirm are neither
 * registered nor delivered; without an answer within HaaTimeout the context stands.
 */
class DmmMipMrAgent : public MrAgent
{
  public:
    /// Where a router arriving node's HoA status comes from (seed 002 §4.2).
    enum HoaStatus
    {
        CONTEXT,  //!< the previous router's context transfer
        HOME_HAA, //!< the HAA of the node's home local network, asked over the HAA-MR interface
    };

    /// \brief Named counters.
    struct HaaStats
    {
        uint64_t requests{0};    //!< HoA Requests sent
        uint64_t assigned{0};    //!< HoA Replies that assigned an address or prefix
        uint64_t refused{0};     //!< drops: REFUSED (the HAA refused the node)
        uint64_t timeouts{0};    //!< drops: HAA_TIMEOUT (no reply within HaaTimeout)
        uint64_t late{0};        //!< drops: LATE (a reply for no pending request)
        uint64_t completions{0}; //!< Handover Completes sent (as the new router)
        uint64_t released{0};    //!< temporary contexts deleted on one (as the previous router)
        uint64_t unknownCompletion{0}; //!< drops: UNKNOWN_NODE (a completion for no departed node)
        uint64_t statusQueries{0};     //!< HoA status requests sent to a home HAA (§4.2)
        uint64_t statusConfirmed{0};   //!< answers that named the node's assignment
        uint64_t unconfirmed{0};    //!< drops: UNCONFIRMED (an address its home HAA did not name)
        uint64_t statusTimeouts{0}; //!< HAA_TIMEOUT on a status request (the context stands)
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DmmMipMrAgent();
    ~DmmMipMrAgent() override;

    /// \param haa the address of this local network's HAA
    void SetHaa(Ipv6Address haa);
    /// \brief Where to ask for the HoA status of addresses homed at a location server.
    /// \param server a network's location server \param haa that network's HAA
    void AddHomeHaa(Ipv6Address server, Ipv6Address haa);
    /// \return the counters of the HAA-MR interface
    const HaaStats& GetHaaStats() const;
    /// \param mnId a node \return the security context this router holds for it, if any
    std::optional<SecurityContext> GetSecurityContext(const std::string& mnId) const;

  protected:
    void StartApplication() override;
    void HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac) override;
    void InitialAttachment(Mac48Address mac) override;
    void AddToContext(Mac48Address mac, Ipv6Address to, ContextReply& reply) override;
    bool ContextReceived(Mac48Address mac, const ContextReply& reply) override;
    void Registered(Mac48Address mac) override;
    /// \return false: a returning node's earlier addresses (its entry) end the routing's
    /// "released" state of them (§4.4: the deleted context forwards nothing)
    bool ForgetsDepartedNodes() const override;

  private:
    void Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Assigned(const HoaReply& reply);
    void TimedOut(uint16_t sequence);
    /// \brief Ask the home HAAs for the node's HoA status (§4.2). \param mac the node
    /// \param previousServer the server of the network it came from
    /// \return true when asked (the registration waits for the answers)
    bool AskStatus(Mac48Address mac, Ipv6Address previousServer);
    /// \brief A home HAA answered. \param reply its HoA Reply
    void StatusReceived(const HoaReply& reply);
    /// \brief No answer: the context stands. \param sequence the request's
    void StatusTimedOut(uint16_t sequence);
    /// \brief Register once every home HAA answered or timed out. \param mac the node
    void StatusDone(Mac48Address mac);
    /// \brief The new router finished a handover: delete its temporary context here.
    /// \param p the Handover Complete \param header its IPv6 header
    void Completed(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>);
    /// \brief Delete the temporary context of a handover. \param mac the node
    /// \param to the router it moved to
    void Release(Mac48Address mac, Ipv6Address to);
    /// \brief Make \p prefix the node's own prefix on this router (stateful assignment).
    /// \param node the node \param mac its address \param prefix the prefix
    void AdoptPrefix(Served& node, Mac48Address mac, const HomeNetworkPrefix& prefix);

    Ipv6Address m_haa;                                    //!< this network's HAA
    bool m_updateLmOnAttach{false};                       //!< attribute UpdateLmOnAttach
    bool m_newHomeAddress{false};                         //!< attribute NewHomeAddress
    bool m_handoverComplete{true};                        //!< attribute HandoverComplete
    Time m_haaTimeout;                                    //!< attribute HaaTimeout
    uint16_t m_haaSequence{0};                            //!< last HoA Request sequence number
    std::map<uint16_t, Mac48Address> m_asking;            //!< pending requests by sequence
    std::map<uint16_t, EventId> m_timers;                 //!< their time-outs
    std::map<Mac48Address, HomeNetworkPrefix> m_prefixes; //!< stateful assignments here
    std::map<Mac48Address, SecurityContext> m_security;   //!< placeholders, by node
    std::map<Mac48Address, Ipv6Address> m_handingOver;    //!< node -> router that gave the context
    uint16_t m_spis{0};                                   //!< security contexts made here
    HoaStatus m_hoaStatus{CONTEXT};                       //!< attribute HoaStatus
    std::map<Ipv6Address, Ipv6Address> m_homeHaas;        //!< location server -> its HAA
    /// pending status requests: sequence -> (node, the server whose addresses it checks)
    std::map<uint16_t, std::pair<Mac48Address, Ipv6Address>> m_statusAsked;
    std::map<Mac48Address, Ipv6Address> m_statusPrevious; //!< node -> previous server, waiting
    HaaStats m_haaStats;                                  //!< counters
};

} // namespace ns3

#endif // DMM_DMM_MIP_MR_AGENT_H
