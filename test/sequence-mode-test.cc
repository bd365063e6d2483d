/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// RFC 5213 §5.5 sequence-number mode (protocol.use_timestamps = false) end to end: every
// handover between access routers completes, one refused PBU/PBA exchange (status 135,
// RFC 6275 §11.7.3) later than the closed form with timestamps, and loses no more than
// that round trip's worth of packets over the same run with timestamps.
#include "closed-form.h"
#include "test-paths.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// \return the scenario \p j with the Timestamp option on or off
ScenarioConfig
WithTimestamps(json j, bool on)
{
    j["protocol"]["use_timestamps"] = on;
    return ParseScenario(j);
}

/// \return the shipped scenario \p file with the Timestamp option on or off
ScenarioConfig
Shipped(const std::string& file, bool on)
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file,
                        {std::string("protocol.use_timestamps=") + (on ? "true" : "false")},
                        {},
                        {});
}

/// The anchor that answered the new access router of \p h (anycast replicas: the nearest).
std::string
AnsweringAnchor(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    for (const NodeConfig* a : cfg.NodesWithRole("anchor"))
    {
        if (!Exchanges(r, h.to, a->name, h.l2UpS, h.signalingDoneS).empty())
        {
            return a->name;
        }
    }
    throw std::runtime_error("no anchor answered " + h.to);
}

/// Checks each handover of \p seq against the closed form with the refused exchange, and
/// its interruption and loss against the same handover of \p ts (timestamps): at most the
/// refused round trip (plus one packet interval of phase) longer, and at most that long a
/// gap's packets more on each of the node's flows.
void
CheckAgainstTimestamps(const ScenarioConfig& cfg, const RunResults& seq, const RunResults& ts)
{
    ASSERT_FALSE(seq.handovers.empty());
    ASSERT_EQ(seq.handovers.size(), ts.handovers.size());
    for (size_t i = 0; i < seq.handovers.size(); ++i)
    {
        const HandoverRecord& h = seq.handovers[i];
        const HandoverRecord& t = ts.handovers[i];
        SCOPED_TRACE(h.mn + ": " + h.from + " -> " + h.to);
        const std::string anchor = AnsweringAnchor(cfg, seq, h);
        auto ex = Exchanges(seq, h.to, anchor, h.l2UpS, h.signalingDoneS);
        ASSERT_EQ(ex.size(), 2u) << "one refused, one accepted PBU";
        // Sent again as the refusal arrives, not after a retransmission timeout.
        EXPECT_NEAR(ex[1].first.timeS,
                    ex[0].second.timeS + WiredMs(Path(cfg, h.to, anchor), ex[0].second.bytes) / 1e3,
                    1e-6);
        double predicted = PredictPmipv6Resync(cfg, seq, h, anchor);
        EXPECT_NEAR(h.latencyMs, predicted, 0.01);
        double refusedMs = ExchangeMs(cfg, h.to, anchor, ex[0]);
        double interval = 0;
        uint32_t flows = 0;
        for (const auto& f : cfg.flows)
        {
            if (f.from == h.mn || f.to == h.mn)
            {
                interval = interval == 0 ? f.intervalMs : std::min(interval, f.intervalMs);
                ++flows;
            }
        }
        ASSERT_FALSE(std::isnan(h.interruptionMs)) << "the downlink did not resume";
        EXPECT_GE(h.interruptionMs, h.latencyMs);
        EXPECT_LE(h.interruptionMs, t.interruptionMs + refusedMs + interval);
        EXPECT_LE(h.lostPackets, t.lostPackets + flows * (refusedMs / interval + 1));
    }
    uint64_t lost = 0;
    uint64_t charged = 0;
    for (const auto& f : seq.flows)
    {
        lost += f.lost;
    }
    for (const auto& h : seq.handovers)
    {
        charged += h.lostPackets;
    }
    EXPECT_EQ(lost, charged) << "every loss belongs to a handover";
}

} // namespace

TEST(SequenceMode, Pmipv6ChainCostsOneRefusedExchange)
{
    json j = ChainScenario(3, 4.0, 80, 3.0, 11);
    j["processing"] = {{"access_ms", 0.5}, {"anchor_ms", 1.25}};
    ScenarioConfig cfg = WithTimestamps(j, false);
    CheckAgainstTimestamps(cfg, Simulate(cfg), Simulate(WithTimestamps(j, true)));
}

TEST(SequenceMode, Pmipv6PingPongWithoutDeregistration)
{
    // Without the old MAG's de-registration the LMA's last number is the registration's;
    // back at the first MAG, whose list entry is gone, the refusal happens again.
    json j = ChainScenario(2, 2.0, 50, 1.0, 100);
    j["protocol"]["deregister_on_detach"] = false;
    j["mobility"].push_back({{"mn", "mn"}, {"at_s", 3.5}, {"attach", "magA"}});
    ScenarioConfig cfg = WithTimestamps(j, false);
    CheckAgainstTimestamps(cfg, Simulate(cfg), Simulate(WithTimestamps(j, true)));
}

TEST(SequenceMode, ShippedPmipv6Scenario)
{
    ScenarioConfig cfg = Shipped("pmipv6-hierarchical.json", false);
    CheckAgainstTimestamps(cfg, Simulate(cfg), Simulate(Shipped("pmipv6-hierarchical.json", true)));
}

