/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lma-selecting-update.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/policy-profile-store.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LmaSelectingUpdate");
NS_OBJECT_ENSURE_REGISTERED(LmaSelectingUpdate);

TypeId
LmaSelectingUpdate::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LmaSelectingUpdate")
            .SetParent<ProxyLocationUpdate>()
            .SetGroupName("Dmm")
            .AddConstructor<LmaSelectingUpdate>()
            .AddAttribute("LmaSelection",
                          "The LMA a new MAG registers a moving node with: the one it is "
                          "registered with (RFC 6097 §3) or this MAG's own, nearest one "
                          "(seed 001 §7.2, preferred there).",
                          EnumValue(BEST_LMA),
                          MakeEnumAccessor(&LmaSelectingUpdate::m_selection),
                          MakeEnumChecker(SAME_LMA, "Same", BEST_LMA, "Best"))
            .AddAttribute("ProfileStore",
                          "The domain's policy store (shared by every MAG): each node's HNP "
                          "and LMA. Without one every registration is RFC 5213's.",
                          PointerValue(),
                          MakePointerAccessor(&LmaSelectingUpdate::m_store),
                          MakePointerChecker<PolicyProfileStore>());
    return tid;
}

LmaSelectingUpdate::LmaSelectingUpdate()
    : m_selection(BEST_LMA)
{
}

void
LmaSelectingUpdate::DoDispose()
{
    m_store = nullptr;
    ProxyLocationUpdate::DoDispose();
}

void
LmaSelectingUpdate::NotifyConstructionCompleted()
{
    ProxyLocationUpdate::NotifyConstructionCompleted();
    TraceConnectWithoutContext("Outcome", MakeCallback(&LmaSelectingUpdate::Remember, this));
}

void
LmaSelectingUpdate::Register(const std::string& mnId,
                             const std::vector<HomeNetworkPrefix>& prefixes,
                             const std::vector<uint8_t>& linkLayerId)
{
    auto profile = m_store ? m_store->Lookup(mnId) : std::nullopt;
    Ipv6Address anchor;
    if (profile)
    {
        anchor = m_selection == BEST_LMA ? GetAnchor() : profile->anchor;
    }
    if (!profile || anchor == GetAnchor(mnId))
    {
        ProxyLocationUpdate::Register(mnId, prefixes, linkLayerId);
        return;
    }
    NS_LOG_FUNCTION(this << mnId << profile->anchor << anchor);
    m_reselections++;
    SetAnchorFor(mnId, anchor); // refreshes, the reverse tunnel and the detach follow it
    // Naming the HNP keeps the node's address at an LMA that did not allocate it (§7.2).
    RegisterWith(anchor,
                 mnId,
                 prefixes.empty() ? std::vector<HomeNetworkPrefix>{profile->hnp} : prefixes,
                 linkLayerId);
}

void
LmaSelectingUpdate::Remember(const LocationUpdate::Outcome& outcome)
{
    if (m_store && !outcome.timedOut && IsBindingAccepted(outcome.status) &&
        outcome.lifetime.IsStrictlyPositive() && !outcome.prefixes.empty())
    {
        m_store->Record(outcome.mnId, outcome.prefixes.front(), outcome.anchor);
    }
}

uint64_t
LmaSelectingUpdate::GetReselections() const
{
    return m_reselections;
}

} // namespace ns3
