/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "seed-messages.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-error.h"
#include "ns3/binding-refresh-request.h"
#include "ns3/binding-update.h"
#include "ns3/care-of-test-init.h"
#include "ns3/care-of-test.h"
#include "ns3/context-reply.h"
#include "ns3/context-request.h"
#include "ns3/home-test-init.h"
#include "ns3/home-test.h"
#include "ns3/lm-sync.h"
#include "ns3/location-notify.h"
#include "ns3/location-query.h"
#include "ns3/location-register-ack.h"
#include "ns3/location-register.h"
#include "ns3/location-reply.h"
#include "ns3/location-stale.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/session-query.h"
#include "ns3/session-reply.h"
#include "ns3/session-update.h"

using namespace ns3;

namespace dmmfuzz
{

Bytes
ToBytes(Ptr<const Packet> p)
{
    Bytes bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

namespace
{

const Ipv6Address kHome("2001:aaaa:1::100");
const Ipv6Address kCareOf("2001:bbbb:2::100");

/// The options of RFC 5213 a PBU carries.
void
AddProxyOptions(MobilityOptions& o)
{
    o.SetMobileNodeIdentifier("mn@dmm");
    o.AddHomeNetworkPrefix(Ipv6Address("2001:aaaa:1::"), 64);
    o.SetHandoffIndicator(4);
    o.SetAccessTechnologyType(3);
    o.SetTimestamp(MobilityOptions::TimeToTimestamp(Seconds(1.5)));
    o.SetMobileNodeLinkLayerIdentifier({0, 0, 0, 0, 0, 2});
    o.SetLinkLocalAddress(Ipv6Address("fe80::1"));
}

/// The options of RFC 6275 a BU or BA to a correspondent carries.
void
AddClientOptions(MobilityOptions& o)
{
    o.SetAlternateCareOfAddress(kCareOf);
    o.SetNonceIndices(1, 2);
    o.SetBindingRefreshAdvice(10);
    o.SetBindingAuthorizationData({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
}

/// A session message with a node and one session (or location) of each kind.
template <class M>
M
Session()
{
    M m;
    m.SetSequence(7);
    m.SetMobileNode("mn@dmm");
    m.AddSession(HomeNetworkPrefix::Make(Ipv6Address("2001:aaaa:1::"), 64), kCareOf);
    DmmSessionHeader::AddAnchorOption(m.GetOptions(), DmmSessionHeader::VISITED_SERVER, kHome);
    return m;
}

/// A location message about the home address.
template <class M>
M
Location()
{
    M m = Session<M>();
    m.SetLocation(kHome, kCareOf);
    return m;
}

template <class M>
void
Add(std::map<std::string, Message>& out, const std::string& name, M m)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    Bytes options;
    m.GetOptions().Serialize(options);
    out[name] = Message{ToBytes(p), options};
}

std::map<std::string, Message>
Make()
{
    std::map<std::string, Message> out;
    BindingUpdate bu;
    bu.SetSequence(1);
    bu.SetLifetime(Seconds(300));
    bu.SetAckRequested(true);
    bu.SetHomeRegistration(true);
    AddClientOptions(bu.GetOptions());
    Add(out, "bu", bu);
    ProxyBindingUpdate pbu;
    pbu.SetSequence(2);
    pbu.SetLifetime(Seconds(300));
    AddProxyOptions(pbu.GetOptions());
    Add(out, "pbu", pbu);
    BindingAck ba;
    ba.SetSequence(1);
    ba.SetLifetime(Seconds(300));
    ba.GetOptions().SetBindingRefreshAdvice(10);
    Add(out, "ba", ba);
    ProxyBindingAck pba;
    pba.SetSequence(2);
    pba.SetLifetime(Seconds(300));
    AddProxyOptions(pba.GetOptions());
    Add(out, "pba", pba);
    BindingError be;
    be.SetStatus(1);
    be.SetHomeAddress(kHome);
    Add(out, "be", be);
    Add(out, "brr", BindingRefreshRequest());
    HomeTestInit hoti;
    hoti.SetHomeInitCookie(0x0102030405060708);
    Add(out, "hoti", hoti);
    CareOfTestInit coti;
    coti.SetCareOfInitCookie(0x0807060504030201);
    Add(out, "coti", coti);
    HomeTest hot;
    hot.SetHomeNonceIndex(1);
    hot.SetHomeKeygenToken(0x1111);
    Add(out, "hot", hot);
    CareOfTest cot;
    cot.SetCareOfNonceIndex(2);
    cot.SetCareOfKeygenToken(0x2222);
    Add(out, "cot", cot);
    Add(out, "session-query", Session<SessionQuery>());
    Add(out, "session-reply", Session<SessionReply>());
    Add(out, "session-update", Session<SessionUpdate>());
    Add(out, "lm-sync", Session<LmSync>());
    Add(out, "context-request", Session<ContextRequest>());
    Add(out, "context-reply", Session<ContextReply>());
    Add(out, "location-register", Session<LocationRegister>());
    Add(out, "location-register-ack", Session<LocationRegisterAck>());
    Add(out, "location-query", Location<LocationQuery>());
    Add(out, "location-reply", Location<LocationReply>());
    Add(out, "location-notify", Location<LocationNotify>());
    Add(out, "location-stale", Location<LocationStale>());
    return out;
}

} // namespace

const std::map<std::string, Message>&
Messages()
{
    static const std::map<std::string, Message> messages = Make();
    return messages;
}

} // namespace dmmfuzz
