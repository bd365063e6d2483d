/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_RR_INITIATOR_H
#define DMM_RR_INITIATOR_H

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/location-update.h"
#include "ns3/object.h"

#include <map>
#include <optional>
#include <vector>

namespace ns3
{

class ClientLocationUpdate;
class HostMobilityRouting;
class Ipv6Header;
class Ipv6Interface;
class MobilityHeader;
class MobilityL4Protocol;
class Packet;
class UniformRandomVariable;

/**
 * \ingroup dmm
 * \brief The mobile node's side of route optimisation (RFC 6275 §5.2, §11.6): return
 *        routability, then a Binding Update to each correspondent, then direct routes.
 *
 * For every correspondent, a Home Test Init leaves from the home address (reverse
 * tunnelled through the home agent) and a Care-of Test Init from the care-of address,
 * in parallel. With both keygen tokens the Binding Update is signed with Kbm
 * (Nonce Indices + Binding Authorization Data). Once the correspondent acknowledges,
 * packets to it leave directly with a Home Address option. A new care-of address runs
 * the whole procedure again (both tokens), as the analytical models assume.
 */
class RrInitiator : public Object
{
  public:
    /// \brief Counters.
    struct Stats
    {
        uint64_t hotiSent{0};      //!< Home Test Inits sent
        uint64_t cotiSent{0};      //!< Care-of Test Inits sent
        uint64_t staleTests{0};    //!< HoT/CoT with an unknown cookie, ignored
        uint64_t retransmitted{0}; //!< HoTI/CoTI sent again (no HoT/CoT in time)
        uint64_t givenUp{0};       //!< HoTI/CoTI abandoned after MaxBindackTimeout
        uint64_t bindingsDone{0};  //!< correspondent bindings acknowledged
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    RrInitiator();
    ~RrInitiator() override;

    /**
     * \brief Set up. \param mh the node's Mobility Header protocol
     * \param lu the Binding Update List \param mr the host's mobility routing
     */
    void Setup(Ptr<MobilityL4Protocol> mh,
               Ptr<ClientLocationUpdate> lu,
               Ptr<HostMobilityRouting> mr);
    /// \param cn a correspondent to route-optimise
    void AddCorrespondent(Ipv6Address cn);
    /// \param a an address \return true if it is a configured correspondent
    bool IsCorrespondent(Ipv6Address a) const;
    /// \param cb called when every correspondent is bound for the current care-of address
    void SetDoneCallback(Callback<void> cb);
    /**
     * \brief Start return routability with every correspondent.
     * \param home the home address \param careOf the care-of address to bind
     * \return false if there is nothing to do (no correspondents, or done for \p careOf)
     */
    bool Start(Ipv6Address home, Ipv6Address careOf);
    /// \brief The node moved: direct routes use a stale care-of address.
    void Moved();
    /// \brief A correspondent accepted the Binding Update. \param cn the correspondent
    void BindingAcknowledged(Ipv6Address cn);
    /**
     * \brief Sign a Binding Update to a correspondent (ClientLocationUpdate callback).
     * \param cn the correspondent \param bu the Binding Update
     * \return false when the keygen tokens are missing
     */
    bool Authorize(Ipv6Address cn, MobilityHeader& bu);
    /**
     * \brief Check a correspondent's Binding Acknowledgement (RFC 6275 §11.7.3).
     * \param cn the correspondent \param ba its Mobility Header bytes
     * \return true if its Binding Authorization Data verifies with the current keys
     */
    bool Verify(Ipv6Address cn, const std::vector<uint8_t>& ba);
    /**
     * \brief Assign a random stream. \param stream first stream \return streams used
     */
    int64_t AssignStreams(int64_t stream);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    /// Return routability state with one correspondent.
    struct Peer
    {
        uint64_t homeCookie{0};                                   //!< HoTI cookie
        uint64_t careOfCookie{0};                                 //!< CoTI cookie
        std::optional<std::pair<uint16_t, uint64_t>> homeToken;   //!< nonce index, token
        std::optional<std::pair<uint16_t, uint64_t>> careOfToken; //!< nonce index, token
        bool bound{false};                                        //!< BA received
        LocationUpdate::Retransmission homeRtx;                   //!< HoTI (re)sends
        LocationUpdate::Retransmission careOfRtx;                 //!< CoTI (re)sends
    };

    void HandleHomeTest(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void HandleCareOfTest(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void MaybeBind(Ipv6Address cn);
    /// \brief (Re)send a HoTI (\p home) or CoTI to \p cn, with back-off.
    /// \param cn the correspondent \param home true for the HoTI
    void SendTestInit(Ipv6Address cn, bool home);
    void StopTests(Peer& peer);
    uint64_t Cookie();

    Ptr<MobilityL4Protocol> m_mh;        //!< signalling
    Ptr<ClientLocationUpdate> m_lu;      //!< Binding Update List
    Ptr<HostMobilityRouting> m_mr;       //!< direct routes
    Ptr<UniformRandomVariable> m_rng;    //!< cookies
    Callback<void> m_done;               //!< all bound
    Ipv6Address m_home;                  //!< home address
    Ipv6Address m_careOf;                //!< care-of address being bound
    std::map<Ipv6Address, Peer> m_peers; //!< correspondents
    Time m_initialTimeout;               //!< attribute InitialTimeout
    Time m_maxTimeout;                   //!< attribute MaxTimeout
    Stats m_stats;                       //!< counters
};

} // namespace ns3

#endif // DMM_RR_INITIATOR_H
