/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMA_CLIENT_MN_AGENT_H
#define DMM_DMA_CLIENT_MN_AGENT_H

#include "ns3/event-id.h"
#include "ns3/mip-mn-agent.h"
#include "ns3/nd-options.h"

namespace ns3
{

class Ipv6;

/**
 * \ingroup dmm
 * \brief Mobile node of client-based DMM (000 §5.1.2, Fig 8; seed 003 §3.2): every access
 *        router is the home agent of its own link.
 *
 * The router names itself in its RA (R flag, RFC 6275 §7.2): the address formed at a
 * router is a home address there, used natively by the flows that start there; after a
 * move the node binds every earlier home address to the new care-of address with its own
 * home agent, in parallel, directly or (ProxyLocationUpdate) through the current router,
 * which relays them (LocationUpdateRelay). HandoverComplete fires when every home agent
 * has answered.
 */
class DmaClientMnAgent : public MipMnAgent
{
  public:
    /// \brief Named counters of the idle release (seed 003 §3.2).
    struct Stats
    {
        uint64_t releasedBindings{0};   //!< bindings de-registered: their address fell idle
        uint64_t forgottenUnbound{0};   //!< addresses dropped at a move: idle, never bound
        uint64_t refreshedAddresses{0}; //!< lifetimes of earlier addresses restarted
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DmaClientMnAgent();
    ~DmaClientMnAgent() override;

    /// \return the counters
    const Stats& GetStats() const;
    /// \return the addresses kept as home addresses now (bound or current)
    std::vector<Ipv6Address> GetHomeAddresses() const;

  protected:
    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;
    void LinkAdvertised(const NdOptions& options, const HomeNetworkPrefix& onLink) override;
    void Move(Ipv6Address careOf, Ipv6Address map) override;
    void Outcome(const LocationUpdate::Outcome& outcome) override;

  private:
    /// Ipv6L3Protocol Tx/Rx sink: the packet's addresses (and a tunnelled packet's inner
    /// ones) are in use now. \param p the packet, IPv6 header first
    void Used(Ptr<const Packet> p, Ptr<Ipv6>, uint32_t);
    /// \param address an address of the node, found in m_kept: mark it used now
    void Touch(Ipv6Address address);
    /// \param home a home address \return true if no packet used it for IdleRelease
    bool IsIdle(Ipv6Address home) const;
    /// At a move: de-register the idle bound addresses, forget the idle unbound ones.
    void DropIdle();
    /// \param home a bound home address: release it now if idle, else check again later
    void CheckIdle(Ipv6Address home);
    /// \param home a bound home address: send the BU with lifetime 0 (RFC 6275 §11.7.1)
    void Release(Ipv6Address home);
    /// \param home a released home address: its HA answered, forget it
    void Forget(Ipv6Address home);
    /// \brief Restart the stack's lifetime of each earlier home address still kept, as
    ///        its own router's re-advertisement would; again a third of it later.
    void RefreshHomes();

    /// What the node keeps of one home address besides its home agent (m_homes).
    struct Kept
    {
        Time lastUse{Time::Min()};           //!< the last packet that used it (Min: none)
        NdOptions::PrefixInformation formed; //!< the option it was formed from (lifetimes)
        bool releasing{false};               //!< de-registered, awaiting the BA
        EventId check;                       //!< its next idle check (bound addresses)
    };

    bool m_proxyLu{false};                     //!< attribute ProxyLocationUpdate
    Time m_idleRelease;                        //!< attribute IdleRelease (0: never)
    Ipv6Address m_advertisedHa;                //!< HA named by the last RA
    NdOptions::PrefixInformation m_advertised; //!< the last RA's on-link prefix option
    std::map<Ipv6Address, Kept> m_kept;        //!< home address -> what is kept of it
    EventId m_refresh;                         //!< next RefreshHomes
    Stats m_stats;                             //!< counters
};

} // namespace ns3

#endif // DMM_DMA_CLIENT_MN_AGENT_H
