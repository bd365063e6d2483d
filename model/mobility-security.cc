/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mobility-security.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/mobility-header.h"
#include "ns3/return-routability.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilitySecurity");
NS_OBJECT_ENSURE_REGISTERED(MobilitySecurity);

namespace
{
constexpr uint32_t SPI_SIZE = 4;
constexpr uint32_t MAC_SIZE = MobilityOptions::AUTHENTICATOR_SIZE;
constexpr uint8_t H_FLAG = 0x40; // BU flags octet, RFC 6275 §6.1.7
/// Seconds of the epoch: simulation time 0 is 1 January 1970, as for the RFC 5213
/// timestamps, so that runs are deterministic and tshark shows the simulated time.
constexpr uint64_t EPOCH_SECONDS = 0;

/// RFC 4285 §6 timestamp: 32-bit seconds and a 32-bit binary fraction (NTP's layout).
uint64_t
ToNtp(Time t)
{
    uint64_t ns = static_cast<uint64_t>(t.GetNanoSeconds());
    uint64_t frac = ((ns % 1000000000ULL) << 32) / 1000000000ULL;
    return ((ns / 1000000000ULL + EPOCH_SECONDS) << 32) | frac;
}

Time
FromNtp(uint64_t ts)
{
    int64_t secs = static_cast<int64_t>(ts >> 32) - static_cast<int64_t>(EPOCH_SECONDS);
    int64_t ns = static_cast<int64_t>(((ts & 0xffffffffULL) * 1000000000ULL) >> 32);
    return NanoSeconds(secs * 1000000000LL + ns);
}
} // namespace

