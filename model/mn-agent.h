/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MN_AGENT_H
#define DMM_MN_AGENT_H

#include "ns3/dmm-agent.h"
#include "ns3/event-id.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <vector>

namespace ns3
{

class NetDevice;
class Ipv6Header;
class NdOptions;
class Packet;
class Socket;
class SourceAddressSelection;
class Ipv6StaticRouting;

/**
 * \ingroup dmm
 * \brief Mobile-node side of movement detection: solicits a router as soon as the
 * link comes up and reports the router advertisements it receives.
 *
 * ns-3's IPv6 stack does nothing on link up (NS3-NOTES.md); without this agent a
 * mobile node would wait for an unsolicited RA. Address configuration itself stays
 * with ns-3's ICMPv6 (SLAAC). Client-based profiles extend this agent with the
 * location update function.
 */
class MnAgent : public DmmAgent
{
  public:
    /**
     * TracedCallback signature for received router advertisements.
     * \param router the advertising router's link-local address
     * \param prefixes the advertised prefixes
     */
    typedef void (*RaTracedCallback)(Ipv6Address router,
                                     const std::vector<HomeNetworkPrefix>& prefixes);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MnAgent();
    ~MnAgent() override;

    /// \param device the mobile node's access device
    void SetDevice(Ptr<NetDevice> device);

    /**
     * \brief Layer-2 trigger: the node left its access link. Routers learnt on it are
     * forgotten (RFC 4861 §6.3.5 would wait for the router lifetime; a mobile node
     * that knows it moved does better, RFC 6275 §11.5.1).
     */
    void NotifyDetached();

    /**
     * \brief Choose the source address of a new flow (RFC 6724 §5, see
     *        SourceAddressSelection).
     * \param destination the peer (:: when not known yet)
     * \return the address, :: if the node has none yet
     */
    Ipv6Address SelectSourceAddress(Ipv6Address destination) const;
    /**
     * \brief Choose the source address of a flow that starts now, and count it (the
     *        SourceAddressSelection SpreadFlows tie-breaker).
     * \param destination the peer
     * \return the address, :: if none
     */
    Ipv6Address SelectSourceForFlow(Ipv6Address destination);
    /// \return the node's source address selection (lifetimes and states of its addresses)
    Ptr<SourceAddressSelection> GetSourceAddressSelection() const;

    /**
     * \brief Record the anchor of a prefix, as a Mobility Session option of an RA does
     *        (the first one heard for a prefix is kept).
     * \param prefix the prefix \param anchor the MAR that anchors it
     */
    void AddSession(const HomeNetworkPrefix& prefix, Ipv6Address anchor);
    /**
     * \return the sessions the next router solicitation lists (attribute ListSessions):
     *         each prefix with a known anchor that the node still holds an address in and
     *         that carried a packet within SessionIdle (any such prefix if SessionIdle is 0)
     */
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> GetOngoingSessions() const;
    /**
     * \brief Ask the routers of the links the node is on to serve a prefix there: a flow
     *        moved to another interface (RFC 7847 §6.3). A router solicitation lists it in a
     *        Mobility Session option (seed 003 §3.3 (1)); a router that does not serve it
     *        for this interface yet takes it as a request (a MAR registers it with its
     *        anchor, seed 003 §4.3), the others answer as to any solicitation. The anchor
     *        is named if an RA announced it, else left for the router to find (::).
     * \param prefix the moved prefix
     */
    void SolicitFor(const HomeNetworkPrefix& prefix);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief A valid router advertisement arrived; the default reports the handover
     *        complete (a plain host is ready once it has its prefixes).
     * \param router the router's link-local address \param options the RA's options
     */
    virtual void RouterAdvertised(Ipv6Address router, const NdOptions& options);
    /// \return the home address, preferred as source (RFC 6724 rule 4); :: if none
    virtual Ipv6Address HomeAddressForSelection() const;
    /// \brief Fire the HandoverComplete trace.
    void NotifyHandoverComplete();
    /// \return the access device
    Ptr<NetDevice> GetDevice() const;
    /**
     * \brief Keep the prefix of \p address off-link (its neighbours reached through the
     * router) until ReleaseOnLinkRoute or the next detach: RFC 6275 §11.5.4 forbids address
     * resolution from a home address while its home agent still defends it.
     * \param address one of the node's addresses
     */
    void HoldOnLinkRoute(Ipv6Address address);
    /// \brief End a HoldOnLinkRoute. \param address the held address
    void ReleaseOnLinkRoute(Ipv6Address address);

  private:
    void LinkChanged();
    void HandleRead(Ptr<Socket> socket);
    /// \return the node's static routing
    Ptr<Ipv6StaticRouting> StaticRouting() const;
    /// \return the IPv6 interface of the access device
    uint32_t Interface() const;
    /**
     * \param prefix an on-link prefix of the current link
     * \param dadPending set when an address in \p prefix is still tentative or optimistic
     * \return whether the node may resolve neighbours in \p prefix from its addresses there
     */
    bool MayResolveIn(const HomeNetworkPrefix& prefix, bool& dadPending) const;
    /// \brief Add or withhold the on-link route of each prefix the link's RAs put on-link.
    void UpdateOnLinkRoutes();
    /// \brief The stack has processed an RA: routes and address states follow it.
    void RouterAdvertisementProcessed();
    /// \brief Send a solicitation listing \p sessions (seed 003 §3.3, way 1).
    void SendSolicitation(Ipv6Address linkLocal,
                          const std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>& sessions);
    /// \brief A packet sent or delivered here: its prefix's session is still in use.
    void Used(const Ipv6Header& header, Ptr<const Packet> p, uint32_t interface);
    /// \return whether the node has an address in \p prefix (its valid lifetime not over)
    bool Holds(const HomeNetworkPrefix& prefix) const;

    Ptr<NetDevice> m_device;                            //!< access device
    Ptr<Socket> m_socket;                               //!< raw ICMPv6 socket
    Ptr<SourceAddressSelection> m_selection;            //!< source address selection
    Time m_lastRs;                                      //!< when the last RS was sent
    std::vector<HomeNetworkPrefix> m_onLink;            //!< on-link prefixes of the current link
    std::set<Ipv6Address> m_heldOnLink;                 //!< addresses that may not resolve yet
    EventId m_onLinkCheck;                              //!< re-check when DAD has finished
    bool m_listSessions;                                //!< attribute ListSessions
    Time m_sessionIdle;                                 //!< attribute SessionIdle
    std::map<HomeNetworkPrefix, Ipv6Address> m_anchors; //!< anchor of each prefix heard
    std::map<HomeNetworkPrefix, Time> m_lastUse;        //!< last packet of each such prefix
    TracedCallback<Ipv6Address> m_rsTrace;              //!< RouterSolicitation
    TracedCallback<Ipv6Address, const std::vector<HomeNetworkPrefix>&> m_raTrace; //!< RA
    TracedCallback<> m_completeTrace; //!< HandoverComplete
};

} // namespace ns3

#endif // DMM_MN_AGENT_H
