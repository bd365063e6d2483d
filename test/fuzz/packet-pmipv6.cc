/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Target packet-pmipv6: any IPv6 packet arriving at any node of pmipv6-hierarchical running
// under pmipv6 (see packet-injector.h for the input layout).
#include "packet-injector.h"

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static dmmfuzz::PacketInjector injector("pmipv6-hierarchical.json", "pmipv6");
    injector.Run(data, size);
    return 0;
}
