/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_RESULT_WRITER_H
#define DMM_RESULT_WRITER_H

#include "ns3/mobility-records.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/// \brief What one scripted attack did.
struct AttackRecord
{
    std::string by;      //!< attacker node
    std::string type;    //!< forge, replay or flood
    std::string message; //!< overheard message name
    std::string from;    //!< overheard node
    double atS = 0;      //!< first send, s
    uint32_t sent = 0;   //!< messages sent
    uint32_t missed = 0; //!< not sent: nothing overheard yet
};

/// \brief Everything one run produces; WriteResults turns it into the result files.
struct RunResults
{
    std::string scenario;                   //!< scenario name
    std::string profile;                    //!< profile name
    uint32_t seed = 0;                      //!< RNG seed
    double simulatedS = 0;                  //!< simulated time, s
    double wallS = 0;                       //!< wall-clock time of the run, s
    uint64_t events = 0;                    //!< simulator events executed
    std::string dataMode = "packet";        //!< scenario key "data": "packet" or "fluid"
    std::vector<HandoverRecord> handovers;  //!< one per handover
    std::vector<SignalingRecord> signaling; //!< one per mobility message sent
    std::vector<FlowRecord> flows;          //!< one per flow
    uint64_t signalingByteHops = 0;         //!< sum over messages of bytes x hops
    double meanPathStretch = 0;             //!< mean data path length / shortest path length
    uint64_t tunnelledBytes = 0;            //!< bytes carried inside tunnels
    std::vector<std::string> warnings; //!< things the run could not do as asked (not in the files)
    std::vector<std::string> ignoredKeys; //!< scenario keys the profile does not read
    /// Signalling security: messages protected/unprotected/authentic and drops by reason
    /// (empty when the scenario disables it)
    std::map<std::string, uint64_t> security;
    /// ePMIP: the eMAGs' DRF counters summed (empty, and no key, for other profiles)
    std::map<std::string, uint64_t> epmip;
    /// The access routers' agent counters summed per kind ("mars": dma's MARs,
    /// "mobility_routers": fully-distributed's and dmm-mip's); no key for other profiles
    std::map<std::string, std::map<std::string, uint64_t>> accessCounters;
    std::vector<AttackRecord> attacks;            //!< one per scripted attack
    std::map<std::string, uint64_t> attackerData; //!< attacker -> data packets it received
    PacketAccount packets; //!< data packets: delivered, dropped by reason, in flight
    /// The opt-in per-packet trace (packets.csv); no value: not asked for, no file
    std::optional<std::vector<PacketRecord>> packetTrace;
};

/// \brief How dmm-run wants a scenario run.
struct RunOptions
{
    std::string outDir;       //!< result folder (exists before the run; pcap files go there)
    bool pcap = false;        //!< write pcap files into outDir
    bool progress = true;     //!< print a progress line on stderr during long runs
    bool packetTrace = false; //!< also write packets.csv (one row per data packet sent)
    /// UDP/TCP/ICMPv6 checksums: on, off, or auto (on when pcap files are written)
    std::string checksums = "auto";
    /// wired routes in ns-3's Ipv6StaticRouting, a /128 per address (the slow reference)
    /// instead of Ipv6PrefixRouting's aggregated routes; the paths are the same
    bool staticWiredRoutes = false;
    /// event scheduler: "compacting" (CompactingScheduler: cancelled events freed) or
    /// "map" (ns-3's MapScheduler: kept until their time; the same results but the event
    /// count)
    std::string scheduler = "compacting";
};

/**
 * \brief Summary statistics of a sample; NaN values are left out.
 */
struct SampleStats
{
    std::size_t count = 0; //!< values used
    double mean = 0;       //!< arithmetic mean (NaN if count is 0)
    double p50 = 0;        //!< median, nearest rank (NaN if count is 0)
    double p95 = 0;        //!< 95th percentile, nearest rank (NaN if count is 0)
    double max = 0;        //!< maximum (NaN if count is 0)
};

/**
 * \brief Nearest-rank percentile: the smallest value with at least p% of the sample at or
 * below it, i.e. sorted[ceil(p/100 * n) - 1] (sorted[0] for p = 0).
 * \param sorted ascending values, not empty
 * \param p percentile in [0, 100]
 * \returns the percentile
 */
double NearestRankPercentile(const std::vector<double>& sorted, double p);

/**
 * \brief Mean, p50, p95 and max of the finite values of a sample.
 * \param values the sample (NaN entries are ignored)
 * \returns the statistics
 */
SampleStats ComputeStats(std::vector<double> values);

/**
 * \brief Create the result folder (and its parents).
 * \param outDir folder
 * \throws std::runtime_error naming the folder if it cannot be created
 */
void CreateOutputDirectory(const std::string& outDir);

/**
 * \brief Write summary.json, handovers.csv, signaling.csv and flows.csv into outDir, and
 * packets.csv when r.packetTrace has a value.
 *
 * The format is the contract of DESIGN.md "Result files". Numbers use fixed precision
 * (times in s: 9 decimals, durations in ms: 6), so the same results give byte-identical
 * files; wall_s is the only wall-clock field. Undefined numbers are `null` in JSON and empty
 * fields in CSV.
 *
 * \param r the results
 * \param outDir folder, created if needed
 * \throws std::runtime_error naming the folder or file on failure
 */
void WriteResults(const RunResults& r, const std::string& outDir);

} // namespace ns3

#endif /* DMM_RESULT_WRITER_H */
