/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_POLICY_PROFILE_STORE_H
#define DMM_POLICY_PROFILE_STORE_H

#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"

#include <map>
#include <optional>
#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The domain's policy store as far as a new MAG reads it on a handoff: each node's
 *        home network prefix (RFC 5213 §6.2, the policy profile) and the LMA it is
 *        registered with (RFC 6097 §3: the LMA dynamically assigned to the node is kept
 *        in the policy store so that a new MAG can find it).
 *
 * Shared by every MAG of a run (one object); the MAGs write it on each accepted
 * registration.
 */
class PolicyProfileStore : public Object
{
  public:
    /// What the store holds for a node.
    struct Profile
    {
        HomeNetworkPrefix hnp; //!< its home network prefix
        Ipv6Address anchor;    //!< the LMA it is registered with
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Note an accepted registration.
     * \param mnId the node \param hnp its prefix \param anchor the LMA that accepted it
     */
    void Record(const std::string& mnId, const HomeNetworkPrefix& hnp, Ipv6Address anchor);
    /// \param mnId the node \return its profile, if a MAG registered it
    std::optional<Profile> Lookup(const std::string& mnId) const;

  private:
    std::map<std::string, Profile> m_profiles; //!< node -> profile
};

} // namespace ns3

#endif // DMM_POLICY_PROFILE_STORE_H
