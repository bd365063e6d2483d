/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/home-test.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HomeTest");

NS_OBJECT_ENSURE_REGISTERED(HomeTest);

namespace
{

/// Makes the message type known to MobilityHeader::Validate() when the library loads.
const bool g_registered = [] {
    MobilityHeader::RegisterMessageType(MobilityHeader::HOME_TEST, HomeTest::MESSAGE_DATA_SIZE);
    return true;
}();

} // namespace

TypeId
HomeTest::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HomeTest")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HomeTest>();
    return tid;
}

TypeId
HomeTest::GetInstanceTypeId() const
{
    return GetTypeId();
}

HomeTest::HomeTest()
    : MobilityHeader(HOME_TEST)
{
}

void
HomeTest::SetHomeNonceIndex(uint16_t v)
{
    m_homeNonceIndex = v;
}

uint16_t
HomeTest::GetHomeNonceIndex() const
{
    return m_homeNonceIndex;
}

void
HomeTest::SetHomeInitCookie(uint64_t v)
{
    m_homeInitCookie = v;
}

uint64_t
HomeTest::GetHomeInitCookie() const
{
    return m_homeInitCookie;
}

void
HomeTest::SetHomeKeygenToken(uint64_t v)
{
    m_homeKeygenToken = v;
}

uint64_t
HomeTest::GetHomeKeygenToken() const
{
    return m_homeKeygenToken;
}

uint32_t
HomeTest::GetMessageDataSize() const
{
    return MESSAGE_DATA_SIZE;
}

void
HomeTest::SerializeMessageData(uint8_t* buf) const
{
    WriteU16(buf + 0, m_homeNonceIndex);
    WriteU64(buf + 2, m_homeInitCookie);
    WriteU64(buf + 10, m_homeKeygenToken);
}

void
HomeTest::DeserializeMessageData(const uint8_t* buf)
{
    m_homeNonceIndex = ReadU16(buf + 0);
    m_homeInitCookie = ReadU64(buf + 2);
    m_homeKeygenToken = ReadU64(buf + 10);
}

void
HomeTest::PrintMessageData(std::ostream& os) const
{
    os << "HoT"
       << " hni=" << m_homeNonceIndex << " hic=0x" << std::hex << m_homeInitCookie << std::dec
       << " hkt=0x" << std::hex << m_homeKeygenToken << std::dec;
}

} // namespace ns3
