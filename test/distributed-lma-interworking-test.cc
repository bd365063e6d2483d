/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Distributed LMAs (seed 004 §7): a correspondent outside mn1's domain (a1-anchor,
// a2-anchor), behind the router "transit" next to a2-anchor. mn1 registers at its H-LMA
// a1-anchor and moves to a2-ar1 at 5 s. Scenarios dlma-interworking-{fixed,domain,pmip}:
// a fixed node (§7.1), a mobile node of a second distributed-LMA domain (Figs 12-13) and
// one of a PMIPv6 domain of one LMA (Fig 14), also with its MAG inside mn1's domain
// (dlma-interworking-pmip-inside, §7.3's second case), and one running Mobile IPv6 in a
// domain under the mipv6 recipe (dlma-interworking-mip, §7.4). From the captures: who
// encapsulates and decapsulates each way; delivery, no loop, the handover.
#include "distributed-lma-ladder.h"
#include "distributed-lma-tunnels.h"
#include "scenario-errors.h"
#include "test-paths.h"

#include "ns3/dlma-mag-forwarding.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <cmath>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

using namespace dmmtest;

namespace
{

using Hops = std::set<std::string>;

/// A run of one interworking scenario, with its captures.
struct Interworking
{
    std::filesystem::path dir; //!< the captures
    RunResults r;              //!< the results
    ScenarioConfig cfg;        //!< the scenario

    explicit Interworking(const std::string& cas)
    {
        std::string file = "dlma-interworking-" + cas + ".json";
        cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file, {}, {}, {});
        dir = CaptureRun("dlma-iw-" + cas, file, {}, std::nullopt, &r);
    }

    /// \return how many packets of \p node's captures match \p filter
    size_t Count(const std::string& node, const std::string& filter) const
    {
        size_t n = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
        {
            if (entry.path().filename().string().rfind("dmm-" + node + "-", 0) == 0)
            {
                std::istringstream lines(Tshark("-r " + entry.path().string() + " -Y \"" + filter +
                                                "\" -T fields -e frame.number"));
                for (std::string line; std::getline(lines, line);)
                {
                    n += !line.empty();
                }
            }
        }
        return n;
    }

    /// \return the source of the first packet for \p hoa in \p node's captures
    std::string SenderTo(const std::string& node, const std::string& hoa) const
    {
        for (const auto& entry : std::filesystem::directory_iterator(dir))
        {
            if (entry.path().filename().string().rfind("dmm-" + node + "-", 0) != 0)
            {
                continue;
            }
            std::string src =
                Tshark("-r " + entry.path().string() + " -Y \"udp && ipv6.dst == " + hoa +
                       "\" -T fields -e ipv6.src");
            if (!src.empty())
            {
                return src.substr(0, src.find_first_of(",\n"));
            }
        }
        return "";
    }

    /// The tunnels a packet for \p address took: sent in [2, 4.9) (mn1 at a1-ar1) and in
    /// [5.5, 7.5) (at a2-ar1), from the wired nodes' captures.
    std::pair<Hops, Hops> Tunnels(const std::string& address) const
    {
        std::vector<std::string> nodes;
        for (const auto& n : cfg.nodes)
        {
            if (n.role != "mn")
            {
                nodes.push_back(n.name);
            }
        }
        auto seen = TunnelHops(dir, r, address, nodes, 7.5);
        return {HopsBetween(seen, 2.0, 4.9), HopsBetween(seen, 5.5, 7.5)};
    }
};

/// Delivery, no loop, no duplicate, and mn1's handover finished with loss only while it
/// was detached or not yet registered at a2-anchor; \p direct: over the shortest path.
void
ExpectDeliveredWithoutLoop(const Interworking& w, bool direct = true)
{
    EXPECT_EQ(w.r.packets.dropped.count("hop_limit"), 0u);
    EXPECT_EQ(w.r.packets.dropped.count("tunnel_hop_limit"), 0u);
    EXPECT_EQ(w.r.packets.unaccounted, 0u);
    ASSERT_EQ(w.r.handovers.size(), 1u);
    const HandoverRecord& h = w.r.handovers[0];
    EXPECT_EQ(h.to, "a2-ar1");
    EXPECT_TRUE(std::isfinite(h.latencyMs));
    uint64_t received = 0;
    for (const auto& f : w.r.flows)
    {
        SCOPED_TRACE(f.flow);
        EXPECT_GT(f.received, 0u);
        EXPECT_EQ(f.received + f.lost, f.sent);
        // A few more than the handover's own window: the packets already on the old path.
        EXPECT_LE(f.lost, std::ceil(h.latencyMs / w.cfg.flows[0].intervalMs) + 3);
        EXPECT_EQ(f.lastLinks == f.lastShortestLinks, direct);
        received += f.received;
    }
    EXPECT_EQ(w.r.packets.delivered, received); // each packet delivered once
}

} // namespace

