/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What the distributed-LMA scenario tests read off a run: signalling ladders and flows.
#ifndef DMM_TEST_DISTRIBUTED_LMA_LADDER_H
#define DMM_TEST_DISTRIBUTED_LMA_LADDER_H

#include "ns3/result-writer.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dmmtest
{

/// Node names by the addresses they send signalling from.
inline std::map<std::string, std::string>
SenderNames(const ns3::RunResults& r)
{
    std::map<std::string, std::string> names;
    for (const auto& s : r.signaling)
    {
        names.emplace(s.src, s.node);
    }
    return names;
}

/// The ladder "sender:type>receiver" of the messages other than RS/RA in [from, to].
inline std::vector<std::string>
Ladder(const ns3::RunResults& r, double from, double to)
{
    auto names = SenderNames(r);
    std::vector<std::string> out;
    for (const auto& s : r.signaling)
    {
        if (s.timeS >= from - 1e-12 && s.timeS <= to && s.type != "RS" && s.type != "RA")
        {
            out.push_back(s.node + ":" + s.type + ">" +
                          (names.count(s.dst) ? names.at(s.dst) : s.dst));
        }
    }
    return out;
}

/// \return the flow named \p name of a run
inline const ns3::FlowRecord&
Flow(const ns3::RunResults& r, const std::string& name)
{
    for (const auto& f : r.flows)
    {
        if (f.flow == name)
        {
            return f;
        }
    }
    throw std::runtime_error("no flow " + name);
}

} // namespace dmmtest

#endif // DMM_TEST_DISTRIBUTED_LMA_LADDER_H
