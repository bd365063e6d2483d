/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Shared by the handover tests: a parameterised chain scenario and the pieces of the
// closed-form latency models (one-way delays of wired paths and access links, computed
// from the scenario file alone; message sizes read from signaling.csv records).
#ifndef DMM_TEST_CLOSED_FORM_H
#define DMM_TEST_CLOSED_FORM_H

#include "ns3/result-writer.h"
#include "ns3/scenario-builder.h"
#include "ns3/scenario-config.h"

#include <algorithm>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <queue>
#include <stdexcept>
#include <string>
#include <vector>

namespace dmmtest
{

using namespace ns3;
using nlohmann::json;

constexpr double ACCESS_OVERHEAD = 14; // Ethernet II header on the access link, bytes
constexpr double PPP_OVERHEAD = 2;     // PPP header, bytes

/// Append node \p name with \p role to scenario \p j.
inline void
AddNode(json& j, const std::string& name, const std::string& role)
{
    j["nodes"].push_back({{"name", name}, {"role", role}});
}

/// Append a 1 Gb/s wired link \p a - \p b of \p delayMs to scenario \p j.
inline void
AddLink(json& j, const std::string& a, const std::string& b, double delayMs)
{
    j["links"].push_back({{"a", a}, {"b", b}, {"delay_ms", delayMs}, {"rate_mbps", 1000.0}});
}

/// A chain anchor - r1 - ... - rK - {magA, magB}; cn behind a core router.
inline json
ChainScenario(int hops,
              double wiredMs,
              double switchMs,
              double accessMs,
              double accessMbps,
              const std::string& profile = "pmipv6")
{
    json j = {{"name", "chain"},
              {"profile", profile},
              {"duration_s", 6.0},
              {"l2", {{"type", "switch"}, {"switch_time_ms", switchMs}}},
              {"access", {{"delay_ms", accessMs}, {"rate_mbps", accessMbps}}},
              {"nodes", json::array()},
              {"links", json::array()}};
    auto node = [&](std::string n, std::string r) { AddNode(j, n, r); };
    auto link = [&](std::string a, std::string b, double d) { AddLink(j, a, b, d); };
    node("cn", "cn");
    node("core", "router");
    node("lma", "anchor");
    link("cn", "core", 4.0);
    link("core", "lma", 3.0);
    std::string prev = "lma";
    for (int i = 1; i < hops; ++i)
    {
        std::string r = "r" + std::to_string(i);
        node(r, "router");
        link(prev, r, wiredMs);
        prev = r;
    }
    node("magA", "access");
    node("magB", "access");
    node("mn", "mn");
    link(prev, "magA", wiredMs);
    link(prev, "magB", wiredMs);
    j["mobility"] = {{{"mn", "mn"}, {"at_s", 0.5}, {"attach", "magA"}},
                     {{"mn", "mn"}, {"at_s", 3.0}, {"attach", "magB"}}};
    j["flows"] = {{{"name", "down"},
                   {"type", "udp"},
                   {"from", "cn"},
                   {"to", "mn"},
                   {"start_s", 1.0},
                   {"stop_s", 5.5},
                   {"interval_ms", 10.0},
                   {"size_bytes", 100}},
                  {{"name", "up"},
                   {"type", "udp"},
                   {"from", "mn"},
                   {"to", "cn"},
                   {"start_s", 1.0},
                   {"stop_s", 5.5},
                   {"interval_ms", 10.0},
                   {"size_bytes", 100}}};
    return j;
}

/// Links on the shortest path between two nodes, read from the scenario alone.
inline std::vector<LinkConfig>
Path(const ScenarioConfig& cfg, const std::string& from, const std::string& to)
{
    std::map<std::string, std::pair<std::string, LinkConfig>> via;
    std::queue<std::string> q;
    q.push(from);
    via[from] = {"", {}};
    while (!q.empty())
    {
        std::string n = q.front();
        q.pop();
        for (const auto& l : cfg.links)
        {
            std::string other = l.a == n ? l.b : (l.b == n ? l.a : "");
            if (!other.empty() && !via.count(other))
            {
                via[other] = {n, l};
                q.push(other);
            }
        }
    }
    std::vector<LinkConfig> path;
    for (std::string n = to; n != from; n = via.at(n).first)
    {
        path.push_back(via.at(n).second);
    }
    return path;
}

inline double
WiredMs(const std::vector<LinkConfig>& path, double bytes)
{
    double ms = 0;
    for (const auto& l : path)
    {
        ms += l.delayMs + (bytes + PPP_OVERHEAD) * 8 / (l.rateMbps * 1e3);
    }
    return ms;
}

inline double
AccessMs(const ScenarioConfig& cfg, const std::string& ar, double bytes)
{
    return cfg.AccessDelayMsAt(ar) +
           (bytes + ACCESS_OVERHEAD) * 8 / (cfg.AccessRateMbpsAt(ar) * 1e3);
}

/// Size of the first message of a type sent by a node at or after a time.
inline const SignalingRecord&
Message(const RunResults& r, const std::string& node, const std::string& type, double after)
{
    for (const auto& s : r.signaling)
    {
        if (s.node == node && s.type == type && s.timeS >= after - 1e-12)
        {
            return s;
        }
    }
    throw std::runtime_error("no " + type + " from " + node);
}

/// PMIPv6 closed form with the LMA \p anchor (doc/dmm.rst, Validation): L2 switch + RS + MAG
/// Messages of a type sent by a node in [from, to], in order.
inline std::vector<SignalingRecord>
Messages(const RunResults& r,
         const std::string& node,
         const std::string& type,
         double from,
         double to = std::numeric_limits<double>::infinity())
{
    std::vector<SignalingRecord> out;
    for (const auto& s : r.signaling)
    {
        if (s.node == node && s.type == type && s.timeS >= from - 1e-12 && s.timeS <= to)
        {
            out.push_back(s);
        }
    }
    return out;
}

/// processing + PBU + LMA processing + PBA + MAG processing + RA.
inline double
PredictPmipv6(const ScenarioConfig& cfg,
              const RunResults& r,
              const HandoverRecord& h,
              const std::string& anchor)
{
    auto path = Path(cfg, h.to, anchor);
    double rs = Message(r, h.mn, "RS", h.l2UpS).bytes;
    double pbu = Message(r, h.to, "PBU", h.l2UpS).bytes;
    double pba = Message(r, anchor, "PBA", h.l2UpS).bytes;
    double ra = Message(r, h.to, "RA", h.l2UpS).bytes;
    return cfg.l2.switchTimeMs + AccessMs(cfg, h.to, rs) + cfg.accessProcessingMs +
           WiredMs(path, pbu) + cfg.anchorProcessingMs + WiredMs(path, pba) +
           cfg.accessProcessingMs + AccessMs(cfg, h.to, ra);
}

/// PBU/PBA exchanges of \p mag with \p anchor in [from, to], in order: the PBAs the anchor
/// sent to the MAG's proxy-CoA, each paired with the MAG's PBU before it.
inline std::vector<std::pair<SignalingRecord, SignalingRecord>>
Exchanges(const RunResults& r,
          const std::string& mag,
          const std::string& anchor,
          double from,
          double to)
{
    std::vector<std::pair<SignalingRecord, SignalingRecord>> out;
    auto pbus = Messages(r, mag, "PBU", from, to);
    for (const auto& pba : Messages(r, anchor, "PBA", from, to))
    {
        for (const auto& pbu : pbus)
        {
            if (pbu.dst == pba.src && pbu.src == pba.dst && pbu.timeS <= pba.timeS &&
                (out.empty() || pbu.timeS > out.back().first.timeS))
            {
                out.emplace_back(pbu, pba);
                break;
            }
        }
    }
    return out;
}

/// Wired time of one PBU/PBA exchange of \p mag with \p anchor, with its processing.
inline double
ExchangeMs(const ScenarioConfig& cfg,
           const std::string& mag,
           const std::string& anchor,
           const std::pair<SignalingRecord, SignalingRecord>& exchange)
{
    auto path = Path(cfg, mag, anchor);
    return WiredMs(path, exchange.first.bytes) + cfg.anchorProcessingMs +
           WiredMs(path, exchange.second.bytes);
}

/// Wire time of \p a's first \p question to \p b at or after \p after, processing at \p b
/// (anchor_ms), and \p b's first \p answer back, ms.
inline double
ExchangeMs(const ScenarioConfig& cfg,
           const RunResults& r,
           const std::string& a,
           const std::string& b,
           const std::string& question,
           const std::string& answer,
           double after)
{
    return ExchangeMs(cfg, a, b, {Message(r, a, question, after), Message(r, b, answer, after)});
}

/// PMIPv6 closed form in sequence-number mode (RFC 5213 §5.5 without timestamps): the new
/// MAG does not know the number the previous MAG used last, so its first PBU is refused
/// (status 135 with the LMA's last accepted number) and sent again at once with that
/// number + 1 (RFC 6275 §11.7.3): PredictPmipv6 plus that one extra PBU/PBA round trip.
inline double
PredictPmipv6Resync(const ScenarioConfig& cfg,
                    const RunResults& r,
                    const HandoverRecord& h,
                    const std::string& anchor)
{
    auto ex = Exchanges(r, h.to, anchor, h.l2UpS, h.signalingDoneS);
    if (ex.size() != 2)
    {
        throw std::runtime_error("expected a refused and an accepted PBU from " + h.to);
    }
    double rs = Message(r, h.mn, "RS", h.l2UpS).bytes;
    double ra = Message(r, h.to, "RA", h.l2UpS).bytes;
    double refused = ExchangeMs(cfg, h.to, anchor, ex[0]);
    return cfg.l2.switchTimeMs + AccessMs(cfg, h.to, rs) + cfg.accessProcessingMs + refused +
           ExchangeMs(cfg, h.to, anchor, ex[1]) + cfg.accessProcessingMs + AccessMs(cfg, h.to, ra);
}

/// DMA (seed 003 §4.2 step 3): the slowest of the new MAR's parallel PBU/PBA exchanges
/// with \p homeMars (wire both ways and anchor_ms at the H-MAR; in sequence-number mode an
/// H-MAR that last heard of the node from another MAR costs one refused exchange more), ms.
inline double
SlowestRegistrationMs(const ScenarioConfig& cfg,
                      const RunResults& r,
                      const HandoverRecord& h,
                      const std::vector<std::string>& homeMars)
{
    double slowest = 0;
    for (const auto& mar : homeMars)
    {
        double exchanges = 0;
        for (const auto& ex : Exchanges(r, h.to, mar, h.l2UpS, h.signalingDoneS))
        {
            exchanges += ExchangeMs(cfg, h.to, mar, ex);
        }
        slowest = std::max(slowest, exchanges);
    }
    return slowest;
}

/// DMA closed form (seed 003 §4.2): movement detection, the session database's answer
/// (Session Update and Query in one burst, Reply back), the PBU/PBA exchanges with every
/// H-MAR in parallel (the slowest H-MAR ends them; in sequence-number mode an H-MAR that
/// last heard of the node from another MAR costs one refused exchange more), and the RA.
inline double
PredictDma(const ScenarioConfig& cfg,
           const RunResults& r,
           const HandoverRecord& h,
           const std::vector<std::string>& homeMars)
{
    auto toDb = Path(cfg, h.to, "db");
    double rs = Message(r, h.mn, "RS", h.l2UpS).bytes;
    double ra = Message(r, h.to, "RA", h.l2UpS).bytes;
    double query = Message(r, h.to, "SessionQuery", h.l2UpS).bytes;
    double reply = Message(r, "db", "SessionReply", h.l2UpS).bytes;
    double slowest = SlowestRegistrationMs(cfg, r, h, homeMars);
    // Processing: access_ms for each message at the new MAR (RS, Session Reply, the last
    // PBA), anchor_ms at the database and at each H-MAR (its LMA role).
    double registrations = homeMars.empty() ? 0 : slowest + cfg.accessProcessingMs;
    return cfg.l2.switchTimeMs + AccessMs(cfg, h.to, rs) + cfg.accessProcessingMs +
           WiredMs(toDb, query) + cfg.anchorProcessingMs + WiredMs(toDb, reply) +
           cfg.accessProcessingMs + registrations + AccessMs(cfg, h.to, ra);
}

/// Client-based closed form with parallel bindings (Figs 8, 9): movement detection, then
/// the BU/BA exchanges whose BAs reach the new router \p atRouter ms after the RA was
/// sent; the first waits for the router's resolution of the new care-of address (NS, NA),
/// unless \p resolveCareOf is false: a dma-client router sends to the node's link-local
/// address, which its RS left in the neighbour cache (RFC 4861 §6.2.6).
inline double
PredictParallelBindings(const ScenarioConfig& cfg,
                        const RunResults& r,
                        const HandoverRecord& h,
                        const std::vector<double>& atRouter,
                        double baBytes,
                        bool resolveCareOf = true)
{
    constexpr double ND_BYTES = 72;
    double slowest = *std::max_element(atRouter.begin(), atRouter.end());
    double first = *std::min_element(atRouter.begin(), atRouter.end());
    double rs = Message(r, h.mn, "RS", h.l2UpS).bytes;
    double ra = Message(r, h.to, "RA", h.l2UpS).bytes;
    return cfg.l2.switchTimeMs + AccessMs(cfg, h.to, rs) + cfg.accessProcessingMs +
           AccessMs(cfg, h.to, ra) +
           std::max(slowest, first + (resolveCareOf ? 2 * AccessMs(cfg, h.to, ND_BYTES) : 0)) +
           AccessMs(cfg, h.to, baBytes);
}

/// Fig 8 case (2), the proxy LU: the node's BUs go to its current router, which relays
/// each to one earlier router of \p homeAgents (in the order sent); the BAs come straight
/// back. \p resolveCareOf as for PredictParallelBindings. \return the predicted latency of \p h
inline double
PredictProxiedBindings(const ScenarioConfig& cfg,
                       const RunResults& r,
                       const HandoverRecord& h,
                       const std::vector<std::string>& homeAgents,
                       bool resolveCareOf = true)
{
    auto sent = Messages(r, h.mn, "BU", h.l2UpS, h.signalingDoneS);
    auto relayed = Messages(r, h.to, "BU", h.l2UpS, h.signalingDoneS);
    std::vector<double> atRouter;
    for (size_t i = 0; i < homeAgents.size() && i < sent.size() && i < relayed.size(); ++i)
    {
        auto path = Path(cfg, h.to, homeAgents[i]);
        double ba = Message(r, homeAgents[i], "BA", h.l2UpS).bytes;
        atRouter.push_back(AccessMs(cfg, h.to, sent[i].bytes) + cfg.accessProcessingMs +
                           WiredMs(path, relayed[i].bytes) + cfg.anchorProcessingMs +
                           WiredMs(path, ba));
    }
    double ba = Message(r, homeAgents.front(), "BA", h.l2UpS).bytes;
    return PredictParallelBindings(cfg, r, h, atRouter, ba, resolveCareOf);
}

inline RunResults
Simulate(const ScenarioConfig& cfg)
{
    RunOptions opt;
    opt.progress = false;
    return RunScenario(cfg, opt);
}

} // namespace dmmtest

#endif // DMM_TEST_CLOSED_FORM_H
