/*
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/proxy-binding-update.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProxyBindingUpdate");

NS_OBJECT_ENSURE_REGISTERED(ProxyBindingUpdate);

TypeId
ProxyBindingUpdate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ProxyBindingUpdate")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<ProxyBindingUpdate>();
    return tid;
}

TypeId
ProxyBindingUpdate::GetInstanceTypeId() const
{
    return GetTypeId();
}

ProxyBindingUpdate::ProxyBindingUpdate()
    : MobilityHeader(BINDING_UPDATE),
      m_flags(FLAG_A | FLAG_P)
{
}

void
ProxyBindingUpdate::SetSequence(uint16_t seq)
{
    m_sequence = seq;
}

uint16_t
ProxyBindingUpdate::GetSequence() const
{
    return m_sequence;
}

void
ProxyBindingUpdate::SetLifetime(Time lifetime)
{
    int64_t ms = std::max<int64_t>(lifetime.GetMilliSeconds(), 0);
    int64_t units = (ms + 3999) / 4000;
    m_lifetimeUnits = static_cast<uint16_t>(std::min<int64_t>(units, 0xffff));
}

Time
ProxyBindingUpdate::GetLifetime() const
{
    return Seconds(4.0 * m_lifetimeUnits);
}

void
ProxyBindingUpdate::SetLifetimeUnits(uint16_t units)
{
    m_lifetimeUnits = units;
}

uint16_t
ProxyBindingUpdate::GetLifetimeUnits() const
{
    return m_lifetimeUnits;
}

void
ProxyBindingUpdate::SetFlag(uint16_t bit, bool on)
{
    m_flags = on ? (m_flags | bit) : (m_flags & ~bit);
}

void
ProxyBindingUpdate::SetAckRequested(bool a)
{
    SetFlag(FLAG_A, a);
}

bool
ProxyBindingUpdate::GetAckRequested() const
{
    return m_flags & FLAG_A;
}

void
ProxyBindingUpdate::SetHomeRegistration(bool h)
{
    SetFlag(FLAG_H, h);
}

bool
ProxyBindingUpdate::GetHomeRegistration() const
{
    return m_flags & FLAG_H;
}

void
ProxyBindingUpdate::SetLinkLocalCompatibility(bool l)
{
    SetFlag(FLAG_L, l);
}

bool
ProxyBindingUpdate::GetLinkLocalCompatibility() const
{
    return m_flags & FLAG_L;
}

void
ProxyBindingUpdate::SetKeyManagement(bool k)
{
    SetFlag(FLAG_K, k);
}

bool
ProxyBindingUpdate::GetKeyManagement() const
{
    return m_flags & FLAG_K;
}

void
ProxyBindingUpdate::SetMapRegistration(bool m)
{
    SetFlag(FLAG_M, m);
}

bool
ProxyBindingUpdate::GetMapRegistration() const
{
    return m_flags & FLAG_M;
}

void
ProxyBindingUpdate::SetMobileRouter(bool r)
{
    SetFlag(FLAG_R, r);
}

bool
ProxyBindingUpdate::GetMobileRouter() const
{
    return m_flags & FLAG_R;
}

void
ProxyBindingUpdate::SetProxyRegistration(bool p)
{
    SetFlag(FLAG_P, p);
}

bool
ProxyBindingUpdate::GetProxyRegistration() const
{
    return m_flags & FLAG_P;
}

uint16_t
ProxyBindingUpdate::GetFlags() const
{
    return m_flags;
}

void
ProxyBindingUpdate::SetFlags(uint16_t flags)
{
    m_flags = flags;
}

uint32_t
ProxyBindingUpdate::GetMessageDataSize() const
{
    return 6;
}

void
ProxyBindingUpdate::SerializeMessageData(uint8_t* buf) const
{
    buf[0] = static_cast<uint8_t>(m_sequence >> 8);
    buf[1] = static_cast<uint8_t>(m_sequence);
    buf[2] = static_cast<uint8_t>(m_flags >> 8);
    buf[3] = static_cast<uint8_t>(m_flags);
    buf[4] = static_cast<uint8_t>(m_lifetimeUnits >> 8);
    buf[5] = static_cast<uint8_t>(m_lifetimeUnits);
}

void
ProxyBindingUpdate::DeserializeMessageData(const uint8_t* buf)
{
    m_sequence = (static_cast<uint16_t>(buf[0]) << 8) | buf[1];
    m_flags = (static_cast<uint16_t>(buf[2]) << 8) | buf[3];
    m_lifetimeUnits = (static_cast<uint16_t>(buf[4]) << 8) | buf[5];
}

void
ProxyBindingUpdate::PrintMessageData(std::ostream& os) const
{
    os << (GetProxyRegistration() ? "PBU" : "BU") << " seq=" << m_sequence << " flags=";
    const char* names = "AHLKMRP";
    for (int i = 0; i < 7; ++i)
    {
        if (m_flags & (0x8000 >> i))
        {
            os << names[i];
        }
    }
    os << " lifetime=" << 4 * m_lifetimeUnits << "s";
}

} // namespace ns3
