/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The DMA session database (seed 003 §4.1) on two nodes: it records and removes sessions,
// answers queries with them, and bounds what it keeps per node so that a reply always
// fits (a Session Reply of ~42 sessions exceeded 2048 octets and aborted the run).
#include "two-nodes.h"

#include "ns3/mobility-l4-protocol.h"
#include "ns3/session-db-agent.h"
#include "ns3/session-query.h"
#include "ns3/session-reply.h"
#include "ns3/session-update.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace ns3;

namespace
{

class SessionDb : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_nodes = dmmtest::TwoNodes(m_mar, m_db);
        m_mh = MobilityL4Protocol::Install(m_nodes.Get(0));
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              DmmSessionHeader::REPLY,
                              MakeCallback(&SessionDb::Replied, this));
        m_agent = CreateObject<SessionDbAgent>();
        m_agent->SetAddress(m_db);
        m_nodes.Get(1)->AddApplication(m_agent);
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    /// At \p at, a Session Update of \p count prefixes 2001:1:1:<i>::/64 from \p first on.
    void Update(Time at, uint32_t first, uint32_t count, bool remove)
    {
        Simulator::Schedule(at, [=, this]() {
            SessionUpdate u;
            u.SetMobileNode("mn1@example");
            u.SetRemove(remove);
            for (uint32_t i = first; i < first + count; ++i)
            {
                auto prefix = fmt::format("2001:1:1:{:x}::", i);
                u.AddSession(HomeNetworkPrefix::Make(Ipv6Address(prefix.c_str()), 64), m_mar);
            }
            m_mh->Send(u, m_mar, m_db);
        });
    }

    void Query(Time at)
    {
        Simulator::Schedule(at, [this]() {
            SessionQuery q;
            q.SetMobileNode("mn1@example");
            q.SetSequence(5);
            m_mh->Send(q, m_mar, m_db);
        });
    }

    void Replied(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
    {
        SessionReply r;
        p->RemoveHeader(r);
        m_replies.push_back(r.GetSessions().size());
    }

    NodeContainer m_nodes;
    Ipv6Address m_mar;
    Ipv6Address m_db;
    Ptr<MobilityL4Protocol> m_mh;
    Ptr<SessionDbAgent> m_agent;
    std::vector<size_t> m_replies;
};

} // namespace

TEST_F(SessionDb, RecordsRemovesAndAnswers)
{
    Update(Seconds(1), 1, 3, false);
    Update(Seconds(1.1), 2, 1, true); // the flows on prefix 2 ended
    Query(Seconds(1.2));
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    ASSERT_EQ(m_replies, std::vector<size_t>{2});
    EXPECT_EQ(m_agent->GetSessions("mn1@example").size(), 2u);
    EXPECT_EQ(m_agent->GetStats().updates, 3u);
    EXPECT_EQ(m_agent->GetStats().removals, 1u);
    EXPECT_EQ(m_agent->GetStats().queries, 1u);
}

TEST_F(SessionDb, SessionsPerNodeAreBoundedAndTheReplyFits)
{
    // 50 sessions in two updates (each fits): 32 kept, 18 refused and counted, the reply
    // lists the 32 and is sent.
    Update(Seconds(1), 1, 25, false);
    Update(Seconds(1.1), 26, 25, false);
    Query(Seconds(1.2));
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    EXPECT_EQ(m_agent->GetStats().updates, 32u);
    EXPECT_EQ(m_agent->GetStats().refused, 18u);
    ASSERT_EQ(m_replies, std::vector<size_t>{32});
    EXPECT_EQ(m_nodes.Get(1)->GetObject<MobilityL4Protocol>()->GetStats().tooLarge, 0u);
}
