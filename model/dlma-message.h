/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_MESSAGE_H
#define DMM_DLMA_MESSAGE_H

#include "ns3/dmm-session-header.h"

#include <optional>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Common layout of the messages between distributed local mobility anchors (seed
 *        004, which leaves their wire format open): DlmaLocationInform (subtype 30),
 *        DlmaCacheUpdate (31), DlmaUniquenessCheck (32), DlmaUniquenessReply (33).
 *
 * DmmSessionHeader (experimental MH type 253, RFC 4727) followed by the Mobile Node
 * Identifier option (RFC 4283), one Home Network Prefix option (RFC 5213 §8.3: the HoA
 * prefix the message is about) and, where the message names an anchor, an LMA Address
 * option (experimental type 246: Code (8), Reserved (8), address (128); alignment 8n+6).
 * A Uniqueness Reply adds a Uniqueness Status option (type 247: Status (8), Reserved (8)).
 * Types 246 and 247 are unassigned in IANA's mobility option registry.
 */
class DlmaMessage : public DmmSessionHeader
{
  public:
    /// Subtypes of the distributed-LMA messages (range 30-39 of MH type 253).
    enum DlmaSubType : uint8_t
    {
        LOCATION_INFORM = 30,  //!< D-LMA -> H-LMA / previous D-LMA: the HoA is anchored here
        CACHE_UPDATE = 31,     //!< H-LMA / previous D-LMA -> O-LMA: the HoA's D-LMA
        UNIQUENESS_CHECK = 32, //!< V-LMA -> H-LMA: is this HoA the node's (or allocate one)?
        UNIQUENESS_REPLY = 33, //!< H-LMA -> V-LMA: the answer and the valid prefix
        LOCATION_ACK = 34,     //!< H-LMA / previous D-LMA -> new D-LMA: inform received
    };

    static constexpr uint8_t LMA_ADDRESS_OPTION = 246; //!< experimental option (unassigned)
    static constexpr uint8_t STATUS_OPTION = 247;      //!< experimental option (unassigned)

    /// Codes of the LMA Address option.
    enum LmaCode : uint8_t
    {
        D_LMA = 1, //!< the LMA the node is anchored to
        MAG = 2,   //!< the node's MAG (proxy CoA); the D-LMA is the message's source
    };

    /// Status of a Uniqueness Reply (§4.3).
    enum UniquenessStatus : uint8_t
    {
        UNIQUE = 0,     //!< the HoA is the node's: anchor it
        NOT_UNIQUE = 1, //!< the HoA is another node's; the prefix option holds a valid one
        REFUSED = 2,    //!< unknown node or no prefix left
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /// \param prefix the HoA prefix the message is about (set it once)
    void SetHomePrefix(const HomeNetworkPrefix& prefix);
    /// \return the HoA prefix, if the option is present
    std::optional<HomeNetworkPrefix> GetHomePrefix() const;
    /// \param lma the D-LMA (replaces any earlier one)
    void SetLma(Ipv6Address lma);
    /// \return the D-LMA, if the option is present
    std::optional<Ipv6Address> GetLma() const;
    /// \param mag the node's proxy CoA (replaces any D-LMA or MAG set before)
    void SetMag(Ipv6Address mag);
    /// \return the node's proxy CoA, if the option names one
    std::optional<Ipv6Address> GetMag() const;
    /// \param status a Uniqueness Reply's status
    void SetStatus(UniquenessStatus status);
    /// \return the status, if the option is present
    std::optional<uint8_t> GetStatus() const;

  protected:
    /// \param subType the message's subtype
    explicit DlmaMessage(uint8_t subType);
};

} // namespace ns3

#endif // DMM_DLMA_MESSAGE_H
