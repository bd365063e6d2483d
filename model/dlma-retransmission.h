/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_RETRANSMISSION_H
#define DMM_DLMA_RETRANSMISSION_H

#include "ns3/callback.h"
#include "ns3/dlma-message.h"
#include "ns3/ipv6-address.h"
#include "ns3/keyed-retransmitter.h"
#include "ns3/nstime.h"

#include <map>
#include <memory>
#include <string>
#include <tuple>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Retransmission of distributed-LMA requests until answered, with the back-off of
 *        RFC 6275 §11.8 / RFC 5213 §6.9.4 (KeyedRetransmitter): the first timeout
 *        InitialTimeout, doubled on each retransmission, given up once it would exceed
 *        MaxTimeout.
 *
 * One outstanding request per (subtype, node, peer); a new one replaces it.
 */
class DlmaRetransmission
{
  public:
    /// Sends a message to a peer (true: a retransmission).
    typedef Callback<void, DlmaMessage&, Ipv6Address, bool> SendCallback;
    /// (subtype, node, peer) of an outstanding request.
    typedef std::tuple<uint8_t, std::string, Ipv6Address> Key;

    /**
     * \brief Configure.
     * \param send sends a message \param initial first timeout \param max give-up bound
     */
    void Setup(SendCallback send, Time initial, Time max);

    /**
     * \brief Send a request and retransmit it until Acknowledge.
     * \param m the request (copied) \param mnId its node \param to the peer
     */
    template <typename Message>
    void Start(const Message& m, const std::string& mnId, Ipv6Address to)
    {
        Begin(std::make_shared<Message>(m), mnId, to);
    }

    /**
     * \brief The answer arrived: stop retransmitting.
     * \param key the request's key \return true if it was outstanding
     */
    bool Acknowledge(const Key& key);
    /// \brief Stop every retransmission.
    void Clear();
    /// \return retransmissions sent
    uint64_t GetRetransmissions() const;
    /// \return requests given up
    uint64_t GetGivenUp() const;

  private:
    /// The back-off, keyed like the requests.
    typedef KeyedRetransmitter<Key, std::shared_ptr<DlmaMessage>> Retransmitter;

    void Begin(std::shared_ptr<DlmaMessage> m, const std::string& mnId, Ipv6Address to);
    /// \brief Retransmitter's send callback: to the key's peer.
    void Transmit(const Key& key, std::shared_ptr<DlmaMessage>& m, bool again);
    /// \brief Retransmitter's give-up callback (logged only).
    void GiveUp(const Key& key);

    SendCallback m_send;           //!< sends
    Retransmitter m_retransmitter; //!< outstanding requests
};

} // namespace ns3

#endif // DMM_DLMA_RETRANSMISSION_H
