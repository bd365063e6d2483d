/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// MIPv6 (RFC 6275) Mobility Header messages and options: BU/BA and their proxy variants,
// the return routability messages, Binding Error, Binding Refresh Request, and the
// options of RFC 6275 section 6.2.
#include "ns3/binding-ack.h"
#include "ns3/binding-error.h"
#include "ns3/binding-refresh-request.h"
#include "ns3/binding-update.h"
#include "ns3/care-of-test-init.h"
#include "ns3/care-of-test.h"
#include "ns3/home-test-init.h"
#include "ns3/home-test.h"
#include "ns3/packet.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>
#include <vector>

using namespace ns3;
using PR = MobilityHeader::ParseResult;

namespace
{

std::vector<uint8_t>
Bytes(const MobilityHeader& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

Ptr<Packet>
FromBytes(const std::vector<uint8_t>& b)
{
    return Create<Packet>(b.data(), b.size());
}

/// Serialise \p in, check the packet validates, and deserialise into \p out.
template <class T>
void
RoundTrip(const T& in, T& out)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(in);
    ASSERT_EQ(p->GetSize() % 8, 0u);
    ASSERT_EQ(MobilityHeader::Validate(p), PR::OK);
    p->RemoveHeader(out);
    ASSERT_EQ(out.GetParseResult(), PR::OK);
    EXPECT_EQ(p->GetSize(), 0u);
}

/// Offset of the first option of \p type in a Mobility Header that starts its options at
/// \p start, or 0.
uint32_t
OptionOffset(const std::vector<uint8_t>& b, uint32_t start, uint8_t type)
{
    for (uint32_t pos = start; pos + 1 < b.size();)
    {
        if (b[pos] == type)
        {
            return pos;
        }
        pos += b[pos] == 0 ? 1 : 2 + b[pos + 1];
    }
    return 0;
}

} // namespace

TEST(Mipv6Messages, BindingUpdateDefaultsAndProxySubclass)
{
    BindingUpdate bu;
    EXPECT_TRUE(bu.GetAckRequested());
    EXPECT_FALSE(bu.GetProxyRegistration());
    EXPECT_EQ(bu.GetFlags(), BindingUpdate::FLAG_A);
    EXPECT_EQ(bu.GetInstanceTypeId().GetName(), "ns3::BindingUpdate");
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(Bytes(bu))), "BU");

    ProxyBindingUpdate pbu;
    EXPECT_EQ(pbu.GetFlags(), BindingUpdate::FLAG_A | BindingUpdate::FLAG_P);
    EXPECT_EQ(pbu.GetInstanceTypeId().GetName(), "ns3::ProxyBindingUpdate");
    EXPECT_EQ(pbu.GetInstanceTypeId().GetParent(), BindingUpdate::GetTypeId());
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(Bytes(pbu))), "PBU");

    BindingAck ba;
    EXPECT_EQ(ba.GetFlags(), 0);
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(Bytes(ba))), "BA");
    ProxyBindingAck pba;
    EXPECT_EQ(pba.GetFlags(), BindingAck::FLAG_P);
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(Bytes(pba))), "PBA");

    // A PBU on the wire reads back as a BindingUpdate with P set, and vice versa.
    BindingUpdate rx;
    Ptr<Packet> p = FromBytes(Bytes(pbu));
    p->RemoveHeader(rx);
    EXPECT_EQ(rx.GetParseResult(), PR::OK);
    EXPECT_TRUE(rx.GetProxyRegistration());
}

