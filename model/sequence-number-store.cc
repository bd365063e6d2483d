/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "sequence-number-store.h"

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
SequenceNumberStore::Record(const std::string& mnId, Ipv6Address anchor, uint16_t sequence)
{
    NS_LOG_FUNCTION(this << mnId << anchor << sequence);
    m_last[{mnId, anchor}] = sequence;
}

std::optional<uint16_t>
SequenceNumberStore::Lookup(const std::string& mnId, Ipv6Address anchor) const
{
    auto it = m_last.find({mnId, anchor});
    if (it == m_last.end())
    {
        return std::nullopt;
    }
    return it->second;
}

} // namespace ns3
