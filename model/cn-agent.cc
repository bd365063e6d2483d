/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cn-agent.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-update.h"
#include "ns3/care-of-test-init.h"
#include "ns3/care-of-test.h"
#include "ns3/home-test-init.h"
#include "ns3/home-test.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/location-management.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/return-routability.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CnAgent");
NS_OBJECT_ENSURE_REGISTERED(CnAgent);

TypeId
CnAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::CnAgent")
            .SetParent<DmmAgent>()
            .SetGroupName("Dmm")
            .AddConstructor<CnAgent>()
            .AddAttribute("NonceInterval",
                          "A new nonce is generated this often (RFC 6275 §5.2.7).",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&CnAgent::m_nonceInterval),
                          MakeTimeChecker(Seconds(1)))
            .AddAttribute("NoncesKept",
                          "How many of the latest nonces stay valid (MAX_NONCE_LIFETIME, "
                          "240 s, over NonceInterval).",
                          UintegerValue(8),
                          MakeUintegerAccessor(&CnAgent::m_noncesKept),
                          MakeUintegerChecker<uint32_t>(1, 1000));
    return tid;
}

CnAgent::CnAgent()
    : m_rng(CreateObject<UniformRandomVariable>()),
      m_noncesKept(8)
{
}

CnAgent::~CnAgent()
{
}

void
CnAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_mr = nullptr;
    m_mh = nullptr;
    m_rng = nullptr;
    DmmAgent::DoDispose();
}

void
CnAgent::Setup(Ptr<HostMobilityRouting> mr)
{
    m_mr = mr;
}

int64_t
CnAgent::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

const CnAgent::Stats&
CnAgent::GetStats() const
{
    return m_stats;
}

void
CnAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    DmmAgent::StartApplication();
    m_kcn.resize(20); // §5.2.3: a 20-octet node key
    for (auto& b : m_kcn)
    {
        b = static_cast<uint8_t>(m_rng->GetInteger(0, 255));
    }
    NewNonce();
    m_mh = MobilityL4Protocol::Install(GetNode());
    m_mh->RegisterHandler(MobilityHeader::HOME_TEST_INIT,
                          MakeCallback(&CnAgent::HandleHomeTestInit, this));
    m_mh->RegisterHandler(MobilityHeader::CARE_OF_TEST_INIT,
                          MakeCallback(&CnAgent::HandleCareOfTestInit, this));
    m_mh->RegisterHandler(MobilityHeader::BINDING_UPDATE,
                          MakeCallback(&CnAgent::HandleBindingUpdate, this));
}

void
CnAgent::StopApplication()
{
    DmmAgent::StopApplication();
    m_nonceEvent.Cancel();
}

void
CnAgent::NewNonce()
{
    NS_LOG_FUNCTION(this);
    std::vector<uint8_t> nonce(8);
    for (auto& b : nonce)
    {
        b = static_cast<uint8_t>(m_rng->GetInteger(0, 255));
    }
    m_nonces[++m_nonceIndex] = nonce;
    while (m_nonces.size() > m_noncesKept)
    {
        m_nonces.erase(m_nonces.begin());
    }
    m_nonceEvent = Simulator::Schedule(m_nonceInterval, &CnAgent::NewNonce, this);
}

const std::vector<uint8_t>*
CnAgent::Nonce(uint16_t index) const
{
    auto it = m_nonces.find(index);
    return it == m_nonces.end() ? nullptr : &it->second;
}

void
CnAgent::HandleHomeTestInit(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    HomeTestInit hoti;
    p->RemoveHeader(hoti);
    if (!m_running)
    {
        return;
    }
    HomeTest hot;
    hot.SetHomeInitCookie(hoti.GetHomeInitCookie());
    hot.SetHomeNonceIndex(m_nonceIndex);
    hot.SetHomeKeygenToken(
        ReturnRoutability::HomeKeygenToken(m_kcn, header.GetSource(), m_nonces[m_nonceIndex]));
    m_stats.hotReplies++;
    m_mh->Send(hot, header.GetDestination(), header.GetSource()); // to the home address
}