TEST(DlmaInterworking, FixedCorrespondentEntersAtTheNearestLmaAndMnTrafficLeavesUntunnelled)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    Interworking w("fixed");
    ExpectCleanCaptures(w.dir);
    ExpectDeliveredWithoutLoop(w);
    std::string hoa = Flow(w.r, "down").address;
    // §7.1: cn's packet enters at a2-anchor, the LMA nearest it (O-LMA), which tunnels to
    // the H-LMA; after the move a2-anchor is the D-LMA and tunnels to the MAG.
    EXPECT_EQ(
        w.Tunnels(hoa),
        std::make_pair(Hops{"a2-anchor>a1-anchor", "a1-anchor>a1-ar1"}, Hops{"a2-anchor>a2-ar1"}));
    // §7.2: mn1's packets are decapsulated at its D-LMA and routed out: no tunnel beyond.
    std::string cn = w.SenderTo("cn", hoa);
    EXPECT_EQ(w.Tunnels(cn), std::make_pair(Hops{"a1-ar1>a1-anchor"}, Hops{"a2-ar1>a2-anchor"}));
}

TEST(DlmaInterworking, OtherDistributedLmaDomainRoutesByItsOwnAnycast)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    Interworking w("domain");
    ExpectCleanCaptures(w.dir);
    ExpectDeliveredWithoutLoop(w);
    std::string hoa = Flow(w.r, "down").address;
    std::string peer = Flow(w.r, "up").address; // mn2's HoA
    // Fig 12: mn2's packet leaves domain b at its D-LMA b2-anchor, untunnelled (hot
    // potato), and enters mn1's domain at a2-anchor, the LMA nearest that exit.
    EXPECT_EQ(w.Tunnels(hoa),
              std::make_pair(Hops{"b2-ar1>b2-anchor", "a2-anchor>a1-anchor", "a1-anchor>a1-ar1"},
                             Hops{"b2-ar1>b2-anchor", "a2-anchor>a2-ar1"}));
    // Fig 13: mn1's packet leaves at its D-LMA and enters domain b at b1-anchor, the
    // nearest b LMA (O-LMA), which tunnels it to mn2's H-LMA and D-LMA b2-anchor. Domain b
    // is not a's peer: no H-LMA of a is asked and no a LMA tunnels to b. b1-anchor sends no
    // signalling, so its address has no name here (">b2-anchor"); that it is the
    // encapsulator shows in the captures: untunnelled through transit, tunnelled at b1.
    EXPECT_EQ(w.Tunnels(peer),
              std::make_pair(Hops{"a1-ar1>a1-anchor", ">b2-anchor", "b2-anchor>b2-ar1"},
                             Hops{"a2-ar1>a2-anchor", ">b2-anchor", "b2-anchor>b2-ar1"}));
    std::string tunnelled = "ipv6.nxt == 41 && ipv6.dst == " + peer;
    std::string plain = "!(ipv6.nxt == 41) && udp && ipv6.dst == " + peer;
    EXPECT_EQ(w.Count("transit", tunnelled), 0u);
    EXPECT_GT(w.Count("transit", plain), 0u);
    EXPECT_GT(w.Count("b1-anchor", plain), 0u);
    EXPECT_GT(w.Count("b1-anchor", tunnelled), 0u);
    // Signalling stays inside each domain (a node's name starts with its domain's letter).
    auto names = SenderNames(w.r);
    for (const auto& m : w.r.signaling)
    {
        if (m.type == "RS" || m.type == "RA")
        {
            continue; // on the access link
        }
        ASSERT_TRUE(names.count(m.dst)) << m.dst;
        EXPECT_EQ(m.node.front(), names[m.dst].front()) << m.node << ":" << m.type;
    }
}

TEST(DlmaInterworking, PmipDomainCorrespondentIsReachedThroughItsLma)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    Interworking w("pmip");
    ExpectCleanCaptures(w.dir);
    ExpectDeliveredWithoutLoop(w);
    std::string hoa = Flow(w.r, "down").address;
    std::string peer = Flow(w.r, "up").address; // mn2's HoA
    EXPECT_EQ(w.Tunnels(hoa),
              std::make_pair(Hops{"p-mag>p-lma", "a2-anchor>a1-anchor", "a1-anchor>a1-ar1"},
                             Hops{"p-mag>p-lma", "a2-anchor>a2-ar1"}));
    // Fig 14: in the PMIPv6 domain the packet follows PMIPv6 routing: its LMA tunnels it.
    EXPECT_EQ(w.Tunnels(peer),
              std::make_pair(Hops{"a1-ar1>a1-anchor", "p-lma>p-mag"},
                             Hops{"a2-ar1>a2-anchor", "p-lma>p-mag"}));
    // A PMIPv6 LMA: no distributed-LMA message ever leaves or reaches p-lma.
    for (const auto& m : w.r.signaling)
    {
        EXPECT_TRUE(m.node != "p-lma" || m.type == "PBA") << m.type;
    }
}

