/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// PMIPv6 over Wi-Fi: handovers driven by the station's association traces.
#include "test-paths.h"

#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;

TEST(Pmipv6Wifi, HandoversFollowAssociationAndKeepTheHnp)
{
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/pmipv6-wifi.json", {}, {}, {});
    ASSERT_EQ(cfg.l2.type, "wifi");
    RunOptions opt;
    opt.progress = false;
    RunResults r = RunScenario(cfg, opt);
    ASSERT_EQ(r.handovers.size(), cfg.mobility.size() - 1);
    const double beaconLossS = cfg.l2.maxMissedBeacons * cfg.l2.beaconIntervalMs / 1e3;
    for (const auto& h : r.handovers)
    {
        SCOPED_TRACE(h.from + " -> " + h.to);
        // The station notices the loss only after the missed beacons, then scans and
        // associates: L2 alone takes at least the beacon-loss time, and not seconds.
        double l2 = h.l2UpS - h.l2DownS;
        EXPECT_GE(l2, beaconLossS);
        EXPECT_LE(l2, beaconLossS + 0.5);
        // After association: RS, PBU/PBA over 3 ms of wire each way, RA; Wi-Fi access
        // adds contention but no more than a few ms.
        double signalingMs = (h.signalingDoneS - h.l2UpS) * 1e3;
        EXPECT_GE(signalingMs, 6.0);
        EXPECT_LE(signalingMs, 12.0);
        ASSERT_FALSE(std::isnan(h.interruptionMs)) << "downlink did not resume";
        EXPECT_GE(h.interruptionMs, h.latencyMs);
        // The old MAG de-registers once the station is elsewhere (inter-AP notice).
        int dereg = 0;
        for (const auto& s : r.signaling)
        {
            dereg += s.node == h.from && s.type == "PBU" && s.timeS >= h.l2DownS &&
                     s.timeS <= h.signalingDoneS;
        }
        EXPECT_EQ(dereg, 1);
    }
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.address.rfind("2001:1:", 0), 0u) << f.flow;
        EXPECT_GT(f.received, f.sent * 9 / 10) << f.flow;
    }
}
