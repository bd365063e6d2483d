/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "source-address-selection.h"

#include "ns3/boolean.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/nd-options.h"
#include "ns3/simulator.h"

#include <array>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SourceAddressSelection");
NS_OBJECT_ENSURE_REGISTERED(SourceAddressSelection);

namespace
{

/// \return the end of a lifetime of \p seconds starting now
Time
Until(uint32_t seconds)
{
    return seconds == NdOptions::INFINITE_LIFETIME ? Time::Max()
                                                   : Simulator::Now() + Seconds(seconds);
}

/// RFC 6724 §3.1: the scope of a unicast address (loopback counts as link-local).
int
Scope(Ipv6Address a)
{
    return a.IsLinkLocal() || a.IsLocalhost() ? 2 : 14;
}

/// \return +1 if a criterion prefers the first, -1 the second, 0 neither
template <typename T>
int
Compare(const T& a, const T& b)
{
    return a == b ? 0 : (a > b ? 1 : -1);
}

} // namespace

TypeId
SourceAddressSelection::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SourceAddressSelection")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddConstructor<SourceAddressSelection>()
            .AddAttribute("SpreadFlows",
                          "Break a tie between equally good addresses by the fewest flows "
                          "started from each, so that a router offering a node several "
                          "prefixes anchors each new flow on its own (per-flow anchoring, "
                          "seed 003 §4.3); off: the newest address (RFC 6724 leaves the "
                          "tie-breaker to the implementation).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&SourceAddressSelection::m_spreadFlows),
                          MakeBooleanChecker())
            .AddTraceSource("AddressState",
                            "An address became deprecated (its preferred lifetime ended) or "
                            "preferred again (a router advertised it with a new one).",
                            MakeTraceSourceAccessor(&SourceAddressSelection::m_stateTrace),
                            "ns3::SourceAddressSelection::StateTracedCallback");
    return tid;
}

SourceAddressSelection::SourceAddressSelection()
{
}

SourceAddressSelection::~SourceAddressSelection()
{
}

void
SourceAddressSelection::DoDispose()
{
    m_expiry.Cancel();
    m_interface = nullptr;
    Object::DoDispose();
}

void
SourceAddressSelection::SetInterface(Ptr<Ipv6Interface> iface)
{
    m_interface = iface;
}

void
SourceAddressSelection::RouterAdvertised(const NdOptions& options)
{
    NS_LOG_FUNCTION(this);
    ForgetInvalid();
    std::vector<NdOptions::PrefixProperties> properties = options.GetPrefixProperties();
    for (const auto& pio : options.GetPrefixInformation())
    {
        constexpr uint8_t A_FLAG = 0x40; // RFC 4861 §4.6.2
        // RFC 4862 §5.5.3 a-c: only autonomous, non-link-local, consistent lifetimes.
        if (!(pio.flags & A_FLAG) || pio.prefix.prefix.IsLinkLocal() ||
            pio.preferredLifetime > pio.validLifetime)
        {
            continue;
        }
        PrefixState& s = TakeLifetimes(pio);
        s.currentLink = true;
        s.properties = 0; // a router that says nothing of a prefix says nothing of it
        for (const auto& pp : properties)
        {
            s.properties = pp.prefix == pio.prefix ? pp.properties : s.properties;
        }
    }
    ApplyStates(); // the addresses the stack has already; the caller re-applies for new ones
    ScheduleExpiry();
}

SourceAddressSelection::PrefixState&
SourceAddressSelection::TakeLifetimes(const NdOptions::PrefixInformation& pio)
{
    auto [it, added] = m_prefixes.try_emplace(pio.prefix);
    PrefixState& s = it->second;
    s.preferredUntil = Until(pio.preferredLifetime); // §5.5.3 e: reset to the RA's
    Time remaining = added ? Time(0) : s.validUntil - Simulator::Now();
    // §5.5.3 e: an RA may lower a valid lifetime to no less than two hours.
    if (pio.validLifetime == NdOptions::INFINITE_LIFETIME ||
        Seconds(pio.validLifetime) > Hours(2) || Seconds(pio.validLifetime) > remaining)
    {
        s.validUntil = Until(pio.validLifetime);
    }
    else if (remaining > Hours(2))
    {
        s.validUntil = Simulator::Now() + Hours(2);
    }
    return s;
}

void
SourceAddressSelection::Refreshed(const NdOptions::PrefixInformation& pio)
{
    NS_LOG_FUNCTION(this << pio.prefix.prefix);
    ForgetInvalid();
    TakeLifetimes(pio); // not the current link's: that is for the router's own RAs
    ApplyStates();
    ScheduleExpiry();
}

void
SourceAddressSelection::ForgetInvalid()
{
    // The stack removed these addresses (RFC 4862 §5.5.4): a node given a new prefix at
    // every router would otherwise keep the state of each one it ever held.
    for (auto it = m_prefixes.begin(); it != m_prefixes.end();)
    {
        if (it->second.validUntil > Simulator::Now())
        {
            ++it;
            continue;
        }
        for (auto f = m_flows.begin(); f != m_flows.end();)
        {
            f = it->first.Contains(f->first) ? m_flows.erase(f) : std::next(f);
        }
        it = m_prefixes.erase(it);
    }
}

