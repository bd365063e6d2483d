/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Target nd-options: NdOptions::Parse, the options of the ND messages that mobile nodes
// and access routers read (RS, RA, NS, NA, Redirect), and every accessor.
//
// Input: one octet choosing the fixed part (RS 8, RA 16, NS/NA 24, Redirect 40, or the
// octet itself), then the ICMPv6 message from its type octet.
#include "ns3/nd-options.h"

#include "ns3/packet.h"

using namespace ns3;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
    {
        return 0;
    }
    static const uint32_t bodies[] = {8, 16, 24, 40};
    uint32_t body = data[0] < 4 ? bodies[data[0]] : data[0];
    Ptr<Packet> message = Create<Packet>(data + 1, size - 1);
    std::optional<NdOptions> options = NdOptions::Parse(message, body);
    if (options)
    {
        options->GetSourceLinkLayerAddress();
        options->GetPrefixes();
        options->GetOnLinkPrefixes();
        options->GetRouterAddresses();
        options->GetMapOptions();
    }
    return 0;
}
