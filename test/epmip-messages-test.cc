/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The ePMIP messages of seed 001 (PBQR, PBQA, PBCI, PBCA) and the Previous Location option
// of the PBA: round trips, malformed input rejected, and tshark decoding them as Mobility
// Header traffic with nothing malformed.
#include "command.h"
#include "two-nodes.h"

#include "ns3/binding-change-ack.h"
#include "ns3/binding-change-inform.h"
#include "ns3/binding-query-answer.h"
#include "ns3/binding-query-request.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/proxy-binding-ack.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address MN2("2001:aaaa:2::5");
const HomeNetworkPrefix HNP2 = HomeNetworkPrefix::Make(Ipv6Address("2001:aaaa:2::"), 64);
const Ipv6Address EMAG4("2001:470:4::1");
const Ipv6Address EMAG1("2001:470:1::1");

/// \return the wire octets of \p m
template <typename M>
std::vector<uint8_t>
Bytes(const M& m)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// \return \p m after a trip through a packet
template <typename M>
M
RoundTrip(const M& m)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    EXPECT_EQ(MobilityHeader::Validate(p), MobilityHeader::ParseResult::OK);
    M back;
    p->RemoveHeader(back);
    EXPECT_EQ(back.GetParseResult(), MobilityHeader::ParseResult::OK);
    return back;
}

TEST(EpmipMessages, OneClassPerMessageWithItsSubtypeAndName)
{
    BindingQueryRequest pbqr;
    BindingQueryAnswer pbqa;
    BindingChangeInform pbci;
    BindingChangeAck pbca;
    std::vector<std::pair<EpmipMessage*, std::string>> all{{&pbqr, "PBQR"},
                                                           {&pbqa, "PBQA"},
                                                           {&pbci, "PBCI"},
                                                           {&pbca, "PBCA"}};
    uint8_t sub = DmmSessionHeader::BINDING_QUERY_REQUEST;
    for (auto& [msg, name] : all)
    {
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(*msg);
        EXPECT_EQ(*DmmSessionHeader::PeekSubType(p), sub++);
        EXPECT_EQ(MobilityHeader::GetMessageName(p), name);
        EXPECT_EQ(p->GetSize() % 8, 0u) << name;
    }
    // The numbering agreed between the DMM designs: ePMIP owns subtypes 13-19.
    EXPECT_EQ(DmmSessionHeader::BINDING_QUERY_REQUEST, 13);
    EXPECT_EQ(DmmSessionHeader::BINDING_CHANGE_ACK, 16);
}

TEST(EpmipMessages, QueryAndAnswerRoundTrip)
{
    BindingQueryRequest pbqr;
    pbqr.SetSequence(7);
    pbqr.AddLocation(HomeNetworkPrefix::Make(MN2, 128), Ipv6Address::GetAny());
    BindingQueryRequest q = RoundTrip(pbqr);
    EXPECT_EQ(q.GetSequence(), 7);
    ASSERT_EQ(q.GetLocations().size(), 1u);
    EXPECT_EQ(q.GetLocations()[0].first, HomeNetworkPrefix::Make(MN2, 128));
    EXPECT_EQ(q.GetLocations()[0].second, Ipv6Address::GetAny());

    BindingQueryAnswer pbqa;
    pbqa.SetSequence(7);
    pbqa.AddLocation(HNP2, EMAG4);
    BindingQueryAnswer a = RoundTrip(pbqa);
    EXPECT_EQ(a.GetSequence(), 7);
    EXPECT_FALSE(a.GetRemove());
    ASSERT_EQ(a.GetLocations().size(), 1u);
    EXPECT_EQ(a.GetLocations()[0].first, HNP2);
    EXPECT_EQ(a.GetLocations()[0].second, EMAG4);

    BindingQueryAnswer none;
    none.SetRemove(true);
    EXPECT_TRUE(RoundTrip(none).GetRemove());
}

TEST(EpmipMessages, ChangeInformAndAckCarryEveryLocation)
{
    BindingChangeInform pbci;
    pbci.SetSequence(300);
    pbci.SetMobileNode("mn1");
    pbci.AddLocation(HNP2, EMAG4);
    BindingChangeInform i = RoundTrip(pbci);
    EXPECT_EQ(i.GetSequence(), 300);
    EXPECT_EQ(i.GetMobileNode(), "mn1");
    ASSERT_EQ(i.GetLocations().size(), 1u);
    EXPECT_EQ(i.GetLocations()[0].second, EMAG4);

    BindingChangeAck pbca;
    pbca.SetSequence(300);
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> cns;
    for (int k = 1; k <= 3; ++k)
    {
        std::string a = "2001:aaaa:" + std::to_string(k) + "::9";
        std::string l = "2001:470:" + std::to_string(k) + "::1";
        cns.emplace_back(HomeNetworkPrefix::Make(Ipv6Address(a.c_str()), 128),
                         Ipv6Address(l.c_str()));
        pbca.AddLocation(cns.back().first, cns.back().second);
    }
    BindingChangeAck c = RoundTrip(pbca);
    EXPECT_EQ(c.GetSequence(), 300);
    EXPECT_EQ(c.GetLocations(), cns);
}

