/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packet-injector.h"

#include "../test-paths.h"
#include "fuzz-common.h"

#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/core-module.h"
#include "ns3/ethernet-header.h"
#include "ns3/home-address-extension.h"
#include "ns3/internet-module.h"
#include "ns3/nd-options.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/ppp-header.h"
#include "ns3/scenario-builder.h"

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace ns3;

namespace dmmfuzz
{

const std::vector<uint8_t>&
NextHeaders()
{
    // No Hop-by-Hop (0) or TCP (6) at the top: ns-3.37's own parsers loop or terminate on
    // malformed ones before any code of this project runs (doc/dmm.rst, Scope and
    // Limitations). Whatever a tunnel or extension header carries is not restricted.
    static const std::vector<uint8_t> headers{135, 41, 60, 43, 58, 17, 59};
    return headers;
}

namespace
{

/// The global (or else first) and the link-local address of \p device's interface.
void
AddAddressesOf(Ptr<NetDevice> device, std::vector<Ipv6Address>& table)
{
    Ptr<Ipv6> ipv6 = device->GetNode()->GetObject<Ipv6>();
    int32_t i = ipv6 ? ipv6->GetInterfaceForDevice(device) : -1;
    Ipv6Address global = Ipv6Address::GetAny();
    Ipv6Address linkLocal = Ipv6Address::GetAny();
    for (uint32_t a = 0; i >= 0 && a < ipv6->GetNAddresses(i); ++a)
    {
        Ipv6Address address = ipv6->GetAddress(i, a).GetAddress();
        (address.IsLinkLocal() ? linkLocal : global) = address;
    }
    table.push_back(global);
    table.push_back(linkLocal);
}

/// The addresses an input can choose, the likeliest first: the receiving interface's own,
/// its neighbour's on the link, the unspecified and multicast ones, then every address of
/// every node.
std::vector<Ipv6Address>
AddressTable(Ptr<NetDevice> device)
{
    std::vector<Ipv6Address> table;
    AddAddressesOf(device, table);
    Ptr<Channel> channel = device->GetChannel();
    for (std::size_t d = 0; channel && d < channel->GetNDevices(); ++d)
    {
        if (channel->GetDevice(d) != device)
        {
            AddAddressesOf(channel->GetDevice(d), table);
            break;
        }
    }
    if (table.size() < 4)
    {
        table.resize(4, Ipv6Address::GetAny());
    }
    table.push_back(Ipv6Address::GetAny());
    table.push_back(Ipv6Address::GetAllNodesMulticast());
    table.push_back(Ipv6Address::GetAllRoutersMulticast());
    table.push_back(Ipv6Address::MakeSolicitedAddress(table[0]));
    for (auto it = NodeList::Begin(); it != NodeList::End(); ++it)
    {
        Ptr<Ipv6> ipv6 = (*it)->GetObject<Ipv6>();
        for (uint32_t i = 1; ipv6 && i < ipv6->GetNInterfaces(); ++i)
        {
            for (uint32_t a = 0; a < ipv6->GetNAddresses(i); ++a)
            {
                table.push_back(ipv6->GetAddress(i, a).GetAddress());
            }
        }
    }
    return table;
}

/// The devices a packet can arrive on: point-to-point links and attached access links.
std::vector<Ptr<NetDevice>>
WireDevices(Ptr<Node> node)
{
    std::vector<Ptr<NetDevice>> devices;
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        Ptr<NetDevice> d = node->GetDevice(i);
        if (DynamicCast<PointToPointNetDevice>(d) ||
            (DynamicCast<AccessNetDevice>(d) && d->GetChannel()))
        {
            devices.push_back(d);
        }
    }
    return devices;
}

/// Offset of the checksum of an upper-layer protocol, or nothing.
std::optional<size_t>
ChecksumOffset(uint8_t nextHeader)
{
    switch (nextHeader)
    {
    case 135:
        return 4;
    case 58:
        return 2;
    case 17:
        return 6;
    default:
        return std::nullopt;
    }
}

/// Whether \p payload is an RA that puts a prefix on-link other than as the scenario's
/// routers do (L and A, /64): ns-3.37's own RA processing then may send a Neighbor
/// Advertisement from :: and crash looking up its interface (seen with ::/1, 2001::/16 and
/// the correspondent's /64 with L alone).
bool
IsUnusualOnLinkRa(const std::vector<uint8_t>& payload)
{
    if (payload.size() < 16 || payload[0] != 134)
    {
        return false;
    }
    for (size_t at = 16; at + 4 <= payload.size() && payload[at + 1] != 0;
         at += 8 * payload[at + 1])
    {
        bool onLink = payload[at + 3] & 0x80;
        bool autonomous = payload[at + 3] & 0x40;
        if (payload[at] == 3 && onLink && !(autonomous && payload[at + 2] == 64))
        {
            return true;
        }
    }
    return false;
}

/// Whether ns-3.37 would crash on the packet arriving on \p device before any code of this project
/// sees it (doc/dmm.rst, Scope and Limitations), so that the targets find the project's
/// defects, not these: ns-3 answers a packet to a multicast address whose next header it
/// does not know, and an unknown destination option that asks for it (RFC 8200 §4.2,
/// action 10 or 11), with a Parameter Problem and dereferences a null interface on the
/// way; after an extension header or with no next header (59) the header it stops at is
/// not known here, so those are left out too; its RA processing crashes on some on-link
/// prefixes; a host (forwarding off) answers a packet that is not for it with a Destination
/// Unreachable even when its source is a multicast address (RFC 4443 §2.4 (e.6) forbids
/// it), and dereferences a null interface routing it (Ipv6ListRouting::RouteInput).
bool
ReachesNs3Defect(Ptr<NetDevice> device,
                 const Ipv6Header& header,
                 const std::vector<uint8_t>& payload)
{
    Ptr<Node> node = device->GetNode();
    auto ipv6 = node->GetObject<Ipv6L3Protocol>();
    if (header.GetSource().IsMulticast() && !header.GetDestination().IsMulticast() &&
        ipv6->GetInterfaceForAddress(header.GetDestination()) < 0 &&
        !ipv6->IsForwarding(ipv6->GetInterfaceForDevice(device)))
    {
        return true;
    }
    uint8_t next = header.GetNextHeader();
    if (next == 58)
    {
        return IsUnusualOnLinkRa(payload);
    }
    auto demux = node->GetObject<Ipv6ExtensionDemux>();
    if (next == 60 && !DynamicCast<HomeAddressExtension>(demux->GetExtension(60)))
    {
        return true; // ns-3's own destination options processing
    }
    if (!header.GetDestination().IsMulticast())
    {
        return false;
    }
    return next == 60 || next == 43 || next == 59 ||
           !node->GetObject<Ipv6L3Protocol>()->GetProtocol(next);
}

/// Deliver \p packet (an IPv6 packet) on \p device as its link would.
void
Deliver(Ptr<NetDevice> device, Ptr<Packet> packet)
{
    if (auto p2p = DynamicCast<PointToPointNetDevice>(device))
    {
        // ns-3's stack is the first to see it: leave out the ND messages ns-3 cannot parse
        // (the access link drops them itself; see NdOptions::IsParsableByNs3).
        if (!NdOptions::IsParsableByNs3(packet))
        {
            return;
        }
        PppHeader ppp;
        ppp.SetProtocol(0x0057); // IPv6
        packet->AddHeader(ppp);
        p2p->Receive(packet);
        return;
    }
    auto access = DynamicCast<AccessNetDevice>(device);
    EthernetHeader eth(false);
    eth.SetSource(Mac48Address("02:00:00:00:00:01"));
    eth.SetDestination(Mac48Address::ConvertFrom(access->GetAddress()));
    eth.SetLengthType(0x86DD);
    packet->AddHeader(eth);
    access->Receive(packet,
                    DynamicCast<AccessChannel>(access->GetChannel()),
                    access->GetAttachEpoch());
}

/// The scheduled arrival of the input.
void
Inject(std::vector<uint8_t> input)
{
    if (input.size() < 6 || NodeList::GetNNodes() == 0)
    {
        return;
    }
    Ptr<Node> node = NodeList::GetNode(input[0] % NodeList::GetNNodes());
    std::vector<Ptr<NetDevice>> devices = WireDevices(node);
    if (devices.empty())
    {
        return;
    }
    Ptr<NetDevice> device = devices[input[1] % devices.size()];
    std::vector<Ipv6Address> table = AddressTable(device);
    Ipv6Header header;
    header.SetSource(table[input[2] % table.size()]);
    header.SetDestination(table[input[3] % table.size()]);
    uint8_t nextHeader = NextHeaders()[input[4] % NextHeaders().size()];
    header.SetNextHeader(nextHeader);
    header.SetHopLimit(input[5] & 2 ? 64 : 255);
    std::vector<uint8_t> payload(input.begin() + 6, input.end());
    auto at = ChecksumOffset(nextHeader);
    if (at && !(input[5] & 1))
    {
        FixChecksum(payload, *at, header.GetSource(), header.GetDestination(), nextHeader);
    }
    header.SetPayloadLength(payload.size());
    if (ReachesNs3Defect(device, header, payload))
    {
        return;
    }
    Ptr<Packet> packet = Create<Packet>(payload.data(), payload.size());
    packet->AddHeader(header);
    Deliver(device, packet);
}

} // namespace

