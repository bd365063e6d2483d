/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The DMF of ePMIP's alternative implementation (seed 001 §7.2) on
// scenarios/epmip-alternative-move.json: mn1 moves at 3 s from mag1 (eLMA1's network) to
// mag2 (eLMA2's) while it talks with mn2 at mag3 (eLMA3). The new MAG picks the best
// eLMA (its own, eLMA2), which takes over mn1's HNP, registers it with the LMF and informs
// eLMA1; eLMA1 forwards late downlink and re-targets eLMA3.
#include "closed-form.h"
#include "ladder.h"
#include "mh-loss.h"
#include "pcap-capture.h"
#include "test-paths.h"

#include "ns3/anchor-dmf.h"
#include "ns3/callback.h"
#include "ns3/lma-agent.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dmmtest;
using namespace ns3;

namespace
{

RunResults
RunMove(const std::vector<std::string>& overrides = {},
        const std::string& file = "epmip-alternative-move.json")
{
    ScenarioConfig cfg = LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file,
                                      overrides,
                                      std::nullopt,
                                      {});
    RunOptions opt;
    opt.progress = false;
    return RunScenario(cfg, opt);
}

/// \return the position of \p rung in \p ladder (its size if absent)
size_t
At(const std::vector<std::string>& ladder, const std::string& rung)
{
    return std::find(ladder.begin(), ladder.end(), rung) - ladder.begin();
}

/// \return the PBCAs an LMF sent to eLMA2 in \p ladder, by position
size_t
LmfAckToElma2(const std::vector<std::string>& ladder)
{
    return std::min(At(ladder, "lmf1:PBCA>elma2"), At(ladder, "lmf2:PBCA>elma2"));
}

} // namespace

TEST(EpmipAlternativeMove, DmfAdmitsOnlyAnotherElmasPool)
{
    auto dmf = CreateObject<AnchorDmf>();
    dmf->AddDomainPool(HomeNetworkPrefix::Make(Ipv6Address("2001:1:1::"), 48));
    EXPECT_TRUE(dmf->Admits(HomeNetworkPrefix::Make(Ipv6Address("2001:1:1:7::"), 64)));
    // Its own pool (never added) and prefixes outside the ePMIP set stay refused.
    EXPECT_FALSE(dmf->Admits(HomeNetworkPrefix::Make(Ipv6Address("2001:1:2:7::"), 64)));
    EXPECT_FALSE(dmf->Admits(HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), 32)));
    EXPECT_EQ(dmf->GetStats().admitted, 1u);
}

TEST(EpmipAlternativeMove, NewMagPicksTheBestElmaWhichInformsTheLmfAndThePreviousElma)
{
    RunResults r = RunMove();
    auto ladder = Ladder(r, 3.0, 3.5);
    std::string text = LadderText(ladder);
    // §7.2: the nMAG registers mn1 with its own eLMA, not with eLMA1 (RFC 6097's same LMA).
    size_t pbu = At(ladder, "mag2:PBU>elma2");
    size_t pba = At(ladder, "elma2:PBA>mag2");
    ASSERT_LT(pba, ladder.size()) << text;
    EXPECT_LT(pbu, pba) << text;
    EXPECT_EQ(At(ladder, "mag2:PBU>elma1"), ladder.size()) << text;
    // eLMA2 (DRF) updates the LMF (its preferred one, lmf2), whose PBCA names eLMA1 ...
    size_t registration = At(ladder, "elma2:PBCI>lmf2");
    size_t lmfAck = LmfAckToElma2(ladder);
    // ... and eLMA2 (DMF) informs eLMA1, which acks and re-targets mn2's eLMA (§4.3).
    size_t inform = At(ladder, "elma2:PBCI>elma1");
    size_t ack = At(ladder, "elma1:PBCA>elma2");
    size_t retarget = At(ladder, "elma1:PBCI>elma3");
    EXPECT_LT(registration, lmfAck) << text;
    EXPECT_LT(lmfAck, inform) << text;
    EXPECT_LT(inform, ack) << text;
    EXPECT_LT(inform, retarget) << text;
    EXPECT_LT(At(ladder, "elma3:PBCA>elma1"), ladder.size()) << text;
}