TEST(DlmaInterworking, PmipCorrespondentInsideTheDomainIsReachedThroughItsLegacyLma)
{
    // §7.3, second case: mn2's access network (p-mag) lies in mn1's domain (wired to
    // a2-anchor) but its prefix is p-lma's, beyond transit. mn1's packets follow the
    // prefix to p-lma, which tunnels them back past a2-anchor: triangle routing both ways.
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    Interworking w("pmip-inside");
    ExpectCleanCaptures(w.dir);
    ExpectDeliveredWithoutLoop(w, false);
    std::string hoa = Flow(w.r, "down").address;
    std::string peer = Flow(w.r, "up").address; // mn2's HoA, from p-lma's pool
    EXPECT_EQ(w.Tunnels(peer),
              std::make_pair(Hops{"a1-ar1>a1-anchor", "p-lma>p-mag"},
                             Hops{"a2-ar1>a2-anchor", "p-lma>p-mag"}));
    // mn2's packets are reverse-tunnelled to p-lma and enter mn1's domain at a2-anchor.
    EXPECT_EQ(w.Tunnels(hoa),
              std::make_pair(Hops{"p-mag>p-lma", "a2-anchor>a1-anchor", "a1-anchor>a1-ar1"},
                             Hops{"p-mag>p-lma", "a2-anchor>a2-ar1"}));
    // transit carries each packet out (untunnelled) and back (inside p-lma's tunnel).
    EXPECT_GT(w.Count("transit", "!(ipv6.nxt == 41) && udp && ipv6.dst == " + peer), 0u);
    EXPECT_GT(w.Count("transit", "ipv6.nxt == 41 && ipv6.dst == " + peer), 0u);
    // After the move mn1 and mn2 are both one link from a2-anchor: the triangle adds the
    // round trip a2-anchor - transit - p-lma (4 links) each way.
    for (const char* name : {"up", "down"})
    {
        const FlowRecord& f = Flow(w.r, name);
        EXPECT_EQ(f.lastLinks, f.lastShortestLinks + 4) << name;
    }
}

TEST(DlmaInterworking, MipCorrespondentIsReachedThroughItsHomeAgent)
{
    // §7.4, Fig 15: mn2 runs Mobile IPv6 (domain "mip" under the mipv6 recipe), away from
    // home at mip-ar; its HoA is from mip-ha's pool. mn1's packets follow the prefix out of
    // the distributed-LMA domain (hot potato) to mip-ha, which tunnels them to mn2's CoA;
    // mn2's replies go back through mip-ha (reverse tunnel, RFC 6275 §11.3.1) and enter
    // mn1's domain at a2-anchor (§7.1): triangle routing both ways.
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    Interworking w("mip");
    ExpectCleanCaptures(w.dir);
    ExpectDeliveredWithoutLoop(w, false);
    std::string hoa = Flow(w.r, "down").address;
    std::string peer = Flow(w.r, "up").address; // mn2's HoA
    EXPECT_EQ(w.Tunnels(peer),
              std::make_pair(Hops{"a1-ar1>a1-anchor", "mip-ha>mn2"},
                             Hops{"a2-ar1>a2-anchor", "mip-ha>mn2"}));
    EXPECT_EQ(w.Tunnels(hoa),
              std::make_pair(Hops{"mn2>mip-ha", "a2-anchor>a1-anchor", "a1-anchor>a1-ar1"},
                             Hops{"mn2>mip-ha", "a2-anchor>a2-ar1"}));
    std::string plain = "!(ipv6.nxt == 41) && udp && ipv6.dst == ";
    std::string tunnelled = "ipv6.nxt == 41 && ipv6.dst == ";
    // Out of mn1's domain untunnelled, intercepted by the home agent, tunnelled on; mn2 is
    // away from home: no packet for its HoA reaches its link untunnelled.
    EXPECT_GT(w.Count("transit", plain + peer), 0u);
    EXPECT_GT(w.Count("mip-ha", plain + peer), 0u);
    EXPECT_GT(w.Count("mip-ha", tunnelled + peer), 0u);
    EXPECT_EQ(w.Count("mip-ar", plain + peer), 0u);
    // Back: the home agent decapsulates and sends the packet on from the HoA.
    EXPECT_GT(w.Count("mip-ha", tunnelled + hoa), 0u);
    EXPECT_GT(w.Count("mip-ha", plain + hoa + " && ipv6.src == " + peer), 0u);
    // mn2's registration on the wire (MH types 5 and 6); the home agent sends only BAs.
    EXPECT_GT(w.Count("mip-ha", "mip6.mhtype == 5"), 0u);
    EXPECT_GT(w.Count("mip-ha", "mip6.mhtype == 6"), 0u);
    for (const auto& m : w.r.signaling)
    {
        EXPECT_TRUE(m.node != "mip-ha" || m.type == "BA") << m.type;
        EXPECT_TRUE(m.node != "mn2" || m.type == "BU" || m.type == "RS") << m.type;
    }
}

