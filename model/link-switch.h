/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LINK_SWITCH_H
#define DMM_LINK_SWITCH_H

#include "ns3/ipv6-address.h"
#include "ns3/l2-mobility.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <memory>
#include <string>

namespace ns3
{

class AccessChannel;
class AccessNetDevice;
class AccessRouterAgent;
class MnAgent;

/**
 * \ingroup dmm
 * \brief Deterministic layer-2 handover of one mobile node between access links.
 *
 * At each scheduled move the node's access device leaves its channel, stays detached
 * for SwitchTime and then attaches to the target channel; attaching raises the link
 * up event that starts movement detection. The old access router learns of the
 * detach at once (an L2 trigger, as a Wi-Fi AP learns of a disassociation). Every
 * delay is fixed, so handover timing can be predicted in closed form.
 */
class LinkSwitch : public L2Mobility
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LinkSwitch();
    ~LinkSwitch() override;

    /**
     * \brief Set the mobile node's device (detached until the first attachment).
     * \param device the device
     * \param agent the mobile node's agent (told of detaches), may be null
     */
    void SetDevice(Ptr<AccessNetDevice> device, Ptr<MnAgent> agent);

    /**
     * \brief Make an access link reachable by name.
     * \param name the access router's name
     * \param channel its access channel
     * \param agent its agent (told of detaches), may be null
     */
    void AddAccessLink(const std::string& name,
                       Ptr<AccessChannel> channel,
                       Ptr<AccessRouterAgent> agent);
    /**
     * \brief Use the access links of another switch (one table for every mobile node of a
     *        network, not one per node: per-node memory independent of the access links).
     * \param other the switch whose links (and later additions) this one shares
     */
    void ShareAccessLinks(Ptr<const LinkSwitch> other);

    // L2Mobility
    void ScheduleAttach(Time at, const std::string& name) override;
    std::string GetCurrent() const override;

  protected:
    void DoDispose() override;

  private:
    /// An access link.
    struct Link
    {
        Ptr<AccessChannel> channel;   //!< the channel
        Ptr<AccessRouterAgent> agent; //!< its access router agent
    };

    void Move(std::string name);
    void Attach(std::string name);

    Ptr<AccessNetDevice> m_device;                        //!< mobile node's device
    Ptr<MnAgent> m_mnAgent;                               //!< mobile node's agent
    std::shared_ptr<std::map<std::string, Link>> m_links; //!< access links by name
    std::string m_current;                                //!< current access router
    bool m_everAttached;                                  //!< an attachment happened
    Ipv6Address m_previousRouter; //!< the router left last (for NotifyArrival)
    Time m_switchTime;            //!< attribute SwitchTime
};

} // namespace ns3

#endif // DMM_LINK_SWITCH_H
