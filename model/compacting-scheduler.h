/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_COMPACTING_SCHEDULER_H
#define DMM_COMPACTING_SCHEDULER_H

#include "ns3/scheduler.h"

#include <cstdint>
#include <map>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief An event scheduler, ordered as ns-3's MapScheduler, that frees cancelled events
 * instead of keeping them until their time.
 *
 * ns-3 cancels an event by marking it (EventId::Cancel, Timer::Cancel): the event stays in
 * the scheduler until its time comes. Timers restarted on every message therefore leave one
 * dead event each behind for as long as they were set: an IPv6 host restarts its prefix's
 * preferred-lifetime timer (RFC 4861 default 7 days) on every router advertisement, so a
 * simulation of moving nodes grew by one event per advertisement received. This scheduler
 * sweeps cancelled events out once 1 to 16 times as many events were inserted since the last
 * sweep as that sweep left (amortised O(1) per insertion): the spacing doubles while sweeps
 * find few cancelled events (a sweep walks every event) and halves while they find many, so
 * the dead events held stay within a small multiple of the live ones.
 *
 * Events run in the same order and at the same times as under MapScheduler; only the
 * simulator's event count (Simulator::GetEventCount) changes, which counts a cancelled event
 * when its time is reached and never counts one that was swept out.
 */
class CompactingScheduler : public Scheduler
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    CompactingScheduler();
    ~CompactingScheduler() override;

    void Insert(const Scheduler::Event& ev) override;
    bool IsEmpty() const override;
    Scheduler::Event PeekNext() const override;
    Scheduler::Event RemoveNext() override;
    void Remove(const Scheduler::Event& ev) override;

    /// \return events held now (live, and cancelled ones not yet swept)
    std::size_t GetSize() const;
    /// \return cancelled events swept out so far
    uint64_t GetSwept() const;

  private:
    /// Free every cancelled event held.
    void Sweep();

    std::map<Scheduler::EventKey, EventImpl*> m_events; //!< by time, then uid
    std::size_t m_inserted{0};                          //!< insertions since the last sweep
    std::size_t m_heldAfterSweep{0};                    //!< events the last sweep left
    std::size_t m_spacing{1};                           //!< sweep interval, in m_heldAfterSweep
    uint32_t m_minSweep;                                //!< attribute MinSweep
    uint64_t m_swept{0};                                //!< GetSwept
};

} // namespace ns3

#endif // DMM_COMPACTING_SCHEDULER_H
