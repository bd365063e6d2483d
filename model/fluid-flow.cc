/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "fluid-flow.h"

#include "ns3/address.h"
#include "ns3/data-rate.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FluidFlow");
NS_OBJECT_ENSURE_REGISTERED(FluidFlow);

TypeId
FluidFlow::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FluidFlow")
            .SetParent<Application>()
            .SetGroupName("Dmm")
            .AddConstructor<FluidFlow>()
            .AddAttribute("Remote",
                          "The destination address and port.",
                          AddressValue(),
                          MakeAddressAccessor(&FluidFlow::m_peer),
                          MakeAddressChecker())
            .AddAttribute("Local",
                          "The source address and port (invalid: any).",
                          AddressValue(),
                          MakeAddressAccessor(&FluidFlow::m_local),
                          MakeAddressChecker())
            .AddAttribute("PacketSize",
                          "Bytes per packet, the sequence/timestamp header included.",
                          UintegerValue(512),
                          MakeUintegerAccessor(&FluidFlow::m_pktSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("DataRate",
                          "The constant rate; packets leave every PacketSize x 8 / DataRate.",
                          DataRateValue(DataRate("500kb/s")),
                          MakeDataRateAccessor(&FluidFlow::m_rate),
                          MakeDataRateChecker())
            .AddAttribute("StableProbes",
                          "Consecutive packets, sent after the last handover of an end "
                          "completed, that must arrive with the same delay before the "
                          "window closes.",
                          UintegerValue(2),
                          MakeUintegerAccessor(&FluidFlow::m_probes),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Guard",
                          "A window opens this long, plus the path delay, before an "
                          "announced path change, so that packets still in flight when "
                          "the old path breaks are real.",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&FluidFlow::m_guard),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Hold",
                          "A window stays open at least this long after an announced "
                          "change (Wi-Fi: the node leaves its access point only after "
                          "missed beacons).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&FluidFlow::m_hold),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("TxWithSeqTsSize",
                            "A packet put on the wire, with its sequence/timestamp header "
                            "(as OnOffApplication's).",
                            MakeTraceSourceAccessor(&FluidFlow::m_txTrace),
                            "ns3::PacketSink::SeqTsSizeCallback");
    return tid;
}

FluidFlow::FluidFlow()
    : m_pktSize(512),
      m_probes(2)
{
    NS_LOG_FUNCTION(this);
}

FluidFlow::~FluidFlow()
{
    NS_LOG_FUNCTION(this);
}

void
FluidFlow::DoDispose()
{
    m_sendEvent.Cancel();
    m_openEvent.Cancel();
    m_socket = nullptr;
    m_unsent = nullptr;
    Application::DoDispose();
}

void
FluidFlow::AddPathChange(Time at)
{
    m_changes.insert(std::upper_bound(m_changes.begin(), m_changes.end(), at), at);
}

bool
FluidFlow::IsWindowOpen() const
{
    return m_open;
}

Time
FluidFlow::TickTime(uint64_t tick) const
{
    return m_startAt + m_interval * static_cast<int64_t>(tick + 1);
}

uint64_t
FluidFlow::FirstTickAtOrAfter(Time t) const
{
    if (t <= TickTime(0))
    {
        return 0;
    }
    int64_t step = m_interval.GetTimeStep();
    int64_t since = (t - m_startAt).GetTimeStep();
    return static_cast<uint64_t>((since + step - 1) / step - 1); // ceil(since / step) - 1
}

void
FluidFlow::StartApplication()
{
    NS_LOG_FUNCTION(this);
    // OnOffApplication's spacing, rounded the same way, so that both send at the same times.
    m_interval = Seconds(m_pktSize * 8 / static_cast<double>(m_rate.GetBitRate()));
    m_startAt = Simulator::Now();
    m_started = true;
    m_socket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    if (m_local.IsInvalid() ? m_socket->Bind6() : m_socket->Bind(m_local))
    {
        NS_FATAL_ERROR("FluidFlow: failed to bind its socket");
    }
    m_socket->Connect(m_peer);
    m_socket->ShutdownRecv();
    OpenWindow();
}

void
FluidFlow::StopApplication()
{
    NS_LOG_FUNCTION(this);
    // The packets of a fluid stretch that ends here are counted by Finish.
    m_stopped = true;
    m_stopAt = Simulator::Now();
    m_open = false;
    m_sendEvent.Cancel();
    m_openEvent.Cancel();
    if (m_socket)
    {
        m_socket->Close();
    }
}

