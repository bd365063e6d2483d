/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SEQUENCE_NUMBER_STORE_H
#define DMM_SEQUENCE_NUMBER_STORE_H

#include "ns3/object.h"

#include <map>
#include <optional>
#include <string>

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
 * One counter per node, whatever the anchor: the replicas of migrating-ha share one
 * binding under different addresses, and a DMA node's H-MARs each need only a number newer
 * than the last they accepted. Without it (the default) a MAG learns the number from the
 * LMA's status-135 refusal.
 */
class SequenceNumberStore : public Object
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Note a number sent; an older one (a refresh from a MAG's own counter) leaves
     *        the newest in place. \param mnId the node \param sequence the PBU's number
     */
    void Record(const std::string& mnId, uint16_t sequence);
    /**
     * \param mnId the node
     * \return the newest number (RFC 6275 §9.5.1 order) any MAG sent for it, if any
     */
    std::optional<uint16_t> Lookup(const std::string& mnId) const;

  private:
    std::map<std::string, uint16_t> m_newest; //!< newest number sent, per node
};

} // namespace ns3

#endif // DMM_SEQUENCE_NUMBER_STORE_H
