/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Target packet-dmm: any IPv6 packet arriving at any node of pmipv6-hierarchical running
// under fully-distributed (see packet-injector.h for the input layout).
#include "packet-injector.h"

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static dmmfuzz::PacketInjector injector("pmipv6-hierarchical.json", "fully-distributed");
    injector.Run(data, size);
    return 0;
}
