/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/result-writer.h"

#include "ns3/log.h"
#include "ns3/record-stream.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ResultWriter");

namespace
{

const double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Fixed-precision number, or `null` (JSON) / "" (CSV) when undefined.
std::string
Fixed(double v, int decimals, const char* undefined)
{
    if (!std::isfinite(v))
    {
        return undefined;
    }
    std::string s = fmt::format("{:.{}f}", v, decimals);
    return s == fmt::format("-{:.{}f}", 0.0, decimals) ? s.substr(1) : s; // no "-0.000"
}

std::string
JsonNum(double v, int decimals)
{
    return Fixed(v, decimals, "null");
}

std::string
CsvNum(double v, int decimals)
{
    return Fixed(v, decimals, "");
}

std::string
JsonStr(const std::string& s)
{
    return nlohmann::json(s).dump();
}

/// RFC 4180 quoting, only where needed.
std::string
CsvStr(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
    {
        return s;
    }
    std::string out = "\"";
    for (char c : s)
    {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string
StatsJson(const std::vector<double>& values)
{
    SampleStats s = ComputeStats(values);
    return fmt::format(R"({{"mean": {}, "p50": {}, "p95": {}, "max": {}}})",
                       JsonNum(s.mean, 6),
                       JsonNum(s.p50, 6),
                       JsonNum(s.p95, 6),
                       JsonNum(s.max, 6));
}

std::string
SecurityJson(const std::map<std::string, uint64_t>& counters)
{
    if (counters.empty())
    {
        return "  \"security\": {\"enabled\": false},\n";
    }
    auto get = [&](const char* key) {
        auto it = counters.find(key);
        return it == counters.end() ? uint64_t{0} : it->second;
    };
    std::string dropped;
    for (const auto& [reason, count] : counters)
    {
        if (reason.rfind("auth_", 0) == 0)
        {
            dropped += fmt::format("{}{}: {}", dropped.empty() ? "" : ", ", JsonStr(reason), count);
        }
    }
    std::string out = "  \"security\": {\n";
    out += "    \"enabled\": true,\n";
    out += fmt::format("    \"protected\": {},\n", get("protected"));
    out += fmt::format("    \"unprotected\": {},\n", get("unprotected"));
    out += fmt::format("    \"authentic\": {},\n", get("authentic"));
    out += fmt::format("    \"dropped\": {{{}}}\n", dropped);
    out += "  },\n";
    return out;
}

std::string
AttacksJson(const RunResults& r)
{
    std::string attacks;
    for (const auto& a : r.attacks)
    {
        attacks += fmt::format("{}\n    {{\"by\": {}, \"type\": {}, \"message\": {}, \"from\": {}, "
                               "\"at_s\": {}, \"sent\": {}, \"missed\": {}}}",
                               attacks.empty() ? "" : ",",
                               JsonStr(a.by),
                               JsonStr(a.type),
                               JsonStr(a.message),
                               JsonStr(a.from),
                               JsonNum(a.atS, 9),
                               a.sent,
                               a.missed);
    }
    std::string data;
    for (const auto& [name, count] : r.attackerData)
    {
        data += fmt::format("{}{}: {}", data.empty() ? "" : ", ", JsonStr(name), count);
    }
    std::string out =
        fmt::format("  \"attacks\": [{}{}],\n", attacks, attacks.empty() ? "" : "\n  ");
    out += fmt::format("  \"attacker_data_packets\": {{{}}}\n", data);
    return out;
}

/// The flows' first service (only flows followed per packet: UDP).
std::string
FlowsJson(const std::vector<FlowRecord>& flows)
{
    std::vector<double> firstDelay;
    std::vector<double> optimizedAfter;
    std::vector<double> detoured;
    for (const auto& f : flows)
    {
        if (f.timed)
        {
            firstDelay.push_back(f.firstPacketDelayMs);
            optimizedAfter.push_back(f.optimizedAfterMs);
            detoured.push_back(static_cast<double>(f.detouredPackets));
        }
    }
    std::string out = "  \"flows\": {\n";
    out += fmt::format("    \"timed\": {},\n", detoured.size());
    out += fmt::format("    \"optimized\": {},\n", ComputeStats(optimizedAfter).count);
    out += fmt::format("    \"first_packet_delay_ms\": {},\n", StatsJson(firstDelay));
    out += fmt::format("    \"optimized_after_ms\": {},\n", StatsJson(optimizedAfter));
    out += fmt::format("    \"detoured_packets\": {}\n", StatsJson(detoured));
    out += "  },\n";
    return out;
}

/// \return a flat object of counters as a summary key, or nothing when there are none
std::string
CountersJson(const std::string& key, const std::map<std::string, uint64_t>& counters)
{
    if (counters.empty())
    {
        return "";
    }
    std::string body;
    for (const auto& [name, count] : counters)
    {
        body += fmt::format("{}{}: {}", body.empty() ? "" : ", ", JsonStr(name), count);
    }
    return fmt::format("  {}: {{{}}},\n", JsonStr(key), body);
}

std::string
SummaryJson(const RunResults& r, const SignalingTotals& signaling, const HandoverTotals& handovers)
{
    uint64_t sent = 0;
    uint64_t received = 0;
    uint64_t lost = 0;
    for (const auto& f : r.flows)
    {
        sent += f.sent;
        received += f.received;
        lost += f.lost;
    }
    std::string perType;
    for (const auto& [type, count] : signaling.messages)
    {
        perType += fmt::format("{}{}: {}", perType.empty() ? "" : ", ", JsonStr(type), count);
    }

    std::string out = "{\n";
    out += fmt::format("  \"scenario\": {},\n", JsonStr(r.scenario));
    out += fmt::format("  \"profile\": {},\n", JsonStr(r.profile));
    out += fmt::format("  \"seed\": {},\n", r.seed);
    out += fmt::format("  \"simulated_s\": {},\n", JsonNum(r.simulatedS, 9));
    out += fmt::format("  \"wall_s\": {},\n", JsonNum(r.wallS, 3));
    out += fmt::format("  \"events\": {},\n", r.events);
    if (r.dataMode != "packet") // packet runs keep their files byte for byte
    {
        out += fmt::format("  \"data_mode\": {},\n", JsonStr(r.dataMode));
    }
    out += "  \"handovers\": {\n";
    out += fmt::format("    \"count\": {},\n", handovers.latencyMs.size());
    out += fmt::format("    \"latency_ms\": {},\n", StatsJson(handovers.latencyMs));
    out += fmt::format("    \"interruption_ms\": {}\n", StatsJson(handovers.interruptionMs));
    out += "  },\n";
    out += "  \"packets\": {\n";
    out += fmt::format("    \"sent\": {},\n", sent);
    out += fmt::format("    \"received\": {},\n", received);
    out += fmt::format("    \"lost\": {},\n", lost);
    out += fmt::format("    \"loss_ratio\": {},\n",
                       JsonNum(sent > 0 ? static_cast<double>(lost) / sent : kNaN, 9));
    std::string dropped;
    for (const auto& [reason, count] : r.packets.dropped)
    {
        dropped += fmt::format("{}{}: {}", dropped.empty() ? "" : ", ", JsonStr(reason), count);
    }
    out += fmt::format("    \"dropped\": {{{}}},\n", dropped);
    out += fmt::format("    \"in_flight_at_end\": {},\n", r.packets.inFlight.Total());
    out += fmt::format("    \"unaccounted\": {}\n", r.packets.unaccounted);
    out += "  },\n";
    out += "  \"signaling\": {\n";
    out += fmt::format("    \"messages\": {{{}}},\n", perType);
    out += fmt::format("    \"bytes\": {},\n", signaling.bytes);
    out += fmt::format("    \"byte_hops\": {}\n", r.signalingByteHops);
    out += "  },\n";
    out += "  \"path\": {\n";
    out += fmt::format("    \"mean_stretch\": {},\n", JsonNum(r.meanPathStretch, 6));
    out += fmt::format("    \"tunnelled_bytes\": {}\n", r.tunnelledBytes);
    out += "  },\n";
    out += FlowsJson(r.flows);
    std::string ignored;
    for (const auto& key : r.ignoredKeys)
    {
        ignored += (ignored.empty() ? "" : ", ") + JsonStr(key);
    }
    out += fmt::format("  \"ignored_keys\": [{}],\n", ignored);
    out += SecurityJson(r.security);
    out += CountersJson("epmip", r.epmip);
    for (const auto& [kind, counters] : r.accessCounters)
    {
        out += CountersJson(kind, counters);
    }
    out += AttacksJson(r);
    out += "}\n";
    return out;
}

/// A CSV file of one row per record.
template <typename Record, typename RowFn>
std::string
Csv(std::string header, const std::vector<Record>& records, RowFn row)
{
    for (const auto& r : records)
    {
        header += row(r);
    }
    return header;
}

std::string
FlowsCsv(const RunResults& r)
{
    std::string out = "flow,mn,cn,start_s,sent,received,lost,mean_delay_ms,address,"
                      "first_packet_delay_ms,optimized_after_ms,detoured_packets\n";
    for (const auto& f : r.flows)
    {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n",
                           CsvStr(f.flow),
                           CsvStr(f.mn),
                           CsvStr(f.cn),
                           CsvNum(f.startS, 9),
                           f.sent,
                           f.received,
                           f.lost,
                           CsvNum(f.meanDelayMs, 6),
                           CsvStr(f.address),
                           CsvNum(f.firstPacketDelayMs, 6),
                           CsvNum(f.optimizedAfterMs, 6),
                           f.timed ? std::to_string(f.detouredPackets) : std::string());
    }
    return out;
}

/// Columns: flow, seq, sent_s, received_s (empty: lost). Times in s, 9 decimals.
std::string
PacketsCsv(const std::vector<PacketRecord>& packets)
{
    std::string out = "flow,seq,sent_s,received_s\n";
    for (const auto& p : packets)
    {
        out += fmt::format("{},{},{},{}\n",
                           CsvStr(p.flow),
                           p.seq,
                           CsvNum(p.sentS, 9),
                           CsvNum(p.receivedS, 9));
    }
    return out;
}

void
WriteFile(const std::filesystem::path& file, const std::string& content)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out)
    {
        throw std::runtime_error(fmt::format("cannot write result file \"{}\"", file.string()));
    }
}

} // namespace

