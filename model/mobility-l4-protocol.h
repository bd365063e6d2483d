/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * The Mobility Header as an ns-3 L4 protocol (IPv6 next header 135).
 */
#ifndef DMM_MOBILITY_L4_PROTOCOL_H
#define DMM_MOBILITY_L4_PROTOCOL_H

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv6-address.h"
#include "ns3/mobility-header.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

class Node;
class Ipv6Interface;
class MobilitySecurity;

/**
 * \ingroup dmm
 * \brief Sends and receives Mobility Header messages on a node.
 *
 * Every received message is validated (lengths, payload proto, MH type, option TLVs)
 * and its checksum verified before a handler sees it; a bad message is counted under a
 * drop reason and fires the "Drop" trace, never reaches a handler and never crashes the
 * node. Unknown options are skipped as RFC 6275 section 6.2.1 requires and counted.
 * Unknown MH types are dropped and counted; sending a Binding Error (RFC 6275 section
 * 9.2) is not implemented yet.
 */
class MobilityL4Protocol : public IpL4Protocol
{
  public:
    /// Protocol number (IPv6 next header) of the Mobility Header.
    static constexpr uint8_t PROT_NUMBER = MobilityHeader::PROT_NUMBER;

    /// Why a message was dropped.
    enum class DropReason
    {
        TRUNCATED,         //!< shorter than its header length says
        BAD_LENGTH,        //!< header length inconsistent with packet or MH type
        BAD_PAYLOAD_PROTO, //!< payload proto is not 59
        UNKNOWN_TYPE,      //!< MH type not known
        BAD_OPTION,        //!< malformed or overrunning option
        BAD_CHECKSUM,      //!< checksum verification failed
        NO_HANDLER,        //!< valid, but nobody registered for the MH type
        NO_ROUTE,          //!< (sending) no route to the destination
        TOO_LARGE,         //!< (sending) over MobilityHeader::MAX_SIZE with its options
        UNAUTHENTICATED,   //!< refused by the node's MobilitySecurity (RFC 4285)
    };

    /// Counters; rx counts messages that passed validation.
    struct Stats
    {
        uint64_t txPackets{0};            //!< messages sent
        uint64_t txBytes{0};              //!< octets of Mobility Header sent
        uint64_t rxPackets{0};            //!< valid messages received
        uint64_t rxBytes{0};              //!< octets of valid messages received
        uint64_t truncated{0};            //!< drops: TRUNCATED
        uint64_t badLength{0};            //!< drops: BAD_LENGTH
        uint64_t badPayloadProto{0};      //!< drops: BAD_PAYLOAD_PROTO
        uint64_t unknownType{0};          //!< drops: UNKNOWN_TYPE
        uint64_t badOption{0};            //!< drops: BAD_OPTION
        uint64_t badChecksum{0};          //!< drops: BAD_CHECKSUM
        uint64_t noHandler{0};            //!< drops: NO_HANDLER
        uint64_t noRoute{0};              //!< send failures: NO_ROUTE
        uint64_t tooLarge{0};             //!< drops: TOO_LARGE (a reply that cannot fit)
        uint64_t unauthenticated{0};      //!< drops: UNAUTHENTICATED
        uint64_t unknownOptionSkipped{0}; //!< unknown options skipped in valid messages
    };

    /**
     * \brief Handler of one MH type.
     *
     * Arguments: the packet (still beginning with the validated Mobility Header), the
     * outer IPv6 header, the interface it arrived on.
     */
    typedef Callback<void, Ptr<Packet>, const Ipv6Header&, Ptr<Ipv6Interface>> Handler;

    /// Signature of the "Tx" and "Rx" trace sources: packet, source, destination.
    typedef void (*TxRxTracedCallback)(Ptr<const Packet> packet, Ipv6Address src, Ipv6Address dst);
    /// Signature of the "Drop" trace source.
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MobilityL4Protocol();
    ~MobilityL4Protocol() override;

    /**
     * \brief Install the protocol on a node that has an IPv6 stack; idempotent.
     *
     * Creates the protocol, inserts it into Ipv6L3Protocol, connects the down target to
     * Ipv6::Send and aggregates it to the node. A second call returns the first instance.
     * \param node the node
     * \return the node's MobilityL4Protocol
     */
    static Ptr<MobilityL4Protocol> Install(Ptr<Node> node);

    /**
     * \brief Protect sent and verify received messages with security associations.
     * \param security the node's associations (null: none, every message accepted)
     */
    void SetSecurity(Ptr<MobilitySecurity> security);
    /// \return the node's security associations, if any
    Ptr<MobilitySecurity> GetSecurity() const;

    /// \brief Set the node (done by Install()).
    void SetNode(Ptr<Node> node);
    /// \brief The node.
    Ptr<Node> GetNode() const;

    /**
     * \brief Send a message; the checksum is computed with the source actually used.
     * \param msg the message (its checksum state is overwritten)
     * \param src source address, or :: to let the routing protocol choose it
     * \param dst destination address
     *
     * Without a route to \p dst the message is dropped (NO_ROUTE, "Drop" trace).
     */
    void Send(MobilityHeader& msg, Ipv6Address src, Ipv6Address dst);

