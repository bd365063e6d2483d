/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Mobile IPv6 (RFC 6275) in a plain ns-3 script, without a scenario file:
//
//            ha                          == point-to-point, ~~ access link
//            ||
//   cn ==== core ==== ar1 ~~ (mn)        the MN moves from ar1 to ar2 at 3 s
//              \\==== ar2 ~~
//
// The home agent allocates the MN's home address from 2001:1::/64; plain access routers
// advertise their link prefixes, from which the MN forms its care-of addresses. A UDP flow
// from the CN to the home address survives the move. The script prints the handover
// ladder, checks it against RFC 6275 (the new router's RA, §11.5.1; the Binding Update to
// the home agent and its Binding Acknowledgement, §11.7.1, §11.7.3) and prints
// `ladder: ok`.
//
//   ./mipv6-example [--switchMs=50] [--verbose=1]

#include "example-topology.h"

#include "ns3/mip-mn-agent.h"
#include "ns3/mipv6-helper.h"

using namespace ns3;
using namespace dmmexample;

NS_LOG_COMPONENT_DEFINE("Mipv6Example");

int
main(int argc, char* argv[])
{
    Example ex;
    double switchMs = ex.ParseCommandLine(argc, argv);
    ex.BuildTree({"core", "ha", "ar1", "ar2"},
                 {{"core", "cn", 2}, {"core", "ha", 5}, {"core", "ar1", 2}, {"core", "ar2", 2}});

    // The home agent, and the home prefix routed to it.
    Mipv6Helper mip;
    HomeNetworkPrefix home = HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), 64);
    mip.SetHomePrefix(home);
    mip.InstallHomeAgent(ex.Get("ha"), ex.Address("ha"));
    ex.Originate(home, {"ha"});

    // Plain access routers: they advertise their link's prefix.
    std::map<std::string, Ptr<Application>> access;
    for (const char* router : {"ar1", "ar2"})
    {
        AccessLink link = ex.AddAccess(router);
        Ptr<AccessRouterAgent> agent = CreateObject<AccessRouterAgent>();
        agent->AddAccessInterface(link.interface, link.onLink);
        ex.Get(router)->AddApplication(access[router] = agent);
    }
    Ptr<AccessNetDevice> device = ex.AddMobileNode("mn");
    Ptr<MipMnAgent> mn = DynamicCast<MipMnAgent>(
        mip.InstallMobileNode(ex.Get("mn"), device, "mn@example", {}).Get(0));
    ex.Move(device, mn, switchMs, access, "ar1", "ar2");
    ex.StartFlow("cn", "mn", [mn]() { return mn->GetHomeAddress(); });
    return ex.Run({"ar2:RA", "mn:BU", "ha:BA"});
}
