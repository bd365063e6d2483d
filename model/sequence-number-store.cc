/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sequence-number-store.h"

#include "ns3/location-management.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SequenceNumberStore");
NS_OBJECT_ENSURE_REGISTERED(SequenceNumberStore);

TypeId
SequenceNumberStore::GetTypeId()
{
    static TypeId tid = TypeId("ns3::SequenceNumberStore")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<SequenceNumberStore>();
    return tid;
}

void
SequenceNumberStore::Record(const std::string& mnId, uint16_t sequence)
{
    NS_LOG_FUNCTION(this << mnId << sequence);
    auto [it, created] = m_newest.try_emplace(mnId, sequence);
    if (!created && IsSequenceNewer(sequence, it->second))
    {
        it->second = sequence;
    }
}

std::optional<uint16_t>
SequenceNumberStore::Lookup(const std::string& mnId) const
{
    auto it = m_newest.find(mnId);
    if (it == m_newest.end())
    {
        return std::nullopt;
    }
    return it->second;
}

} // namespace ns3
