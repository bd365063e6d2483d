/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// DMM with Mobile IP (seed 002 §4.4, Fig 5): the end of a handover with an active session
// on scenarios/dmm-mip-fig1.json (mn1: mr12 at 1 s, mr11 at 2 s, mr2 at 8 s; cn2 behind
// mr31 sends to it from 5 s). The Handover Complete message and the security context
// placeholder in wire format, the exact ladder of the Fig 5 handover, the deletion of the
// previous router's temporary context, and the loss with and without forwarding against
// closed forms.
#include "dmm-mip-fig1.h"
#include "ladder.h"

#include "ns3/context-reply.h"
#include "ns3/mr-handover-complete.h"
#include "ns3/profile-registry.h"
#include "ns3/recipe.h"
#include "ns3/security-context-option.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace dmmtest;
using PR = MobilityHeader::ParseResult;

namespace
{

/// The Fig 1 scenario under the dmm-mip recipe with the access agent \p agent.
ScenarioConfig
LoadWithAgent(const json& agent, const std::function<void(json&)>& edit = nullptr)
{
    json j = ReadFig1();
    j.erase("profile");
    j["recipe"] = dmm::GetRecipe("dmm-mip").source;
    j["recipe"]["name"] = "dmm-mip-agent";
    j["recipe"]["roles"]["access"]["agent"] = agent;
    if (edit)
    {
        edit(j);
    }
    return ParseScenario(j);
}

/// The shipped Fig 1 scenario with overrides, as a user runs it.
ScenarioConfig
LoadFig1Handover(const std::vector<std::string>& overrides)
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + FIG1, overrides, {}, {});
}

json
DmmMipAgent(bool handoverComplete)
{
    return {{"type", "ns3::DmmMipMrAgent"},
            {"attributes", {{"HandoverComplete", handoverComplete}}}};
}

} // namespace

TEST(DmmMipMessages, HandoverCompleteAndSecurityContextRoundTrip)
{
    MrHandoverComplete complete;
    complete.SetSequence(4);
    complete.SetMobileNode("mn1@dmm");
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(complete);
    EXPECT_EQ(p->GetSize() % 8, 0u);
    EXPECT_EQ(MobilityHeader::Validate(p), PR::OK);
    EXPECT_EQ(*DmmSessionHeader::PeekSubType(p), 23);
    EXPECT_EQ(MobilityHeader::GetMessageName(p), "HandoverComplete");

    // The placeholder rides in a Context Reply beside the sessions, which it leaves alone.
    ContextReply reply;
    reply.SetMobileNode("mn1@dmm");
    reply.AddSession(HomeNetworkPrefix::Make(Ipv6Address("2001:bbbb:2::7"), 128),
                     Ipv6Address("2001:aaaa:1::2"));
    SecurityContext{0xdeadbeef, 7}.AddTo(reply.GetOptions());
    Ptr<Packet> q = Create<Packet>();
    q->AddHeader(reply);
    EXPECT_EQ(q->GetSize() % 8, 0u);
    EXPECT_EQ(MobilityHeader::Validate(q), PR::OK);
    ContextReply back;
    q->RemoveHeader(back);
    ASSERT_EQ(back.GetParseResult(), PR::OK);
    std::optional<SecurityContext> context = SecurityContext::Find(back.GetOptions());
    ASSERT_TRUE(context);
    EXPECT_EQ(context->spi, 0xdeadbeefu);
    EXPECT_EQ(context->keyId, 7u);
    EXPECT_EQ(back.GetSessions(), reply.GetSessions());
    EXPECT_FALSE(SecurityContext::Find(MobilityOptions()));
}

TEST(DmmMipFig5, HandoverLadderEndsWithTheCompletionToThePreviousRouter)
{
    ScenarioConfig cfg = LoadWithAgent(DmmMipAgent(true));
    RunResults r = Simulate(cfg);
    ASSERT_EQ(r.handovers.size(), 2u);
    const HandoverRecord& h = r.handovers[1];
    // Fig 5: 2 context transfer, 7 Redirect (the location update of mr31), the new
    // location to the LMs (§4.4 first paragraph: the visited lm2 and the home lm1), and
    // once both acknowledged, the end of the handover to the previous router.
    // One Redirect per RedirectInterval (10 ms, one packet of cn2) until mr31's new route
    // takes: the packets in flight on the old one reach mr11 for a round trip mr31-mr11.
    // The previous router is addressed as layer 2 names it (its access address: "?").
    EXPECT_EQ(Ladder(r, h.l2DownS, h.l2DownS + 1),
              (std::vector<std::string>{"mr2:ContextRequest>?",
                                        "mr11:ContextReply>mr2",
                                        "mr11:Redirect>mr31",
                                        "mr2:LocationRegister>lm2",
                                        "mr2:LocationRegister>lm1",
                                        "mr11:Redirect>mr31",
                                        "lm2:LocationRegisterAck>mr2",
                                        "mr11:Redirect>mr31",
                                        "lm1:LocationRegisterAck>mr2",
                                        "mr2:HandoverComplete>?"}));
    EXPECT_EQ(Message(r, "mr2", "HandoverComplete", h.l2DownS).dst,
              Message(r, "mr2", "ContextRequest", h.l2DownS).dst);
    EXPECT_EQ(FlowNamed(r, "cn2-down").received, FlowNamed(r, "cn2-down").sent);
}

