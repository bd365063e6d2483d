/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ACCESS_NET_DEVICE_H
#define DMM_ACCESS_NET_DEVICE_H

#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

#include <map>
#include <vector>

namespace ns3
{

class AccessChannel;
class Ipv6Interface;
class Ipv6InterfaceAddress;
class Ipv6Address;

/**
 * \ingroup dmm
 * \brief A device on an AccessChannel: Ethernet II framing, a transmit queue served at
 * the channel's rate, and attach/detach with link up/down notifications.
 *
 * Detaching raises link down and drops what is queued and whatever is still in flight
 * towards the device; attaching raises link up, which is what starts movement
 * detection on a mobile node.
 */
class AccessNetDevice : public NetDevice
{
  public:
    /// \brief Why a frame was dropped.
    enum DropReason
    {
        NOT_ATTACHED, //!< no channel at send time
        QUEUE_FULL,   //!< transmit queue overflow
        DEPARTED,     //!< the receiver left the channel while the frame was in flight
        MALFORMED_ND, //!< an ND message ns-3 cannot parse (NdOptions::IsParsableByNs3)
        NO_RECEIVER,  //!< a unicast frame for an address no device on the channel has
    };

    /// \brief Named counters.
    struct Stats
    {
        uint64_t txFrames{0};    //!< frames transmitted
        uint64_t rxFrames{0};    //!< frames received
        uint64_t notAttached{0}; //!< drops: NOT_ATTACHED
        uint64_t queueFull{0};   //!< drops: QUEUE_FULL
        uint64_t departed{0};    //!< drops: DEPARTED
        uint64_t malformedNd{0}; //!< drops: MALFORMED_ND
        uint64_t noReceiver{0};  //!< drops: NO_RECEIVER
    };

    /**
     * TracedCallback signature for drops.
     * \param frame the frame \param reason why
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> frame, DropReason reason);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AccessNetDevice();
    ~AccessNetDevice() override;

    /// \param channel the channel to join (leaving the current one first)
    void Attach(Ptr<AccessChannel> channel);
    /// \brief Leave the current channel.
    void Detach();

    /**
     * \brief Called by the channel: a frame arrives.
     * \param frame the frame \param from the channel that carried it
     * \param epoch the attachment (GetAttachEpoch) the frame was sent towards
     */
    void Receive(Ptr<Packet> frame, Ptr<AccessChannel> from, uint64_t epoch);

    /// \return a number that changes at every attachment (a frame sent during an
    /// earlier attachment is lost even if the device is back on the same channel)
    uint64_t GetAttachEpoch() const;

    /**
     * \brief Also accept unicast frames sent to \p alias: the physical device of a logical
     *        interface keeps its own address and takes the logical one too (RFC 7847 §5.1
     *        leaves the choice to the implementation).
     * \param alias a second link-layer address of this device
     */
    void AddAlias(Mac48Address alias);
    /// \param address a unicast link-layer address \return true if it is this device's own
    /// address or one of its aliases
    bool Accepts(Mac48Address address) const;
    /// \return the aliases (AddAlias), which the channel indexes with the own address
    const std::vector<Mac48Address>& GetAliases() const;

    /// \return the counters
    const Stats& GetStats() const;

    /**
     * \brief Start following the IPv6 interface of this device, as an MLD-snooping switch
     * learns the groups behind a port.
     * \return true once the device knows its groups; false while the node has no IPv6
     *         interface on it (the channel then gives it every group frame)
     */
    bool TrackGroups();
    /// \return the solicited-node groups of the device's addresses (with how many addresses
    /// map to each), valid once TrackGroups returned true
    const std::map<Mac48Address, uint32_t>& GetGroups() const;
    /// \return true if the device's IPv6 interface forwards (listens to all-routers)
    bool IsRouter() const;

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

  private:
    void StartTransmission();
    void TransmitComplete(Ptr<Packet> frame, Mac48Address destination);
    void Drop(Ptr<const Packet> frame, DropReason reason);
    void AddressAdded(Ptr<Ipv6Interface> iface, Ipv6InterfaceAddress address);
    void AddressRemoved(Ptr<Ipv6Interface> iface, Ipv6InterfaceAddress address);
    void JoinGroup(Ipv6Address address);

    Ptr<Node> m_node;                                 //!< owner
    Ptr<AccessChannel> m_channel;                     //!< current channel, null when detached
    Ptr<Queue<Packet>> m_queue;                       //!< attribute TxQueue
    Mac48Address m_address;                           //!< link-layer address
    std::vector<Mac48Address> m_aliases;              //!< also accepted (AddAlias)
    uint16_t m_mtu;                                   //!< attribute Mtu
    uint32_t m_ifIndex;                               //!< interface index
    bool m_transmitting;                              //!< a frame is being serialised
    Ptr<Packet> m_txFrame;                            //!< the frame being serialised
    uint64_t m_epoch;                                 //!< attachments so far
    EventId m_txEvent;                                //!< end of the current transmission
    ReceiveCallback m_rxCallback;                     //!< to the stack
    PromiscReceiveCallback m_promiscCallback;         //!< to promiscuous listeners
    TracedCallback<> m_linkChange;                    //!< link change callbacks
    Stats m_stats;                                    //!< counters
    Ptr<Ipv6Interface> m_ipv6;                        //!< followed by TrackGroups
    std::map<Mac48Address, uint32_t> m_groups;        //!< solicited-node group -> addresses
    TracedCallback<Ptr<const Packet>> m_snifferTrace; //!< Sniffer
    TracedCallback<Ptr<const Packet>> m_macTxTrace;   //!< MacTx
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace; //!< Drop
};

} // namespace ns3

#endif // DMM_ACCESS_NET_DEVICE_H
