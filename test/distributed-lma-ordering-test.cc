/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The Timestamp option (RFC 5213 §8.8) of the Location Informs on the wire, on
// scenarios/distributed-lma-lma-change.json with the informs of two LMAs reordered: mn11
// visits n2-anchor (120 ms from its H-LMA n1-anchor) and moves on to n3-anchor 0.3 s later.
#include "distributed-lma-ladder.h"
#include "pcap-capture.h"

#include "ns3/dmm-session-header.h"
#include "ns3/mobility-option.h"

#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace dmmtest;

namespace
{

/// \return the bytes of a hex string as tshark prints them
std::vector<uint8_t>
FromHex(const std::string& hex)
{
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
    {
        out.push_back(static_cast<uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

/// A Timestamp option found in a message: its offset in the Mobility Header and value.
struct Found
{
    size_t offset{0};  //!< from the start of the Mobility Header
    uint64_t value{0}; //!< the 64-bit timestamp
    int count{0};      //!< how many Timestamp options
};

/// \param data the message data after the 6-octet Mobility Header (mip6.unknown_type_data)
/// \return the Timestamp options of a DMM message
Found
Timestamps(const std::vector<uint8_t>& data)
{
    Found f;
    for (size_t i = ns3::DmmSessionHeader::MESSAGE_DATA_SIZE; i + 1 < data.size();)
    {
        if (data[i] == ns3::MobilityOptions::TIMESTAMP && data[i + 1] == 8 && i + 10 <= data.size())
        {
            f.count++;
            f.offset = 6 + i;
            f.value = 0;
            for (size_t k = 0; k < 8; ++k)
            {
                f.value = (f.value << 8) | data[i + 2 + k];
            }
        }
        i += data[i] == 0 ? 1 : 2 + data[i + 1]; // Pad1 has no length octet
    }
    return f;
}

} // namespace

TEST(DistributedLmaOrdering, LocationInformsCarryTheRfc5213Timestamp)
{
    if (!HaveTshark())
    {
        GTEST_SKIP() << "tshark is not installed (tools/bootstrap.sh installs it)";
    }
    ns3::RunResults r;
    auto dir = CaptureRun("dlma-order",
                          "distributed-lma-lma-change.json",
                          {"links.8.delay_ms=120", "mobility.2.at_s=3.3"},
                          std::nullopt,
                          &r);
    ExpectCleanCaptures(dir);
    auto names = SenderNames(r);
    std::string hLma;
    for (const auto& [address, node] : names)
    {
        hLma = node == "n1-anchor" ? address : hLma;
    }
    // The informs as the H-LMA received them, in order (subtype 30 at frame offset 48:
    // PPP 2, IPv6 40, then the sixth octet of the Mobility Header).
    std::vector<std::pair<std::string, Found>> informs;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
    {
        std::string name = entry.path().filename().string();
        if (name.rfind("dmm-n1-anchor-", 0) != 0)
        {
            continue;
        }
        std::istringstream lines(
            Tshark("-r " + entry.path().string() +
                   " -Y 'mip6.mhtype == 253 && frame[48] == 0x1e && ipv6.dst == " + hLma +
                   "' -T fields -e ipv6.src -e mip6.unknown_type_data"));
        for (std::string src, hex; lines >> src >> hex;)
        {
            informs.emplace_back(src, Timestamps(FromHex(hex)));
        }
    }
    ASSERT_EQ(informs.size(), 2u);
    std::map<std::string, double> bound; // each D-LMA's PBA: when it became the location
    for (const auto& s : r.signaling)
    {
        if (s.type == "PBA" && s.timeS > 3.0 && s.timeS < 3.4 && !bound.count(s.src))
        {
            bound[s.src] = s.timeS;
        }
    }
    for (const auto& [src, ts] : informs)
    {
        EXPECT_EQ(ts.count, 1) << src;
        EXPECT_EQ(ts.offset % 8, 2u) << src; // RFC 5213 §8.8: alignment 8n+2
        ASSERT_TRUE(bound.count(src)) << src;
        double at = ns3::MobilityOptions::TimestampToTime(ts.value).GetSeconds();
        EXPECT_NEAR(at, bound.at(src), 1.0 / 65536) << src;
    }
    // Files are per device: order the two by their timestamps and check the sender.
    auto older = informs[0].second.value < informs[1].second.value ? informs[0] : informs[1];
    EXPECT_EQ(names.at(older.first), "n2-anchor"); // older, though it arrives last
}
