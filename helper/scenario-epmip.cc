/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ePMIP (seed 001) in a scenario: an eLMA is the profile's LMA plus an LMF, an eMAG the
// profile's MAG whose mobility routing is the DRF. Nothing here runs for other recipes.
#include "scenario-run.h"

#include "ns3/boolean.h"
#include "ns3/distributed-routing-function.h"
#include "ns3/elma-locator.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-tunnel-l4-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/lma-agent.h"
#include "ns3/location-management-function.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mag-agent.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/pointer.h"
#include "ns3/policy-profile-store.h"
#include "ns3/proxy-location-update.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/yans-wifi-helper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioEpmip");

namespace
{

/// Above every other routing protocol of an eLMA: the query must not be tunnelled on.
constexpr int16_t kInterceptorPriority = 1000;

/// \return the node's DRF, if its mobility routing is one
Ptr<DistributedRoutingFunction>
DrfOf(Ptr<Node> node)
{
    auto list = DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol());
    for (uint32_t i = 0; list && i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        auto drf = DynamicCast<DistributedRoutingFunction>(list->GetRoutingProtocol(i, priority));
        if (drf)
        {
            return drf;
        }
    }
    return nullptr;
}

/// \return the node's application of type \p T, if any
template <typename T>
Ptr<T>
AppOf(Ptr<Node> node)
{
    for (uint32_t i = 0; i < node->GetNApplications(); ++i)
    {
        if (Ptr<T> app = DynamicCast<T>(node->GetApplication(i)))
        {
            return app;
        }
    }
    return nullptr;
}

} // namespace

/// The PBCI back-off keys present in \p raw as DRF / LegacyInterworking attributes
/// (helper/scenario-epmip-legacy.cc).
std::vector<std::pair<std::string, Ptr<AttributeValue>>> InformBackOffAttributes(
    const nlohmann::json& raw);

void
ScenarioRun::ConfigureEpmip()
{
    const dmm::FunctionSpec* mr = Role("access").Function("mr");
    if (mr && mr->IsA("ns3::DistributedRoutingFunction"))
    {
        // The eMAG: the MAG's own mobility routing is the DRF (seed 001 §3.2).
        m_pmip.SetMagMobilityRoutingType(mr->type);
        for (const auto& [name, value] : mr->attributes)
        {
            m_pmip.SetMagMobilityRoutingAttribute(name, StringValue(value));
        }
        // Only the keys the scenario names: an absent key leaves the attribute's value
        // (its default, or NS_ATTRIBUTE_DEFAULT / Config::SetDefault) alone. forwarding_time_s
        // defaults to 10 s for the other designs; the DRF keeps its own 1 s.
        const ProtocolConfig& p = m_cfg.protocol;
        const auto& raw = m_cfg.raw;
        auto named = [&raw](const char* key) {
            return raw.contains("protocol") && raw["protocol"].contains(key);
        };
        std::vector<std::pair<const char*, Ptr<AttributeValue>>> keys{
            {"query_retries", Create<UintegerValue>(p.queryRetries)},
            {"query_timeout_ms", Create<TimeValue>(MilliSeconds(p.queryTimeoutMs))},
            {"forward_late_downlink", Create<BooleanValue>(p.forwardLateDownlink)},
            {"forwarding_time_s", Create<TimeValue>(Seconds(p.forwardingTimeS))}};
        const char* attributes[] = {"QueryRetries",
                                    "QueryTimeout",
                                    "ForwardLateDownlink",
                                    "ForwardingLifetime"};
        for (size_t i = 0; i < keys.size(); ++i)
        {
            if (named(keys[i].first))
            {
                m_pmip.SetMagMobilityRoutingAttribute(attributes[i], *keys[i].second);
            }
        }
        for (const auto& [attribute, value] : InformBackOffAttributes(raw))
        {
            m_pmip.SetMagMobilityRoutingAttribute(attribute, *value);
        }
    }
    const dmm::FunctionSpec* anchorMr = Role("anchor").Function("mr");
    if (mr && anchorMr && anchorMr->IsA("ns3::AnchorDrf"))
    {
        m_pmip.SetMagMobilityRoutingType(mr->type); // §7: legacy MAGs, the DAF in the LMA
        const dmm::FunctionSpec* lu = Role("access").Function("lu");
        if (lu && lu->IsA("ns3::LmaSelectingUpdate"))
        {
            // §7.2: a new MAG learns a moving node's HNP and eLMA from the policy store.
            m_pmip.SetLocationUpdateAttribute("ProfileStore",
                                              PointerValue(CreateObject<PolicyProfileStore>()));
        }
    }
}

