/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Per-handover lost packets when the old and the new path differ in delay: each handover's
// count against the closed form from the link delays, the layer-2 switch and the PBU.
#include "closed-form.h"

#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

using namespace ns3;
using nlohmann::json;

namespace
{

using namespace dmmtest;

/// cn - core - lma, and from the LMA one branch per MAG with \p hops links each.
json
BranchScenario(const std::vector<int>& hops, double wiredMs, double intervalMs)
{
    json j = {{"name", "branches"},
              {"profile", "pmipv6"},
              {"duration_s", 6.5},
              {"l2", {{"type", "switch"}, {"switch_time_ms", 50.0}}},
              {"access", {{"delay_ms", 1.0}, {"rate_mbps", 100.0}}},
              {"nodes",
               {{{"name", "cn"}, {"role", "cn"}},
                {{"name", "core"}, {"role", "router"}},
                {{"name", "lma"}, {"role", "anchor"}},
                {{"name", "mn"}, {"role", "mn"}}}},
              {"links",
               {{{"a", "cn"}, {"b", "core"}, {"delay_ms", 4.0}, {"rate_mbps", 1000.0}},
                {{"a", "core"}, {"b", "lma"}, {"delay_ms", 3.0}, {"rate_mbps", 1000.0}}}}};
    for (size_t b = 0; b < hops.size(); ++b)
    {
        std::string prev = "lma";
        std::string mag = "mag" + std::to_string(b);
        for (int i = 1; i <= hops[b]; ++i)
        {
            std::string n = i == hops[b] ? mag : "r" + std::to_string(b) + "_" + std::to_string(i);
            j["nodes"].push_back({{"name", n}, {"role", i == hops[b] ? "access" : "router"}});
            j["links"].push_back(
                {{"a", prev}, {"b", n}, {"delay_ms", wiredMs}, {"rate_mbps", 1000.0}});
            prev = n;
        }
    }
    j["flows"] = {{{"name", "down"},
                   {"type", "udp"},
                   {"from", "cn"},
                   {"to", "mn"},
                   {"start_s", 1.0},
                   {"stop_s", 6.0},
                   {"interval_ms", intervalMs},
                   {"size_bytes", 100}}};
    return j;
}

/// Packets of \p flow sent in [from, to), s.
int64_t
SentIn(const FlowConfig& flow, double from, double to)
{
    auto index = [&](double t) {
        return static_cast<int64_t>(std::ceil((t - flow.startS) * 1e3 / flow.intervalMs - 1e-9));
    };
    return std::max<int64_t>(0, index(to) - std::max<int64_t>(0, index(from)));
}

/**
 * PMIPv6 downlink, nothing buffered: the LMA keeps tunnelling to the old MAG until the new
 * MAG's PBU arrives (RFC 5213 §5.3), so a packet is lost when it reaches the LMA after
 * l2_down - (LMA -> old MAG -> MN delay) and before that PBU; the old path stays wrong for
 * switch + RS + new MAG -> LMA (PBU) + LMA -> old MAG -> MN, times the packet rate.
 */
int64_t
PredictedLoss(const ScenarioConfig& cfg, const RunResults& r, const HandoverRecord& h)
{
    const FlowConfig& flow = cfg.flows.front();
    double inner = flow.sizeBytes + 8 + 40; // UDP + IPv6
    double cnToLmaMs = WiredMs(Path(cfg, "cn", "lma"), inner);
    double oldPathMs = WiredMs(Path(cfg, h.from, "lma"), inner + 40) + AccessMs(cfg, h.from, inner);
    double pbuAtLmaMs = cfg.l2.switchTimeMs +
                        AccessMs(cfg, h.to, Message(r, h.mn, "RS", h.l2UpS).bytes) +
                        cfg.accessProcessingMs +
                        WiredMs(Path(cfg, h.to, "lma"), Message(r, h.to, "PBU", h.l2UpS).bytes);
    double down = h.l2DownS * 1e3;
    return SentIn(flow,
                  (down - oldPathMs - cnToLmaMs) / 1e3,
                  (down + pbuAtLmaMs - cnToLmaMs) / 1e3);
}

} // namespace

TEST(LossAttribution, PerHandoverLossFollowsThePathsOfDifferentLength)
{
    // Access routers 1, 4 and 7 hops from the anchor, visited 1 -> 4 -> 7 -> 1: the flow's
    // mean delay lies between the paths, so it is the wrong delay for every handover.
    json j = BranchScenario({1, 4, 7}, 10.0, 5.0);
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "mag0"}},
                     {{"mn", "mn"}, {"at_s", 2.0}, {"attach", "mag1"}},
                     {{"mn", "mn"}, {"at_s", 3.5}, {"attach", "mag2"}},
                     {{"mn", "mn"}, {"at_s", 5.0}, {"attach", "mag0"}}};
    ScenarioConfig cfg = ParseScenario(j);
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 3u);
    ASSERT_EQ(r.flows.size(), 1u);
    uint64_t charged = 0;
    for (size_t i = 0; i < r.handovers.size(); ++i)
    {
        const HandoverRecord& h = r.handovers[i];
        SCOPED_TRACE(h.from + " -> " + h.to);
        ASSERT_EQ(h.l2DownS, cfg.mobility[i + 1].atS);
        int64_t predicted = PredictedLoss(cfg, r, h);
        EXPECT_GT(predicted, 0);
        EXPECT_NEAR(static_cast<double>(h.lostPackets), predicted, 1.0);
        charged += h.lostPackets;
    }
    EXPECT_EQ(charged, r.flows[0].lost);
}
