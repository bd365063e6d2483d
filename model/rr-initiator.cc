/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "rr-initiator.h"

#include "ns3/binding-update.h"
#include "ns3/care-of-test-init.h"
#include "ns3/care-of-test.h"
#include "ns3/client-location-update.h"
#include "ns3/home-test-init.h"
#include "ns3/home-test.h"
#include "ns3/host-mobility-routing.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"
#include "ns3/return-routability.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RrInitiator");
NS_OBJECT_ENSURE_REGISTERED(RrInitiator);

TypeId
RrInitiator::GetTypeId()
{
    static TypeId tid = TypeId("ns3::RrInitiator")
                            .SetParent<Object>()
                            .SetGroupName("Dmm")
                            .AddConstructor<RrInitiator>()
                            .AddAttribute("InitialTimeout",
                                          "First wait for a HoT or CoT before the HoTI or "
                                          "CoTI is sent again (RFC 6275 §11.8, "
                                          "INITIAL_BINDACK_TIMEOUT); it doubles each time.",
                                          TimeValue(Seconds(1)),
                                          MakeTimeAccessor(&RrInitiator::m_initialTimeout),
                                          MakeTimeChecker(MilliSeconds(1)))
                            .AddAttribute("MaxTimeout",
                                          "Give a test up when the wait would exceed this "
                                          "(MAX_BINDACK_TIMEOUT).",
                                          TimeValue(Seconds(32)),
                                          MakeTimeAccessor(&RrInitiator::m_maxTimeout),
                                          MakeTimeChecker(MilliSeconds(1)));
    return tid;
}

RrInitiator::RrInitiator()
    : m_rng(CreateObject<UniformRandomVariable>())
{
}

RrInitiator::~RrInitiator()
{
}

void
RrInitiator::DoDispose()
{
    for (auto& [cn, peer] : m_peers)
    {
        StopTests(peer);
    }
    m_mh = nullptr;
    m_lu = nullptr;
    m_mr = nullptr;
    m_rng = nullptr;
    m_done = Callback<void>();
    Object::DoDispose();
}

void
RrInitiator::Setup(Ptr<MobilityL4Protocol> mh,
                   Ptr<ClientLocationUpdate> lu,
                   Ptr<HostMobilityRouting> mr)
{
    m_mh = mh;
    m_lu = lu;
    m_mr = mr;
    m_mh->RegisterHandler(MobilityHeader::HOME_TEST,
                          MakeCallback(&RrInitiator::HandleHomeTest, this));
    m_mh->RegisterHandler(MobilityHeader::CARE_OF_TEST,
                          MakeCallback(&RrInitiator::HandleCareOfTest, this));
    m_lu->SetAuthorizeCallback(MakeCallback(&RrInitiator::Authorize, this));
    m_lu->SetVerifyCallback(MakeCallback(&RrInitiator::Verify, this));
}

void
RrInitiator::AddCorrespondent(Ipv6Address cn)
{
    m_peers[cn];
}

bool
RrInitiator::IsCorrespondent(Ipv6Address a) const
{
    return m_peers.count(a) > 0;
}

void
RrInitiator::SetDoneCallback(Callback<void> cb)
{
    m_done = cb;
}

int64_t
RrInitiator::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

const RrInitiator::Stats&
RrInitiator::GetStats() const
{
    return m_stats;
}

uint64_t
RrInitiator::Cookie()
{
    // Two 32-bit draws: a double carries only 53 random bits.
    auto half = [this]() { return static_cast<uint64_t>(m_rng->GetInteger(0, 0xffffffffU)); };
    return (half() << 32) | half();
}

bool
RrInitiator::Start(Ipv6Address home, Ipv6Address careOf)
{
    if (m_peers.empty() || (careOf == m_careOf && home == m_home))
    {
        return false;
    }
    m_home = home;
    m_careOf = careOf;
    for (auto& [cn, peer] : m_peers)
    {
        StopTests(peer);
        peer = Peer{Cookie(), Cookie(), std::nullopt, std::nullopt, false};
        peer.homeRtx.Start(m_initialTimeout);
        peer.careOfRtx.Start(m_initialTimeout);
        SendTestInit(cn, true);
        SendTestInit(cn, false);
    }
    return true;
}

