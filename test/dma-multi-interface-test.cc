/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Seed 003 §4.3: a mobile node with two interfaces under dma. Each interface is its own
// mobility session at a MAR (its own prefixes) and is handed over on its own; a flow moved
// to another interface keeps its address and is tunnelled from its H-MAR to the new
// interface's MAR (Fig 6). Asserted from the results, the signalling ladders and the
// captures (tshark).
#include "closed-form.h"
#include "ladder.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include "ns3/home-address-allocation.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace dmmtest;

namespace
{

const char* kScenario = "dmm-dma-interface-handover.json";

/// \return the /64 of an address
HomeNetworkPrefix
Prefix64(const std::string& address)
{
    return HomeNetworkPrefix::Make(Ipv6Address(address.c_str()), 64);
}

/// \return the signalling records sent at or after \p fromS
std::vector<SignalingRecord>
After(const RunResults& r, double fromS)
{
    std::vector<SignalingRecord> out;
    for (const auto& s : r.signaling)
    {
        if (s.timeS >= fromS)
        {
            out.push_back(s);
        }
    }
    return out;
}

RunResults
RunShipped(const std::string& file, std::optional<std::string> profile = std::nullopt)
{
    RunOptions opt;
    opt.progress = false;
    return RunScenario(
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file, {}, profile, {}),
        opt);
}

RunResults
RunInterfaceHandover()
{
    return RunShipped(kScenario);
}

} // namespace

// Both interfaces at MAR1: two sessions, two prefixes of MAR1's pool; each flow on its
// interface's prefix.
TEST(DmaMultiInterface, EachInterfaceHasItsOwnPrefixAtTheMar)
{
    RunResults r = RunInterfaceHandover(); // if2 moves from MAR1 to MAR2
    const FlowRecord& f1 = FlowNamed(r, "flow1");
    const FlowRecord& f2 = FlowNamed(r, "flow2");
    EXPECT_NE(Prefix64(f1.address), Prefix64(f2.address));
    EXPECT_EQ(HomeNetworkPrefix::Make(Ipv6Address(f1.address.c_str()), 48),
              HomeNetworkPrefix::Make(Ipv6Address(f2.address.c_str()), 48))
        << "both anchored at MAR1";
    // if2's attachment at MAR1 (3 s) is a new session: an update and a query, no PBU.
    int updates = 0;
    int pbus = 0;
    for (const auto& s : r.signaling)
    {
        updates += s.timeS >= 3 && s.timeS < 4 && s.type == "SessionUpdate";
        pbus += s.timeS < 6 && s.type == "PBU";
    }
    EXPECT_EQ(updates, 1);
    EXPECT_EQ(pbus, 0);
}

// if2 moves to MAR2 at 6 s: one PBU MAR2 -> MAR1 for Flow#2's prefix only; Flow#1 (if1,
// native at MAR1) loses nothing; Flow#2 loses exactly the packets that reach MAR1 between
// the detach and the binding (RFC 5213 §5.3.2 at the H-MAR).
TEST(DmaMultiInterface, OnlyTheMovedInterfacesPrefixIsRegistered)
{
    RunResults r = RunInterfaceHandover(); // if2 moves from MAR1 to MAR2
    std::vector<std::string> ladder;
    double bindingAtMar1 = 0;
    for (const auto& s : After(r, 6.0))
    {
        if (s.node != "mn" && !(s.node == "mar1" && s.type == "RA"))
        {
            ladder.push_back(s.node + ":" + s.type);
        }
        if (s.node == "mar1" && s.type == "PBA")
        {
            bindingAtMar1 = s.timeS;
        }
    }
    EXPECT_EQ(ladder,
              (std::vector<std::string>{"mar2:SessionUpdate",
                                        "mar2:SessionQuery",
                                        "db:SessionReply",
                                        "mar2:PBU",
                                        "mar1:PBA",
                                        "mar2:RA"}));
    const FlowRecord& f1 = FlowNamed(r, "flow1");
    const FlowRecord& f2 = FlowNamed(r, "flow2");
    EXPECT_EQ(f1.lost, 0u);
    // cn2 -> core -> mar1: 1 + 2 ms plus two serialisations of the 262-byte frame at 1 Gb/s.
    const double toMar1 = 0.003 + 2 * 262 * 8 / 1e9;
    uint64_t expected = 0;
    for (double sent = 4.01; sent < 13.0 - 1e-9; sent += 0.01)
    {
        double arrival = sent + toMar1;
        expected += arrival >= 6.0 && arrival < bindingAtMar1;
    }
    EXPECT_GT(expected, 0u);
    EXPECT_EQ(f2.lost, expected);
}

