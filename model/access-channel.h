/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ACCESS_CHANNEL_H
#define DMM_ACCESS_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"

#include <map>
#include <unordered_map>

namespace ns3
{

class AccessNetDevice;
class Packet;

/**
 * \ingroup dmm
 * \brief The access link of one access router: a full-duplex point-to-multipoint
 * channel that mobile nodes join and leave.
 *
 * Every frame reaches its addressee(s) after the channel's Delay; there is no
 * contention and no busy period, so timing is exact and a link with a long delay
 * still carries its full rate (ns-3's CSMA channel stays busy for the propagation
 * time and caps a 1 ms link at about a thousand frames per second). A frame still
 * in flight when its receiver leaves is lost.
 */
class AccessChannel : public Channel
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AccessChannel();
    ~AccessChannel() override;

    /// \param device a device joining the channel
    void Attach(Ptr<AccessNetDevice> device);
    /// \param device a device leaving the channel \return true if it was attached
    bool Detach(Ptr<AccessNetDevice> device);
    /**
     * \brief An attached device listens to a solicited-node group from now on.
     * \param device the device \param group the group's multicast MAC address
     */
    void Join(Ptr<AccessNetDevice> device, Mac48Address group);
    /**
     * \brief An attached device no longer listens to a solicited-node group.
     * \param device the device \param group the group's multicast MAC address
     */
    void Leave(Ptr<AccessNetDevice> device, Mac48Address group);
    /**
     * \brief An attached device takes unicast frames for one more address (an alias).
     * \param device the device \param address the address
     */
    void AddUnicast(Ptr<AccessNetDevice> device, Mac48Address address);
    /**
     * \brief An attached device no longer takes unicast frames for an address.
     * \param device the device \param address the address
     */
    void RemoveUnicast(Ptr<AccessNetDevice> device, Mac48Address address);

    /**
     * \brief Carry a frame to the attached devices it is addressed to.
     * \param sender the transmitting device
     * \param frame the frame (with its Ethernet header)
     * \param destination the frame's destination address
     * \return the number of devices the frame was sent to (0: nobody on the channel has
     *         that address, e.g. a unicast frame to a node that has left)
     */
    std::size_t Deliver(Ptr<AccessNetDevice> sender,
                        Ptr<const Packet> frame,
                        Mac48Address destination);

    /// \return the propagation delay
    Time GetDelay() const;
    /// \return the rate at which every device on the channel serialises frames
    DataRate GetDataRate() const;

    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    /// Devices by attachment order: frames reach their receivers in that order.
    typedef std::map<uint64_t, Ptr<AccessNetDevice>> Devices;

    /// \brief Index the groups of the devices that had no IPv6 interface until now.
    void TrackFlooded();
    /// \param device a device \param group a group it leaves \param key its attachment key
    void Leave(Ptr<AccessNetDevice> device, Mac48Address group, uint64_t key);
    /// \param address a MAC address \return true if it maps a solicited-node group
    static bool IsSolicitedNodeGroup(Mac48Address address);
    /// \param address a MAC address \return its 48 bits, a key for m_unicast
    static uint64_t Key(Mac48Address address);
    /// \param device a device whose groups are known \param key its attachment key
    void Track(Ptr<AccessNetDevice> device, uint64_t key);
    /// \param key an attachment key \param address a unicast address of that device
    void RemoveUnicast(uint64_t key, Mac48Address address);
    /// \param listening devices \param send called for them and m_flooded, in attachment order
    template <typename F>
    void SendMerged(const Devices& listening, F send) const;

    Devices m_devices;                                      //!< attached devices
    std::unordered_map<AccessNetDevice*, uint64_t> m_order; //!< device -> key in m_devices
    uint64_t m_attachments{0};                              //!< attachments so far
    std::map<Mac48Address, Devices> m_listeners;            //!< solicited-node group -> listeners
    Devices m_flooded; //!< devices without known groups: they get every group frame
    Devices m_routers; //!< forwarding devices (all-routers listeners), found with their groups
    /// unicast address -> devices taking it: a unicast frame costs a look-up, not a scan
    std::unordered_map<uint64_t, Devices> m_unicast;
    bool m_snooping; //!< attribute MulticastSnooping
    Time m_delay;    //!< attribute Delay
    DataRate m_rate; //!< attribute DataRate
};

} // namespace ns3

#endif // DMM_ACCESS_CHANNEL_H
