/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP's alternative implementation (seed 001 §7.1, §7.3, Figs 10-11) on
// scenarios/epmip-border.json: the eLMAs announce no prefix; the BG+DRF bg (cn_out
// behind it, outside the area) and the Router+DRF r2 announce the ePMIP prefix set, so
// each packet for a node of the area reaches the nearest of them, which asks its LMF and
// tunnels it to the node's eLMA. cn_in is a fixed correspondent inside the area behind
// ar, linked to the plain router r1: its shortest path to mn1 (ar-r1-eLMA1) crosses no
// DRF, so only the anycast announcement brings its packets to r2 (Fig 11).
#include "pcap-capture.h"
#include "test-paths.h"

#include "ns3/config.h"
#include "ns3/nstime.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>

using namespace dmmtest;
using namespace ns3;

namespace
{

const std::string FILE_NAME = "epmip-border.json";

/// The run's node -> address (the first source each node signalled from).
std::map<std::string, std::string>
Addresses(const RunResults& r)
{
    std::map<std::string, std::string> address;
    for (const auto& s : r.signaling)
    {
        address.emplace(s.node, s.src);
    }
    return address;
}

/// The flow named \p name.
const FlowRecord&
FlowOf(const RunResults& r, const std::string& name)
{
    for (const auto& f : r.flows)
    {
        if (f.flow == name)
        {
            return f;
        }
    }
    throw std::runtime_error("no flow " + name);
}

} // namespace

TEST(EpmipBorder, RouterDrfsAskTheirLmfForTheNodesTheyAttract)
{
    RunResults r = RunScenario(
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + FILE_NAME, {}, {}, {}),
        [] {
            RunOptions opt;
            opt.progress = false;
            return opt;
        }());
    std::map<std::string, int> queries;
    for (const auto& s : r.signaling)
    {
        queries[s.node] += s.type == "PBQR" ? 1 : 0;
    }
    // bg attracts cn_out's packets for mn1 and mn2; r2 cn_in's for mn1 (§7.3 anycast).
    EXPECT_EQ(queries["bg"], 2);
    EXPECT_EQ(queries["r2"], 1);
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.lost, 0u) << f.flow; // the first packets wait for the PBQA
    }
}

TEST(EpmipBorder, BorderGatewayTunnelsOutsideTrafficToTheElma)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    RunResults r;
    auto dir = CaptureRun("epmip-border", FILE_NAME, {}, std::nullopt, &r);
    ExpectCleanCaptures(dir); // PBQR/PBQA from and to the routers decode (MH type 253)
    auto address = Addresses(r);
    auto tunnelled = [&](const std::string& at, const std::string& from, const std::string& flow) {
        return static_cast<uint64_t>(Count(Capture(dir, at),
                                           "udp && ipv6.nxt == 41 && ipv6.src == " + address[from] +
                                               " && ipv6.dst == " + address[at] +
                                               " && ipv6.dst == " + FlowOf(r, flow).address));
    };
    // §7.1 Fig 10: every packet from outside reaches the eLMA through the BG's tunnel
    // (the eLMAs announce nothing, so nothing else brings it there).
    EXPECT_EQ(tunnelled("elma1", "bg", "out-to-mn1"), FlowOf(r, "out-to-mn1").sent);
    EXPECT_EQ(tunnelled("elma2", "bg", "out-to-mn2"), FlowOf(r, "out-to-mn2").sent);
    // §7.3 Fig 11: cn_in's packets are attracted by the nearest announcer, r2, not the BG.
    EXPECT_EQ(tunnelled("elma1", "r2", "in-to-mn1"), FlowOf(r, "in-to-mn1").sent);
    EXPECT_GT(FlowOf(r, "in-to-mn1").sent, 150u);
}

TEST(EpmipBorder, RefusedWithoutTheAlternativeArchitecture)
{
    EXPECT_THROW(LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + FILE_NAME,
                              {"protocol.epmip_architecture=integrated"},
                              {},
                              {}),
                 ScenarioError);
}

TEST(EpmipBorder, HeldPacketsOfAnUnansweredQueryAreDroppedAndNamed)
{
    // The LMF answers after 16 ms at least; a 5 ms time-out and no retry give up first (§5.1). The
    // BG has no PMIP path to release what it held on: it drops them, with their reason,
    // until the late PBQA still locates the node.
    const std::string timeout = "ns3::DistributedRoutingFunction::QueryTimeout";
    const std::string retries = "ns3::DistributedRoutingFunction::QueryRetries";
    Config::SetDefault(timeout, TimeValue(MilliSeconds(5)));
    Config::SetDefault(retries, UintegerValue(0));
    RunOptions opt;
    opt.progress = false;
    RunResults r = RunScenario(
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + FILE_NAME, {}, {}, {}),
        opt);
    Config::SetDefault(timeout, TimeValue(Seconds(1)));
    Config::SetDefault(retries, UintegerValue(1));
    EXPECT_EQ(r.packets.unaccounted, 0u);
    ASSERT_EQ(r.packets.dropped.count("location_timeout"), 1u);
    EXPECT_GT(r.packets.dropped.at("location_timeout"), 0u);
}