std::map<std::string, uint64_t>
ScenarioRun::EpmipCounters() const
{
    std::map<std::string, uint64_t> out;
    for (const NodeConfig* n : m_cfg.AttachmentPoints())
    {
        Ptr<DistributedRoutingFunction> drf = DrfOf(m_nodes.at(n->name));
        if (!drf)
        {
            continue;
        }
        const DistributedRoutingFunction::DrfStats& s = drf->GetDrfStats();
        out["queries"] += s.queries;
        out["query_retries"] += s.queryRetries;
        out["query_timeouts"] += s.queryTimeouts;
        out["located"] += s.located;
        out["unlocated"] += s.unlocated;
        out["optimized"] += s.optimized;
        out["detoured"] += s.detoured;
        out["buffered"] += s.buffered;
        out["buffer_drops"] += s.bufferOverflow;
        out["learnt"] += s.learnt;
        out["informs"] += s.informs;
        out["inform_acks"] += s.informAcks;
        out["inform_timeouts"] += s.informTimeouts;
        out["inform_retransmissions"] += s.informRetransmissions;
        out["handed_over"] += s.handedOver;
        out["retargeted"] += s.retargeted;
    }
    if (out.empty())
    {
        return out;
    }
    for (const auto& [name, node] : m_nodes)
    {
        auto lmf = node->GetObject<LocationManagementFunction>();
        out["relayed"] += lmf ? lmf->GetStats().relayed : 0;
    }
    return out;
}

void
ScenarioRun::InstallElmas()
{
    const dmm::FunctionSpec* lmf = Role("anchor").Function("lmf");
    std::vector<Ptr<LocationManagementFunction>> lmfs;
    for (const auto& [pool, anchor] : m_anchorPools)
    {
        if (!lmf || lmf->type.empty())
        {
            break;
        }
        if (IsLegacy(anchor))
        {
            continue; // a legacy LMA: no LMF, no previous-location option (§4.1)
        }
        // The eLMA: the LMA's binding cache answers queries (§3.3).
        ObjectFactory factory(lmf->type);
        for (const auto& [name, value] : lmf->attributes)
        {
            factory.Set(name, StringValue(value));
        }
        Ptr<Node> node = m_nodes[anchor];
        auto f = factory.Create<LocationManagementFunction>();
        f->Setup(node->GetObject<MobilityL4Protocol>(),
                 node->GetObject<LocationManagement>(),
                 FirstGlobal(anchor));
        node->AggregateObject(f);
        lmfs.push_back(f);
        if (Ptr<LmaAgent> lma = AppOf<LmaAgent>(node))
        {
            lma->SetAttribute("PreviousLocation", BooleanValue(true)); // §4.3's PBA option
        }
        // §4.4.2: the eLMA terminates a query carrying the option for its own prefix.
        auto interceptor = CreateObject<ElmaQueryInterceptor>();
        interceptor->AddPrefix(pool);
        auto list = DynamicCast<Ipv6ListRouting>(node->GetObject<Ipv6>()->GetRoutingProtocol());
        list->AddRoutingProtocol(interceptor, kInterceptorPriority);
    }
    for (const auto& f : lmfs)
    {
        for (const auto& [pool, anchor] : m_anchorPools)
        {
            if (!IsLegacy(anchor)) // a legacy LMA answers no relayed query
            {
                f->AddPeer(pool, FirstGlobal(anchor)); // §4.4.3: the interface between eLMAs
            }
        }
    }
}

void
ScenarioRun::InstallEpmip()
{
    InstallElmas();
    Drfs drfs;
    for (const NodeConfig* n : m_cfg.AttachmentPoints())
    {
        Ptr<DistributedRoutingFunction> drf = DrfOf(m_nodes[n->name]);
        if (drf && !IsLegacy(n->name)) // a legacy MAG's DRF is never started (§6)
        {
            drfs.emplace_back(drf, n->name);
        }
    }
    std::vector<std::string> emags;
    for (const auto& [drf, name] : drfs)
    {
        emags.push_back(name);
    }
    Drfs ars = InstallAccessRouterDrfs(); // §5.2: tunnel peers of the eMAGs, no DMF
    drfs.insert(drfs.end(), ars.begin(), ars.end());
    for (const auto& [drf, name] : drfs)
    {
        Ptr<Node> node = m_nodes[name];
        drf->Setup(node->GetObject<MobilityL4Protocol>(), FirstGlobal(name));
        drf->SetQueryLmf(LmaFor(name)); // §4.4.3: its own eLMA is the convenient one
        if (Ptr<MagAgent> mag = AppOf<MagAgent>(node))
        {
            // The DMF: a PBA naming the previous location starts the handoff (§4.3).
            mag->GetLocationUpdate()->TraceConnectWithoutContext(
                "Outcome",
                MakeCallback(&DistributedRoutingFunction::Registered, drf));
        }
        for (const auto& [pool, anchor] : m_anchorPools)
        {
            if (!IsLegacy(anchor))
            {
                drf->AddLmf(pool, FirstGlobal(anchor)); // the configured prefix map (§4.4.1)
            }
        }
        for (const auto& [peer, peerName] : drfs)
        {
            // One administrative domain (§8): every eMAG may tunnel to every other.
            node->GetObject<Ipv6TunnelL4Protocol>()->AddPeer(FirstGlobal(peerName));
        }
    }
    InstallFixedNodeLmf(drfs);
    InstallAlternativeEpmip();
    for (const auto& [pool, anchor] : m_anchorPools)
    {
        if (m_nodes[anchor]->GetObject<LocationManagementFunction>())
        {
            InstallInterworking(anchor, emags); // §6: eMAG <-> legacy MAG moves
        }
    }
}

} // namespace ns3
