/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "security-helper.h"

#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SecurityHelper");

SecurityHelper::SecurityHelper()
    : m_directory(CreateObject<SecurityDirectory>())
{
    m_factory.SetTypeId(MobilitySecurity::GetTypeId());
}

void
SecurityHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

Ptr<MobilitySecurity>
SecurityHelper::Install(Ptr<Node> node,
                        const std::string& name,
                        const std::vector<uint8_t>& domainKey,
                        bool fixedAddresses)
{
    NS_LOG_FUNCTION(this << node->GetId() << name);
    m_directory->AddNode(node->GetId(), name, domainKey);
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    for (uint32_t i = 0; fixedAddresses && ipv6 && i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
        {
            Ipv6Address a = ipv6->GetAddress(i, j).GetAddress();
            if (!a.IsLinkLocal() && !a.IsLocalhost() && !a.IsAny())
            {
                m_directory->AddAddress(a, node->GetId());
            }
        }
    }
    if (!ipv6)
    {
        return nullptr;
    }
    // Agents that install the protocol only when they start find this instance.
    Ptr<MobilityL4Protocol> l4 = MobilityL4Protocol::Install(node);
    Ptr<MobilitySecurity> security = m_factory.Create<MobilitySecurity>();
    security->SetDirectory(m_directory, node->GetId());
    if (!fixedAddresses)
    {
        security->SetIdentifier(name + "@dmm"); // the NAI the profiles give mobile nodes
    }
    l4->SetSecurity(security);
    return security;
}

void
SecurityHelper::SetPairKey(Ptr<Node> a, Ptr<Node> b, const std::vector<uint8_t>& key)
{
    m_directory->SetPairKey(a->GetId(), b->GetId(), key);
}

Ptr<SecurityDirectory>
SecurityHelper::GetDirectory() const
{
    return m_directory;
}

} // namespace ns3
