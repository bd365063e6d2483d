/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LMA_SELECTING_UPDATE_H
#define DMM_LMA_SELECTING_UPDATE_H

#include "ns3/proxy-location-update.h"

namespace ns3
{

class PolicyProfileStore;

/**
 * \ingroup dmm
 * \brief A MAG's proxy location update that chooses the LMA of a handoff (seed 001 §7.2,
 *        RFC 6097).
 *
 * RFC 6097 (§3) has the new MAG discover the same LMA the previous MAG used; seed 001
 * §7.2 lets it pick "a best eLMA" instead. With LmaSelection=Best (the draft's) a MAG that
 * finds in the policy store (ProfileStore) a node registered with another LMA than its own
 * default one (the anchor nearest to it) registers the node there, naming the node's HNP
 * so the session keeps its address; with Same it asks the LMA the store names. A node the
 * store does not know, or one whose LMA is kept, is registered as RFC 5213 says.
 */
class LmaSelectingUpdate : public ProxyLocationUpdate
{
  public:
    /// Which LMA a new MAG registers a moving node with.
    enum LmaSelection
    {
        SAME_LMA, //!< RFC 6097: the LMA the node is registered with
        BEST_LMA, //!< seed 001 §7.2: this MAG's own (nearest) LMA
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LmaSelectingUpdate();

    void Register(const std::string& mnId,
                  const std::vector<HomeNetworkPrefix>& prefixes,
                  const std::vector<uint8_t>& linkLayerId) override;

    /// \return registrations sent to another LMA than the one the node was registered with
    uint64_t GetReselections() const;

  protected:
    void DoDispose() override;
    void NotifyConstructionCompleted() override;

  private:
    /// \brief Outcome trace: an accepted registration goes into the policy store.
    void Remember(const LocationUpdate::Outcome& outcome);

    Ptr<PolicyProfileStore> m_store; //!< attribute ProfileStore
    LmaSelection m_selection;        //!< attribute LmaSelection
    uint64_t m_reselections{0};      //!< registrations moved to another LMA
};

} // namespace ns3

#endif // DMM_LMA_SELECTING_UPDATE_H