TEST(Mipv6Messages, BindingUpdateRoundTripWithMipv6Options)
{
    BindingUpdate bu;
    bu.SetSequence(0xbeef);
    bu.SetHomeRegistration(true);
    bu.SetKeyManagement(true);
    bu.SetLifetime(Seconds(420));
    // Inserted before the others on purpose: it must still go last on the wire.
    std::array<uint8_t, 12> auth{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    bu.GetOptions().SetBindingAuthorizationData(auth);
    bu.GetOptions().SetAlternateCareOfAddress(Ipv6Address("2001:db8:2::200"));
    bu.GetOptions().SetNonceIndices(0x1234, 0x5678);

    BindingUpdate rx;
    RoundTrip(bu, rx);
    EXPECT_EQ(rx.GetSequence(), 0xbeef);
    EXPECT_EQ(rx.GetFlags(), BindingUpdate::FLAG_A | BindingUpdate::FLAG_H | BindingUpdate::FLAG_K);
    EXPECT_EQ(rx.GetLifetimeUnits(), 105);
    EXPECT_EQ(rx.GetOptions().GetAlternateCareOfAddress(),
              std::optional<Ipv6Address>(Ipv6Address("2001:db8:2::200")));
    auto ni = rx.GetOptions().GetNonceIndices();
    ASSERT_TRUE(ni);
    EXPECT_EQ(ni->first, 0x1234);
    EXPECT_EQ(ni->second, 0x5678);
    EXPECT_EQ(rx.GetOptions().GetBindingAuthorizationData(), std::optional(auth));

    // Alignment (RFC 6275 section 6.2): alternate CoA 8n+6, nonce indices 2n, binding
    // authorization data 8n+2 and last, ending the message without trailing padding.
    auto b = Bytes(bu);
    uint32_t acoa = OptionOffset(b, 12, MobilityOptions::ALTERNATE_CARE_OF_ADDRESS);
    uint32_t nonce = OptionOffset(b, 12, MobilityOptions::NONCE_INDICES);
    uint32_t bad = OptionOffset(b, 12, MobilityOptions::BINDING_AUTHORIZATION_DATA);
    ASSERT_NE(acoa, 0u);
    ASSERT_NE(nonce, 0u);
    ASSERT_NE(bad, 0u);
    EXPECT_EQ(acoa % 8, 6u);
    EXPECT_EQ(nonce % 2, 0u);
    EXPECT_EQ(bad % 8, 2u);
    EXPECT_GT(bad, nonce);
    EXPECT_EQ(bad + 14, b.size());
}

TEST(Mipv6Messages, BindingAckStatusesAndRefreshAdvice)
{
    EXPECT_EQ(BindingAck::ACCEPTED_PREFIX_DISCOVERY_NECESSARY, 1);
    EXPECT_EQ(BindingAck::NOT_HOME_SUBNET, 132);
    EXPECT_EQ(BindingAck::NOT_HOME_AGENT_FOR_THIS_MOBILE_NODE, 133);
    EXPECT_EQ(BindingAck::DUPLICATE_ADDRESS_DETECTION_FAILED, 134);
    EXPECT_EQ(BindingAck::EXPIRED_HOME_NONCE_INDEX, 136);
    EXPECT_EQ(BindingAck::EXPIRED_CARE_OF_NONCE_INDEX, 137);
    EXPECT_EQ(BindingAck::EXPIRED_NONCES, 138);
    EXPECT_EQ(BindingAck::REGISTRATION_TYPE_CHANGE_DISALLOWED, 139);
    EXPECT_EQ(BindingAck::INVALID_CARE_OF_ADDRESS, 174);

    BindingAck ba;
    ba.SetStatus(BindingAck::ACCEPTED_PREFIX_DISCOVERY_NECESSARY);
    ba.SetSequence(77);
    ba.SetLifetimeUnits(50);
    ba.SetKeyManagement(true);
    ba.GetOptions().SetBindingRefreshAdvice(25);
    BindingAck rx;
    RoundTrip(ba, rx);
    EXPECT_TRUE(rx.IsAccepted());
    EXPECT_EQ(rx.GetStatus(), 1);
    EXPECT_EQ(rx.GetSequence(), 77);
    EXPECT_EQ(rx.GetLifetimeUnits(), 50);
    EXPECT_EQ(rx.GetFlags(), BindingAck::FLAG_K);
    EXPECT_EQ(rx.GetOptions().GetBindingRefreshAdvice(), std::optional<uint16_t>(25));
    ba.SetStatus(BindingAck::EXPIRED_NONCES);
    EXPECT_FALSE(ba.IsAccepted());
}

TEST(Mipv6Messages, ReturnRoutabilityMessagesRoundTrip)
{
    HomeTestInit hoti;
    hoti.SetHomeInitCookie(0x0123456789abcdefULL);
    auto b = Bytes(hoti);
    ASSERT_EQ(b.size(), 16u);
    EXPECT_EQ(b[2], MobilityHeader::HOME_TEST_INIT);
    EXPECT_EQ(b[8], 0x01); // cookie after 16 reserved bits
    HomeTestInit hoti2;
    RoundTrip(hoti, hoti2);
    EXPECT_EQ(hoti2.GetHomeInitCookie(), 0x0123456789abcdefULL);
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(b)), "HoTI");

    CareOfTestInit coti;
    coti.SetCareOfInitCookie(0xfedcba9876543210ULL);
    CareOfTestInit coti2;
    RoundTrip(coti, coti2);
    EXPECT_EQ(coti2.GetCareOfInitCookie(), 0xfedcba9876543210ULL);
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(Bytes(coti))), "CoTI");

    HomeTest hot;
    hot.SetHomeNonceIndex(7);
    hot.SetHomeInitCookie(11);
    hot.SetHomeKeygenToken(0x1122334455667788ULL);
    b = Bytes(hot);
    ASSERT_EQ(b.size(), 24u);
    HomeTest hot2;
    RoundTrip(hot, hot2);
    EXPECT_EQ(hot2.GetHomeNonceIndex(), 7);
    EXPECT_EQ(hot2.GetHomeInitCookie(), 11u);
    EXPECT_EQ(hot2.GetHomeKeygenToken(), 0x1122334455667788ULL);
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(b)), "HoT");

    CareOfTest cot;
    cot.SetCareOfNonceIndex(9);
    cot.SetCareOfInitCookie(13);
    cot.SetCareOfKeygenToken(0x8877665544332211ULL);
    CareOfTest cot2;
    RoundTrip(cot, cot2);
    EXPECT_EQ(cot2.GetCareOfNonceIndex(), 9);
    EXPECT_EQ(cot2.GetCareOfInitCookie(), 13u);
    EXPECT_EQ(cot2.GetCareOfKeygenToken(), 0x8877665544332211ULL);
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(Bytes(cot))), "CoT");

    // A HoT is not a CoT: deserialising the wrong class is refused.
    CareOfTest wrong;
    Ptr<Packet> p = FromBytes(Bytes(hot));
    p->RemoveHeader(wrong);
    EXPECT_EQ(wrong.GetParseResult(), PR::UNKNOWN_TYPE);
}

