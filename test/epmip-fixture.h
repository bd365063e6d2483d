/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// What the ePMIP scenario tests share: a shipped scenario loaded, a run with one DRF
// attribute changed for that run only, and the nodes' addresses for capture filters.
#ifndef DMM_TEST_EPMIP_FIXTURE_H
#define DMM_TEST_EPMIP_FIXTURE_H

#include "closed-form.h"
#include "test-paths.h"

#include "ns3/config.h"
#include "ns3/type-id.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dmmtest
{

/// \return scenarios/\p file with \p overrides ("key=value")
inline ScenarioConfig
LoadShipped(const std::string& file, const std::vector<std::string>& overrides = {})
{
    return LoadScenario(std::string(DMM_SOURCE_DIR) + "/scenarios/" + file,
                        overrides,
                        std::nullopt,
                        {});
}

/// \return a run of \p cfg with the DRF attribute \p name set to \p value (the attribute's
///         initial value is restored afterwards, so later runs are not affected)
inline RunResults
SimulateWithDrf(const ScenarioConfig& cfg, const std::string& name, const AttributeValue& value)
{
    const std::string path = "ns3::DistributedRoutingFunction::" + name;
    TypeId::AttributeInformation info;
    TypeId::LookupByName("ns3::DistributedRoutingFunction").LookupAttributeByName(name, &info);
    Config::SetDefault(path, value);
    RunResults r = Simulate(cfg);
    Config::SetDefault(path, *info.initialValue);
    return r;
}

/// \return node -> the address it sends signalling from (each eMAG, eLMA, AR, LMF)
inline std::map<std::string, std::string>
SignallingAddresses(const RunResults& r)
{
    std::map<std::string, std::string> address;
    for (const auto& s : r.signaling)
    {
        address.emplace(s.node, s.src);
    }
    return address;
}

} // namespace dmmtest

#endif // DMM_TEST_EPMIP_FIXTURE_H
