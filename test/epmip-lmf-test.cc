/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The LMF of an eLMA (seed 001 §3.3, §4.2): a PBQR is answered with the proxy-CoA of the
// binding cache entry holding the queried address, or with R when there is none.
#include "two-nodes.h"

#include "ns3/binding-cache.h"
#include "ns3/binding-query-answer.h"
#include "ns3/binding-query-request.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/location-management-function.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"

#include <gtest/gtest.h>
#include <optional>

using namespace ns3;

namespace
{

const HomeNetworkPrefix HNP2 = HomeNetworkPrefix::Make(Ipv6Address("2001:aaaa:2::"), 64);
const Ipv6Address MN2("2001:aaaa:2::5");
const Ipv6Address EMAG4("2001:470:4::1");

class EpmipLmfTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_nodes = dmmtest::TwoNodes(m_a, m_b);
        m_cache = CreateObject<BindingCache>();
        m_lmf = CreateObject<LocationManagementFunction>();
        m_lmf->Setup(MobilityL4Protocol::Install(m_nodes.Get(1)), m_cache, m_b);
        m_mh = MobilityL4Protocol::Install(m_nodes.Get(0));
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              DmmSessionHeader::BINDING_QUERY_ANSWER,
                              MakeCallback(&EpmipLmfTest::Answer, this));
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    void Answer(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
    {
        BindingQueryAnswer a;
        p->RemoveHeader(a);
        m_answer = a;
        m_from = header.GetSource();
    }

    /// Registers mn2 at EMAG4 at 0.5 s, asks for \p queried at 1 s.
    void Ask(Ipv6Address queried)
    {
        Simulator::Schedule(Seconds(0.5), [this]() {
            BindingRequest r;
            r.mnId = "mn2";
            r.prefixes = {HNP2};
            r.careOf = EMAG4;
            r.lifetime = Seconds(100);
            r.timestamp = TimeToPmipTimestamp(Simulator::Now());
            r.handoffIndicator = 1;
            r.accessTechnology = 3;
            ASSERT_EQ(m_cache->Update(r).status, BindingStatus::ACCEPTED);
        });
        Simulator::Schedule(Seconds(1), [this, queried]() {
            BindingQueryRequest q;
            q.SetSequence(99);
            q.AddLocation(HomeNetworkPrefix::Make(queried, 128), Ipv6Address::GetAny());
            m_mh->Send(q, m_a, m_b);
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
    }

    NodeContainer m_nodes;
    Ipv6Address m_a;
    Ipv6Address m_b;
    Ptr<BindingCache> m_cache;
    Ptr<LocationManagementFunction> m_lmf;
    Ptr<MobilityL4Protocol> m_mh;
    std::optional<BindingQueryAnswer> m_answer;
    Ipv6Address m_from;
};

} // namespace

TEST_F(EpmipLmfTest, AnswersWithTheProxyCoaOfTheBinding)
{
    Ask(MN2);
    ASSERT_TRUE(m_answer.has_value());
    EXPECT_EQ(m_from, m_b);
    EXPECT_EQ(m_answer->GetSequence(), 99);
    EXPECT_FALSE(m_answer->GetRemove());
    ASSERT_EQ(m_answer->GetLocations().size(), 1u);
    EXPECT_EQ(m_answer->GetLocations()[0].first, HNP2);
    EXPECT_EQ(m_answer->GetLocations()[0].second, EMAG4);
    EXPECT_EQ(m_lmf->GetStats().answered, 1u);
}

TEST_F(EpmipLmfTest, AnswersRWithoutABinding)
{
    Ask(Ipv6Address("2001:aaaa:3::5"));
    ASSERT_TRUE(m_answer.has_value());
    EXPECT_TRUE(m_answer->GetRemove());
    ASSERT_EQ(m_answer->GetLocations().size(), 1u);
    EXPECT_EQ(m_answer->GetLocations()[0].second, Ipv6Address::GetAny());
    EXPECT_EQ(m_lmf->GetStats().unknown, 1u);
}
