/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/record-stream.h"

#include "ns3/log.h"

#include <filesystem>
#include <fmt/format.h>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RecordStream");

PartFile::PartFile(const std::string& path, const std::string& header)
    : m_file(path),
      m_part(path + ".part"),
      m_out(m_part, std::ios::binary | std::ios::trunc)
{
    if (!m_out)
    {
        throw std::runtime_error(fmt::format("cannot write result file \"{}\"", m_part));
    }
    m_out << header;
}

PartFile::~PartFile()
{
    if (m_out.is_open())
    {
        m_out.close();
        std::error_code ec; // nothing to report from a destructor
        std::filesystem::remove(m_part, ec);
    }
}

void
PartFile::Write(const std::string& text)
{
    m_out << text;
}

void
PartFile::Close()
{
    m_out.close();
    std::error_code ec;
    if (m_out)
    {
        std::filesystem::rename(m_part, m_file, ec);
    }
    if (!m_out || ec)
    {
        throw std::runtime_error(fmt::format("cannot write result file \"{}\"", m_file));
    }
    NS_LOG_INFO("streamed " << m_file);
}

SignalingCsvStream::SignalingCsvStream(const std::string& outDir)
    : RecordCsvStream<SignalingRecord, SignalingTotals>(outDir + "/signaling.csv",
                                                        SignalingCsvHeader(),
                                                        SignalingCsvRow)
{
}

HandoverCsvStream::HandoverCsvStream(const std::string& outDir)
    : RecordCsvStream<HandoverRecord, HandoverTotals>(outDir + "/handovers.csv",
                                                      HandoversCsvHeader(),
                                                      HandoversCsvRow)
{
}

} // namespace ns3