double
NearestRankPercentile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
    {
        return kNaN;
    }
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

SampleStats
ComputeStats(std::vector<double> values)
{
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
        values.end());
    SampleStats s;
    s.count = values.size();
    if (values.empty())
    {
        s.mean = s.p50 = s.p95 = s.max = kNaN;
        return s;
    }
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double v : values)
    {
        sum += v;
    }
    s.mean = sum / values.size();
    s.p50 = NearestRankPercentile(values, 50);
    s.p95 = NearestRankPercentile(values, 95);
    s.max = values.back();
    return s;
}

void
CreateOutputDirectory(const std::string& outDir)
{
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec || !std::filesystem::is_directory(outDir))
    {
        throw std::runtime_error(
            fmt::format("cannot create output directory \"{}\": {}",
                        outDir,
                        ec ? ec.message() : std::string("a file of that name exists")));
    }
}

namespace
{

/// All result files but signaling.csv, and but handovers.csv when it was streamed.
void
WriteAllButSignaling(const RunResults& r,
                     const SignalingTotals& signaling,
                     const HandoverTotals* streamed,
                     const std::filesystem::path& dir)
{
    if (streamed)
    {
        WriteFile(dir / "summary.json", SummaryJson(r, signaling, *streamed));
    }
    else
    {
        WriteFile(dir / "summary.json", SummaryJson(r, signaling, HandoverTotals::Of(r.handovers)));
        WriteFile(dir / "handovers.csv", Csv(HandoversCsvHeader(), r.handovers, HandoversCsvRow));
    }
    WriteFile(dir / "flows.csv", FlowsCsv(r));
    if (r.packetTrace)
    {
        WriteFile(dir / "packets.csv", PacketsCsv(*r.packetTrace));
    }
}

} // namespace