void
SourceAddressSelection::Detached()
{
    NS_LOG_FUNCTION(this);
    for (auto& [prefix, s] : m_prefixes)
    {
        s.currentLink = false;
    }
}

std::map<HomeNetworkPrefix, SourceAddressSelection::PrefixState>::const_iterator
SourceAddressSelection::StateOf(Ipv6Address a) const
{
    auto best = m_prefixes.end();
    for (auto it = m_prefixes.begin(); it != m_prefixes.end(); ++it)
    {
        if (it->first.Contains(a) &&
            (best == m_prefixes.end() || it->first.length > best->first.length))
        {
            best = it;
        }
    }
    return best;
}

bool
SourceAddressSelection::IsDeprecated(Ipv6Address a) const
{
    auto it = StateOf(a);
    return it != m_prefixes.end() && it->second.preferredUntil <= Simulator::Now();
}

void
SourceAddressSelection::ApplyStates()
{
    if (!m_interface)
    {
        return;
    }
    for (uint32_t i = 0; i < m_interface->GetNAddresses(); ++i)
    {
        Ipv6InterfaceAddress a = m_interface->GetAddress(i);
        bool deprecated = IsDeprecated(a.GetAddress());
        // Tentative addresses are left to DAD, which makes them PREFERRED (ns-3 knows no
        // deprecated tentative address); the next RA or expiry catches up.
        if (deprecated && a.GetState() == Ipv6InterfaceAddress::PREFERRED)
        {
            m_interface->SetState(a.GetAddress(), Ipv6InterfaceAddress::DEPRECATED);
            m_stateTrace(a.GetAddress(), true);
        }
        else if (!deprecated && a.GetState() == Ipv6InterfaceAddress::DEPRECATED)
        {
            m_interface->SetState(a.GetAddress(), Ipv6InterfaceAddress::PREFERRED);
            m_stateTrace(a.GetAddress(), false);
        }
    }
}

void
SourceAddressSelection::ScheduleExpiry()
{
    m_expiry.Cancel();
    Time next = Time::Max();
    for (const auto& [prefix, s] : m_prefixes)
    {
        if (s.preferredUntil > Simulator::Now() && s.preferredUntil < next)
        {
            next = s.preferredUntil;
        }
    }
    if (next != Time::Max())
    {
        m_expiry =
            Simulator::Schedule(next - Simulator::Now(), &SourceAddressSelection::Expire, this);
    }
}

void
SourceAddressSelection::Expire()
{
    NS_LOG_FUNCTION(this);
    ApplyStates();
    ScheduleExpiry();
}

Time
SourceAddressSelection::GetPreferredLifetime(const HomeNetworkPrefix& prefix) const
{
    auto it = m_prefixes.find(prefix);
    if (it == m_prefixes.end() || it->second.preferredUntil <= Simulator::Now())
    {
        return Time(0);
    }
    return it->second.preferredUntil - Simulator::Now();
}

std::vector<SourceAddressSelection::Candidate>
SourceAddressSelection::GetCandidates(Ipv6Address home) const
{
    std::vector<Candidate> out;
    bool homeFound = false;
    for (uint32_t i = 0; m_interface && i < m_interface->GetNAddresses(); ++i)
    {
        Ipv6InterfaceAddress a = m_interface->GetAddress(i);
        auto it = StateOf(a.GetAddress());
        // RFC 4862 §5.5.4: an invalid address (valid lifetime over, or DAD failed) is not used.
        bool invalid = a.GetState() == Ipv6InterfaceAddress::INVALID ||
                       (it != m_prefixes.end() && it->second.validUntil <= Simulator::Now());
        if (a.GetAddress().IsLinkLocal() || invalid)
        {
            continue;
        }
        Candidate c;
        c.address = a.GetAddress();
        c.prefixLength = a.GetPrefix().GetPrefixLength();
        c.deprecated = IsDeprecated(c.address) || a.GetState() == Ipv6InterfaceAddress::DEPRECATED;
        c.home = c.address == home;
        c.currentLink = it != m_prefixes.end() && it->second.currentLink;
        c.kept = it != m_prefixes.end() && (it->second.properties & NdOptions::PROPERTY_CONTINUITY);
        c.order = i;
        auto flows = m_flows.find(c.address);
        c.flows = m_spreadFlows && flows != m_flows.end() ? flows->second : 0;
        homeFound = homeFound || c.home;
        out.push_back(c);
    }
    if (!home.IsAny() && !homeFound)
    {
        Candidate c; // away from home, the home address lives on no link (RFC 6275 §11.3.1)
        c.address = home;
        c.home = true;
        out.insert(out.begin(), c);
    }
    return out;
}

