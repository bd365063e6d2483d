/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// PMIPv6 with a multi-interface mobile node (RFC 5213 §5.4): each interface is its own
// mobility session at the LMA (own HNP, own binding cache entry); a handover of one
// interface leaves the other's session alone; a flow moved between interfaces breaks under
// plain PMIPv6, which has no flow mobility.
#include "ns3/config.h"
#include "ns3/location-management.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"
#include "ns3/simulator.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace ns3;
using nlohmann::json;

namespace
{

/// pmipv6, mn with if1 on mag1 (1 s) and if2 on mag2 (1.5 s); downlink and uplink flows.
json
Base()
{
    return json::parse(R"({
      "name": "t", "profile": "pmipv6", "duration_s": 8,
      "l2": {"type": "switch", "switch_time_ms": 50},
      "access": {"delay_ms": 1, "rate_mbps": 100},
      "nodes": [{"name": "lma", "role": "anchor"}, {"name": "mag1", "role": "access"},
                {"name": "mag2", "role": "access"}, {"name": "mag3", "role": "access"},
                {"name": "cn", "role": "cn"},
                {"name": "mn", "role": "mn", "interfaces": ["if1", "if2"]}],
      "links": [{"a": "lma", "b": "mag1", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "lma", "b": "mag2", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "lma", "b": "mag3", "delay_ms": 2, "rate_mbps": 1000},
                {"a": "cn", "b": "lma", "delay_ms": 5, "rate_mbps": 1000}],
      "mobility": [{"mn": "mn", "at_s": 1, "attach": "mag1"},
                   {"mn": "mn", "at_s": 1.5, "attach": "mag2", "interface": "if2"}],
      "flows": [{"name": "down", "type": "udp", "from": "cn", "to": "mn", "start_s": 2,
                 "stop_s": 7, "interval_ms": 10, "size_bytes": 200},
                {"name": "up", "type": "udp", "from": "mn", "to": "cn", "start_s": 2,
                 "stop_s": 7, "interval_ms": 10, "size_bytes": 200}]
    })");
}

/// The LMA's binding cache as its "BindingUpdated" trace left it, by session key.
struct Bindings
{
    std::map<std::string, BindingCacheEntry> last;  //!< key -> latest entry
    std::map<std::string, BindingCacheEntry> first; //!< key -> first entry
    std::map<std::string, uint32_t> updates;        //!< key -> updates seen
    std::map<std::string, double> lastAtS;          //!< key -> time of the latest
};

Bindings g_bindings;

void
Updated(const BindingCacheEntry& entry, Ipv6Address)
{
    g_bindings.first.try_emplace(entry.mnId, entry);
    g_bindings.last[entry.mnId] = entry;
    g_bindings.updates[entry.mnId]++;
    g_bindings.lastAtS[entry.mnId] = Simulator::Now().GetSeconds();
}

/// \brief Run \p j with the LMA's binding cache watched. \return the results
RunResults
RunWatched(const json& j)
{
    g_bindings = Bindings{};
    // Nodes exist once the run has started: connect at time zero.
    Simulator::Schedule(Seconds(0), [] {
        Config::ConnectWithoutContextFailSafe("/NodeList/*/$ns3::LocationManagement/BindingUpdated",
                                              MakeCallback(&Updated));
    });
    RunOptions opt;
    opt.progress = false;
    return RunScenario(ParseScenario(j), opt);
}

/// \return the source address of the first \p type message \p node sent
std::string
SourceOf(const RunResults& r, const std::string& node, const std::string& type)
{
    for (const auto& s : r.signaling)
    {
        if (s.node == node && s.type == type)
        {
            return s.src;
        }
    }
    return "";
}

/// \return the proxy-CoA of each binding's latest entry, as text
std::set<std::string>
CareOfs(const Bindings& b)
{
    std::set<std::string> out;
    for (const auto& [key, entry] : b.last)
    {
        std::ostringstream os;
        os << entry.careOf;
        out.insert(os.str());
    }
    return out;
}

