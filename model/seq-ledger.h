/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SEQ_LEDGER_H
#define DMM_SEQ_LEDGER_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief A set of sequence numbers kept as sorted runs of consecutive numbers: memory
 * bounded by the gaps (losses, reordering, numbers only counted by a fluid flow), not by
 * the numbers, and O(1) to add the next number of a run.
 */
class SeqRuns
{
  public:
    /// \param seq a number \return true if \p seq was not in the set (it is now)
    bool Insert(uint32_t seq);
    /// \param seq a number \return true if \p seq is in the set
    bool Contains(uint32_t seq) const;
    /// \return the runs kept
    std::size_t GetRuns() const;

  private:
    /// Numbers first..last, both included (a half-open end would overflow at 2^32 - 1).
    struct Run
    {
        uint32_t first; //!< lowest number
        uint32_t last;  //!< highest number
    };

    std::vector<Run> m_runs; //!< disjoint, not adjacent, in order
};

/**
 * \ingroup dmm
 * \brief What a monitor needs of one flow's sequence numbers: which were sent and which
 * delivered (SeqRuns), and the send time of each packet sent and not delivered, the only
 * ones whose time matters once the run is over (a lost packet is charged by it). Memory
 * grows with the packets lost or still in flight, never with those delivered.
 */
class SeqLedger
{
  public:
    /// A packet sent and not delivered: sequence number, latest send time (s).
    using Unreceived = std::pair<uint32_t, double>;

    /**
     * \brief Record a send; a number sent again keeps its latest send time.
     * \param seq sequence number \param sentS send time, s
     * \return true the first time \p seq is sent
     */
    bool Sent(uint32_t seq, double sentS);
    /**
     * \brief Record a delivery.
     * \param seq sequence number
     * \return true the first time \p seq is delivered (a duplicate adds nothing)
     */
    bool Received(uint32_t seq);
    /// \return the packets sent and never delivered so far, in sequence order
    const std::vector<Unreceived>& GetUnreceived() const;
    /**
     * \brief Give up on the packets sent before a time and not delivered: each is handed
     * to \p lost, in sequence order, and forgotten (its number stays sent).
     * \param beforeS send-time bound, s \param lost called once per packet given up
     */
    void Settle(double beforeS, const std::function<void(const Unreceived&)>& lost);
    /// \return runs of numbers kept (sent and delivered): the memory besides GetUnreceived
    std::size_t GetRuns() const;

  private:
    SeqRuns m_sent;                       //!< numbers sent
    SeqRuns m_received;                   //!< numbers delivered
    std::vector<Unreceived> m_unreceived; //!< sent, not delivered, by sequence number
};

} // namespace ns3

#endif // DMM_SEQ_LEDGER_H
