/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The guard that keeps from ns-3.37's ICMPv6 the Neighbor Discovery messages it cannot parse
// (NdOptions::IsParsableByNs3), on its own and at a tunnel exit. A fuzzer found a Redirect
// two octets short of its fixed part, tunnelled to the mobile node: re-injected after
// decapsulation, it reached Icmpv6L4Protocol::HandleRedirection, which read a Redirected
// Header option's length from beyond the packet and asked for 4 GiB.
#include "pmipv6-fixture.h"

#include "ns3/data-packet-drop.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/nd-options.h"
#include "ns3/packet.h"

#include <gtest/gtest.h>
#include <initializer_list>
#include <vector>

using namespace ns3;
using namespace ns3::test;

namespace
{

using Bytes = std::vector<uint8_t>;

constexpr uint8_t kRs = 133;
constexpr uint8_t kRa = 134;
constexpr uint8_t kNs = 135;
constexpr uint8_t kNa = 136;
constexpr uint8_t kRedirect = 137;

/// The parts, one after the other.
Bytes
Cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes& part : parts)
    {
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

/// An ND message of \p type: \p body octets of fixed part, zero but the type.
Bytes
Nd(uint8_t type, size_t body)
{
    Bytes m(body, 0);
    m[0] = type;
    return m;
}

/// An option of \p type whose length field says \p units; \p octets of it are present
/// (all of them unless given), zero but type and length.
Bytes
Option(uint8_t type, uint8_t units, size_t octets = 0)
{
    Bytes o(octets ? octets : 8u * units, 0);
    o[0] = type;
    o[1] = units;
    return o;
}

/// A Prefix Information option (length 4) for a prefix of \p length bits.
Bytes
Prefix(uint8_t length)
{
    Bytes o = Option(Icmpv6Header::ICMPV6_OPT_PREFIX, 4);
    o[2] = length;
    return o;
}

const Bytes kSlla = Option(Icmpv6Header::ICMPV6_OPT_LINK_LAYER_SOURCE, 1);
const Bytes kTlla = Option(Icmpv6Header::ICMPV6_OPT_LINK_LAYER_TARGET, 1);
const Bytes kMtu = Option(Icmpv6Header::ICMPV6_OPT_MTU, 1);
const Bytes kRedirected = Option(Icmpv6Header::ICMPV6_OPT_REDIRECTED, 6); // 40 octets quoted

/// An IPv6 packet from fe80::1 to \p dst, next header \p next, carrying \p payload.
Ptr<Packet>
Ip(uint8_t next, const Bytes& payload, Ipv6Address dst = Ipv6Address("fe80::2"))
{
    Ipv6Header h;
    h.SetSource(Ipv6Address("fe80::1"));
    h.SetDestination(dst);
    h.SetNextHeader(next);
    h.SetPayloadLength(payload.size());
    h.SetHopLimit(255);
    Ptr<Packet> p = Create<Packet>(payload.data(), payload.size());
    p->AddHeader(h);
    return p;
}

/// Whether the guard lets \p message, an ICMPv6 message, through to \p dst.
bool
Passes(const Bytes& message, Ipv6Address dst = Ipv6Address("fe80::2"))
{
    return NdOptions::IsParsableByNs3(Ip(Icmpv6L4Protocol::PROT_NUMBER, message, dst));
}

/// \p icmp, a packet of ns-3's own ICMPv6 headers, in an IPv6 packet.
bool
PassesNs3Made(Ptr<Packet> icmp)
{
    Bytes bytes(icmp->GetSize());
    icmp->CopyData(bytes.data(), bytes.size());
    return Passes(bytes);
}

/// An extension header (Hop-by-Hop, Destination Options) of 8 octets: a PadN option.
Bytes
Padded(uint8_t next)
{
    return {next, 0, 1, 4, 0, 0, 0, 0};
}

/// A Fragment header at \p offset (octets, a multiple of 8) with the M flag \p more.
Bytes
Fragment(uint8_t next, uint16_t offset, bool more)
{
    return {next,
            0,
            static_cast<uint8_t>(offset >> 8),
            static_cast<uint8_t>((offset & 0xf8) | (more ? 1 : 0)),
            0,
            0,
            0,
            7};
}

} // namespace

