/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 *
 * The typed accessors of MobilityOptions for the MIPv6 options of RFC 6275 sections
 * 6.2.4-6.2.7 (binding refresh advice, alternate care-of address, nonce indices, binding
 * authorization data). They live apart from mobility-option.cc only to keep both files
 * short; the registry entries (lengths, alignment) are in mobility-option.cc.
 */
#include "ns3/log.h"
#include "ns3/mobility-option.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityOptionMipv6");

void
MobilityOptions::SetBindingRefreshAdvice(uint16_t units)
{
    SetRawOption(BINDING_REFRESH_ADVICE,
                 {static_cast<uint8_t>(units >> 8), static_cast<uint8_t>(units)});
}

std::optional<uint16_t>
MobilityOptions::GetBindingRefreshAdvice() const
{
    const Option* o = Find(BINDING_REFRESH_ADVICE);
    if (o == nullptr || o->data.size() != 2)
    {
        return std::nullopt;
    }
    return static_cast<uint16_t>((o->data[0] << 8) | o->data[1]);
}

void
MobilityOptions::SetAlternateCareOfAddress(Ipv6Address coa)
{
    std::vector<uint8_t> d(16, 0);
    coa.Serialize(d.data());
    SetRawOption(ALTERNATE_CARE_OF_ADDRESS, d);
}

std::optional<Ipv6Address>
MobilityOptions::GetAlternateCareOfAddress() const
{
    const Option* o = Find(ALTERNATE_CARE_OF_ADDRESS);
    if (o == nullptr || o->data.size() != 16)
    {
        return std::nullopt;
    }
    return Ipv6Address::Deserialize(o->data.data());
}

void
MobilityOptions::SetNonceIndices(uint16_t homeNonceIndex, uint16_t careOfNonceIndex)
{
    SetRawOption(NONCE_INDICES,
                 {static_cast<uint8_t>(homeNonceIndex >> 8),
                  static_cast<uint8_t>(homeNonceIndex),
                  static_cast<uint8_t>(careOfNonceIndex >> 8),
                  static_cast<uint8_t>(careOfNonceIndex)});
}

std::optional<std::pair<uint16_t, uint16_t>>
MobilityOptions::GetNonceIndices() const
{
    const Option* o = Find(NONCE_INDICES);
    if (o == nullptr || o->data.size() != 4)
    {
        return std::nullopt;
    }
    return std::make_pair(static_cast<uint16_t>((o->data[0] << 8) | o->data[1]),
                          static_cast<uint16_t>((o->data[2] << 8) | o->data[3]));
}

void
MobilityOptions::SetBindingAuthorizationData(
    const std::array<uint8_t, AUTHENTICATOR_SIZE>& authenticator)
{
    SetRawOption(BINDING_AUTHORIZATION_DATA,
                 std::vector<uint8_t>(authenticator.begin(), authenticator.end()));
}

std::optional<std::array<uint8_t, MobilityOptions::AUTHENTICATOR_SIZE>>
MobilityOptions::GetBindingAuthorizationData() const
{
    const Option* o = Find(BINDING_AUTHORIZATION_DATA);
    if (o == nullptr || o->data.size() != AUTHENTICATOR_SIZE)
    {
        return std::nullopt;
    }
    std::array<uint8_t, AUTHENTICATOR_SIZE> a{};
    std::copy(o->data.begin(), o->data.end(), a.begin());
    return a;
}

} // namespace ns3