TEST(EpmipMessages, PreviousLocationOptionTravelsInAPba)
{
    ProxyBindingAck pba;
    pba.SetStatus(ProxyBindingAck::ACCEPTED);
    pba.GetOptions().AddHomeNetworkPrefix(HNP2.prefix, 64);
    EpmipMessage::SetPreviousLocation(pba.GetOptions(), EMAG1);
    ProxyBindingAck back = RoundTrip(pba);
    EXPECT_EQ(EpmipMessage::GetPreviousLocation(back.GetOptions()), EMAG1);
    EXPECT_EQ(back.GetOptions().GetHomeNetworkPrefixes().size(), 1u);
    // The option is aligned 8n+6 (its address then starts at 8n+2, as the Anchor option's).
    std::vector<uint8_t> b = Bytes(pba);
    size_t at = 0;
    for (size_t k = 12; k + 1 < b.size(); k += (b[k] == 0 ? 1 : 2 + b[k + 1]))
    {
        at = (b[k] == EpmipMessage::PREVIOUS_LOCATION_OPTION) ? k : at;
    }
    ASSERT_NE(at, 0u);
    EXPECT_EQ(at % 8, 6u);
    EXPECT_EQ(b[at + 1], 18);
    EXPECT_FALSE(EpmipMessage::GetPreviousLocation(ProxyBindingAck().GetOptions()).has_value());
}

TEST(EpmipMessages, MalformedLocationOptionsAreRejectedWithoutCrash)
{
    BindingChangeAck pbca;
    pbca.AddLocation(HNP2, EMAG4);
    std::vector<uint8_t> good = Bytes(pbca);
    size_t at = 0;
    for (size_t k = 12; k + 1 < good.size(); k += (good[k] == 0 ? 1 : 2 + good[k + 1]))
    {
        at = (good[k] == EpmipMessage::LOCATION_OPTION) ? k : at;
    }
    ASSERT_NE(at, 0u);
    // A Location option one octet short (the length of a known option is checked) ...
    std::vector<uint8_t> shortLen = good;
    shortLen[at + 1] = 33;
    shortLen[at + 2 + 33] = 0; // the freed octet becomes Pad1
    Ptr<Packet> p = Create<Packet>(shortLen.data(), shortLen.size());
    EXPECT_EQ(MobilityHeader::Validate(p), MobilityHeader::ParseResult::BAD_OPTION);
    BindingChangeAck back;
    p->RemoveHeader(back);
    EXPECT_NE(back.GetParseResult(), MobilityHeader::ParseResult::OK);
    EXPECT_TRUE(back.GetLocations().empty());
    // ... and every truncation is refused.
    for (size_t n = 0; n < good.size(); ++n)
    {
        Ptr<Packet> t = Create<Packet>(good.data(), n);
        EXPECT_NE(MobilityHeader::Validate(t), MobilityHeader::ParseResult::OK) << n;
        BindingChangeAck cut;
        t->RemoveHeader(cut);
    }
}

/// A PBQR/PBQA and PBCI/PBCA exchange and a PBA with the previous location, captured.
class EpmipPcapTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        if (!dmmtest::HaveTshark())
        {
            GTEST_SKIP() << "tshark not installed (Debian package 'tshark')";
        }
        std::string tmpl = (std::filesystem::temp_directory_path() / "dmm-epmip-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        m_dir = tmpl;
    }

    void TearDown() override
    {
        Simulator::Destroy();
        if (!m_dir.empty() && !HasFailure())
        {
            std::error_code ec;
            std::filesystem::remove_all(m_dir, ec);
        }
    }

    std::string m_dir;
};

} // namespace

TEST_F(EpmipPcapTest, TsharkDecodesTheMessagesAsMobilityHeader)
{
    Ipv6Address a;
    Ipv6Address b;
    NodeContainer nodes = dmmtest::TwoNodes(a, b);
    PointToPointHelper p2p;
    p2p.EnablePcap(m_dir + "/epmip", nodes.Get(0)->GetDevice(0));
    Ptr<MobilityL4Protocol> mhA = MobilityL4Protocol::Install(nodes.Get(0));
    MobilityL4Protocol::Install(nodes.Get(1));
    BindingQueryRequest pbqr;
    pbqr.AddLocation(HomeNetworkPrefix::Make(MN2, 128), Ipv6Address::GetAny());
    BindingQueryAnswer pbqa;
    pbqa.AddLocation(HNP2, EMAG4);
    BindingChangeInform pbci;
    pbci.SetMobileNode("mn1");
    pbci.AddLocation(HNP2, EMAG4);
    BindingChangeAck pbca;
    pbca.AddLocation(HomeNetworkPrefix::Make(MN2, 128), EMAG4);
    ProxyBindingAck pba;
    pba.SetStatus(ProxyBindingAck::ACCEPTED);
    EpmipMessage::SetPreviousLocation(pba.GetOptions(), EMAG1);
    std::vector<MobilityHeader*> all{&pbqr, &pbqa, &pbci, &pbca, &pba};
    for (size_t k = 0; k < all.size(); ++k)
    {
        Simulator::Schedule(Seconds(1 + 0.1 * k), [&, k]() { mhA->Send(*all[k], a, b); });
    }
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    Simulator::Destroy();

    std::string file = m_dir + "/epmip-0-0.pcap";
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    std::string types = dmmtest::RunCommand("tshark -r '" + file +
                                            "' -Y mipv6 -T fields -e mip6.mhtype 2>/dev/null");
    EXPECT_EQ(types, "253\n253\n253\n253\n6\n");
    std::string malformed = dmmtest::RunCommand(
        "tshark -r '" + file + "' -Y '_ws.malformed || _ws.expert.severity >= error' 2>/dev/null");
    EXPECT_EQ(malformed, "");
    // The PBA's unknown option is skipped by its length: the options before it still decode.
    std::string status = dmmtest::RunCommand("tshark -r '" + file +
                                             "' -Y 'mip6.mhtype == 6' -T fields -e mip6.ba.status "
                                             "-e mip6.ba.p_flag 2>/dev/null");
    EXPECT_EQ(status.substr(0, 2), "0\t") << status;
}
