/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_STANDALONE_LMF_H
#define DMM_STANDALONE_LMF_H

#include "ns3/binding-change-ack.h"
#include "ns3/home-address-allocation.h"
#include "ns3/inform-retransmission.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <utility>
#include <vector>

namespace ns3
{

class EpmipMessage;
class Ipv6Header;
class Ipv6Interface;
class MobilityL4Protocol;
class Packet;

/**
 * \ingroup dmm
 * \brief A standalone LMF of ePMIP's alternative implementation (seed 001 §7.1, §7.4,
 *        Figs 10-11): it holds the locations (the anchoring eLMA) of the prefixes it is
 *        responsible for and relays everything else to the responsible LMF.
 *
 * The eLMAs (LMA + DAF) register each node's HNP with their preferred LMF by PBCI (HNP,
 * eLMA) and ask it by PBQR. The responsible LMF of a prefix is the one at index
 * hash(HNP) mod N in the domain's ordered LMF list (§7.4: "Hash algorithm (hashing the
 * HNP(es))"); a queried address is hashed as its /HnpLength prefix. A message for another
 * LMF is relayed with a sequence of our own and the answer passed back to the asker. An
 * address no LMF holds is answered R (§7.3: outside the ePMIP prefix set). The PBCA to a
 * registration that moves an HNP to another eLMA names the previous eLMA (§7.2).
 *
 * The eLMAs retransmit a PBCI until its PBCA (RFC 5213 §6.9.4 back-off): a repeated PBCI
 * (same sender and sequence, within RepeatLifetime) gets the PBCA sent the first time, so
 * a registration whose PBCA was lost still names the previous eLMA. A repeat of a PBCI
 * being relayed is relayed again with the same relay sequence, for the responsible LMF
 * to recognise it.
 */
class StandaloneLmf : public Object
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t queries{0};    //!< PBQRs answered here
        uint64_t answered{0};   //!< addresses answered with a location
        uint64_t unknown{0};    //!< addresses answered R
        uint64_t registered{0}; //!< PBCIs stored here
        uint64_t relayed{0};    //!< PBQRs and PBCIs relayed to the responsible LMF
        uint64_t moved{0};      //!< PBCIs that moved an HNP to another eLMA (§7.2)
        uint64_t repeats{0};    //!< repeated PBCIs answered with the first PBCA
    };

    /**
     * \brief Signature of the Relay trace.
     * \param prefix the HNP hashed \param to the responsible LMF
     */
    typedef void (*RelayTracedCallback)(const HomeNetworkPrefix& prefix, Ipv6Address to);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    StandaloneLmf();

    /**
     * \brief Start serving.
     * \param mh the node's Mobility Header protocol \param address our address
     * \param lmfs every LMF of the domain, the same order everywhere (ours included)
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address address, std::vector<Ipv6Address> lmfs);
    /// \param prefix an HNP (or an address: its /HnpLength) \return its responsible LMF
    Ipv6Address ResponsibleFor(const HomeNetworkPrefix& prefix) const;
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;

  private:
    /// \brief A PBQR arrived (from an eLMA or a relaying LMF).
    void HandleQuery(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>);
    /// \brief A PBCI (location registration) arrived.
    void HandleInform(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>);
    /// \brief A PBQA from the responsible LMF: pass it back to the asker.
    void HandleRelayedAnswer(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>);
    /// \brief A PBCA from the responsible LMF: pass it back to the registering eLMA.
    void HandleRelayedAck(Ptr<Packet> p, const Ipv6Header&, Ptr<Ipv6Interface>);
    /**
     * \brief Restore a relayed answer's asker and sequence.
     * \param message the answer \return its asker, or :: if it answers no relay of ours
     */
    Ipv6Address TakeBack(EpmipMessage& message);
    /// \brief Relay \p message (its sequence replaced) to \p to for \p asker.
    void Relay(EpmipMessage& message, Ipv6Address asker, Ipv6Address to);
    /// \param prefix a prefix \return it cut to HnpLength
    HomeNetworkPrefix Hnp(const HomeNetworkPrefix& prefix) const;

    Ptr<MobilityL4Protocol> m_mh;                     //!< signalling
    Ipv6Address m_address;                            //!< our address
    std::vector<Ipv6Address> m_lmfs;                  //!< the domain's LMFs, in order
    std::map<HomeNetworkPrefix, Ipv6Address> m_table; //!< HNP -> anchoring eLMA
    /// relayed sequence -> (asker, its sequence)
    std::map<uint16_t, std::pair<Ipv6Address, uint16_t>> m_relays;
    /// (asker, its sequence) -> relay sequence, for the PBCIs being relayed
    std::map<std::pair<Ipv6Address, uint16_t>, uint16_t> m_relayedInforms;
    InformRetransmission m_answers; //!< PBCAs sent, for the PBCIs' repeats (receiver side)
    Time m_repeatLifetime;          //!< attribute
    uint16_t m_sequence{0};         //!< next relay sequence
    uint8_t m_hnpLength;            //!< attribute HnpLength
    Stats m_stats;                  //!< counters
    TracedCallback<const HomeNetworkPrefix&, Ipv6Address> m_relayTrace; //!< relays
};

} // namespace ns3

#endif // DMM_STANDALONE_LMF_H
