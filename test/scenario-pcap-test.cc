/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// tshark decodes the PMIPv6 scenario's own captures: PBU/PBA ladder and the tunnel.
#include "pcap-capture.h"

#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unistd.h>
#include <vector>

using namespace ns3;
using namespace dmmtest;

TEST(ScenarioPcap, TsharkDecodesPbuPbaAndTunnel)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("default", "pmipv6-hierarchical.json", {}, {}, &r);

    // The LMA's links see every PBU/PBA: one capture per LMA device.
    std::map<std::string, int> pbuSeqFromMag; // "file seq" -> count
    int pbu = 0;
    int pba = 0;
    int tunnelled = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string f = entry.path().string();
        if (entry.path().extension() != ".pcap")
        {
            continue;
        }
        // Every capture decodes cleanly: nothing malformed, no warning or error
        // (a zero UDP checksum over IPv6 would be one).
        EXPECT_EQ(Tshark("-r " + f + " -Y \"_ws.malformed || _ws.expert.severity >= 6291456\""), "")
            << f;
        if (f.find("dmm-lma-") == std::string::npos)
        {
            continue;
        }
        std::istringstream lines(
            Tshark("-r " + f +
                   " -Y mipv6 -T fields -E separator=, -e mip6.mhtype -e mip6.bu.seqnr "
                   "-e mip6.ba.seqnr -e mip6.bu.p_flag -e mip6.ba.status -e mip6.mnid.identifier "
                   "-e mip6.nemo.mnp.mnp"));
        std::string line;
        int lastPbuSeq = -1;
        while (std::getline(lines, line))
        {
            std::vector<std::string> v;
            std::stringstream ss(line);
            for (std::string field; std::getline(ss, field, ',');)
            {
                v.push_back(field);
            }
            v.resize(7);
            EXPECT_EQ(v[5], "mn@dmm") << line;
            if (v[0] == "5")
            {
                pbu++;
                EXPECT_EQ(v[3], "1") << "P flag: " << line;
                lastPbuSeq = std::stoi(v[1]);
            }
            else if (v[0] == "6")
            {
                pba++;
                EXPECT_EQ(v[4], "0") << line;
                EXPECT_EQ(std::stoi(v[2]), lastPbuSeq) << "PBA answers the PBU before it";
                EXPECT_EQ(v[6], "2001:1::") << "HNP option carries the allocated prefix";
            }
        }
        tunnelled += std::stoi("0" + Tshark("-r " + f +
                                            " -Y \"ipv6.nxt == 41\" -T fields -e "
                                            "frame.number | wc -l | tr -d ' \\n'"));
    }
    // 3 registrations + 2 de-registrations, each answered.
    EXPECT_EQ(pbu, 5);
    EXPECT_EQ(pba, 5);
    EXPECT_GT(tunnelled, 1000) << "IPv6-in-IPv6 data packets on the LMA's links";
    EXPECT_EQ(r.handovers.size(), 2u);
}

namespace
{
/// Runs the shipped scenario under a profile with pcap; returns the capture folder.
std::filesystem::path
CaptureShipped(const std::string& profile)
{
    return CaptureRun(profile, "pmipv6-hierarchical.json", {}, profile);
}

} // namespace

TEST(ScenarioPcap, TsharkDecodesRouteOptimisation)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    auto dir = CaptureShipped("mipv6-ro");
    ExpectCleanCaptures(dir);
    auto cn = Capture(dir, "cn");
    ASSERT_FALSE(cn.empty());
    // Three registrations (first attachment and two handovers), each with its RR.
    EXPECT_EQ(Count(cn, "mip6.mhtype == 1"), 3); // HoTI, decapsulated by the HA
    EXPECT_EQ(Count(cn, "mip6.mhtype == 2"), 3); // CoTI
    EXPECT_EQ(Count(cn, "mip6.mhtype == 3"), 3); // HoT
    EXPECT_EQ(Count(cn, "mip6.mhtype == 4"), 3); // CoT
    EXPECT_EQ(Count(cn,
                    "mip6.mhtype == 5 && ipv6.opt.mipv6.home_address && mip6.bad.auth && "
                    "mip6.ni.hni"),
              3);
    // Its BAs carry their own Binding Authorization Data (RFC 6275 §6.1.8).
    EXPECT_EQ(Count(cn, "mip6.mhtype == 6 && ipv6.routing.type == 2 && mip6.bad.auth"), 3);
    // The data path after the bindings: RH2 towards the mobile node, HAO from it.
    EXPECT_GT(Count(cn, "udp && ipv6.routing.type == 2"), 1000);
    EXPECT_GT(Count(cn, "udp && ipv6.opt.mipv6.home_address"), 1000);
}