TEST(DmmMipFig5, ContextTransferCarriesTheSecurityContextPlaceholder)
{
    // The same handovers by the fully distributed router (no placeholder): every Context
    // Reply of dmm-mip is longer by the option (10 octets, the MH padded to 8n). Nothing
    // released: the two routers' nodes use their addresses differently.
    auto keep = [](json& j) { j["protocol"]["idle_release_s"] = 0.0; };
    RunResults mip = Simulate(LoadWithAgent(DmmMipAgent(true), keep));
    RunResults plain = Simulate(LoadWithAgent({{"type", "ns3::MrAgent"}}, keep));
    // The first transfer (mr12 -> mr11) and the second (mr11 -> mr2), which hands it on.
    for (const std::string previous : {"mr12", "mr11"})
    {
        auto withOption = Messages(mip, previous, "ContextReply", 0);
        auto without = Messages(plain, previous, "ContextReply", 0);
        ASSERT_EQ(withOption.size(), 1u);
        ASSERT_EQ(without.size(), 1u);
        uint32_t grown = withOption[0].bytes - without[0].bytes;
        EXPECT_TRUE(grown == 8 || grown == 16) << previous << ": " << grown;
    }
}

TEST(DmmMipFig5, CompletionDeletesThePreviousRoutersTemporaryContext)
{
    // cn3 behind mr32 talks to mn1 at mr11 (its router caches mr11); after the handover
    // to mr2 has finished, cn4 behind mr32 starts, with mr32's cache still naming mr11. With the
    // context deleted (§4.4), mr11 forwards nothing and tells nobody: its packets leave
    // the tunnel at mr11 and go natively to the anchoring router mr12, which asks the LM.
    // Without the completion, mr11 still forwards for ForwardingTime and redirects mr32.
    auto addCn3 = [](json& j) {
        j["protocol"]["forwarding_time_s"] = 5.0;
        j["protocol"]["location_cache_s"] = 10.0;
        AddCorrespondent(j, "cn3", "mr32", "cn3-early", 5.0, 5.5);
        AddLateCn4(j); // mr32's cache, keyed by mn1's address, serves it too
    };
    RunResults done = Simulate(LoadWithAgent(DmmMipAgent(true), addCn3));
    RunResults kept = Simulate(LoadWithAgent(DmmMipAgent(false), addCn3));
    std::string mr32 = Message(done, "mr32", "LocationQuery", 4.9).src;
    auto redirectsTo = [&](const RunResults& r) {
        size_t n = 0;
        for (const auto& s : Messages(r, "mr11", "Redirect", 8.9, 9.6))
        {
            n += s.dst == mr32 ? 1 : 0;
        }
        return n;
    };
    EXPECT_TRUE(Messages(done, "mr2", "HandoverComplete", 8, 9).size() == 1);
    EXPECT_TRUE(Messages(kept, "mr2", "HandoverComplete", 0).empty());
    EXPECT_EQ(redirectsTo(done), 0u);
    // mr32's entry naming mr11 is stale: mr11, knowing nothing more, says so.
    auto stale = Messages(done, "mr11", "LocationStale", 8.9, 9.6);
    ASSERT_FALSE(stale.empty());
    EXPECT_EQ(stale[0].dst, mr32);
    EXPECT_GE(Messages(done, "mr12", "LocationQuery", 8.9, 9.6).size(), 1u);
    EXPECT_GE(redirectsTo(kept), 1u);
    EXPECT_TRUE(Messages(kept, "mr12", "LocationQuery", 8.9, 9.6).empty());
    for (const RunResults* r : {&done, &kept})
    {
        EXPECT_EQ(FlowNamed(*r, "cn4-late").received, FlowNamed(*r, "cn4-late").sent);
    }
}