PacketInjector::PacketInjector(const std::string& scenario, const std::string& profile)
{
    // The scenario, shortened: the first attachment, the input, then one handover with
    // whatever state the input left, and the flows running throughout.
    std::ifstream in(std::string(DMM_SOURCE_DIR) + "/scenarios/" + scenario);
    nlohmann::json j = nlohmann::json::parse(in);
    j["profile"] = profile;
    j["duration_s"] = kDurationS;
    auto& moves = j["mobility"];
    moves.erase(moves.begin() + std::min<size_t>(moves.size(), 2), moves.end());
    moves[0]["at_s"] = 1.0;
    if (moves.size() > 1)
    {
        moves[1]["at_s"] = kHandoverAtS;
    }
    for (auto& flow : j["flows"])
    {
        flow["start_s"] = 1.1;
        flow["stop_s"] = kDurationS - 0.1;
    }
    m_secured = ParseScenario(j);
    j["security"]["enabled"] = false; // so that forged messages reach the agents' handlers
    m_open = ParseScenario(j);
}

void
PacketInjector::Run(const uint8_t* data, size_t size)
{
    Simulator::Schedule(Seconds(kInjectAtS), &Inject, std::vector<uint8_t>(data, data + size));
    RunOptions options;
    options.outDir = std::filesystem::temp_directory_path().string();
    options.progress = false;
    bool open = size > 5 && (data[5] & 4);
    RunScenario(open ? m_open : m_secured, options);
}

std::vector<uint8_t>
PacketInjector::Input(uint8_t node,
                      uint8_t device,
                      uint8_t nextHeader,
                      bool secured,
                      const std::vector<uint8_t>& payload)
{
    const auto& headers = NextHeaders();
    auto index = std::find(headers.begin(), headers.end(), nextHeader) - headers.begin();
    std::vector<uint8_t> input{node,
                               device,
                               2,
                               0,
                               static_cast<uint8_t>(index),
                               secured ? uint8_t{0} : uint8_t{4}};
    // Element by element: gcc 12 misreads a bulk insert here (-Wstringop-overread).
    std::copy(payload.begin(), payload.end(), std::back_inserter(input));
    return input;
}

} // namespace dmmfuzz
