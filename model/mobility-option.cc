/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/mobility-option.h"

#include "ns3/log.h"

#include <algorithm>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityOption");

namespace
{

/// The registry of known option types, with the RFC alignment requirements.
std::map<uint8_t, MobilityOptions::TypeInfo>&
Registry()
{
    static std::map<uint8_t, MobilityOptions::TypeInfo> registry = {
        {MobilityOptions::PADN, {0, 255, 1, 0}},
        // RFC 6275 section 6.2: BRA 2n, alternate CoA 8n+6, nonce indices 2n, binding
        // authorization data 8n+2 (so that the 12-octet authenticator ends the message on
        // an 8-octet boundary).
        {MobilityOptions::BINDING_REFRESH_ADVICE, {2, 2, 2, 0}},
        {MobilityOptions::ALTERNATE_CARE_OF_ADDRESS, {16, 16, 8, 6}},
        {MobilityOptions::NONCE_INDICES, {4, 4, 2, 0}},
        {MobilityOptions::BINDING_AUTHORIZATION_DATA,
         {MobilityOptions::AUTHENTICATOR_SIZE, MobilityOptions::AUTHENTICATOR_SIZE, 8, 2}},
        // RFC 4283: subtype plus an identifier of at least one octet; no alignment.
        {MobilityOptions::MOBILE_NODE_IDENTIFIER, {2, 255, 1, 0}},
        {MobilityOptions::HOME_NETWORK_PREFIX, {18, 18, 8, 4}},
        {MobilityOptions::HANDOFF_INDICATOR, {2, 2, 1, 0}},
        {MobilityOptions::ACCESS_TECHNOLOGY_TYPE, {2, 2, 1, 0}},
        // RFC 5213 leaves the alignment to the identifier's size; 8n+4 puts the identifier
        // (after type, length and two reserved octets) on an 8-octet boundary for any size.
        {MobilityOptions::MOBILE_NODE_LINK_LAYER_ID, {2, 255, 8, 4}},
        {MobilityOptions::LINK_LOCAL_ADDRESS, {16, 16, 8, 6}},
        {MobilityOptions::TIMESTAMP, {8, 8, 8, 2}},
        // RFC 4285: subtype, SPI and at least a 96-bit authenticator; 8n+2 like the
        // Binding Authorization Data (KAME/SHISA aligns it so). The replay protection
        // option carries a 64-bit timestamp, aligned 8n+2 so that it is on 8 octets.
        {MobilityOptions::MESSAGE_AUTHENTICATION,
         {5 + MobilityOptions::AUTHENTICATOR_SIZE, 255, 8, 2}},
        {MobilityOptions::REPLAY_PROTECTION, {8, 8, 8, 2}},
    };
    return registry;
}

void
WriteU64(std::vector<uint8_t>& v, uint64_t x)
{
    for (int shift = 56; shift >= 0; shift -= 8)
    {
        v.push_back(static_cast<uint8_t>(x >> shift));
    }
}

uint64_t
ReadU64(const uint8_t* p)
{
    uint64_t x = 0;
    for (int i = 0; i < 8; ++i)
    {
        x = (x << 8) | p[i];
    }
    return x;
}

} // namespace

void
MobilityOptions::RegisterType(uint8_t type, TypeInfo info)
{
    if (info.alignX == 0)
    {
        info.alignX = 1;
    }
    info.alignY %= info.alignX;
    Registry()[type] = info;
}

std::optional<MobilityOptions::TypeInfo>
MobilityOptions::LookupType(uint8_t type)
{
    const auto& reg = Registry();
    auto it = reg.find(type);
    if (it == reg.end())
    {
        return std::nullopt;
    }
    return it->second;
}

const MobilityOptions::Option*
MobilityOptions::Find(uint8_t type) const
{
    for (const auto& o : m_options)
    {
        if (o.type == type)
        {
            return &o;
        }
    }
    return nullptr;
}

void
MobilityOptions::AddRawOption(uint8_t type, const std::vector<uint8_t>& data)
{
    NS_LOG_FUNCTION(this << +type << data.size());
    if (type == PAD1 || type == PADN)
    {
        return; // padding is a matter of serialisation, never content
    }
    Option o{type, data};
    if (o.data.size() > 255)
    {
        o.data.resize(255);
    }
    m_options.push_back(std::move(o));
}

