/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The scenario's "flows": who talks to whom, when, and how much.

#include "ns3/scenario-flows.h"

#include "ns3/json-object-reader.h"
#include "ns3/scenario-config.h"

#include <fmt/format.h>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace ns3
{

using nlohmann::json;

namespace
{

using Reader = JsonObjectReader;

/// BulkSendApplication writes max_bytes in kTcpSendSize pieces, each starting with the
/// traffic header, and aborts the run if a piece (the last one) is shorter than that header.
void
CheckTcpMaxBytes(const std::string& path, uint64_t maxBytes)
{
    const uint32_t header = FlowConfig::TrafficHeaderSize();
    const uint64_t last = maxBytes % FlowConfig::kTcpSendSize;
    if (maxBytes != 0 && last != 0 && last < header)
    {
        Reader::Fail(path,
                     fmt::format("the flow writes {} bytes at a time and every write starts "
                                 "with a {}-byte sequence/timestamp/size header, so the last "
                                 "write of {} bytes cannot hold it; use 0, a multiple of {}, "
                                 "or a remainder of at least {} (got {})",
                                 FlowConfig::kTcpSendSize,
                                 header,
                                 last,
                                 FlowConfig::kTcpSendSize,
                                 header,
                                 maxBytes));
    }
}

/// Every flow needs an ephemeral port at its source and its own port at its sink (ns-3
/// would abort at the bind, or deliver a flow to another flow's sink).
void
CheckFlowPorts(const ScenarioConfig& c)
{
    std::unordered_map<std::string, uint32_t> sources;
    std::map<std::pair<std::string, uint16_t>, std::size_t> sinks;
    for (std::size_t i = 0; i < c.flows.size(); ++i)
    {
        const FlowConfig& f = c.flows[i];
        if (++sources[f.from] > FlowConfig::kEphemeralPorts)
        {
            Reader::Fail(fmt::format("flows[{}].from", i),
                         fmt::format("node \"{}\" starts more than {} flows (each flow's socket "
                                     "takes one of the node's ephemeral ports, 49152-65535)",
                                     f.from,
                                     FlowConfig::kEphemeralPorts));
        }
        uint16_t port = FlowConfig::SinkPort(i);
        auto [it, fresh] = sinks.emplace(std::make_pair(f.to, port), i);
        if (!fresh)
        {
            Reader::Fail(fmt::format("flows[{}].to", i),
                         fmt::format("node \"{}\" already receives flows[{}] on port {} (flow i "
                                     "listens on {} + i mod {})",
                                     f.to,
                                     it->second,
                                     port,
                                     FlowConfig::kFirstSinkPort,
                                     FlowConfig::kSinkPorts));
        }
    }
}

} // namespace

void
ParseFlows(const JsonObjectReader& top, ScenarioConfig& c)
{
    const json& flows = top.Array("flows");
    std::set<std::string> names;
    c.flows.reserve(c.flows.size() + flows.size());
    for (std::size_t i = 0; i < flows.size(); ++i)
    {
        std::string path = fmt::format("flows[{}]", i);
        Reader o(flows[i], path, ScenarioKeys("flows[]"));
        FlowConfig f{};
        f.name = o.String("name");
        if (!IsValidScenarioName(f.name))
        {
            Reader::Fail(
                o.Path("name"),
                fmt::format("invalid name \"{}\" (use letters, digits, '_' and '-')", f.name));
        }
        if (!names.insert(f.name).second)
        {
            Reader::Fail(o.Path("name"), fmt::format("duplicate flow name \"{}\"", f.name));
        }
        f.type = o.String("type");
        const std::set<std::string> udpOnly{"interval_ms", "size_bytes"};
        const std::set<std::string> tcpOnly{"max_bytes"};
        if (f.type != "udp" && f.type != "tcp")
        {
            Reader::Fail(o.Path("type"),
                         fmt::format("unknown type \"{}\" (known: tcp, udp)", f.type));
        }
        for (const auto& key : f.type == "udp" ? tcpOnly : udpOnly)
        {
            if (o.Has(key))
            {
                Reader::Fail(o.Path(key), fmt::format("not allowed for a {} flow", f.type));
            }
        }
        const NodeConfig& from = ScenarioEndpoint(c, o, "from");
        const NodeConfig& to = ScenarioEndpoint(c, o, "to");
        // A correspondent is a fixed node (cn) or another mobile node.
        bool ok = (from.role == "mn" && (to.role == "cn" || to.role == "mn")) ||
                  (from.role == "cn" && to.role == "mn");
        if (!ok || from.name == to.name)
        {
            const NodeConfig& bad = (from.role == "mn" || from.role == "cn") ? to : from;
            Reader::Fail(o.Path(&bad == &to ? "to" : "from"),
                         fmt::format("a flow runs between an mn and a cn or another mn (from "
                                     "\"{}\" is {}, to \"{}\" is {})",
                                     from.name,
                                     from.role,
                                     to.name,
                                     to.role));
        }
        f.from = from.name;
        f.to = to.name;
        f.startS = o.Number("start_s");
        Reader::CheckMin(o.Path("start_s"), f.startS, 0, false);
        f.stopS = o.Number("stop_s");
        if (!(f.stopS > f.startS))
        {
            Reader::Fail(o.Path("stop_s"),
                         fmt::format("must be > start_s {} (got {})", f.startS, f.stopS));
        }
        if (f.stopS > c.durationS)
        {
            Reader::Fail(o.Path("stop_s"),
                         fmt::format("must be <= duration_s {} (got {})", c.durationS, f.stopS));
        }
        const uint32_t header = FlowConfig::TrafficHeaderSize();
        if (f.type == "udp")
        {
            f.intervalMs = o.Number("interval_ms");
            Reader::CheckMin(o.Path("interval_ms"), f.intervalMs, 0, true);
            f.sizeBytes = static_cast<uint32_t>(o.Unsigned("size_bytes", 65000));
            Reader::CheckMin(o.Path("size_bytes"), f.sizeBytes, header, false);
        }
        else
        {
            f.maxBytes = o.Has("max_bytes") ? o.Unsigned("max_bytes", UINT64_MAX) : 0;
            CheckTcpMaxBytes(o.Path("max_bytes"), f.maxBytes);
        }
        c.flows.push_back(f);
    }
    CheckFlowPorts(c);
}

} // namespace ns3
