/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Return routability from the mobile node's side (RFC 6275 §11.6, §11.8): HoTI and CoTI
// are sent again with exponential back-off while no HoT/CoT answers, keep their cookies,
// and are given up when the wait would exceed MaxTimeout.
#include "two-nodes.h"

#include "ns3/care-of-test-init.h"
#include "ns3/client-location-update.h"
#include "ns3/core-module.h"
#include "ns3/home-test-init.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/point-to-point-module.h"
#include "ns3/rr-initiator.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

/// A mobile node and a correspondent that never answers, one link apart.
class RrInitiatorTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_nodes = dmmtest::TwoNodes(m_mn, m_cn);
        Ptr<MobilityL4Protocol> mh = MobilityL4Protocol::Install(m_nodes.Get(0));
        mh->TraceConnectWithoutContext("Tx", MakeCallback(&RrInitiatorTest::Sent, this));
        auto mr = DynamicCast<HostMobilityRouting>(
            InsertMobilityRouting(m_nodes.Get(0), CreateObject<HostMobilityRouting>()));
        mr->CreateTunnelInterface();
        Ptr<ClientLocationUpdate> lu = CreateObject<ClientLocationUpdate>();
        lu->Setup(mh, m_cn);
        m_rr = CreateObjectWithAttributes<RrInitiator>("MaxTimeout", TimeValue(Seconds(8)));
        m_rr->Setup(mh, lu, mr);
        m_rr->AddCorrespondent(m_cn);
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    void Sent(Ptr<const Packet> p, Ipv6Address, Ipv6Address)
    {
        std::string name = MobilityHeader::GetMessageName(p);
        if (name == "HoTI")
        {
            HomeTestInit hoti;
            p->Copy()->RemoveHeader(hoti);
            m_hoti.push_back(Simulator::Now().GetSeconds());
            m_cookies.push_back(hoti.GetHomeInitCookie());
        }
        else if (name == "CoTI")
        {
            m_coti.push_back(Simulator::Now().GetSeconds());
        }
    }

    NodeContainer m_nodes;
    Ipv6Address m_mn;
    Ipv6Address m_cn;
    Ptr<RrInitiator> m_rr;
    std::vector<double> m_hoti;
    std::vector<double> m_coti;
    std::vector<uint64_t> m_cookies;
};

TEST_F(RrInitiatorTest, UnansweredTestInitsBackOffThenGiveUp)
{
    // Both from the node's own address (home = care-of here: nothing else is routable).
    Simulator::Schedule(Seconds(1), [this]() { m_rr->Start(m_mn, m_mn); });
    Simulator::Stop(Seconds(60));
    Simulator::Run();
    // Sent at 1 s with a 1 s wait, then again with waits of 2, 4 and 8 s; at 16 s the
    // next wait (16 s) would exceed MaxTimeout = 8 s: given up.
    std::vector<double> expected{1, 2, 4, 8};
    ASSERT_EQ(m_hoti.size(), expected.size());
    ASSERT_EQ(m_coti.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
    {
        EXPECT_DOUBLE_EQ(m_hoti[i], expected[i]);
        EXPECT_DOUBLE_EQ(m_coti[i], expected[i]);
        EXPECT_EQ(m_cookies[i], m_cookies[0]) << "a retransmission keeps its cookie";
    }
    EXPECT_EQ(m_rr->GetStats().retransmitted, 6u);
    EXPECT_EQ(m_rr->GetStats().givenUp, 2u);
}

TEST_F(RrInitiatorTest, AMoveStopsTheRetransmissions)
{
    Simulator::Schedule(Seconds(1), [this]() { m_rr->Start(m_mn, m_mn); });
    Simulator::Schedule(Seconds(2.5), [this]() { m_rr->Moved(); });
    Simulator::Stop(Seconds(30));
    Simulator::Run();
    EXPECT_EQ(m_hoti.size(), 2u); // at 1 s and 2 s; none after the move
    EXPECT_EQ(m_coti.size(), 2u);
}

} // namespace
