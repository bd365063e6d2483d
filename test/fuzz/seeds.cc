/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// fuzz-seeds OUT_DIR: writes the seed corpus of every target into OUT_DIR/<target>/, each
// seed made by the project's own serialisers (every Mobility Header message and option,
// the extension headers, ND options, the shipped scenario files), so that the fuzzer
// starts from valid input and the seeds follow the wire formats as they change.
#include "../test-paths.h"
#include "packet-injector.h"
#include "seed-messages.h"

#include "ns3/home-address-option-header.h"
#include "ns3/icmpv6-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/nd-options.h"
#include "ns3/profile-registry.h"
#include "ns3/scenario-config.h"
#include "ns3/type2-routing-header.h"
#include "ns3/udp-header.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

using namespace ns3;
using dmmfuzz::Bytes;
namespace fs = std::filesystem;

namespace
{

/// Write one seed file.
void
Write(const fs::path& dir, const std::string& name, const Bytes& bytes)
{
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

/// \return \p prefix followed by \p rest
Bytes
Concat(Bytes prefix, const Bytes& rest)
{
    prefix.insert(prefix.end(), rest.begin(), rest.end());
    return prefix;
}

/// An RS with a source link-layer address and an RA with a prefix and a MAP option.
std::vector<std::pair<std::string, Bytes>>
NdMessages()
{
    Icmpv6OptionLinkLayerAddress lla(true, Mac48Address("00:00:00:00:00:02"));
    Ptr<Packet> rs = Create<Packet>();
    rs->AddHeader(lla);
    rs->AddHeader(Icmpv6RS());
    Icmpv6OptionPrefixInformation prefix(Ipv6Address("2001:aaaa:1::"), 64);
    prefix.SetFlags(Icmpv6OptionPrefixInformation::ONLINK |
                    Icmpv6OptionPrefixInformation::AUTADDRCONF);
    prefix.SetValidTime(3600);
    NdOptions::MapOption map;
    map.address = Ipv6Address("2001:aaaa:2::1");
    map.validLifetime = 600;
    Bytes mapBytes = NdOptions::BuildMapOption(map);
    Ptr<Packet> ra = Create<Packet>(mapBytes.data(), mapBytes.size());
    ra->AddHeader(prefix);
    ra->AddHeader(lla);
    Icmpv6RA raHeader;
    raHeader.SetLifeTime(1800);
    ra->AddHeader(raHeader);
    return {{"rs", dmmfuzz::ToBytes(rs)}, {"ra", dmmfuzz::ToBytes(ra)}};
}

/// A UDP datagram and the same in IPv6-in-IPv6, as a tunnel carries it.
std::pair<Bytes, Bytes>
Datagrams()
{
    Ptr<Packet> udp = Create<Packet>(32);
    UdpHeader u;
    u.SetSourcePort(9);
    u.SetDestinationPort(9);
    udp->AddHeader(u);
    Bytes datagram = dmmfuzz::ToBytes(udp);
    Ipv6Header inner;
    inner.SetSource(Ipv6Address("2001:cccc::1"));
    inner.SetDestination(Ipv6Address("2001:dddd::1"));
    inner.SetNextHeader(17);
    inner.SetHopLimit(64);
    inner.SetPayloadLength(udp->GetSize());
    udp->AddHeader(inner);
    return {datagram, dmmfuzz::ToBytes(udp)};
}

/// A header (an HAO or RH2) before a message.
template <class H>
Bytes
Behind(uint8_t nextHeader, const Bytes& message)
{
    H h;
    h.SetNextHeader(nextHeader);
    h.SetHomeAddress(Ipv6Address("2001:aaaa:1::100"));
    Ptr<Packet> p = Create<Packet>(message.data(), message.size());
    p->AddHeader(h);
    return dmmfuzz::ToBytes(p);
}

void
WriteMessageSeeds(const fs::path& out)
{
    for (const auto& [name, message] : dmmfuzz::Messages())
    {
        Write(out / "mh-receive", name, Concat({0}, message.bytes));
        Write(out / "mobility-options", name, Concat({0}, message.options));
        Write(out / "hao", name, Behind<HomeAddressOptionHeader>(135, message.bytes));
        Write(out / "rh2", name, Behind<Type2RoutingHeader>(135, message.bytes));
    }
    for (const auto& [name, bytes] : NdMessages())
    {
        Write(out / "nd-options", name, Concat({bytes[0] == 133 ? uint8_t{0} : uint8_t{1}}, bytes));
    }
}

void
WriteScenarioSeeds(const fs::path& out)
{
    for (const auto& entry : fs::directory_iterator(fs::path(DMM_SOURCE_DIR) / "scenarios"))
    {
        if (entry.path().extension() != ".json")
        {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        text += "\n--set duration_s=3\nseed=2\n";
        Write(out / "scenario", entry.path().filename().string(), Bytes(text.begin(), text.end()));
    }
}

/// The scenario target's dictionary, from the schema itself: every key of every context,
/// every profile and role name, and the JSON tokens around them.
void
WriteScenarioDictionary(const fs::path& out)
{
    std::set<std::string> words{"{",
                                "}",
                                "[",
                                "]",
                                ":",
                                ",",
                                "true",
                                "false",
                                "null",
                                "1e400",
                                "-1",
                                "0.5",
                                "--set ",
                                "=",
                                ".0."};
    for (const char* context : {"",
                                "l2",
                                "access",
                                "processing",
                                "protocol",
                                "nodes[]",
                                "links[]",
                                "mobility[]",
                                "flows[]",
                                "topology",
                                "topology.delay_ms",
                                "topology.rate_mbps",
                                "movement"})
    {
        for (const auto& key : ScenarioKeys(context))
        {
            words.insert("\"" + key + "\":");
            words.insert(key);
        }
    }
    for (const auto& name : dmm::ProfileNames())
    {
        words.insert("\"" + name + "\"");
    }
    for (const char* role : {"anchor", "router", "aggregation", "access", "cn", "mn", "attacker"})
    {
        words.insert("\"" + std::string(role) + "\"");
    }
    std::ofstream dict(out / "scenario.dict");
    dict << "# generated by fuzz-seeds from ScenarioKeys() and ProfileNames()\n";
    for (const auto& word : words)
    {
        dict << '"';
        for (char c : word)
        {
            dict << (c == '"' || c == '\\' ? "\\" : "") << c;
        }
        dict << "\"\n";
    }
}

/// Every message, datagram and ND message to every node of the packet targets' scenario.
void
WritePacketSeeds(const fs::path& out)
{
    auto [datagram, tunnelled] = Datagrams();
    std::vector<std::tuple<std::string, uint8_t, Bytes>> payloads{{"udp", 17, datagram},
                                                                  {"ip6ip6", 41, tunnelled}};
    for (const auto& [name, message] : dmmfuzz::Messages())
    {
        payloads.emplace_back(name, 135, message.bytes);
    }
    const Bytes& bu = dmmfuzz::Messages().at("bu").bytes;
    const Bytes& ba = dmmfuzz::Messages().at("ba").bytes;
    payloads.emplace_back("hao-bu", 60, Behind<HomeAddressOptionHeader>(135, bu));
    payloads.emplace_back("rh2-ba", 43, Behind<Type2RoutingHeader>(135, ba));
    for (const auto& [name, bytes] : NdMessages())
    {
        payloads.emplace_back(name, 58, bytes);
    }
    constexpr uint8_t kNodes = 9;  // scenarios/pmipv6-hierarchical.json
    constexpr uint8_t kAnchor = 2; // its "lma"
    for (const char* target : {"packet-pmipv6", "packet-mipv6", "packet-dmm"})
    {
        for (const auto& [name, nextHeader, payload] : payloads)
        {
            // Security off, so that messages reach the agents; once with it on, at the
            // anchor, for the verification itself.
            for (uint8_t node = 0; node < kNodes; ++node)
            {
                Write(out / target,
                      name + "-" + std::to_string(node),
                      dmmfuzz::PacketInjector::Input(node, 0, nextHeader, false, payload));
            }
            Write(out / target,
                  name + "-secured",
                  dmmfuzz::PacketInjector::Input(kAnchor, 0, nextHeader, true, payload));
        }
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    if (argc != 2)
    {
        std::cerr << "usage: fuzz-seeds OUT_DIR\n";
        return 2;
    }
    fs::path out(argv[1]);
    WriteMessageSeeds(out);
    WriteScenarioSeeds(out);
    WriteScenarioDictionary(out);
    WritePacketSeeds(out);
    return 0;
}