void
CnAgent::HandleCareOfTestInit(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    CareOfTestInit coti;
    p->RemoveHeader(coti);
    if (!m_running)
    {
        return;
    }
    CareOfTest cot;
    cot.SetCareOfInitCookie(coti.GetCareOfInitCookie());
    cot.SetCareOfNonceIndex(m_nonceIndex);
    cot.SetCareOfKeygenToken(
        ReturnRoutability::CareOfKeygenToken(m_kcn, header.GetSource(), m_nonces[m_nonceIndex]));
    m_stats.cotReplies++;
    m_mh->Send(cot, header.GetDestination(), header.GetSource()); // to the care-of address
}

void
CnAgent::HandleBindingUpdate(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this);
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    BindingUpdate bu;
    p->RemoveHeader(bu);
    if (!m_running || bu.GetHomeRegistration() || bu.GetProxyRegistration())
    {
        return; // §9.5.1: a correspondent is not a home agent
    }
    Ipv6Address home = header.GetSource(); // the Home Address option, applied by the MR
    Ipv6Address careOf = bu.GetOptions().GetAlternateCareOfAddress().value_or(home);
    auto nonces = bu.GetOptions().GetNonceIndices();
    if (!nonces)
    {
        m_stats.badAuth++;
        return;
    }
    const auto* homeNonce = Nonce(nonces->first);
    const auto* careOfNonce = Nonce(nonces->second);
    if (!homeNonce || !careOfNonce)
    {
        m_stats.expiredNonce++;
        auto status = !homeNonce && !careOfNonce ? BindingStatus::EXPIRED_NONCES
                      : !homeNonce               ? BindingStatus::EXPIRED_HOME_NONCE_INDEX
                                                 : BindingStatus::EXPIRED_CARE_OF_NONCE_INDEX;
        Acknowledge(home,
                    careOf,
                    header.GetDestination(),
                    static_cast<uint8_t>(status),
                    bu.GetSequence(),
                    Seconds(0));
        return;
    }
    auto kbm = ReturnRoutability::BindingManagementKey(
        ReturnRoutability::HomeKeygenToken(m_kcn, home, *homeNonce),
        ReturnRoutability::CareOfKeygenToken(m_kcn, careOf, *careOfNonce));
    if (!ReturnRoutability::VerifyBindingMessage(bytes.data(),
                                                 bytes.size(),
                                                 kbm,
                                                 careOf,
                                                 header.GetDestination()))
    {
        m_stats.badAuth++; // §9.5.1: silently discarded
        return;
    }
    Entry& e = m_cache[home];
    if (e.expiry.IsRunning() && !IsSequenceNewer(bu.GetSequence(), e.sequence))
    {
        m_stats.staleSequence++;
        return;
    }
    e.sequence = bu.GetSequence();
    e.expiry.Cancel();
    Time lifetime = bu.GetLifetime();
    if (lifetime.IsStrictlyPositive() && careOf != home)
    {
        m_mr->SetBinding(home, careOf);
        e.expiry = Simulator::Schedule(lifetime, &CnAgent::Expire, this, home);
    }
    else
    {
        m_mr->RemoveBinding(home);
    }
    m_stats.accepted++;
    if (bu.GetAckRequested())
    {
        // §6.1.8: signed like the BU, so the mobile node can trust it.
        Acknowledge(home, careOf, header.GetDestination(), 0, bu.GetSequence(), lifetime, &kbm);
    }
}

void
CnAgent::Acknowledge(Ipv6Address home,
                     Ipv6Address careOf,
                     Ipv6Address self,
                     uint8_t status,
                     uint16_t sequence,
                     Time lifetime,
                     const ReturnRoutability::Digest* kbm)
{
    NS_LOG_FUNCTION(this);
    BindingAck ba;
    ba.SetStatus(status);
    ba.SetSequence(sequence);
    ba.SetLifetime(lifetime);
    if (kbm)
    {
        ReturnRoutability::SignBindingMessage(ba, *kbm, careOf, self);
    }
    m_mh->SendWithRoutingHeader(ba, self, careOf, home);
}

void
CnAgent::Expire(Ipv6Address home)
{
    m_mr->RemoveBinding(home);
    m_cache.erase(home);
}

} // namespace ns3
