/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Target mobility-options: MobilityOptions::Parse on the options area of a message, every
// typed accessor, and the round trip: options that parsed serialise (padding added) and
// parse again to the same list.
//
// Input: one octet, the offset of the options from the start of the Mobility Header
// (modulo 8, it decides the padding), then the options.
#include "fuzz-common.h"

#include <cstdlib>

using namespace ns3;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
    {
        return 0;
    }
    MobilityOptions options;
    if (options.Parse(data + 1, size - 1) != MobilityOptions::ParseStatus::OK)
    {
        return 0;
    }
    dmmfuzz::ReadOptions(options);
    std::vector<uint8_t> wire(data[0] % 8 + 6); // a message's fixed part, at least 6
    size_t start = wire.size();
    if (options.GetSerializedSize(start) > 0x10000)
    {
        return 0;
    }
    options.Serialize(wire);
    if (wire.size() - start != options.GetSerializedSize(start))
    {
        abort(); // GetSerializedSize must tell what Serialize writes
    }
    MobilityOptions again;
    if (again.Parse(wire.data() + start, wire.size() - start) != MobilityOptions::ParseStatus::OK ||
        !(again == options))
    {
        abort(); // what we serialise we must read back unchanged
    }
    return 0;
}
