/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_KEYED_RETRANSMITTER_H
#define DMM_KEYED_RETRANSMITTER_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

#include <cstdint>
#include <limits>
#include <map>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Retransmission of requests until answered, one outstanding request per Key, with
 *        the back-off of RFC 6275 §11.8 / RFC 5213 §6.9.4: the first timeout, doubled on
 *        each retransmission up to a maximum (MAX_BINDACK_TIMEOUT, RFC 6275 §12).
 *
 * The protocols that use it end the back-off differently, so both are offered: after a
 * number of retransmissions (the timeout then stays at the maximum), or as soon as the
 * doubled timeout would exceed the maximum. A new request with an outstanding one's key
 * replaces it.
 *
 * \tparam Key what identifies an outstanding request (ordered)
 * \tparam Message what is resent (the send callback may change it: sending can add an
 *         authentication option, kept for the retransmissions)
 */
template <typename Key, typename Message>
class KeyedRetransmitter
{
  public:
    /// Sends \p message for \p key (true: a retransmission).
    typedef Callback<void, const Key&, Message&, bool> SendCallback;
    /// The request of \p key was given up.
    typedef Callback<void, const Key&> GiveUpCallback;

    /// How the back-off ends.
    enum Bound
    {
        CAP_AT_MAX,        //!< the timeout stays at the maximum; only the retries end it
        GIVE_UP_BEYOND_MAX //!< give up once the doubled timeout would exceed the maximum
    };

    /**
     * \brief Configure sending.
     * \param send sends a request \param giveUp told of a request given up (may be null)
     */
    void Setup(SendCallback send, GiveUpCallback giveUp = GiveUpCallback())
    {
        m_send = send;
        m_giveUp = giveUp;
    }

    /**
     * \brief Configure the back-off.
     * \param initial the first timeout \param max the maximum \param bound how it ends
     * \param retries retransmissions before giving up
     */
    void SetBackOff(Time initial,
                    Time max,
                    Bound bound,
                    uint32_t retries = std::numeric_limits<uint32_t>::max())
    {
        m_initial = initial;
        m_max = max;
        m_bound = bound;
        m_maxRetries = retries;
    }

    /**
     * \brief Send \p message and retransmit it until Acknowledge(\p key).
     * \param key its key \param message the request (copied)
     */
    void Start(const Key& key, const Message& message)
    {
        Pending& p = m_pending[key];
        p.timer.Cancel();
        p.message = message;
        p.timeout = m_initial;
        p.retries = 0;
        m_send(key, p.message, false);
        p.timer = Simulator::Schedule(p.timeout, &KeyedRetransmitter::Fire, this, key);
    }

    /**
     * \brief The answer arrived: stop retransmitting.
     * \param key the request's key \return true if it was outstanding
     */
    bool Acknowledge(const Key& key)
    {
        auto it = m_pending.find(key);
        if (it == m_pending.end())
        {
            return false;
        }
        it->second.timer.Cancel();
        m_pending.erase(it);
        return true;
    }

    /// \brief Stop every retransmission.
    void Clear()
    {
        for (auto& [key, p] : m_pending)
        {
            p.timer.Cancel();
        }
        m_pending.clear();
    }

    /// \return retransmissions sent
    uint64_t GetRetransmissions() const
    {
        return m_retransmissions;
    }

    /// \return requests given up
    uint64_t GetGivenUp() const
    {
        return m_givenUp;
    }

  private:
    /// An outstanding request.
    struct Pending
    {
        Message message;     //!< what to resend
        Time timeout;        //!< the current timeout
        uint32_t retries{0}; //!< retransmissions so far
        EventId timer;       //!< the next retransmission
    };

    /// \brief The request of \p key timed out: resend it or give up. \param key its key
    void Fire(Key key)
    {
        auto it = m_pending.find(key);
        if (it == m_pending.end())
        {
            return;
        }
        Pending& p = it->second;
        Time next = p.timeout * 2;
        bool beyond = next > m_max;
        if (p.retries == m_maxRetries || (beyond && m_bound == GIVE_UP_BEYOND_MAX))
        {
            m_givenUp++;
            m_pending.erase(it);
            if (!m_giveUp.IsNull())
            {
                m_giveUp(key);
            }
            return;
        }
        p.retries++;
        m_retransmissions++;
        p.timeout = beyond ? m_max : next;
        m_send(key, p.message, true);
        p.timer = Simulator::Schedule(p.timeout, &KeyedRetransmitter::Fire, this, key);
    }

    SendCallback m_send;                                         //!< sends
    GiveUpCallback m_giveUp;                                     //!< told of give-ups
    Time m_initial;                                              //!< first timeout
    Time m_max;                                                  //!< maximum timeout
    Bound m_bound{CAP_AT_MAX};                                   //!< how the back-off ends
    uint32_t m_maxRetries{std::numeric_limits<uint32_t>::max()}; //!< retransmissions allowed
    std::map<Key, Pending> m_pending;                            //!< outstanding requests
    uint64_t m_retransmissions{0};                               //!< retransmissions sent
    uint64_t m_givenUp{0};                                       //!< requests given up
};

} // namespace ns3

#endif // DMM_KEYED_RETRANSMITTER_H
