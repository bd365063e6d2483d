/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_WIFI_LINK_MONITOR_H
#define DMM_WIFI_LINK_MONITOR_H

#include "ns3/l2-mobility.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"
#include "ns3/vector.h"

#include <map>
#include <string>

namespace ns3
{

class WifiNetDevice;
class MobilityModel;
class AccessRouterAgent;
class MnAgent;

/**
 * \ingroup dmm
 * \brief Wi-Fi layer-2 handover of one mobile node, driven by the station's
 * association traces.
 *
 * A move places the station at the target access point, out of range of the old
 * one; the station then misses beacons, leaves (DeAssoc), scans and associates
 * (Assoc) with the new AP on its own. The monitor turns those traces into the same
 * L2Down/L2Up events as LinkSwitch. L2Down is reported at the move, when the
 * station loses coverage, so that latency counts the beacon-loss detection too.
 * The old access router is told of the departure when the station associates
 * elsewhere, as an inter-AP protocol (IEEE 802.11F) would; without that, a MAG
 * would keep refreshing a binding for a node it no longer serves.
 */
class WifiLinkMonitor : public L2Mobility
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    WifiLinkMonitor();
    ~WifiLinkMonitor() override;

    /**
     * \brief Set the station.
     * \param device the station's Wi-Fi device
     * \param mobility its mobility model (moved at each attachment)
     * \param agent its mobile-node agent (told of disassociations), may be null
     */
    void SetStation(Ptr<WifiNetDevice> device, Ptr<MobilityModel> mobility, Ptr<MnAgent> agent);

    /**
     * \brief Make an access point reachable by name.
     * \param name the access router's name
     * \param bssid the AP's address
     * \param position where the AP stands
     * \param agent its agent (told of departures), may be null
     */
    void AddAccessPoint(const std::string& name,
                        Mac48Address bssid,
                        Vector position,
                        Ptr<AccessRouterAgent> agent);

    /**
     * \brief Schedule a move next to an access point.
     * \param at absolute simulation time
     * \param name the target access router
     */
    void ScheduleAttach(Time at, const std::string& name) override;

    /// \return the name of the access router the station is associated with ("" if none)
    std::string GetCurrent() const override;

  protected:
    void DoDispose() override;

  private:
    /// An access point.
    struct AccessPoint
    {
        std::string name;             //!< access router name
        Vector position;              //!< where it stands
        Ptr<AccessRouterAgent> agent; //!< its agent
    };

    void Move(std::string name);
    void Associated(Mac48Address bssid);
    void Disassociated(Mac48Address bssid);

    Ptr<WifiNetDevice> m_device;               //!< station device
    Ptr<MobilityModel> m_mobility;             //!< station position
    Ptr<MnAgent> m_mnAgent;                    //!< station's agent
    std::map<Mac48Address, AccessPoint> m_aps; //!< access points by BSSID
    std::string m_current;                     //!< current access router
    std::string m_left;                        //!< access router left at the last move
    bool m_moved;                              //!< a move has happened
};

} // namespace ns3

#endif // DMM_WIFI_LINK_MONITOR_H