void
RrInitiator::SendTestInit(Ipv6Address cn, bool home)
{
    Peer& peer = m_peers[cn];
    LocationUpdate::Retransmission& rtx = home ? peer.homeRtx : peer.careOfRtx;
    if (!rtx.Next(m_maxTimeout))
    {
        m_stats.givenUp++;
        return;
    }
    // §11.6.1: a retransmission keeps its cookie.
    if (home)
    {
        HomeTestInit hoti;
        hoti.SetHomeInitCookie(peer.homeCookie);
        m_mh->Send(hoti, m_home, cn); // from the home address: through the home agent
        m_stats.hotiSent++;
    }
    else
    {
        CareOfTestInit coti;
        coti.SetCareOfInitCookie(peer.careOfCookie);
        m_mh->Send(coti, m_careOf, cn); // from the care-of address: directly
        m_stats.cotiSent++;
    }
    m_stats.retransmitted += rtx.IsRetransmission() ? 1 : 0;
    rtx.timer = Simulator::Schedule(rtx.timeout, &RrInitiator::SendTestInit, this, cn, home);
}

void
RrInitiator::StopTests(Peer& peer)
{
    peer.homeRtx.Stop();
    peer.careOfRtx.Stop();
}

void
RrInitiator::Moved()
{
    for (auto& [cn, peer] : m_peers)
    {
        m_mr->RemoveDirectRoute(cn);
        StopTests(peer);
        peer = Peer{};
    }
    m_careOf = Ipv6Address();
}

void
RrInitiator::HandleHomeTest(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    HomeTest hot;
    p->RemoveHeader(hot);
    auto it = m_peers.find(header.GetSource());
    if (it == m_peers.end() || hot.GetHomeInitCookie() != it->second.homeCookie ||
        header.GetDestination() != m_home)
    {
        m_stats.staleTests++;
        return; // §11.6.2: the cookie must match an outstanding HoTI
    }
    it->second.homeToken = {hot.GetHomeNonceIndex(), hot.GetHomeKeygenToken()};
    it->second.homeRtx.Stop();
    MaybeBind(it->first);
}

void
RrInitiator::HandleCareOfTest(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    CareOfTest cot;
    p->RemoveHeader(cot);
    auto it = m_peers.find(header.GetSource());
    if (it == m_peers.end() || cot.GetCareOfInitCookie() != it->second.careOfCookie ||
        header.GetDestination() != m_careOf)
    {
        m_stats.staleTests++;
        return;
    }
    it->second.careOfToken = {cot.GetCareOfNonceIndex(), cot.GetCareOfKeygenToken()};
    it->second.careOfRtx.Stop();
    MaybeBind(it->first);
}

void
RrInitiator::MaybeBind(Ipv6Address cn)
{
    const Peer& peer = m_peers[cn];
    if (peer.homeToken && peer.careOfToken)
    {
        m_lu->Bind(cn, ClientLocationUpdate::PeerKind::CORRESPONDENT, m_home, m_careOf);
    }
}

bool
RrInitiator::Authorize(Ipv6Address cn, MobilityHeader& msg)
{
    auto it = m_peers.find(cn);
    auto* bu = dynamic_cast<BindingUpdate*>(&msg);
    if (it == m_peers.end() || !bu || !it->second.homeToken || !it->second.careOfToken)
    {
        return false;
    }
    const Peer& peer = it->second;
    bu->GetOptions().SetNonceIndices(peer.homeToken->first, peer.careOfToken->first);
    auto kbm =
        ReturnRoutability::BindingManagementKey(peer.homeToken->second, peer.careOfToken->second);
    ReturnRoutability::SignBindingMessage(*bu, kbm, m_careOf, cn);
    return true;
}

bool
RrInitiator::Verify(Ipv6Address cn, const std::vector<uint8_t>& ba)
{
    auto it = m_peers.find(cn);
    if (it == m_peers.end() || !it->second.homeToken || !it->second.careOfToken)
    {
        return false;
    }
    auto kbm = ReturnRoutability::BindingManagementKey(it->second.homeToken->second,
                                                       it->second.careOfToken->second);
    return ReturnRoutability::VerifyBindingMessage(ba.data(), ba.size(), kbm, m_careOf, cn);
}

void
RrInitiator::BindingAcknowledged(Ipv6Address cn)
{
    auto it = m_peers.find(cn);
    if (it == m_peers.end() || it->second.bound)
    {
        return;
    }
    it->second.bound = true;
    m_stats.bindingsDone++;
    m_mr->SetDirectRoute(cn, m_home, m_careOf);
    for (const auto& [other, peer] : m_peers)
    {
        if (!peer.bound)
        {
            return;
        }
    }
    if (!m_done.IsNull())
    {
        m_done();
    }
}

} // namespace ns3
