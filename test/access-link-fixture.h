/*
 * dmm: IP mobility management for ns-3.
 *
 * The access-link tests' fixture: endpoints that record what they receive and trace,
 * channel set-up and exact serialisation times, shared by access-link-test.cc and
 * access-link-attach-test.cc.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_TEST_ACCESS_LINK_FIXTURE_H
#define DMM_TEST_ACCESS_LINK_FIXTURE_H

#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/core-module.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/ethernet-header.h"
#include "ns3/ipv6-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <vector>

namespace access_link_test
{

using namespace ns3;

constexpr uint16_t kIpv6 = 0x86DD;
constexpr uint32_t kEthHeader = 14;

/// One frame as the stack or a promiscuous listener saw it.
struct Arrival
{
    Time at;
    uint32_t size;
    uint16_t protocol;
    Mac48Address from;
    Mac48Address to;
    NetDevice::PacketType type;
};

/// One frame as a Sniffer or Drop trace saw it.
struct Traced
{
    Time at;
    Ptr<const Packet> frame;
    AccessNetDevice::DropReason reason;
};

/// A node with one access device that records everything the device reports.
class Endpoint
{
  public:
    explicit Endpoint(const char* address)
    {
        node = CreateObject<Node>();
        dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(Mac48Address(address));
        node->AddDevice(dev);
        // Node::AddDevice installs its own receive callback; ours replaces it.
        dev->SetReceiveCallback(MakeCallback(&Endpoint::OnReceive, this));
        dev->AddLinkChangeCallback(MakeCallback(&Endpoint::OnLinkChange, this));
        dev->TraceConnectWithoutContext("Sniffer", MakeCallback(&Endpoint::OnSniff, this));
        dev->TraceConnectWithoutContext("Drop", MakeCallback(&Endpoint::OnDrop, this));
    }

    void ListenPromiscuously()
    {
        dev->SetPromiscReceiveCallback(MakeCallback(&Endpoint::OnPromisc, this));
    }

    Mac48Address Address() const
    {
        return Mac48Address::ConvertFrom(dev->GetAddress());
    }

    /// Schedules a Send of a fresh packet of \p bytes and records its return value.
    void SendAt(Time at, uint32_t bytes, Mac48Address to)
    {
        Simulator::Schedule(at, &Endpoint::SendNow, this, bytes, to);
    }

    void SendNow(uint32_t bytes, Mac48Address to)
    {
        sendResults.push_back(dev->Send(Create<Packet>(bytes), to, kIpv6));
    }

    Ptr<Node> node;
    Ptr<AccessNetDevice> dev;
    std::vector<Arrival> rx;
    std::vector<Arrival> promisc;
    std::vector<Traced> sniffed;
    std::vector<Traced> drops;
    std::vector<bool> sendResults;
    int linkChanges{0};

  private:
    bool OnReceive(Ptr<NetDevice>, Ptr<const Packet> p, uint16_t protocol, const ns3::Address& from)
    {
        Mac48Address src = Mac48Address::ConvertFrom(from);
        rx.push_back(
            {Simulator::Now(), p->GetSize(), protocol, src, Address(), NetDevice::PACKET_HOST});
        return true;
    }

    bool OnPromisc(Ptr<NetDevice>,
                   Ptr<const Packet> p,
                   uint16_t protocol,
                   const ns3::Address& from,
                   const ns3::Address& to,
                   NetDevice::PacketType type)
    {
        Mac48Address src = Mac48Address::ConvertFrom(from);
        Mac48Address dst = Mac48Address::ConvertFrom(to);
        promisc.push_back({Simulator::Now(), p->GetSize(), protocol, src, dst, type});
        return true;
    }

    void OnLinkChange()
    {
        linkChanges++;
    }

    void OnSniff(Ptr<const Packet> frame)
    {
        sniffed.push_back({Simulator::Now(), frame->Copy(), AccessNetDevice::NOT_ATTACHED});
    }

    void OnDrop(Ptr<const Packet> frame, AccessNetDevice::DropReason reason)
    {
        drops.push_back({Simulator::Now(), frame->Copy(), reason});
    }
};

inline Ptr<AccessChannel>
MakeChannel(const char* rate, Time delay)
{
    Ptr<AccessChannel> channel = CreateObject<AccessChannel>();
    channel->SetAttribute("DataRate", DataRateValue(DataRate(rate)));
    channel->SetAttribute("Delay", TimeValue(delay));
    return channel;
}

/// Attaches \p members to \p channel. \return the channel
inline Ptr<AccessChannel>
Join(Ptr<AccessChannel> channel, std::initializer_list<Endpoint*> members)
{
    for (Endpoint* e : members)
    {
        e->dev->Attach(channel);
    }
    return channel;
}

/// Serialisation time of a payload of \p bytes, computed in integers so it is exact.
inline Time
TxTime(uint32_t bytes, uint64_t bps)
{
    return NanoSeconds((bytes + kEthHeader) * 8 * 1000000000ULL / bps);
}

class AccessLinkTest : public ::testing::Test
{
  protected:
    void TearDown() override
    {
        Simulator::Destroy();
    }
};

} // namespace access_link_test

#endif // DMM_TEST_ACCESS_LINK_FIXTURE_H
