/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The generated parts of a scenario: "topology" instead of "nodes"/"links", "movement"
// instead of "mobility". The generators produce the same NodeConfig, LinkConfig and
// AttachmentConfig lists, so everything after parsing is unchanged.

#include "ns3/scenario-topology.h"

#include "ns3/log.h"
#include "ns3/movement-generator.h"
#include "ns3/topology-generator.h"

#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioTopology");

std::optional<JsonObjectReader>
ParseTopology(const JsonObjectReader& top, ScenarioConfig& c)
{
    if (!top.Has("topology"))
    {
        return top;
    }
    for (const char* key : {"nodes", "links"})
    {
        if (top.Has(key))
        {
            JsonObjectReader::Fail(
                "topology",
                fmt::format("not allowed together with \"{}\" (give \"topology\" or "
                            "\"nodes\" and \"links\")",
                            key));
        }
    }
    const nlohmann::json& j = top.Get("topology");
    if (j.is_object() && j.contains("type") && j["type"] == "custom")
    {
        static const std::set<std::string> customKeys{"type", "nodes", "links"};
        return JsonObjectReader(j, "topology", customKeys);
    }
    GeneratedTopology g = TopologyGenerator::Generate(TopologyGenerator::Parse(j, "topology"));
    c.nodes = std::move(g.nodes);
    c.links = std::move(g.links);
    return std::nullopt;
}

bool
ParseMovement(const JsonObjectReader& top, ScenarioConfig& c)
{
    if (!top.Has("movement"))
    {
        return false;
    }
    if (top.Has("mobility"))
    {
        JsonObjectReader::Fail("movement",
                               "not allowed together with \"mobility\" (give one or the other)");
    }
    MovementParameters p = MovementGenerator::Parse(top.Get("movement"), "movement", c);
    c.mobility = MovementGenerator::Generate(p, c);
    return true;
}

} // namespace ns3
