/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SOURCE_ADDRESS_SELECTION_H
#define DMM_SOURCE_ADDRESS_SELECTION_H

#include "ns3/event-id.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/nd-options.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <vector>

namespace ns3
{

class Ipv6Interface;

/**
 * \ingroup dmm
 * \brief Source address selection of a mobile node (RFC 6724 §5), from the address
 * lifetimes the router advertisements gave it (RFC 4862 §5.5.3).
 *
 * ns-3.37 keeps the lifetimes of the first RA only and never marks an address
 * DEPRECATED (NS3-NOTES.md): a prefix a MAR announces with preferred lifetime 0 (DMA,
 * seed 003 §4.2 step 4) stayed as usable as any. This class tracks the lifetimes of every
 * autonomous prefix from the RAs the node receives, sets the interface address states
 * (DEPRECATED / PREFERRED) accordingly, and ranks the node's addresses for a new flow.
 */
class SourceAddressSelection : public Object
{
  public:
    /// The RFC 6724 §5 rule (or the tie-breaker) that decided a comparison.
    enum class Rule
    {
        SAME_ADDRESS,  //!< rule 1
        SCOPE,         //!< rule 2
        DEPRECATED,    //!< rule 3
        HOME,          //!< rule 4 (RFC 6275)
        LABEL,         //!< rule 6 (rule 5: one interface; rule 7: no temporary addresses)
        CURRENT_LINK,  //!< the current router's own prefix (seed 003), superseding rule 8
        LONGEST_MATCH, //!< rule 8
        FEWEST_FLOWS,  //!< tie (SpreadFlows): the address fewest flows were started from
        NEWEST,        //!< tie: the address configured last
    };

    /// What the rules know about one candidate source address.
    struct Candidate
    {
        Ipv6Address address;      //!< the address
        uint8_t prefixLength{64}; //!< its prefix length (rule 8 compares no further)
        bool deprecated{false};   //!< preferred lifetime over (rule 3)
        bool home{false};         //!< the node's home address (rule 4)
        bool currentLink{false};  //!< advertised by the router the node is attached to now
        bool kept{false};         //!< that router says it is kept, anchored elsewhere
        uint32_t order{0};        //!< position on the interface: larger is newer
        uint32_t flows{0};        //!< flows started from it (SpreadFlows; else 0)
    };

    /**
     * TracedCallback signature for address state changes.
     * \param address the address \param deprecated whether it is deprecated now
     */
    typedef void (*StateTracedCallback)(Ipv6Address address, bool deprecated);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    SourceAddressSelection();
    ~SourceAddressSelection() override;

    /// \param iface the interface whose addresses are selected from (the access interface)
    void SetInterface(Ptr<Ipv6Interface> iface);

    /**
     * \brief Take the lifetimes and prefix properties of a router advertisement (RFC 4862
     *        §5.5.3) and mark its prefixes as the current link's.
     * \param options the options of a valid RA
     */
    void RouterAdvertised(const NdOptions& options);
    /**
     * \brief A prefix's lifetimes restarted without an RA (a dma-client node keeps an earlier
     *        home address alive itself, DmaClientMnAgent): as RouterAdvertised for that
     *        prefix (RFC 4862 §5.5.3 e), but it does not become the current link's.
     * \param pio the prefix and the lifetimes it restarts with
     */
    void Refreshed(const NdOptions::PrefixInformation& pio);
    /// \brief The node left its link: no prefix is the current link's any more.
    void Detached();
    /**
     * \brief Set the states of the interface's addresses from the tracked lifetimes; call it
     *        once the stack has configured the addresses of an RA.
     */
    void ApplyStates();

    /**
     * \brief Choose the source address of a new flow.
     * \param destination the peer (:: when unknown: rules 1, 2, 6 and 8 then do not apply)
     * \param home the node's home address (:: if none)
     * \return the best candidate, :: if the node has no global address
     */
    Ipv6Address Select(Ipv6Address destination, Ipv6Address home) const;
    /**
     * \brief Count a flow started from an address (the SpreadFlows tie-breaker).
     * \param address the flow's source address
     */
    void NoteFlow(Ipv6Address address);
    /// \param home the home address (:: if none) \return the candidates, oldest first
    std::vector<Candidate> GetCandidates(Ipv6Address home) const;
    /// \param prefix a prefix \return its remaining preferred lifetime (0 if none or unknown)
    Time GetPreferredLifetime(const HomeNetworkPrefix& prefix) const;

    /**
     * \brief RFC 6724 §5: whether \p a is a better source than \p b.
     * \param a a candidate \param b another \param destination the peer (:: unknown)
     * \param decided if not null, set to the rule that decided
     * \return true if \p a is preferred
     */
    static bool Prefer(const Candidate& a,
                       const Candidate& b,
                       Ipv6Address destination,
                       Rule* decided = nullptr);
    /// \param a an address \return its label in the RFC 6724 §2.1 default policy table
    static uint32_t Label(Ipv6Address a);
    /**
     * \param a an address \param b another \param limit the most bits to compare
     * \return the length of their longest common prefix, at most \p limit (RFC 6724 §2.2)
     */
    static uint8_t CommonPrefixLength(Ipv6Address a, Ipv6Address b, uint8_t limit);

  protected:
    void DoDispose() override;

  private:
    /// What the RAs said about one autonomous prefix.
    struct PrefixState
    {
        Time preferredUntil;     //!< end of the preferred lifetime
        Time validUntil;         //!< end of the valid lifetime
        bool currentLink{false}; //!< advertised since the node attached to its link
        uint8_t properties{0};   //!< Prefix Properties bits from the last RA (0 none)
    };

    /**
     * \brief Track a prefix (if new) and restart its lifetimes (RFC 4862 §5.5.3 e).
     * \param pio the prefix and its lifetimes \return its state
     */
    PrefixState& TakeLifetimes(const NdOptions::PrefixInformation& pio);
    /// \param a an address \return the tracked prefix that contains it, or end()
    std::map<HomeNetworkPrefix, PrefixState>::const_iterator StateOf(Ipv6Address a) const;
    /// \param a an address \return whether its preferred lifetime is over
    bool IsDeprecated(Ipv6Address a) const;
    /// \brief Re-apply the states when the next preferred lifetime ends.
    void ScheduleExpiry();
    /// \brief A preferred lifetime ended.
    void Expire();
    /// \brief Forget the prefixes whose valid lifetime is over, and their flow counts.
    void ForgetInvalid();

    Ptr<Ipv6Interface> m_interface;                      //!< the access interface
    std::map<HomeNetworkPrefix, PrefixState> m_prefixes; //!< autonomous prefixes learnt
    EventId m_expiry;                                    //!< next preferred lifetime end
    TracedCallback<Ipv6Address, bool> m_stateTrace;      //!< AddressState
    bool m_spreadFlows{false};                           //!< attribute SpreadFlows
    std::map<Ipv6Address, uint32_t> m_flows;             //!< flows started per address
};

} // namespace ns3

#endif // DMM_SOURCE_ADDRESS_SELECTION_H