// The captures: Flow#2's packets after the move are IPv6-in-IPv6 from MAR1 to MAR2 and
// arrive on if2; Flow#1's are never encapsulated and arrive on if1 only.
TEST(DmaMultiInterface, CapturesShowFlow2TunnelledAndFlow1Native)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("dma-mif", kScenario, {}, {}, &r);
    ExpectCleanCaptures(dir);
    std::string mar1;
    std::string mar2;
    for (const auto& s : r.signaling)
    {
        mar1 = s.node == "mar1" && s.type == "PBA" ? s.src : mar1;
        mar2 = s.node == "mar2" && s.type == "PBU" ? s.src : mar2;
    }
    ASSERT_FALSE(mar1.empty());
    ASSERT_FALSE(mar2.empty());
    const FlowRecord& f1 = FlowNamed(r, "flow1");
    const FlowRecord& f2 = FlowNamed(r, "flow2");
    std::string tunnel = "ipv6.nxt == 41 && ipv6.src == " + mar1 + " && ipv6.dst == " + mar2;
    int tunnelled = 0;
    int flow1Tunnelled = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        if (name.rfind("dmm-mar2-", 0) == 0)
        {
            tunnelled += Count(entry.path(), tunnel + " && ipv6.dst == " + f2.address);
        }
        flow1Tunnelled += Count(entry.path(), "ipv6.nxt == 41 && ipv6.dst == " + f1.address);
    }
    // Flow#2 delivered before the detach at 6 s (sent 4.01 .. 5.99) went natively.
    EXPECT_EQ(tunnelled, static_cast<int>(f2.received) - 199);
    EXPECT_EQ(flow1Tunnelled, 0);
    // The mobile node's physical devices: if1 is device 2, if2 device 3 (1 is logical).
    // While both are on MAR1's link (3 s to 6 s) either may take a frame for the node;
    // from the move on, each flow arrives on its own interface only.
    auto if1 = dir / "dmm-mn-2.pcap";
    auto if2 = dir / "dmm-mn-3.pcap";
    std::string f1Udp = "udp && ipv6.dst == " + f1.address;
    std::string f2Udp = "udp && ipv6.dst == " + f2.address;
    const std::string afterMove = " && frame.time_epoch >= 6.0";
    EXPECT_EQ(Count(if1, f1Udp) + Count(if2, f1Udp), static_cast<int>(f1.received));
    EXPECT_EQ(Count(if2, f1Udp + afterMove), 0);
    EXPECT_GT(Count(if1, f1Udp + afterMove), 600);
    EXPECT_EQ(Count(if1, f2Udp + afterMove), 0);
    EXPECT_EQ(Count(if2, f2Udp + afterMove), tunnelled);
}

namespace
{

const char* kFlowMove = "dmm-multi-interface-flow-move.json";

RunResults
RunFlowMove(const std::string& profile)
{
    return RunShipped(kFlowMove, profile);
}

} // namespace