TEST(DmmMipFig5, ANodeBackAfterItsContextWasDeletedIsServedAsBefore)
{
    // mn1 leaves mr11 for mr2 at 8 s; the completion deletes mr11's context (§4.4) and
    // mr11's routing treats the node's addresses as released. Back at mr11 at 11 s (after
    // forwarding_time_s, 1 s), the node's entry there ends that state: cn2's router keeps
    // its answers, no Location Stale, no extra queries. (A router that forgot the node
    // kept the addresses "released": 100 Location Stales and 32 more queries.)
    auto count = [](const RunResults& r, const std::string& type) {
        size_t n = 0;
        for (const auto& s : r.signaling)
        {
            n += s.type == type ? 1 : 0;
        }
        return n;
    };
    json j = ReadFig1();
    j["mobility"].push_back({{"mn", "mn1"}, {"at_s", 11.0}, {"attach", "mr11"}});
    RunResults back = Simulate(ParseScenario(j));
    RunResults stock = Simulate(LoadFig1Handover({}));
    ASSERT_EQ(back.handovers.size(), 3u);
    EXPECT_EQ(count(back, "LocationStale"), 0u);
    EXPECT_EQ(count(back, "LocationQuery"), count(stock, "LocationQuery"));
    EXPECT_EQ(back.flows.at(0).received, back.flows.at(0).sent);
}

TEST(DmmMipFig5, LossWithAndWithoutForwardingMatchesTheClosedForm)
{
    // cn2's packets reach the previous router mr11 at a_k = start + k * interval + D (D:
    // cn2 -> mr31 natively, mr31 -> mr11 in the tunnel). From the departure until the
    // context transfer (its reply at t_c) mr11 holds them and then hands them on, so
    // with forwarding (§4.4 "for reducing packet loss") nothing is lost. Without, the
    // packets arriving from t_c on are lost; the first of them makes mr11 send mr31 a
    // Redirect (§4.4: the update of the correspondent's router is needed either way),
    // after which mr31 tunnels to mr2: lost are the a_k in [t_c, t_r + d), t_r the
    // Redirect's arrival at mr31 and d the tunnel mr31 -> mr11.
    constexpr double UDP_PACKET = 200 + 8 + 40;
    constexpr double TUNNEL = 40;
    for (const auto& overrides :
         std::vector<std::vector<std::string>>{{},
                                               {"links.6.delay_ms=7"},
                                               {"flows.0.interval_ms=3", "processing.access_ms=4"}})
    {
        ScenarioConfig with = LoadFig1Handover(overrides);
        std::vector<std::string> off = overrides;
        off.push_back("protocol.forwarding_time_s=0");
        ScenarioConfig without = LoadFig1Handover(off);
        RunResults rWith = Simulate(with);
        RunResults rWithout = Simulate(without);
        EXPECT_EQ(rWith.handovers.at(1).lostPackets, 0u);
        const HandoverRecord& h = rWithout.handovers.at(1);
        const FlowConfig& f = without.flows.at(0);
        double d = WiredMs(Path(without, "mr31", "mr11"), UDP_PACKET + TUNNEL) / 1e3;
        double arrivalOffset = WiredMs(Path(without, "cn2", "mr31"), UDP_PACKET) / 1e3 + d;
        double tc = Message(rWithout, "mr11", "ContextReply", h.l2DownS).timeS;
        auto arrival = [&](int64_t k) { return f.startS + k * f.intervalMs / 1e3 + arrivalOffset; };
        int64_t first = 0;
        while (arrival(first) < tc - 1e-12)
        {
            ++first;
        }
        const SignalingRecord& redirect = Message(rWithout, "mr11", "Redirect", h.l2DownS);
        // Sent on the first lost packet (10 us: a packet's queueing behind another on a
        // 1 Gb/s link, far below any packet interval).
        EXPECT_NEAR(redirect.timeS, arrival(first), 1e-5) << tc;
        double tr = arrival(first) + WiredMs(Path(without, "mr11", "mr31"), redirect.bytes) / 1e3;
        uint64_t predicted = 0;
        for (int64_t k = first; arrival(k) < tr + d; ++k)
        {
            ++predicted;
        }
        SCOPED_TRACE(std::to_string(predicted) + " predicted");
        EXPECT_GT(predicted, 0u);
        EXPECT_EQ(h.lostPackets, predicted);
        EXPECT_TRUE(Messages(rWithout, "mr31", "LocationQuery", h.l2DownS, h.l2DownS + 1).empty());
        RecordProperty("lost_without_forwarding", std::to_string(h.lostPackets));
    }
}
