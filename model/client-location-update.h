/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_CLIENT_LOCATION_UPDATE_H
#define DMM_CLIENT_LOCATION_UPDATE_H

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/location-update.h"

#include <map>

namespace ns3
{

class MobilityL4Protocol;
class MobilityHeader;
class Ipv6Header;
class Ipv6Interface;
class Packet;

/**
 * \ingroup dmm
 * \brief Client-based location update (RFC 6275 §11.7, RFC 5380 §6.1): the mobile node's
 *        Binding Update List, one entry per peer (home agent, MAP, correspondent).
 *
 * Every entry binds a "home" address (the HoA, or the RCoA for a MAP) to a care-of
 * address. The Binding Update leaves from the care-of address and carries the home
 * address in a Home Address destination option and the care-of address in an Alternate
 * Care-of Address option. Binding Updates are retransmitted with exponential back-off
 * until acknowledged (§11.8) and refreshed before the granted lifetime runs out.
 */
class ClientLocationUpdate : public LocationUpdate
{
  public:
    /// What the peer of a Binding Update List entry is.
    enum class PeerKind
    {
        HOME_AGENT,    //!< home registration (H flag)
        MAP,           //!< local binding update to a MAP (M flag, RFC 5380)
        CORRESPONDENT, //!< route optimisation (needs return routability)
    };

    /// Fills in the authorisation of a BU to a correspondent; false = cannot send yet.
    typedef Callback<bool, Ipv6Address, MobilityHeader&> AuthorizeCallback;
    /// Checks a correspondent's BA (its Mobility Header bytes); false = discard it.
    typedef Callback<bool, Ipv6Address, const std::vector<uint8_t>&> VerifyCallback;

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    ClientLocationUpdate();
    ~ClientLocationUpdate() override;

    /**
     * \brief Set up. \param mh the node's Mobility Header protocol
     * \param homeAgent the home agent address (used by Register/Deregister)
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address homeAgent);

    /**
     * \brief Create or move the binding of \p home with a peer, and keep it refreshed.
     * \param peer the home agent, MAP, correspondent or location server
     * \param kind what the peer is
     * \param home the address being bound (HoA; RCoA for a MAP)
     * \param careOf the care-of address (LCoA for a MAP); also the BU's source
     * \param visitedServer a location server the peer should point \p home to instead
     *        (fully distributed scenario, DmmSessionHeader::SetVisitedServer); :: = none
     */
    void Bind(Ipv6Address peer,
              PeerKind kind,
              Ipv6Address home,
              Ipv6Address careOf,
              Ipv6Address visitedServer = Ipv6Address::GetAny());
    /**
     * \brief Remove bindings with a peer (Binding Update with lifetime 0).
     * \param peer the peer
     * \param careOf the address to send from (the home address when back home)
     * \param home the bound address; :: = every binding with the peer
     */
    void Unbind(Ipv6Address peer, Ipv6Address careOf, Ipv6Address home = Ipv6Address::GetAny());
    /// \param cb authorisation of correspondent BUs (return routability)
    void SetAuthorizeCallback(AuthorizeCallback cb);
    /// \param cb verification of correspondent BAs (RFC 6275 §11.7.3: their Binding
    ///        Authorization Data)
    void SetVerifyCallback(VerifyCallback cb);

    /// \param peer a peer \return true if its last Binding Update is acknowledged
    bool IsBound(Ipv6Address peer) const;
    /// \param peer a peer \return true if the list has an entry for it (sent or acknowledged)
    bool HasBinding(Ipv6Address peer) const;
    /// \param peer a peer \param home a bound address \return true if that binding is listed
    bool HasBinding(Ipv6Address peer, Ipv6Address home) const;

    /// \brief Home registration of prefixes[0] (the HoA) from the care-of address set
    ///        with SetCareOf(). \param mnId the MN \param prefixes {HoA/128}
    void Register(const std::string& mnId,
                  const std::vector<HomeNetworkPrefix>& prefixes,
                  const std::vector<uint8_t>& linkLayerId) override;
    /// \brief Home de-registration. \param mnId the MN
    void Deregister(const std::string& mnId) override;
    void Halt() override;

    /**
     * \brief Send home registrations through a proxy LU that relays them to the home
     *        agent (Anchor option, subtype 3); the acknowledgement comes back directly.
     * \param relay the relay (the current access router); :: = send directly
     */
    void SetRelay(Ipv6Address relay);
    /// \param careOf the care-of address Register() uses
    void SetCareOf(Ipv6Address careOf);

    /// \return the retransmissions sent so far (all peers)
    uint64_t GetRetransmissions() const;
    /// \return correspondent BAs discarded because their authenticator did not verify
    uint64_t GetUnverifiedAcks() const;

  protected:
    void DoDispose() override;

  private:
    /// Binding Update List entry (RFC 6275 §11.1).
    struct Entry
    {
        PeerKind kind{PeerKind::HOME_AGENT}; //!< what the peer is
        Ipv6Address home;                    //!< bound address
        Ipv6Address careOf;                  //!< care-of address (and BU source)
        Ipv6Address visitedServer;           //!< Anchor option subtype 2, or ::
        uint16_t sequence{0};                //!< last sequence number sent
        Time lifetime;                       //!< lifetime requested in the pending BU
        Retransmission rtx;                  //!< BU (re)transmissions
        bool acked{false};                   //!< the last BU was accepted
        bool everAcked{false};               //!< a registration was accepted once
        EventId refresh;                     //!< refresh timer
    };

    /// A binding: (peer, bound address); a peer may hold several (location servers).
    typedef std::pair<Ipv6Address, Ipv6Address> Key;
    void SendBu(Key key);
    void Transmit(Key key);
    void HandleBa(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);

    Ptr<MobilityL4Protocol> m_mh;  //!< Mobility Header protocol
    Ipv6Address m_homeAgent;       //!< home agent
    Ipv6Address m_careOf;          //!< care-of address for Register()
    Ipv6Address m_relay;           //!< proxy LU relaying home registrations, or ::
    std::map<Key, Entry> m_list;   //!< binding update list
    AuthorizeCallback m_authorize; //!< return routability
    VerifyCallback m_verify;       //!< return routability: BA check
    Time m_lifetime;               //!< attribute Lifetime
    Time m_correspondentLifetime;  //!< attribute CorrespondentLifetime
    double m_refreshRatio;         //!< attribute RefreshRatio
    Time m_initialTimeout;         //!< attribute InitialBindackTimeout
    Time m_initialTimeoutFirstReg; //!< attribute InitialBindackTimeoutFirstReg
    Time m_maxTimeout;             //!< attribute MaxBindackTimeout
    uint64_t m_retransmissions{0}; //!< retransmissions sent
    uint64_t m_unverified{0};      //!< correspondent BAs discarded (bad authenticator)
};

} // namespace ns3

#endif // DMM_CLIENT_LOCATION_UPDATE_H