TEST(EpmipAlternativeMove, SameLmaSelectionKeepsTheNodeAtItsElma)
{
    RunResults r = RunMove({"protocol.epmip_lma_selection=same"});
    auto ladder = Ladder(r, 3.0, 3.5);
    // RFC 6097: the nMAG asks the eLMA mn1 is registered with; no eLMA-to-eLMA handoff.
    EXPECT_LT(At(ladder, "mag2:PBU>elma1"), ladder.size());
    EXPECT_EQ(At(ladder, "mag2:PBU>elma2"), ladder.size());
    EXPECT_EQ(At(ladder, "elma2:PBCI>elma1"), ladder.size());
}

TEST(EpmipAlternativeMove, PreviousElmaForwardingCutsTheDownlinkLoss)
{
    const FlowRecord forwarded = FlowNamed(RunMove(), "to-mn1");
    const FlowRecord dropped =
        FlowNamed(RunMove({"protocol.forward_late_downlink=false"}), "to-mn1");
    // Downlink in flight to eLMA1 after its binding ended is lost unless eLMA1 forwards
    // it to eLMA2 once the PBCI names it (§7.2 "quite similar" to §4.3).
    EXPECT_GT(forwarded.lost, 0u);
    EXPECT_LT(forwarded.lost, dropped.lost);
    // Either way the flow resumes: the loss is the handoff's, not a broken path.
    EXPECT_LT(dropped.lost, 40u);
}

TEST(EpmipAlternativeMove, CapturesShowTheNewElmaTunnellingTheDownlink)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark not installed";
    }
    RunResults r;
    auto dir = CaptureRun("epmip-alternative-move", "epmip-alternative-move.json", {}, {}, &r);
    std::map<std::string, std::string> address;
    for (const auto& s : r.signaling)
    {
        address.emplace(s.node, s.src);
    }
    const std::string window = "udp && frame.time_relative > 3.3 && frame.time_relative < 4.9";
    auto tunnelled = [&](const std::string& at, const std::string& a, const std::string& b) {
        return Count(Capture(dir, at),
                     window + " && ipv6.nxt == 41 && ipv6.src == " + address[a] +
                         " && ipv6.dst == " + address[b]);
    };
    // After the move mn2's eLMA tunnels to eLMA2, which tunnels to mag2: every 10 ms.
    EXPECT_GT(tunnelled("elma2", "elma3", "elma2"), 150);
    EXPECT_GT(tunnelled("elma2", "elma2", "mag2"), 150);
    // eLMA2 tunnels mn1's uplink straight to mn2's eLMA (the PBCA's location).
    EXPECT_GT(tunnelled("elma2", "elma2", "elma3"), 150);
    // eLMA1 is off the path.
    EXPECT_EQ(tunnelled("elma1", "elma1", "mag2"), 0);
}

TEST(EpmipAlternativeMove, PreviousElmaRetargetsTheBorderGatewayAndRouterDrf)
{
    // epmip-border.json with mn1 moving from mag1 (eLMA1) to mag2 (eLMA2) at 3 s.
    RunResults r = RunMove({R"(mobility=[{"mn":"mn1","at_s":1.0,"attach":"mag1"},)"
                            R"({"mn":"mn2","at_s":1.0,"attach":"mag2"},)"
                            R"({"mn":"mn1","at_s":3.0,"attach":"mag2"}])"},
                           "epmip-border.json");
    auto ladder = Ladder(r, 3.0, 3.5);
    size_t inform = At(ladder, "elma2:PBCI>elma1");
    ASSERT_LT(inform, ladder.size());
    // The BG+DRF and the Router+DRF still tunnel mn1's downlink to eLMA1, which tells each
    // of them the new location (§4.3's late PBCI) and each acks.
    for (const std::string drf : {"bg", "r2"})
    {
        EXPECT_LT(inform, At(ladder, "elma1:PBCI>" + drf)) << drf;
        EXPECT_LT(At(ladder, drf + ":PBCA>elma1"), ladder.size()) << drf;
    }
    EXPECT_LT(FlowNamed(r, "out-to-mn1").lost, 20u);
    EXPECT_LT(FlowNamed(r, "in-to-mn1").lost, 20u);
}

