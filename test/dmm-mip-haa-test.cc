/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002): the HAA-MR interface. Its messages in wire format, and
// the home address allocation answering a mobility router across one link.
#include "two-nodes.h"

#include "ns3/core-module.h"
#include "ns3/haa-agent.h"
#include "ns3/hoa-reply.h"
#include "ns3/hoa-request.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mr-redirect.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using PR = MobilityHeader::ParseResult;

namespace
{

const HomeNetworkPrefix LINK = HomeNetworkPrefix::Make(Ipv6Address("2001:bbbb:1::"), 64);
const HomeNetworkPrefix POOL = HomeNetworkPrefix::Make(Ipv6Address("2001:1:1::"), 48);
const Ipv6Address MR("2001:aaaa:1::2");
const Ipv6Address OTHER_MR("2001:aaaa:2::2");
const Ipv6Address SLAAC("2001:bbbb:1:0:200:ff:fe00:7");

Ptr<Packet>
Serialised(const MobilityHeader& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    return p;
}

TEST(DmmMipMessages, RoundTripKeepsNodeAddressAnchorAndSubtype)
{
    HoaRequest request;
    request.SetSequence(9);
    request.SetMobileNode("mn1@dmm");
    request.AddSession(HomeNetworkPrefix::Make(SLAAC, 128), MR);
    HoaReply reply;
    reply.SetSequence(9);
    reply.SetMobileNode("mn1@dmm");
    reply.AddSession(HomeNetworkPrefix::Make(Ipv6Address("2001:1:1:5::"), 64), MR);
    MrRedirect redirect;
    redirect.SetSequence(3);
    redirect.SetLocation(SLAAC, OTHER_MR);
    std::vector<std::pair<DmmSessionHeader*, std::string>> all{{&request, "HoaRequest"},
                                                               {&reply, "HoaReply"},
                                                               {&redirect, "Redirect"}};
    uint8_t sub = HoaRequest::SUBTYPE;
    for (auto& [msg, name] : all)
    {
        Ptr<Packet> p = Serialised(*msg);
        EXPECT_EQ(p->GetSize() % 8, 0u) << name;
        EXPECT_EQ(MobilityHeader::Validate(p), PR::OK) << name;
        EXPECT_EQ(*DmmSessionHeader::PeekSubType(p), sub++) << name;
        EXPECT_EQ(MobilityHeader::GetMessageName(p), name);
    }
    HoaReply back;
    Serialised(reply)->RemoveHeader(back);
    ASSERT_EQ(back.GetParseResult(), PR::OK);
    EXPECT_EQ(back.GetSequence(), 9);
    EXPECT_EQ(back.GetMobileNode(), "mn1@dmm");
    EXPECT_FALSE(back.GetRemove());
    ASSERT_EQ(back.GetSessions().size(), 1u);
    EXPECT_EQ(back.GetSessions()[0].first,
              HomeNetworkPrefix::Make(Ipv6Address("2001:1:1:5::"), 64));
    EXPECT_EQ(back.GetSessions()[0].second, MR);
    MrRedirect redirectBack;
    Serialised(redirect)->RemoveHeader(redirectBack);
    EXPECT_EQ(redirectBack.GetHome(), SLAAC);
    EXPECT_EQ(redirectBack.GetLocator(), OTHER_MR);
}

TEST(DmmMipMessages, TruncatedOrOverlongMessagesAreRejected)
{
    HoaRequest request;
    request.SetMobileNode("mn1@dmm");
    request.AddSession(HomeNetworkPrefix::Make(SLAAC, 128), MR);
    Ptr<Packet> p = Serialised(request);
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    for (uint32_t cut = 0; cut < b.size(); ++cut)
    {
        EXPECT_NE(MobilityHeader::Validate(Create<Packet>(b.data(), cut)), PR::OK) << cut;
    }
    std::vector<uint8_t> longer = b;
    longer.insert(longer.end(), 8, 0);
    EXPECT_EQ(MobilityHeader::Validate(Create<Packet>(longer.data(), longer.size())),
              PR::BAD_LENGTH);
    // An option overrunning the message: the Anchor option's length grows past the end.
    std::vector<uint8_t> overrun = b;
    size_t anchor = 6;
    while (anchor + 1 < overrun.size() &&
           !(overrun[anchor] == DmmSessionHeader::ANCHOR_OPTION && overrun[anchor + 1] == 18))
    {
        ++anchor;
    }
    ASSERT_LT(anchor + 1, overrun.size());
    overrun[anchor + 1] = 40;
    EXPECT_NE(MobilityHeader::Validate(Create<Packet>(overrun.data(), overrun.size())), PR::OK);
}

Ptr<HaaAgent>
Haa(HaaAgent::Mode mode)
{
    Ptr<HaaAgent> haa = CreateObjectWithAttributes<HaaAgent>("Mode", EnumValue(mode));
    haa->AddMobilityRouter(MR, mode == HaaAgent::STATELESS ? LINK : POOL);
    return haa;
}

TEST(DmmMipHaa, StatelessAuthorisesTheAutoconfiguredAddressOnce)
{
    Ptr<HaaAgent> haa = Haa(HaaAgent::STATELESS);
    auto a = haa->Decide("mn1", MR, HomeNetworkPrefix::Make(SLAAC, 128));
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->hoa, HomeNetworkPrefix::Make(SLAAC, 128));
    EXPECT_EQ(a->anchor, MR);
    // Another node proposing the same address is refused; one outside the link too.
    EXPECT_FALSE(haa->Decide("mn2", MR, HomeNetworkPrefix::Make(SLAAC, 128)).has_value());
    EXPECT_FALSE(haa->Decide("mn3", MR, HomeNetworkPrefix::Make(Ipv6Address("2001:bbbb:9::7"), 128))
                     .has_value());
    EXPECT_FALSE(haa->Decide("mn4", MR, std::nullopt).has_value());
    // A router of another network is not served.
    EXPECT_FALSE(haa->Decide("mn5", OTHER_MR, HomeNetworkPrefix::Make(SLAAC, 128)).has_value());
    const auto& s = haa->GetHaaStats();
    EXPECT_EQ(s.assigned, 1u);
    EXPECT_EQ(s.duplicate, 1u);
    EXPECT_EQ(s.outside, 2u);
    EXPECT_EQ(s.unknownRouter, 1u);
}

