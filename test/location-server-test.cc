/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The fully distributed scenario's location messages and server, on two ns-3 nodes: a
// mobility router/mobile node (A) talks to a location server (B) across one link.
#include "two-nodes.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-cache.h"
#include "ns3/binding-update.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/location-notify.h"
#include "ns3/location-query.h"
#include "ns3/location-reply.h"
#include "ns3/location-server.h"
#include "ns3/location-stale.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/mobility-routing.h"
#include "ns3/network-module.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/point-to-point-module.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address HOME("2001:bbbb:1::7");     // in B's partition
const Ipv6Address FOREIGN("2001:bbbb:2::7");  // in another server's partition
const Ipv6Address VISITED("2001:aaaa:99::1"); // another location server

TEST(LocationMessage, RoundTripKeepsSubtypeFlagsAndPair)
{
    LocationReply m;
    m.SetSequence(77);
    m.SetLocation(HOME, VISITED);
    m.SetReferral(true);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    EXPECT_EQ(MobilityHeader::GetMessageName(p), "LocationReply");
    LocationReply back;
    p->RemoveHeader(back);
    EXPECT_EQ(back.GetSubType(), DmmSessionHeader::LOCATION_REPLY);
    EXPECT_EQ(back.GetSequence(), 77);
    EXPECT_TRUE(back.IsReferral());
    EXPECT_FALSE(back.GetRemove());
    EXPECT_EQ(back.GetHome(), HOME);
    EXPECT_EQ(back.GetLocator(), VISITED);
    // One class per message, each with its subtype and name.
    LocationQuery query;
    LocationNotify notify;
    LocationStale stale;
    std::vector<std::pair<LocationMessage*, std::string>> all{{&query, "LocationQuery"},
                                                              {&m, "LocationReply"},
                                                              {&notify, "LocationNotify"},
                                                              {&stale, "LocationStale"}};
    uint8_t sub = DmmSessionHeader::LOCATION_QUERY;
    for (auto& [msg, name] : all)
    {
        Ptr<Packet> q = Create<Packet>();
        q->AddHeader(*msg);
        EXPECT_EQ(*DmmSessionHeader::PeekSubType(q), sub++);
        EXPECT_EQ(MobilityHeader::GetMessageName(q), name);
    }
}

TEST(LocationMessage, VisitedServerOptionTravelsInABindingUpdate)
{
    BindingUpdate bu;
    bu.SetHomeRegistration(true);
    bu.GetOptions().SetAlternateCareOfAddress(Ipv6Address("2001:bbbb:3::7"));
    DmmSessionHeader::AddAnchorOption(bu.GetOptions(), DmmSessionHeader::VISITED_SERVER, VISITED);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(bu);
    BindingUpdate back;
    p->RemoveHeader(back);
    EXPECT_EQ(
        DmmSessionHeader::GetAnchorOption(back.GetOptions(), DmmSessionHeader::VISITED_SERVER),
        VISITED);
    EXPECT_EQ(back.GetOptions().GetAlternateCareOfAddress(), Ipv6Address("2001:bbbb:3::7"));
    BindingUpdate plain;
    EXPECT_FALSE(
        DmmSessionHeader::GetAnchorOption(plain.GetOptions(), DmmSessionHeader::VISITED_SERVER)
            .has_value());
}

class LocationServerTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_nodes = dmmtest::TwoNodes(m_a, m_b);
        // The server's node processes Home Address options (RFC 6275 §9.3.1).
        InsertMobilityRouting(m_nodes.Get(1), CreateObject<MobilityRouting>());
        m_mh = MobilityL4Protocol::Install(m_nodes.Get(0));
        // Acknowledgements carry a type 2 routing header for the home address, which A
        // does not own: they are read where the server sends them.
        MobilityL4Protocol::Install(m_nodes.Get(1))
            ->TraceConnectWithoutContext("Tx", MakeCallback(&LocationServerTest::ServerSent, this));
        m_mh->RegisterHandler(DmmSessionHeader::MH_TYPE,
                              MakeCallback(&LocationServerTest::Answer, this));
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    /// \param push whether the querying router subscribes (S flag) to changes
    Ptr<LocationServer> Install(bool push)
    {
        m_subscribe = push;
        Ptr<LocationServer> server = CreateObject<LocationServer>();
        server->Setup(
            CreateObjectWithAttributes<BindingCache>("ProxyRegistration", BooleanValue(false)),
            m_b,
            {HomeNetworkPrefix::Make(Ipv6Address("2001:bbbb:1::"), 64)},
            {m_b, VISITED});
        m_nodes.Get(1)->AddApplication(server);
        return server;
    }

    /// A Binding Update for \p home from A (its care-of address) at \p at.
    void Register(Time at, Ipv6Address home, bool homeReg, Time lifetime, Ipv6Address visited)
    {
        Simulator::Schedule(at, [=, this]() {
            BindingUpdate bu;
            bu.SetHomeRegistration(homeReg);
            bu.SetMapRegistration(!homeReg);
            bu.SetAckRequested(true);
            bu.SetSequence(++m_sequence);
            bu.SetLifetime(lifetime);
            bu.GetOptions().SetAlternateCareOfAddress(m_a);
            if (!visited.IsAny())
            {
                DmmSessionHeader::AddAnchorOption(bu.GetOptions(),
                                                  DmmSessionHeader::VISITED_SERVER,
                                                  visited);
            }
            m_mh->SendWithHomeAddress(bu, m_a, m_b, home);
        });
    }

    void Query(Time at, Ipv6Address home)
    {
        Simulator::Schedule(at, [=, this]() {
            LocationQuery q;
            q.SetSequence(++m_sequence);
            q.SetSubscribe(m_subscribe);
            if (!home.IsAny())
            {
                q.SetLocation(home, Ipv6Address::GetAny());
            }
            m_mh->Send(q, m_a, m_b);
        });
    }

    void ServerSent(Ptr<const Packet> p, Ipv6Address, Ipv6Address)
    {
        if (MobilityHeader::GetMessageName(p) == "BA")
        {
            BindingAck ba;
            p->Copy()->RemoveHeader(ba);
            m_acks.push_back(ba.GetStatus());
        }
    }

    void Answer(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
    {
        // Replies and notifications share their fields: read both as replies, keep the
        // subtype.
        uint8_t subType = *DmmSessionHeader::PeekSubType(p);
        LocationReply m;
        p->RemoveHeader(m);
        m_answers.push_back({subType, m});
    }

    NodeContainer m_nodes;
    Ipv6Address m_a;
    Ipv6Address m_b;
    Ptr<MobilityL4Protocol> m_mh;
    uint16_t m_sequence{0};
    bool m_subscribe{false}; //!< queries ask for notifications (push)
    std::vector<uint8_t> m_acks;
    std::vector<std::pair<uint8_t, LocationReply>> m_answers;
};

