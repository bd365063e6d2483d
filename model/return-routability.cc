/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/return-routability.h"

#include "ns3/binding-update.h"
#include "ns3/log.h"

#include <algorithm>
#include <boost/uuid/detail/sha1.hpp>
#include <type_traits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ReturnRoutability");

namespace
{

/// SHA-1 block size, the HMAC key block (RFC 2104 "B").
constexpr std::size_t BLOCK_SIZE = 64;

/// Append the 16 octets of an address.
void
AppendAddress(std::vector<uint8_t>& v, Ipv6Address a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    v.insert(v.end(), buf, buf + 16);
}

/// Append a 64-bit value big-endian.
void
AppendU64(std::vector<uint8_t>& v, uint64_t x)
{
    for (int shift = 56; shift >= 0; shift -= 8)
    {
        v.push_back(static_cast<uint8_t>(x >> shift));
    }
}

/// The first 8 octets of a digest, big-endian.
uint64_t
First64(const ReturnRoutability::Digest& d)
{
    uint64_t x = 0;
    for (int i = 0; i < 8; ++i)
    {
        x = (x << 8) | d[i];
    }
    return x;
}

uint64_t
KeygenToken(const std::vector<uint8_t>& kcn,
            Ipv6Address address,
            const std::vector<uint8_t>& nonce,
            uint8_t which)
{
    std::vector<uint8_t> m;
    AppendAddress(m, address);
    m.insert(m.end(), nonce.begin(), nonce.end());
    m.push_back(which);
    return First64(ReturnRoutability::HmacSha1(kcn, m));
}

/**
 * The MH Data of a Binding Update for the authenticator (checksum zeroed, authenticator
 * cut out), and in \p authStart the offset of the authenticator in \p mh.
 */
std::optional<std::vector<uint8_t>>
AuthData(const uint8_t* mh, uint32_t size, uint32_t& authStart)
{
    if (mh == nullptr ||
        MobilityHeader::ValidateBytes(mh, size) != MobilityHeader::ParseResult::OK ||
        (mh[2] != MobilityHeader::BINDING_UPDATE && mh[2] != MobilityHeader::BINDING_ACK))
    {
        return std::nullopt;
    }
    // A BU and a BA both carry 6 octets of message data before their options.
    // Walk the (validated) options to find where the last one starts; it must be the
    // Binding Authorization Data option (validation checked its length), and only padding
    // may follow it.
    const uint32_t optionsStart = MobilityHeader::COMMON_HEADER_SIZE + 6;
    bool lastIsAuth = false;
    for (uint32_t pos = optionsStart; pos < size;)
    {
        uint8_t type = mh[pos];
        if (type == MobilityOptions::PAD1)
        {
            ++pos;
            continue;
        }
        if (type != MobilityOptions::PADN)
        {
            lastIsAuth = type == MobilityOptions::BINDING_AUTHORIZATION_DATA;
            authStart = pos + 2;
        }
        pos += 2 + mh[pos + 1];
    }
    if (!lastIsAuth)
    {
        return std::nullopt;
    }
    std::vector<uint8_t> data(mh, mh + size);
    data[4] = 0; // RFC 6275 section 6.2.7: computed as if the checksum were zero
    data[5] = 0;
    data.erase(data.begin() + authStart,
               data.begin() + authStart + MobilityOptions::AUTHENTICATOR_SIZE);
    return data;
}

} // namespace

ReturnRoutability::Digest
ReturnRoutability::Sha1(const std::vector<uint8_t>& data)
{
    boost::uuids::detail::sha1 sha;
    sha.process_bytes(data.data(), data.size());
    boost::uuids::detail::sha1::digest_type raw;
    sha.get_digest(raw);
    Digest out{};
    // Boost before 1.86 returns five 32-bit words (each to be written big-endian), later
    // versions twenty octets.
    using Element = std::remove_extent_t<boost::uuids::detail::sha1::digest_type>;
    if constexpr (sizeof(Element) == 1)
    {
        for (std::size_t i = 0; i < out.size(); ++i)
        {
            out[i] = static_cast<uint8_t>(raw[i]);
        }
    }
    else
    {
        for (std::size_t i = 0; i < 5; ++i)
        {
            for (std::size_t j = 0; j < 4; ++j)
            {
                out[4 * i + j] = static_cast<uint8_t>(raw[i] >> (24 - 8 * j));
            }
        }
    }
    return out;
}

