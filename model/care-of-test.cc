/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/care-of-test.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CareOfTest");

NS_OBJECT_ENSURE_REGISTERED(CareOfTest);

namespace
{

/// Makes the message type known to MobilityHeader::Validate() when the library loads.
const bool g_registered = [] {
    MobilityHeader::RegisterMessageType(MobilityHeader::CARE_OF_TEST,
                                        CareOfTest::MESSAGE_DATA_SIZE);
    return true;
}();

} // namespace

TypeId
CareOfTest::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CareOfTest")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<CareOfTest>();
    return tid;
}

TypeId
CareOfTest::GetInstanceTypeId() const
{
    return GetTypeId();
}

CareOfTest::CareOfTest()
    : MobilityHeader(CARE_OF_TEST)
{
}

void
CareOfTest::SetCareOfNonceIndex(uint16_t v)
{
    m_careOfNonceIndex = v;
}

uint16_t
CareOfTest::GetCareOfNonceIndex() const
{
    return m_careOfNonceIndex;
}

void
CareOfTest::SetCareOfInitCookie(uint64_t v)
{
    m_careOfInitCookie = v;
}

uint64_t
CareOfTest::GetCareOfInitCookie() const
{
    return m_careOfInitCookie;
}

void
CareOfTest::SetCareOfKeygenToken(uint64_t v)
{
    m_careOfKeygenToken = v;
}

uint64_t
CareOfTest::GetCareOfKeygenToken() const
{
    return m_careOfKeygenToken;
}

uint32_t
CareOfTest::GetMessageDataSize() const
{
    return MESSAGE_DATA_SIZE;
}

void
CareOfTest::SerializeMessageData(uint8_t* buf) const
{
    WriteU16(buf + 0, m_careOfNonceIndex);
    WriteU64(buf + 2, m_careOfInitCookie);
    WriteU64(buf + 10, m_careOfKeygenToken);
}

void
CareOfTest::DeserializeMessageData(const uint8_t* buf)
{
    m_careOfNonceIndex = ReadU16(buf + 0);
    m_careOfInitCookie = ReadU64(buf + 2);
    m_careOfKeygenToken = ReadU64(buf + 10);
}

void
CareOfTest::PrintMessageData(std::ostream& os) const
{
    os << "CoT"
       << " coni=" << m_careOfNonceIndex << " coic=0x" << std::hex << m_careOfInitCookie << std::dec
       << " cokt=0x" << std::hex << m_careOfKeygenToken << std::dec;
}

} // namespace ns3
