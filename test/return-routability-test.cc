/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Return routability cryptography (RFC 6275 sections 5.2.5 and 6.2.7): HMAC_SHA1 against
// RFC 2202, keygen tokens, Kbm and the binding authenticator against values computed
// independently with Python's hmac/hashlib.
#include "ns3/binding-ack.h"
#include "ns3/binding-update.h"
#include "ns3/home-test.h"
#include "ns3/packet.h"
#include "ns3/return-routability.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

std::string
Hex(const uint8_t* p, std::size_t n)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
    {
        s += digits[p[i] >> 4];
        s += digits[p[i] & 0x0f];
    }
    return s;
}

template <std::size_t N>
std::string
Hex(const std::array<uint8_t, N>& a)
{
    return Hex(a.data(), a.size());
}

std::vector<uint8_t>
Str(const std::string& s)
{
    return std::vector<uint8_t>(s.begin(), s.end());
}

// Inputs of the RR vectors below.
const std::vector<uint8_t> kKcn{0,  1,  2,  3,  4,  5,  6,  7,  8,  9,
                                10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
const Ipv6Address kHoa("2001:db8:1::100");
const Ipv6Address kCoa("2001:db8:2::200");
const Ipv6Address kCn("2001:db8:3::300");
const std::vector<uint8_t> kHomeNonce{1, 2, 3, 4, 5, 6, 7, 8};
const std::vector<uint8_t> kCareOfNonce{0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18};

// Expected values computed once with Python 3 (hmac, hashlib), independently of this code:
//   hkt  = hmac.new(kcn, hoa + home_nonce + b'\x00', sha1).digest()[:8]
//   ckt  = hmac.new(kcn, coa + careof_nonce + b'\x01', sha1).digest()[:8]
//   kbm  = sha1(hkt + ckt).digest();  kbm_dereg = sha1(hkt).digest()
//   auth = hmac.new(kbm, coa + cn + mh, sha1).digest()[:12] where mh is the BU below, hand
//   written: 59,3,5,0, checksum 0,0, seq 1000, flags 0x8000 (A), lifetime 100, Nonce
//   Indices option 4,4,0,5,0,6, then the Binding Authorization Data type and length 5,12.
constexpr uint64_t kHomeToken = 0x37ef3c8eb202a6f2ULL;
constexpr uint64_t kCareOfToken = 0xd626ec5beac28d2fULL;
const char* kKbm = "43a3ac302b64acf2dbd1087a587b099fee8abc13";
const char* kKbmDereg = "6c3b94a5418044de64b5849ee76347b0578e11c6";
const char* kAuthenticator = "28901b0e58147f77c0a9c032";

BindingUpdate
MakeBu()
{
    BindingUpdate bu;
    bu.SetSequence(1000);
    bu.SetLifetimeUnits(100);
    bu.GetOptions().SetNonceIndices(5, 6);
    return bu;
}

} // namespace

TEST(ReturnRoutability, HmacSha1Rfc2202Vectors)
{
    using RR = ReturnRoutability;
    // RFC 2202 section 3, test cases 1, 2, 3, 4, 6 and 7.
    EXPECT_EQ(Hex(RR::HmacSha1(std::vector<uint8_t>(20, 0x0b), Str("Hi There"))),
              "b617318655057264e28bc0b6fb378c8ef146be00");
    EXPECT_EQ(Hex(RR::HmacSha1(Str("Jefe"), Str("what do ya want for nothing?"))),
              "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    EXPECT_EQ(Hex(RR::HmacSha1(std::vector<uint8_t>(20, 0xaa), std::vector<uint8_t>(50, 0xdd))),
              "125d7342b9ac11cd91a39af48aa17b4f63f175d3");
    std::vector<uint8_t> key4;
    for (uint8_t i = 1; i <= 25; ++i)
    {
        key4.push_back(i);
    }
    EXPECT_EQ(Hex(RR::HmacSha1(key4, std::vector<uint8_t>(50, 0xcd))),
              "4c9007f4026250c6bc8414f9bf50c86c2d7235da");
    EXPECT_EQ(Hex(RR::HmacSha1(std::vector<uint8_t>(80, 0xaa),
                               Str("Test Using Larger Than Block-Size Key - Hash Key First"))),
              "aa4ae5e15272d00e95705637ce8a3b55ed402112");
    EXPECT_EQ(Hex(RR::HmacSha1(std::vector<uint8_t>(80, 0xaa),
                               Str("Test Using Larger Than Block-Size Key and Larger Than One "
                                   "Block-Size Data"))),
              "e8e99d0f45237d786d6bbaa7965c7808bbff1a91");
}

