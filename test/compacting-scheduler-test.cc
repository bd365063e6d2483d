/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// CompactingScheduler: the same order of events as ns-3's MapScheduler, and memory that
// follows the live events when timers are restarted (cancel + schedule) over and over.
#include "ns3/compacting-scheduler.h"
#include "ns3/event-impl.h"
#include "ns3/make-event.h"
#include "ns3/object-factory.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Events scheduled at random times, a third of them cancelled, some scheduling others;
/// \return the order in which they ran, under \p scheduler.
std::vector<int>
RunMix(const std::string& scheduler)
{
    Simulator::SetScheduler(ObjectFactory(scheduler));
    RngSeedManager::SetSeed(7);
    Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
    u->SetStream(1); // the same numbers in both runs
    std::vector<int> ran;
    std::vector<EventId> ids;
    for (int i = 0; i < 5000; ++i)
    {
        // Coarse times: many events share one, so the uid must break ties as in MapScheduler.
        Time at = MilliSeconds(u->GetInteger(0, 200));
        ids.push_back(Simulator::Schedule(at, [&ran, &u, i]() {
            ran.push_back(i);
            if (i % 7 == 0)
            {
                Simulator::Schedule(MilliSeconds(u->GetInteger(0, 20)),
                                    [&ran, i]() { ran.push_back(-i); });
            }
        }));
    }
    for (std::size_t i = 0; i < ids.size(); i += 3)
    {
        ids[i].Cancel();
    }
    Simulator::Run();
    Simulator::Destroy();
    return ran;
}

} // namespace

TEST(CompactingScheduler, RunsEventsInMapSchedulerOrder)
{
    std::vector<int> map = RunMix("ns3::MapScheduler");
    std::vector<int> compacting = RunMix("ns3::CompactingScheduler");
    ASSERT_GT(map.size(), 3000u);
    EXPECT_EQ(map, compacting);
}

// A timer restarted 100,000 times (as a host's prefix lifetime on every router
// advertisement) leaves 100,000 cancelled events in a MapScheduler until their time; here
// they are freed as insertions go on.
TEST(CompactingScheduler, CancelledEventsDoNotAccumulate)
{
    Ptr<CompactingScheduler> s = CreateObject<CompactingScheduler>();
    s->SetAttribute("MinSweep", UintegerValue(100));
    std::vector<EventImpl*> live;
    uint32_t uid = 0;
    auto insert = [&](uint64_t ts) {
        EventImpl* e = MakeEvent([]() {});
        s->Insert(Scheduler::Event{e, Scheduler::EventKey{ts, uid++, 0}});
        return e;
    };
    for (int i = 0; i < 50; ++i)
    {
        live.push_back(insert(1000000 + i));
    }
    std::size_t most = 0;
    for (int round = 0; round < 100000; ++round)
    {
        EventImpl*& timer = live[round % live.size()];
        timer->Cancel(); // the scheduler still holds it
        timer = insert(2000000 + round);
        most = std::max(most, s->GetSize());
    }
    EXPECT_LE(most, 2 * live.size() + 100);
    EXPECT_GE(s->GetSwept(), 100000u - 2 * live.size() - 100);
    // What is left runs in time order, and only the live events.
    std::size_t left = 0;
    uint64_t last = 0;
    while (!s->IsEmpty())
    {
        Scheduler::Event e = s->RemoveNext();
        EXPECT_GE(e.key.m_ts, last);
        last = e.key.m_ts;
        left += e.impl->IsCancelled() ? 0 : 1;
        e.impl->Unref();
    }
    EXPECT_EQ(left, live.size());
}
