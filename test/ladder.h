/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What scenario tests read off a run: the signalling ladder and a flow by name.
#ifndef DMM_TEST_LADDER_H
#define DMM_TEST_LADDER_H

#include "ns3/result-writer.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dmmtest
{

/// "sender:type>receiver" of every mobility message sent in [from, to), RS/RA left out;
/// the receiver is the node that sends from the destination address (or "?" if none).
inline std::vector<std::string>
Ladder(const ns3::RunResults& r, double from, double to)
{
    std::map<std::string, std::string> nodeOf;
    for (const auto& s : r.signaling)
    {
        nodeOf.emplace(s.src, s.node);
    }
    std::vector<std::string> out;
    for (const auto& s : r.signaling)
    {
        if (s.timeS >= from && s.timeS < to && s.type != "RS" && s.type != "RA")
        {
            auto receiver = nodeOf.find(s.dst);
            out.push_back(s.node + ":" + s.type + ">" +
                          (receiver == nodeOf.end() ? "?" : receiver->second));
        }
    }
    return out;
}

/// \return the rungs of \p ladder, each followed by a space (for a failure message)
inline std::string
LadderText(const std::vector<std::string>& ladder)
{
    std::string text;
    for (const auto& rung : ladder)
    {
        text += rung + " ";
    }
    return text;
}

/// \return the flow named \p name of a run
inline const ns3::FlowRecord&
FlowNamed(const ns3::RunResults& r, const std::string& name)
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

#endif // DMM_TEST_LADDER_H
