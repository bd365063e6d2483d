/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/progress-reporter.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <cmath>
#include <fmt/format.h>
#include <iostream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProgressReporter");

NS_OBJECT_ENSURE_REGISTERED(ProgressReporter);

TypeId
ProgressReporter::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ProgressReporter")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<ProgressReporter>()
            .AddAttribute("Step",
                          "Simulated time between checks of the wall clock.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&ProgressReporter::m_step),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("WallInterval",
                          "Minimum wall-clock seconds between two progress lines.",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&ProgressReporter::m_wallInterval),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("QuietWall",
                          "No progress line before the run has lasted this many wall seconds.",
                          DoubleValue(2.0),
                          MakeDoubleAccessor(&ProgressReporter::m_quietWall),
                          MakeDoubleChecker<double>(0.0));
    return tid;
}

ProgressReporter::ProgressReporter()
    : m_step(MilliSeconds(100)),
      m_wallInterval(2.0),
      m_quietWall(2.0),
      m_os(&std::cerr),
      m_lastEvents(0),
      m_lines(0)
{
    NS_LOG_FUNCTION(this);
}

ProgressReporter::~ProgressReporter()
{
    NS_LOG_FUNCTION(this);
}

void
ProgressReporter::DoDispose()
{
    Stop();
    Object::DoDispose();
}

void
ProgressReporter::SetStream(std::ostream* os)
{
    m_os = os;
}

void
ProgressReporter::Start(Time duration)
{
    NS_LOG_FUNCTION(this << duration);
    Stop();
    m_simStart = Simulator::Now();
    m_simEnd = m_simStart + duration;
    m_wallStart = Clock::now();
    m_lastWall = m_wallStart;
    m_lastEvents = GetEvents();
    m_event = Simulator::Schedule(m_step, &ProgressReporter::Tick, this);
}

void
ProgressReporter::Stop()
{
    Simulator::Cancel(m_event);
}

uint64_t
ProgressReporter::GetEvents()
{
    return Simulator::GetEventCount();
}

uint32_t
ProgressReporter::GetLinesPrinted() const
{
    return m_lines;
}

void
ProgressReporter::Tick()
{
    auto wall = Clock::now();
    double elapsed = std::chrono::duration<double>(wall - m_wallStart).count();
    double sinceLine = std::chrono::duration<double>(wall - m_lastWall).count();
    if (elapsed > m_quietWall && sinceLine >= m_wallInterval && m_os != nullptr)
    {
        uint64_t events = GetEvents();
        double rate = sinceLine > 0 ? (events - m_lastEvents) / sinceLine : 0.0;
        double done = (Simulator::Now() - m_simStart).GetSeconds();
        double left = (m_simEnd - Simulator::Now()).GetSeconds();
        double eta = done > 0 ? elapsed * left / done : NAN;
        *m_os << FormatLine(Simulator::Now().GetSeconds(), m_simEnd.GetSeconds(), rate, eta)
              << std::endl;
        ++m_lines;
        m_lastWall = wall;
        m_lastEvents = events;
    }
    // Never schedule past the end: a pending wake-up would keep Simulator::Run() going.
    if (Simulator::Now() + m_step < m_simEnd)
    {
        m_event = Simulator::Schedule(m_step, &ProgressReporter::Tick, this);
    }
}

std::string
ProgressReporter::FormatLine(double nowS, double endS, double eventsPerS, double etaS)
{
    double percent = endS > 0 ? 100.0 * nowS / endS : 100.0;
    std::string rate;
    if (!std::isfinite(eventsPerS) || eventsPerS < 0)
    {
        rate = "?";
    }
    else if (eventsPerS < 1000)
    {
        rate = fmt::format("{:.0f}", eventsPerS);
    }
    else
    {
        int exponent = static_cast<int>(std::floor(std::log10(eventsPerS)));
        double mantissa = eventsPerS / std::pow(10.0, exponent);
        if (std::round(mantissa * 10) >= 100) // 9.96e6 rounds to 10.0e6
        {
            mantissa /= 10;
            ++exponent;
        }
        rate = fmt::format("{:.1f}e{}", mantissa, exponent);
    }
    std::string eta = std::isfinite(etaS) ? fmt::format("{:.0f} s", std::max(0.0, etaS)) : "?";
    return fmt::format("[dmm] sim {:.2f}/{:.2f} s ({:.0f}%)  {} events/s  ETA {}",
                       nowS,
                       endS,
                       percent,
                       rate,
                       eta);
}

} // namespace ns3
