/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMM_SESSION_HEADER_H
#define DMM_DMM_SESSION_HEADER_H

#include "ns3/home-address-allocation.h"
#include "ns3/mobility-header.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Common layout of the messages between mobility-capable access routers and the
 *        central mobility-session database of Dynamic Mobility Anchoring (seed 003 §4.1,
 *        whose wire format the draft leaves open).
 *
 * They use the experimental Mobility Header type 253 (RFC 4727). Message data, 4 octets:
 *
 *     | Subtype (8) | Flags (8, R = 0x80: remove) | Sequence (16) |
 *
 * followed by options: the Mobile Node Identifier (NAI, RFC 4283), then one pair per
 * mobility session: a Home Network Prefix option (RFC 5213 §8.3) and an Anchor option
 * (experimental mobility option 253, RFC 4727: Subtype 1 (8), Reserved (8), the
 * anchoring MAR's address (128); alignment 8n+6). Subtypes: 1 Session Query, 2 Session
 * Reply, 3 Session Update, and 4 LM Sync (migrating home agents, 000 §4.5: the replicated
 * location management LM0; the pair is the prefix and its locator, with the binding's
 * Timestamp, Handoff Indicator and Access Technology Type options of RFC 5213). Subtypes
 * 5-8 are the location messages of the fully distributed scenario (000 §5.2, see
 * LocationMessage): the pair is a home address (/128) and its locator, and the flag
 * F (0x40) marks a referral: the locator is the location server of the visited network,
 * not a care-of address; S (0x20) in a Location Query subscribes the asker to Location
 * Notify messages whenever the answer changes (push). In a Binding Update, an Anchor option of
 * subtype 2 names that visited server, and one of subtype 3 the home agent a proxy LU relays the
 * update to (AddAnchorOption). Subtypes 13-16 are ePMIP's (seed 001, see EpmipMessage). One
 * class per message derives from this one.
 */
class DmmSessionHeader : public MobilityHeader
{
  public:
    static constexpr uint8_t MH_TYPE = 253;          //!< experimental MH type (RFC 4727)
    static constexpr uint8_t ANCHOR_OPTION = 253;    //!< experimental option (RFC 4727)
    static constexpr uint32_t MESSAGE_DATA_SIZE = 4; //!< subtype, flags, sequence
    static constexpr uint8_t FLAG_REMOVE = 0x80;     //!< R: the session ended
    static constexpr uint8_t FLAG_REFERRAL = 0x40;   //!< F: the locator is a location server
    static constexpr uint8_t FLAG_SUBSCRIBE = 0x20;  //!< S: notify the asker of changes

    /// Message subtypes.
    enum SubType : uint8_t
    {
        QUERY = 1,              //!< V-MAR -> database: the node's sessions?
        REPLY = 2,              //!< database -> MAR: the node's sessions
        UPDATE = 3,             //!< H-MAR -> database: a session starts (or ends, with R)
        SYNC = 4,               //!< anchor -> replica anchors: a binding changed (or ended, with R)
        LOCATION_QUERY = 5,     //!< MR -> location server: where is this home address?
        LOCATION_REPLY = 6,     //!< server -> MR: its locator (R: none, route natively)
        LOCATION_NOTIFY = 7,    //!< server -> subscribed MR (push): the locator changed
        LOCATION_STALE = 8,     //!< MR -> MR: your locator for this address is out of date
        CONTEXT_REQUEST = 9,    //!< new MR -> previous MR: the arriving node's addresses?
        CONTEXT_REPLY = 10,     //!< previous MR -> new MR: its addresses and their home servers
        LOCATION_REGISTER = 11, //!< MR -> server: these addresses are at this locator
        LOCATION_REGISTER_ACK = 12, //!< server -> MR: registered (same sequence)
        BINDING_QUERY_REQUEST = 13, //!< ePMIP PBQR: eMAG (DRF) -> LMF (seed 001 §4.2)
        BINDING_QUERY_ANSWER = 14,  //!< ePMIP PBQA: LMF -> eMAG (DRF)
        BINDING_CHANGE_INFORM = 15, //!< ePMIP PBCI: eMAG (DMF) -> eMAG (§4.3)
        BINDING_CHANGE_ACK = 16,    //!< ePMIP PBCA: eMAG (DMF) -> eMAG
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /// \return the subtype
    uint8_t GetSubType() const;
    /// \param seq the sequence number (a reply echoes the query's)
    void SetSequence(uint16_t seq);
    /// \return the sequence number
    uint16_t GetSequence() const;
    /// \param remove the R flag
    void SetRemove(bool remove);
    /// \return the R flag
    bool GetRemove() const;
    /// \param referral the F flag (the locator is a location server)
    void SetReferral(bool referral);
    /// \return the F flag
    bool IsReferral() const;
    /// \param subscribe the S flag (a Location Query: notify me when the answer changes)
    void SetSubscribe(bool subscribe);
    /// \return the S flag
    bool IsSubscribe() const;
    /// \param mnId the mobile node the message is about
    void SetMobileNode(const std::string& mnId);
    /// \return the mobile node, if the option is present
    std::optional<std::string> GetMobileNode() const;
    /**
     * \brief Add a mobility session. \param prefix the prefix
     * \param anchor the MAR anchoring it
     */
    void AddSession(const HomeNetworkPrefix& prefix, Ipv6Address anchor);
    /// \return the sessions (prefix, anchor), in order; pairs without an anchor are dropped
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> GetSessions() const;

    /**
     * \brief Peek the subtype of a packet starting with a session message.
     * \param p the packet \return the subtype, or nothing if it is not one
     */
    static std::optional<uint8_t> PeekSubType(Ptr<const Packet> p);

    /// Subtypes of the Anchor option (experimental mobility option 253).
    enum AnchorSubType : uint8_t
    {
        ANCHOR_MAR = 1,     //!< a session's anchoring MAR (session messages)
        VISITED_SERVER = 2, //!< in a BU: the home server points the address to this server
        RELAY_TARGET = 3,   //!< in a BU to a proxy LU: the home agent to relay it to
    };

    /**
     * \brief Add an Anchor option to a message's options (e.g. a Binding Update's).
     * \param options the options \param subType what the address is \param address it
     */
    static void AddAnchorOption(MobilityOptions& options,
                                AnchorSubType subType,
                                Ipv6Address address);
    /**
     * \param options a message's options \param subType the subtype wanted
     * \return the address of the first Anchor option of that subtype, if any
     */
    static std::optional<Ipv6Address> GetAnchorOption(const MobilityOptions& options,
                                                      AnchorSubType subType);

  protected:
    /// \param subType the message's subtype
    explicit DmmSessionHeader(uint8_t subType);
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(uint8_t* buf) const override;
    void DeserializeMessageData(const uint8_t* buf) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint8_t m_subType;      //!< subtype
    uint8_t m_flags{0};     //!< flags
    uint16_t m_sequence{0}; //!< sequence number
};

} // namespace ns3

#endif // DMM_DMM_SESSION_HEADER_H
