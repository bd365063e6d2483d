/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_PROFILE_H
#define DMM_PROFILE_H

#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief A protocol profile: which logical functions each scenario role receives.
 *
 * Roles come from the scenario (anchor, router, access, cn, mn); the profile turns
 * them into node assemblies. Only what differs between profiles is a field here.
 */
struct Profile
{
    std::string name;                  //!< profile name
    std::string anchorAgent;           //!< TypeId of the anchor's agent, "" = plain router
    std::string accessAgent;           //!< TypeId of the access routers' agent
    bool sharedAccessAddress;          //!< access routers share one link-layer/link-local address
    bool clientBased;                  //!< mobile nodes run the client side (MIPv6 LU + tunnel end)
    bool routeOptimization;            //!< correspondents keep bindings (return routability)
    bool hierarchical;                 //!< aggregation routers are MAPs (HMIPv6)
    bool distributedAnchors{false};    //!< an anchor per network (000 §4.4, Fig 5)
    bool distributedHomeAgents{false}; //!< every access router is a home agent (Fig 8)
    bool replicatedAnchors{false};     //!< anchors share LM0 and anycast every pool (Fig 6)
    bool locationServers{false};       //!< distributed LM database, routing by location (Fig 9)
};

/**
 * \brief Look up a profile.
 * \param name the profile name (see KnownProfiles())
 * \return the profile
 * \throws std::invalid_argument for an unknown name
 */
const Profile& GetProfile(const std::string& name);

} // namespace ns3

#endif // DMM_PROFILE_H
