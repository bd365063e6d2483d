/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Every crash the fuzz targets (test/fuzz/) found, with its bytes, replayed through the same
// harness in every build. So far all were defects of ns-3.37 itself (doc/dmm.rst, Scope and
// Limitations), which the harness leaves out: these tests keep it doing so (without that,
// each of them crashes this suite) and document the inputs.
#include "fuzz/packet-injector.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <vector>

namespace
{

/// Run \p input through a packet target's harness; the test fails by crashing.
void
Replay(const char* profile, const std::vector<uint8_t>& input)
{
    dmmfuzz::PacketInjector injector("pmipv6-hierarchical.json", profile);
    injector.Run(input.data(), input.size());
    SUCCEED();
}

// packet-mipv6: a Mobility Header (payload proto 2) to ff02::1 at a plain router, which
// has no MH protocol: ns-3 answers the unknown next header with a Parameter Problem and
// crashes in Ipv6Interface::GetNAddresses.
TEST(FuzzRegression, MulticastPacketWithUnknownNextHeaderIsLeftOut)
{
    Replay(
        "mipv6",
        {0x03, 0x00, 0x00, 0x05, 0x00, 0x00, 0x02, 0x3b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xeb});
}

// packet-mipv6: destination options from ff02::1 at the correspondent, followed by a
// Hop-by-Hop header: ns-3's own option processing answers with a Parameter Problem and
// crashes the same way.
TEST(FuzzRegression, DestinationOptionsWhereNs3ProcessesThemAreLeftOut)
{
    Replay("mipv6",
           {0x01,
            0x00,
            0x05,
            0x00,
            0x02,
            0x00,
            0x00,
            0x00,
            0x3b,
            0x00,
            0x00,
            0x00,
            0x00,
            0xb7,
            0x00,
            0x00,
            0x00});
}

// packet-pmipv6: an RA to the mobile node whose Prefix Information puts ::/1 on-link (L and
// A flags): ns-3's RA processing sends a Neighbor Advertisement from :: and crashes in
// Ipv6L3Protocol::GetNetDevice.
TEST(FuzzRegression, RouterAdvertisementPuttingAWidePrefixOnLinkIsLeftOut)
{
    Replay("pmipv6", {0x08, 0x00, 0x02, 0x00, 0x04, 0x00, 0x86, 0x00, 0x60, 0xe9, 0x00, 0xfd, 0x00,
                      0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00,
                      0x00, 0x00, 0x00, 0x02, 0x03, 0x04, 0x01, 0xff, 0x41, 0x00, 0xff, 0x02, 0x00,
                      0x00, 0x00, 0x00, 0x00, 0x00, 0x1b, 0x00, 0x00, 0x00, 0x3b, 0x02, 0x04, 0x00,
                      0x40, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xc0});
}

// The same RA from the access router's link-local address, putting the correspondent's
// /64 on-link with the L flag alone (a variant of the one above).
TEST(FuzzRegression, RouterAdvertisementPuttingARemotePrefixOnLinkIsLeftOut)
{
    Replay("pmipv6", {0x08, 0x00, 0x03, 0x00, 0x04, 0x00, 0x86, 0x00, 0x60, 0xe9, 0x00, 0xfd, 0x00,
                      0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00,
                      0x00, 0x00, 0x00, 0x02, 0x03, 0x04, 0x40, 0x80, 0x41, 0x00, 0xff, 0x02, 0x00,
                      0x00, 0x00, 0x00, 0x00, 0x00, 0x1b, 0x00, 0x20, 0x01, 0xaa, 0xaa, 0x00, 0x01,
                      0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xc0});
}

} // namespace
