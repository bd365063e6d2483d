/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Progress line: its format, the event counter, and that it never extends a run.
#include "ns3/double.h"
#include "ns3/progress-reporter.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace ns3;

TEST(ProgressReporter, LineFormat)
{
    EXPECT_EQ(ProgressReporter::FormatLine(12.4, 20.0, 1.3e6, 4.2),
              "[dmm] sim 12.40/20.00 s (62%)  1.3e6 events/s  ETA 4 s");
    EXPECT_EQ(ProgressReporter::FormatLine(1, 4, 750, 100),
              "[dmm] sim 1.00/4.00 s (25%)  750 events/s  ETA 100 s");
    // 9.96e6 must not print as 10.0e6.
    EXPECT_EQ(ProgressReporter::FormatLine(1, 2, 9.96e6, 1),
              "[dmm] sim 1.00/2.00 s (50%)  1.0e7 events/s  ETA 1 s");
    EXPECT_EQ(ProgressReporter::FormatLine(0, 2, 0, std::nan("")),
              "[dmm] sim 0.00/2.00 s (0%)  0 events/s  ETA ?");
}

TEST(ProgressReporter, CountsEventsAndStopsAtTheEnd)
{
    Ptr<ProgressReporter> reporter = CreateObject<ProgressReporter>();
    std::ostringstream os;
    reporter->SetStream(&os);
    uint64_t before = ProgressReporter::GetEvents();
    int fired = 0;
    for (int i = 1; i <= 10; ++i)
    {
        Simulator::Schedule(MilliSeconds(i), [&fired]() { ++fired; });
    }
    reporter->Start(Seconds(1));
    Simulator::Run(); // returns only if the reporter stops rescheduling itself
    EXPECT_EQ(fired, 10);
    EXPECT_LE(Simulator::Now(), Seconds(1));
    EXPECT_GE(Simulator::Now(), MilliSeconds(900));
    // 10 events plus about 10 wake-ups (every 100 ms)
    EXPECT_GE(ProgressReporter::GetEvents() - before, 19u);
    // A run this short stays silent.
    EXPECT_EQ(reporter->GetLinesPrinted(), 0u);
    EXPECT_TRUE(os.str().empty());
    reporter->Dispose();
    Simulator::Destroy();
}

TEST(ProgressReporter, PrintsDuringLongRuns)
{
    Ptr<ProgressReporter> reporter = CreateObject<ProgressReporter>();
    reporter->SetAttribute("QuietWall", DoubleValue(0.0));
    reporter->SetAttribute("WallInterval", DoubleValue(0.0));
    std::ostringstream os;
    reporter->SetStream(&os);
    reporter->Start(Seconds(1));
    Simulator::Run();
    EXPECT_GT(reporter->GetLinesPrinted(), 0u);
    EXPECT_EQ(os.str().rfind("[dmm] sim 0.10/1.00 s (10%)", 0), 0u) << os.str();
    reporter->Dispose();
    Simulator::Destroy();
}
