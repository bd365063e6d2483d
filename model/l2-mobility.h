/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_L2_MOBILITY_H
#define DMM_L2_MOBILITY_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <string>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Layer-2 movement of one mobile node between access routers.
 *
 * The contract the rest of the module relies on: moves are scheduled by access
 * router name, and every handover shows as one L2Down (leaving the old access
 * router) followed by one L2Up (attached to the new one). Subclasses are the
 * deterministic LinkSwitch and the Wi-Fi WifiLinkMonitor.
 */
class L2Mobility : public Object
{
  public:
    /**
     * TracedCallback signature for layer-2 events.
     * \param accessRouter the name of the access router left or joined
     */
    typedef void (*L2TracedCallback)(const std::string& accessRouter);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();

    /**
     * \brief Schedule a move. The first one is the initial attachment.
     * \param at absolute simulation time
     * \param name the target access router
     */
    virtual void ScheduleAttach(Time at, const std::string& name) = 0;

    /// \return the name of the current access router ("" when detached)
    virtual std::string GetCurrent() const = 0;

  protected:
    /// \param to the access router a scheduled move goes to (it begins now)
    void NotifyMoveBegins(const std::string& to);
    /// \param from the access router left
    void NotifyDown(const std::string& from);
    /// \param to the access router joined
    void NotifyUp(const std::string& to);

  private:
    TracedCallback<const std::string&> m_moveTrace; //!< MoveBegins
    TracedCallback<const std::string&> m_downTrace; //!< L2Down
    TracedCallback<const std::string&> m_upTrace;   //!< L2Up
};

} // namespace ns3

#endif // DMM_L2_MOBILITY_H
