/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_PROGRESS_REPORTER_H
#define DMM_PROGRESS_REPORTER_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Prints a progress line on stderr during long runs:
 * `[dmm] sim 12.40/20.00 s (62%)  1.3e6 events/s  ETA 4 s`.
 *
 * It wakes up every Step of simulated time and prints at most once per WallInterval of wall
 * time, and only once the run has lasted longer than QuietWall, so short runs stay silent.
 */
class ProgressReporter : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ProgressReporter();
    ~ProgressReporter() override;

    /**
     * \brief Start reporting; the run is expected to end \p duration from now.
     * \param duration simulated time still to run
     */
    void Start(Time duration);

    /// \brief Stop reporting (cancels the pending wake-up).
    void Stop();

    /**
     * \brief Send the progress lines to \p os instead of std::cerr.
     * \param os stream, must outlive the reporter
     */
    void SetStream(std::ostream* os);

    /// \returns the number of simulator events executed so far
    static uint64_t GetEvents();

    /// \returns the number of lines printed so far
    uint32_t GetLinesPrinted() const;

    /**
     * \brief Format one progress line (without newline).
     * \param nowS simulated time now, s
     * \param endS simulated end time, s
     * \param eventsPerS recent event rate, events per wall second
     * \param etaS estimated wall seconds to the end
     * \returns the line
     */
    static std::string FormatLine(double nowS, double endS, double eventsPerS, double etaS);

  protected:
    void DoDispose() override;

  private:
    using Clock = std::chrono::steady_clock;

    /// Periodic wake-up in simulated time.
    void Tick();

    Time m_step;                   //!< simulated time between wake-ups
    double m_wallInterval;         //!< minimum wall seconds between lines
    double m_quietWall;            //!< no line before the run has lasted this many wall seconds
    std::ostream* m_os;            //!< output stream
    EventId m_event;               //!< pending wake-up
    Time m_simStart;               //!< simulated time at Start()
    Time m_simEnd;                 //!< expected simulated end time
    Clock::time_point m_wallStart; //!< wall time at Start()
    Clock::time_point m_lastWall;  //!< wall time of the last line (or Start())
    uint64_t m_lastEvents;         //!< event count at m_lastWall
    uint32_t m_lines;              //!< lines printed
};

} // namespace ns3

#endif /* DMM_PROGRESS_REPORTER_H */
