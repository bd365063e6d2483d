/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Dynamic Mobility Anchoring, network-based (seed 003 §4; 000 Fig 7), in a plain ns-3
// script, without a scenario file:
//
//             db                          == point-to-point, ~~ access link
//             ||
//   cn ==== core ==== mar1 ~~ (mn)        the MN moves from mar1 to mar2 at 3 s
//              \\==== mar2 ~~
//
// Each MAR allocates prefixes from its own pool (2001:1:1::/48, 2001:1:2::/48) and
// records them in the session database. The flow from the CN starts while the MN is at
// mar1, on mar1's prefix (HNP1), and is routed natively. After the move mar2 records its
// own prefix for the MN (HNP2), asks the database for the MN's sessions, registers HNP1
// with its H-MAR mar1 (PBU/PBA) and advertises HNP1 (deprecated) and HNP2: seed 003 §4.2
// Fig 5, steps 3 and 4. mar1 then tunnels the flow to mar2. The script checks that
// ladder and prints `ladder: ok`.
//
//   ./dma-example [--switchMs=50] [--verbose=1]

#include "example-topology.h"

#include "ns3/dma-helper.h"
#include "ns3/pmipv6-helper.h"

using namespace ns3;
using namespace dmmexample;

NS_LOG_COMPONENT_DEFINE("DmaExample");

int
main(int argc, char* argv[])
{
    Example ex;
    double switchMs = ex.ParseCommandLine(argc, argv);
    ex.BuildTree({"core", "db", "mar1", "mar2"},
                 {{"core", "cn", 2}, {"core", "db", 5}, {"core", "mar1", 2}, {"core", "mar2", 2}});

    // The MARs' logical functions are a Pmipv6Helper's (allocation, LM, MR, RC, LU).
    Pmipv6Helper functions;
    functions.SetAllocationAttribute("PoolPrefixLength", UintegerValue(48));
    DmaHelper dma(functions);
    dma.InstallSessionDatabase(ex.Get("db"), ex.Address("db"));
    Ptr<AccessNetDevice> device = ex.AddMobileNode("mn");
    dma.AddMobileNode(Mac48Address::ConvertFrom(device->GetAddress()), "mn@example");
    std::map<std::string, Ptr<Application>> access;
    for (const char* mar : {"mar1", "mar2"})
    {
        std::string base = std::string("2001:1:") + mar[3] + "::";
        HomeNetworkPrefix pool = HomeNetworkPrefix::Make(Ipv6Address(base.c_str()), 48);
        AccessLink link = ex.AddAccess(mar);
        access[mar] = dma.InstallMar(ex.Get(mar),
                                     link.interface,
                                     link.onLink,
                                     ex.Address(mar),
                                     pool,
                                     ex.Address("db"))
                          .Get(0);
        ex.Originate(pool, {mar}); // a MAR's prefixes are routed to it
    }
    Ptr<MnAgent> mn =
        DynamicCast<MnAgent>(functions.InstallMobileNode(ex.Get("mn"), device).Get(0));
    ex.Move(device, mn, switchMs, access, "mar1", "mar2");
    // Started at mar1: the flow keeps HNP1, anchored at mar1, after the move.
    Ptr<Ipv6> ipv6 = ex.Get("mn")->GetObject<Ipv6>();
    ex.StartFlow("cn", "mn", [ipv6]() { return ipv6->GetAddress(1, 1).GetAddress(); });
    return ex.Run({"mar2:SessionUpdate",
                   "mar2:SessionQuery",
                   "db:SessionReply",
                   "mar2:PBU",
                   "mar1:PBA",
                   "mar2:RA"});
}