TEST(ScenarioPcap, TsharkDecodesHierarchicalRegistrations)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    auto dir = CaptureShipped("hmipv6");
    ExpectCleanCaptures(dir);
    auto lma = Capture(dir, "lma");
    ASSERT_FALSE(lma.empty());
    // Home registrations of the two RCoAs (first attachment, and the move to MAP r2),
    // with the Home Address and Alternate Care-of Address options.
    int homeRegistrations = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        if (name.rfind("dmm-lma-", 0) == 0)
        {
            homeRegistrations += Count(entry.path(),
                                       "mip6.mhtype == 5 && mip6.bu.h_flag == 1 && "
                                       "ipv6.opt.mipv6.home_address && mip6.acoa.acoa");
        }
    }
    EXPECT_EQ(homeRegistrations, 2);
    // Local BUs to the MAPs (M flag): r1 on attachment and on the intra-MAP move, r2 once.
    int local = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        if (name.rfind("dmm-mag", 0) == 0 && entry.path().extension() == ".pcap")
        {
            local += Count(entry.path(), "mip6.mhtype == 5 && mip6.bu.m_flag == 1");
        }
    }
    EXPECT_GE(local, 3);
}

TEST(ScenarioPcap, TsharkDecodesDmaSignalling)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    auto dir = CaptureRun("dma", "dmm-fig7-dma.json", {}, {});
    ExpectCleanCaptures(dir);
    // The database's link carries the session messages (experimental MH type 253) and
    // the last move's two PBUs leave ar2 with the HNP of each H-MAR.
    auto db = Capture(dir, "db");
    ASSERT_FALSE(db.empty());
    EXPECT_EQ(Count(db, "mip6.mhtype == 253"), 9); // 3 x (Update, Query, Reply)
    // ar2 registers mn1's prefixes with ar1 and ar3: two PBUs, each naming one HNP.
    int pbus = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        if (name.rfind("dmm-ar2-", 0) == 0 && entry.path().extension() == ".pcap")
        {
            pbus += Count(entry.path(),
                          "mip6.mhtype == 5 && mip6.bu.p_flag == 1 && mip6.nemo.mnp.mnp && "
                          "ipv6.src == 2001:aaaa:3:0:200:ff:fe00:6");
        }
    }
    EXPECT_EQ(pbus, 2);
}

TEST(ScenarioPcap, TsharkDecodesRouterAdvertisementsWithPrefixProperties)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    // Fig 7 with Prefix Properties: ar2's RA to mn1 (at 10 s) carries ar1's and ar3's
    // prefixes with preferred lifetime 0, its own with a full one (prefix_lifetime_s, 600
    // s, bounds it), and one Prefix
    // Properties option per prefix after them; Wireshark knows the PIOs, shows the option
    // (an experimental type) as unknown, and finds nothing malformed.
    auto dir = CaptureRun("dma-pp", "dmm-fig7-dma.json", {"protocol.prefix_properties=true"}, {});
    ExpectCleanCaptures(dir);
    int advertisements = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        if (entry.path().extension() != ".pcap")
        {
            continue;
        }
        std::string ras =
            Tshark("-r " + entry.path().string() +
                   " -Y \"icmpv6.type == 134 && icmpv6.opt.type == 253\""
                   " -T fields -e icmpv6.opt.prefix -e icmpv6.opt.prefix.preferred_lifetime"
                   " -e icmpv6.opt.type");
        std::istringstream lines(ras);
        for (std::string line; std::getline(lines, line);)
        {
            if (line.rfind("2001:1:2:", 0) == 0) // ar2's RA: its own prefix comes first
            {
                EXPECT_EQ(line.substr(line.find('\t') + 1), "600,0,0\t3,3,3,1,253,253,253");
                advertisements++;
            }
        }
    }
    EXPECT_GT(advertisements, 0);
}

TEST(ScenarioPcap, TsharkDecodesSolicitationsListingSessions)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    // Fig 7, protocol.session_source solicitation: mn1's RS to ar2 (at 10 s) lists its two
    // live sessions (ar1's and ar3's prefixes) in two Mobility Session options (type 254,
    // 40 octets) after the source link-layer address; nothing malformed.
    auto dir =
        CaptureRun("dma-rs", "dmm-fig7-dma.json", {"protocol.session_source=solicitation"}, {});
    ExpectCleanCaptures(dir);
    std::set<std::string> solicitations;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        if (entry.path().extension() == ".pcap")
        {
            std::string rs = Tshark("-r " + entry.path().string() +
                                    " -Y \"icmpv6.type == 133 && icmpv6.opt.type == 254\""
                                    " -T fields -e icmpv6.opt.type -e icmpv6.opt.length");
            std::istringstream lines(rs);
            for (std::string line; std::getline(lines, line);)
            {
                solicitations.insert(line);
            }
        }
    }
    EXPECT_TRUE(solicitations.count("1,254\t1,5")) << "at ar3";       // ar1's session
    EXPECT_TRUE(solicitations.count("1,254,254\t1,5,5")) << "at ar2"; // ar1's and ar3's
}

