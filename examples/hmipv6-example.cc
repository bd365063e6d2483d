/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Hierarchical Mobile IPv6 (RFC 5380) in a plain ns-3 script, without a scenario file:
//
//   cn ==== ha ==== map ==== ar1 ~~ (mn)     == point-to-point, ~~ access link
//                     \\==== ar2 ~~          the MN moves from ar1 to ar2 at 3 s
//
// The MAP owns the regional prefix 2001:cccc:1::/64 (its address 2001:cccc:1::1); both
// access routers announce it in a MAP option. On its first attachment the MN binds its
// on-link care-of address (LCoA) to its regional one (RCoA) at the MAP, then the RCoA at
// the home agent. The move stays under the same MAP, so only the MAP hears of it
// (RFC 5380 §6): the new router's RA, the Binding Update to the MAP and the MAP's
// Binding Acknowledgement; nothing goes to the home agent. A UDP flow from the CN to the
// home address survives the move. The script checks that ladder and prints `ladder: ok`.
//
//   ./hmipv6-example [--switchMs=50] [--verbose=1]

#include "example-topology.h"

#include "ns3/mip-mn-agent.h"
#include "ns3/mipv6-helper.h"
#include "ns3/nd-options.h"

using namespace ns3;
using namespace dmmexample;

NS_LOG_COMPONENT_DEFINE("Hmipv6Example");

int
main(int argc, char* argv[])
{
    Example ex;
    double switchMs = ex.ParseCommandLine(argc, argv);
    ex.BuildTree({"ha", "map", "ar1", "ar2"},
                 {{"ha", "cn", 2}, {"ha", "map", 10}, {"map", "ar1", 1}, {"map", "ar2", 1}});

    Mipv6Helper mip;
    mip.SetMobileNodeAttribute("Hierarchical", BooleanValue(true));
    HomeNetworkPrefix home = HomeNetworkPrefix::Make(Ipv6Address("2001:1::"), 64);
    mip.SetHomePrefix(home);
    mip.InstallHomeAgent(ex.Get("ha"), ex.Address("ha"));
    ex.Originate(home, {"ha"});
    // The MAP's address lives in its regional prefix (RFC 5380 §10), on its uplink.
    HomeNetworkPrefix regional = HomeNetworkPrefix::Make(Ipv6Address("2001:cccc:1::"), 64);
    Ipv6Address mapAddress("2001:cccc:1::1");
    ex.Get("map")->GetObject<Ipv6>()->AddAddress(1, Ipv6InterfaceAddress(mapAddress, 128));
    mip.InstallMap(ex.Get("map"), mapAddress, regional);
    ex.Originate(regional, {"map"});

    // Plain access routers that announce the MAP (RFC 5380 §10.1).
    NdOptions::MapOption option;
    option.distance = 1;
    option.validLifetime = 300;
    option.address = mapAddress;
    std::map<std::string, Ptr<Application>> access;
    for (const char* router : {"ar1", "ar2"})
    {
        AccessLink link = ex.AddAccess(router);
        Ptr<AccessRouterAgent> agent = CreateObject<AccessRouterAgent>();
        agent->AddAccessInterface(link.interface, link.onLink);
        agent->SetMapOption(option);
        ex.Get(router)->AddApplication(access[router] = agent);
    }
    Ptr<AccessNetDevice> device = ex.AddMobileNode("mn");
    Ptr<MipMnAgent> mn = DynamicCast<MipMnAgent>(
        mip.InstallMobileNode(ex.Get("mn"), device, "mn@example", {}).Get(0));
    ex.Move(device, mn, switchMs, access, "ar1", "ar2");
    ex.StartFlow("cn", "mn", [mn]() { return mn->GetHomeAddress(); });
    return ex.Run({"ar2:RA", "mn:BU", "map:BA"});
}
