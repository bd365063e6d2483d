/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Source address selection at the mobile node (RFC 6724 §5) from the lifetimes and prefix
// properties of the router advertisements it received (RFC 4862 §5.5.3).
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/nd-options.h"
#include "ns3/network-module.h"
#include "ns3/source-address-selection.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{
using Candidate = SourceAddressSelection::Candidate;
using Rule = SourceAddressSelection::Rule;

Candidate
Make(const char* address, uint32_t order, bool deprecated = false, bool currentLink = true)
{
    Candidate c;
    c.address = Ipv6Address(address);
    c.order = order;
    c.deprecated = deprecated;
    c.currentLink = currentLink;
    return c;
}

/// \return the rule that decided, checking that the comparison is antisymmetric
Rule
Winner(const Candidate& better, const Candidate& worse, const char* destination)
{
    Rule rule = Rule::NEWEST;
    EXPECT_TRUE(SourceAddressSelection::Prefer(better, worse, Ipv6Address(destination), &rule));
    EXPECT_FALSE(SourceAddressSelection::Prefer(worse, better, Ipv6Address(destination)));
    return rule;
}

const char* const kCn = "2001:aaaa:9::1";
} // namespace

TEST(SourceAddressSelectionRules, DeprecatedComesLast)
{
    // Rule 3 before everything the DMA node weighs: a prefix its MAR deprecated loses even
    // when it is newer, on the current link, and matches the destination longer.
    Candidate deprecated = Make("2001:aaaa:9:0:200:ff:fe00:7", 5, true);
    Candidate preferred = Make("2001:1:1:0:200:ff:fe00:7", 0, false, false);
    EXPECT_EQ(Winner(preferred, deprecated, kCn), Rule::DEPRECATED);
    EXPECT_EQ(Winner(preferred, deprecated, "::"), Rule::DEPRECATED);
}

TEST(SourceAddressSelectionRules, CurrentLinkFirst)
{
    // An older link's address matches the destination longer (rule 8), and is newer; the
    // current router's own prefix still wins (seed 003: new flows use the current MAR's).
    Candidate old = Make("2001:aaaa:9:0:200:ff:fe00:7", 3, false, false);
    Candidate current = Make("2001:1:3:0:200:ff:fe00:7", 1);
    EXPECT_EQ(Winner(current, old, kCn), Rule::CURRENT_LINK);
    // A prefix its router says is kept for continuity is not the router's own.
    Candidate kept = Make("2001:aaaa:9:0:200:ff:fe00:7", 3);
    kept.kept = true;
    EXPECT_EQ(Winner(current, kept, kCn), Rule::CURRENT_LINK);
}

TEST(SourceAddressSelectionRules, LongestMatchAmongEquals)
{
    Candidate near = Make("2001:aaaa:9:0:200:ff:fe00:7", 0);
    Candidate far = Make("2001:1:3:0:200:ff:fe00:7", 1);
    EXPECT_EQ(Winner(near, far, kCn), Rule::LONGEST_MATCH);
    // RFC 6724 §2.2: no further than the source's prefix; then the newest address wins.
    Candidate sameSubnet = Make("2001:aaaa:9::2", 2);
    EXPECT_EQ(Winner(sameSubnet, near, kCn), Rule::NEWEST);
    EXPECT_EQ(SourceAddressSelection::CommonPrefixLength(Ipv6Address("2001:aaaa:9::1"),
                                                         Ipv6Address("2001:aaaa:8::1"),
                                                         128),
              47);
    EXPECT_EQ(SourceAddressSelection::CommonPrefixLength(Ipv6Address("2001:aaaa:9::1"),
                                                         Ipv6Address("2001:aaaa:9::1"),
                                                         64),
              64);
}

