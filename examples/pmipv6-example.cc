/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Proxy Mobile IPv6 in a plain ns-3 script, without a scenario file:
//
//   cn ==== lma ==== mag1 ~~ (mn)        == point-to-point, ~~ access link
//             \===== mag2 ~~             the MN moves from mag1 to mag2 at 3 s
//
// A UDP flow from the CN to the MN's home network prefix survives the move. The
// script prints the handover ladder as it happens and the flow's delivery count.
//
//   ./pmipv6-example [--switchMs=50] [--wiredMs=2] [--verbose=1]

#include "ns3/access-channel.h"
#include "ns3/access-net-device.h"
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/link-switch.h"
#include "ns3/mag-agent.h"
#include "ns3/mn-agent.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/ns3-version-compat.h"
#include "ns3/pmipv6-helper.h"
#include "ns3/point-to-point-module.h"

#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Pmipv6Example");

namespace
{
void
Print(std::string what)
{
    std::cout << Simulator::Now().As(Time::MS) << "  " << what << std::endl;
}

void
MhSent(std::string node, Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
{
    std::ostringstream os;
    os << node << " sends " << MobilityHeader::GetMessageName(p) << " " << src << " -> " << dst;
    Print(os.str());
}
} // namespace

int
main(int argc, char* argv[])
{
    double switchMs = 50;
    double wiredMs = 2;
    bool verbose = true;
    CommandLine cmd(__FILE__);
    cmd.AddValue("switchMs", "layer-2 switch time, ms", switchMs);
    cmd.AddValue("wiredMs", "delay of each wired link, ms", wiredMs);
    cmd.AddValue("verbose", "print the signalling ladder", verbose);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(5);
    Ptr<Node> cn = nodes.Get(0);
    Ptr<Node> lma = nodes.Get(1);
    Ptr<Node> mag1 = nodes.Get(2);
    Ptr<Node> mag2 = nodes.Get(3);
    Ptr<Node> mn = nodes.Get(4);

    // IPv6 with list routing, so that mobility routing can sit above static routing.
    Ipv6ListRoutingHelper list;
    list.Add(Ipv6StaticRoutingHelper(), 0);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.SetRoutingHelper(list);
    stack.SetIpv6NsRsJitter(false);
    stack.Install(nodes);

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", TimeValue(MilliSeconds(wiredMs)));
    Ipv6AddressHelper addr;
    Ipv6InterfaceContainer cnLma;
    Ipv6InterfaceContainer lmaMag[2];
    addr.SetBase("2001:aaaa:1::", 64);
    cnLma = addr.Assign(p2p.Install(cn, lma));
    addr.SetBase("2001:aaaa:2::", 64);
    lmaMag[0] = addr.Assign(p2p.Install(lma, mag1));
    addr.SetBase("2001:aaaa:3::", 64);
    lmaMag[1] = addr.Assign(p2p.Install(lma, mag2));
    for (Ptr<Node> router : {lma, mag1, mag2})
    {
        router->GetObject<Ipv6>()->SetAttribute("IpForward", BooleanValue(true));
    }

    // Access links: one channel per MAG; the MN's device moves between them.
    Pmipv6Helper pmip;
    Ipv6StaticRoutingHelper routes;
    Ptr<LinkSwitch> linkSwitch =
        CreateObjectWithAttributes<LinkSwitch>("SwitchTime", TimeValue(MilliSeconds(switchMs)));
    Ptr<AccessNetDevice> mnDev = CreateObject<AccessNetDevice>();
    mnDev->SetAddress(Mac48Address::Allocate());
    mn->AddDevice(mnDev);
    addr.AssignWithoutAddress(NetDeviceContainer(mnDev));
    pmip.AddMobileNode(Mac48Address::ConvertFrom(mnDev->GetAddress()), "mn@example");
    Ipv6Address lmaa = cnLma.GetAddress(1, 1);
    pmip.InstallLma(lma, lmaa);
    Ptr<Node> mags[2] = {mag1, mag2};
    for (int i = 0; i < 2; ++i)
    {
        Ptr<AccessChannel> channel = CreateObject<AccessChannel>();
        Ptr<AccessNetDevice> dev = CreateObject<AccessNetDevice>();
        dev->SetAddress(Mac48Address("02:00:00:00:00:01")); // one router seen by the MN
        mags[i]->AddDevice(dev);
        dev->Attach(channel);
        Ipv6Address onLink(i == 0 ? "2001:bbbb:1::" : "2001:bbbb:2::");
        addr.SetBase(onLink, 64);
        Ipv6InterfaceContainer access = addr.Assign(NetDeviceContainer(dev));
        Ipv6Address proxyCoa = lmaMag[i].GetAddress(1, 1);
        ApplicationContainer mag = pmip.InstallMag(mags[i],
                                                   access.GetInterfaceIndex(0),
                                                   HomeNetworkPrefix::Make(onLink, 64),
                                                   proxyCoa,
                                                   lmaa);
        linkSwitch->AddAccessLink(i == 0 ? "mag1" : "mag2",
                                  channel,
                                  DynamicCast<AccessRouterAgent>(mag.Get(0)));
        // MAG -> LMAA, and the LMA's way back to this MAG's proxy-CoA is connected.
        routes.GetStaticRouting(mags[i]->GetObject<Ipv6>())
            ->AddHostRouteTo(lmaa, lmaMag[i].GetAddress(0, 1), lmaMag[i].GetInterfaceIndex(1));
    }
    // CN -> the mobile prefixes live at the LMA.
    HomeNetworkPrefix pool = pmip.GetMobileAggregate();
    routes.GetStaticRouting(cn->GetObject<Ipv6>())
        ->AddNetworkRouteTo(pool.prefix,
                            Ipv6Prefix(pool.length),
                            cnLma.GetAddress(1, 1),
                            cnLma.GetInterfaceIndex(0));
    Ptr<MnAgent> mnAgent = DynamicCast<MnAgent>(pmip.InstallMobileNode(mn, mnDev).Get(0));
    linkSwitch->SetDevice(mnDev, mnAgent);
    linkSwitch->ScheduleAttach(Seconds(0.5), "mag1");
    linkSwitch->ScheduleAttach(Seconds(3), "mag2");

    if (verbose)
    {
        for (auto [node, name] : std::vector<std::pair<Ptr<Node>, std::string>>{{lma, "lma"},
                                                                                {mag1, "mag1"},
                                                                                {mag2, "mag2"}})
        {
            node->GetObject<MobilityL4Protocol>()->TraceConnectWithoutContext(
                "Tx",
                MakeBoundCallback(&MhSent, name));
        }
        linkSwitch->TraceConnectWithoutContext("L2Down", MakeCallback(+[](const std::string& ar) {
                                                   Print("mn leaves " + ar);
                                               }));
        linkSwitch->TraceConnectWithoutContext("L2Up", MakeCallback(+[](const std::string& ar) {
                                                   Print("mn joins " + ar);
                                               }));
        mnAgent->TraceConnectWithoutContext(
            "RouterAdvertisement",
            MakeCallback(+[](Ipv6Address, const std::vector<HomeNetworkPrefix>& p) {
                Print("mn receives RA with " +
                      (p.empty() ? std::string("no prefix") : p.front().ToString()));
            }));
    }

    // Downlink UDP to the MN's address on its home network prefix, 100 packets/s.
    uint64_t received = 0;
    PacketSinkHelper sink("ns3::UdpSocketFactory", Inet6SocketAddress(Ipv6Address::GetAny(), 9));
    ApplicationContainer sinkApp = sink.Install(mn);
    sinkApp.Get(0)->TraceConnectWithoutContext(
        "Rx",
        MakeCallback(+[](uint64_t* n, Ptr<const Packet>, const Address&) {
            ++*n;
        }).Bind(&received));
    compat::ScheduleFunction(Seconds(1), [&]() {
        Ipv6Address hoa = mn->GetObject<Ipv6>()->GetAddress(1, 1).GetAddress();
        std::ostringstream os;
        os << "mn address on its HNP: " << hoa;
        Print(os.str());
        OnOffHelper onoff("ns3::UdpSocketFactory", Inet6SocketAddress(hoa, 9));
        onoff.SetConstantRate(DataRate("80kbps"), 100);
        ApplicationContainer app = onoff.Install(cn);
        app.Stop(Seconds(4));
    });

    Simulator::Stop(Seconds(6));
    Simulator::Run();
    std::cout << "packets delivered to the MN: " << received << std::endl;
    Simulator::Destroy();
    return received > 0 ? 0 : 1;
}
