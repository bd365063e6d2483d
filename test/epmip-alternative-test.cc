/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP's alternative implementation (seed 001 §7, Figs 10-11) on
// scenarios/epmip-alternative.json (protocol.epmip_architecture = alternative): legacy
// MAGs, the DAF in each of two per-network LMAs, two standalone LMFs relaying by hash of
// the HNP (§7.4). mn1 (eLMA1) sends to mn2 and mn3 (eLMA2), mn2 answers.
#include "ladder.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include "ns3/mobility-l4-protocol.h"
#include "ns3/standalone-lmf.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace dmmtest;
using namespace ns3;

namespace
{

ScenarioConfig
Load()
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/epmip-alternative.json",
                        {},
                        std::nullopt,
                        {});
}

RunResults
RunCfg(const ScenarioConfig& cfg)
{
    RunOptions opt;
    opt.progress = false;
    return RunScenario(cfg, opt);
}

/// LMF \p self of the domain \p lmfs (no node), to ask which one is responsible.
Ptr<StandaloneLmf>
DomainLmf(const std::vector<Ipv6Address>& lmfs, size_t self = 0)
{
    auto lmf = CreateObject<StandaloneLmf>();
    lmf->Setup(CreateObject<MobilityL4Protocol>(), lmfs[self], lmfs);
    return lmf;
}

} // namespace

TEST(EpmipAlternative, HashOfTheHnpSpreadsPrefixesAndIgnoresTheInterfaceId)
{
    std::vector<Ipv6Address> lmfs{"2001:db8::1", "2001:db8::2", "2001:db8::3"};
    Ptr<StandaloneLmf> lmf = DomainLmf(lmfs);
    std::map<Ipv6Address, int> count;
    for (int i = 0; i < 60; ++i)
    {
        auto hnp =
            HomeNetworkPrefix::Make(Ipv6Address(("2001:aaaa:" + std::to_string(i) + "::").c_str()),
                                    64);
        Ipv6Address responsible = lmf->ResponsibleFor(hnp);
        count[responsible]++;
        // A queried address is hashed as its HNP: the same LMF answers for both.
        auto host = HomeNetworkPrefix::Make(
            Ipv6Address(("2001:aaaa:" + std::to_string(i) + "::200:ff:fe00:7").c_str()),
            128);
        EXPECT_EQ(lmf->ResponsibleFor(host), responsible);
        // Every LMF of the domain agrees (the list decides, not who asks).
        EXPECT_EQ(DomainLmf(lmfs, 2)->ResponsibleFor(hnp), responsible);
    }
    EXPECT_EQ(count.size(), 3u);
    for (const auto& [address, n] : count)
    {
        EXPECT_GT(n, 5) << address;
    }
}

TEST(EpmipAlternative, VariantPutsTheDafInTheLmaAndKeepsMagsLegacy)
{
    RunResults r = RunCfg(Load());
    // No eMAG: the MAGs never query or inform; only eLMAs and LMFs speak ePMIP (§7.1).
    for (const auto& s : r.signaling)
    {
        bool epmip = s.type == "PBQR" || s.type == "PBQA" || s.type == "PBCI" || s.type == "PBCA";
        EXPECT_FALSE(epmip && s.node.rfind("mag", 0) == 0) << s.node << " " << s.type;
    }
}

TEST(EpmipAlternative, RegistrationsAndQueriesGoToThePreferredLmfWhichRelaysByHash)
{
    RunResults r = RunCfg(Load());
    std::map<std::string, std::string> name;
    for (const auto& s : r.signaling)
    {
        name.emplace(s.src, s.node);
    }
    // §7.2/§7.4: each eLMA sends its PBCIs and PBQRs to its preferred LMF (eLMA1 -> lmf1,
    // eLMA2 -> lmf2), and gets every answer from it.
    std::map<std::string, std::string> preferred{{"elma1", "lmf1"}, {"elma2", "lmf2"}};
    std::map<std::string, int> sent;
    int relays = 0;
    for (const auto& s : r.signaling)
    {
        sent[s.node + ":" + s.type]++;
        if (s.node.rfind("elma", 0) == 0 && (s.type == "PBCI" || s.type == "PBQR"))
        {
            EXPECT_EQ(name[s.dst], preferred[s.node]) << s.type << " from " << s.node;
        }
        if (s.node.rfind("lmf", 0) == 0 && (s.type == "PBQA" || s.type == "PBCA") &&
            name[s.dst].rfind("elma", 0) == 0)
        {
            EXPECT_EQ(preferred[name[s.dst]], s.node) << s.type << " to " << name[s.dst];
        }
        // An LMF sends a PBCI or PBQR only to relay it to the responsible LMF.
        relays += s.node.rfind("lmf", 0) == 0 && (s.type == "PBCI" || s.type == "PBQR") ? 1 : 0;
    }
    // Three HNPs registered (mn1 at eLMA1, mn2 and mn3 at eLMA2), three queried (eLMA1 for
    // mn2 and mn3, eLMA2 for mn1 on mn2's answer): each is registered through one LMF and
    // queried through the other, so exactly one of its two messages is relayed, whichever
    // LMF its hash picks.
    EXPECT_EQ(sent["elma1:PBCI"] + sent["elma2:PBCI"], 3);
    EXPECT_EQ(sent["elma1:PBQR"], 2);
    EXPECT_EQ(sent["elma2:PBQR"], 1);
    EXPECT_EQ(relays, 3);
    EXPECT_EQ(sent["lmf1:PBQA"] + sent["lmf2:PBQA"], 3 + sent["lmf1:PBQR"] + sent["lmf2:PBQR"]);
}

TEST(EpmipAlternative, CapturesShowTheElmaToElmaTunnel)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    RunResults r;
    auto dir = CaptureRun("epmip-alternative", "epmip-alternative.json", {}, std::nullopt, &r);
    std::map<std::string, std::string> address;
    for (const auto& s : r.signaling)
    {
        address.emplace(s.node, s.src);
    }
    const std::string window = "udp && frame.time_relative > 3.2 && frame.time_relative < 4.9";
    auto tunnelled = [&](const std::string& a, const std::string& b) {
        return Count(Capture(dir, "elma2"),
                     window + " && ipv6.nxt == 41 && ipv6.src == " + address[a] +
                         " && ipv6.dst == " + address[b]);
    };
    // §7.2: once located, eLMA1's DAF tunnels mn1's packets to mn2's and mn3's eLMA and
    // eLMA2's DAF tunnels mn2's back: both flows each way, every 10 ms.
    EXPECT_GT(tunnelled("elma1", "elma2"), 2 * 150);
    EXPECT_GT(tunnelled("elma2", "elma1"), 150);
    for (const auto& f : r.flows)
    {
        EXPECT_EQ(f.lost, 0u) << f.flow;
    }
}
