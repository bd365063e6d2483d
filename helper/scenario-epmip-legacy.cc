/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP with legacy MAGs and LMAs in the same domain (seed 001 §4.1, §6): the scenario's
// "epmip_role" key and the eLMAs' interworking. A legacy MAG is the recipe's MAG whose DRF
// is never started (no ePMIP signalling; its routing is the MAG's), a legacy LMA one without
// LMF; neither is an eMAG's tunnel peer.
#include "scenario-run.h"

#include "ns3/json-object-reader.h"
#include "ns3/legacy-interworking.h"
#include "ns3/location-management-function.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/nstime.h"
#include "ns3/scenario-config.h"
#include "ns3/uinteger.h"
#include "ns3/yans-wifi-helper.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioEpmipLegacy");

void
ParseEpmipRole(const JsonObjectReader& o, const ScenarioConfig& c, NodeConfig& n)
{
    if (!o.Has("epmip_role"))
    {
        return;
    }
    static const std::map<std::string, std::set<std::string>> allowed{
        {"access", {"emag", "mag"}},
        {"anchor", {"elma", "lma"}},
        {"router", {"ar", "border", "drf_router", "fixed_lmf", "lmf"}}};
    if (!c.recipe.Uses("ns3::DistributedRoutingFunction"))
    {
        JsonObjectReader::Fail(
            o.Path("epmip_role"),
            fmt::format("only for ePMIP profiles (\"{}\" has no eMAG)", c.profile));
    }
    auto values = allowed.find(n.role);
    if (values == allowed.end())
    {
        JsonObjectReader::Fail(
            o.Path("epmip_role"),
            fmt::format("only for roles access, anchor and router (node \"{}\" is {})",
                        n.name,
                        n.role));
    }
    n.epmipRole = o.String("epmip_role");
    if (values->second.count(n.epmipRole) == 0)
    {
        JsonObjectReader::Fail(o.Path("epmip_role"),
                               fmt::format("unknown value \"{}\" for role {} (known: {})",
                                           n.epmipRole,
                                           n.role,
                                           JsonObjectReader::Join(values->second)));
    }
    if ((n.epmipRole == "border" || n.epmipRole == "drf_router") &&
        !c.recipe.Uses("ns3::AnchorDrf"))
    {
        JsonObjectReader::Fail(o.Path("epmip_role"),
                               fmt::format("\"{}\" needs protocol.epmip_architecture "
                                           "\"alternative\" (seed 001 §7)",
                                           n.epmipRole));
    }
    n.epmipRole = (n.epmipRole == "emag" || n.epmipRole == "elma") ? "" : n.epmipRole;
}

std::vector<std::pair<std::string, Ptr<AttributeValue>>>
InformBackOffAttributes(const nlohmann::json& raw)
{
    // Only the keys the scenario names, like query_retries: an absent key leaves the
    // attribute's value (its default, or Config::SetDefault) alone.
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> out;
    if (!raw.contains("protocol"))
    {
        return out;
    }
    const nlohmann::json& p = raw["protocol"];
    if (p.contains("inform_timeout_ms"))
    {
        double ms = p["inform_timeout_ms"].get<double>();
        out.emplace_back("InitialInformTimeout", Create<TimeValue>(MilliSeconds(ms)));
    }
    if (p.contains("inform_retries"))
    {
        auto retries = p["inform_retries"].get<uint32_t>();
        out.emplace_back("InformRetries", Create<UintegerValue>(retries));
    }
    return out;
}

bool
ScenarioRun::IsLegacy(const std::string& name) const
{
    const NodeConfig* n = m_cfg.FindNode(name);
    return n != nullptr && (n->epmipRole == "mag" || n->epmipRole == "lma");
}

void
ScenarioRun::InstallInterworking(const std::string& name, const std::vector<std::string>& emags)
{
    Ptr<Node> elma = m_nodes[name];
    auto interworking = CreateObject<LegacyInterworking>();
    for (const auto& [attribute, value] : InformBackOffAttributes(m_cfg.raw))
    {
        interworking->SetAttribute(attribute, *value); // the eMAGs' PBCI back-off
    }
    interworking->Setup(elma->GetObject<MobilityL4Protocol>(),
                        elma->GetObject<LocationManagement>(),
                        FirstGlobal(name));
    for (const auto& name : emags)
    {
        interworking->AddEmag(FirstGlobal(name));
    }
    elma->GetObject<LocationManagementFunction>()->SetInterworking(interworking);
    elma->AggregateObject(interworking);
}

} // namespace ns3