    /**
     * \brief Send from a care-of address with a Home Address destination option
     *        (RFC 6275 §6.3); the checksum covers the home address as source (§6.1.1).
     * \param msg the message \param careOf the source on the wire
     * \param dst destination \param home the home address carried in the option
     */
    void SendWithHomeAddress(MobilityHeader& msg,
                             Ipv6Address careOf,
                             Ipv6Address dst,
                             Ipv6Address home);

    /**
     * \brief Send behind a Hop-by-Hop Options header (its next header must be the Mobility
     *        Header), e.g. seed 001 §4.4.2's PBQR towards the queried address.
     * \param msg the message \param src source \param dst destination \param hbh the header
     * \param verifier the node on the path that terminates and verifies the message: it is
     *        signed with the key shared with that node (RFC 4285 §5), not with \p dst's
     */
    void SendWithHopByHop(MobilityHeader& msg,
                          Ipv6Address src,
                          Ipv6Address dst,
                          const Header& hbh,
                          Ipv6Address verifier);

    /**
     * \brief Send to a care-of address with a type 2 routing header naming the home
     *        address (RFC 6275 §6.4); the checksum covers the home address as destination.
     * \param msg the message \param src source \param careOf the destination on the wire
     * \param home the final destination carried in the routing header
     */
    void SendWithRoutingHeader(MobilityHeader& msg,
                               Ipv6Address src,
                               Ipv6Address careOf,
                               Ipv6Address home);

    /**
     * \brief Send to a mobile node at its care-of address: with a type 2 routing header
     *        naming its home address, or plainly when it is at home (careOf == home).
     * \param msg the message \param src source \param careOf the care-of address
     * \param home the home address
     */
    void SendToMobileNode(MobilityHeader& msg,
                          Ipv6Address src,
                          Ipv6Address careOf,
                          Ipv6Address home);

    /**
     * \brief Register the handler of an MH type, replacing any previous one.
     * \param mhType the MH type
     * \param handler the handler; a null callback unregisters
     */
    void RegisterHandler(uint8_t mhType, Handler handler);
    /**
     * \brief Register the handler of one subtype of an MH type whose message data starts
     *        with a subtype octet (the experimental type 253 of RFC 4727, see
     *        DmmSessionHeader), replacing any previous one. Messages of that type go to
     *        their subtype's handler, else to the type's handler (RegisterHandler), else
     *        they are dropped (NO_HANDLER); so several functions on one node (a location
     *        server, a mobility router, an MR agent) each take their own messages.
     * \param mhType the MH type \param subType the subtype
     * \param handler the handler; a null callback unregisters
     */
    void RegisterHandler(uint8_t mhType, uint8_t subType, Handler handler);
    /**
     * \brief The handler of an MH type, so that a second function on the node can chain
     *        to it (a relay that intercepts some Binding Updates before the home agent).
     * \param mhType the MH type \return the handler (null if none)
     */
    Handler GetHandler(uint8_t mhType) const;

    /// \brief The counters.
    const Stats& GetStats() const;

    /// \brief Name of a drop reason, e.g. "BAD_CHECKSUM".
    static std::string DropReasonToString(DropReason r);

    // IpL4Protocol
    int GetProtocolNumber() const override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                        const Ipv4Header& header,
                                        Ptr<Ipv4Interface> incomingInterface) override;
    enum IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                        const Ipv6Header& header,
                                        Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

    /**
     * \brief RFC 4443 §2.4(e): whether a malformed packet may be answered with an ICMPv6
     *        error at all.
     * \param header the packet's IPv6 header \return false for a multicast destination,
     *        or a source that is unspecified, multicast or a subnet-router anycast address
     */
    static bool MayAnswerWithError(const Ipv6Header& header);
    /// \param msg a message to send \return true (and the drop counted) if it cannot fit
    bool RefuseOversize(const MobilityHeader& msg);

  protected:
    void DoDispose() override;

  private:
    /// Count a drop and fire the trace.
    void Drop(Ptr<const Packet> p, DropReason reason);
    /// Protect (with the key of the node at \p verifier), checksum, count, trace and hand a
    /// message (behind an optional extension header) down.
    void Transmit(MobilityHeader& msg,
                  Ipv6Address src,
                  Ipv6Address dst,
                  Ipv6Address checksumSrc,
                  Ipv6Address checksumDst,
                  const Header* extension,
                  uint8_t protocol,
                  Ptr<Ipv6Route> route,
                  Ipv6Address verifier);

    Ptr<Node> m_node;                                             //!< the node
    IpL4Protocol::DownTargetCallback m_downTarget;                //!< IPv4 down target (unused)
    IpL4Protocol::DownTargetCallback6 m_downTarget6;              //!< IPv6 down target
    std::map<uint8_t, Handler> m_handlers;                        //!< handlers by MH type
    std::map<std::pair<uint8_t, uint8_t>, Handler> m_subHandlers; //!< by (type, subtype)
    Stats m_stats;                                                //!< counters
    Ptr<MobilitySecurity> m_security;                             //!< RFC 4285 associations
    bool m_sendParameterProblem;                                  //!< answer bad headers with ICMP

    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_txTrace; //!< "Tx"
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_rxTrace; //!< "Rx"
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace;             //!< "Drop"
};

std::ostream& operator<<(std::ostream& os, MobilityL4Protocol::DropReason r);

} // namespace ns3

#endif /* DMM_MOBILITY_L4_PROTOCOL_H */
