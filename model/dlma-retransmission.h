/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DLMA_RETRANSMISSION_H
#define DMM_DLMA_RETRANSMISSION_H

#include "ns3/callback.h"
#include "ns3/dlma-message.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
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
 *        RFC 6275 §11.8 / RFC 5213 §6.9.4: the first timeout InitialTimeout, doubled on
 *        each retransmission, given up once it would exceed MaxTimeout.
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
    /// An outstanding request.
    struct Pending
    {
        std::shared_ptr<DlmaMessage> message; //!< what to resend
        Time timeout;                         //!< the current timeout
        EventId timer;                        //!< the next retransmission
    };

    void Begin(std::shared_ptr<DlmaMessage> m, const std::string& mnId, Ipv6Address to);
    void Fire(Key key);

    SendCallback m_send;              //!< sends
    Time m_initial;                   //!< first timeout
    Time m_max;                       //!< give-up bound
    std::map<Key, Pending> m_pending; //!< outstanding requests
    uint64_t m_retransmissions{0};    //!< retransmissions sent
    uint64_t m_givenUp{0};            //!< requests given up
};

} // namespace ns3

#endif // DMM_DLMA_RETRANSMISSION_H
