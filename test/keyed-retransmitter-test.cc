/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// KeyedRetransmitter, the RFC 5213 §6.9.4 back-off shared by the ePMIP PBCIs and the
// distributed-LMA requests: the send times of both ways of ending it, one request per key,
// an acknowledgement stopping only its own key.
#include "ns3/keyed-retransmitter.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Records what the retransmitter sends and gives up.
class KeyedRetransmitterTest : public ::testing::Test
{
  protected:
    typedef KeyedRetransmitter<int, std::string> Retransmitter;

    void SetUp() override
    {
        m_retx.Setup(MakeCallback(&KeyedRetransmitterTest::Send, this),
                     MakeCallback(&KeyedRetransmitterTest::GiveUp, this));
    }

    void TearDown() override
    {
        m_retx.Clear();
        Simulator::Destroy();
    }

    void Send(const int& key, std::string& message, bool again)
    {
        m_sent.push_back({key, Simulator::Now().GetSeconds(), message, again});
        message += "+"; // what sending adds is kept for the next retransmission
    }

    void GiveUp(const int& key)
    {
        m_givenUp.push_back({key, Simulator::Now().GetSeconds(), "", false});
    }

    /// One send or give-up.
    struct Event
    {
        int key;             //!< the request
        double atS;          //!< when
        std::string message; //!< what was sent
        bool again;          //!< a retransmission
    };

    /// \return the times of key \p key's sends
    std::vector<double> TimesOf(int key) const
    {
        std::vector<double> out;
        for (const auto& e : m_sent)
        {
            if (e.key == key)
            {
                out.push_back(e.atS);
            }
        }
        return out;
    }

    Retransmitter m_retx;         //!< under test
    std::vector<Event> m_sent;    //!< sends
    std::vector<Event> m_givenUp; //!< give-ups
};

} // namespace

TEST_F(KeyedRetransmitterTest, CapAtMaxDoublesToTheMaximumAndGivesUpAfterTheRetries)
{
    m_retx.SetBackOff(Seconds(1), Seconds(4), Retransmitter::CAP_AT_MAX, 4);
    m_retx.Start(7, "m");
    Simulator::Run();
    // Sent at 0, then waits of 1, 2, 4 (capped), 4: four retransmissions, given up at 15.
    EXPECT_EQ(TimesOf(7), (std::vector<double>{0, 1, 3, 7, 11}));
    ASSERT_EQ(m_givenUp.size(), 1u);
    EXPECT_DOUBLE_EQ(m_givenUp[0].atS, 15);
    EXPECT_EQ(m_retx.GetRetransmissions(), 4u);
    EXPECT_EQ(m_retx.GetGivenUp(), 1u);
    EXPECT_FALSE(m_sent[0].again);
    EXPECT_TRUE(m_sent[1].again);
    EXPECT_EQ(m_sent[2].message, "m++"); // the stored request, as the last send left it
}

TEST_F(KeyedRetransmitterTest, GiveUpBeyondMaxStopsWhenTheDoubledWaitWouldExceedIt)
{
    m_retx.SetBackOff(Seconds(1), Seconds(4), Retransmitter::GIVE_UP_BEYOND_MAX);
    m_retx.Start(7, "m");
    Simulator::Run();
    // Waits 1, 2, 4; the next (8) exceeds 4: given up when the 4 s wait ends.
    EXPECT_EQ(TimesOf(7), (std::vector<double>{0, 1, 3}));
    ASSERT_EQ(m_givenUp.size(), 1u);
    EXPECT_DOUBLE_EQ(m_givenUp[0].atS, 7);
    EXPECT_EQ(m_retx.GetRetransmissions(), 2u);
}

TEST_F(KeyedRetransmitterTest, AcknowledgeStopsItsKeyOnlyAndANewStartReplaces)
{
    m_retx.SetBackOff(Seconds(1), Seconds(32), Retransmitter::CAP_AT_MAX, 1);
    m_retx.Start(1, "a");
    m_retx.Start(2, "b");
    compat::ScheduleFunction(Seconds(0.5), [this]() { EXPECT_TRUE(m_retx.Acknowledge(1)); });
    compat::ScheduleFunction(Seconds(0.5), [this]() { m_retx.Start(2, "c"); });
    Simulator::Run();
    EXPECT_EQ(TimesOf(1), (std::vector<double>{0}));
    // Key 2 restarted at 0.5 with a fresh back-off: resent at 1.5, given up at 3.5.
    EXPECT_EQ(TimesOf(2), (std::vector<double>{0, 0.5, 1.5}));
    EXPECT_EQ(m_sent.back().message, "c+");
    ASSERT_EQ(m_givenUp.size(), 1u);
    EXPECT_EQ(m_givenUp[0].key, 2);
    EXPECT_DOUBLE_EQ(m_givenUp[0].atS, 3.5);
    EXPECT_FALSE(m_retx.Acknowledge(1));
}