void
FluidFlow::CountVirtual(uint64_t upTo, Time end)
{
    if (upTo <= m_virtualFrom)
    {
        return;
    }
    uint64_t count = upTo - m_virtualFrom;
    uint64_t arrived = count;
    if (end != Time::Max())
    {
        // A packet arriving at the end of the run is still on its way, as in packet mode.
        uint64_t late = FirstTickAtOrAfter(end - m_delay);
        arrived = late <= m_virtualFrom ? 0 : std::min(count, late - m_virtualFrom);
    }
    m_account.sent += count;
    m_account.delivered += arrived;
    m_account.delaySumS += m_delay.GetSeconds() * static_cast<double>(arrived);
    // The sequence numbers advance as if the packets had been sent.
    m_seq += static_cast<uint32_t>(count);
    m_tick = std::max(m_tick, upTo);
    m_virtualFrom = upTo;
    NS_LOG_LOGIC("counted " << count << " packets, " << arrived << " delivered after "
                            << m_delay.As(Time::MS));
}

void
FluidFlow::OpenWindow()
{
    if (!m_started || m_stopped || m_open)
    {
        return;
    }
    NS_LOG_FUNCTION(this);
    m_openEvent.Cancel();
    CountVirtual(FirstTickAtOrAfter(Simulator::Now()), Time::Max());
    m_open = true;
    RestartProbes();
    ScheduleNextSend();
}

void
FluidFlow::RestartProbes()
{
    m_stable = 0;
    m_countFrom = m_seq;
}

void
FluidFlow::ScheduleNextSend()
{
    m_sendEvent =
        Simulator::Schedule(TickTime(m_tick) - Simulator::Now(), &FluidFlow::SendPacket, this);
}

void
FluidFlow::SendPacket()
{
    // Announced changes now reached: packets sent before them prove nothing about the path.
    while (!m_changes.empty() && m_changes.front() <= Simulator::Now())
    {
        m_changes.pop_front();
        m_holdUntil = Simulator::Now() + m_hold;
        RestartProbes();
    }
    if (!m_unsent)
    {
        Address from;
        Address to;
        m_socket->GetSockName(from);
        m_socket->GetPeerName(to);
        SeqTsSizeHeader header;
        header.SetSeq(m_seq++);
        header.SetSize(m_pktSize);
        Ptr<Packet> p = Create<Packet>(m_pktSize - header.GetSerializedSize());
        m_txTrace(p, from, to, header);
        p->AddHeader(header);
        m_unsent = p;
    }
    // As OnOffApplication: a packet the socket refuses is offered again at the next slot.
    if (m_socket->Send(m_unsent) == static_cast<int>(m_pktSize))
    {
        m_unsent = nullptr;
    }
    m_tick++;
    m_virtualFrom = m_tick;
    ScheduleNextSend();
    MaybeClose();
}

void
FluidFlow::Delivered(Ptr<const Packet>,
                     const Address&,
                     const Address&,
                     const SeqTsSizeHeader& header)
{
    Time delay = Simulator::Now() - header.GetTs();
    bool probe = header.GetSeq() >= m_countFrom;
    if (m_measured && delay == m_delay)
    {
        m_stable += probe ? 1 : 0;
    }
    else
    {
        m_delay = delay;
        m_measured = true;
        m_stable = probe ? 1 : 0;
    }
    MaybeClose();
}

void
FluidFlow::EndDetached(const std::string&)
{
    NS_LOG_FUNCTION(this);
    m_pendingEnds++;
    // Unannounced (Wi-Fi): packets already in flight on the old path were counted delivered.
    OpenWindow();
    RestartProbes();
}

void
FluidFlow::EndCompleted()
{
    NS_LOG_FUNCTION(this);
    if (m_pendingEnds == 0)
    {
        return;
    }
    m_pendingEnds--;
    RestartProbes();
}

void
FluidFlow::MaybeClose()
{
    Time now = Simulator::Now();
    if (!m_open || m_pendingEnds > 0 || m_stable < m_probes || now < m_holdUntil || m_unsent)
    {
        return;
    }
    Time reopen = m_changes.empty() ? Time::Max() : m_changes.front() - m_delay - m_guard;
    if (reopen <= TickTime(m_tick))
    {
        return; // the next packet is already one the change may catch
    }
    NS_LOG_LOGIC("window closes at " << now.As(Time::S) << " with delay " << m_delay.As(Time::MS));
    m_open = false;
    m_sendEvent.Cancel();
    if (reopen != Time::Max())
    {
        m_openEvent = Simulator::Schedule(reopen - now, &FluidFlow::OpenWindow, this);
    }
}

FluidFlow::Account
FluidFlow::Finish(Time end)
{
    if (m_started && !m_open)
    {
        CountVirtual(FirstTickAtOrAfter(m_stopped ? std::min(m_stopAt, end) : end), end);
    }
    return m_account;
}

} // namespace ns3
