/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/binding-update.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingUpdate");

NS_OBJECT_ENSURE_REGISTERED(BindingUpdate);

TypeId
BindingUpdate::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingUpdate")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingUpdate>();
    return tid;
}

TypeId
BindingUpdate::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingUpdate::BindingUpdate()
    : MobilityHeader(BINDING_UPDATE)
{
}

void
BindingUpdate::SetSequence(uint16_t seq)
{
    m_sequence = seq;
}

uint16_t
BindingUpdate::GetSequence() const
{
    return m_sequence;
}

void
BindingUpdate::SetLifetime(Time lifetime)
{
    int64_t ms = std::max<int64_t>(lifetime.GetMilliSeconds(), 0);
    int64_t units = (ms + 3999) / 4000;
    m_lifetimeUnits = static_cast<uint16_t>(std::min<int64_t>(units, 0xffff));
}

Time
BindingUpdate::GetLifetime() const
{
    return Seconds(4.0 * m_lifetimeUnits);
}

void
BindingUpdate::SetLifetimeUnits(uint16_t units)
{
    m_lifetimeUnits = units;
}

uint16_t
BindingUpdate::GetLifetimeUnits() const
{
    return m_lifetimeUnits;
}

void
BindingUpdate::SetFlag(uint16_t bit, bool on)
{
    m_flags = on ? (m_flags | bit) : (m_flags & ~bit);
}

void
BindingUpdate::SetAckRequested(bool a)
{
    SetFlag(FLAG_A, a);
}

bool
BindingUpdate::GetAckRequested() const
{
    return m_flags & FLAG_A;
}

void
BindingUpdate::SetHomeRegistration(bool h)
{
    SetFlag(FLAG_H, h);
}

bool
BindingUpdate::GetHomeRegistration() const
{
    return m_flags & FLAG_H;
}

void
BindingUpdate::SetLinkLocalCompatibility(bool l)
{
    SetFlag(FLAG_L, l);
}

bool
BindingUpdate::GetLinkLocalCompatibility() const
{
    return m_flags & FLAG_L;
}

void
BindingUpdate::SetKeyManagement(bool k)
{
    SetFlag(FLAG_K, k);
}

bool
BindingUpdate::GetKeyManagement() const
{
    return m_flags & FLAG_K;
}

void
BindingUpdate::SetMapRegistration(bool m)
{
    SetFlag(FLAG_M, m);
}

bool
BindingUpdate::GetMapRegistration() const
{
    return m_flags & FLAG_M;
}

void
BindingUpdate::SetMobileRouter(bool r)
{
    SetFlag(FLAG_R, r);
}

bool
BindingUpdate::GetMobileRouter() const
{
    return m_flags & FLAG_R;
}

void
BindingUpdate::SetProxyRegistration(bool p)
{
    SetFlag(FLAG_P, p);
}

bool
BindingUpdate::GetProxyRegistration() const
{
    return m_flags & FLAG_P;
}

uint16_t
BindingUpdate::GetFlags() const
{
    return m_flags;
}

void
BindingUpdate::SetFlags(uint16_t flags)
{
    m_flags = flags;
}

uint32_t
BindingUpdate::GetMessageDataSize() const
{
    return 6;
}

void
BindingUpdate::SerializeMessageData(uint8_t* buf) const
{
    buf[0] = static_cast<uint8_t>(m_sequence >> 8);
    buf[1] = static_cast<uint8_t>(m_sequence);
    buf[2] = static_cast<uint8_t>(m_flags >> 8);
    buf[3] = static_cast<uint8_t>(m_flags);
    buf[4] = static_cast<uint8_t>(m_lifetimeUnits >> 8);
    buf[5] = static_cast<uint8_t>(m_lifetimeUnits);
}

void
BindingUpdate::DeserializeMessageData(const uint8_t* buf)
{
    m_sequence = (static_cast<uint16_t>(buf[0]) << 8) | buf[1];
    m_flags = (static_cast<uint16_t>(buf[2]) << 8) | buf[3];
    m_lifetimeUnits = (static_cast<uint16_t>(buf[4]) << 8) | buf[5];
}

void
BindingUpdate::PrintMessageData(std::ostream& os) const
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
