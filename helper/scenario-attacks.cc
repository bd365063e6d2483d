/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The "attacks" array of a scenario: what each attacker node does, and when.
#include "ns3/json-object-reader.h"
#include "ns3/log.h"
#include "ns3/scenario-config.h"

#include <fmt/format.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioAttacks");

namespace
{
using Reader = JsonObjectReader;
} // namespace

void
ParseAttacks(const Reader& top, ScenarioConfig& c)
{
    const nlohmann::json& attacks = top.Array("attacks");
    for (size_t i = 0; i < attacks.size(); ++i)
    {
        Reader o(attacks[i], top.Path(fmt::format("attacks[{}]", i)), ScenarioKeys("attacks[]"));
        AttackConfig a;
        a.by = o.String("by");
        const NodeConfig* by = c.FindNode(a.by);
        if (!by || by->role != "attacker")
        {
            Reader::Fail(o.Path("by"),
                         fmt::format("\"{}\" is not a node with role attacker", a.by));
        }
        a.type = o.String("type");
        if (a.type != "forge" && a.type != "replay" && a.type != "flood")
        {
            Reader::Fail(o.Path("type"),
                         fmt::format("unknown type \"{}\" (known: flood, forge, replay)", a.type));
        }
        a.message = o.String("message");
        a.from = o.String("from");
        const NodeConfig* from = c.FindNode(a.from);
        if (!from || from->role == "attacker")
        {
            Reader::Fail(
                o.Path("from"),
                fmt::format("\"{}\" is not a node whose signalling can be overheard", a.from));
        }
        a.atS = o.Number("at_s");
        Reader::CheckMin(o.Path("at_s"), a.atS, 0, false);
        if (a.atS >= c.durationS)
        {
            Reader::Fail(o.Path("at_s"),
                         fmt::format("must be < duration_s {} (got {})", c.durationS, a.atS));
        }
        a.count = o.Has("count") ? static_cast<uint32_t>(o.Unsigned("count", 1000000)) : 1;
        Reader::CheckMin(o.Path("count"), a.count, 1, false);
        if (a.type != "flood" && o.Has("count") && a.count != 1)
        {
            Reader::Fail(o.Path("count"), "only a flood sends more than one message");
        }
        a.intervalMs = o.Number("interval_ms", 1.0);
        Reader::CheckMin(o.Path("interval_ms"), a.intervalMs, 0, true);
        a.keepAuthentication = o.Bool("keep_authentication", false);
        if (a.keepAuthentication && a.type == "replay")
        {
            Reader::Fail(o.Path("keep_authentication"),
                         "a replay always sends the message as overheard");
        }
        c.attacks.push_back(a);
    }
    for (const auto& n : c.nodes)
    {
        bool scripted = std::any_of(c.attacks.begin(), c.attacks.end(), [&](const auto& a) {
            return a.by == n.name;
        });
        if (n.role == "attacker" && !scripted)
        {
            Reader::Fail("attacks", fmt::format("attacker \"{}\" has no attack", n.name));
        }
    }
}

} // namespace ns3
