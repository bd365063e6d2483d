/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef NS3_VERSION_COMPAT_H
#define NS3_VERSION_COMPAT_H

/**
 * \file
 * \ingroup dmm
 * The one place where dmm adapts to the ns-3 release it is compiled in.
 *
 * Neither ns-3.35 nor ns-3.37 defines a version macro in a default build
 * (ns3/version-defines.h exists only with --enable-build-version), so the
 * version comes from the build description: the waf wscript, which only
 * waf-era trees (ns-3.35 and older) read, defines DMM_NS3_VERSION as
 * major * 100 + minor from the tree's VERSION file. The CMake builds (ns-3.36
 * and later) pass nothing and get the current API.
 */

#include "ns3/application.h"
#include "ns3/boolean.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ndisc-cache.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/simulator.h"
#include "ns3/wifi-mac-queue.h"
#include "ns3/wifi-mac.h"
#include "ns3/wifi-standards.h"

#include <functional>
#include <list>
#include <map>
#include <memory>
#include <utility>

#ifndef DMM_NS3_VERSION
/// ns-3 release as major * 100 + minor; set by the waf wscript, else a CMake-era tree.
#define DMM_NS3_VERSION 337
#endif

/// Releases before 3.36: Callback without variadic Bind and not built from lambdas, no
/// lambda events, 802.11n split into one standard per band, and a few getters missing.
#define DMM_NS3_PRE_336 (DMM_NS3_VERSION < 336)

#if DMM_NS3_PRE_336
#include "ns3/regular-wifi-mac.h"
#include "ns3/wifi-mac-queue-item.h"
#else
#include "ns3/wifi-mpdu.h"
#endif

namespace ns3
{
#if DMM_NS3_PRE_336
/// 3.37 renamed WifiMacQueueItem to WifiMpdu.
using WifiMpdu = WifiMacQueueItem;
#endif

namespace compat
{

#if DMM_NS3_PRE_336
/// 3.37's WIFI_STANDARD_80211n uses 2.4 GHz unless the channel says otherwise
/// (GetDefaultPhyBand); 3.35 names that band in the standard.
constexpr WifiStandard kWifiStandard80211n = WIFI_STANDARD_80211n_2_4GHZ;
#else
/// The 802.11n standard (its default band, 2.4 GHz).
constexpr WifiStandard kWifiStandard80211n = WIFI_STANDARD_80211n;
#endif

/**
 * \brief Bind the first two arguments of a callback.
 * \param cb the callback \param a1 first argument \param a2 second argument
 * \return the callback taking the remaining arguments
 */
template <typename CB, typename A1, typename A2>
auto
BindTwo(CB cb, A1 a1, A2 a2)
{
#if DMM_NS3_PRE_336
    return cb.TwoBind(a1, a2);
#else
    return cb.Bind(a1, a2);
#endif
}

#if DMM_NS3_PRE_336
/// \brief Run a function object; 3.35's MakeEvent takes function pointers only.
/// \param f the function object
inline void
InvokeFunction(std::function<void()> f)
{
    f();
}
#endif

/**
 * \brief Schedule a function object (e.g. a lambda) after \p delay.
 * \param delay the delay \param f the function object \return the event
 */
template <typename F>
EventId
ScheduleFunction(const Time& delay, F&& f)
{
#if DMM_NS3_PRE_336
    return Simulator::Schedule(delay, &InvokeFunction, std::function<void()>(std::forward<F>(f)));
#else
    return Simulator::Schedule(delay, std::forward<F>(f));
#endif
}

#if DMM_NS3_PRE_336
/// A function object 3.35's FunctorCallbackImpl accepts: it compares functors with !=
/// (a lambda has none); two of these never compare equal, as two lambdas would not.
template <typename F>
struct ComparableFunction
{
    F m_f; //!< the function object

    /// \brief Call it. \param args its arguments \return its result
    template <typename... A>
    auto operator()(A&&... args) const -> decltype(m_f(std::forward<A>(args)...))
    {
        return m_f(std::forward<A>(args)...);
    }

