/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The correspondent's side of route optimisation (RFC 6275 §9.5.1, §5.2.7) with crafted
// Binding Updates: a missing or wrong authenticator is silently discarded; an unknown or
// expired nonce index is refused with status 136, 137 or 138.
#include "two-nodes.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-update.h"
#include "ns3/cn-agent.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/location-management.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/pmipv6-helper.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address HOME("2001:1::7"); // the mobile node's home address (carried in the HAO)

class CnAgentTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_nodes = dmmtest::TwoNodes(m_mn, m_cn);
        m_mh = MobilityL4Protocol::Install(m_nodes.Get(0));
        auto mr = DynamicCast<HostMobilityRouting>(
            InsertMobilityRouting(m_nodes.Get(1), CreateObject<HostMobilityRouting>()));
        mr->CreateTunnelInterface();
        m_agent = CreateObjectWithAttributes<CnAgent>("NonceInterval",
                                                      TimeValue(Seconds(1)),
                                                      "NoncesKept",
                                                      UintegerValue(2));
        m_agent->Setup(mr);
        m_nodes.Get(1)->AddApplication(m_agent);
        // The acknowledgements carry a type 2 routing header for HOME, which the sender
        // does not own: they are read where the correspondent sends them.
        MobilityL4Protocol::Install(m_nodes.Get(1))
            ->TraceConnectWithoutContext("Tx", MakeCallback(&CnAgentTest::CnSent, this));
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    /// A correspondent Binding Update with nonce indices and a dummy authenticator.
    void SendBu(Time at, std::optional<std::pair<uint16_t, uint16_t>> nonces)
    {
        Simulator::Schedule(at, [=, this]() {
            BindingUpdate bu;
            bu.SetAckRequested(true);
            bu.SetSequence(++m_sequence);
            bu.SetLifetime(Seconds(60));
            bu.GetOptions().SetAlternateCareOfAddress(m_mn);
            if (nonces)
            {
                bu.GetOptions().SetNonceIndices(nonces->first, nonces->second);
            }
            bu.GetOptions().SetBindingAuthorizationData({}); // not the Kbm's MAC
            m_mh->SendWithHomeAddress(bu, m_mn, m_cn, HOME);
        });
    }

    void CnSent(Ptr<const Packet> p, Ipv6Address, Ipv6Address)
    {
        if (MobilityHeader::GetMessageName(p) == "BA")
        {
            BindingAck ba;
            p->Copy()->RemoveHeader(ba);
            m_status.push_back(ba.GetStatus());
        }
    }

    NodeContainer m_nodes;
    Ipv6Address m_mn;
    Ipv6Address m_cn;
    Ptr<MobilityL4Protocol> m_mh;
    Ptr<CnAgent> m_agent;
    uint16_t m_sequence{0};
    std::vector<uint8_t> m_status;
};

TEST_F(CnAgentTest, ExpiredNonceIndicesAreRefusedByName)
{
    // Nonce 1 is generated at start, 2 at 1 s, 3 at 2 s; two stay valid.
    SendBu(Seconds(0.5), std::make_pair(uint16_t{7}, uint16_t{1})); // home index unknown
    SendBu(Seconds(0.6), std::make_pair(uint16_t{1}, uint16_t{7})); // care-of index unknown
    SendBu(Seconds(0.7), std::make_pair(uint16_t{7}, uint16_t{7})); // both
    SendBu(Seconds(2.5), std::make_pair(uint16_t{1}, uint16_t{2})); // 1 has expired by now
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    ASSERT_EQ(m_status.size(), 4u);
    EXPECT_EQ(m_status[0], static_cast<uint8_t>(BindingStatus::EXPIRED_HOME_NONCE_INDEX));
    EXPECT_EQ(m_status[1], static_cast<uint8_t>(BindingStatus::EXPIRED_CARE_OF_NONCE_INDEX));
    EXPECT_EQ(m_status[2], static_cast<uint8_t>(BindingStatus::EXPIRED_NONCES));
    EXPECT_EQ(m_status[3], static_cast<uint8_t>(BindingStatus::EXPIRED_HOME_NONCE_INDEX));
    EXPECT_EQ(m_agent->GetStats().expiredNonce, 4u);
    EXPECT_EQ(m_agent->GetStats().accepted, 0u);
}

TEST_F(CnAgentTest, AWrongOrMissingAuthenticatorIsSilentlyDiscarded)
{
    SendBu(Seconds(0.5), std::make_pair(uint16_t{1}, uint16_t{1})); // valid nonces, bad MAC
    SendBu(Seconds(0.6), std::nullopt);                             // no nonce indices
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    EXPECT_TRUE(m_status.empty()) << "no acknowledgement, not even a refusal";
    EXPECT_EQ(m_agent->GetStats().badAuth, 2u);
    EXPECT_EQ(m_agent->GetStats().accepted, 0u);
}

} // namespace
