/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DMM_RECORD_STREAM_H
#define DMM_RECORD_STREAM_H

#include "ns3/callback.h"
#include "ns3/mobility-records.h"
#include "ns3/result-writer.h"

#include <cstdint>
#include <fstream>
#include <map>
#include <string>

namespace ns3
{

/// \brief What summary.json says of the signalling records: messages per type and bytes.
struct SignalingTotals
{
    std::map<std::string, uint64_t> messages; //!< message type -> messages sent
    uint64_t bytes = 0;                       //!< IPv6 bytes of all messages

    /// \brief Count one record. \param r the record
    void Add(const SignalingRecord& r)
    {
        ++messages[r.type];
        bytes += r.bytes;
    }
};

/// \return the first line of signaling.csv (the DESIGN.md columns)
std::string SignalingCsvHeader();
/// \param s a record \return its signaling.csv row, with its line end
std::string SignalingCsvRow(const SignalingRecord& s);

/**
 * \brief signaling.csv written while the run goes: the sink of SignalingMonitor's
 * RecordSink, so that a long run does not keep one record per message until its end.
 *
 * The rows are those WriteResults would write from the same records, in the same order.
 */
class SignalingCsvStream
{
  public:
    /**
     * \brief Open outDir/signaling.csv.part and write the header; Close renames it.
     * \param outDir result folder (exists)
     * \throws std::runtime_error naming the file if it cannot be opened
     */
    explicit SignalingCsvStream(const std::string& outDir);
    /// A run that did not finish (no Close) leaves no partial file behind.
    ~SignalingCsvStream();
    SignalingCsvStream(const SignalingCsvStream&) = delete;
    SignalingCsvStream& operator=(const SignalingCsvStream&) = delete;

    /// \brief Write one row and count it. \param r the record
    void Add(const SignalingRecord& r);
    /// \return a callback for SignalingMonitor::RecordSink (this object must outlive the run)
    Callback<void, const SignalingRecord&> GetSink();
    /**
     * \brief Flush and close the file, and give it its name, signaling.csv.
     * \throws std::runtime_error naming the file if a write failed
     */
    void Close();
    /// \return the totals of the rows written
    const SignalingTotals& GetTotals() const;

  private:
    std::string m_file;       //!< path of signaling.csv
    std::string m_part;       //!< path written to until Close
    std::ofstream m_out;      //!< the open file
    SignalingTotals m_totals; //!< what summary.json needs of the rows
};

/**
 * \brief WriteResults for a run whose signalling records went to a SignalingCsvStream:
 * summary.json takes its signalling totals from \p signaling, and signaling.csv (written
 * by the stream) is left alone; r.signaling is not read.
 * \param r the results \param signaling the stream's totals \param outDir folder
 * \throws std::runtime_error naming the folder or file on failure
 */
void WriteStreamedResults(const RunResults& r,
                          const SignalingTotals& signaling,
                          const std::string& outDir);

} // namespace ns3

#endif /* DMM_RECORD_STREAM_H */
