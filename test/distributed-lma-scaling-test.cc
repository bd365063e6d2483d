/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Seed 004 §6.3: location-update signalling grows with the number of mobile nodes n only
// under distributed LMAs (master location at the H-LMA), with n x m under migrating home
// agents (every binding change replicated to the m - 1 other anchors), on generated
// migrating-ha topologies.
#include "closed-form.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace dmmtest;

namespace
{

/// Location-update messages between anchors (not the PBU/PBA both profiles share), and
/// the handovers (each changes network: cross_probability 1).
std::pair<double, double>
AnchorSignalling(const std::string& profile, int n, int m)
{
    json j{{"name", "distributed-lma-scaling"},
           {"profile", profile},
           {"seed", 1},
           {"duration_s", 13},
           {"l2", {{"type", "switch"}, {"switch_time_ms", 50}}},
           {"access", {{"delay_ms", 1}, {"rate_mbps", 100}}},
           {"topology",
            {{"type", "migrating-ha"},
             {"networks", m},
             {"ars_per_network", 1},
             {"mns", n},
             {"cns", 0}}},
           {"movement",
            {{"type", "random-walk"},
             {"residence_s", 2},
             {"start_s", 0.5},
             {"cross_probability", 1.0}}}};
    RunResults r = Simulate(ParseScenario(j));
    double count = 0;
    for (const auto& s : r.signaling)
    {
        count += s.type.rfind("Dlma", 0) == 0 || s.type == "LmSync" ? 1 : 0;
    }
    return {count, static_cast<double>(r.handovers.size())};
}

/// \return the exponent of y = c x^k through two points
double
Exponent(double x1, double y1, double x2, double y2)
{
    return std::log(y2 / y1) / std::log(x2 / x1);
}

} // namespace

TEST(DistributedLmaScaling, SignallingGrowsWithNodesOnlyNotWithAnchors)
{
    for (const std::string profile : {"distributed-lma", "migrating-ha"})
    {
        SCOPED_TRACE(profile);
        auto [base, moves] = AnchorSignalling(profile, 2, 3);
        auto [moreNodes, moreMoves] = AnchorSignalling(profile, 4, 3);
        auto [moreAnchors, moves6] = AnchorSignalling(profile, 2, 6);
        ASSERT_GT(base, 0);
        ASSERT_GT(moves6, 0);
        double kn = Exponent(2, base, 4, moreNodes);
        // Per handover against the m - 1 other anchors a binding change could reach.
        double km = Exponent(2, base / moves, 5, moreAnchors / moves6);
        std::cout << profile << ": " << base << " messages (n 2, m 3), " << moreNodes << " (n 4), "
                  << moreAnchors << " (m 6); exponents n " << kn << ", per handover vs m - 1 " << km
                  << std::endl;
        EXPECT_NEAR(kn, 1.0, 0.25); // both: every node's moves cost messages
        if (profile == "migrating-ha")
        {
            EXPECT_NEAR(km, 1.0, 0.25); // n x m: each change goes to every other anchor
        }
        else
        {
            // n only: a move costs a check, its reply and at most two informs, whatever m
            // (fewer on small m, where more moves return to the H-LMA: one inform), while
            // migrating home agents already pay more than that at m = 6.
            EXPECT_LE(base / moves, 4.0);
            EXPECT_LE(moreAnchors / moves6, 4.0);
            EXPECT_GT(AnchorSignalling("migrating-ha", 2, 6).first / moves6, 4.0);
        }
    }
}
