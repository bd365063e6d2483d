/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_HELD_QUEUE_H
#define DMM_HELD_QUEUE_H

#include <boost/circular_buffer.hpp>
#include <cstddef>
#include <limits>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief A double-ended queue with random access that allocates nothing while empty.
 *
 * std::deque allocates 576 bytes at construction; the project keeps such a queue per flow
 * end, per node and per fluid flow, most of them empty or holding a few entries, which at
 * 100,000 nodes added up to hundreds of MiB. Boost's space-optimised circular buffer
 * grows and shrinks with its content; the capacity is unbounded here (it never
 * overwrites).
 */
template <typename T>
class HeldQueue : public boost::circular_buffer_space_optimized<T>
{
  public:
    HeldQueue()
        : boost::circular_buffer_space_optimized<T>(
              typename boost::circular_buffer_space_optimized<T>::capacity_type(
                  std::numeric_limits<std::ptrdiff_t>::max() / sizeof(T)))
    {
    }
};

} // namespace ns3

#endif // DMM_HELD_QUEUE_H
