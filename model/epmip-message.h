/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_EPMIP_MESSAGE_H
#define DMM_EPMIP_MESSAGE_H

#include "ns3/dmm-session-header.h"

#include <optional>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Common layout of the ePMIP messages of seed 001 (draft-luo-dmm-pmip-based-dmm-
 *        approach-02 §4.2-§4.3): BindingQueryRequest (PBQR, subtype 13), BindingQueryAnswer
 *        (PBQA, 14), BindingChangeInform (PBCI, 15) and BindingChangeAck (PBCA, 16), one
 *        class each.
 *
 * The draft names the messages but leaves their format open (its §10 requests nothing of
 * IANA), so they are subtypes of the experimental MH type 253 (RFC 4727) with
 * DmmSessionHeader's message data (subtype, flags, sequence; an answer echoes the
 * request's sequence). What they carry is a list of Location options (experimental
 * mobility option 251, unassigned in IANA's registry), alignment 8n+6:
 *
 *     | Type=251 | Length=34 | Prefix Length (8) | Reserved (8) |
 *     | Address or prefix (128) | Locator (128: a proxy-CoA, :: if unknown) |
 *
 * PBQR: one option, the queried address (/128) with locator ::. PBQA: the binding's home
 * network prefix and its proxy-CoA, or R (no binding) with the queried address. PBCI: the
 * moving node's home network prefix and its new proxy-CoA. PBCA: one option per current
 * correspondent of that node with the correspondent's location.
 *
 * The PBA of a handover carries the Previous Location option (experimental mobility option
 * 250, unassigned in IANA's registry; §4.3: "one additional new extension which includes
 * the previous location"), alignment 8n+6:
 *
 *     | Type=250 | Length=18 | Reserved (16) | Previous proxy-CoA (128) |
 */
class EpmipMessage : public DmmSessionHeader
{
  public:
    static constexpr uint8_t PREVIOUS_LOCATION_OPTION = 250; //!< in a PBA (§4.3)
    static constexpr uint8_t LOCATION_OPTION = 251;          //!< (prefix, locator) pair

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Append a Location option.
     * \param prefix the node's address (/128) or home network prefix
     * \param locator its location (proxy-CoA), :: if unknown
     */
    void AddLocation(const HomeNetworkPrefix& prefix, Ipv6Address locator);
    /// \return the Location options, in order
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> GetLocations() const;

    /**
     * \brief Put the Previous Location option into a PBA's options (replaces one).
     * \param options the PBA's options \param previous the previous proxy-CoA
     */
    static void SetPreviousLocation(MobilityOptions& options, Ipv6Address previous);
    /// \param options a PBA's options \return the previous proxy-CoA, if the option is there
    static std::optional<Ipv6Address> GetPreviousLocation(const MobilityOptions& options);

  protected:
    /// \param subType the message's subtype
    explicit EpmipMessage(uint8_t subType);
};

} // namespace ns3

#endif // DMM_EPMIP_MESSAGE_H
