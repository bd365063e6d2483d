/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_FLUID_FLOW_H
#define DMM_FLUID_FLOW_H

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/data-rate.h"
#include "ns3/event-id.h"
#include "ns3/held-queue.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class Socket;
class Packet;
class SeqTsSizeHeader;

/**
 * \ingroup dmm
 * \brief A constant-rate UDP source for signalling-scale runs (scenario key "data": "fluid").
 *
 * It keeps the schedule of ns-3's OnOffApplication with a constant rate (packet k of the
 * flow leaves at start + (k+1) x size/rate) but puts packets on the wire only inside
 * windows: from the flow's start, and from shortly before every announced path change
 * (a move of one of its ends) until the path is stable again. Outside the windows a
 * packet is only counted: sent, and delivered after the one-way delay the last real
 * packets measured on the current path (link delays, transmission times and tunnels,
 * as the data plane gave them). So the data plane is exercised exactly where a handover
 * can change what happens to packets, and nowhere else.
 *
 * A window closes when no end of the flow is in a handover (every L2Down was followed by
 * HandoverComplete), StableProbes consecutive packets sent after that were delivered with
 * the same delay, and at least Hold has passed since the last announced change.
 */
class FluidFlow : public Application
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    FluidFlow();
    ~FluidFlow() override;

    /// Packets counted outside the windows (never put on the wire).
    struct Account
    {
        uint64_t sent{0};      //!< packets the source would have sent
        uint64_t delivered{0}; //!< of those, delivered before the end of the run
        double delaySumS{0};   //!< sum of their one-way delays, s
    };

    /// \brief Announce a path change (a scheduled move of an end). \param at its time
    void AddPathChange(Time at);
    /// \brief Trace sink for an end's L2Down: a handover has begun. \param from old router
    void EndDetached(const std::string& from);
    /// \brief Trace sink for an end's HandoverComplete: its handover has ended.
    void EndCompleted();
    /**
     * \brief Trace sink for the receiving PacketSink's RxWithSeqTsSize.
     * \param p packet \param from sender \param to receiver \param header seq/timestamp
     */
    void Delivered(Ptr<const Packet> p,
                   const Address& from,
                   const Address& to,
                   const SeqTsSizeHeader& header);
    /**
     * \brief Count the packets of the last fluid stretch; call once, after the run.
     * \param end the end of the run \return the packets counted without being sent
     */
    Account Finish(Time end);
    /// \return whether packets are currently put on the wire
    bool IsWindowOpen() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// \param tick a packet slot \return when the source sends it
    Time TickTime(uint64_t tick) const;
    /// \param t a time \return the first slot sent at or after \p t
    uint64_t FirstTickAtOrAfter(Time t) const;
    /// Put the packets of the slots from now on the wire.
    void OpenWindow();
    /// Close the window if nothing can change the path before the next announced change.
    void MaybeClose();
    /// Count the slots [m_virtualFrom, \p upTo) as sent, delivered before \p end.
    void CountVirtual(uint64_t upTo, Time end);
    void SendPacket();
    void ScheduleNextSend();
    /// Forget the delays measured so far: only packets sent from now on count as stable.
    void RestartProbes();

    Address m_peer;            //!< attribute Remote
    Address m_local;           //!< attribute Local
    uint32_t m_pktSize;        //!< attribute PacketSize
    DataRate m_rate;           //!< attribute DataRate
    uint32_t m_probes;         //!< attribute StableProbes
    Time m_guard;              //!< attribute Guard
    Time m_hold;               //!< attribute Hold
    Ptr<Socket> m_socket;      //!< UDP socket
    Time m_interval;           //!< time between packets (OnOffApplication's rounding)
    Time m_startAt;            //!< when the application started
    Time m_stopAt;             //!< when it stopped (valid if m_stopped)
    bool m_started{false};     //!< StartApplication ran
    bool m_stopped{false};     //!< StopApplication ran
    bool m_open{false};        //!< packets are put on the wire
    uint64_t m_tick{0};        //!< next slot to send
    uint64_t m_virtualFrom{0}; //!< first slot not yet sent or counted
    uint32_t m_seq{0};         //!< next sequence number
    uint32_t m_countFrom{0};   //!< only packets from this sequence number count as probes
    uint32_t m_stable{0};      //!< consecutive probes delivered with m_delay
    uint32_t m_pendingEnds{0}; //!< ends between L2Down and HandoverComplete
    Time m_delay;              //!< one-way delay of the last delivered packet
    bool m_measured{false};    //!< m_delay is known
    Time m_holdUntil;          //!< the window stays open at least until then
    Ptr<Packet> m_unsent;      //!< a packet the socket refused, sent again next slot
    HeldQueue<Time> m_changes; //!< announced path changes not yet reached, in time order
    EventId m_sendEvent;       //!< next packet
    EventId m_openEvent;       //!< next window
    Account m_account;         //!< packets counted so far
    /// The sequence/timestamp header of every real packet, as OnOffApplication's
    TracedCallback<Ptr<const Packet>, const Address&, const Address&, const SeqTsSizeHeader&>
        m_txTrace;
};

} // namespace ns3

#endif // DMM_FLUID_FLOW_H