/// \return packets a flow sends from \p fromS (exclusive) to its stop (exclusive)
uint64_t
SentAfter(const json& flow, double fromS)
{
    double interval = flow["interval_ms"].get<double>() / 1000;
    double start = flow["start_s"].get<double>();
    double stop = flow["stop_s"].get<double>();
    // Sends at start + k * interval, k >= 1, before stop.
    auto before = [&](double t) {
        return static_cast<uint64_t>(std::ceil((t - start) / interval)) - 1;
    };
    return before(stop) - before(fromS);
}

} // namespace

// Two interfaces on two MAGs: two bindings, two prefixes, each proxy-CoA its MAG.
TEST(Pmipv6MultiInterface, EachInterfaceIsASession)
{
    RunResults r = RunWatched(Base());
    ASSERT_EQ(g_bindings.last.size(), 2u);
    for (const auto& [key, entry] : g_bindings.last)
    {
        ASSERT_EQ(entry.prefixes.size(), 1u) << key;
        EXPECT_EQ(entry.state, BindingCacheEntry::State::ACTIVE) << key;
    }
    EXPECT_NE(g_bindings.last.begin()->second.prefixes.front(),
              g_bindings.last.rbegin()->second.prefixes.front());
    EXPECT_EQ(CareOfs(g_bindings),
              (std::set<std::string>{SourceOf(r, "mag1", "PBU"), SourceOf(r, "mag2", "PBU")}));
    ASSERT_EQ(r.flows.size(), 2u);
    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        EXPECT_GT(f.sent, 0u);
        EXPECT_EQ(f.received, f.sent);
    }
}

// if1 moves mag1 -> mag3: its session keeps its prefix; if2's is not signalled at all.
TEST(Pmipv6MultiInterface, HandoverOfOneInterfaceLeavesTheOtherAlone)
{
    const double moveS = 3;
    json j = Base();
    j["mobility"].push_back({{"mn", "mn"}, {"at_s", moveS}, {"attach", "mag3"}});
    RunResults r = RunWatched(j);
    ASSERT_EQ(g_bindings.last.size(), 2u);
    std::string mag3 = SourceOf(r, "mag3", "PBU");
    std::string moved;
    for (const auto& [key, entry] : g_bindings.last)
    {
        std::ostringstream careOf;
        careOf << entry.careOf;
        if (careOf.str() == mag3)
        {
            moved = key;
        }
        else
        {
            EXPECT_EQ(careOf.str(), SourceOf(r, "mag2", "PBU")) << key;
            EXPECT_LT(g_bindings.lastAtS[key], moveS) << key; // untouched by the handover
        }
    }
    ASSERT_FALSE(moved.empty());
    EXPECT_EQ(g_bindings.first[moved].prefixes, g_bindings.last[moved].prefixes);
    // The ladder from the move on: mag1's de-registration and mag3's registration, each
    // answered; nothing from or to mag2.
    std::map<std::string, uint32_t> ladder;
    for (const auto& s : r.signaling)
    {
        if (s.timeS >= moveS && (s.type == "PBU" || s.type == "PBA"))
        {
            ladder[s.node + " " + s.type]++;
        }
    }
    EXPECT_EQ(ladder,
              (std::map<std::string, uint32_t>{{"lma PBA", 2}, {"mag1 PBU", 1}, {"mag3 PBU", 1}}));
}

// Plain PMIPv6 has no flow mobility: the flows start on if2's prefix (the node's newest
// address); the uplink flow moved to if1 leaves with if2's prefix as source, which mag1
// (tunnelling if1's prefix only) filters (BCP 38); the downlink stays on if2.
TEST(Pmipv6MultiInterface, AFlowMovedToTheOtherInterfaceBreaks)
{
    const double moveS = 4;
    json j = Base();
    j["flow_moves"] = json::array({{{"flow", "up"}, {"interface", "if1"}, {"at_s", moveS}}});
    RunResults r = RunWatched(j);
    ASSERT_EQ(r.flows.size(), 2u);
    uint64_t lost = SentAfter(j["flows"][1], moveS);
    for (const auto& f : r.flows)
    {
        SCOPED_TRACE(f.flow);
        EXPECT_EQ(f.received, f.flow == "up" ? f.sent - lost : f.sent);
    }
    EXPECT_EQ(r.packets.dropped, (std::map<std::string, uint64_t>{{"ingress_filter", lost}}));
}