void
MobilityOptions::SetRawOption(uint8_t type, const std::vector<uint8_t>& data)
{
    for (auto& o : m_options)
    {
        if (o.type == type)
        {
            o.data = data;
            if (o.data.size() > 255)
            {
                o.data.resize(255);
            }
            return;
        }
    }
    AddRawOption(type, data);
}

std::optional<std::vector<uint8_t>>
MobilityOptions::GetRawOption(uint8_t type) const
{
    const Option* o = Find(type);
    if (o == nullptr)
    {
        return std::nullopt;
    }
    return o->data;
}

void
MobilityOptions::RemoveOption(uint8_t type)
{
    m_options.erase(std::remove_if(m_options.begin(),
                                   m_options.end(),
                                   [type](const Option& o) { return o.type == type; }),
                    m_options.end());
}

const std::vector<MobilityOptions::Option>&
MobilityOptions::GetRawOptions() const
{
    return m_options;
}

std::size_t
MobilityOptions::GetCount() const
{
    return m_options.size();
}

void
MobilityOptions::Clear()
{
    m_options.clear();
    m_unknownCount = 0;
}

uint32_t
MobilityOptions::GetUnknownOptionCount() const
{
    return m_unknownCount;
}

void
MobilityOptions::AddHomeNetworkPrefix(Ipv6Address prefix, uint8_t prefixLength)
{
    std::vector<uint8_t> d(18, 0);
    d[1] = std::min<uint8_t>(prefixLength, 128);
    prefix.Serialize(&d[2]);
    AddRawOption(HOME_NETWORK_PREFIX, d);
}

std::vector<std::pair<Ipv6Address, uint8_t>>
MobilityOptions::GetHomeNetworkPrefixes() const
{
    std::vector<std::pair<Ipv6Address, uint8_t>> out;
    for (const auto& o : m_options)
    {
        if (o.type == HOME_NETWORK_PREFIX && o.data.size() == 18)
        {
            out.emplace_back(Ipv6Address::Deserialize(&o.data[2]), o.data[1]);
        }
    }
    return out;
}

void
MobilityOptions::SetMobileNodeIdentifier(const std::string& nai)
{
    std::vector<uint8_t> d;
    d.push_back(MNID_SUBTYPE_NAI);
    d.insert(d.end(), nai.begin(), nai.end());
    SetRawOption(MOBILE_NODE_IDENTIFIER, d);
}

std::optional<std::string>
MobilityOptions::GetMobileNodeIdentifier() const
{
    for (const auto& o : m_options)
    {
        if (o.type == MOBILE_NODE_IDENTIFIER && !o.data.empty() && o.data[0] == MNID_SUBTYPE_NAI)
        {
            return std::string(o.data.begin() + 1, o.data.end());
        }
    }
    return std::nullopt;
}

void
MobilityOptions::SetHandoffIndicator(uint8_t hi)
{
    SetRawOption(HANDOFF_INDICATOR, {0, hi});
}

std::optional<uint8_t>
MobilityOptions::GetHandoffIndicator() const
{
    const Option* o = Find(HANDOFF_INDICATOR);
    if (o == nullptr || o->data.size() != 2)
    {
        return std::nullopt;
    }
    return o->data[1];
}

void
MobilityOptions::SetAccessTechnologyType(uint8_t att)
{
    SetRawOption(ACCESS_TECHNOLOGY_TYPE, {0, att});
}

std::optional<uint8_t>
MobilityOptions::GetAccessTechnologyType() const
{
    const Option* o = Find(ACCESS_TECHNOLOGY_TYPE);
    if (o == nullptr || o->data.size() != 2)
    {
        return std::nullopt;
    }
    return o->data[1];
}

void
MobilityOptions::SetTimestamp(uint64_t ts)
{
    std::vector<uint8_t> d;
    WriteU64(d, ts);
    SetRawOption(TIMESTAMP, d);
}

std::optional<uint64_t>
MobilityOptions::GetTimestamp() const
{
    const Option* o = Find(TIMESTAMP);
    if (o == nullptr || o->data.size() != 8)
    {
        return std::nullopt;
    }
    return ReadU64(o->data.data());
}