TEST(EpmipAlternativeMove, OnlyTheLmaTheDmfIsGivenToAdmitsAnotherElmasPrefix)
{
    // The builder hands eLMA2's DMF to its LMA (AdmitForeignPrefix). Without it the LMA
    // refuses mn1's HNP of eLMA1's pool (RFC 5213 §5.3.2) although a DMF is on its node:
    // it does not look for one.
    bool cleared = false;
    Simulator::Schedule(Seconds(0.5), [&cleared]() {
        Ptr<Node> node = Names::Find<Node>("elma2");
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            if (auto lma = DynamicCast<LmaAgent>(node->GetApplication(a)))
            {
                cleared = lma->SetAttributeFailSafe("AdmitForeignPrefix", CallbackValue());
            }
        }
    });
    RunResults r = RunMove();
    EXPECT_TRUE(cleared);
    auto ladder = Ladder(r, 3.0, 3.5);
    EXPECT_LT(At(ladder, "mag2:PBU>elma2"), ladder.size());
    EXPECT_EQ(At(ladder, "elma2:PBCI>elma1"), ladder.size()); // no handoff
    EXPECT_EQ(At(ladder, "elma2:PBCI>lmf2"), ladder.size());  // nothing bound
}

namespace
{

/// \return eLMA \p name's LMA
Ptr<LmaAgent>
LmaOf(const std::string& name)
{
    Ptr<Node> node = Names::Find<Node>(name);
    for (uint32_t a = 0; a < node->GetNApplications(); ++a)
    {
        if (auto lma = DynamicCast<LmaAgent>(node->GetApplication(a)))
        {
            return lma;
        }
    }
    return nullptr;
}

} // namespace

TEST(EpmipAlternativeMove, MovedPrefixStaysOutOfThePreviousElmasPool)
{
    // mn1's binding at eLMA1 ends 200 ms after mag1 de-registers it, while eLMA2 anchors
    // mn1's HNP; then mn3 attaches at mag1 and asks eLMA1 for a prefix.
    std::vector<std::pair<std::string, HomeNetworkPrefix>> allocated;
    std::vector<std::string> released;
    Simulator::Schedule(Seconds(0.5), [&]() {
        Ptr<HomeAddressAllocation> pool = LmaOf("elma1")->GetAllocation();
        pool->TraceConnectWithoutContext(
            "Allocated",
            Callback<void, const std::string&, const HomeNetworkPrefix&>(
                ([&](const std::string& mn, const HomeNetworkPrefix& p) {
                    allocated.emplace_back(mn, p);
                })));
        pool->TraceConnectWithoutContext(
            "Released",
            Callback<void, const std::string&, const HomeNetworkPrefix&>((
                [&](const std::string& mn, const HomeNetworkPrefix&) { released.push_back(mn); })));
    });
    RunResults r = RunMove(
        {"protocol.min_delay_before_bce_delete_ms=200",
         R"(nodes=[{"name":"elma1","role":"anchor"},{"name":"elma2","role":"anchor"},)"
         R"({"name":"elma3","role":"anchor"},{"name":"r1","role":"router"},)"
         R"({"name":"r2","role":"router"},{"name":"r3","role":"router"},)"
         R"({"name":"lmf1","role":"router","epmip_role":"lmf"},)"
         R"({"name":"lmf2","role":"router","epmip_role":"lmf"},)"
         R"({"name":"mag1","role":"access"},{"name":"mag2","role":"access"},)"
         R"({"name":"mag3","role":"access"},{"name":"mn1","role":"mn"},)"
         R"({"name":"mn2","role":"mn"},{"name":"mn3","role":"mn"}])",
         R"(mobility=[{"mn":"mn1","at_s":1.0,"attach":"mag1"},)"
         R"({"mn":"mn2","at_s":1.0,"attach":"mag3"},)"
         R"({"mn":"mn1","at_s":3.0,"attach":"mag2"},{"mn":"mn3","at_s":4.0,"attach":"mag1"}])"});
    ASSERT_EQ(allocated.size(), 2u);
    EXPECT_LT(At(Ladder(r, 3.0, 3.5), "elma2:PBCI>elma1"), Ladder(r, 3.0, 3.5).size());
    // mn1 still uses its HNP through eLMA2: eLMA1 keeps it allocated, mn3 gets another.
    EXPECT_NE(allocated[1].second.prefix, allocated[0].second.prefix);
    EXPECT_TRUE(released.empty());
}