TEST(ReturnRoutability, Sha1KnownAnswer)
{
    // FIPS 180 example "abc".
    EXPECT_EQ(Hex(ReturnRoutability::Sha1(Str("abc"))), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(ReturnRoutability, KeygenTokensAndKbm)
{
    using RR = ReturnRoutability;
    uint64_t hkt = RR::HomeKeygenToken(kKcn, kHoa, kHomeNonce);
    uint64_t ckt = RR::CareOfKeygenToken(kKcn, kCoa, kCareOfNonce);
    EXPECT_EQ(hkt, kHomeToken);
    EXPECT_EQ(ckt, kCareOfToken);
    // The trailing 0 / 1 octet separates the two tokens for the same address and nonce.
    EXPECT_NE(RR::HomeKeygenToken(kKcn, kHoa, kHomeNonce),
              RR::CareOfKeygenToken(kKcn, kHoa, kHomeNonce));
    EXPECT_EQ(Hex(RR::BindingManagementKey(hkt, ckt)), kKbm);
    EXPECT_EQ(Hex(RR::BindingManagementKey(hkt)), kKbmDereg);

    // The token goes on the wire as the first 8 HMAC octets.
    HomeTest hot;
    hot.SetHomeKeygenToken(hkt);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(hot);
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    EXPECT_EQ(Hex(b.data() + 16, 8), "37ef3c8eb202a6f2");
}

TEST(ReturnRoutability, SignedBindingUpdateMatchesIndependentAuthenticator)
{
    using RR = ReturnRoutability;
    auto kbm = RR::BindingManagementKey(kHomeToken, kCareOfToken);
    BindingUpdate bu = MakeBu();
    bu.InitializeChecksum(kHoa, kCn); // the checksum must not change the authenticator
    RR::SignBindingMessage(bu, kbm, kCoa, kCn);
    auto auth = bu.GetOptions().GetBindingAuthorizationData();
    ASSERT_TRUE(auth);
    EXPECT_EQ(Hex(*auth), kAuthenticator);

    std::vector<uint8_t> bytes = bu.ToBytes();
    ASSERT_EQ(bytes.size(), 32u);
    EXPECT_EQ(Hex(bytes.data() + 20, 12), kAuthenticator);
    EXPECT_TRUE(RR::VerifyBindingMessage(bytes.data(), bytes.size(), kbm, kCoa, kCn));

    // Any change of the covered data, addresses or key breaks it.
    auto tampered = bytes;
    tampered[7] ^= 1; // sequence number
    EXPECT_FALSE(RR::VerifyBindingMessage(tampered.data(), tampered.size(), kbm, kCoa, kCn));
    EXPECT_FALSE(RR::VerifyBindingMessage(bytes.data(), bytes.size(), kbm, kHoa, kCn));
    EXPECT_FALSE(RR::VerifyBindingMessage(bytes.data(),
                                          bytes.size(),
                                          RR::BindingManagementKey(kHomeToken),
                                          kCoa,
                                          kCn));
    // But not a change of the checksum, which the authenticator does not cover.
    auto recsum = bytes;
    recsum[4] ^= 0xff;
    EXPECT_TRUE(RR::VerifyBindingMessage(recsum.data(), recsum.size(), kbm, kCoa, kCn));
}

TEST(ReturnRoutability, AuthDataNeedsAWellFormedBuEndingWithTheAuthenticator)
{
    using RR = ReturnRoutability;
    auto kbm = RR::BindingManagementKey(kHomeToken, kCareOfToken);
    BindingUpdate unsigned_ = MakeBu();
    auto bytes = unsigned_.ToBytes();
    EXPECT_FALSE(RR::BindingMessageAuthData(bytes.data(), bytes.size()));
    EXPECT_FALSE(RR::VerifyBindingMessage(bytes.data(), bytes.size(), kbm, kCoa, kCn));

    BindingUpdate bu = MakeBu();
    RR::SignBindingMessage(bu, kbm, kCoa, kCn);
    bytes = bu.ToBytes();
    auto data = RR::BindingMessageAuthData(bytes.data(), bytes.size());
    ASSERT_TRUE(data);
    EXPECT_EQ(data->size(), bytes.size() - 12);
    for (uint32_t cut = 0; cut < bytes.size(); ++cut)
    {
        EXPECT_FALSE(RR::VerifyBindingMessage(bytes.data(), cut, kbm, kCoa, kCn)) << cut;
    }
    EXPECT_FALSE(RR::VerifyBindingMessage(nullptr, 0, kbm, kCoa, kCn));
}

TEST(ReturnRoutability, ACorrespondentsBindingAckIsSignedAndVerifiedLikeABu)
{
    using RR = ReturnRoutability;
    auto kbm = RR::BindingManagementKey(kHomeToken, kCareOfToken);
    BindingAck ba;
    ba.SetStatus(0);
    ba.SetSequence(7);
    ba.SetLifetime(Seconds(60));
    RR::SignBindingMessage(ba, kbm, kCoa, kCn);
    ASSERT_TRUE(ba.GetOptions().GetBindingAuthorizationData());
    auto bytes = ba.ToBytes();
    EXPECT_TRUE(RR::VerifyBindingMessage(bytes.data(), bytes.size(), kbm, kCoa, kCn));
    auto tampered = bytes;
    tampered[6] ^= 1; // another status
    EXPECT_FALSE(RR::VerifyBindingMessage(tampered.data(), tampered.size(), kbm, kCoa, kCn));
    EXPECT_FALSE(RR::VerifyBindingMessage(bytes.data(),
                                          bytes.size(),
                                          RR::BindingManagementKey(kHomeToken),
                                          kCoa,
                                          kCn));
}