TEST(NdGuard, MessagesOfNs3sOwnMakingPass)
{
    Mac48Address mac("02:00:00:00:00:07");
    Ptr<Packet> rs = Create<Packet>();
    rs->AddHeader(Icmpv6OptionLinkLayerAddress(true, mac));
    rs->AddHeader(Icmpv6RS());
    EXPECT_TRUE(PassesNs3Made(rs));

    Ptr<Packet> ra = Create<Packet>();
    ra->AddHeader(Icmpv6OptionLinkLayerAddress(true, mac));
    ra->AddHeader(Icmpv6OptionMtu(1500));
    ra->AddHeader(Icmpv6OptionPrefixInformation(Ipv6Address("2001:db8::"), 64));
    ra->AddHeader(Icmpv6RA());
    EXPECT_TRUE(PassesNs3Made(ra));

    Ptr<Packet> ns = Create<Packet>();
    ns->AddHeader(Icmpv6OptionLinkLayerAddress(true, mac));
    ns->AddHeader(Icmpv6NS(Ipv6Address("2001:db8::1")));
    EXPECT_TRUE(PassesNs3Made(ns));

    Ptr<Packet> na = Create<Packet>();
    na->AddHeader(Icmpv6OptionLinkLayerAddress(false, mac));
    na->AddHeader(Icmpv6NA());
    EXPECT_TRUE(PassesNs3Made(na));

    Ptr<Packet> redirect = Create<Packet>();
    Icmpv6OptionRedirected quoted;
    quoted.SetPacket(Create<Packet>(48));
    redirect->AddHeader(quoted);
    redirect->AddHeader(Icmpv6OptionLinkLayerAddress(false, mac));
    Icmpv6Redirection header;
    header.SetTarget(Ipv6Address("fe80::3"));
    header.SetDestination(Ipv6Address("2001:db8::9"));
    redirect->AddHeader(header);
    EXPECT_TRUE(PassesNs3Made(redirect));
}

TEST(NdGuard, MessagesShorterThanTheirFixedPartAreRefused)
{
    for (auto [type, body] : std::vector<std::pair<uint8_t, size_t>>{{kRs, 8},
                                                                     {kRa, 16},
                                                                     {kNs, 24},
                                                                     {kNa, 24},
                                                                     {kRedirect, 40}})
    {
        Bytes options = type == kRedirect ? kRedirected : Bytes{};
        EXPECT_TRUE(Passes(Cat({Nd(type, body), options}))) << int(type);
        EXPECT_FALSE(Passes(Nd(type, body - 1))) << int(type);
    }
    // The fuzzer's: 38 octets of 0x89 (a Redirect, code 137).
    EXPECT_FALSE(Passes(Bytes(38, 0x89)));
    // No ICMPv6 message at all: ns-3 would read its type from nothing.
    EXPECT_FALSE(Passes({}));
    Ptr<Packet> emptied = Ip(Icmpv6L4Protocol::PROT_NUMBER, Cat({Nd(kRedirect, 40), kRedirected}));
    Ipv6Header h;
    emptied->RemoveHeader(h);
    h.SetPayloadLength(0); // ns-3 trims the packet to its payload length
    emptied->AddHeader(h);
    EXPECT_FALSE(NdOptions::IsParsableByNs3(emptied));
}

TEST(NdGuard, ARedirectNeedsItsRedirectedHeaderWhereNs3ReadsIt)
{
    EXPECT_TRUE(Passes(Cat({Nd(kRedirect, 40), kTlla, kRedirected})));
    EXPECT_TRUE(Passes(Cat({Nd(kRedirect, 40), Option(4, 1)}))); // quoting nothing
    EXPECT_FALSE(Passes(Nd(kRedirect, 40)));
    EXPECT_FALSE(Passes(Cat({Nd(kRedirect, 40), kTlla})));
    // ns-3 would take the source link-layer option for the Redirected Header.
    EXPECT_FALSE(Passes(Cat({Nd(kRedirect, 40), kSlla, kRedirected})));
    // A Redirected Header option promising more than the message carries.
    EXPECT_FALSE(Passes(Cat({Nd(kRedirect, 40), kTlla, Option(4, 10, 16)})));
    // To a multicast address: no interface of the node has it.
    EXPECT_FALSE(Passes(Cat({Nd(kRedirect, 40), kRedirected}), Ipv6Address("ff02::1")));
}