TEST(Mipv6Messages, BindingErrorAndRefreshRequestRoundTrip)
{
    BindingError be;
    be.SetStatus(BindingError::UNRECOGNIZED_MH_TYPE);
    be.SetHomeAddress(Ipv6Address("2001:db8:1::100"));
    auto b = Bytes(be);
    ASSERT_EQ(b.size(), 24u);
    EXPECT_EQ(b[6], 2);
    BindingError be2;
    RoundTrip(be, be2);
    EXPECT_EQ(be2.GetStatus(), 2);
    EXPECT_EQ(be2.GetHomeAddress(), Ipv6Address("2001:db8:1::100"));
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(b)), "BE");
    EXPECT_EQ(BindingError::UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION, 1);

    BindingRefreshRequest brr;
    b = Bytes(brr);
    ASSERT_EQ(b.size(), 8u);
    EXPECT_EQ(b[2], 0);
    BindingRefreshRequest brr2;
    RoundTrip(brr, brr2);
    EXPECT_EQ(MobilityHeader::GetMessageName(FromBytes(b)), "BRR");
}

TEST(Mipv6Messages, ValidateRejectsTruncatedOverlongAndShortMessages)
{
    HomeTest hot;
    auto b = Bytes(hot);
    for (uint32_t cut = 0; cut < b.size(); ++cut)
    {
        std::vector<uint8_t> t(b.begin(), b.begin() + cut);
        EXPECT_NE(MobilityHeader::Validate(FromBytes(t)), PR::OK) << cut;
    }
    auto longer = b;
    longer.insert(longer.end(), 8, 0);
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(longer)), PR::BAD_LENGTH);

    // A HoT must have 18 octets of message data: a 16-octet "HoT" is too short for its type.
    HomeTestInit hoti;
    auto shortHot = Bytes(hoti);
    shortHot[2] = MobilityHeader::HOME_TEST;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(shortHot)), PR::BAD_LENGTH);
    // A BE needs 18 octets too.
    shortHot[2] = MobilityHeader::BINDING_ERROR;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(shortHot)), PR::BAD_LENGTH);
}

