/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// InternedName: one handle per distinct name, read back as the name, compared and ordered
// as the strings were; and the attachment record it keeps small.
#include "ns3/interned-name.h"
#include "ns3/scenario-config.h"

#include <gtest/gtest.h>
#include <map>
#include <sstream>

using namespace ns3;
using dmm::InternedName;

TEST(InternedName, EqualNamesShareOneHandleAndReadBackAsTheirText)
{
    std::string built = std::string("mn") + "4711";
    InternedName a("mn4711");
    InternedName b(built);
    InternedName c("mn4712");
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_EQ(a.str(), "mn4711");
    EXPECT_EQ(&a.str(), &b.str()) << "one copy of the text per distinct name";
    const std::string& asString = c;
    EXPECT_EQ(asString, "mn4712");
}

TEST(InternedName, TheDefaultIsTheEmptyName)
{
    InternedName none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, "");
    EXPECT_EQ(none, InternedName(std::string()));
    EXPECT_FALSE(InternedName("wlan0").empty());
}

TEST(InternedName, ComparesWithStringsEitherWayRound)
{
    InternedName n("ar3");
    std::string s = "ar3";
    EXPECT_TRUE(n == s && s == n && n == "ar3" && "ar3" == n);
    EXPECT_TRUE(n != "ar4" && "ar4" != n && n != std::string("ar4"));
}

TEST(InternedName, OrdersByTextNotByWhenItWasFirstSeen)
{
    // "zz-late" interned first gets the smaller handle; the order must still be the text's.
    InternedName late("zz-ordering-late");
    InternedName early("aa-ordering-early");
    EXPECT_TRUE(early < late);
    EXPECT_FALSE(late < early);
    EXPECT_FALSE(early < early);
    std::map<InternedName, int> m{{late, 1}, {early, 2}};
    EXPECT_EQ(m.begin()->first, "aa-ordering-early");
}

TEST(InternedName, PrintsAndFormatsAsItsText)
{
    InternedName n("mag2_7");
    std::ostringstream os;
    os << n;
    EXPECT_EQ(os.str(), "mag2_7");
    EXPECT_EQ(fmt::format("[{}] [{:>8}]", n, n), "[mag2_7] [  mag2_7]");
}

TEST(InternedName, AnAttachmentRecordStaysSmall)
{
    // An hour of moves of 100,000 nodes is 6,000,000 records: 104 bytes each with three
    // std::strings, 24 with handles.
    EXPECT_LE(sizeof(AttachmentConfig), 24u);
    AttachmentConfig a{"mn1", 2.5, "ar2", ""};
    EXPECT_EQ(a.mn, "mn1");
    EXPECT_EQ(a.attach, "ar2");
    EXPECT_TRUE(a.interface.empty());
}
