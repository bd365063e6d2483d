/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "security-directory.h"

#include "ns3/log.h"
#include "ns3/return-routability.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SecurityDirectory");
NS_OBJECT_ENSURE_REGISTERED(SecurityDirectory);

TypeId
SecurityDirectory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SecurityDirectory")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<SecurityDirectory>();
    return tid;
}

SecurityDirectory::SecurityDirectory() = default;

SecurityDirectory::~SecurityDirectory() = default;

void
SecurityDirectory::AddNode(uint32_t nodeId,
                           const std::string& name,
                           const std::vector<uint8_t>& domainKey)
{
    NS_LOG_FUNCTION(this << nodeId << name);
    m_members[nodeId] = Member{name, domainKey};
    m_names[name] = nodeId;
}

std::optional<uint32_t>
SecurityDirectory::FindByName(const std::string& name) const
{
    auto it = m_names.find(name);
    if (it == m_names.end())
    {
        return std::nullopt;
    }
    return it->second;
}

void
SecurityDirectory::SetPairKey(uint32_t a, uint32_t b, const std::vector<uint8_t>& key)
{
    m_pairs[{std::min(a, b), std::max(a, b)}] = key;
}

void
SecurityDirectory::AddAddress(Ipv6Address address, uint32_t nodeId)
{
    auto [it, fresh] = m_addresses.insert({address, nodeId});
    if (!fresh && it->second != nodeId)
    {
        m_shared[address] = true;
    }
}

bool
SecurityDirectory::IsShared(Ipv6Address address) const
{
    return m_shared.count(address) > 0;
}

std::optional<std::vector<uint8_t>>
SecurityDirectory::SharedAddressKey(Ipv6Address shared, uint32_t peer) const
{
    auto member = m_members.find(peer);
    auto owner = m_addresses.find(shared);
    if (member == m_members.end() || owner == m_addresses.end())
    {
        return std::nullopt;
    }
    auto anyOwner = m_members.find(owner->second);
    if (anyOwner == m_members.end() || anyOwner->second.domainKey != member->second.domainKey)
    {
        return std::nullopt;
    }
    std::ostringstream group;
    group << "anycast " << shared;
    return Derive(member->second.domainKey, member->second.name, group.str());
}

std::vector<uint8_t>
SecurityDirectory::Derive(const std::vector<uint8_t>& key,
                          const std::string& first,
                          const std::string& second)
{
    std::vector<uint8_t> label{'d', 'm', 'm', '-', 's', 'a'};
    label.insert(label.end(), first.begin(), first.end());
    label.push_back(0);
    label.insert(label.end(), second.begin(), second.end());
    auto digest = ReturnRoutability::HmacSha1(key, label);
    return std::vector<uint8_t>(digest.begin(), digest.begin() + KEY_SIZE);
}

std::optional<uint32_t>
SecurityDirectory::FindNode(Ipv6Address address) const
{
    auto it = m_addresses.find(address);
    if (it == m_addresses.end())
    {
        return std::nullopt;
    }
    return it->second;
}

std::optional<std::vector<uint8_t>>
SecurityDirectory::SharedKey(uint32_t a, uint32_t b) const
{
    auto pair = m_pairs.find({std::min(a, b), std::max(a, b)});
    if (pair != m_pairs.end())
    {
        return pair->second;
    }
    auto x = m_members.find(a);
    auto y = m_members.find(b);
    // a == b: a node's functions may signal to each other (a server on a router).
    if (x == m_members.end() || y == m_members.end() || x->second.domainKey != y->second.domainKey)
    {
        return std::nullopt;
    }
    return Derive(x->second.domainKey,
                  std::min(x->second.name, y->second.name),
                  std::max(x->second.name, y->second.name));
}

} // namespace ns3
