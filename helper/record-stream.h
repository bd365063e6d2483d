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
#include <vector>

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

/// \brief What summary.json and dmm-run's last line say of the handover rows.
struct HandoverTotals
{
    std::vector<double> latencyMs;      //!< per row, in file order (NaN: none)
    std::vector<double> interruptionMs; //!< per row, in file order (NaN: none)

    /// \brief Count one row. \param h the row
    void Add(const HandoverRecord& h)
    {
        latencyMs.push_back(h.latencyMs);
        interruptionMs.push_back(h.interruptionMs);
    }
};

/// \return the first line of signaling.csv (the DESIGN.md columns)
std::string SignalingCsvHeader();
/// \param s a record \return its signaling.csv row, with its line end
std::string SignalingCsvRow(const SignalingRecord& s);
/// \return the first line of handovers.csv (the DESIGN.md columns)
std::string HandoversCsvHeader();
/// \param h a record \return its handovers.csv row, with its line end
std::string HandoversCsvRow(const HandoverRecord& h);

/**
 * \brief A result file written while the run goes, under a ".part" name until Close gives
 * it its own: a run that does not finish leaves no partial file behind.
 */
class PartFile
{
  public:
    /**
     * \brief Open path.part and write the header.
     * \param path the file's final path \param header its first line(s)
     * \throws std::runtime_error naming the file if it cannot be opened
     */
    PartFile(const std::string& path, const std::string& header);
    /// Without Close, removes the partial file.
    ~PartFile();
    PartFile(const PartFile&) = delete;
    PartFile& operator=(const PartFile&) = delete;

    /// \brief Append text. \param text rows, with their line ends
    void Write(const std::string& text);
    /**
     * \brief Flush and close the file, and give it its name.
     * \throws std::runtime_error naming the file if a write failed
     */
    void Close();

  private:
    std::string m_file;  //!< final path
    std::string m_part;  //!< path written to until Close
    std::ofstream m_out; //!< the open file
};

/**
 * \brief signaling.csv written while the run goes: the sink of SignalingMonitor's
 * RecordSink, so that a long run does not keep one record per message until its end.
 *
 * The rows are those WriteResults would write from the same records, in the same order.
 */
class SignalingCsvStream
{
  public:
    /// \brief Open outDir/signaling.csv.part (PartFile). \param outDir result folder (exists)
    explicit SignalingCsvStream(const std::string& outDir);

    /// \brief Write one row and count it. \param r the record
    void Add(const SignalingRecord& r);
    /// \return a callback for SignalingMonitor::RecordSink (this object must outlive the run)
    Callback<void, const SignalingRecord&> GetSink();
    /// \brief Close the file under its name, signaling.csv (PartFile::Close).
    void Close();
    /// \return the totals of the rows written
    const SignalingTotals& GetTotals() const;

  private:
    PartFile m_file;          //!< signaling.csv
    SignalingTotals m_totals; //!< what summary.json needs of the rows
};

/**
 * \brief handovers.csv written while the run goes: the sink of HandoverMonitor's
 * RecordSink (rows in file order, each once final).
 */
class HandoverCsvStream
{
  public:
    /// \brief Open outDir/handovers.csv.part (PartFile). \param outDir result folder (exists)
    explicit HandoverCsvStream(const std::string& outDir);

    /// \brief Write one row and count it. \param h the record
    void Add(const HandoverRecord& h);
    /// \return a callback for HandoverMonitor::RecordSink (this object must outlive the run)
    Callback<void, const HandoverRecord&> GetSink();
    /// \brief Close the file under its name, handovers.csv (PartFile::Close).
    void Close();
    /// \return the totals of the rows written
    const HandoverTotals& GetTotals() const;

  private:
    PartFile m_file;         //!< handovers.csv
    HandoverTotals m_totals; //!< what summary.json needs of the rows
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

/**
 * \brief As above, for a run whose handover rows also went to a HandoverCsvStream:
 * handovers.csv is left alone and r.handovers is not read.
 * \param r the results \param signaling the signalling stream's totals
 * \param handovers the handover stream's totals \param outDir folder
 * \throws std::runtime_error naming the folder or file on failure
 */
void WriteStreamedResults(const RunResults& r,
                          const SignalingTotals& signaling,
                          const HandoverTotals& handovers,
                          const std::string& outDir);

} // namespace ns3

#endif /* DMM_RECORD_STREAM_H */
