/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMM_AGENT_H
#define DMM_DMM_AGENT_H

#include "ns3/application.h"
#include "ns3/mobility-l4-protocol.h"
#include "ns3/nstime.h"

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The common base of the role agents: what every one of them repeats.
 *
 * - a processing delay per signalling message (attribute ProcessingDelay), the time the
 *   node takes to act on a message;
 * - a running state: an agent runs between its start and stop, and a stopped agent models
 *   a failed node (it ignores what it receives);
 * - the node's Mobility Header protocol, with handlers registered by MH type, or by type
 *   and subtype for the experimental messages (MobilityL4Protocol::RegisterHandler).
 *
 * Subclasses call DmmAgent::StartApplication() / StopApplication() from their own.
 */
class DmmAgent : public Application
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    DmmAgent();
    ~DmmAgent() override;

    /// \return the per-message processing delay
    Time GetProcessingDelay() const;
    /// \return whether the agent runs (started and not stopped)
    bool IsRunning() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /// \return the node's Mobility Header protocol, installed on first use
    Ptr<MobilityL4Protocol> GetMobilityProtocol();
    /// \param mhType an MH type \param handler its handler on this node
    void Handle(uint8_t mhType, MobilityL4Protocol::Handler handler);
    /// \param mhType an MH type \param subType a subtype \param handler its handler
    void Handle(uint8_t mhType, uint8_t subType, MobilityL4Protocol::Handler handler);

    Time m_processingDelay;       //!< attribute ProcessingDelay
    bool m_running{false};        //!< between start and stop
    Ptr<MobilityL4Protocol> m_mh; //!< signalling (GetMobilityProtocol)
};

} // namespace ns3

#endif // DMM_DMM_AGENT_H
