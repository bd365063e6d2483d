/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// LmaAgent::SessionOf on hand-made PBUs (RFC 5213 §5.4.1.1): which mobility session a PBU
// of a multihomed node belongs to, by HNP, Handoff Indicator and MN link-layer identifier.
#include "pmipv6-fixture.h"

#include "ns3/enum.h"
#include "ns3/proxy-binding-update.h"

#include <gtest/gtest.h>
#include <set>

using namespace ns3;
using namespace ns3::test;

namespace
{

/// Test suite name for the per-interface session rules.
class Pmipv6SessionOf : public Pmipv6Agents
{
};

const std::string kMn = "multi@example";

/// \param last the last byte \return a 6-byte MN-LL-ID
std::vector<uint8_t>
LinkId(uint8_t last)
{
    return {0, 0, 0, 0, 0, last};
}

/// Sends a PBU of kMn from MAG2 at \p at; \p hnpOf names the session whose prefix it
/// carries (empty: ALL_ZERO, asking for one).
void
SendAt(Pmipv6Network& net, Time at, uint8_t hi, uint8_t link, std::string hnpOf = "")
{
    Simulator::Schedule(at, [&net, hi, link, hnpOf]() {
        ProxyBindingUpdate pbu;
        pbu.SetSequence(static_cast<uint16_t>(Simulator::Now().GetSeconds()));
        pbu.SetLifetime(Seconds(40));
        MobilityOptions& o = pbu.GetOptions();
        o.SetMobileNodeIdentifier(kMn);
        const BindingCacheEntry* named = hnpOf.empty() ? nullptr : net.cache->Lookup(hnpOf);
        o.AddHomeNetworkPrefix(named ? named->prefixes.front().prefix : Ipv6Address::GetAny(),
                               named ? 64 : 0);
        o.SetHandoffIndicator(hi);
        o.SetAccessTechnologyType(3);
        o.SetMobileNodeLinkLayerIdentifier(LinkId(link));
        o.SetTimestamp(TimeToPmipTimestamp(Simulator::Now()));
        Pmipv6Network::Mh(net.mag[1])->Send(pbu, net.magAddr[1], net.lmaAddr);
    });
}

} // namespace

// HI 4 with a new LL-ID and HI 1 start sessions (own HNP each); HI 2 naming a session's
// HNP moves it to another LL-ID; HI 3 then finds it by that LL-ID.
TEST_F(Pmipv6SessionOf, FollowsTheBindingCacheLookupOfRfc5213)
{
    Pmipv6Options opt;
    Pmipv6Network net(opt);
    std::vector<MhRecord> rx;
    RecordMh(Pmipv6Network::Mh(net.mag[1]), "Rx", &rx);
    const std::string second = kMn + "#0000000000bb";
    SendAt(net, Seconds(1), 4, 0xaa);         // first session: the plain MN-ID
    SendAt(net, Seconds(2), 4, 0xbb);         // a new interface
    SendAt(net, Seconds(3), 1, 0xaa);         // HI 1: a new session even on a known LL-ID
    SendAt(net, Seconds(4), 2, 0xcc, second); // HI 2: the named session moves to 0xcc
    SendAt(net, Seconds(5), 3, 0xcc);         // HI 3: the session now on 0xcc
    Simulator::Stop(Seconds(6));
    Simulator::Run();

    std::vector<MhRecord> pbas = OfType(rx, PBA);
    ASSERT_EQ(pbas.size(), 5u);
    for (const auto& pba : pbas)
    {
        EXPECT_EQ(pba.status, 0);
    }
    ASSERT_EQ(net.cache->GetSize(), 3u);
    std::set<Ipv6Address> prefixes;
    for (const auto& e : net.cache->GetEntries())
    {
        prefixes.insert(e.prefixes.front().prefix);
    }
    EXPECT_EQ(prefixes.size(), 3u);
    const BindingCacheEntry* first = net.cache->Lookup(kMn);
    const BindingCacheEntry* moved = net.cache->Lookup(second);
    ASSERT_NE(first, nullptr);
    ASSERT_NE(moved, nullptr);
    EXPECT_EQ(first->linkLayerId, LinkId(0xaa));
    EXPECT_EQ(moved->linkLayerId, LinkId(0xcc));
    EXPECT_GT(moved->registeredAt, Seconds(5)); // the HI 3 update landed on it
    // The session that moved is the one created for 0xbb: same prefix throughout.
    EXPECT_EQ(pbas[1].prefixes, std::vector<HomeNetworkPrefix>{moved->prefixes.front()});
}

// SessionKey "node": every PBU of the node is one session (the behaviour before).
TEST_F(Pmipv6SessionOf, NodeModeKeepsOneSession)
{
    Pmipv6Options opt;
    Pmipv6Network net(opt);
    net.lmaAgent->SetAttribute("SessionKey", EnumValue(LmaAgent::NODE));
    SendAt(net, Seconds(1), 4, 0xaa);
    SendAt(net, Seconds(2), 4, 0xbb);
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    EXPECT_EQ(net.cache->GetSize(), 1u);
}
