/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_MAG_AGENT_H
#define DMM_MAG_AGENT_H

#include "ns3/access-router-agent.h"
#include "ns3/location-update.h"

#include <map>
#include <string>

namespace ns3
{

class ProxyLocationUpdate;
class RoutingControl;

/**
 * \ingroup dmm
 * \brief Mobile access gateway (RFC 5213 §6): an access router with the location
 * update function and a tunnel endpoint.
 *
 * A router solicitation from an authorised mobile node starts a proxy registration;
 * the PBA's home network prefix is then installed (access route + reverse tunnel) and
 * advertised to that node alone, so it sees the same home link at every MAG.
 */
class MagAgent : public AccessRouterAgent
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t unknownNode{0};   //!< solicitations from nodes without a policy profile
        uint64_t rejected{0};      //!< registrations the LMA refused
        uint64_t timedOut{0};      //!< registrations without any answer
        uint64_t registrations{0}; //!< accepted registrations (not refreshes)
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    MagAgent();
    ~MagAgent() override;

    /**
     * \brief Compose the MAG from its functions.
     * \param lu the proxy location update function (already set up towards the LMA)
     * \param rc routing control on this node's mobility routing
     */
    void Setup(Ptr<ProxyLocationUpdate> lu, Ptr<RoutingControl> rc);

    /**
     * \brief Add a mobile node to the policy store (RFC 5213 §6.2).
     * \param mac the node's link-layer address
     * \param mnId its MN identifier (NAI)
     * \param anchor its LMA if not the MAG's default one (the profile's LMA address)
     */
    void AddPolicy(Mac48Address mac,
                   const std::string& mnId,
                   Ipv6Address anchor = Ipv6Address::GetAny());

    /**
     * \brief The home network prefix a node's policy profile lists (RFC 5213 §6.2): the
     *        MAG names it in the node's PBU instead of asking for one (§6.9.1.1).
     * \param mnId the node \param prefix its HNP as the profile has it
     */
    void SetPolicyPrefix(const std::string& mnId, const HomeNetworkPrefix& prefix);

    void DoNotifyDetached(Mac48Address mac) override;

    /// \return the counters
    const Stats& GetStats() const;
    /// \return the location update function (its Outcome trace reports each PBA)
    Ptr<ProxyLocationUpdate> GetLocationUpdate() const;

  protected:
    void DoDispose() override;
    void HandleSolicitation(uint32_t interface, Ipv6Address peer, Mac48Address mac) override;
    void StopApplication() override;

  private:
    /// An interface of a mobile node attached to one of our links: one mobility session.
    struct Attached
    {
        std::string mnId;                        //!< the node's MN-ID
        Mac48Address mac;                        //!< link-layer address
        uint32_t accessInterface{0};             //!< access interface
        Ipv6Address linkLocal;                   //!< link-local address
        std::vector<HomeNetworkPrefix> prefixes; //!< HNPs, once registered
        bool registered{false};                  //!< forwarding installed
        bool pending{false};                     //!< registration sent, no answer yet
    };

    void Outcome(const LocationUpdate::Outcome& outcome);
    void CompleteRegistration(Mac48Address mac, std::vector<HomeNetworkPrefix> prefixes);
    /// \param mac an interface \return its MN-LL-ID option value (RFC 5213 §8.6)
    static std::vector<uint8_t> LinkLayerId(Mac48Address mac);
    void Advertise(const Attached& node);

    Ptr<ProxyLocationUpdate> m_lu;               //!< location update
    Ptr<RoutingControl> m_rc;                    //!< routing control
    std::map<Mac48Address, Attached> m_attached; //!< attached interfaces (RFC 5213 §5.4)
    std::map<std::string, HomeNetworkPrefix> m_policyPrefixes; //!< SetPolicyPrefix
    bool m_deregisterOnDetach;                                 //!< attribute DeregisterOnDetach
    Stats m_stats;                                             //!< counters
};

} // namespace ns3

#endif // DMM_MAG_AGENT_H