TEST(Mipv6Messages, MalformedMipv6OptionsAreRejected)
{
    // A BRR (8 octets of which 2 are message data) followed by 8 octets of options.
    auto withOptions = [](const std::vector<uint8_t>& opts) {
        std::vector<uint8_t> b(8 + opts.size(), 0);
        b[0] = 59;
        b[1] = 1;
        std::copy(opts.begin(), opts.end(), b.begin() + 8);
        return b;
    };
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(withOptions({2, 2, 0, 9, 1, 2, 0, 0}))), PR::OK);
    // Wrong lengths of the four options (each padded to the 16-octet message).
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(withOptions({2, 3, 0, 9, 0, 1, 0, 0}))),
              PR::BAD_OPTION);
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(withOptions({3, 6, 0, 0, 0, 0, 0, 0}))),
              PR::BAD_OPTION);
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(withOptions({4, 2, 0, 1, 1, 2, 0, 0}))),
              PR::BAD_OPTION);
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(withOptions({5, 6, 0, 0, 0, 0, 0, 0}))),
              PR::BAD_OPTION);
    // An option after the Binding Authorization Data option.
    std::vector<uint8_t> afterAuth{59, 3, 0, 0, 0, 0, 0, 0, 5, 12};
    afterAuth.insert(afterAuth.end(), 12, 0xab);
    afterAuth.insert(afterAuth.end(), {2, 2, 0, 1, 1, 4, 0, 0, 0, 0}); // BRA, PadN
    ASSERT_EQ(afterAuth.size(), 32u);
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(afterAuth)), PR::BAD_OPTION);
    // Padding after it is fine.
    afterAuth[22] = 1; // the BRA becomes a PadN
    afterAuth[23] = 2;
    EXPECT_EQ(MobilityHeader::Validate(FromBytes(afterAuth)), PR::OK);
}

TEST(Mipv6Messages, MutatedBytesNeverCrashAndOnlyValidOnesParse)
{
    // Every new message class, fed single-octet mutations and truncations of a valid
    // message: Validate() and Deserialize() must agree and never assert.
    BindingUpdate bu;
    bu.GetOptions().SetAlternateCareOfAddress(Ipv6Address("2001:db8:2::200"));
    bu.GetOptions().SetNonceIndices(1, 2);
    bu.GetOptions().SetBindingAuthorizationData({});
    HomeTest hot;
    CareOfTest cot;
    HomeTestInit hoti;
    CareOfTestInit coti;
    BindingError be;
    BindingRefreshRequest brr;
    const std::vector<const MobilityHeader*> messages{&bu, &hot, &cot, &hoti, &coti, &be, &brr};
    std::mt19937 rng(11);
    for (const MobilityHeader* m : messages)
    {
        auto good = Bytes(*m);
        for (int i = 0; i < 300; ++i)
        {
            auto b = good;
            b[rng() % b.size()] = static_cast<uint8_t>(rng());
            if (rng() % 4 == 0)
            {
                b.resize(rng() % b.size());
            }
            PR validated = MobilityHeader::Validate(FromBytes(b));
            Ptr<Packet> p = FromBytes(b);
            PR parsed = PR::OK;
            switch (m->GetMhType())
            {
            case MobilityHeader::BINDING_UPDATE: {
                BindingUpdate rx;
                p->RemoveHeader(rx);
                parsed = rx.GetParseResult();
                break;
            }
            case MobilityHeader::HOME_TEST: {
                HomeTest rx;
                p->RemoveHeader(rx);
                parsed = rx.GetParseResult();
                break;
            }
            case MobilityHeader::CARE_OF_TEST: {
                CareOfTest rx;
                p->RemoveHeader(rx);
                parsed = rx.GetParseResult();
                break;
            }
            case MobilityHeader::HOME_TEST_INIT: {
                HomeTestInit rx;
                p->RemoveHeader(rx);
                parsed = rx.GetParseResult();
                break;
            }
            case MobilityHeader::CARE_OF_TEST_INIT: {
                CareOfTestInit rx;
                p->RemoveHeader(rx);
                parsed = rx.GetParseResult();
                break;
            }
            case MobilityHeader::BINDING_ERROR: {
                BindingError rx;
                p->RemoveHeader(rx);
                parsed = rx.GetParseResult();
                break;
            }
            default: {
                BindingRefreshRequest rx;
                p->RemoveHeader(rx);
                parsed = rx.GetParseResult();
                break;
            }
            }
            // Where the two judge the same bytes (Deserialize() reads the declared length
            // and refuses another MH type; Validate() takes the whole packet and any known
            // type), they agree.
            bool sameBytes = b.size() >= 8 && (b[1] + 1u) * 8 == b.size();
            if (sameBytes && b[2] == m->GetMhType())
            {
                EXPECT_EQ(validated == PR::OK, parsed == PR::OK) << +m->GetMhType() << " " << i;
            }
            else if (validated == PR::TRUNCATED)
            {
                EXPECT_NE(parsed, PR::OK) << +m->GetMhType() << " " << i;
            }
        }
    }
}
