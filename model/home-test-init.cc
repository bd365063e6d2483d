/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/home-test-init.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HomeTestInit");

NS_OBJECT_ENSURE_REGISTERED(HomeTestInit);

namespace
{

/// Makes the message type known to MobilityHeader::Validate() when the library loads.
const bool g_registered = [] {
    MobilityHeader::RegisterMessageType(MobilityHeader::HOME_TEST_INIT,
                                        HomeTestInit::MESSAGE_DATA_SIZE);
    return true;
}();

} // namespace

TypeId
HomeTestInit::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HomeTestInit")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<HomeTestInit>();
    return tid;
}

TypeId
HomeTestInit::GetInstanceTypeId() const
{
    return GetTypeId();
}

HomeTestInit::HomeTestInit()
    : MobilityHeader(HOME_TEST_INIT)
{
}

void
HomeTestInit::SetHomeInitCookie(uint64_t v)
{
    m_homeInitCookie = v;
}

uint64_t
HomeTestInit::GetHomeInitCookie() const
{
    return m_homeInitCookie;
}

uint32_t
HomeTestInit::GetMessageDataSize() const
{
    return MESSAGE_DATA_SIZE;
}

void
HomeTestInit::SerializeMessageData(uint8_t* buf) const
{
    // octets 0-1: reserved, zero on send, ignored on receipt
    WriteU64(buf + 2, m_homeInitCookie);
}

void
HomeTestInit::DeserializeMessageData(const uint8_t* buf)
{
    m_homeInitCookie = ReadU64(buf + 2);
}

void
HomeTestInit::PrintMessageData(std::ostream& os) const
{
    os << "HoTI"
       << " hic=0x" << std::hex << m_homeInitCookie << std::dec;
}

} // namespace ns3