void
MobilityOptions::SetMobileNodeLinkLayerIdentifier(const std::vector<uint8_t>& id)
{
    std::vector<uint8_t> d{0, 0};
    d.insert(d.end(), id.begin(), id.end());
    SetRawOption(MOBILE_NODE_LINK_LAYER_ID, d);
}

std::optional<std::vector<uint8_t>>
MobilityOptions::GetMobileNodeLinkLayerIdentifier() const
{
    const Option* o = Find(MOBILE_NODE_LINK_LAYER_ID);
    if (o == nullptr || o->data.size() < 2)
    {
        return std::nullopt;
    }
    return std::vector<uint8_t>(o->data.begin() + 2, o->data.end());
}

void
MobilityOptions::SetLinkLocalAddress(Ipv6Address address)
{
    std::vector<uint8_t> d(16, 0);
    address.Serialize(d.data());
    SetRawOption(LINK_LOCAL_ADDRESS, d);
}

std::optional<Ipv6Address>
MobilityOptions::GetLinkLocalAddress() const
{
    const Option* o = Find(LINK_LOCAL_ADDRESS);
    if (o == nullptr || o->data.size() != 16)
    {
        return std::nullopt;
    }
    return Ipv6Address::Deserialize(o->data.data());
}

uint64_t
MobilityOptions::TimeToTimestamp(Time t)
{
    int64_t ns = std::max<int64_t>(t.GetNanoSeconds(), 0);
    uint64_t secs = static_cast<uint64_t>(ns / 1000000000);
    uint64_t frac = static_cast<uint64_t>(ns % 1000000000) * 65536 / 1000000000;
    return ((secs & 0xffffffffffffULL) << 16) | (frac & 0xffff);
}

Time
MobilityOptions::TimestampToTime(uint64_t ts)
{
    uint64_t secs = ts >> 16;
    uint64_t frac = ts & 0xffff;
    return Seconds(static_cast<double>(secs)) + NanoSeconds(frac * 1000000000 / 65536);
}

namespace
{

/// Octets of padding that bring \p offset to alignment xn+y.
uint32_t
PaddingFor(uint32_t offset, uint8_t x, uint8_t y)
{
    if (x <= 1)
    {
        return 0;
    }
    return (y + x - offset % x) % x;
}

void
AppendPadding(std::vector<uint8_t>& out, uint32_t n)
{
    if (n == 1)
    {
        out.push_back(MobilityOptions::PAD1);
    }
    else if (n >= 2)
    {
        out.push_back(MobilityOptions::PADN);
        out.push_back(static_cast<uint8_t>(n - 2));
        out.insert(out.end(), n - 2, 0);
    }
}

} // namespace

std::vector<const MobilityOptions::Option*>
MobilityOptions::WireOrder() const
{
    // RFC 6275 section 6.2.7 and RFC 4285 section 5: the authenticating option comes last.
    auto last = [](const Option& o) {
        return o.type == BINDING_AUTHORIZATION_DATA || o.type == MESSAGE_AUTHENTICATION;
    };
    std::vector<const Option*> order;
    for (const auto& o : m_options)
    {
        if (!last(o))
        {
            order.push_back(&o);
        }
    }
    for (const auto& o : m_options)
    {
        if (last(o))
        {
            order.push_back(&o);
        }
    }
    return order;
}

void
MobilityOptions::Serialize(std::vector<uint8_t>& out) const
{
    for (const Option* o : WireOrder())
    {
        auto info = LookupType(o->type);
        if (info)
        {
            AppendPadding(out, PaddingFor(out.size(), info->alignX, info->alignY));
        }
        out.push_back(o->type);
        out.push_back(static_cast<uint8_t>(o->data.size()));
        out.insert(out.end(), o->data.begin(), o->data.end());
    }
}

uint32_t
MobilityOptions::GetSerializedSize(uint32_t offset) const
{
    uint32_t pos = offset;
    for (const Option* o : WireOrder())
    {
        auto info = LookupType(o->type);
        if (info)
        {
            pos += PaddingFor(pos, info->alignX, info->alignY);
        }
        pos += 2 + o->data.size();
    }
    return pos - offset;
}

