/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ACCESS_CHANNEL_H
#define DMM_ACCESS_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"

#include <vector>

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
    std::vector<Ptr<AccessNetDevice>> m_devices; //!< attached devices
    Time m_delay;                                //!< attribute Delay
    DataRate m_rate;                             //!< attribute DataRate
};

} // namespace ns3

#endif // DMM_ACCESS_CHANNEL_H