TEST(SourceAddressSelectionRules, HomeScopeAndLabel)
{
    Candidate home = Make("2001:1::7", 0, false, false);
    home.home = true;
    EXPECT_EQ(Winner(home, Make("2001:1:3::7", 1), kCn), Rule::HOME);                // rule 4
    EXPECT_EQ(Winner(Make("2001:1:3::7", 0), Make("fe80::7", 1), kCn), Rule::SCOPE); // rule 2
    EXPECT_EQ(Winner(Make("fe80::7", 0), Make("2001:1:3::7", 1), "fe80::1"), Rule::SCOPE);
    EXPECT_EQ(Winner(Make("2002:1::7", 0), Make("2001:1:3::7", 1), "2002:9::1"), Rule::LABEL);
    EXPECT_EQ(Winner(Make("2001:1:3::7", 0), Make("2001:1:3::8", 1), "2001:1:3::7"),
              Rule::SAME_ADDRESS);
    EXPECT_EQ(SourceAddressSelection::Label(Ipv6Address("2002::1")), 2u);
    EXPECT_EQ(SourceAddressSelection::Label(Ipv6Address("2001::1")), 5u);
    EXPECT_EQ(SourceAddressSelection::Label(Ipv6Address("2001:1::1")), 1u);
    EXPECT_EQ(SourceAddressSelection::Label(Ipv6Address("fd00::1")), 13u);
}

namespace
{
/// An RA body with one Prefix Information option per (prefix, preferred lifetime) and,
/// for a non-zero entry of \p properties, a Prefix Properties option.
NdOptions
Advertisement(const std::vector<std::pair<const char*, uint32_t>>& prefixes,
              const std::vector<uint8_t>& properties = {})
{
    std::vector<uint8_t> ra(16, 0);
    ra[0] = 134;
    for (size_t i = 0; i < prefixes.size(); ++i)
    {
        std::vector<uint8_t> pio(32, 0);
        pio[0] = 3;
        pio[1] = 4;
        pio[2] = 64;
        pio[3] = 0xc0; // L, A
        for (int b = 0; b < 4; ++b)
        {
            pio[4 + b] = static_cast<uint8_t>(86400u >> (24 - 8 * b)); // valid: one day
            pio[8 + b] = static_cast<uint8_t>(prefixes[i].second >> (24 - 8 * b));
        }
        Ipv6Address(prefixes[i].first).Serialize(&pio[16]);
        ra.insert(ra.end(), pio.begin(), pio.end());
    }
    for (size_t i = 0; i < properties.size(); ++i)
    {
        if (properties[i])
        {
            auto prefix = HomeNetworkPrefix::Make(Ipv6Address(prefixes[i].first), 64);
            auto pp = NdOptions::BuildPrefixProperties({prefix, properties[i]});
            ra.insert(ra.end(), pp.begin(), pp.end());
        }
    }
    return *NdOptions::Parse(Create<Packet>(ra.data(), ra.size()), 16);
}

/// A node with one interface holding 2001:1:1::1 (first) and 2001:1:3::1 (newer).
class SelectionOnANode : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(node);
        node->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));
        Ptr<SimpleNetDevice> device = CreateObject<SimpleNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        device->SetChannel(CreateObject<SimpleChannel>()); // the stack sends on it (MLD)
        node->AddDevice(device);
        Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
        uint32_t i = ipv6->AddInterface(device);
        ipv6->SetUp(i);
        ipv6->AddAddress(i, Ipv6InterfaceAddress(Ipv6Address("2001:1:1::1"), Ipv6Prefix(64)));
        ipv6->AddAddress(i, Ipv6InterfaceAddress(Ipv6Address("2001:1:3::1"), Ipv6Prefix(64)));
        m_iface = ipv6->GetInterface(i);
        m_selection = CreateObject<SourceAddressSelection>();
        m_selection->SetInterface(m_iface);
    }

    void TearDown() override
    {
        m_selection->Dispose();
        Simulator::Destroy();
    }

    Ipv6InterfaceAddress::State_e State(const char* address) const
    {
        for (uint32_t a = 0; a < m_iface->GetNAddresses(); ++a)
        {
            if (m_iface->GetAddress(a).GetAddress() == Ipv6Address(address))
            {
                return m_iface->GetAddress(a).GetState();
            }
        }
        return Ipv6InterfaceAddress::INVALID;
    }

    /// \return the selection for kCn at time \p at, after \p ra is received at \p raAt
    Ipv6Address SelectAt(double raAt, const NdOptions& ra, double at)
    {
        Simulator::Schedule(Seconds(raAt), [this, ra]() { m_selection->RouterAdvertised(ra); });
        Ipv6Address out;
        Simulator::Schedule(Seconds(at),
                            [&]() { out = m_selection->Select(Ipv6Address(kCn), {}); });
        Simulator::Stop(Seconds(at));
        Simulator::Run();
        return out;
    }

    Ptr<Ipv6Interface> m_iface;
    Ptr<SourceAddressSelection> m_selection;
};
} // namespace

