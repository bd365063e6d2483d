/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/care-of-test-init.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CareOfTestInit");

NS_OBJECT_ENSURE_REGISTERED(CareOfTestInit);

namespace
{

/// Makes the message type known to MobilityHeader::Validate() when the library loads.
const bool g_registered = [] {
    MobilityHeader::RegisterMessageType(MobilityHeader::CARE_OF_TEST_INIT,
                                        CareOfTestInit::MESSAGE_DATA_SIZE);
    return true;
}();

} // namespace

TypeId
CareOfTestInit::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CareOfTestInit")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<CareOfTestInit>();
    return tid;
}

TypeId
CareOfTestInit::GetInstanceTypeId() const
{
    return GetTypeId();
}

CareOfTestInit::CareOfTestInit()
    : MobilityHeader(CARE_OF_TEST_INIT)
{
}

void
CareOfTestInit::SetCareOfInitCookie(uint64_t v)
{
    m_careOfInitCookie = v;
}

uint64_t
CareOfTestInit::GetCareOfInitCookie() const
{
    return m_careOfInitCookie;
}

uint32_t
CareOfTestInit::GetMessageDataSize() const
{
    return MESSAGE_DATA_SIZE;
}

void
CareOfTestInit::SerializeMessageData(uint8_t* buf) const
{
    // octets 0-1: reserved, zero on send, ignored on receipt
    WriteU64(buf + 2, m_careOfInitCookie);
}

void
CareOfTestInit::DeserializeMessageData(const uint8_t* buf)
{
    m_careOfInitCookie = ReadU64(buf + 2);
}

void
CareOfTestInit::PrintMessageData(std::ostream& os) const
{
    os << "CoTI"
       << " coic=0x" << std::hex << m_careOfInitCookie << std::dec;
}

} // namespace ns3
