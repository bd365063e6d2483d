/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_IPV6_TUNNEL_L4_PROTOCOL_H
#define DMM_IPV6_TUNNEL_L4_PROTOCOL_H

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

class Node;
class Packet;
class Ipv6L3Protocol;

/**
 * \ingroup dmm
 * \brief Generic IPv6-in-IPv6 packet tunnelling (RFC 2473), next header 41.
 *
 * The mobility routing function hands packets to Send(); the tunnel prepends the
 * outer header and lets the node's routing deliver it to the remote endpoint.
 * Received tunnel packets are accepted only from configured peers, decapsulated
 * and re-injected into the node's IPv6 stack as if they had arrived on the
 * interface that carried the outer packet, so that routing (and interception)
 * applies to the inner packet exactly as to any other. Like the access link, the exit
 * keeps from ns-3's stack the Neighbor Discovery messages it cannot parse.
 */
class Ipv6TunnelL4Protocol : public IpL4Protocol
{
  public:
    static constexpr uint8_t PROT_NUMBER = 41; //!< IPv6 encapsulation

    /// \brief Why a tunnel packet was not processed.
    enum DropReason
    {
        UNKNOWN_PEER,   //!< outer source is not a configured tunnel endpoint
        TRUNCATED,      //!< payload shorter than an IPv6 header
        NOT_IPV6,       //!< inner header is not IPv6
        HOP_LIMIT,      //!< inner hop limit exhausted at the entry point
        NO_DOWN_TARGET, //!< not attached to an IPv6 stack
        NOT_ANCHORED,   //!< refused by the accept callback: not anchored here (004 §4.4)
        MALFORMED_ND,   //!< inner ND message ns-3 cannot parse (NdOptions::IsParsableByNs3)
    };

    /// \brief Counters of a tunnel endpoint.
    struct Stats
    {
        uint64_t encapsulated{0};      //!< packets sent into a tunnel
        uint64_t encapsulatedBytes{0}; //!< inner bytes sent into a tunnel
        uint64_t decapsulated{0};      //!< packets received from a tunnel
        uint64_t unknownPeer{0};       //!< drops: UNKNOWN_PEER
        uint64_t truncated{0};         //!< drops: TRUNCATED
        uint64_t notIpv6{0};           //!< drops: NOT_IPV6
        uint64_t hopLimit{0};          //!< drops: HOP_LIMIT
        uint64_t notAnchored{0};       //!< drops: NOT_ANCHORED
        uint64_t malformedNd{0};       //!< drops: MALFORMED_ND
    };

    /**
     * TracedCallback signature for tunnel events.
     * \param inner the inner packet, inner header included
     * \param local the local tunnel endpoint
     * \param remote the remote tunnel endpoint
     */
    typedef void (*TunnelTracedCallback)(Ptr<const Packet> inner,
                                         Ipv6Address local,
                                         Ipv6Address remote);
    /**
     * TracedCallback signature for drops.
     * \param packet the tunnel payload as received (the inner packet), or the inner packet
     *        with its header when it could not be sent into the tunnel
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    Ipv6TunnelL4Protocol();
    ~Ipv6TunnelL4Protocol() override;

    /**
     * \brief Return the node's tunnel protocol, creating and registering it on first use.
     * \param node a node with an IPv6 stack
     * \return the protocol instance aggregated to the node
     */
    static Ptr<Ipv6TunnelL4Protocol> Install(Ptr<Node> node);

    /**
     * \brief Encapsulate a packet and send it to the remote endpoint.
     * \param payload the inner packet without its IPv6 header
     * \param innerHeader the inner IPv6 header
     * \param local outer source address
     * \param remote outer destination address
     */
    void Send(Ptr<Packet> payload,
              const Ipv6Header& innerHeader,
              Ipv6Address local,
              Ipv6Address remote);

    /**
     * \brief Accept decapsulation from a remote endpoint (reference counted).
     * \param remote the peer's address
     */
    void AddPeer(Ipv6Address remote);
    /**
     * \brief Withdraw one reference to a peer added with AddPeer.
     * \param remote the peer's address
     */
    void RemovePeer(Ipv6Address remote);
    /// \param remote a peer address \return true when packets from it are accepted
    bool IsPeer(Ipv6Address remote) const;

    /// Decides whether a decapsulated packet (inner header included) from a peer is kept.
    typedef Callback<bool, Ptr<const Packet>, Ipv6Address> AcceptCallback;
    /**
     * \brief Let the node's mobility agent refuse inner packets (NOT_ANCHORED), e.g. a
     *        distributed LMA those for an address it neither anchors nor forwards.
     * \param cb the callback (inner packet, outer source); a null one accepts all
     */
    void SetAcceptCallback(AcceptCallback cb);

    /// \return the counters
    const Stats& GetStats() const;

    // IpL4Protocol
    int GetProtocolNumber() const override;
    RxStatus Receive(Ptr<Packet> p,
                     const Ipv4Header& header,
                     Ptr<Ipv4Interface> incomingInterface) override;
    RxStatus Receive(Ptr<Packet> p,
                     const Ipv6Header& header,
                     Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(DownTargetCallback cb) override;
    void SetDownTarget6(DownTargetCallback6 cb) override;
    DownTargetCallback GetDownTarget() const override;
    DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    void Drop(Ptr<const Packet> p, DropReason reason);

    Ptr<Node> m_node;                        //!< the node
    DownTargetCallback6 m_downTarget;        //!< Ipv6::Send
    std::map<Ipv6Address, uint32_t> m_peers; //!< peers and their reference counts
    bool m_acceptAnyPeer;                    //!< attribute AcceptAnyPeer
    AcceptCallback m_accept;                 //!< SetAcceptCallback
    Stats m_stats;                           //!< counters
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_encapTrace; //!< Encap
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_decapTrace; //!< Decap
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace;                //!< Drop
};

} // namespace ns3

#endif // DMM_IPV6_TUNNEL_L4_PROTOCOL_H
