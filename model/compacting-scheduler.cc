/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "compacting-scheduler.h"

#include "ns3/event-impl.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

namespace
{
/// Most insertions between two sweeps, in events left by the last one.
constexpr std::size_t kMaxSpacing = 16;
} // namespace

NS_LOG_COMPONENT_DEFINE("CompactingScheduler");
NS_OBJECT_ENSURE_REGISTERED(CompactingScheduler);

TypeId
CompactingScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::CompactingScheduler")
            .SetParent<Scheduler>()
            .SetGroupName("Dmm")
            .AddConstructor<CompactingScheduler>()
            // A floor, so that a nearly empty simulation does not sweep at every insertion.
            .AddAttribute("MinSweep",
                          "Insertions between two sweeps at least (a sweep comes once 1 to 16 "
                          "times as many insertions were made as events were left by the last "
                          "one: more while sweeps find few cancelled events).",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&CompactingScheduler::m_minSweep),
                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

CompactingScheduler::CompactingScheduler()
    : m_minSweep(1024)
{
    NS_LOG_FUNCTION(this);
}

CompactingScheduler::~CompactingScheduler()
{
    NS_LOG_FUNCTION(this);
}

void
CompactingScheduler::Insert(const Scheduler::Event& ev)
{
    bool added = m_events.emplace(ev.key, ev.impl).second;
    NS_ASSERT_MSG(added, "an event inserted twice");
    (void)added;
    if (++m_inserted >= std::max<std::size_t>(m_minSweep, m_heldAfterSweep * m_spacing))
    {
        Sweep();
    }
}

void
CompactingScheduler::Sweep()
{
    m_inserted = 0;
    std::size_t before = m_events.size();
    for (auto it = m_events.begin(); it != m_events.end();)
    {
        if (it->second->IsCancelled())
        {
            // The scheduler holds one reference, given up where the simulator would have
            // after running it.
            it->second->Unref();
            it = m_events.erase(it);
            m_swept++;
        }
        else
        {
            ++it;
        }
    }
    // A sweep walks every event: where few are cancelled (a data-heavy run), sweep less
    // often; where many are, more often again. Garbage stays below m_spacing times the
    // live events.
    std::size_t freed = before - m_events.size();
    if (freed * 8 < before && m_spacing < kMaxSpacing)
    {
        m_spacing *= 2;
    }
    else if (freed * 2 > before && m_spacing > 1)
    {
        m_spacing /= 2;
    }
    m_heldAfterSweep = m_events.size();
    NS_LOG_LOGIC("swept; " << m_events.size() << " events held, " << m_swept << " swept");
}

bool
CompactingScheduler::IsEmpty() const
{
    return m_events.empty();
}

Scheduler::Event
CompactingScheduler::PeekNext() const
{
    NS_ASSERT(!m_events.empty());
    auto first = m_events.begin();
    return Scheduler::Event{first->second, first->first};
}

Scheduler::Event
CompactingScheduler::RemoveNext()
{
    NS_ASSERT(!m_events.empty());
    auto first = m_events.begin();
    Scheduler::Event ev{first->second, first->first};
    m_events.erase(first);
    return ev;
}

void
CompactingScheduler::Remove(const Scheduler::Event& ev)
{
    auto it = m_events.find(ev.key);
    NS_ASSERT(it != m_events.end() && it->second == ev.impl);
    m_events.erase(it);
}

std::size_t
CompactingScheduler::GetSize() const
{
    return m_events.size();
}

uint64_t
CompactingScheduler::GetSwept() const
{
    return m_swept;
}

} // namespace ns3
