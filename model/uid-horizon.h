/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_UID_HORIZON_H
#define DMM_UID_HORIZON_H

#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <utility>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The packets a monitor follows, oldest first, so that it can forget those that
 * have been in the network longer than any packet stays (lost ones, which no receipt
 * ever removes): memory bounded by the packets of the last horizon, at O(1) per packet.
 */
class UidHorizon
{
  public:
    /// \param uid a packet now followed \param at when it started (not before the last)
    void Add(uint64_t uid, Time at)
    {
        m_order.emplace_back(at, uid);
    }

    /**
     * \brief Hand the packets that started before \p before to \p forget, and drop them.
     * \param before the horizon \param forget called with each such uid, oldest first
     */
    template <typename F>
    void Expire(Time before, F forget)
    {
        while (!m_order.empty() && m_order.front().first < before)
        {
            forget(m_order.front().second);
            m_order.pop_front();
        }
    }

    /// \return the packets within the horizon
    std::size_t GetSize() const
    {
        return m_order.size();
    }

  private:
    std::deque<std::pair<Time, uint64_t>> m_order; //!< (start, uid), in start order
};

} // namespace ns3

#endif // DMM_UID_HORIZON_H