TEST(DlmaInterworking, DomainProfilesRefuseWhatTheyCannotRun)
{
    auto mip = [] {
        std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/dlma-interworking-mip.json");
        return nlohmann::json::parse(in);
    };
    auto with = [&mip](const std::function<void(nlohmann::json&)>& change) {
        nlohmann::json j = mip();
        change(j);
        return j;
    };
    EXPECT_EQ(dmmtest::ErrorOf(mip()), "<no error>");
    EXPECT_ERROR(with([](auto& j) { j["domain_profiles"] = "mipv6"; }),
                 "domain_profiles: expected an object");
    EXPECT_ERROR(with([](auto& j) { j["domain_profiles"]["mip"] = "nosuch"; }),
                 "domain_profiles.mip: unknown profile \"nosuch\"");
    EXPECT_ERROR(with([](auto& j) { j["domain_profiles"]["mip"] = "pmipv6"; }),
                 "domain_profiles.mip: profile \"pmipv6\" cannot run in a domain");
    EXPECT_ERROR(with([](auto& j) { j["domain_profiles"]["mip"] = "mipv6-ro"; }),
                 "domain_profiles.mip: profile \"mipv6-ro\" cannot run in a domain");
    EXPECT_ERROR(with([](auto& j) { j["domain_profiles"]["x"] = "mipv6"; }),
                 "domain_profiles.x: only one domain may run Mobile IPv6");
    EXPECT_ERROR(with([](auto& j) {
                     j["domain_profiles"] = {{"x", "mipv6"}};
                 }),
                 "domain_profiles.x: no node has \"domain\": \"x\"");
    // nodes[2] is a2-anchor: a second anchor in domain mip.
    EXPECT_ERROR(with([](auto& j) { j["nodes"][2]["domain"] = "mip"; }),
                 "domain_profiles.mip: domain \"mip\" has 2 anchors");
    // mobility[1] moves mn1 (distributed-lma) to a2-ar1; mobility[2] attaches mn2.
    EXPECT_ERROR(with([](auto& j) { j["mobility"][1]["attach"] = "mip-ar"; }),
                 "mobility[1].attach: mn \"mn1\" registers under profile \"distributed-lma\" but "
                 "\"mip-ar\" runs \"mipv6\"");
    EXPECT_ERROR(with([](auto& j) { j["mobility"][2]["attach"] = "mip-ha"; }),
                 "mobility[2].attach: \"mip-ha\" is the home agent of domain \"mip\"");
    EXPECT_ERROR(with([](auto& j) { j["profile"] = "migrating-ha"; }),
                 "only for profiles with ns3::DlmaAgent anchors");
}

TEST(DlmaInterworking, MipDomainTakesNoPartInTheDlmaBypass)
{
    // §5.1.1's bypass gives every MAG of the run a DlmaMagForwarding; mip-ar is a plain
    // router of the mipv6 recipe and must not get one (nor mip-ha a MAG as tunnel peer).
    ScenarioConfig cfg =
        LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/dlma-interworking-mip.json",
                     {"protocol.dlma_bypass=true"},
                     {},
                     {});
    std::map<std::string, bool> forwards;
    ns3::Simulator::Schedule(ns3::Seconds(0), [&forwards]() {
        for (const std::string node : {"a1-ar1", "mip-ar"})
        {
            forwards[node] =
                ns3::Names::Find<ns3::Node>(node)->GetObject<ns3::DlmaMagForwarding>() != nullptr;
        }
    });
    RunResults r = Simulate(cfg);
    EXPECT_TRUE(forwards.at("a1-ar1")); // the check observes something
    EXPECT_FALSE(forwards.at("mip-ar"));
    EXPECT_EQ(r.packets.unaccounted, 0u);
}