TEST(NdGuard, OptionsNs3ReadsAtFixedSizesMustHaveThem)
{
    EXPECT_TRUE(Passes(Cat({Nd(kRa, 16), Prefix(64), kMtu, kSlla})));
    EXPECT_FALSE(Passes(Cat({Nd(kRa, 16), Option(3, 3)}))); // ns-3 reads 32 octets
    EXPECT_FALSE(Passes(Cat({Nd(kRa, 16), Option(3, 3), Option(1, 2)})));
    EXPECT_FALSE(Passes(Cat({Nd(kRa, 16), Prefix(129)})));  // Ipv6Prefix(129) overflows
    EXPECT_FALSE(Passes(Cat({Nd(kRa, 16), Option(5, 2)}))); // ns-3 reads 8 octets
    // A link-layer address other than 48 bits: RFC 4861 §4.6 allows it, ns-3's Address takes
    // up to 20 octets, and Mac48Address::ConvertFrom later copies all of them into 6.
    EXPECT_FALSE(Passes(Cat({Nd(kNs, 24), Option(1, 2)})));
    EXPECT_FALSE(Passes(Cat({Nd(kNa, 24), Option(2, 2)})));
    // Zero length, running past the end, a stub of an option.
    EXPECT_FALSE(Passes(Cat({Nd(kRs, 8), Option(1, 0, 8)})));
    EXPECT_FALSE(Passes(Cat({Nd(kNs, 24), Option(1, 2, 8)})));
    EXPECT_FALSE(Passes(Cat({Nd(kNs, 24), kSlla, Bytes{1}})));
    // Options ns-3 does not know are skipped by their length.
    EXPECT_TRUE(Passes(Cat({Nd(kRa, 16), Option(NdOptions::MAP_OPTION_TYPE, 3), kSlla})));
}

TEST(NdGuard, RepeatedOptionsNs3WouldLoopOnAreRefused)
{
    EXPECT_FALSE(Passes(Cat({Nd(kRa, 16), kMtu, kMtu})));
    EXPECT_FALSE(Passes(Cat({Nd(kRa, 16), kSlla, Prefix(64), kSlla})));
    EXPECT_FALSE(Passes(Cat({Nd(kNs, 24), kSlla, kSlla})));
    EXPECT_TRUE(Passes(Cat({Nd(kRa, 16), Prefix(64), Prefix(48)})));
}

TEST(NdGuard, TheMessageIsFoundBehindExtensionHeaders)
{
    const uint8_t icmpv6 = Icmpv6L4Protocol::PROT_NUMBER;
    const uint8_t udp = 17;
    const Bytes good = Cat({Nd(kRedirect, 40), kRedirected});
    const Bytes truncated(38, 0x89);
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Ip(60, Cat({Padded(icmpv6), good}))));
    EXPECT_FALSE(NdOptions::IsParsableByNs3(Ip(60, Cat({Padded(icmpv6), truncated}))));
    EXPECT_FALSE(NdOptions::IsParsableByNs3(Ip(0, Cat({Padded(60), Padded(icmpv6), truncated}))));
    // An extension header running past the end: ns-3 hands nothing to the next header.
    Bytes longHeader = Padded(icmpv6);
    longHeader[1] = 3;
    EXPECT_FALSE(NdOptions::IsParsableByNs3(Ip(60, longHeader)));
    longHeader[0] = udp;
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Ip(60, longHeader)));
    // None at all: which header follows is unknown, and not an ND matter.
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Ip(60, {})));
    // RFC 6980 §5: ND messages are never fragmented; a fragment other than the first has no
    // upper-layer header to look at.
    EXPECT_FALSE(NdOptions::IsParsableByNs3(Ip(44, Cat({Fragment(icmpv6, 0, true), good}))));
    EXPECT_FALSE(NdOptions::IsParsableByNs3(Ip(44, Cat({Fragment(icmpv6, 0, false), good}))));
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Ip(44, Cat({Fragment(icmpv6, 8, false), truncated}))));
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Ip(44, Cat({Fragment(udp, 0, true), truncated}))));
    // ns-3 keeps the offset of the next header in 8 bits: past 255 octets it reads elsewhere.
    Bytes huge = Padded(icmpv6);
    huge[1] = 31; // 256 octets
    huge.resize(256, 0);
    EXPECT_FALSE(NdOptions::IsParsableByNs3(Ip(60, Cat({huge, good}))));
    // Not ND: a datagram, an echo request however short, a tunnelled packet.
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Ip(udp, truncated)));
    EXPECT_TRUE(Passes({128, 0, 0}));
    EXPECT_TRUE(NdOptions::IsParsableByNs3(Ip(41, truncated)));
}