namespace
{

/// The move with the first PBCA \p receiver gets from 2.9 s on lost.
RunResults
RunLosingPbca(const std::string& receiver, const std::vector<std::string>& overrides = {})
{
    Simulator::Schedule(Seconds(2.9),
                        &Arm,
                        receiver,
                        Ptr<ErrorModel>(CreateObject<DropSubtype>(PBCA, 1)));
    return RunMove(overrides);
}

/// \return the send times of \p node's PBCIs to \p to from 3 s on
std::vector<double>
PbciTimes(const RunResults& r, const std::string& node, const std::string& to)
{
    std::string dst;
    for (const auto& s : r.signaling)
    {
        dst = s.node == to ? s.src : dst;
    }
    std::vector<double> out;
    for (const auto& m : Messages(r, node, "PBCI", 3.0))
    {
        if (m.dst == dst)
        {
            out.push_back(m.timeS);
        }
    }
    return out;
}

} // namespace

TEST(EpmipAlternativeMove, RegistrationWhosePbcaIsLostIsSentAgainAndStillNamesThePreviousElma)
{
    // eLMA2's registration of mn1's HNP is answered by the LMF naming eLMA1, but that PBCA
    // is lost: eLMA2 sends the PBCI again after InitialInformTimeout (RFC 5213 §6.9.4),
    // and the LMF answers with its first PBCA, so eLMA2 (DMF) still informs eLMA1.
    RunResults r = RunLosingPbca("elma2");
    auto ladder = Ladder(r, 3.0, 5.0);
    std::string text = LadderText(ladder);
    size_t first = At(ladder, "elma2:PBCI>lmf2");
    ASSERT_LT(first, ladder.size()) << text;
    auto again = std::find(ladder.begin() + first + 1, ladder.end(), "elma2:PBCI>lmf2");
    ASSERT_NE(again, ladder.end()) << text;
    size_t inform = At(ladder, "elma2:PBCI>elma1");
    EXPECT_LT(static_cast<size_t>(again - ladder.begin()), inform) << text;
    EXPECT_LT(inform, At(ladder, "elma1:PBCA>elma2")) << text;
    EXPECT_LT(At(ladder, "elma1:PBCA>elma2"), ladder.size()) << text;
    // The back-off's first timeout is the DRF's (protocol.inform_timeout_ms).
    auto sent = PbciTimes(r, "elma2", "lmf2");
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_NEAR(sent[1] - sent[0], 1.0, 1e-9);
    sent = PbciTimes(RunLosingPbca("elma2", {"protocol.inform_timeout_ms=300"}), "elma2", "lmf2");
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_NEAR(sent[1] - sent[0], 0.3, 1e-9);
}

TEST(EpmipAlternativeMove, RelayedRegistrationWhosePbcaIsLostBetweenLmfsIsAnsweredOnce)
{
    // The PBCA of the LMF responsible for mn1's HNP to the relaying (preferred) LMF is
    // lost: the relay repeats the retransmitted PBCI with its first relay sequence, and
    // the responsible LMF answers it with its first PBCA (naming eLMA1) again.
    RunResults r = RunLosingPbca("lmf2");
    auto ladder = Ladder(r, 3.0, 5.0);
    std::string text = LadderText(ladder);
    ASSERT_LT(At(ladder, "lmf2:PBCI>lmf1"), ladder.size()) << text; // relayed
    EXPECT_EQ(std::count(ladder.begin(), ladder.end(), "elma2:PBCI>elma1"), 1) << text;
}