// A flow moved from if1 (MAR1) to if2 (MAR2) at 5 s (seed 003 §4.3, RFC 7847 §6.3): the
// node's RS on if2 lists the prefix, MAR2 finds its H-MAR in the database and registers it
// alone; the database then records the prefix on if2, so when if1 moves to MAR3 at 7 s
// MAR3 registers nothing. The downlink loses nothing; the uplink loses only what reached
// MAR2 before its PBA (ingress filtering, BCP 38).
TEST(DmaMultiInterface, AMovedFlowKeepsItsAddressThroughTheNewInterfacesMar)
{
    RunResults r = RunFlowMove("dma");
    std::vector<std::string> ladder;
    double pbaAtMar1 = 0;
    int pbusAfterIf1Moved = 0;
    for (const auto& s : After(r, 5.0))
    {
        if (s.timeS < 7.0 && s.node != "mn" && s.node != "mar1")
        {
            ladder.push_back(s.node + ":" + s.type);
        }
        pbaAtMar1 = s.node == "mar1" && s.type == "PBA" ? s.timeS : pbaAtMar1;
        pbusAfterIf1Moved += s.timeS >= 7.0 && s.type == "PBU";
    }
    EXPECT_EQ(ladder,
              (std::vector<std::string>{"mar2:SessionQuery",
                                        "db:SessionReply",
                                        "mar2:PBU",
                                        "mar2:SessionUpdate",
                                        "mar2:RA"}));
    EXPECT_EQ(pbusAfterIf1Moved, 0) << "MAR3 must not take the prefix moved to if2";
    const FlowRecord& down = FlowNamed(r, "down");
    const FlowRecord& up = FlowNamed(r, "up");
    EXPECT_EQ(down.address, up.address);
    EXPECT_EQ(down.lost, 0u);
    // Uplink packets from the move on reach MAR2 after the 1 ms access link; MAR2 forwards
    // them once the PBA crossed the 1 ms MAR1-MAR2 link (160-byte PBA at 1 Gb/s).
    const double ready = pbaAtMar1 + 0.001 + 160 * 8 / 1e9;
    uint64_t expected = 0;
    for (double sent = 2.01; sent < 11.0 - 1e-9; sent += 0.01)
    {
        expected += sent >= 5.0 - 1e-9 && sent + 0.001 + 262 * 8 / 100e6 < ready;
    }
    EXPECT_GT(expected, 0u);
    EXPECT_EQ(up.lost, expected);
}

// Without flow mobility the same move breaks the flow: under pmipv6 (per-interface sessions,
// RFC 5213 §5.4) and under none the uplink sent on if2 with if1's prefix is filtered at
// MAR2 from the move to the end; under none the downlink, still sent to MAR1, is lost once
// if1 has left MAR1 (7 s).
TEST(DmaMultiInterface, TheSameMoveBreaksTheFlowWithoutFlowMobility)
{
    for (const std::string profile : {"pmipv6", "none"})
    {
        SCOPED_TRACE(profile);
        RunResults r = RunFlowMove(profile);
        const FlowRecord& up = FlowNamed(r, "up");
        uint64_t afterMove = 0;
        uint64_t afterIf1Left = 0;
        for (double sent = 2.01; sent < 11.0 - 1e-9; sent += 0.01)
        {
            afterMove += sent >= 5.0 - 1e-9;
            afterIf1Left += sent >= 7.0 - 1e-9;
        }
        EXPECT_EQ(up.lost, afterMove);
        EXPECT_EQ(r.packets.dropped.at("ingress_filter"), afterMove);
        if (profile == "none")
        {
            EXPECT_EQ(FlowNamed(r, "down").lost, afterIf1Left);
        }
    }
}

// The moved downlink in the captures: IPv6-in-IPv6 from MAR1 to MAR2, then on if2 only.
TEST(DmaMultiInterface, CapturesShowTheMovedFlowTunnelledToTheNewInterface)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("dma-move", kFlowMove, {}, std::string("dma"), &r);
    ExpectCleanCaptures(dir);
    std::string mar1;
    std::string mar2;
    for (const auto& s : r.signaling)
    {
        mar1 = s.node == "mar1" && s.type == "PBA" ? s.src : mar1;
        mar2 = s.node == "mar2" && s.type == "PBU" ? s.src : mar2;
    }
    const FlowRecord& down = FlowNamed(r, "down");
    std::string udp = "udp && ipv6.dst == " + down.address;
    int tunnelled = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        if (entry.path().filename().string().rfind("dmm-mar2-", 0) == 0)
        {
            tunnelled += Count(entry.path(),
                               "ipv6.nxt == 41 && ipv6.src == " + mar1 + " && ipv6.dst == " + mar2 +
                                   " && ipv6.dst == " + down.address);
        }
    }
    auto if1 = dir / "dmm-mn-2.pcap";
    auto if2 = dir / "dmm-mn-3.pcap";
    EXPECT_GT(tunnelled, 550); // 5.02 s to 11 s, every 10 ms
    EXPECT_EQ(Count(if2, udp), tunnelled);
    EXPECT_EQ(Count(if1, udp + " && frame.time_epoch >= 5.02"), 0);
    EXPECT_EQ(Count(if1, udp) + Count(if2, udp), static_cast<int>(down.received));
}