MobilityOptions::ParseStatus
MobilityOptions::Parse(const uint8_t* data, uint32_t size)
{
    NS_LOG_FUNCTION(this << size);
    std::vector<Option> options;
    uint32_t unknown = 0;
    uint32_t pos = 0;
    bool sawAuthorizationData = false;
    while (pos < size)
    {
        uint8_t type = data[pos];
        if (type == PAD1)
        {
            ++pos;
            continue;
        }
        if (size - pos < 2)
        {
            return ParseStatus::OVERRUN;
        }
        uint8_t len = data[pos + 1];
        if (static_cast<uint32_t>(len) > size - pos - 2)
        {
            return ParseStatus::OVERRUN;
        }
        const uint8_t* value = data + pos + 2;
        pos += 2 + len;
        if (type == PADN)
        {
            continue;
        }
        if (sawAuthorizationData)
        {
            // RFC 6275 section 6.2.7: nothing but padding may follow the authenticator,
            // which would not cover it.
            return ParseStatus::BAD_OPTION;
        }
        sawAuthorizationData = type == BINDING_AUTHORIZATION_DATA || type == MESSAGE_AUTHENTICATION;
        auto info = LookupType(type);
        if (!info)
        {
            // RFC 6275 section 6.2.1: skip by length, process the rest.
            ++unknown;
            options.push_back(Option{type, std::vector<uint8_t>(value, value + len)});
            continue;
        }
        if (len < info->minLength || len > info->maxLength)
        {
            return ParseStatus::BAD_OPTION;
        }
        if (type == HOME_NETWORK_PREFIX && len >= 2 && value[1] > 128)
        {
            return ParseStatus::BAD_OPTION;
        }
        options.push_back(Option{type, std::vector<uint8_t>(value, value + len)});
    }
    m_options = std::move(options);
    m_unknownCount = unknown;
    return ParseStatus::OK;
}

void
MobilityOptions::Print(std::ostream& os) const
{
    bool first = true;
    auto sep = [&]() {
        if (!first)
        {
            os << " ";
        }
        first = false;
    };
    for (const auto& p : GetHomeNetworkPrefixes())
    {
        sep();
        os << "HNP=" << p.first << "/" << +p.second;
    }
    if (auto v = GetMobileNodeIdentifier())
    {
        sep();
        os << "MNID=" << *v;
    }
    if (auto v = GetHandoffIndicator())
    {
        sep();
        os << "HI=" << +*v;
    }
    if (auto v = GetAccessTechnologyType())
    {
        sep();
        os << "ATT=" << +*v;
    }
    if (auto v = GetTimestamp())
    {
        sep();
        os << "TS=" << (*v >> 16) << "+" << (*v & 0xffff) << "/65536";
    }
    if (auto v = GetMobileNodeLinkLayerIdentifier())
    {
        sep();
        os << "LLID=" << v->size() << "B";
    }
    if (auto v = GetLinkLocalAddress())
    {
        sep();
        os << "LLA=" << *v;
    }
    if (auto v = GetBindingRefreshAdvice())
    {
        sep();
        os << "BRA=" << 4 * *v << "s";
    }
    if (auto v = GetAlternateCareOfAddress())
    {
        sep();
        os << "ACoA=" << *v;
    }
    if (auto v = GetNonceIndices())
    {
        sep();
        os << "NI=" << v->first << "/" << v->second;
    }
    if (GetBindingAuthorizationData())
    {
        sep();
        os << "BAD";
    }
    for (const auto& o : m_options)
    {
        if (!LookupType(o.type))
        {
            sep();
            os << "opt" << +o.type << "(" << o.data.size() << "B)";
        }
    }
}

bool
MobilityOptions::operator==(const MobilityOptions& other) const
{
    if (m_options.size() != other.m_options.size())
    {
        return false;
    }
    for (std::size_t i = 0; i < m_options.size(); ++i)
    {
        if (m_options[i].type != other.m_options[i].type ||
            m_options[i].data != other.m_options[i].data)
        {
            return false;
        }
    }
    return true;
}

std::ostream&
operator<<(std::ostream& os, const MobilityOptions& options)
{
    options.Print(os);
    return os;
}

} // namespace ns3