TEST(SequenceMode, DistributedAnchorsFig5)
{
    // Each node stays with the anchor of its first network, also across networks.
    ScenarioConfig cfg = Shipped("dmm-fig5-distributed-anchors.json", false);
    CheckAgainstTimestamps(cfg,
                           Simulate(cfg),
                           Simulate(Shipped("dmm-fig5-distributed-anchors.json", true)));
}

TEST(SequenceMode, MigratingHaFig6)
{
    // The replicas share the binding, its last sequence number included: the nearest
    // replica refuses the new access router as the allocating anchor would.
    ScenarioConfig cfg = Shipped("dmm-fig6-migrating-ha.json", false);
    CheckAgainstTimestamps(cfg,
                           Simulate(cfg),
                           Simulate(Shipped("dmm-fig6-migrating-ha.json", true)));
}

TEST(SequenceMode, DmaFig7)
{
    // ar1 -> ar3: ar1 holds no binding of its own prefix yet, one exchange. ar3 -> ar2: ar1
    // last heard of the node from ar3 (refused once), ar3 anchors HoA3 afresh (one exchange).
    ScenarioConfig cfg = Shipped("dmm-fig7-dma.json", false);
    RunResults r = Simulate(cfg);
    RunResults ts = Simulate(Shipped("dmm-fig7-dma.json", true));
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& second = r.handovers[0];
    const HandoverRecord& third = r.handovers[1];
    EXPECT_EQ(Exchanges(r, "ar3", "ar1", second.l2UpS, second.signalingDoneS).size(), 1u);
    auto viaAr1 = Exchanges(r, "ar2", "ar1", third.l2UpS, third.signalingDoneS);
    ASSERT_EQ(viaAr1.size(), 2u);
    EXPECT_EQ(Exchanges(r, "ar2", "ar3", third.l2UpS, third.signalingDoneS).size(), 1u);
    EXPECT_NEAR(second.latencyMs, PredictDma(cfg, r, second, {"ar1"}), 0.01);
    EXPECT_NEAR(third.latencyMs, PredictDma(cfg, r, third, {"ar1", "ar3"}), 0.01);
    double refusedMs = ExchangeMs(cfg, "ar2", "ar1", viaAr1[0]);
    for (size_t i = 0; i < r.handovers.size(); ++i)
    {
        SCOPED_TRACE(i);
        ASSERT_FALSE(std::isnan(r.handovers[i].interruptionMs));
        EXPECT_LE(r.handovers[i].interruptionMs,
                  ts.handovers[i].interruptionMs + refusedMs + cfg.flows.front().intervalMs);
        EXPECT_LE(r.handovers[i].lostPackets,
                  ts.handovers[i].lostPackets +
                      cfg.flows.size() * (refusedMs / cfg.flows.front().intervalMs + 1));
    }
    for (const auto& f : r.flows)
    {
        EXPECT_GT(f.received, f.sent * 95 / 100) << f.flow;
    }
}

TEST(SequenceMode, SharedSequenceNumbersNeedNoRefusal)
{
    // protocol.shared_sequence_numbers: the MAGs (MARs) share the last number (RFC 5213
    // §5.5 context transfer), so every handover is the timestamp closed form again.
    json j = ChainScenario(3, 4.0, 80, 3.0, 11);
    j["processing"] = {{"access_ms", 0.5}, {"anchor_ms", 1.25}};
    j["protocol"]["shared_sequence_numbers"] = true;
    ScenarioConfig cfg = WithTimestamps(j, false);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 1u);
    const HandoverRecord& h = r.handovers[0];
    EXPECT_EQ(Exchanges(r, h.to, "lma", h.l2UpS, h.signalingDoneS).size(), 1u);
    EXPECT_NEAR(h.latencyMs, PredictPmipv6(cfg, r, h, "lma"), 0.01);

    ScenarioConfig dma =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig7-dma.json",
                     {"protocol.use_timestamps=false", "protocol.shared_sequence_numbers=true"},
                     {},
                     {});
    RunResults d = Simulate(dma);
    ASSERT_EQ(d.handovers.size(), 2u);
    const HandoverRecord& third = d.handovers[1];
    EXPECT_EQ(Exchanges(d, "ar2", "ar1", third.l2UpS, third.signalingDoneS).size(), 1u);
    EXPECT_NEAR(third.latencyMs, PredictDma(dma, d, third, {"ar1", "ar3"}), 0.01);
    // Migrating-ha: the replicas answer under their own addresses but share the binding,
    // and the store one number per node.
    ScenarioConfig ha =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig6-migrating-ha.json",
                     {"protocol.use_timestamps=false", "protocol.shared_sequence_numbers=true"},
                     {},
                     {});
    RunResults m = Simulate(ha);
    ASSERT_FALSE(m.handovers.empty());
    for (const auto& mh : m.handovers)
    {
        SCOPED_TRACE(mh.from + " -> " + mh.to);
        std::string anchor = AnsweringAnchor(ha, m, mh);
        EXPECT_EQ(Exchanges(m, mh.to, anchor, mh.l2UpS, mh.signalingDoneS).size(), 1u);
        EXPECT_NEAR(mh.latencyMs, PredictPmipv6(ha, m, mh, anchor), 0.01);
    }
    // Only profiles with a proxy location update read the key.
    EXPECT_THROW(LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-hierarchical.json",
                              {"protocol.shared_sequence_numbers=true"},
                              std::string("mipv6"),
                              {}),
                 ScenarioError);
}
