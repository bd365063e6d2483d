/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Shared by the tests of what a node keeps as it moves (prefix release, prefix lifetimes):
// a row of MARs the node visits in turn, and Fig 9 with the network-based location update
// and a tour of its mobility routers.
#ifndef DMM_TEST_TOUR_SCENARIOS_H
#define DMM_TEST_TOUR_SCENARIOS_H

#include "closed-form.h"
#include "test-paths.h"

#include <fstream>
#include <string>
#include <vector>

namespace dmmtest
{

/// A downlink UDP flow from \p from to \p to, one 100-octet packet every 20 ms.
inline json
DownlinkFlow(const std::string& name,
             const std::string& from,
             const std::string& to,
             double startS,
             double stopS)
{
    return {{"name", name},
            {"type", "udp"},
            {"from", from},
            {"to", to},
            {"start_s", startS},
            {"stop_s", stopS},
            {"interval_ms", 20.0},
            {"size_bytes", 100}};
}

/**
 * cn - core - {db, ar1..arN} (core - ari: 1 + i ms) under \p profile; the node "mn" attaches
 * to ari at 1 + (i - 1) * \p residenceS. No flows.
 */
inline json
MarRow(const std::string& name,
       const std::string& profile,
       int mars,
       double residenceS,
       double durationS)
{
    json j = {{"name", name},
              {"profile", profile},
              {"seed", 1},
              {"duration_s", durationS},
              {"l2", {{"type", "switch"}, {"switch_time_ms", 50.0}}},
              {"access", {{"delay_ms", 1.0}, {"rate_mbps", 100.0}}},
              {"nodes", json::array()},
              {"links", json::array()},
              {"mobility", json::array()},
              {"flows", json::array()}};
    AddNode(j, "cn", "cn");
    AddNode(j, "core", "router");
    AddNode(j, "db", "anchor");
    AddNode(j, "mn", "mn");
    AddLink(j, "cn", "core", 2.0);
    AddLink(j, "core", "db", 3.0);
    for (int i = 1; i <= mars; ++i)
    {
        std::string ar = "ar" + std::to_string(i);
        AddNode(j, ar, "access");
        AddLink(j, "core", ar, 1.0 + i);
        j["mobility"].push_back(
            {{"mn", "mn"}, {"at_s", 1.0 + (i - 1) * residenceS}, {"attach", ar}});
    }
    return j;
}

/**
 * Fig 9 with the network-based location update: mn11 attaches to each of \p routers in turn,
 * from 1 s, \p stayS at each; the one flow is cn21-down (to the address formed at mr11),
 * until 1 s before the end.
 */
inline json
Fig9Tour(const std::vector<std::string>& routers, double stayS, double durationS)
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/dmm-fig9-fully-distributed.json");
    json j = json::parse(in);
    j["duration_s"] = durationS;
    j["protocol"]["location_update"] = "network";
    j["mobility"] = json::array();
    double at = 1;
    for (const auto& router : routers)
    {
        j["mobility"].push_back({{"mn", "mn11"}, {"at_s", at}, {"attach", router}});
        at += stayS;
    }
    json flow = j["flows"][0];
    flow["stop_s"] = durationS - 1.0;
    j["flows"] = json::array({flow});
    return j;
}

} // namespace dmmtest

#endif // DMM_TEST_TOUR_SCENARIOS_H
