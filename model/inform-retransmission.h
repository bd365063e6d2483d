/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_INFORM_RETRANSMISSION_H
#define DMM_INFORM_RETRANSMISSION_H

#include "ns3/binding-change-ack.h"
#include "ns3/binding-change-inform.h"
#include "ns3/callback.h"
#include "ns3/home-address-allocation.h"
#include "ns3/ipv6-address.h"
#include "ns3/keyed-retransmitter.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <deque>
#include <map>
#include <utility>

namespace ns3
{

class MobilityL4Protocol;

/**
 * \ingroup dmm
 * \brief Reliable PBCI/PBCA (seed 001 §4.3 relies on RFC 5213's reliability): the sender
 *        retransmits a PBCI until its PBCA arrives, with RFC 5213 §6.9.4's back-off
 *        (KeyedRetransmitter: the first timeout InitialBindackTimeoutFirstReg-like, doubled
 *        on each retransmission up to MAX_BINDACK_TIMEOUT), and gives up after a number of
 *        retransmissions. The
 *        receiver answers a retransmitted PBCI with the PBCA it sent the first time, so a
 *        lost PBCA does not make it act twice (its answer lists state it gave away).
 *
 * Retransmissions keep the PBCI's sequence number (RFC 6275 §11.8).
 */
class InformRetransmission
{
  public:
    /// The PBCI with this sequence was given up.
    typedef Callback<void, uint16_t> GiveUpCallback;

    /**
     * \brief Configure.
     * \param mh the signalling \param local the source of PBCIs and PBCAs
     * \param giveUp told of a PBCI left without a PBCA
     */
    void Setup(Ptr<MobilityL4Protocol> mh, Ipv6Address local, GiveUpCallback giveUp);
    /**
     * \brief The back-off.
     * \param initial the first timeout \param retries retransmissions before giving up
     * \param counter counts the retransmissions (the owner's stats; outlives this)
     */
    void SetBackOff(Time initial, uint32_t retries, uint64_t* counter);
    /**
     * \brief Send a PBCI naming one location and retransmit it until Acknowledge.
     * \param prefix the node's prefix \param locator its location \param to the receiver
     * \param sequence the PBCI's sequence
     */
    void Inform(const HomeNetworkPrefix& prefix,
                Ipv6Address locator,
                Ipv6Address to,
                uint16_t sequence);
    /**
     * \brief Send \p pbci and retransmit it until Acknowledge.
     * \param pbci the PBCI (copied) \param to the receiver
     */
    void Start(const BindingChangeInform& pbci, Ipv6Address to);
    /**
     * \brief The PBCA arrived: stop retransmitting.
     * \param sequence the PBCA's sequence \return true if that PBCI was outstanding
     */
    bool Acknowledge(uint16_t sequence);
    /// \brief Stop every retransmission and release the signalling.
    void Dispose();

    /**
     * \brief The receiver's side: a PBCI that repeats the last one from \p from gets the
     *        PBCA sent the first time again.
     * \param from the PBCI's source \param sequence its sequence
     * \return true if it was a repeat (answered here), false for a new PBCI
     */
    bool AnswerRepeat(Ipv6Address from, uint16_t sequence);
    /**
     * \brief Send the PBCA to a new PBCI and remember it for the PBCI's repeats (a sender
     *        may have several PBCIs outstanding, one per node it informs about).
     * \param pbca the answer \param to the PBCI's source
     */
    void Answer(const BindingChangeAck& pbca, Ipv6Address to);
    /**
     * \brief How long an answer is kept for repeats (default 64 s: the RFC 5213 §6.9.4
     *        back-off, 1 s doubled over 5 retries, gives up after 63 s).
     * \param lifetime the time an answer is kept after it was sent
     */
    void SetRepeatLifetime(Time lifetime);

  private:
    /// An outstanding PBCI and its receiver.
    struct Outgoing
    {
        BindingChangeInform pbci; //!< what to resend
        Ipv6Address to;           //!< the receiver
    };

    /// The back-off, keyed by the PBCI's sequence.
    typedef KeyedRetransmitter<uint16_t, Outgoing> Retransmitter;

    /// \brief Retransmitter's send callback: (re)send a PBCI.
    void Send(const uint16_t& sequence, Outgoing& out, bool again);
    /// \brief Retransmitter's give-up callback.
    void GiveUp(const uint16_t& sequence);

    Ptr<MobilityL4Protocol> m_mh;  //!< signalling
    Ipv6Address m_local;           //!< our address
    GiveUpCallback m_giveUp;       //!< told of give-ups
    Retransmitter m_retransmitter; //!< outstanding PBCIs by sequence
    /// A PBCI by its source and sequence.
    typedef std::pair<Ipv6Address, uint16_t> PbciKey;
    std::map<PbciKey, BindingChangeAck> m_answered;    //!< PBCI -> the PBCA sent to it
    std::deque<std::pair<Time, PbciKey>> m_answeredAt; //!< when each was sent, oldest first
    Time m_repeatLifetime{Seconds(64)};                //!< how long answers are kept
    uint64_t* m_retransmissions{nullptr};              //!< counts retransmissions
};

} // namespace ns3

#endif // DMM_INFORM_RETRANSMISSION_H
