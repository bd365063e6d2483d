/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The wired network's routing: Ipv6PrefixRouting's longest-prefix match, and scenario
// results that neither the aggregated routes nor the checksum setting change.
#include "test-files.h"
#include "test-paths.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/point-to-point-module.h"
#include "ns3/prefix-routing-helper.h"
#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace ns3;

namespace
{

/// A node with two point-to-point interfaces (1 and 2) and prefix routing below static.
class PrefixRoutingFixture : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        NodeContainer nodes;
        nodes.Create(3);
        Ipv6ListRoutingHelper list;
        list.Add(Ipv6StaticRoutingHelper(), 0);
        list.Add(Ipv6PrefixRoutingHelper(), -1);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.SetRoutingHelper(list);
        stack.Install(nodes);
        PointToPointHelper p2p;
        Ipv6AddressHelper addr;
        addr.SetBase(Ipv6Address("2001:aaaa:1::"), Ipv6Prefix(64));
        m_one = addr.Assign(p2p.Install(nodes.Get(0), nodes.Get(1)));
        addr.SetBase(Ipv6Address("2001:aaaa:2::"), Ipv6Prefix(64));
        m_two = addr.Assign(p2p.Install(nodes.Get(0), nodes.Get(2)));
        m_ipv6 = nodes.Get(0)->GetObject<Ipv6>();
        m_routing = Ipv6PrefixRoutingHelper::Get(m_ipv6);
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    Ptr<Ipv6Route> Output(const char* dst, Ptr<NetDevice> oif = nullptr)
    {
        Ipv6Header h;
        h.SetDestination(Ipv6Address(dst));
        Socket::SocketErrno err;
        Ptr<Ipv6Route> r = m_ipv6->GetRoutingProtocol()->RouteOutput(nullptr, h, oif, err);
        EXPECT_EQ(err, r ? Socket::ERROR_NOTERROR : Socket::ERROR_NOROUTETOHOST);
        return r;
    }

    static HomeNetworkPrefix P(const char* a, uint8_t len)
    {
        return HomeNetworkPrefix::Make(Ipv6Address(a), len);
    }

    Ipv6InterfaceContainer m_one;
    Ipv6InterfaceContainer m_two;
    Ptr<Ipv6> m_ipv6;
    Ptr<Ipv6PrefixRouting> m_routing;
};

TEST_F(PrefixRoutingFixture, LongestPrefixChoosesTheNextHop)
{
    ASSERT_TRUE(m_routing);
    m_routing->AddRoute(P("2001:cccc::", 32), m_one.GetAddress(1, 1), 1);
    m_routing->AddRoute(P("2001:cccc:5::", 64), m_two.GetAddress(1, 1), 2);
    m_routing->AddRoute(P("2001:cccc:5::9", 128), m_one.GetAddress(1, 1), 1);
    EXPECT_EQ(m_routing->GetNRoutes(), 3u);
    EXPECT_EQ(Output("2001:cccc:5::1")->GetGateway(), m_two.GetAddress(1, 1));
    EXPECT_EQ(Output("2001:cccc:5::9")->GetGateway(), m_one.GetAddress(1, 1));
    Ptr<Ipv6Route> shortest = Output("2001:cccc:7::1");
    EXPECT_EQ(shortest->GetGateway(), m_one.GetAddress(1, 1));
    // Source selection as static routing's for a gateway route: the address facing it.
    EXPECT_EQ(shortest->GetSource(), m_one.GetAddress(0, 1));
    EXPECT_EQ(Output("2001:dddd::1"), nullptr);
    EXPECT_EQ(m_routing->GetStats().noRoute, 1u);
}

TEST_F(PrefixRoutingFixture, AnOutputDeviceSkipsLongerRoutesElsewhere)
{
    m_routing->AddRoute(P("2001:cccc::", 32), m_one.GetAddress(1, 1), 1);
    m_routing->AddRoute(P("2001:cccc:5::", 64), m_two.GetAddress(1, 1), 2);
    Ptr<NetDevice> one = m_ipv6->GetNetDevice(1);
    EXPECT_EQ(Output("2001:cccc:5::1", one)->GetGateway(), m_one.GetAddress(1, 1));
    EXPECT_TRUE(m_routing->RemoveRoute(P("2001:cccc::", 32)));
    EXPECT_EQ(Output("2001:cccc:5::1", one), nullptr);
}

