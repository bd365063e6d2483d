/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOCATION_UPDATE_H
#define DMM_LOCATION_UPDATE_H

#include "ns3/event-id.h"
#include "ns3/home-address-allocation.h"
#include "ns3/location-management.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The location update (LU) logical function: tells a location management
 * function where a mobile node is.
 *
 * Modes differ in who sends the update and in which format (PBU from an access
 * router, BU from the mobile node, one update per active anchor in DMM); the
 * contract is the same: Register() until acknowledged, keep the registration fresh,
 * Deregister() when asked, and report the outcome.
 */
class LocationUpdate : public Object
{
  public:
    /// The outcome of one registration or de-registration.
    struct Outcome
    {
        std::string mnId;                        //!< the mobile node
        BindingStatus status;                    //!< the anchor's answer
        std::vector<HomeNetworkPrefix> prefixes; //!< prefixes granted
        Time lifetime;                           //!< lifetime granted (0: de-registered)
        bool timedOut{false};                    //!< no answer after all retransmissions
        Ipv6Address anchor;                      //!< who answered (or was asked)
        std::vector<uint8_t> linkLayerId;        //!< the session's interface (may be empty)
        Ipv6Address previous; //!< previous proxy-CoA named by the PBA (001 §4.3)
    };

    /**
     * \brief Retransmission state of one outstanding update (RFC 6275 §11.8):
     *        exponential back-off from an initial timeout until the timeout would
     *        exceed a maximum. Retransmissions keep the update's sequence number.
     */
    struct Retransmission
    {
        Time timeout;        //!< timeout of the transmission in progress
        uint32_t sent{0};    //!< transmissions of this update so far
        bool pending{false}; //!< waiting for the acknowledgement
        EventId timer;       //!< the next transmission

        /// \brief A new update. \param initial the first timeout
        void Start(Time initial);
        /**
         * \brief Account for the next transmission; after the first one the timeout
         *        doubles.
         * \param max give up when the timeout would exceed this
         * \return false when given up (no longer pending)
         */
        bool Next(Time max);
        /// \return true if the transmission in progress repeats an earlier one
        bool IsRetransmission() const;
        /// \brief The acknowledgement arrived, or the update was abandoned.
        void Stop();
    };

    /// Called with every outcome.
    typedef Callback<void, const Outcome&> OutcomeCallback;

    /**
     * TracedCallback signature for updates sent.
     * \param mnId the mobile node \param sequence the update's sequence number
     * \param lifetime the requested lifetime (0: de-registration)
     * \param retransmission true when the same update is sent again
     */
    typedef void (*UpdateTracedCallback)(const std::string& mnId,
                                         uint16_t sequence,
                                         Time lifetime,
                                         bool retransmission);
    /**
     * TracedCallback signature for outcomes.
     * \param outcome the outcome
     */
    typedef void (*OutcomeTracedCallback)(const Outcome& outcome);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Register (or re-register after a move) a mobile node.
     * \param mnId the mobile node identifier
     * \param prefixes prefixes already held (empty: ask the anchor to allocate)
     * \param linkLayerId the node's link-layer identifier
     */
    virtual void Register(const std::string& mnId,
                          const std::vector<HomeNetworkPrefix>& prefixes,
                          const std::vector<uint8_t>& linkLayerId) = 0;

    /**
     * \brief Withdraw the registration of a mobile node.
     * \param mnId the mobile node identifier
     */
    virtual void Deregister(const std::string& mnId) = 0;

    /**
     * \brief Forget every registration and stop all timers, as a failed node would
     * (no de-registration is sent).
     */
    virtual void Halt() = 0;

    /// \param cb the callback for outcomes
    void SetOutcomeCallback(OutcomeCallback cb);

  protected:
    void DoDispose() override;
    /// \param outcome the outcome to trace and pass to the outcome callback
    void ReportOutcome(const Outcome& outcome);
    /**
     * \param mnId the mobile node \param sequence sequence number
     * \param lifetime requested lifetime \param retransmission a repeat of the last one
     */
    void ReportUpdate(const std::string& mnId,
                      uint16_t sequence,
                      Time lifetime,
                      bool retransmission);

  private:
    OutcomeCallback m_outcome;                                              //!< outcome sink
    TracedCallback<const std::string&, uint16_t, Time, bool> m_updateTrace; //!< Update
    TracedCallback<const Outcome&> m_outcomeTrace;                          //!< Outcome
};

} // namespace ns3

#endif // DMM_LOCATION_UPDATE_H
