/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/binding-error.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingError");

NS_OBJECT_ENSURE_REGISTERED(BindingError);

namespace
{

/// Makes the message type known to MobilityHeader::Validate() when the library loads.
const bool g_registered = [] {
    MobilityHeader::RegisterMessageType(MobilityHeader::BINDING_ERROR,
                                        BindingError::MESSAGE_DATA_SIZE);
    return true;
}();

} // namespace

TypeId
BindingError::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingError")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingError>();
    return tid;
}

TypeId
BindingError::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingError::BindingError()
    : MobilityHeader(BINDING_ERROR)
{
}

void
BindingError::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
BindingError::GetStatus() const
{
    return m_status;
}

void
BindingError::SetHomeAddress(Ipv6Address address)
{
    m_homeAddress = address;
}

Ipv6Address
BindingError::GetHomeAddress() const
{
    return m_homeAddress;
}

uint32_t
BindingError::GetMessageDataSize() const
{
    return MESSAGE_DATA_SIZE;
}

void
BindingError::SerializeMessageData(uint8_t* buf) const
{
    buf[0] = m_status;
    buf[1] = 0; // reserved
    m_homeAddress.Serialize(buf + 2);
}

void
BindingError::DeserializeMessageData(const uint8_t* buf)
{
    m_status = buf[0];
    m_homeAddress = Ipv6Address::Deserialize(buf + 2);
}

void
BindingError::PrintMessageData(std::ostream& os) const
{
    os << "BE status=" << +m_status << " hoa=" << m_homeAddress;
}

} // namespace ns3
