/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The access link delivers solicited-node and all-routers frames as an MLD-snooping switch
// would (issue 14): only to the devices whose IPv6 interface listens to the group.
#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <array>
#include <gtest/gtest.h>

namespace ns3
{
namespace test
{
namespace
{

/// Not an IPv6 frame: the nodes' stacks ignore it, the devices count it.
constexpr uint16_t kExperimental = 0x88B5;

/// A router and two hosts with IPv6 on one access channel.
class AccessMulticast : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        Ipv6AddressGenerator::Reset();
        channel = CreateObject<AccessChannel>();
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        for (uint32_t i = 0; i < node.size(); ++i)
        {
            node[i] = CreateObject<Node>();
            stack.Install(node[i]);
            dev[i] = CreateObject<AccessNetDevice>();
            dev[i]->SetAddress(Mac48Address::Allocate());
            node[i]->AddDevice(dev[i]);
            node[i]->RegisterProtocolHandler(MakeCallback(&AccessMulticast::Count, this).Bind(i),
                                             kExperimental,
                                             dev[i]);
        }
        // The router's device is attached before its IPv6 interface exists, the hosts' after.
        dev[0]->Attach(channel);
        Ipv6AddressHelper addr;
        addr.SetBase(Ipv6Address("2001:db8:1::"), Ipv6Prefix(64));
        NetDeviceContainer devices;
        for (const auto& d : dev)
        {
            devices.Add(d);
        }
        iface = addr.Assign(devices);
        iface.SetForwarding(0, true);
        dev[1]->Attach(channel);
        dev[2]->Attach(channel);
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    /// \param from sender index \param to destination MAC \return test frames each node got
    std::array<uint64_t, 3> SendTo(uint32_t from, Mac48Address to)
    {
        received = {0, 0, 0};
        dev[from]->Send(Create<Packet>(64), to, kExperimental);
        Simulator::Run();
        return received;
    }

    /// Counts the test frames of node \p i (the ND traffic of the stacks is not counted).
    void Count(uint32_t i,
               Ptr<NetDevice>,
               Ptr<const Packet>,
               uint16_t,
               const Address&,
               const Address&,
               NetDevice::PacketType)
    {
        received[i]++;
    }

    /// \param a an IPv6 address \return the MAC of its solicited-node group
    static Mac48Address Solicited(Ipv6Address a)
    {
        return Mac48Address::GetMulticast(Ipv6Address::MakeSolicitedAddress(a));
    }

