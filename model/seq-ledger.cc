/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "seq-ledger.h"

#include <algorithm>

namespace ns3
{

bool
SeqRuns::Insert(uint32_t seq)
{
    // In order, the common case: the number extends the last run.
    if (!m_runs.empty() && m_runs.back().last < seq)
    {
        if (m_runs.back().last + 1 == seq)
        {
            m_runs.back().last = seq;
        }
        else
        {
            m_runs.push_back(Run{seq, seq});
        }
        return true;
    }
    auto next = std::upper_bound(m_runs.begin(), m_runs.end(), seq, [](uint32_t s, const Run& r) {
        return s < r.first;
    });
    bool joinsPrevious = false;
    if (next != m_runs.begin())
    {
        Run& previous = *(next - 1);
        if (seq <= previous.last)
        {
            return false;
        }
        joinsPrevious = previous.last + 1 == seq;
    }
    bool joinsNext = next != m_runs.end() && seq + 1 == next->first;
    if (joinsPrevious && joinsNext)
    {
        (next - 1)->last = next->last; // the gap was this one number
        m_runs.erase(next);
    }
    else if (joinsPrevious)
    {
        (next - 1)->last = seq;
    }
    else if (joinsNext)
    {
        next->first = seq;
    }
    else
    {
        m_runs.insert(next, Run{seq, seq});
    }
    return true;
}

bool
SeqRuns::Contains(uint32_t seq) const
{
    if (m_runs.empty() || m_runs.back().last < seq)
    {
        return false;
    }
    auto next = std::upper_bound(m_runs.begin(), m_runs.end(), seq, [](uint32_t s, const Run& r) {
        return s < r.first;
    });
    return next != m_runs.begin() && seq <= (next - 1)->last;
}

std::size_t
SeqRuns::GetRuns() const
{
    return m_runs.size();
}

namespace
{
bool
BySeq(const SeqLedger::Unreceived& u, uint32_t seq)
{
    return u.first < seq;
}
} // namespace

bool
SeqLedger::Sent(uint32_t seq, double sentS)
{
    bool first = m_sent.Insert(seq);
    if (m_received.Contains(seq))
    {
        return first; // delivered before this send: not lost, whatever happens to it
    }
    if (m_unreceived.empty() || m_unreceived.back().first < seq)
    {
        m_unreceived.emplace_back(seq, sentS);
        return first;
    }
    auto it = std::lower_bound(m_unreceived.begin(), m_unreceived.end(), seq, BySeq);
    if (it != m_unreceived.end() && it->first == seq)
    {
        it->second = sentS;
    }
    else
    {
        m_unreceived.emplace(it, seq, sentS);
    }
    return first;
}

bool
SeqLedger::Received(uint32_t seq)
{
    if (!m_received.Insert(seq))
    {
        return false;
    }
    // Usually near the end: only packets sent later (in flight) move, not the lost ones.
    auto it = std::lower_bound(m_unreceived.begin(), m_unreceived.end(), seq, BySeq);
    if (it != m_unreceived.end() && it->first == seq)
    {
        m_unreceived.erase(it);
    }
    return true;
}

const std::vector<SeqLedger::Unreceived>&
SeqLedger::GetUnreceived() const
{
    return m_unreceived;
}

void
SeqLedger::Settle(double beforeS, const std::function<void(const Unreceived&)>& lost)
{
    // Not a prefix: a number sent again carries its latest send time.
    auto kept = std::remove_if(m_unreceived.begin(), m_unreceived.end(), [&](const Unreceived& u) {
        if (u.second < beforeS)
        {
            lost(u);
            return true;
        }
        return false;
    });
    m_unreceived.erase(kept, m_unreceived.end());
}

std::size_t
SeqLedger::GetRuns() const
{
    return m_sent.GetRuns() + m_received.GetRuns();
}

} // namespace ns3