TEST(ScenarioPcap, TsharkDecodesLocationSignalling)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("fd", "dmm-fig9-fully-distributed.json", {}, {}, &r);
    ExpectCleanCaptures(dir);
    // lm1's link: the home registration pointing HoA11 to network 3 (HAO, Alternate CoA
    // and the experimental option 253 naming lm3), its BA, and location queries/replies.
    auto lm1 = Capture(dir, "lm1");
    ASSERT_FALSE(lm1.empty());
    EXPECT_EQ(
        Count(lm1, "mip6.mhtype == 5 && mip6.bu.h_flag == 1 && ipv6.dstopts.nxt && mip6.acoa.acoa"),
        1);
    EXPECT_EQ(Count(lm1, "mip6.mhtype == 6 && ipv6.routing.type == 2"), 1);
    int replies = 0;
    std::string lm1Address;
    for (const auto& s : r.signaling)
    {
        replies += (s.node == "lm1" && s.type == "LocationReply") ? 1 : 0;
        lm1Address = (s.node == "lm1" && s.type == "BA") ? s.src : lm1Address;
    }
    ASSERT_GT(replies, 0);
    EXPECT_EQ(Count(lm1, "mip6.mhtype == 253 && ipv6.src == " + lm1Address), replies);
    // Fig 9's data path: cn21's own router mr21 encapsulates the packets for HoA11
    // (2001:bbbb:1::/64) towards the care-of address at mr32 (2001:bbbb:4::/64).
    std::string mr21;
    std::string careOf; // the last BU's source: the care-of address at mr32
    for (const auto& s : r.signaling)
    {
        mr21 = (mr21.empty() && s.node == "mr21" && s.type == "LocationQuery") ? s.src : mr21;
        careOf = (s.node == "mn11" && s.type == "BU") ? s.src : careOf;
    }
    std::string home = r.flows.front().address; // cn21-down keeps HoA11
    ASSERT_EQ(home.rfind("2001:bbbb:1:", 0), 0u);
    ASSERT_EQ(careOf.rfind("2001:bbbb:4:", 0), 0u);
    int fromMr21 = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        if (entry.path().filename().string().rfind("dmm-mr21-", 0) == 0)
        {
            fromMr21 += Count(entry.path(),
                              "ipv6.nxt == 41 && ipv6.src == " + mr21 + " && ipv6.dst == " + home +
                                  " && ipv6.dst == " + careOf);
        }
    }
    EXPECT_GT(fromMr21, 100);
    // The node decapsulates packets tunnelled to its care-of address by the routers.
    auto mn = Capture(dir, "mn11");
    EXPECT_GT(Count(mn, "ipv6.nxt == 41 && udp.dstport"), 100);
}

TEST(ScenarioPcap, TsharkDecodesNetworkBasedLocationSignalling)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    RunResults r;
    auto dir = CaptureRun("fd-network",
                          "dmm-fig9-fully-distributed.json",
                          {"protocol.location_update=network"},
                          {},
                          &r);
    ExpectCleanCaptures(dir);
    // Every location message lm3 sent (its Register Acks, one per move, and its Replies)
    // is on its link as MH type 253 from its address.
    int sent = 0;
    int acks = 0;
    std::string lm3Address;
    for (const auto& s : r.signaling)
    {
        if (s.node == "lm3" && s.type.rfind("Location", 0) == 0)
        {
            sent++;
            acks += s.type == "LocationRegisterAck" ? 1 : 0;
            lm3Address = s.src;
        }
    }
    EXPECT_EQ(acks, 2);
    EXPECT_EQ(Count(Capture(dir, "lm3"), "mip6.mhtype == 253 && ipv6.src == " + lm3Address), sent);
    // The routers after mr11 also list HoA11's prefix (prefix_lifetime_s): deprecated, A flag
    // alone (not on-link there), the scenario's 600-s valid lifetime; mr11's RAs do not.
    auto mn = Capture(dir, "mn11");
    std::string kept = "icmpv6.type == 134 && icmpv6.opt.prefix == 2001:bbbb:1:: && "
                       "icmpv6.opt.prefix.flag.l == 0 && icmpv6.opt.prefix.flag.a == 1 && "
                       "icmpv6.opt.prefix.valid_lifetime == 600 && "
                       "icmpv6.opt.prefix.preferred_lifetime == 0";
    EXPECT_GE(Count(mn, kept), 2); // at mr31 and at mr32
    EXPECT_LT(Count(mn, kept), Count(mn, "icmpv6.type == 134"));
}