TEST(DmmMipHaa, StatefulAssignsPrefixesFromTheRoutersPoolAndKeepsThem)
{
    Ptr<HaaAgent> haa = Haa(HaaAgent::STATEFUL);
    auto a = haa->Decide("mn1", MR, HomeNetworkPrefix::Make(SLAAC, 128));
    auto b = haa->Decide("mn2", MR, std::nullopt);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->hoa.length, 64);
    EXPECT_TRUE(POOL.Contains(a->hoa));
    EXPECT_TRUE(POOL.Contains(b->hoa));
    EXPECT_NE(a->hoa, b->hoa);
    // The home local network keeps the node's prefix, whichever router asks (§3.3).
    auto again = haa->Decide("mn1", OTHER_MR, std::nullopt);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->hoa, a->hoa);
    EXPECT_EQ(again->anchor, MR);
    EXPECT_EQ(haa->GetHaaStats().repeated, 1u);
}

TEST(DmmMipHaa, StatefulPoolExhaustionIsARefusal)
{
    Ptr<HaaAgent> haa = CreateObjectWithAttributes<HaaAgent>("Mode", EnumValue(HaaAgent::STATEFUL));
    haa->AddMobilityRouter(MR, LINK); // a /64 pool holds one /64
    EXPECT_TRUE(haa->Decide("mn1", MR, std::nullopt).has_value());
    EXPECT_FALSE(haa->Decide("mn2", MR, std::nullopt).has_value());
    EXPECT_EQ(haa->GetHaaStats().exhausted, 1u);
}

/// A mobility router (A) asks the HAA (B) over the HAA-MR interface.
class DmmMipHaaSignalling : public ::testing::Test
{
  protected:
    void TearDown() override
    {
        Simulator::Destroy();
    }

    void Run(HaaAgent::Mode mode, bool withNode)
    {
        NodeContainer nodes = dmmtest::TwoNodes(m_a, m_b);
        Ptr<HaaAgent> haa = CreateObjectWithAttributes<HaaAgent>("Mode",
                                                                 EnumValue(mode),
                                                                 "ProcessingDelay",
                                                                 TimeValue(MilliSeconds(1)));
        haa->Setup(m_b);
        haa->AddMobilityRouter(m_a, mode == HaaAgent::STATELESS ? LINK : POOL);
        nodes.Get(1)->AddApplication(haa);
        m_haa = haa;
        Ptr<MobilityL4Protocol> mh = MobilityL4Protocol::Install(nodes.Get(0));
        mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                            HoaReply::SUBTYPE,
                            MakeCallback(&DmmMipHaaSignalling::Replied, this));
        Simulator::Schedule(Seconds(1), [=, this]() {
            HoaRequest request;
            request.SetSequence(42);
            if (withNode)
            {
                request.SetMobileNode("mn1@dmm");
            }
            request.AddSession(HomeNetworkPrefix::Make(SLAAC, 128), m_a);
            mh->Send(request, m_a, m_b);
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
    }

    void Replied(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
    {
        HoaReply reply;
        p->RemoveHeader(reply);
        m_replies.push_back(reply);
        m_at = Simulator::Now();
    }

    Ipv6Address m_a;
    Ipv6Address m_b;
    Ptr<HaaAgent> m_haa;
    std::vector<HoaReply> m_replies;
    Time m_at;
};

TEST_F(DmmMipHaaSignalling, StatelessReplyAuthorisesTheProposedAddress)
{
    Run(HaaAgent::STATELESS, true);
    ASSERT_EQ(m_replies.size(), 1u);
    EXPECT_EQ(m_replies[0].GetSequence(), 42);
    EXPECT_FALSE(m_replies[0].GetRemove());
    ASSERT_EQ(m_replies[0].GetSessions().size(), 1u);
    EXPECT_EQ(m_replies[0].GetSessions()[0].first, HomeNetworkPrefix::Make(SLAAC, 128));
    EXPECT_EQ(m_replies[0].GetSessions()[0].second, m_a);
    EXPECT_EQ(m_haa->Lookup("mn1@dmm")->hoa, HomeNetworkPrefix::Make(SLAAC, 128));
}

TEST_F(DmmMipHaaSignalling, StatefulReplyCarriesAPrefixOfThePool)
{
    Run(HaaAgent::STATEFUL, true);
    ASSERT_EQ(m_replies.size(), 1u);
    ASSERT_EQ(m_replies[0].GetSessions().size(), 1u);
    EXPECT_EQ(m_replies[0].GetSessions()[0].first.length, 64);
    EXPECT_TRUE(POOL.Contains(m_replies[0].GetSessions()[0].first));
}

TEST_F(DmmMipHaaSignalling, RequestWithoutNodeIdentifierIsDroppedAndCounted)
{
    Run(HaaAgent::STATELESS, false);
    EXPECT_TRUE(m_replies.empty());
    EXPECT_EQ(m_haa->GetHaaStats().malformed, 1u);
    EXPECT_EQ(m_haa->GetHaaStats().assigned, 0u);
}

} // namespace
