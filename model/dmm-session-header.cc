/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dmm-session-header.h"

#include "ns3/log.h"
#include "ns3/packet.h"

#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmmSessionHeader");

NS_OBJECT_ENSURE_REGISTERED(DmmSessionHeader);

namespace
{

/// Makes the message and option types known to validation when the library loads.
const bool g_registered = [] {
    MobilityHeader::RegisterMessageType(DmmSessionHeader::MH_TYPE,
                                        DmmSessionHeader::MESSAGE_DATA_SIZE);
    MobilityOptions::RegisterType(DmmSessionHeader::ANCHOR_OPTION, {18, 18, 8, 6});
    return true;
}();

/// \return the data of an Anchor option of \p subtype naming \p address
std::vector<uint8_t>
AnchorOptionData(uint8_t subtype, Ipv6Address address)
{
    std::vector<uint8_t> data(18, 0);
    data[0] = subtype;
    address.Serialize(data.data() + 2);
    return data;
}

/// \return the addresses of the Anchor options of \p subtype, in order
std::vector<Ipv6Address>
AnchorOptions(const MobilityOptions& options, uint8_t subtype)
{
    std::vector<Ipv6Address> out;
    for (const auto& option : options.GetRawOptions())
    {
        if (option.type == DmmSessionHeader::ANCHOR_OPTION && option.data.size() == 18 &&
            option.data[0] == subtype)
        {
            out.push_back(Ipv6Address::Deserialize(option.data.data() + 2));
        }
    }
    return out;
}

} // namespace

TypeId
DmmSessionHeader::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DmmSessionHeader").SetParent<MobilityHeader>().SetGroupName("Dmm");
    return tid;
}

DmmSessionHeader::DmmSessionHeader(uint8_t subType)
    : MobilityHeader(MH_TYPE),
      m_subType(subType)
{
}

uint8_t
DmmSessionHeader::GetSubType() const
{
    return m_subType;
}

void
DmmSessionHeader::SetSequence(uint16_t seq)
{
    m_sequence = seq;
}

uint16_t
DmmSessionHeader::GetSequence() const
{
    return m_sequence;
}

void
DmmSessionHeader::SetRemove(bool remove)
{
    m_flags = remove ? (m_flags | FLAG_REMOVE) : (m_flags & ~FLAG_REMOVE);
}

bool
DmmSessionHeader::GetRemove() const
{
    return m_flags & FLAG_REMOVE;
}

void
DmmSessionHeader::SetReferral(bool referral)
{
    m_flags = referral ? (m_flags | FLAG_REFERRAL) : (m_flags & ~FLAG_REFERRAL);
}

bool
DmmSessionHeader::IsReferral() const
{
    return m_flags & FLAG_REFERRAL;
}

void
DmmSessionHeader::SetSubscribe(bool subscribe)
{
    m_flags = subscribe ? (m_flags | FLAG_SUBSCRIBE) : (m_flags & ~FLAG_SUBSCRIBE);
}

bool
DmmSessionHeader::IsSubscribe() const
{
    return m_flags & FLAG_SUBSCRIBE;
}

void
DmmSessionHeader::SetMobileNode(const std::string& mnId)
{
    GetOptions().SetMobileNodeIdentifier(mnId);
}

std::optional<std::string>
DmmSessionHeader::GetMobileNode() const
{
    return GetOptions().GetMobileNodeIdentifier();
}

void
DmmSessionHeader::AddSession(const HomeNetworkPrefix& prefix, Ipv6Address anchor)
{
    GetOptions().AddHomeNetworkPrefix(prefix.prefix, prefix.length);
    GetOptions().AddRawOption(ANCHOR_OPTION, AnchorOptionData(ANCHOR_MAR, anchor));
}

std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>
DmmSessionHeader::GetSessions() const
{
    std::vector<Ipv6Address> anchors = AnchorOptions(GetOptions(), ANCHOR_MAR);
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> sessions;
    auto prefixes = GetOptions().GetHomeNetworkPrefixes();
    for (size_t i = 0; i < prefixes.size() && i < anchors.size(); ++i)
    {
        sessions.emplace_back(HomeNetworkPrefix::Make(prefixes[i].first, prefixes[i].second),
                              anchors[i]);
    }
    return sessions;
}

void
DmmSessionHeader::AddAnchorOption(MobilityOptions& options,
                                  AnchorSubType subType,
                                  Ipv6Address address)
{
    options.AddRawOption(ANCHOR_OPTION, AnchorOptionData(subType, address));
}

std::optional<Ipv6Address>
DmmSessionHeader::GetAnchorOption(const MobilityOptions& options, AnchorSubType subType)
{
    std::vector<Ipv6Address> found = AnchorOptions(options, subType);
    return found.empty() ? std::nullopt : std::optional<Ipv6Address>(found.front());
}

std::optional<uint8_t>
DmmSessionHeader::PeekSubType(Ptr<const Packet> p)
{
    uint8_t b[7];
    if (!p || p->CopyData(b, sizeof(b)) != sizeof(b) || b[2] != MH_TYPE)
    {
        return std::nullopt;
    }
    return b[6];
}

uint32_t
DmmSessionHeader::GetMessageDataSize() const
{
    return MESSAGE_DATA_SIZE;
}

void
DmmSessionHeader::SerializeMessageData(uint8_t* buf) const
{
    buf[0] = m_subType;
    buf[1] = m_flags;
    WriteU16(buf + 2, m_sequence);
}

void
DmmSessionHeader::DeserializeMessageData(const uint8_t* buf)
{
    m_subType = buf[0];
    m_flags = buf[1];
    m_sequence = ReadU16(buf + 2);
}

void
DmmSessionHeader::PrintMessageData(std::ostream& os) const
{
    os << "subtype=" << +m_subType << " seq=" << m_sequence << (GetRemove() ? " R" : "")
       << (IsReferral() ? " F" : "");
}

} // namespace ns3
