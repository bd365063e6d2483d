/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Fully distributed mobility management (000 §5.2, Fig 9), network-based location update,
// in a plain ns-3 script, without a scenario file:
//
//   lm1 ==== mr1 ==== core ==== mr2 ==== lm2     == point-to-point, ~~ access link
//            ~~        ||       ~~
//          (mn)        cn                        the MN moves from mr1 to mr2 at 3 s
//
// Each network has a location server holding its partition of the location database (the
// prefix of its access router's link) and a mobility router on its access router. The
// MN forms its address at mr1 (a home address of network 1, routed natively there). On
// the move, layer 2 names mr1 to mr2: mr2 asks mr1 for the MN's context (Context
// Request/Reply; mr1 forwards the MN's packets to mr2 from then), registers the mr1
// address at its own server lm2 and, as the MN changed networks, points the address's
// home server lm1 to lm2 (Location Register/Ack, in parallel), then advertises its
// prefix (RA). The script checks that ladder and prints `ladder: ok`.
//
//   ./fully-distributed-example [--switchMs=50] [--verbose=1]

#include "example-topology.h"

#include "ns3/distributed-mobility-routing.h"
#include "ns3/location-helper.h"

using namespace ns3;
using namespace dmmexample;

NS_LOG_COMPONENT_DEFINE("FullyDistributedExample");

int
main(int argc, char* argv[])
{
    Example ex;
    double switchMs = ex.ParseCommandLine(argc, argv);
    ex.BuildTree({"core", "mr1", "mr2", "lm1", "lm2"},
                 {{"core", "mr1", 2},
                  {"core", "mr2", 2},
                  {"core", "cn", 2},
                  {"mr1", "lm1", 1},
                  {"mr2", "lm2", 1}});

    // The access links first: their prefixes are the partitions of the database.
    LocationHelper loc;
    std::map<std::string, AccessLink> links;
    for (const char* router : {"mr1", "mr2"})
    {
        links.emplace(router, ex.AddAccess(router));
        loc.AddPartition(links.at(router).onLink, ex.Address(std::string("lm") + router[2]));
    }
    // Routers, then servers, then the access agents (the routers register their nodes).
    std::map<std::string, Ptr<DistributedMobilityRouting>> routers;
    for (const char* router : {"mr1", "mr2"})
    {
        routers[router] = loc.InstallRouter(ex.Get(router), ex.Address(router), {});
    }
    for (const char* server : {"lm1", "lm2"})
    {
        loc.InstallServer(ex.Get(server),
                          ex.Address(server),
                          {ex.Address("lm1"), ex.Address("lm2")});
    }
    loc.SetAccessType("ns3::MrAgent");
    NdOptions::MapOption option; // the RA names the network's server (set per router)
    option.validLifetime = 300;
    loc.SetMapOption(option);
    Ptr<AccessNetDevice> device = ex.AddMobileNode("mn");
    loc.AddMobileNode(Mac48Address::ConvertFrom(device->GetAddress()), "mn@example");
    std::map<std::string, Ptr<Application>> access;
    for (const char* router : {"mr1", "mr2"})
    {
        const AccessLink& link = links.at(router);
        access[router] = loc.InstallAccess(ex.Get(router),
                                           routers[router],
                                           link.interface,
                                           link.onLink,
                                           link.address,
                                           ex.Address(router),
                                           ex.Address(std::string("lm") + router[2]))
                             .Get(0);
    }
    // The node itself is a plain IPv6 host (network-based location update).
    Ptr<MnAgent> mn = CreateObject<MnAgent>();
    mn->SetDevice(device);
    ex.Get("mn")->AddApplication(mn);
    ex.Move(device, mn, switchMs, access, "mr1", "mr2");
    // Started at mr1: the flow keeps the address formed there.
    Ptr<Ipv6> ipv6 = ex.Get("mn")->GetObject<Ipv6>();
    ex.StartFlow("cn", "mn", [ipv6]() { return ipv6->GetAddress(1, 1).GetAddress(); });
    return ex.Run({"mr2:ContextRequest",
                   "mr1:ContextReply",
                   "mr2:LocationRegister",
                   "mr2:LocationRegister",
                   "lm2:LocationRegisterAck",
                   "lm1:LocationRegisterAck",
                   "mr2:RA"});
}
