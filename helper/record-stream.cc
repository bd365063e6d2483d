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

SignalingCsvStream::SignalingCsvStream(const std::string& outDir)
    : m_file(outDir + "/signaling.csv"),
      m_part(m_file + ".part"),
      m_out(m_part, std::ios::binary | std::ios::trunc)
{
    if (!m_out)
    {
        throw std::runtime_error(fmt::format("cannot write result file \"{}\"", m_part));
    }
    m_out << SignalingCsvHeader();
}

SignalingCsvStream::~SignalingCsvStream()
{
    if (m_out.is_open())
    {
        m_out.close();
        std::error_code ec; // nothing to report from a destructor
        std::filesystem::remove(m_part, ec);
    }
}

void
SignalingCsvStream::Add(const SignalingRecord& r)
{
    m_out << SignalingCsvRow(r);
    m_totals.Add(r);
}

Callback<void, const SignalingRecord&>
SignalingCsvStream::GetSink()
{
    return MakeCallback(&SignalingCsvStream::Add, this);
}

void
SignalingCsvStream::Close()
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

const SignalingTotals&
SignalingCsvStream::GetTotals() const
{
    return m_totals;
}

} // namespace ns3
