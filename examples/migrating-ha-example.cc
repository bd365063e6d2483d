/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Migrating home agents (000 §4.5, Fig 6) with PMIPv6 in a plain ns-3 script, without a
// scenario file:
//
//   lma1 ============= lma2 ==== cn       == point-to-point, ~~ access link
//    ||                 ||
//   mag1 ~~ (mn)       mag2 ~~           the MN moves from network 1 to network 2 at 3 s
//
// Each network has its own LMA with its own pool (2001:1:1::/48, 2001:1:2::/48), and the
// LMAs replicate one location management (LM0): every binding change an LMA makes is sent
// to the other one (LM Sync). Every pool is routed to both LMAs (anycast), so the LMA
// nearest a sender tunnels its packets, whichever allocated the prefix; here lma2 serves
// the CN throughout. Each MAG registers with its own network's LMA. On the detach mag1
// de-registers the MN at lma1 (RFC 5213 §6.9.1.3), and lma1 tells lma2 (LM Sync); after
// the attachment mag2 registers the MN's network-1 prefix with lma2 (PBU/PBA), and lma2
// tells lma1 (LM Sync): one LM Sync per binding change per other anchor. The script
// checks that ladder and prints `ladder: ok`.
//
//   ./migrating-ha-example [--switchMs=50] [--verbose=1]

#include "example-topology.h"

#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/pmipv6-helper.h"

using namespace ns3;
using namespace dmmexample;

NS_LOG_COMPONENT_DEFINE("MigratingHaExample");

int
main(int argc, char* argv[])
{
    Example ex;
    double switchMs = ex.ParseCommandLine(argc, argv);
    ex.BuildTree(
        {"lma1", "lma2", "mag1", "mag2"},
        {{"lma2", "lma1", 10}, {"lma2", "cn", 2}, {"lma1", "mag1", 1}, {"lma2", "mag2", 1}});

    // An LMA per network, each with its own pool, replicating LM0; both pools anycast.
    Pmipv6Helper pmip;
    pmip.SetLocationManagementType("ns3::ReplicatedBindingCache"); // the LM's replicated mode
    ApplicationContainer lmas;
    for (const char* lma : {"lma1", "lma2"})
    {
        std::string base = std::string("2001:1:") + lma[3] + "::";
        pmip.SetAllocationAttribute("PoolPrefix", Ipv6AddressValue(base.c_str()));
        pmip.SetAllocationAttribute("PoolPrefixLength", UintegerValue(48));
        lmas.Add(pmip.InstallLma(ex.Get(lma), ex.Address(lma)));
        ex.Originate(HomeNetworkPrefix::Make(Ipv6Address(base.c_str()), 48), {"lma1", "lma2"});
    }
    pmip.InstallReplication(lmas);

    // MAGs register with their own network's LMA (the MN's policy names none).
    Ptr<AccessNetDevice> device = ex.AddMobileNode("mn");
    pmip.AddMobileNode(Mac48Address::ConvertFrom(device->GetAddress()), "mn@example");
    std::map<std::string, Ptr<Application>> access;
    for (const char* mag : {"mag1", "mag2"})
    {
        AccessLink link = ex.AddAccess(mag, true);
        std::string lma = std::string("lma") + mag[3];
        access[mag] = pmip.InstallMag(ex.Get(mag),
                                      link.interface,
                                      link.onLink,
                                      ex.Address(mag),
                                      ex.Address(lma))
                          .Get(0);
        // Whichever LMA is nearest the sender tunnels to this MAG.
        for (const char* anchor : {"lma1", "lma2"})
        {
            ex.Get(mag)->GetObject<Ipv6TunnelL4Protocol>()->AddPeer(ex.Address(anchor));
        }
    }
    Ptr<MnAgent> mn = DynamicCast<MnAgent>(pmip.InstallMobileNode(ex.Get("mn"), device).Get(0));
    ex.Move(device, mn, switchMs, access, "mag1", "mag2");
    Ptr<Ipv6> ipv6 = ex.Get("mn")->GetObject<Ipv6>();
    ex.StartFlow("cn", "mn", [ipv6]() { return ipv6->GetAddress(1, 1).GetAddress(); });
    return ex.Run(
        {"mag1:PBU", "lma1:LmSync", "lma1:PBA", "mag2:PBU", "lma2:LmSync", "lma2:PBA", "mag2:RA"});
}