ReturnRoutability::Digest
ReturnRoutability::HmacSha1(const std::vector<uint8_t>& key, const std::vector<uint8_t>& message)
{
    // RFC 2104: H(K XOR opad, H(K XOR ipad, text)), K zero-padded to B octets (hashed
    // first if longer than B).
    std::vector<uint8_t> k = key;
    if (k.size() > BLOCK_SIZE)
    {
        Digest d = Sha1(k);
        k.assign(d.begin(), d.end());
    }
    k.resize(BLOCK_SIZE, 0);
    std::vector<uint8_t> inner(BLOCK_SIZE);
    std::vector<uint8_t> outer(BLOCK_SIZE);
    for (std::size_t i = 0; i < BLOCK_SIZE; ++i)
    {
        inner[i] = k[i] ^ 0x36;
        outer[i] = k[i] ^ 0x5c;
    }
    inner.insert(inner.end(), message.begin(), message.end());
    Digest innerHash = Sha1(inner);
    outer.insert(outer.end(), innerHash.begin(), innerHash.end());
    return Sha1(outer);
}

uint64_t
ReturnRoutability::HomeKeygenToken(const std::vector<uint8_t>& kcn,
                                   Ipv6Address homeAddress,
                                   const std::vector<uint8_t>& nonce)
{
    return KeygenToken(kcn, homeAddress, nonce, 0);
}

uint64_t
ReturnRoutability::CareOfKeygenToken(const std::vector<uint8_t>& kcn,
                                     Ipv6Address careOfAddress,
                                     const std::vector<uint8_t>& nonce)
{
    return KeygenToken(kcn, careOfAddress, nonce, 1);
}

ReturnRoutability::Digest
ReturnRoutability::BindingManagementKey(uint64_t homeKeygenToken, uint64_t careOfKeygenToken)
{
    std::vector<uint8_t> m;
    AppendU64(m, homeKeygenToken);
    AppendU64(m, careOfKeygenToken);
    return Sha1(m);
}

ReturnRoutability::Digest
ReturnRoutability::BindingManagementKey(uint64_t homeKeygenToken)
{
    std::vector<uint8_t> m;
    AppendU64(m, homeKeygenToken);
    return Sha1(m);
}

ReturnRoutability::Authenticator
ReturnRoutability::ComputeAuthenticator(const Digest& kbm,
                                        Ipv6Address careOfAddress,
                                        Ipv6Address correspondent,
                                        const std::vector<uint8_t>& mhData)
{
    std::vector<uint8_t> m;
    AppendAddress(m, careOfAddress);
    AppendAddress(m, correspondent);
    m.insert(m.end(), mhData.begin(), mhData.end());
    Digest mac = HmacSha1(std::vector<uint8_t>(kbm.begin(), kbm.end()), m);
    Authenticator a{};
    std::copy(mac.begin(), mac.begin() + a.size(), a.begin());
    return a;
}

std::optional<std::vector<uint8_t>>
ReturnRoutability::BindingMessageAuthData(const uint8_t* mh, uint32_t size)
{
    uint32_t authStart = 0;
    return AuthData(mh, size, authStart);
}

void
ReturnRoutability::SignBindingMessage(MobilityHeader& bu,
                                      const Digest& kbm,
                                      Ipv6Address careOfAddress,
                                      Ipv6Address correspondent)
{
    NS_LOG_FUNCTION(careOfAddress << correspondent);
    // A placeholder gives the option its place and the header its final length, which
    // the authenticated data includes.
    bu.GetOptions().SetBindingAuthorizationData(Authenticator{});
    std::vector<uint8_t> bytes = bu.ToBytes();
    auto data = BindingMessageAuthData(bytes.data(), bytes.size());
    if (!data)
    {
        NS_LOG_WARN("the message does not serialise as a valid BU or BA; not signed");
        return;
    }
    bu.GetOptions().SetBindingAuthorizationData(
        ComputeAuthenticator(kbm, careOfAddress, correspondent, *data));
}

bool
ReturnRoutability::VerifyBindingMessage(const uint8_t* mh,
                                        uint32_t size,
                                        const Digest& kbm,
                                        Ipv6Address careOfAddress,
                                        Ipv6Address correspondent)
{
    uint32_t authStart = 0;
    auto data = AuthData(mh, size, authStart);
    if (!data)
    {
        return false;
    }
    Authenticator expected = ComputeAuthenticator(kbm, careOfAddress, correspondent, *data);
    return std::equal(expected.begin(), expected.end(), mh + authStart);
}

} // namespace ns3
