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

    /// \param rows handover rows \return their totals
    static HandoverTotals Of(const std::vector<HandoverRecord>& rows)
    {
        HandoverTotals totals;
        for (const auto& h : rows)
        {
            totals.Add(h);
        }
        return totals;
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
 * \brief A result file of one row per record, written while the run goes: the sink of a
 * monitor's RecordSink, so that a long run does not keep its records until its end; it
 * keeps only what summary.json needs of them (Totals::Add).
 */
template <typename Record, typename Totals>
class RecordCsvStream
{
  public:
    /**
     * \brief Open path.part (PartFile) and write the header.
     * \param path the file \param header its first line \param row a record's line
     */
    RecordCsvStream(const std::string& path,
                    const std::string& header,
                    std::string (*row)(const Record&))
        : m_file(path, header),
          m_row(row)
    {
    }

    /// \brief Write one row and count it. \param r the record
    void Add(const Record& r)
    {
        m_file.Write(m_row(r));
        m_totals.Add(r);
    }

    /// \return a callback for the monitor's RecordSink (this object must outlive the run)
    Callback<void, const Record&> GetSink()
    {
        return MakeCallback(&RecordCsvStream::Add, this);
    }

    /// \brief Close the file under its name (PartFile::Close).
    void Close()
    {
        m_file.Close();
    }

    /// \return the totals of the rows written
    const Totals& GetTotals() const
    {
        return m_totals;
    }

  private:
    PartFile m_file;                     //!< the file
    std::string (*m_row)(const Record&); //!< a record's line
    Totals m_totals;                     //!< what summary.json needs of the rows
};

/**
 * \brief signaling.csv written while the run goes (SignalingMonitor's RecordSink): the rows
 * WriteResults would write from the same records, in the same order.
 */
class SignalingCsvStream : public RecordCsvStream<SignalingRecord, SignalingTotals>
{
  public:
    /// \param outDir result folder (exists): writes outDir/signaling.csv
    explicit SignalingCsvStream(const std::string& outDir);
};

/**
 * \brief handovers.csv written while the run goes (HandoverMonitor's RecordSink): rows in
 * file order, each once final.
 */
class HandoverCsvStream : public RecordCsvStream<HandoverRecord, HandoverTotals>
{
  public:
    /// \param outDir result folder (exists): writes outDir/handovers.csv
    explicit HandoverCsvStream(const std::string& outDir);
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
