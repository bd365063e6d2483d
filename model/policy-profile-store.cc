/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "policy-profile-store.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PolicyProfileStore");
NS_OBJECT_ENSURE_REGISTERED(PolicyProfileStore);

TypeId
PolicyProfileStore::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PolicyProfileStore")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<PolicyProfileStore>();
    return tid;
}

void
PolicyProfileStore::Record(const std::string& mnId,
                           const HomeNetworkPrefix& hnp,
                           Ipv6Address anchor)
{
    NS_LOG_FUNCTION(this << mnId << hnp.ToString() << anchor);
    m_profiles[mnId] = Profile{hnp, anchor};
}

std::optional<PolicyProfileStore::Profile>
PolicyProfileStore::Lookup(const std::string& mnId) const
{
    auto it = m_profiles.find(mnId);
    if (it == m_profiles.end())
    {
        return std::nullopt;
    }
    return it->second;
}

} // namespace ns3
