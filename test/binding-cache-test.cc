/*
 * dmm: IP mobility management for ns-3.
 *
 * Unit tests of BindingCache (RFC 5213 §5.3 LMA processing, RFC 6275 §9.5.1 ordering).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/binding-cache.h"
#include "ns3/core-module.h"

#include <gtest/gtest.h>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address kMag1("2001:100::1");
const Ipv6Address kMag2("2001:200::1");

HomeNetworkPrefix
Hnp(const char* address, uint8_t length = 64)
{
    HomeNetworkPrefix p;
    p.prefix = Ipv6Address(address);
    p.length = length;
    return p;
}

/// A complete PBU as a MAG sends it now: all mandatory options, timestamp = local clock.
BindingRequest
Pbu(const std::string& mn, HomeNetworkPrefix hnp, Ipv6Address mag, Time lifetime, uint16_t seq = 1)
{
    BindingRequest r;
    r.mnId = mn;
    r.prefixes = {hnp};
    r.careOf = mag;
    r.lifetime = lifetime;
    r.sequence = seq;
    r.timestamp = TimeToPmipTimestamp(Simulator::Now());
    r.handoffIndicator = 1; // attachment over a new interface
    r.accessTechnology = 3; // IEEE 802.3
    return r;
}

/// Records every trace of a cache, with the time it fired.
struct Recorder
{
    std::vector<std::pair<Time, Ipv6Address>> updated; //!< time, previous care-of
    std::vector<std::pair<Time, LocationManagement::RemovalCause>> removed;

    void Connect(Ptr<BindingCache> bc)
    {
        bc->TraceConnectWithoutContext("BindingUpdated", MakeCallback(&Recorder::OnUpdated, this));
        bc->TraceConnectWithoutContext("BindingRemoved", MakeCallback(&Recorder::OnRemoved, this));
    }

    void OnUpdated(const BindingCacheEntry&, Ipv6Address previous)
    {
        updated.emplace_back(Simulator::Now(), previous);
    }

    void OnRemoved(const BindingCacheEntry&, LocationManagement::RemovalCause cause)
    {
        removed.emplace_back(Simulator::Now(), cause);
    }
};

class BindingCacheTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        bc = CreateObject<BindingCache>();
        rec.Connect(bc);
    }

    void TearDown() override
    {
        bc->Dispose();
        Simulator::Destroy();
    }

    /// Run \p f at absolute time \p t.
    template <typename F>
    void At(Time t, F f)
    {
        Simulator::Schedule(t - Simulator::Now(), f);
    }

    /// Run \p f at \p t and store whether mn1 is in the cache into \p present.
    void PresentAt(Time t, bool* present, const std::string& mn = "mn1")
    {
        At(t, [this, present, mn]() { *present = bc->Lookup(mn) != nullptr; });
    }

    Ptr<BindingCache> bc;
    Recorder rec;
};

} // namespace

TEST(BindingStatusCodes, MatchTheIanaRegistry)
{
    // RFC 6275 §6.1.8
    EXPECT_EQ(static_cast<int>(BindingStatus::INSUFFICIENT_RESOURCES), 130);
    EXPECT_EQ(static_cast<int>(BindingStatus::NOT_HOME_AGENT_FOR_THIS_MN), 133);
    EXPECT_EQ(static_cast<int>(BindingStatus::SEQUENCE_OUT_OF_WINDOW), 135);
    // RFC 5213 §8.9
    EXPECT_EQ(static_cast<int>(BindingStatus::PROXY_REG_NOT_ENABLED), 152);
    EXPECT_EQ(static_cast<int>(BindingStatus::NOT_LMA_FOR_THIS_MN), 153);
    EXPECT_EQ(static_cast<int>(BindingStatus::MAG_NOT_AUTHORIZED_FOR_PROXY_REG), 154);
    EXPECT_EQ(static_cast<int>(BindingStatus::NOT_AUTHORIZED_FOR_HNP), 155);
    EXPECT_EQ(static_cast<int>(BindingStatus::TIMESTAMP_MISMATCH), 156);
    EXPECT_EQ(static_cast<int>(BindingStatus::TIMESTAMP_LOWER_THAN_PREV), 157);
    EXPECT_EQ(static_cast<int>(BindingStatus::MISSING_HNP_OPTION), 158);
    EXPECT_EQ(static_cast<int>(BindingStatus::BCE_PBU_PREFIX_SET_MISMATCH), 159);
    EXPECT_EQ(static_cast<int>(BindingStatus::MISSING_MN_ID_OPTION), 160);
    EXPECT_EQ(static_cast<int>(BindingStatus::MISSING_HI_OPTION), 161);
    EXPECT_EQ(static_cast<int>(BindingStatus::MISSING_ATT_OPTION), 162);
    EXPECT_TRUE(IsBindingAccepted(BindingStatus::ACCEPTED));
    EXPECT_FALSE(IsBindingAccepted(BindingStatus::REASON_UNSPECIFIED));
    EXPECT_EQ(BindingStatusName(BindingStatus::BCE_PBU_PREFIX_SET_MISMATCH),
              "BCE_PBU_PREFIX_SET_DO_NOT_MATCH");
}

TEST(SequenceNumbers, ModuloTwoToTheSixteenOrdering)
{
    EXPECT_TRUE(BindingCache::IsSequenceNewer(0, 65535));  // wrap-around
    EXPECT_FALSE(BindingCache::IsSequenceNewer(40000, 0)); // 40000 - 0 >= 2^15: older
    EXPECT_TRUE(BindingCache::IsSequenceNewer(1, 0));
    EXPECT_FALSE(BindingCache::IsSequenceNewer(7, 7));     // equal is not newer
    EXPECT_TRUE(BindingCache::IsSequenceNewer(32767, 0));  // 2^15 - 1 ahead
    EXPECT_FALSE(BindingCache::IsSequenceNewer(32768, 0)); // exactly 2^15 ahead
    EXPECT_FALSE(BindingCache::IsSequenceNewer(65535, 0));
    EXPECT_TRUE(IsSequenceNewer(10, 65530));
}

TEST(PmipTimestamp, RoundTripsToOneOver65536Second)
{
    EXPECT_EQ(TimeToPmipTimestamp(Seconds(3)), uint64_t{3} << 16);
    EXPECT_EQ(TimeToPmipTimestamp(MilliSeconds(1500)), (uint64_t{1} << 16) | 0x8000);
    Time t = NanoSeconds(123456789012LL);
    Time back = PmipTimestampToTime(TimeToPmipTimestamp(t));
    EXPECT_LE(Abs(back - t), NanoSeconds(15259)); // 1/65536 s
    EXPECT_LT(TimeToPmipTimestamp(MilliSeconds(100)), TimeToPmipTimestamp(MilliSeconds(101)));
}

TEST_F(BindingCacheTest, RegistrationCreatesAnActiveEntry)
{
    BindingResult r;
    At(Seconds(1),
       [&]() { r = bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(100), 7)); });
    Simulator::Run();
    EXPECT_EQ(r.status, BindingStatus::ACCEPTED);
    EXPECT_EQ(r.lifetime, Seconds(100));
    EXPECT_EQ(r.sequence, 7);
    ASSERT_EQ(rec.updated.size(), 1U);
    EXPECT_EQ(rec.updated[0].first, Seconds(1));
    EXPECT_EQ(rec.updated[0].second, Ipv6Address::GetAny());
    EXPECT_EQ(bc->GetStats().accepted, 1U);
    EXPECT_EQ(bc->GetStats().rejected, 0U);
}

TEST_F(BindingCacheTest, EntryFieldsReflectTheRequestAndLifetimeIsCapped)
{
    bc->SetAttribute("MaxLifetime", TimeValue(Seconds(50)));
    BindingResult r;
    BindingCacheEntry e;
    At(Seconds(1), [&]() {
        r = bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(100)));
        e = *bc->Lookup("mn1");
    });
    Simulator::Run();
    EXPECT_EQ(r.lifetime, Seconds(50));
    EXPECT_EQ(e.careOf, kMag1);
    EXPECT_EQ(e.registeredAt, Seconds(1));
    EXPECT_EQ(e.expiresAt, Seconds(51));
    EXPECT_EQ(e.state, BindingCacheEntry::State::ACTIVE);
    EXPECT_EQ(e.prefixes, std::vector<HomeNetworkPrefix>{Hnp("2001:1:0:1::")});
    EXPECT_EQ(e.accessTechnology, 3);
    ASSERT_EQ(rec.removed.size(), 1U);
    EXPECT_EQ(rec.removed[0].first, Seconds(51));
}

TEST_F(BindingCacheTest, ExpiresAtExactlyRegisteredAtPlusLifetime)
{
    bool before = false;
    bool after = true;
    At(Seconds(1), [&]() { bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(10))); });
    PresentAt(Seconds(11) - NanoSeconds(1), &before);
    PresentAt(Seconds(11) + NanoSeconds(1), &after);
    Simulator::Run();
    EXPECT_TRUE(before);
    EXPECT_FALSE(after);
    ASSERT_EQ(rec.removed.size(), 1U);
    EXPECT_EQ(rec.removed[0].first, Seconds(11));
    EXPECT_EQ(rec.removed[0].second, LocationManagement::EXPIRED);
    EXPECT_EQ(bc->GetStats().expired, 1U);
}

TEST_F(BindingCacheTest, RefreshExtendsTheExpiry)
{
    bool afterOriginalEnd = false;
    bool beforeNewEnd = false;
    bool afterNewEnd = true;
    BindingResult refresh;
    At(Seconds(1), [&]() { bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(10), 1)); });
    At(Seconds(8),
       [&]() { refresh = bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(10), 2)); });
    PresentAt(Seconds(11) + NanoSeconds(1), &afterOriginalEnd);
    PresentAt(Seconds(18) - NanoSeconds(1), &beforeNewEnd);
    PresentAt(Seconds(18) + NanoSeconds(1), &afterNewEnd);
    Simulator::Run();
    EXPECT_EQ(refresh.status, BindingStatus::ACCEPTED);
    EXPECT_TRUE(afterOriginalEnd);
    EXPECT_TRUE(beforeNewEnd);
    EXPECT_FALSE(afterNewEnd);
    EXPECT_EQ(bc->GetStats().accepted, 1U);
    EXPECT_EQ(bc->GetStats().refreshed, 1U);
    ASSERT_EQ(rec.removed.size(), 1U); // the cancelled first expiry did not fire
    EXPECT_EQ(rec.removed[0].first, Seconds(18));
    ASSERT_EQ(rec.updated.size(), 2U);
    EXPECT_EQ(rec.updated[1].second, kMag1); // a refresh reports the unchanged locator
}

TEST_F(BindingCacheTest, DeregistrationDeletesAfterMinDelayBeforeBceDelete)
{
    BindingResult dereg;
    BindingCacheEntry::State stateDuringDelay = BindingCacheEntry::State::ACTIVE;
    bool before = false;
    bool after = true;
    At(Seconds(1), [&]() { bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(100))); });
    At(Seconds(5),
       [&]() { dereg = bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(0))); });
    At(Seconds(6), [&]() { stateDuringDelay = bc->Lookup("mn1")->state; });
    PresentAt(Seconds(15) - NanoSeconds(1), &before); // default delay 10000 ms
    PresentAt(Seconds(15) + NanoSeconds(1), &after);
    Simulator::Run();
    EXPECT_EQ(dereg.status, BindingStatus::ACCEPTED);
    EXPECT_EQ(dereg.lifetime, Seconds(0));
    EXPECT_EQ(stateDuringDelay, BindingCacheEntry::State::DEREGISTERING);
    EXPECT_TRUE(before);
    EXPECT_FALSE(after);
    ASSERT_EQ(rec.removed.size(), 1U); // the lifetime expiry at 101 s was cancelled
    EXPECT_EQ(rec.removed[0].first, Seconds(15));
    EXPECT_EQ(rec.removed[0].second, LocationManagement::DEREGISTERED);
    EXPECT_EQ(bc->GetStats().deregistered, 1U);
    EXPECT_EQ(bc->GetStats().expired, 0U);
}

TEST_F(BindingCacheTest, RegistrationFromNewMagDuringTheDelayKeepsTheEntry)
{
    BindingResult handover;
    bool laterPresent = false;
    BindingCacheEntry later;
    At(Seconds(1), [&]() { bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(100))); });
    At(Seconds(5), [&]() { bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(0))); });
    At(Seconds(6), [&]() {
        auto pbu = Pbu("mn1", Hnp("2001:1:0:1::"), kMag2, Seconds(100));
        pbu.handoffIndicator = 3; // handoff between MAGs for the same interface
        handover = bc->Update(pbu);
    });
    At(Seconds(20), [&]() {
        laterPresent = bc->Lookup("mn1") != nullptr;
        if (laterPresent)
        {
            later = *bc->Lookup("mn1");
        }
    });
    Simulator::Run();
    EXPECT_EQ(handover.status, BindingStatus::ACCEPTED);
    ASSERT_TRUE(laterPresent);
    EXPECT_EQ(later.careOf, kMag2);
    EXPECT_EQ(later.state, BindingCacheEntry::State::ACTIVE);
    EXPECT_EQ(later.expiresAt, Seconds(106));
    ASSERT_EQ(rec.removed.size(), 1U); // only the final expiry at 106 s
    EXPECT_EQ(rec.removed[0].first, Seconds(106));
    EXPECT_EQ(rec.updated.back().second, kMag1);
    EXPECT_EQ(bc->GetStats().reactivated, 1U);
    EXPECT_EQ(bc->GetStats().deregistered, 0U);
}

TEST_F(BindingCacheTest, DeregistrationFromAStaleProxyCoaChangesNothing)
{
    BindingResult stale;
    BindingCacheEntry before;
    BindingCacheEntry after;
    bool presentLater = false;
    At(Seconds(1), [&]() { bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(100))); });
    At(Seconds(2), [&]() {
        bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag2, Seconds(100)));
        before = *bc->Lookup("mn1");
    });
    At(Seconds(3), [&]() {
        stale = bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(0)));
        after = *bc->Lookup("mn1");
    });
    PresentAt(Seconds(30), &presentLater);
    Simulator::Run();
    EXPECT_EQ(stale.status, BindingStatus::ACCEPTED);
    EXPECT_EQ(stale.lifetime, Seconds(0));
    EXPECT_EQ(after.careOf, kMag2);
    EXPECT_EQ(after.state, BindingCacheEntry::State::ACTIVE);
    EXPECT_EQ(after.expiresAt, before.expiresAt);
    EXPECT_EQ(after.lastTimestamp, before.lastTimestamp);
    EXPECT_TRUE(presentLater);
    EXPECT_EQ(bc->GetStats().staleDeregistrations, 1U);
    EXPECT_EQ(rec.updated.size(), 2U); // nothing traced for the ignored request
}

TEST_F(BindingCacheTest, SequenceNumberOrderingWithWrapAround)
{
    bc->SetAttribute("UseTimestamps", BooleanValue(false));
    const auto hnp = Hnp("2001:1:0:1::");
    BindingResult r1;
    BindingResult r2;
    BindingResult r3;
    BindingResult r4;
    At(Seconds(1), [&]() {
        auto pbu = Pbu("mn1", hnp, kMag1, Seconds(100), 65535);
        pbu.timestamp.reset(); // not needed with sequence numbers
        r1 = bc->Update(pbu);
        r2 = bc->Update(Pbu("mn1", hnp, kMag1, Seconds(100), 0));     // 65535 -> 0: newer
        r3 = bc->Update(Pbu("mn1", hnp, kMag1, Seconds(100), 40000)); // 0 -> 40000: older
        r4 = bc->Update(Pbu("mn1", hnp, kMag1, Seconds(100), 0));     // equal: not newer
    });
    Simulator::Run();
    EXPECT_EQ(r1.status, BindingStatus::ACCEPTED);
    EXPECT_EQ(r2.status, BindingStatus::ACCEPTED);
    EXPECT_EQ(r3.status, BindingStatus::SEQUENCE_OUT_OF_WINDOW);
    EXPECT_EQ(r3.sequence, 0); // echoes the last accepted sequence number
    EXPECT_EQ(r4.status, BindingStatus::SEQUENCE_OUT_OF_WINDOW);
    EXPECT_EQ(bc->GetStats().rejectedByStatus.at(BindingStatus::SEQUENCE_OUT_OF_WINDOW), 2U);
}

TEST_F(BindingCacheTest, OlderTimestampsAreRejected)
{
    const auto hnp = Hnp("2001:1:0:1::");
    BindingResult older;
    BindingResult tooOld;
    BindingResult missing;
    BindingResult newer;
    Ipv6Address careOfAfterRejects;
    At(Seconds(2), [&]() { bc->Update(Pbu("mn1", hnp, kMag1, Seconds(100))); });
    At(Seconds(2.1), [&]() {
        auto pbu = Pbu("mn1", hnp, kMag2, Seconds(100));
        pbu.timestamp = TimeToPmipTimestamp(Seconds(1.9)); // in the window, older than 2 s
        older = bc->Update(pbu);
        pbu.timestamp = TimeToPmipTimestamp(Seconds(1.7)); // outside the 300 ms window
        tooOld = bc->Update(pbu);
        pbu.timestamp.reset();
        missing = bc->Update(pbu);
        careOfAfterRejects = bc->Lookup("mn1")->careOf;
        newer = bc->Update(Pbu("mn1", hnp, kMag2, Seconds(100)));
    });
    Simulator::Run();
    EXPECT_EQ(older.status, BindingStatus::TIMESTAMP_LOWER_THAN_PREV);
    EXPECT_EQ(tooOld.status, BindingStatus::TIMESTAMP_MISMATCH);
    EXPECT_EQ(missing.status, BindingStatus::TIMESTAMP_MISMATCH);
    EXPECT_EQ(careOfAfterRejects, kMag1);
    EXPECT_EQ(newer.status, BindingStatus::ACCEPTED);
    EXPECT_EQ(bc->GetStats().rejected, 3U);
}

TEST_F(BindingCacheTest, LookupByAddressUsesTheLongestPrefix)
{
    const BindingCacheEntry* inMn2 = nullptr;
    const BindingCacheEntry* outside = nullptr;
    std::string coveredByAggregate;
    std::string mn2Address;
    std::string afterMn2Expired;
    At(Seconds(1), [&]() {
        bc->Update(Pbu("mn1", Hnp("2001:1:0:1::"), kMag1, Seconds(100)));
        bc->Update(Pbu("mn2", Hnp("2001:1:0:2::"), kMag2, Seconds(10)));
        inMn2 = bc->LookupByAddress(Ipv6Address("2001:1:0:2::abcd"));
        outside = bc->LookupByAddress(Ipv6Address("2001:1:0:3::1"));
        bc->Update(Pbu("mn3", Hnp("2001:1::", 48), kMag2, Seconds(100)));
        coveredByAggregate = bc->LookupByAddress(Ipv6Address("2001:1:0:3::1"))->mnId;
        mn2Address = bc->LookupByAddress(Ipv6Address("2001:1:0:2::1"))->mnId;
    });
    At(Seconds(12),
       [&]() { afterMn2Expired = bc->LookupByAddress(Ipv6Address("2001:1:0:2::1"))->mnId; });
    Simulator::Run();
    ASSERT_NE(inMn2, nullptr);
    EXPECT_EQ(outside, nullptr);
    EXPECT_EQ(coveredByAggregate, "mn3");
    EXPECT_EQ(mn2Address, "mn2");
    EXPECT_EQ(afterMn2Expired, "mn3");
}

TEST_F(BindingCacheTest, MissingOptionsAndPrefixConflictsAreRejected)
{
    const auto p1 = Hnp("2001:1:0:1::");
    const auto p2 = Hnp("2001:1:0:2::");
    std::vector<BindingStatus> s;
    std::size_t size = 0;
    const BindingCacheEntry* mn2 = nullptr;
    std::vector<HomeNetworkPrefix> mn1Prefixes;
    At(Seconds(1), [&]() {
        auto pbu = Pbu("", p1, kMag1, Seconds(100));
        s.push_back(bc->Update(pbu).status);
        pbu = Pbu("mn1", p1, kMag1, Seconds(100));
        pbu.prefixes.clear();
        s.push_back(bc->Update(pbu).status);
        pbu = Pbu("mn1", p1, kMag1, Seconds(100));
        pbu.handoffIndicator = 0;
        s.push_back(bc->Update(pbu).status);
        pbu = Pbu("mn1", p1, kMag1, Seconds(100));
        pbu.accessTechnology = 0;
        s.push_back(bc->Update(pbu).status);
        s.push_back(bc->Update(Pbu("mn1", p1, kMag1, Seconds(0))).status); // nothing to remove
        s.push_back(bc->Update(Pbu("mn1", p1, kMag1, Seconds(100))).status);
        pbu = Pbu("mn1", p1, kMag1, Seconds(100));
        pbu.prefixes.push_back(p2); // the entry has {p1}
        s.push_back(bc->Update(pbu).status);
        s.push_back(bc->Update(Pbu("mn2", p1, kMag2, Seconds(100))).status); // mn1's prefix
        size = bc->GetSize();
        mn2 = bc->Lookup("mn2");
        mn1Prefixes = bc->Lookup("mn1")->prefixes;
    });
    Simulator::Run();
    const std::vector<BindingStatus> expected{
        BindingStatus::MISSING_MN_ID_OPTION,
        BindingStatus::MISSING_HNP_OPTION,
        BindingStatus::MISSING_HI_OPTION,
        BindingStatus::MISSING_ATT_OPTION,
        BindingStatus::NOT_LMA_FOR_THIS_MN,
        BindingStatus::ACCEPTED,
        BindingStatus::BCE_PBU_PREFIX_SET_MISMATCH,
        BindingStatus::NOT_AUTHORIZED_FOR_HNP,
    };
    EXPECT_EQ(s, expected);
    EXPECT_EQ(bc->GetStats().rejected, 7U);
    EXPECT_EQ(size, 1U);
    EXPECT_EQ(mn2, nullptr);
    EXPECT_EQ(mn1Prefixes, std::vector<HomeNetworkPrefix>{p1});
}

TEST_F(BindingCacheTest, HomeAgentModeDeletesAtOnceAndNeedsNoProxyOptions)
{
    bc->SetAttribute("ProxyRegistration", BooleanValue(false));
    BindingResult reg;
    BindingResult dereg;
    bool presentAfterDereg = true;
    At(Seconds(1), [&]() {
        BindingRequest bu;
        bu.mnId = "2001:1::99";
        bu.prefixes = {Hnp("2001:1::99", 128)};
        bu.careOf = Ipv6Address("2001:300::5");
        bu.lifetime = Seconds(60);
        bu.sequence = 10;
        reg = bc->Update(bu);
        bu.lifetime = Seconds(0);
        bu.careOf = Ipv6Address("2001:1::99"); // back home
        bu.sequence = 11;
        dereg = bc->Update(bu);
        presentAfterDereg = bc->Lookup("2001:1::99") != nullptr;
    });
    Simulator::Run();
    EXPECT_EQ(reg.status, BindingStatus::ACCEPTED);
    EXPECT_EQ(dereg.status, BindingStatus::ACCEPTED);
    EXPECT_FALSE(presentAfterDereg);
    ASSERT_EQ(rec.removed.size(), 1U);
    EXPECT_EQ(rec.removed[0].second, LocationManagement::DEREGISTERED);
}

TEST_F(BindingCacheTest, TypeIdCreatesTheModeByName)
{
    ObjectFactory f;
    f.SetTypeId("ns3::BindingCache");
    f.Set("MinDelayBeforeBceDelete", TimeValue(Seconds(1)));
    Ptr<LocationManagement> lm = f.Create<LocationManagement>();
    ASSERT_TRUE(lm);
    EXPECT_TRUE(lm->GetEntries().empty());
}