Ipv6Address
SourceAddressSelection::Select(Ipv6Address destination, Ipv6Address home) const
{
    std::vector<Candidate> candidates = GetCandidates(home);
    const Candidate* best = nullptr;
    for (const auto& c : candidates)
    {
        if (!best || Prefer(c, *best, destination))
        {
            best = &c;
        }
    }
    NS_LOG_LOGIC("source for " << destination << ": "
                               << (best ? best->address : Ipv6Address::GetAny()));
    return best ? best->address : Ipv6Address::GetAny();
}

void
SourceAddressSelection::NoteFlow(Ipv6Address address)
{
    if (!m_spreadFlows)
    {
        return;
    }
    // Bounded: only the addresses the interface has now are counted.
    std::map<Ipv6Address, uint32_t> kept;
    for (uint32_t i = 0; m_interface && i < m_interface->GetNAddresses(); ++i)
    {
        Ipv6Address a = m_interface->GetAddress(i).GetAddress();
        auto it = m_flows.find(a);
        kept[a] = (it == m_flows.end() ? 0 : it->second) + (a == address);
    }
    m_flows.swap(kept);
}

uint32_t
SourceAddressSelection::Label(Ipv6Address a)
{
    // RFC 6724 §2.1 default policy table, longest prefix first.
    static const std::array<std::pair<HomeNetworkPrefix, uint32_t>, 9> table{{
        {HomeNetworkPrefix::Make(Ipv6Address("::1"), 128), 0},
        {HomeNetworkPrefix::Make(Ipv6Address("::ffff:0:0"), 96), 4},
        {HomeNetworkPrefix::Make(Ipv6Address("::"), 96), 3},
        {HomeNetworkPrefix::Make(Ipv6Address("2001::"), 32), 5},
        {HomeNetworkPrefix::Make(Ipv6Address("2002::"), 16), 2},
        {HomeNetworkPrefix::Make(Ipv6Address("3ffe::"), 16), 12},
        {HomeNetworkPrefix::Make(Ipv6Address("fec0::"), 10), 11},
        {HomeNetworkPrefix::Make(Ipv6Address("fc00::"), 7), 13},
        {HomeNetworkPrefix::Make(Ipv6Address("::"), 0), 1},
    }};
    for (const auto& [prefix, label] : table)
    {
        if (prefix.Contains(a))
        {
            return label;
        }
    }
    return 1;
}

uint8_t
SourceAddressSelection::CommonPrefixLength(Ipv6Address a, Ipv6Address b, uint8_t limit)
{
    uint8_t x[16];
    uint8_t y[16];
    a.GetBytes(x);
    b.GetBytes(y);
    uint8_t bits = 0;
    for (int i = 0; i < 16 && x[i] == y[i]; ++i)
    {
        bits += 8;
    }
    if (bits < 128)
    {
        uint8_t diff = x[bits / 8] ^ y[bits / 8];
        while (!(diff & (0x80 >> (bits % 8))))
        {
            ++bits;
        }
    }
    return std::min(bits, limit);
}

bool
SourceAddressSelection::Prefer(const Candidate& a,
                               const Candidate& b,
                               Ipv6Address destination,
                               Rule* decided)
{
    bool known = !destination.IsAny();
    int scope = 0;
    if (known && Scope(a.address) != Scope(b.address))
    {
        // Rule 2: the smaller scope only if it still reaches the destination.
        const Candidate& smaller = Scope(a.address) < Scope(b.address) ? a : b;
        bool aWins = (Scope(smaller.address) < Scope(destination)) != (&smaller == &a);
        scope = aWins ? 1 : -1;
    }
    uint32_t dLabel = Label(destination);
    auto own = [](const Candidate& c) { return c.currentLink && !c.kept; };
    auto match = [&](const Candidate& c) {
        return CommonPrefixLength(c.address, destination, c.prefixLength);
    };
    // RFC 6724 §5; rule 5 does not apply (one interface), nor rule 7 (no temporary
    // addresses). Rule 8 "MAY be superseded if the implementation has other means of
    // choosing": the current router's own prefix comes first (seed 003 §4.2 step 4).
    std::array<std::pair<Rule, int>, 9> rules{{
        {Rule::SAME_ADDRESS,
         known ? Compare(a.address == destination, b.address == destination) : 0},
        {Rule::SCOPE, scope},
        {Rule::DEPRECATED, Compare(!a.deprecated, !b.deprecated)},
        {Rule::HOME, Compare(a.home, b.home)},
        {Rule::LABEL, known ? Compare(Label(a.address) == dLabel, Label(b.address) == dLabel) : 0},
        {Rule::CURRENT_LINK, Compare(own(a), own(b))},
        {Rule::LONGEST_MATCH, known ? Compare(match(a), match(b)) : 0},
        {Rule::FEWEST_FLOWS, Compare(b.flows, a.flows)},
        {Rule::NEWEST, Compare(a.order, b.order)},
    }};
    for (const auto& [rule, verdict] : rules)
    {
        if (verdict != 0)
        {
            if (decided)
            {
                *decided = rule;
            }
            return verdict > 0;
        }
    }
    if (decided)
    {
        *decided = Rule::NEWEST;
    }
    return false;
}

} // namespace ns3
