/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// tshark decodes the captures of DMM with Mobile IP (seed 002): the HAA-MR, LM-MR and
// MR-MR messages (MH type 253, subtypes 20-22) with nothing malformed.
#include "pcap-capture.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace dmmtest;

TEST(DmmMipPcap, TsharkDecodesHaaAndRedirectSignalling)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("dmm-mip-redirect",
                          "dmm-mip-fig1.json",
                          {"protocol.route_optimization=redirect"},
                          {},
                          &r);
    ExpectCleanCaptures(dir);
    // Every HoA Reply lm1 sent and every Redirect mr12 sent is on the wire as MH 253,
    // its subtype octet (message data's first) as the class says.
    int replies = 0;
    int redirects = 0;
    std::string lm1;
    std::string mr12;
    for (const auto& s : r.signaling)
    {
        if (s.node == "lm1" && s.type == "HoaReply")
        {
            replies++;
            lm1 = s.src;
        }
        if (s.node == "mr12" && s.type == "Redirect")
        {
            redirects++;
            mr12 = s.src;
        }
    }
    ASSERT_EQ(replies, 1);
    ASSERT_GT(redirects, 0);
    EXPECT_EQ(Count(Capture(dir, "lm1"),
                    "mip6.mhtype == 253 && ipv6.src == " + lm1 + " && ipv6.dst != " + lm1 +
                        " && frame[48] == 0x15"),
              replies);
    // Redirects leave on the wired link (PPP: the subtype is frame octet 48).
    std::string filter = "mip6.mhtype == 253 && ipv6.src == " + mr12 + " && frame[48] == 0x16";
    EXPECT_EQ(Count(dir / "dmm-mr12-1.pcap", filter) + Count(dir / "dmm-mr12-2.pcap", filter),
              redirects);
}
