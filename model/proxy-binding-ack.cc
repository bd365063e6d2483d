/*
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/proxy-binding-ack.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProxyBindingAck");

NS_OBJECT_ENSURE_REGISTERED(ProxyBindingAck);

TypeId
ProxyBindingAck::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ProxyBindingAck")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ProxyBindingAck>();
    return tid;
}

TypeId
ProxyBindingAck::GetInstanceTypeId() const
{
    return GetTypeId();
}

ProxyBindingAck::ProxyBindingAck()
    : MobilityHeader(BINDING_ACK),
      m_flags(FLAG_P)
{
}

void
ProxyBindingAck::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
ProxyBindingAck::GetStatus() const
{
    return m_status;
}

bool
ProxyBindingAck::IsAccepted() const
{
    return m_status < 128;
}

void
ProxyBindingAck::SetSequence(uint16_t seq)
{
    m_sequence = seq;
}

uint16_t
ProxyBindingAck::GetSequence() const
{
    return m_sequence;
}

void
ProxyBindingAck::SetLifetime(Time lifetime)
{
    int64_t ms = std::max<int64_t>(lifetime.GetMilliSeconds(), 0);
    int64_t units = (ms + 3999) / 4000;
    m_lifetimeUnits = static_cast<uint16_t>(std::min<int64_t>(units, 0xffff));
}

Time
ProxyBindingAck::GetLifetime() const
{
    return Seconds(4.0 * m_lifetimeUnits);
}

void
ProxyBindingAck::SetLifetimeUnits(uint16_t units)
{
    m_lifetimeUnits = units;
}

uint16_t
ProxyBindingAck::GetLifetimeUnits() const
{
    return m_lifetimeUnits;
}

void
ProxyBindingAck::SetFlag(uint8_t bit, bool on)
{
    m_flags = on ? (m_flags | bit) : (m_flags & ~bit);
}

void
ProxyBindingAck::SetKeyManagement(bool k)
{
    SetFlag(FLAG_K, k);
}

bool
ProxyBindingAck::GetKeyManagement() const
{
    return m_flags & FLAG_K;
}

void
ProxyBindingAck::SetMobileRouter(bool r)
{
    SetFlag(FLAG_R, r);
}

bool
ProxyBindingAck::GetMobileRouter() const
{
    return m_flags & FLAG_R;
}

void
ProxyBindingAck::SetProxyRegistration(bool p)
{
    SetFlag(FLAG_P, p);
}

bool
ProxyBindingAck::GetProxyRegistration() const
{
    return m_flags & FLAG_P;
}

uint8_t
ProxyBindingAck::GetFlags() const
{
    return m_flags;
}

void
ProxyBindingAck::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

uint32_t
ProxyBindingAck::GetMessageDataSize() const
{
    return 6;
}

void
ProxyBindingAck::SerializeMessageData(uint8_t* buf) const
{
    buf[0] = m_status;
    buf[1] = m_flags;
    buf[2] = static_cast<uint8_t>(m_sequence >> 8);
    buf[3] = static_cast<uint8_t>(m_sequence);
    buf[4] = static_cast<uint8_t>(m_lifetimeUnits >> 8);
    buf[5] = static_cast<uint8_t>(m_lifetimeUnits);
}

void
ProxyBindingAck::DeserializeMessageData(const uint8_t* buf)
{
    m_status = buf[0];
    m_flags = buf[1];
    m_sequence = (static_cast<uint16_t>(buf[2]) << 8) | buf[3];
    m_lifetimeUnits = (static_cast<uint16_t>(buf[4]) << 8) | buf[5];
}

void
ProxyBindingAck::PrintMessageData(std::ostream& os) const
{
    os << (GetProxyRegistration() ? "PBA" : "BA") << " status=" << +m_status
       << " seq=" << m_sequence << " flags=" << (GetKeyManagement() ? "K" : "")
       << (GetMobileRouter() ? "R" : "") << (GetProxyRegistration() ? "P" : "")
       << " lifetime=" << 4 * m_lifetimeUnits << "s";
}

} // namespace ns3
