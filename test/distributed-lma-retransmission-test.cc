/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Retransmission of the distributed-LMA requests (RFC 5213 §6.9.4-style back-off) on
// scenarios/distributed-lma-figs7-8.json: the first Uniqueness Check, or with
// AcknowledgeInforms the first Location Inform, of mn11's move to n3-anchor is dropped on
// the wire; the V-LMA sends it again after InitialRetransmitTimeout.
#include "closed-form.h"
#include "distributed-lma-ladder.h"
#include "test-paths.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/error-model.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// Drops the first point-to-point frame carrying a distributed-LMA message of a subtype.
class DropFirstDlma : public ns3::ErrorModel
{
  public:
    /// \param subType the message to drop once
    explicit DropFirstDlma(uint8_t subType)
        : m_subType(subType)
    {
    }

  private:
    bool DoCorrupt(ns3::Ptr<ns3::Packet> p) override
    {
        // PPP (2), IPv6 (40, next header 135: Mobility Header), MH type 253, subtype.
        uint8_t b[2 + 40 + 7];
        if (m_done || p->GetSize() < sizeof(b))
        {
            return false;
        }
        p->CopyData(b, sizeof(b));
        m_done = b[2 + 6] == 135 && b[2 + 40 + 2] == 253 && b[2 + 40 + 6] == m_subType;
        return m_done;
    }

    void DoReset() override
    {
    }

    uint8_t m_subType;  //!< the subtype to drop
    bool m_done{false}; //!< dropped already
};

/// Runs the scenario with the first message of \p subType lost and the V-LMA's first
/// retransmission timeout at 200 ms (\p ackInforms: AcknowledgeInforms).
RunResults
RunDropping(uint8_t subType, bool ackInforms, ScenarioConfig& cfg)
{
    using namespace ns3;
    Config::SetDefaultFailSafe("ns3::DlmaAgent::InitialRetransmitTimeout",
                               TimeValue(MilliSeconds(200)));
    Config::SetDefaultFailSafe("ns3::DlmaAgent::AcknowledgeInforms", BooleanValue(ackInforms));
    Ptr<ErrorModel> drop = Create<DropFirstDlma>(subType);
    Simulator::Schedule(Seconds(0), [drop]() {
        Config::Set("/NodeList/*/DeviceList/*/$ns3::PointToPointNetDevice/ReceiveErrorModel",
                    PointerValue(drop));
    });
    cfg = LoadScenario(
        std::string(DMM_SOURCE_DIR) + "/scenarios/distributed-lma-figs7-8.json",
        {"duration_s=9.5", "flows.0.stop_s=6.2", "flows.1.stop_s=6.2", "flows.2.stop_s=6.2"},
        {},
        {});
    RunResults r = Simulate(cfg);
    Config::SetDefaultFailSafe("ns3::DlmaAgent::InitialRetransmitTimeout", TimeValue(Seconds(1)));
    Config::SetDefaultFailSafe("ns3::DlmaAgent::AcknowledgeInforms", BooleanValue(false));
    return r;
}

} // namespace

TEST(DistributedLmaRetransmission, LostUniquenessCheckIsSentAgainAfterTheTimeout)
{
    ScenarioConfig cfg;
    RunResults r = RunDropping(32, false, cfg);
    const HandoverRecord& h = r.handovers.at(0);
    EXPECT_EQ(Ladder(r, h.l2UpS, h.signalingDoneS),
              (std::vector<std::string>{"n3-ar1:PBU>n3-anchor",
                                        "n3-anchor:DlmaUniquenessCheck>n1-anchor",
                                        "n3-anchor:DlmaUniquenessCheck>n1-anchor",
                                        "n1-anchor:DlmaUniquenessReply>n3-anchor",
                                        "n3-anchor:DlmaLocationInform>n1-anchor",
                                        "n3-anchor:PBA>n3-ar1"}));
    // The change of LMA's closed form (doc/dmm.rst, Validation) plus the timeout: the
    // retransmission, not the MAG's PBU one second later, completes the registration.
    auto checks = Messages(r, "n3-anchor", "DlmaUniquenessCheck", h.l2UpS);
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_NEAR(checks[1].timeS - checks[0].timeS, 0.2, 1e-9);
    double expected = PredictLmaChange(cfg, r, h) + 200;
    EXPECT_NEAR(h.latencyMs, expected, expected * 0.01);
}

TEST(DistributedLmaRetransmission, LostLocationInformIsSentAgainUntilAcknowledged)
{
    ScenarioConfig cfg;
    RunResults r = RunDropping(30, true, cfg);
    const HandoverRecord& h = r.handovers.at(0);
    // The H-LMA acknowledges the retransmission; nothing after it.
    EXPECT_EQ(Ladder(r, h.l2UpS, h.l2UpS + 1.5),
              (std::vector<std::string>{"n3-ar1:PBU>n3-anchor",
                                        "n3-anchor:DlmaUniquenessCheck>n1-anchor",
                                        "n1-anchor:DlmaUniquenessReply>n3-anchor",
                                        "n3-anchor:DlmaLocationInform>n1-anchor",
                                        "n3-anchor:PBA>n3-ar1",
                                        "n3-anchor:DlmaLocationInform>n1-anchor",
                                        "n1-anchor:DlmaLocationAck>n3-anchor"}));
    // The H-LMA knows the D-LMA by the time cn21 starts (5 s): Fig 7's first packets.
    EXPECT_EQ(Flow(r, "down").lost, 0u);
    EXPECT_EQ(r.packets.dropped.count("no_binding"), 0u);
}
