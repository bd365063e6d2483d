/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Dynamic Mobility Anchoring, client-based (seed 003 §3.2; 000 Fig 8), in a plain ns-3
// script, without a scenario file:
//
//   cn ==== core ==== ar1 ~~ (mn)         == point-to-point, ~~ access link
//              \\==== ar2 ~~              the MN moves from ar1 to ar2 at 3 s
//
// Every access router is the home agent of its own link and names itself in its RAs
// (R flag, RFC 6275 §7.2). The address the MN forms at ar1 is a home address there: the
// flow from the CN that starts at ar1 uses it natively. After the move the MN forms a
// care-of address at ar2 and binds the ar1 address to it with ar1's home agent, which
// then tunnels the flow. The script checks the ladder (ar2's RA, the MN's Binding Update
// to ar1, ar1's Binding Acknowledgement) and prints `ladder: ok`.
//
//   ./dma-client-example [--switchMs=50] [--verbose=1]

#include "example-topology.h"

#include "ns3/ha-agent.h"
#include "ns3/mipv6-helper.h"
#include "ns3/mobility-routing.h"

using namespace ns3;
using namespace dmmexample;

NS_LOG_COMPONENT_DEFINE("DmaClientExample");

int
main(int argc, char* argv[])
{
    Example ex;
    double switchMs = ex.ParseCommandLine(argc, argv);
    ex.BuildTree({"core", "ar1", "ar2"},
                 {{"core", "cn", 2}, {"core", "ar1", 2}, {"core", "ar2", 2}});

    // Each access router: a home agent for its link (its addresses on the link are home
    // addresses), and an access agent that names that home agent in its RAs.
    Mipv6Helper mip;
    std::map<std::string, Ptr<Application>> access;
    for (const char* router : {"ar1", "ar2"})
    {
        AccessLink link = ex.AddAccess(router);
        Ptr<HaAgent> ha = DynamicCast<HaAgent>(
            mip.InstallHomeAgentOnLink(ex.Get(router), link.address, link.onLink).Get(0));
        ha->GetMobilityRouting()->AddAccessInterface(link.interface, link.onLink);
        Ptr<AccessRouterAgent> agent = CreateObject<AccessRouterAgent>();
        agent->AddAccessInterface(link.interface, link.onLink);
        agent->SetRouterAddress(link.address);
        ex.Get(router)->AddApplication(access[router] = agent);
    }
    Ptr<AccessNetDevice> device = ex.AddMobileNode("mn");
    Ptr<MnAgent> mn =
        DynamicCast<MnAgent>(mip.InstallDistributedMobileNode(ex.Get("mn"), device).Get(0));
    ex.Move(device, mn, switchMs, access, "ar1", "ar2");
    // Started at ar1: the flow keeps the address formed there.
    Ptr<Ipv6> ipv6 = ex.Get("mn")->GetObject<Ipv6>();
    ex.StartFlow("cn", "mn", [ipv6]() { return ipv6->GetAddress(1, 1).GetAddress(); });
    return ex.Run({"ar2:RA", "mn:BU", "ar1:BA"});
}