    Ptr<AccessChannel> channel;
    std::array<Ptr<Node>, 3> node;
    std::array<Ptr<AccessNetDevice>, 3> dev;
    Ipv6InterfaceContainer iface;
    std::array<uint64_t, 3> received{}; //!< test frames per node in the last SendTo
};

TEST_F(AccessMulticast, SolicitedNodeFrameReachesOnlyTheAddressOwner)
{
    EXPECT_EQ(SendTo(0, Solicited(iface.GetAddress(1, 1))), (std::array<uint64_t, 3>{0, 1, 0}));
    // The link-local address has its own group (its interface identifier is the MAC's).
    EXPECT_EQ(SendTo(1, Solicited(iface.GetAddress(2, 0))), (std::array<uint64_t, 3>{0, 0, 1}));
    // A group nobody listens to reaches nobody.
    EXPECT_EQ(SendTo(0, Solicited(Ipv6Address("2001:db8:1::abcd:ef12"))),
              (std::array<uint64_t, 3>{0, 0, 0}));
}

TEST_F(AccessMulticast, AllRoutersFrameReachesOnlyForwardingInterfaces)
{
    Mac48Address allRouters = Mac48Address::GetMulticast(Ipv6Address::GetAllRoutersMulticast());
    EXPECT_EQ(SendTo(1, allRouters), (std::array<uint64_t, 3>{1, 0, 0}));
}

TEST_F(AccessMulticast, AllNodesAndBroadcastStillReachEveryone)
{
    Mac48Address allNodes = Mac48Address::GetMulticast(Ipv6Address::GetAllNodesMulticast());
    EXPECT_EQ(SendTo(0, allNodes), (std::array<uint64_t, 3>{0, 1, 1}));
    EXPECT_EQ(SendTo(1, Mac48Address::GetBroadcast()), (std::array<uint64_t, 3>{1, 0, 1}));
}

TEST_F(AccessMulticast, GroupsFollowAddressesAddedAndRemovedAtRunTime)
{
    Ptr<Ipv6> ipv6 = node[2]->GetObject<Ipv6>();
    uint32_t i = ipv6->GetInterfaceForDevice(dev[2]);
    Ipv6Address extra("2001:db8:2::1234:5678");
    ipv6->AddAddress(i, Ipv6InterfaceAddress(extra, Ipv6Prefix(64)));
    EXPECT_EQ(SendTo(0, Solicited(extra)), (std::array<uint64_t, 3>{0, 0, 1}));
    ipv6->RemoveAddress(i, extra);
    EXPECT_EQ(SendTo(0, Solicited(extra)), (std::array<uint64_t, 3>{0, 0, 0}));
}

TEST_F(AccessMulticast, DepartedDeviceTakesItsGroupsAlong)
{
    Mac48Address group = Solicited(iface.GetAddress(1, 1));
    Ptr<AccessChannel> other = CreateObject<AccessChannel>();
    dev[1]->Attach(other);
    EXPECT_EQ(SendTo(0, group), (std::array<uint64_t, 3>{0, 0, 0}));
    dev[1]->Attach(channel);
    EXPECT_EQ(SendTo(0, group), (std::array<uint64_t, 3>{0, 1, 0}));
}

TEST_F(AccessMulticast, WithoutSnoopingEveryGroupFrameFloods)
{
    channel->SetAttribute("MulticastSnooping", BooleanValue(false));
    EXPECT_EQ(SendTo(0, Solicited(iface.GetAddress(1, 1))), (std::array<uint64_t, 3>{0, 1, 1}));
}

// Unicast frames go through the channel's address index, which must follow the devices.
TEST_F(AccessMulticast, UnicastReachesAnAliasAddedWhileAttached)
{
    Mac48Address alias = Mac48Address::Allocate();
    EXPECT_EQ(SendTo(0, alias), (std::array<uint64_t, 3>{0, 0, 0}));
    dev[2]->AddAlias(alias);
    EXPECT_EQ(SendTo(0, alias), (std::array<uint64_t, 3>{0, 0, 1}));
    EXPECT_EQ(SendTo(0, Mac48Address::ConvertFrom(dev[2]->GetAddress())),
              (std::array<uint64_t, 3>{0, 0, 1}));
}

TEST_F(AccessMulticast, UnicastFollowsAnAddressChangedWhileAttached)
{
    Mac48Address old = Mac48Address::ConvertFrom(dev[1]->GetAddress());
    Mac48Address now = Mac48Address::Allocate();
    dev[1]->SetAddress(now);
    EXPECT_EQ(SendTo(0, now), (std::array<uint64_t, 3>{0, 1, 0}));
    EXPECT_EQ(SendTo(0, old), (std::array<uint64_t, 3>{0, 0, 0}));
}

TEST_F(AccessMulticast, DepartedDeviceTakesItsUnicastAddressesAlong)
{
    Mac48Address alias = Mac48Address::Allocate();
    dev[1]->AddAlias(alias);
    Mac48Address own = Mac48Address::ConvertFrom(dev[1]->GetAddress());
    Ptr<AccessChannel> other = CreateObject<AccessChannel>();
    dev[1]->Attach(other);
    EXPECT_EQ(SendTo(0, own), (std::array<uint64_t, 3>{0, 0, 0}));
    EXPECT_EQ(SendTo(0, alias), (std::array<uint64_t, 3>{0, 0, 0}));
    dev[1]->Attach(channel);
    EXPECT_EQ(SendTo(0, own), (std::array<uint64_t, 3>{0, 1, 0}));
    EXPECT_EQ(SendTo(0, alias), (std::array<uint64_t, 3>{0, 1, 0}));
}

TEST_F(AccessMulticast, AllRoutersFrameReachesARouterAttachedWithItsInterface)
{
    // A router that arrives with its forwarding interface (a mobile router) is indexed at
    // attachment, not when its groups are first looked up.
    Ptr<AccessChannel> other = CreateObject<AccessChannel>();
    dev[0]->Attach(other);
    dev[0]->Attach(channel);
    Mac48Address allRouters = Mac48Address::GetMulticast(Ipv6Address::GetAllRoutersMulticast());
    EXPECT_EQ(SendTo(2, allRouters), (std::array<uint64_t, 3>{1, 0, 0}));
}

} // namespace
} // namespace test
} // namespace ns3
