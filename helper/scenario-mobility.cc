/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// How mobile nodes attach: their interfaces ("nodes[].interfaces"), the attachments of
// each interface ("mobility") and the flows moved between interfaces ("flow_moves").
#include "ns3/json-object-reader.h"
#include "ns3/log.h"
#include "ns3/scenario-config.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioMobility");

namespace
{

using Reader = JsonObjectReader;
using nlohmann::json;

/// The interface an attachment names: "interface" if given, else the mn's first one.
std::string
AttachingInterface(const NodeConfig& mn, const Reader& o)
{
    if (!o.Has("interface"))
    {
        return mn.interfaces.empty() ? "" : mn.interfaces.front();
    }
    std::string name = o.String("interface");
    if (std::find(mn.interfaces.begin(), mn.interfaces.end(), name) == mn.interfaces.end())
    {
        Reader::Fail(o.Path("interface"),
                     mn.interfaces.empty()
                         ? fmt::format("mn \"{}\" has no \"interfaces\"", mn.name)
                         : fmt::format("mn \"{}\" has no interface \"{}\" (it has: {})",
                                       mn.name,
                                       name,
                                       Reader::Join(std::set<std::string>(mn.interfaces.begin(),
                                                                          mn.interfaces.end()))));
    }
    return name;
}

/// The attachment's access node, checked.
std::string
AttachedRouter(const ScenarioConfig& c, const Reader& o)
{
    const NodeConfig& ar = ScenarioEndpoint(c, o, "attach");
    if (ar.role != "access" && ar.role != "anchor")
    {
        Reader::Fail(o.Path("attach"),
                     fmt::format("node \"{}\" is neither an access node nor an anchor's "
                                 "home link (role {})",
                                 ar.name,
                                 ar.role));
    }
    return ar.name;
}

/// An attachment must come after the previous one of the same interface, elsewhere.
void
CheckAfter(const Reader& o, const AttachmentConfig& a, const AttachmentConfig& p)
{
    std::string who = a.interface.empty()
                          ? fmt::format("mn \"{}\"", a.mn)
                          : fmt::format("interface \"{}\" of mn \"{}\"", a.interface, a.mn);
    if (!(a.atS > p.atS))
    {
        Reader::Fail(
            o.Path("at_s"),
            fmt::format("times of {} must strictly increase (got {} after {})", who, a.atS, p.atS));
    }
    if (a.attach == p.attach)
    {
        Reader::Fail(o.Path("attach"),
                     fmt::format("{} is already attached to \"{}\"", who, a.attach));
    }
}

/// The mn a flow belongs to (the receiving one when both ends are mns).
const NodeConfig*
FlowMn(const ScenarioConfig& c, const FlowConfig& f)
{
    const NodeConfig* to = c.FindNode(f.to);
    return to->role == "mn" ? to : c.FindNode(f.from);
}

} // namespace

void
ParseInterfaces(const Reader& listed, ScenarioConfig& c)
{
    const json& nodes = listed.Array("nodes");
    for (std::size_t i = 0; i < nodes.size(); ++i)
    {
        Reader o(nodes[i], listed.Path(fmt::format("nodes[{}]", i)), ScenarioKeys("nodes[]"));
        if (!o.Has("interfaces"))
        {
            continue;
        }
        NodeConfig& n = c.nodes.at(i);
        if (n.role != "mn")
        {
            Reader::Fail(
                o.Path("interfaces"),
                fmt::format("only allowed for role mn (node \"{}\" is {})", n.name, n.role));
        }
        const json& names = o.Array("interfaces");
        if (names.empty())
        {
            Reader::Fail(o.Path("interfaces"), "must not be empty");
        }
        for (std::size_t k = 0; k < names.size(); ++k)
        {
            std::string path = o.Path(fmt::format("interfaces[{}]", k));
            if (!names[k].is_string() || !IsValidScenarioName(names[k].get<std::string>()))
            {
                Reader::Fail(path, "expected an interface name (letters, digits, '_' and '-')");
            }
            std::string name = names[k].get<std::string>();
            if (std::count(n.interfaces.begin(), n.interfaces.end(), name) != 0)
            {
                Reader::Fail(path, fmt::format("duplicate interface \"{}\"", name));
            }
            n.interfaces.push_back(name);
        }
        if (n.interfaces.size() > 1 && c.l2.type != "switch")
        {
            Reader::Fail(
                o.Path("interfaces"),
                fmt::format("several interfaces need l2.type \"switch\" (got \"{}\")", c.l2.type));
        }
    }
}

