/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What the distributed-LMA scenario tests read off a run: signalling ladders and flows.
#ifndef DMM_TEST_DISTRIBUTED_LMA_LADDER_H
#define DMM_TEST_DISTRIBUTED_LMA_LADDER_H

#include "closed-form.h"

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

/// Closed form of a change of LMA on distributed-lma-figs7-8 (n3-anchor, H-LMA n1-anchor, §4.3):
/// PMIPv6's at the V-LMA plus the Uniqueness Check round trip with the H-LMA, which processes it
/// like a PBU.
inline double
PredictLmaChange(const ns3::ScenarioConfig& cfg,
                 const ns3::RunResults& r,
                 const ns3::HandoverRecord& h)
{
    auto path = Path(cfg, "n3-anchor", "n1-anchor");
    double check = Message(r, "n3-anchor", "DlmaUniquenessCheck", h.l2UpS).bytes;
    double reply = Message(r, "n1-anchor", "DlmaUniquenessReply", h.l2UpS).bytes;
    return PredictPmipv6(cfg, r, h, "n3-anchor") + WiredMs(path, check) + cfg.anchorProcessingMs +
           WiredMs(path, reply);
}

} // namespace dmmtest

#endif // DMM_TEST_DISTRIBUTED_LMA_LADDER_H