TypeId
MobilitySecurity::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MobilitySecurity")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<MobilitySecurity>()
            .AddAttribute("ReplayProtection",
                          "Send and require the Mobility Message Replay Protection option "
                          "(RFC 4285 section 6): a timestamp newer than the peer's last one, "
                          "within CloseEnough of the receiver's clock.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MobilitySecurity::m_replayProtection),
                          MakeBooleanChecker())
            .AddAttribute("CloseEnough",
                          "Largest accepted difference between a timestamp and the clock "
                          "(RFC 4285 section 6: 7 s by default).",
                          TimeValue(Seconds(7)),
                          MakeTimeAccessor(&MobilitySecurity::m_closeEnough),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxLearnedAddresses",
                          "Addresses of peers without a fixed address (mobile nodes) kept to "
                          "answer them; the oldest is forgotten first.",
                          UintegerValue(4096),
                          MakeUintegerAccessor(&MobilitySecurity::m_maxLearned),
                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

MobilitySecurity::MobilitySecurity()
    : m_replayProtection(true),
      m_maxLearned(4096)
{
}

MobilitySecurity::~MobilitySecurity() = default;

void
MobilitySecurity::SetDirectory(Ptr<SecurityDirectory> directory, uint32_t nodeId)
{
    m_directory = directory;
    m_nodeId = nodeId;
}

void
MobilitySecurity::SetIdentifier(const std::string& nai)
{
    m_nai = nai;
}

uint32_t
MobilitySecurity::Speaker(const std::vector<uint8_t>& bytes, uint32_t signer) const
{
    auto at = FindOption(bytes, MobilityOptions::MOBILE_NODE_IDENTIFIER);
    if (!at || bytes[*at + 1] < 2 || bytes[*at + 2] != MobilityOptions::MNID_SUBTYPE_NAI)
    {
        return signer;
    }
    std::string nai(bytes.begin() + *at + 3, bytes.begin() + *at + 2 + bytes[*at + 1]);
    auto node = m_directory->FindByName(nai.substr(0, nai.find('@')));
    return node.value_or(signer);
}

const MobilitySecurity::Stats&
MobilitySecurity::GetStats() const
{
    return m_stats;
}

bool
MobilitySecurity::IsCovered(const std::vector<uint8_t>& bytes)
{
    uint8_t type = bytes[2];
    if (type >= MobilityHeader::HOME_TEST_INIT && type <= MobilityHeader::CARE_OF_TEST)
    {
        return false; // return routability: RFC 6275 §5.2 protects it by reachability
    }
    if (type == MobilityHeader::BINDING_ERROR)
    {
        return false;
    }
    bool routeOptimization = FindOption(bytes, MobilityOptions::BINDING_AUTHORIZATION_DATA) &&
                             (type == MobilityHeader::BINDING_ACK ||
                              (type == MobilityHeader::BINDING_UPDATE &&
                               !(bytes[MobilityHeader::COMMON_HEADER_SIZE + 2] & H_FLAG)));
    return !routeOptimization; // a correspondent binding is protected by its Kbm
}

std::optional<uint32_t>
MobilitySecurity::FindOption(const std::vector<uint8_t>& bytes, uint8_t type)
{
    auto start = MobilityHeader::OptionsOffset(bytes[2]);
    uint32_t end = std::min<uint32_t>(bytes.size(), (bytes[1] + 1) * 8);
    for (uint32_t pos = start.value_or(end); pos < end;)
    {
        if (bytes[pos] == MobilityOptions::PAD1)
        {
            ++pos;
            continue;
        }
        if (pos + 2 > end)
        {
            break;
        }
        if (bytes[pos] == type)
        {
            return pos;
        }
        pos += 2 + bytes[pos + 1];
    }
    return std::nullopt;
}

std::array<uint8_t, 12>
MobilitySecurity::Authenticator(const std::vector<uint8_t>& key,
                                Ipv6Address src,
                                Ipv6Address dst,
                                std::vector<uint8_t> bytes,
                                uint32_t end)
{
    bytes[4] = 0; // the checksum covers the authenticator, so it cannot be covered
    bytes[5] = 0;
    std::vector<uint8_t> data(32);
    src.Serialize(data.data());
    dst.Serialize(data.data() + 16);
    data.insert(data.end(), bytes.begin(), bytes.begin() + end);
    auto digest = ReturnRoutability::HmacSha1(key, data);
    std::array<uint8_t, MAC_SIZE> mac;
    std::copy(digest.begin(), digest.begin() + MAC_SIZE, mac.begin());
    return mac;
}

const std::vector<uint8_t>*
MobilitySecurity::KeyFor(uint32_t peer)
{
    auto it = m_keys.find(peer);
    if (it == m_keys.end())
    {
        // Only keys are kept: any SPI an attacker invents must not add state.
        auto key = m_directory->SharedKey(m_nodeId, peer);
        if (!key)
        {
            return nullptr;
        }
        it = m_keys.emplace(peer, *key).first;
    }
    return &it->second;
}

std::optional<uint32_t>
MobilitySecurity::PeerAt(Ipv6Address address) const
{
    if (auto fixed = m_directory->FindNode(address))
    {
        return fixed;
    }
    auto it = m_learned.find(address);
    if (it == m_learned.end())
    {
        return std::nullopt;
    }
    return it->second;
}

void
MobilitySecurity::Learn(Ipv6Address address, uint32_t peer)
{
    if (m_directory->FindNode(address))
    {
        return;
    }
    auto [it, fresh] = m_learned.insert({address, peer});
    it->second = peer;
    if (!fresh)
    {
        return;
    }
    m_learnedOrder.push_back(address);
    if (m_learnedOrder.size() > m_maxLearned)
    {
        m_learned.erase(m_learnedOrder.front());
        m_learnedOrder.pop_front();
        m_stats.evicted++;
    }
}

void
MobilitySecurity::Protect(MobilityHeader& msg, Ipv6Address src, Ipv6Address dst)
{
    Protect(msg, src, dst, dst);
}

void
MobilitySecurity::Protect(MobilityHeader& msg,
                          Ipv6Address src,
                          Ipv6Address dst,
                          Ipv6Address verifier)
{
    NS_LOG_FUNCTION(this << src << dst << verifier);
    MobilityOptions& options = msg.GetOptions();
    options.RemoveOption(MobilityOptions::MESSAGE_AUTHENTICATION);
    options.RemoveOption(MobilityOptions::REPLAY_PROTECTION);
    // A message over the Mobility Header's size is refused by the sender (Transmit), not
    // built here.
    if (!m_directory || !msg.Fits() || !IsCovered(msg.ToBytes()))
    {
        return;
    }
    auto peer = PeerAt(verifier);
    std::optional<std::vector<uint8_t>> group;
    if (m_directory->IsShared(verifier))
    {
        group = m_directory->SharedAddressKey(verifier, m_nodeId); // any replica may answer
    }
    const std::vector<uint8_t>* key = group ? &*group : (peer ? KeyFor(*peer) : nullptr);
    if (!key)
    {
        NS_LOG_WARN("no security association with " << verifier << ": sent unprotected");
        m_stats.noAssociationTx++;
        return;
    }
    if (!m_nai.empty() && !options.GetMobileNodeIdentifier())
    {
        options.SetMobileNodeIdentifier(m_nai);
    }
    if (m_replayProtection)
    {
        uint64_t ts = ToNtp(Simulator::Now());
        std::vector<uint8_t> data(8);
        for (int i = 0; i < 8; ++i)
        {
            data[i] = static_cast<uint8_t>(ts >> (56 - 8 * i));
        }
        options.AddRawOption(MobilityOptions::REPLAY_PROTECTION, data);
    }
    uint32_t spi = SecurityDirectory::FIRST_SPI + m_nodeId;
    std::vector<uint8_t> auth{SUBTYPE,
                              static_cast<uint8_t>(spi >> 24),
                              static_cast<uint8_t>(spi >> 16),
                              static_cast<uint8_t>(spi >> 8),
                              static_cast<uint8_t>(spi)};
    auth.resize(auth.size() + MAC_SIZE, 0);
    options.AddRawOption(MobilityOptions::MESSAGE_AUTHENTICATION, auth);
    if (!msg.Fits())
    {
        return; // the options made it too large: refused by the sender as it stands
    }
    std::vector<uint8_t> bytes = msg.ToBytes();
    uint32_t macAt = *FindOption(bytes, MobilityOptions::MESSAGE_AUTHENTICATION) + 3 + SPI_SIZE;
    auto mac = Authenticator(*key, src, dst, bytes, macAt);
    std::copy(mac.begin(), mac.end(), auth.begin() + 1 + SPI_SIZE);
    options.SetRawOption(MobilityOptions::MESSAGE_AUTHENTICATION, auth);
    m_stats.protectedTx++;
}

MobilitySecurity::Verdict
MobilitySecurity::Verify(const std::vector<uint8_t>& bytes, Ipv6Address src, Ipv6Address dst)
{
    NS_LOG_FUNCTION(this << src << dst);
    if (!m_directory || !IsCovered(bytes))
    {
        m_stats.exempt++;
        return Verdict::EXEMPT;
    }
    auto at = FindOption(bytes, MobilityOptions::MESSAGE_AUTHENTICATION);
    if (!at || bytes[*at + 1] != 1 + SPI_SIZE + MAC_SIZE || bytes[*at + 2] != SUBTYPE)
    {
        m_stats.missing++;
        return Verdict::MISSING;
    }
    uint32_t spi = 0;
    for (uint32_t i = 0; i < SPI_SIZE; ++i)
    {
        spi = (spi << 8) | bytes[*at + 3 + i];
    }
    std::optional<std::vector<uint8_t>> group;
    if (spi >= SecurityDirectory::FIRST_SPI && m_directory->IsShared(dst))
    {
        group = m_directory->SharedAddressKey(dst, spi - SecurityDirectory::FIRST_SPI);
    }
    const std::vector<uint8_t>* key =
        group ? &*group
              : (spi >= SecurityDirectory::FIRST_SPI ? KeyFor(spi - SecurityDirectory::FIRST_SPI)
                                                     : nullptr);
    if (!key)
    {
        m_stats.unknownSpi++;
        return Verdict::UNKNOWN_SPI;
    }
    uint32_t macAt = *at + 3 + SPI_SIZE;
    auto mac = Authenticator(*key, src, dst, bytes, macAt);
    if (!std::equal(mac.begin(), mac.end(), bytes.begin() + macAt))
    {
        m_stats.badAuthenticator++;
        return Verdict::BAD_AUTHENTICATOR;
    }
    uint32_t peer = spi - SecurityDirectory::FIRST_SPI;
    Verdict fresh = m_replayProtection ? CheckFreshness(bytes, peer, mac) : Verdict::AUTHENTIC;
    if (fresh != Verdict::AUTHENTIC)
    {
        return fresh;
    }
    Learn(src, Speaker(bytes, peer));
    m_stats.authentic++;
    return Verdict::AUTHENTIC;
}

MobilitySecurity::Verdict
MobilitySecurity::CheckFreshness(const std::vector<uint8_t>& bytes,
                                 uint32_t peer,
                                 const std::array<uint8_t, 12>& mac)
{
    auto at = FindOption(bytes, MobilityOptions::REPLAY_PROTECTION);
    if (!at || bytes[*at + 1] != 8)
    {
        m_stats.stale++;
        return Verdict::STALE;
    }
    uint64_t ts = 0;
    for (uint32_t i = 0; i < 8; ++i)
    {
        ts = (ts << 8) | bytes[*at + 2 + i];
    }
    Time age = Simulator::Now() - FromNtp(ts);
    if (Abs(age) > m_closeEnough)
    {
        m_stats.stale++;
        return Verdict::STALE;
    }
    // Several messages may leave in the same timestamp unit; a repeat of one may not.
    Freshness& f = m_freshness[peer];
    if (ts < f.last || (ts == f.last && !f.atLast.insert(mac).second))
    {
        m_stats.replayed++;
        return Verdict::REPLAYED;
    }
    if (ts > f.last)
    {
        f.last = ts;
        f.atLast = {mac};
    }
    return Verdict::AUTHENTIC;
}

std::string
MobilitySecurity::VerdictToString(Verdict v)
{
    switch (v)
    {
    case Verdict::AUTHENTIC:
        return "authentic";
    case Verdict::EXEMPT:
        return "exempt";
    case Verdict::MISSING:
        return "auth_missing";
    case Verdict::UNKNOWN_SPI:
        return "auth_unknown_spi";
    case Verdict::BAD_AUTHENTICATOR:
        return "auth_failed";
    case Verdict::STALE:
        return "auth_stale";
    case Verdict::REPLAYED:
        return "auth_replayed";
    }
    return "?";
}

} // namespace ns3