TEST_F(PrefixRoutingFixture, StaticRoutesComeFirstAndReceivedPacketsAreForwarded)
{
    m_routing->AddRoute(P("2001:cccc:5::", 64), m_two.GetAddress(1, 1), 2);
    Ipv6StaticRoutingHelper().GetStaticRouting(m_ipv6)->AddNetworkRouteTo(
        Ipv6Address("2001:cccc:5::"),
        Ipv6Prefix(64),
        m_one.GetAddress(1, 1),
        1);
    EXPECT_EQ(Output("2001:cccc:5::1")->GetGateway(), m_one.GetAddress(1, 1));
    m_ipv6->SetAttribute("IpForward", BooleanValue(true));
    Ipv6Header h;
    h.SetDestination(Ipv6Address("2001:cccc:5::1"));
    Ptr<Ipv6Route> forwarded;
    bool handled = m_routing->RouteInput(
        Create<Packet>(),
        h,
        m_ipv6->GetNetDevice(1),
        compat::FunctionCallback<void,
                                 Ptr<const NetDevice>,
                                 Ptr<Ipv6Route>,
                                 Ptr<const Packet>,
                                 const Ipv6Header&>(
            [&](Ptr<const NetDevice>, Ptr<Ipv6Route> r, Ptr<const Packet>, const Ipv6Header&) {
                forwarded = r;
            }),
        MakeNullCallback<void,
                         Ptr<const NetDevice>,
                         Ptr<Ipv6MulticastRoute>,
                         Ptr<const Packet>,
                         const Ipv6Header&>(),
        MakeNullCallback<void, Ptr<const Packet>, const Ipv6Header&, uint32_t>(),
        MakeNullCallback<void, Ptr<const Packet>, const Ipv6Header&, Socket::SocketErrno>());
    EXPECT_TRUE(handled);
    ASSERT_TRUE(forwarded);
    EXPECT_EQ(forwarded->GetGateway(), m_two.GetAddress(1, 1));
    EXPECT_EQ(m_routing->GetStats().forwarded, 1u);
}

/// The result files of a run, wall time left out, file name -> bytes.
std::map<std::string, std::string>
ResultFiles(const std::string& scenario, const std::string& profile, const RunOptions& base)
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/" + scenario);
    nlohmann::json j = nlohmann::json::parse(in);
    j["profile"] = profile;
    RunOptions opt = base;
    opt.progress = false;
    char dir[] = "/tmp/dmm-wired-routing-XXXXXX";
    opt.outDir = mkdtemp(dir);
    RunResults r = RunScenario(ParseScenario(j), opt);
    r.wallS = 0;
    WriteResults(r, opt.outDir);
    std::map<std::string, std::string> files;
    for (const char* name : {"summary.json", "handovers.csv", "signaling.csv", "flows.csv"})
    {
        files[name] = dmmtest::ReadFile(opt.outDir + "/" + name);
    }
    std::filesystem::remove_all(opt.outDir);
    return files;
}

bool
ChecksumEnabled()
{
    BooleanValue v;
    GlobalValue::GetValueByName("ChecksumEnabled", v);
    return v.Get();
}

/// (scenario, profile): anycast pools (migrating-ha), an anchor per network (dma), a
/// hierarchy with MAPs (hmipv6).
class WiredRoutesKeepResults : public ::testing::TestWithParam<std::pair<const char*, const char*>>
{
};

TEST_P(WiredRoutesKeepResults, AggregatedRoutesGiveTheStaticRoutesResults)
{
    RunOptions aggregated;
    RunOptions perAddress;
    perAddress.staticWiredRoutes = true;
    auto [scenario, profile] = GetParam();
    EXPECT_EQ(ResultFiles(scenario, profile, aggregated),
              ResultFiles(scenario, profile, perAddress));
}

INSTANTIATE_TEST_SUITE_P(Shipped,
                         WiredRoutesKeepResults,
                         ::testing::Values(std::make_pair("dmm-fig6-migrating-ha.json",
                                                          "migrating-ha"),
                                           std::make_pair("dmm-fig7-dma.json", "dma"),
                                           std::make_pair("pmipv6-hierarchical.json", "hmipv6")));

TEST(Checksums, OffUnlessPcapOrAskedAndResultsUnchanged)
{
    RunOptions automatic;
    RunOptions on;
    on.checksums = "on";
    auto without = ResultFiles("pmipv6-hierarchical.json", "pmipv6", automatic);
    EXPECT_FALSE(ChecksumEnabled());
    EXPECT_EQ(ResultFiles("pmipv6-hierarchical.json", "pmipv6", on), without);
    EXPECT_TRUE(ChecksumEnabled());
    RunOptions pcap;
    pcap.pcap = true;
    ResultFiles("mipv6-triangle.json", "mipv6", pcap);
    EXPECT_TRUE(ChecksumEnabled()) << "a pcap file is read by people and Wireshark";
}

} // namespace