std::string
HandoversCsvHeader()
{
    return "time_s,mn,from,to,l2_down_s,l2_up_s,signaling_done_s,first_rx_s,"
           "latency_ms,interruption_ms,lost_packets\n";
}

std::string
HandoversCsvRow(const HandoverRecord& h)
{
    return fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n",
                       CsvNum(h.timeS, 9),
                       CsvStr(h.mn),
                       CsvStr(h.from),
                       CsvStr(h.to),
                       CsvNum(h.l2DownS, 9),
                       CsvNum(h.l2UpS, 9),
                       CsvNum(h.signalingDoneS, 9),
                       CsvNum(h.firstRxS, 9),
                       CsvNum(h.latencyMs, 6),
                       CsvNum(h.interruptionMs, 6),
                       h.lostPackets);
}

std::string
SignalingCsvHeader()
{
    return "time_s,node,type,bytes,src,dst\n";
}

std::string
SignalingCsvRow(const SignalingRecord& s)
{
    return fmt::format("{},{},{},{},{},{}\n",
                       CsvNum(s.timeS, 9),
                       CsvStr(s.node),
                       CsvStr(s.type),
                       s.bytes,
                       CsvStr(s.src),
                       CsvStr(s.dst));
}

void
WriteResults(const RunResults& r, const std::string& outDir)
{
    CreateOutputDirectory(outDir);
    std::filesystem::path dir(outDir);
    SignalingTotals signaling;
    for (const auto& s : r.signaling)
    {
        signaling.Add(s);
    }
    WriteAllButSignaling(r, signaling, nullptr, dir);
    WriteFile(dir / "signaling.csv", Csv(SignalingCsvHeader(), r.signaling, SignalingCsvRow));
    NS_LOG_INFO("results written to " << outDir);
}

void
WriteStreamedResults(const RunResults& r,
                     const SignalingTotals& signaling,
                     const std::string& outDir)
{
    CreateOutputDirectory(outDir);
    WriteAllButSignaling(r, signaling, nullptr, std::filesystem::path(outDir));
    NS_LOG_INFO("results written to " << outDir << " (signaling.csv streamed)");
}

void
WriteStreamedResults(const RunResults& r,
                     const SignalingTotals& signaling,
                     const HandoverTotals& handovers,
                     const std::string& outDir)
{
    CreateOutputDirectory(outDir);
    WriteAllButSignaling(r, signaling, &handovers, std::filesystem::path(outDir));
    NS_LOG_INFO("results written to " << outDir << " (signaling.csv, handovers.csv streamed)");
}

} // namespace ns3