TEST_F(LocationServerTest, HomeRegistrationsOnlyForItsPartitionLocalOnesForAny)
{
    Ptr<LocationServer> server = Install(false);
    Register(Seconds(1), FOREIGN, true, Seconds(60), Ipv6Address::GetAny());
    Register(Seconds(2), FOREIGN, false, Seconds(60), Ipv6Address::GetAny());
    Register(Seconds(3), HOME, true, Seconds(60), VISITED);
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    ASSERT_EQ(m_acks.size(), 3u);
    EXPECT_EQ(m_acks[0], static_cast<uint8_t>(BindingStatus::NOT_HOME_SUBNET));
    EXPECT_EQ(m_acks[1], 0);
    EXPECT_EQ(m_acks[2], 0);
    EXPECT_EQ(server->GetStats().rejected, 1u);
}

TEST_F(LocationServerTest, AnswersCareOfReferralOrNothing)
{
    Ptr<LocationServer> server = Install(false);
    Register(Seconds(1), FOREIGN, false, Seconds(60), Ipv6Address::GetAny()); // tracked here
    Register(Seconds(1), HOME, true, Seconds(60), VISITED);                   // elsewhere
    Query(Seconds(2), FOREIGN);
    Query(Seconds(3), HOME);
    Query(Seconds(4), Ipv6Address("2001:bbbb:1::99")); // nobody
    Query(Seconds(5), Ipv6Address::GetAny());          // malformed: no address
    Simulator::Stop(Seconds(6));
    Simulator::Run();
    ASSERT_EQ(m_answers.size(), 3u);
    EXPECT_EQ(m_answers[0].second.GetLocator(), m_a);
    EXPECT_FALSE(m_answers[0].second.IsReferral());
    EXPECT_EQ(m_answers[1].second.GetLocator(), VISITED);
    EXPECT_TRUE(m_answers[1].second.IsReferral());
    EXPECT_TRUE(m_answers[2].second.GetRemove());
    EXPECT_EQ(m_answers[2].second.GetLocator(), Ipv6Address::GetAny());
    EXPECT_EQ(server->GetStats().queries, 3u);
    EXPECT_EQ(server->GetStats().invalid, 1u);
    EXPECT_EQ(server->GetStats().referrals, 1u);
}

TEST_F(LocationServerTest, PushNotifiesWhoAskedOnChangeAndRemoval)
{
    Ptr<LocationServer> server = Install(true);
    Query(Seconds(1), HOME); // nothing yet: A subscribes
    Register(Seconds(2), HOME, true, Seconds(60), VISITED);
    Register(Seconds(3), HOME, true, Seconds(60), VISITED); // a refresh: no change, no notify
    Register(Seconds(4), HOME, true, Seconds(0), Ipv6Address::GetAny()); // de-registration
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    ASSERT_EQ(m_answers.size(), 3u);
    EXPECT_EQ(m_answers[0].first, DmmSessionHeader::LOCATION_REPLY);
    EXPECT_TRUE(m_answers[0].second.GetRemove());
    EXPECT_EQ(m_answers[1].first, DmmSessionHeader::LOCATION_NOTIFY);
    EXPECT_EQ(m_answers[1].second.GetLocator(), VISITED);
    EXPECT_EQ(m_answers[2].first, DmmSessionHeader::LOCATION_NOTIFY);
    EXPECT_TRUE(m_answers[2].second.GetRemove());
    EXPECT_EQ(server->GetStats().notifications, 2u);
}

} // namespace
