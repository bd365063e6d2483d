/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SEQUENCE_NUMBER_STORE_H
#define DMM_SEQUENCE_NUMBER_STORE_H

#include "ns3/ipv6-address.h"
#include "ns3/object.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The last PBU sequence number of each mobile node, shared by the MAGs of a domain.
 *
 * RFC 5213 §5.5: with sequence numbers instead of timestamps, a MAG that takes over a
 * node does not know the number the previous MAG used, unless the MAGs share it (a
 * context transfer, or the policy store; both outside RFC 5213's scope). This store is
 * that shared state, idealised: a number is known to every MAG as soon as one sends it.
 * Without it (the default) a MAG learns the number from the LMA's status-135 refusal.
 */
class SequenceNumberStore : public Object
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Note a number sent. \param mnId the node \param anchor its LMA
     * \param sequence the PBU's sequence number
     */
    void Record(const std::string& mnId, Ipv6Address anchor, uint16_t sequence);
    /**
     * \param mnId the node \param anchor its LMA
     * \return the last number any MAG sent for the node to that LMA, if any
     */
    std::optional<uint16_t> Lookup(const std::string& mnId, Ipv6Address anchor) const;

  private:
    std::map<std::pair<std::string, Ipv6Address>, uint16_t> m_last; //!< last number sent
};

} // namespace ns3

#endif // DMM_SEQUENCE_NUMBER_STORE_H