TEST_F(SelectionOnANode, APreferredLifetimeOfZeroDeprecatesTheAddress)
{
    // Seed 003 §4.2 step 4: back at the MAR of 2001:1:1::/64, whose RA deprecates the newer
    // 2001:1:3::/64 (kept for continuity): the node sources from 2001:1:1::1, and the stack's
    // address states say so (ns-3.37 alone would keep both PREFERRED and pick the newest).
    Ipv6Address chosen = SelectAt(1, Advertisement({{"2001:1:3::", 0}, {"2001:1:1::", 600}}), 2);
    EXPECT_EQ(chosen, Ipv6Address("2001:1:1::1"));
    EXPECT_EQ(State("2001:1:3::1"), Ipv6InterfaceAddress::DEPRECATED);
    EXPECT_EQ(State("2001:1:1::1"), Ipv6InterfaceAddress::PREFERRED);
    EXPECT_EQ(
        m_selection->GetPreferredLifetime(HomeNetworkPrefix::Make(Ipv6Address("2001:1:3::"), 64)),
        Time(0));
    EXPECT_EQ(
        m_selection->GetPreferredLifetime(HomeNetworkPrefix::Make(Ipv6Address("2001:1:1::"), 64)),
        Seconds(599));
}

TEST_F(SelectionOnANode, TheRouterOfTheCurrentLinkDecides)
{
    // Both preferred, the node moved to the router of 2001:1:1::/64: its prefix, although
    // the older address. After detaching, nothing is the current link's: the newest.
    Ipv6Address chosen = SelectAt(1, Advertisement({{"2001:1:1::", 600}}), 2);
    EXPECT_EQ(chosen, Ipv6Address("2001:1:1::1"));
    m_selection->Detached();
    EXPECT_EQ(m_selection->Select(Ipv6Address(kCn), {}), Ipv6Address("2001:1:3::1"));
}

TEST_F(SelectionOnANode, PrefixPropertiesTellTheRoutersOwnPrefix)
{
    // Neither deprecated, both advertised here: the option says which one is kept.
    Ipv6Address chosen =
        SelectAt(1,
                 Advertisement({{"2001:1:1::", 600}, {"2001:1:3::", 600}},
                               {NdOptions::PROPERTY_LOCAL, NdOptions::PROPERTY_CONTINUITY}),
                 2);
    EXPECT_EQ(chosen, Ipv6Address("2001:1:1::1"));
}

TEST_F(SelectionOnANode, APreferredLifetimeEndsAndANewRaRenewsIt)
{
    // RFC 4862 §5.5.4: deprecated when the preferred lifetime ends, without any RA; an RA
    // with a new preferred lifetime makes it preferred again (§5.5.3 e).
    Simulator::Schedule(Seconds(1), [this]() {
        m_selection->RouterAdvertised(Advertisement({{"2001:1:3::", 10}, {"2001:1:1::", 600}}));
    });
    Simulator::Schedule(Seconds(10.5), [this]() {
        EXPECT_EQ(State("2001:1:3::1"), Ipv6InterfaceAddress::PREFERRED);
    });
    Simulator::Schedule(Seconds(11.5), [this]() {
        EXPECT_EQ(State("2001:1:3::1"), Ipv6InterfaceAddress::DEPRECATED);
        m_selection->RouterAdvertised(Advertisement({{"2001:1:3::", 10}}));
        EXPECT_EQ(State("2001:1:3::1"), Ipv6InterfaceAddress::PREFERRED);
    });
    Simulator::Stop(Seconds(12));
    Simulator::Run();
}
