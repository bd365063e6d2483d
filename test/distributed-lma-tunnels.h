/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The tunnels of seed 004's Figs 7-9 read from a run's captures: when, and from which node
// to which, a packet for an HoA went IPv6-in-IPv6.
#ifndef DMM_TEST_DISTRIBUTED_LMA_TUNNELS_H
#define DMM_TEST_DISTRIBUTED_LMA_TUNNELS_H

#include "distributed-lma-ladder.h"
#include "pcap-capture.h"

#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace dmmtest
{

/// Time and "outer source>outer destination" (node names) of the tunnelled packets whose
/// inner destination is \p hoa, seen in the captures of \p nodes before \p untilS.
inline std::vector<std::pair<double, std::string>>
TunnelHops(const std::filesystem::path& dir,
           const ns3::RunResults& r,
           const std::string& hoa,
           const std::vector<std::string>& nodes,
           double untilS)
{
    auto names = SenderNames(r);
    std::vector<std::pair<double, std::string>> seen;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        bool wanted = false;
        for (const auto& node : nodes)
        {
            wanted = wanted || name.rfind("dmm-" + node + "-", 0) == 0;
        }
        if (!wanted)
        {
            continue;
        }
        std::istringstream lines(
            Tshark("-r " + entry.path().string() + " -Y \"ipv6.dst == " + hoa +
                   " && ipv6.nxt == 41 && frame.time_epoch < " + std::to_string(untilS) +
                   "\" -T fields -E occurrence=a -E aggregator=, -e frame.time_epoch -e ipv6.src"
                   " -e ipv6.dst"));
        for (std::string line; std::getline(lines, line);)
        {
            std::istringstream fields(line);
            std::string time, srcs, dsts;
            std::getline(fields, time, '\t');
            std::getline(fields, srcs, '\t');
            std::getline(fields, dsts, '\t');
            std::string outer = dsts.substr(0, dsts.find(','));
            EXPECT_EQ(dsts.substr(dsts.find(',') + 1), hoa) << "inner destination";
            std::string src = srcs.substr(0, srcs.find(','));
            seen.emplace_back(std::stod(time),
                              names[src] + ">" + (names.count(outer) ? names[outer] : outer));
        }
    }
    return seen;
}

/// The distinct hops of \p seen in [from, to).
inline std::set<std::string>
HopsBetween(const std::vector<std::pair<double, std::string>>& seen, double from, double to)
{
    std::set<std::string> hops;
    for (const auto& [time, hop] : seen)
    {
        if (time >= from && time < to)
        {
            hops.insert(hop);
        }
    }
    return hops;
}

} // namespace dmmtest

#endif // DMM_TEST_DISTRIBUTED_LMA_TUNNELS_H