/// A tunnel exit keeps from ns-3's stack the inner ND messages it cannot parse (the fuzzer's
/// Redirect, one without its Redirected Header, one to a multicast address, an NS whose
/// option runs past its end) and counts them as MALFORMED_ND; a well-formed ND message and a
/// datagram get through. Without the guard, the Redirect to ff02::1 alone crashes the run:
/// ns-3 routes to the LMA through interface -1 from then on.
TEST_F(Pmipv6Agents, TunnelExitDropsNdMessagesNs3CannotParse)
{
    Pmipv6Network net;
    auto received = InstallSink(net.mn, 9000);
    Ptr<Ipv6TunnelL4Protocol> exit = Pmipv6Network::Tunnel(net.mag[0]);
    auto dropsRecorded = RecordTunnelDrops(exit);
    const auto& drops = *dropsRecorded;
    net.linkSwitch->ScheduleAttach(Seconds(1), "mag1");
    // From the LMA, a tunnel peer once the MN has registered, into the tunnel to MAG1.
    auto tunnel = [&net](uint8_t next, const Bytes& payload, Ipv6Address dst) {
        Ipv6Header inner;
        inner.SetSource(net.lmaAddr);
        inner.SetDestination(dst);
        inner.SetNextHeader(next);
        inner.SetPayloadLength(payload.size());
        inner.SetHopLimit(255);
        Ptr<Packet> p = Create<Packet>(payload.data(), payload.size());
        p->AddHeader(inner);
        net.lma->GetObject<Ipv6L3Protocol>()->Send(p,
                                                   net.lmaAddr,
                                                   net.magAddr[0],
                                                   Ipv6TunnelL4Protocol::PROT_NUMBER,
                                                   nullptr);
    };
    Simulator::Schedule(Seconds(3), [&]() {
        const uint8_t icmpv6 = Icmpv6L4Protocol::PROT_NUMBER;
        Ipv6Address mag = net.magAddr[0]; // for MAG1's own ICMPv6
        tunnel(icmpv6, Bytes(38, 0x89), mag);
        tunnel(icmpv6, Cat({Nd(kRedirect, 40), kTlla}), mag);
        Bytes redirect = Nd(kRedirect, 40);
        net.lmaAddr.GetBytes(&redirect[8]);  // target
        net.lmaAddr.GetBytes(&redirect[24]); // destination
        tunnel(icmpv6, Cat({redirect, kRedirected}), Ipv6Address::GetAllNodesMulticast());
        Bytes ns = Nd(kNs, 24);
        mag.GetBytes(&ns[8]); // the target, so that ns-3 reads the options
        tunnel(icmpv6, Cat({ns, Option(1, 2, 8)}), mag);
        tunnel(icmpv6, Cat({ns, kSlla}), mag);
        Ptr<Packet> datagram = Create<Packet>(100);
        UdpHeader udp;
        udp.SetSourcePort(1234);
        udp.SetDestinationPort(9000);
        datagram->AddHeader(udp);
        Bytes bytes(datagram->GetSize());
        datagram->CopyData(bytes.data(), bytes.size());
        tunnel(UdpL4Protocol::PROT_NUMBER, bytes, net.MnAddress());
    });
    // MAG1 sends to the LMA, which a Redirect taken in would have routed nowhere.
    Ptr<Socket> socket = Socket::CreateSocket(net.mag[0], UdpSocketFactory::GetTypeId());
    Simulator::Schedule(Seconds(3.5), [&net, socket]() {
        socket->SendTo(Create<Packet>(10), 0, Inet6SocketAddress(net.lmaAddr, 9));
    });
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    ASSERT_EQ(drops.size(), 4u);
    for (auto reason : drops)
    {
        EXPECT_EQ(reason, Ipv6TunnelL4Protocol::MALFORMED_ND);
    }
    EXPECT_EQ(exit->GetStats().malformedNd, 4u);
    EXPECT_EQ(exit->GetStats().decapsulated, 2u); // the NS and the datagram
    EXPECT_EQ(*received, 1u);
    EXPECT_EQ(DataPacketDrop::Name(DataPacketDrop::FromTunnel(Ipv6TunnelL4Protocol::MALFORMED_ND)),
              "tunnel_malformed_nd");
}