// Fig 6 itself: two flows started on if1 at MAR1, each on its own prefix of MAR1
// (protocol.prefixes_per_node 2, SpreadFlows); Flow#2 moved to if2 (at MAR2) is tunnelled
// MAR1 -> MAR2, Flow#1 stays native. Nothing is lost.
TEST(DmaMultiInterface, Fig6FlowsAnchoredAtMar1OneMovedToIf2)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("dma-fig6", "dmm-dma-multi-interface.json", {}, {}, &r);
    ExpectCleanCaptures(dir);
    const FlowRecord& f1 = FlowNamed(r, "flow1");
    const FlowRecord& f2 = FlowNamed(r, "flow2");
    EXPECT_NE(Prefix64(f1.address), Prefix64(f2.address)) << "HNP1 and HNP2";
    EXPECT_EQ(HomeNetworkPrefix::Make(Ipv6Address(f1.address.c_str()), 48),
              HomeNetworkPrefix::Make(Ipv6Address(f2.address.c_str()), 48))
        << "both anchored at MAR1";
    EXPECT_EQ(f1.lost, 0u);
    EXPECT_EQ(f2.lost, 0u);
    std::vector<std::string> ladder;
    std::string mar1;
    std::string mar2;
    for (const auto& s : After(r, 6.0))
    {
        if (s.node != "mn" && !(s.node == "mar1" && s.type == "RA"))
        {
            ladder.push_back(s.node + ":" + s.type);
        }
        mar1 = s.node == "mar1" && s.type == "PBA" ? s.src : mar1;
        mar2 = s.node == "mar2" && s.type == "PBU" ? s.src : mar2;
    }
    EXPECT_EQ(ladder,
              (std::vector<std::string>{"mar2:SessionQuery",
                                        "db:SessionReply",
                                        "mar2:PBU",
                                        "mar1:PBA",
                                        "mar2:SessionUpdate",
                                        "mar2:RA"}));
    ASSERT_FALSE(mar1.empty());
    int tunnelled = 0;
    int flow1Tunnelled = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        if (entry.path().filename().string().rfind("dmm-mar2-", 0) == 0)
        {
            tunnelled += Count(entry.path(),
                               "ipv6.nxt == 41 && ipv6.src == " + mar1 + " && ipv6.dst == " + mar2 +
                                   " && ipv6.dst == " + f2.address);
        }
        flow1Tunnelled += Count(entry.path(), "ipv6.nxt == 41 && ipv6.dst == " + f1.address);
    }
    auto if1 = dir / "dmm-mn-2.pcap";
    auto if2 = dir / "dmm-mn-3.pcap";
    std::string f1Udp = "udp && ipv6.dst == " + f1.address;
    std::string f2Udp = "udp && ipv6.dst == " + f2.address;
    EXPECT_EQ(flow1Tunnelled, 0);
    EXPECT_EQ(Count(if1, f1Udp), static_cast<int>(f1.received));
    EXPECT_EQ(Count(if2, f1Udp), 0);
    EXPECT_GT(tunnelled, 450); // 6.02 s to 11 s, every 10 ms
    EXPECT_EQ(Count(if2, f2Udp), tunnelled);
    EXPECT_EQ(Count(if1, f2Udp) + Count(if2, f2Udp), static_cast<int>(f2.received));
    EXPECT_EQ(Count(if1, f2Udp + " && frame.time_epoch >= 6.02"), 0);
}