void
ParseMobility(const Reader& top, ScenarioConfig& c)
{
    const json& mobility = top.Array("mobility");
    // (mn, interface) -> index of its latest attachment
    std::map<std::pair<std::string, std::string>, std::size_t> last;
    std::set<std::string> attached;
    c.mobility.reserve(c.mobility.size() + mobility.size());
    for (std::size_t i = 0; i < mobility.size(); ++i)
    {
        Reader o(mobility[i], fmt::format("mobility[{}]", i), ScenarioKeys("mobility[]"));
        AttachmentConfig a;
        const NodeConfig& mn = ScenarioEndpoint(c, o, "mn");
        if (mn.role != "mn")
        {
            Reader::Fail(o.Path("mn"),
                         fmt::format("node \"{}\" is not an mn (role {})", mn.name, mn.role));
        }
        a.mn = mn.name;
        a.atS = o.Number("at_s");
        Reader::CheckMin(o.Path("at_s"), a.atS, 0, false);
        if (!(a.atS < c.durationS))
        {
            Reader::Fail(o.Path("at_s"),
                         fmt::format("must be < duration_s {} (got {})", c.durationS, a.atS));
        }
        a.attach = AttachedRouter(c, o);
        a.interface = AttachingInterface(mn, o);
        auto key = std::make_pair(a.mn, a.interface);
        auto prev = last.find(key);
        if (prev != last.end())
        {
            CheckAfter(o, a, c.mobility[prev->second]);
        }
        last[key] = c.mobility.size();
        attached.insert(a.mn);
        c.mobility.push_back(a);
    }
    for (const auto* mn : c.NodesWithRole("mn"))
    {
        if (attached.count(mn->name) == 0)
        {
            Reader::Fail(
                "mobility",
                fmt::format("mn \"{}\" has no attachment (its first entry is the initial one)",
                            mn->name));
        }
    }
}

void
ParseFlowMoves(const Reader& top, ScenarioConfig& c)
{
    const json& moves = top.Array("flow_moves");
    for (std::size_t i = 0; i < moves.size(); ++i)
    {
        Reader o(moves[i], fmt::format("flow_moves[{}]", i), ScenarioKeys("flow_moves[]"));
        FlowMoveConfig m;
        m.flow = o.String("flow");
        auto flow = std::find_if(c.flows.begin(), c.flows.end(), [&m](const FlowConfig& f) {
            return f.name == m.flow;
        });
        if (flow == c.flows.end())
        {
            Reader::Fail(o.Path("flow"), fmt::format("unknown flow \"{}\"", m.flow));
        }
        const NodeConfig* mn = FlowMn(c, *flow);
        if (mn->interfaces.size() < 2)
        {
            Reader::Fail(o.Path("flow"),
                         fmt::format("flow \"{}\" belongs to mn \"{}\", which has fewer than two "
                                     "\"interfaces\"",
                                     m.flow,
                                     mn->name));
        }
        if (!o.Has("interface"))
        {
            Reader::Fail(o.Path("interface"), "required key missing");
        }
        m.interface = AttachingInterface(*mn, o);
        m.atS = o.Number("at_s");
        if (!(m.atS > flow->startS && m.atS < c.durationS))
        {
            Reader::Fail(o.Path("at_s"),
                         fmt::format("must be after the flow's start_s {} and before duration_s "
                                     "{} (got {})",
                                     flow->startS,
                                     c.durationS,
                                     m.atS));
        }
        c.flowMoves.push_back(m);
    }
}

} // namespace ns3
