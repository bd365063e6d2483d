/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Target mh-receive: Mobility Header messages as a node receives them, through
// MobilityL4Protocol::Receive (length, type and option validation, checksum, dispatch,
// the ICMPv6 Parameter Problem answer). A handler per message type and subtype then
// deserialises the message into its class, reads every field and option, and serialises
// it again, as the agents and relays do.
//
// Input: one control octet, then the Mobility Header. Control bit 0 keeps the checksum
// as given (otherwise it is filled in, so that mutations reach the parsers); bits 1-2
// pick the source (the peer, ::, ff02::1, a link-local address), bit 3 a multicast
// destination.
#include "fuzz-common.h"

#include "ns3/binding-ack.h"
#include "ns3/binding-error.h"
#include "ns3/binding-refresh-request.h"
#include "ns3/binding-update.h"
#include "ns3/care-of-test-init.h"
#include "ns3/care-of-test.h"
#include "ns3/context-reply.h"
#include "ns3/context-request.h"
#include "ns3/core-module.h"
#include "ns3/home-test-init.h"
#include "ns3/home-test.h"
#include "ns3/internet-module.h"
#include "ns3/lm-sync.h"
#include "ns3/location-notify.h"
#include "ns3/location-query.h"
#include "ns3/location-register-ack.h"
#include "ns3/location-register.h"
#include "ns3/location-reply.h"
#include "ns3/location-stale.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/proxy-binding-ack.h"
#include "ns3/proxy-binding-update.h"
#include "ns3/session-query.h"
#include "ns3/session-reply.h"
#include "ns3/session-update.h"

using namespace ns3;

namespace
{

/// Deserialise as message class M, read it all, and serialise it again if it fits.
template <class M>
void
Read(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    M msg;
    p->Copy()->RemoveHeader(msg);
    std::ostringstream os;
    msg.Print(os);
    dmmfuzz::ReadOptions(msg.GetOptions());
    if (msg.Fits()) // a sender checks this first (MobilityL4Protocol::RefuseOversize)
    {
        Ptr<Packet> again = Create<Packet>();
        again->AddHeader(msg);
    }
}

/// Both readings of a (Proxy) Binding Update or Acknowledgement.
template <class Plain, class Proxy>
void
ReadBoth(Ptr<Packet> p, const Ipv6Header& h, Ptr<Ipv6Interface> i)
{
    Read<Plain>(p, h, i);
    Read<Proxy>(p, h, i);
}

/// One node with an IPv6 stack and a Mobility Header protocol that reads every message.
struct Receiver
{
    Ptr<MobilityL4Protocol> mh;
    Ptr<Ipv6Interface> interface;
    Ipv6Address peer;
    Ipv6Address self;

    Receiver()
    {
        NodeContainer nodes;
        nodes.Create(2);
        NetDeviceContainer devices = PointToPointHelper().Install(nodes);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(nodes);
        Ipv6AddressHelper address;
        address.SetBase(Ipv6Address("2001:470:1::"), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifaces = address.Assign(devices);
        peer = ifaces.GetAddress(0, 1);
        self = ifaces.GetAddress(1, 1);
        Ptr<Node> node = nodes.Get(1);
        mh = MobilityL4Protocol::Install(node);
        interface = node->GetObject<Ipv6L3Protocol>()->GetInterface(1);
        Register();
        Simulator::Run(); // settle the stack's start-up events (DAD) once
    }

    void Register()
    {
        using M = MobilityHeader;
        mh->RegisterHandler(M::BINDING_REFRESH_REQUEST, MakeCallback(&Read<BindingRefreshRequest>));
        mh->RegisterHandler(M::HOME_TEST_INIT, MakeCallback(&Read<HomeTestInit>));
        mh->RegisterHandler(M::CARE_OF_TEST_INIT, MakeCallback(&Read<CareOfTestInit>));
        mh->RegisterHandler(M::HOME_TEST, MakeCallback(&Read<HomeTest>));
        mh->RegisterHandler(M::CARE_OF_TEST, MakeCallback(&Read<CareOfTest>));
        mh->RegisterHandler(M::BINDING_UPDATE,
                            MakeCallback(&ReadBoth<BindingUpdate, ProxyBindingUpdate>));
        mh->RegisterHandler(M::BINDING_ACK, MakeCallback(&ReadBoth<BindingAck, ProxyBindingAck>));
        mh->RegisterHandler(M::BINDING_ERROR, MakeCallback(&Read<BindingError>));
        using S = DmmSessionHeader;
        const std::vector<std::pair<uint8_t, MobilityL4Protocol::Handler>> sub{
            {S::QUERY, MakeCallback(&Read<SessionQuery>)},
            {S::REPLY, MakeCallback(&Read<SessionReply>)},
            {S::UPDATE, MakeCallback(&Read<SessionUpdate>)},
            {S::SYNC, MakeCallback(&Read<LmSync>)},
            {S::LOCATION_QUERY, MakeCallback(&Read<LocationQuery>)},
            {S::LOCATION_REPLY, MakeCallback(&Read<LocationReply>)},
            {S::LOCATION_NOTIFY, MakeCallback(&Read<LocationNotify>)},
            {S::LOCATION_STALE, MakeCallback(&Read<LocationStale>)},
            {S::CONTEXT_REQUEST, MakeCallback(&Read<ContextRequest>)},
            {S::CONTEXT_REPLY, MakeCallback(&Read<ContextReply>)},
            {S::LOCATION_REGISTER, MakeCallback(&Read<LocationRegister>)},
            {S::LOCATION_REGISTER_ACK, MakeCallback(&Read<LocationRegisterAck>)},
        };
        for (const auto& [subType, handler] : sub)
        {
            mh->RegisterHandler(S::MH_TYPE, subType, handler);
        }
    }
};

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static Receiver receiver;
    if (size < 1)
    {
        return 0;
    }
    uint8_t control = data[0];
    std::vector<uint8_t> bytes(data + 1, data + size);
    static const Ipv6Address sources[] = {receiver.peer,
                                          Ipv6Address::GetAny(),
                                          Ipv6Address::GetAllNodesMulticast(),
                                          Ipv6Address("fe80::1")};
    Ipv6Header header;
    header.SetSource(sources[(control >> 1) & 3]);
    header.SetDestination((control & 8) ? Ipv6Address::GetAllNodesMulticast() : receiver.self);
    header.SetNextHeader(MobilityL4Protocol::PROT_NUMBER);
    header.SetPayloadLength(bytes.size());
    if (!(control & 1))
    {
        dmmfuzz::FixChecksum(bytes,
                             4,
                             header.GetSource(),
                             header.GetDestination(),
                             MobilityL4Protocol::PROT_NUMBER);
    }
    Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
    receiver.mh->Receive(p, header, receiver.interface);
    Simulator::Run(); // deliver what the node answered (a Parameter Problem)
    return 0;
}
