/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/binding-ack.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingAck");

NS_OBJECT_ENSURE_REGISTERED(BindingAck);

TypeId
BindingAck::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingAck")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingAck>();
    return tid;
}

TypeId
BindingAck::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingAck::BindingAck()
    : MobilityHeader(BINDING_ACK)
{
}

void
BindingAck::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
BindingAck::GetStatus() const
{
    return m_status;
}

bool
BindingAck::IsAccepted() const
{
    return m_status < 128;
}

void
BindingAck::SetSequence(uint16_t seq)
{
    m_sequence = seq;
}

uint16_t
BindingAck::GetSequence() const
{
    return m_sequence;
}

void
BindingAck::SetLifetime(Time lifetime)
{
    int64_t ms = std::max<int64_t>(lifetime.GetMilliSeconds(), 0);
    int64_t units = (ms + 3999) / 4000;
    m_lifetimeUnits = static_cast<uint16_t>(std::min<int64_t>(units, 0xffff));
}

Time
BindingAck::GetLifetime() const
{
    return Seconds(4.0 * m_lifetimeUnits);
}

void
BindingAck::SetLifetimeUnits(uint16_t units)
{
    m_lifetimeUnits = units;
}

uint16_t
BindingAck::GetLifetimeUnits() const
{
    return m_lifetimeUnits;
}

void
BindingAck::SetFlag(uint8_t bit, bool on)
{
    m_flags = on ? (m_flags | bit) : (m_flags & ~bit);
}

void
BindingAck::SetKeyManagement(bool k)
{
    SetFlag(FLAG_K, k);
}

bool
BindingAck::GetKeyManagement() const
{
    return m_flags & FLAG_K;
}

void
BindingAck::SetMobileRouter(bool r)
{
    SetFlag(FLAG_R, r);
}

bool
BindingAck::GetMobileRouter() const
{
    return m_flags & FLAG_R;
}

void
BindingAck::SetProxyRegistration(bool p)
{
    SetFlag(FLAG_P, p);
}

bool
BindingAck::GetProxyRegistration() const
{
    return m_flags & FLAG_P;
}

uint8_t
BindingAck::GetFlags() const
{
    return m_flags;
}

void
BindingAck::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

uint32_t
BindingAck::GetMessageDataSize() const
{
    return 6;
}

void
BindingAck::SerializeMessageData(uint8_t* buf) const
{
    buf[0] = m_status;
    buf[1] = m_flags;
    buf[2] = static_cast<uint8_t>(m_sequence >> 8);
    buf[3] = static_cast<uint8_t>(m_sequence);
    buf[4] = static_cast<uint8_t>(m_lifetimeUnits >> 8);
    buf[5] = static_cast<uint8_t>(m_lifetimeUnits);
}

void
BindingAck::DeserializeMessageData(const uint8_t* buf)
{
    m_status = buf[0];
    m_flags = buf[1];
    m_sequence = (static_cast<uint16_t>(buf[2]) << 8) | buf[3];
    m_lifetimeUnits = (static_cast<uint16_t>(buf[4]) << 8) | buf[5];
}

void
BindingAck::PrintMessageData(std::ostream& os) const
{
    os << (GetProxyRegistration() ? "PBA" : "BA") << " status=" << +m_status
       << " seq=" << m_sequence << " flags=" << (GetKeyManagement() ? "K" : "")
       << (GetMobileRouter() ? "R" : "") << (GetProxyRegistration() ? "P" : "")
       << " lifetime=" << 4 * m_lifetimeUnits << "s";
}

} // namespace ns3