    /// \return true: never equal
    bool operator!=(const ComparableFunction&) const
    {
        return true;
    }
};
#endif

/**
 * \brief A callback that runs a function object (e.g. a lambda).
 * \tparam R the return type \tparam Args the argument types
 * \param f the function object \return the callback
 */
template <typename R, typename... Args, typename F>
Callback<R, Args...>
FunctionCallback(F f)
{
#if DMM_NS3_PRE_336
    return Callback<R, Args...>(ComparableFunction<F>{f}, true, true); // functor constructor
#else
    return Callback<R, Args...>(f);
#endif
}

/**
 * \brief The queue of an access category of a Wi-Fi MAC.
 * \param mac the MAC \param ac the access category \return the queue, or null
 */
inline Ptr<WifiMacQueue>
TxopQueue(Ptr<WifiMac> mac, AcIndex ac)
{
#if DMM_NS3_PRE_336
    Ptr<RegularWifiMac> regular = DynamicCast<RegularWifiMac>(mac);
    return regular ? regular->GetTxopQueue(ac) : nullptr;
#else
    return mac->GetTxopQueue(ac);
#endif
}

/**
 * \brief The time a node waits for duplicate address detection.
 * \param icmpv6 the node's ICMPv6 \return the time
 */
inline Time
DadTimeout(Ptr<Icmpv6L4Protocol> icmpv6)
{
#if DMM_NS3_PRE_336
    // 3.35 has no DadTimeout attribute: Ipv6Interface waits 1 s (RFC 4861 RetransTimer),
    // 3.37's default.
    return Seconds(1);
#else
    return icmpv6->GetDadTimeout();
#endif
}

/**
 * \brief The packets a neighbour cache entry queues, its state unchanged.
 * \param entry an INCOMPLETE or PROBE entry \return the queued packets
 */
inline std::list<NdiscCache::Ipv6PayloadHeaderPair>
WaitingPackets(NdiscCache::Entry* entry)
{
    // MarkReachable is the only accessor of the queue; the state is put back.
#if DMM_NS3_PRE_336
    // 3.35 keeps the state private: restore it with the matching Mark call.
    bool probe = entry->IsProbe();
    std::list<NdiscCache::Ipv6PayloadHeaderPair> waiting =
        entry->MarkReachable(entry->GetMacAddress());
    if (probe)
    {
        entry->MarkProbe();
    }
    else
    {
        entry->MarkIncomplete(NdiscCache::Ipv6PayloadHeaderPair()); // queues nothing
    }
    return waiting;
#else
    auto state = entry->m_state;
    std::list<NdiscCache::Ipv6PayloadHeaderPair> waiting =
        entry->MarkReachable(entry->GetMacAddress());
    entry->m_state = state;
    return waiting;
#endif
}

/**
 * \brief Follow an IPv6 interface's address changes.
 * \return false where ns-3 cannot (3.35's Ipv6Interface has no address callbacks): the
 * caller then treats the interface as listening to every group
 */
template <typename Added, typename Removed>
bool
WatchAddresses(Ptr<Ipv6Interface> iface, Added added, Removed removed)
{
#if DMM_NS3_PRE_336
    (void)iface;
    (void)added;
    (void)removed;
    return false;
#else
    iface->AddAddressCallback(added);
    iface->RemoveAddressCallback(removed);
    return true;
#endif
}

/// The signature of a PacketSink's RxWithSeqTsSize trace.
using SeqTsSizeRxCallback =
    Callback<void, Ptr<const Packet>, const Address&, const Address&, const SeqTsSizeHeader&>;

/**
 * \brief Pass a PacketSink's received packets with their SeqTsSizeHeader to \p cb, as its
 * RxWithSeqTsSize trace does with EnableSeqTsSizeHeader on.
 * \param sink the PacketSink \param cb the trace sink
 */
inline void
ConnectRxWithSeqTsSize(Ptr<Application> sink, SeqTsSizeRxCallback cb)
{
#if DMM_NS3_PRE_336
    // 3.35's PacketSink splits the stream per peer in a map hashed by IPv4 address only and
    // aborts on an IPv6 peer; split it here instead, per peer, from RxWithAddresses.
    auto buffers = std::make_shared<std::map<Address, Ptr<Packet>>>();
    auto split = [buffers, cb](Ptr<const Packet> p, const Address& from, const Address& local) {
        Ptr<Packet>& buffer = (*buffers)[from];
        if (!buffer)
        {
            buffer = Create<Packet>();
        }
        buffer->AddAtEnd(p);
        SeqTsSizeHeader header;
        while (buffer->GetSize() >= header.GetSerializedSize())
        {
            buffer->PeekHeader(header);
            if (header.GetSize() == 0 || buffer->GetSize() < header.GetSize())
            {
                break; // the rest of the write is still in flight
            }
            Ptr<Packet> complete = buffer->CreateFragment(0, header.GetSize());
            buffer->RemoveAtStart(header.GetSize());
            complete->RemoveHeader(header);
            cb(complete, from, local, header);
        }
    };
    sink->TraceConnectWithoutContext(
        "RxWithAddresses",
        FunctionCallback<void, Ptr<const Packet>, const Address&, const Address&>(split));
#else
    sink->SetAttribute("EnableSeqTsSizeHeader", BooleanValue(true));
    sink->TraceConnectWithoutContext("RxWithSeqTsSize", cb);
#endif
}

} // namespace compat
} // namespace ns3

#endif /* NS3_VERSION_COMPAT_H */
