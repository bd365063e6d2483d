/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LOGICAL_NET_DEVICE_H
#define DMM_LOGICAL_NET_DEVICE_H

#include "ns3/flow-binding-table.h"
#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The logical interface of a host with several access interfaces (RFC 7847).
 *
 * The node's single IPv6 interface is bound to this device; the physical access devices
 * underneath are invisible to IP: one link-layer identifier (given to every physical
 * device, RFC 7847 §5.1), hence one link-local address and one set of global addresses.
 * A packet goes out on the physical device its flow is bound to (the flow binding table
 * of RFC 7847 §5.2, keyed here by source prefix, longest match first); an unbound packet
 * goes where its link-layer destination was last heard from, else on the first device
 * whose link is up. Group-addressed packets (RS, multicast NS, MLD) go out on every
 * device whose link is up, as each link has its own routers. Frames received on any
 * device are delivered up once, even when two devices hear the same frame.
 *
 * Flow mobility (RFC 7847 §6.3) is a change of the binding: the packets of the moved
 * flow leave on the new device, towards the router learnt on it.
 *
 * Each prefix a Router Advertisement offers (Prefix Information option) is bound to the
 * device the RA arrived on, so that a flow leaves on the link whose router gave its
 * source prefix (RFC 7847 §5.2: the default flow policy follows the prefix's link); a
 * valid lifetime of 0 removes such a learnt binding. A binding made with BindPrefix (a
 * flow move) is explicit: RAs neither move nor remove it.
 *
 * With SharedLinkLayerAddress false, each physical device (an AccessNetDevice) keeps its
 * own link-layer address and accepts the logical one as an alias; Router Solicitations
 * leave with the physical device's address in their Source Link-Layer Address option, so
 * that an access router can tell the node's interfaces apart (RFC 5213 §5.4: one mobility
 * session per interface) while IP still sees one interface.
 */
class LogicalNetDevice : public NetDevice
{
  public:
    /// \brief Why a packet was dropped.
    enum DropReason
    {
        NO_PHYSICAL,      //!< no physical device has been added
        PHYSICAL_REFUSED, //!< the chosen physical device refused the packet
        DUPLICATE,        //!< a frame already delivered through another physical device
    };

    /// \brief Named counters.
    struct Stats
    {
        uint64_t txPackets{0};       //!< packets handed to a physical device
        uint64_t rxPackets{0};       //!< packets delivered to the stack
        uint64_t rebound{0};         //!< unicast sent via another link's router (§6.3)
        uint64_t noPhysical{0};      //!< drops: NO_PHYSICAL
        uint64_t physicalRefused{0}; //!< drops: PHYSICAL_REFUSED
        uint64_t duplicate{0};       //!< drops: DUPLICATE
    };

    /**
     * TracedCallback signature for drops.
     * \param packet the packet \param reason why
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /**
     * TracedCallback signature for a physical device's link going up or down.
     * \param index the physical device's index \param name its name \param up link state
     */
    typedef void (*PhysicalLinkTracedCallback)(uint32_t index, const std::string& name, bool up);

    /**
     * TracedCallback signature for a packet handed to a physical device.
     * \param packet the packet (no link-layer header) \param index the physical device
     */
    typedef void (*PhysicalTxTracedCallback)(Ptr<const Packet> packet, uint32_t index);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LogicalNetDevice();
    ~LogicalNetDevice() override;

    /**
     * \brief Put a physical device under this logical interface. Add the logical device
     *        to its node first; a physical device not yet on a node is added to it.
     * \param device the physical device (takes this device's link-layer address)
     * \param name the interface's name, as scenarios call it (e.g. "if1")
     * \return the physical device's index
     */
    uint32_t AddPhysical(Ptr<NetDevice> device, const std::string& name);
    /// \return the number of physical devices
    uint32_t GetNPhysical() const;
    /// \param index a physical device's index \return the device
    Ptr<NetDevice> GetPhysical(uint32_t index) const;
    /// \param index a physical device's index \return its name
    std::string GetPhysicalName(uint32_t index) const;
    /// \param name an interface name \return its index, or -1 if unknown
    int32_t FindPhysical(const std::string& name) const;

    /**
     * \brief Bind the flows sourced from a prefix to a physical device (RFC 7847 §5.2),
     *        replacing an earlier binding of the same prefix. The binding is explicit:
     *        later RAs do not change it.
     * \param prefix the source prefix \param length its length \param index the device
     */
    void BindPrefix(Ipv6Address prefix, uint8_t length, uint32_t index);
    /// \brief Remove a binding. \param prefix the prefix \param length its length
    void UnbindPrefix(Ipv6Address prefix, uint8_t length);
    /**
     * \param prefix a bound prefix \param length its length
     * \return true if an explicit binding (BindPrefix) holds it, false if learnt or unbound
     */
    bool IsExplicit(Ipv6Address prefix, uint8_t length) const;
    /**
     * \param source a source address
     * \return the device bound to its longest matching prefix, or -1 if none
     */
    int32_t LookupBinding(Ipv6Address source) const;

    /// \return the counters
    const Stats& GetStats() const;

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
    /// A physical device and what was learnt on its link.
    struct Physical
    {
        Ptr<NetDevice> device; //!< the device
        std::string name;      //!< its interface name
        Address router;        //!< link-layer source of the last RA heard on it
        bool up{false};        //!< link state last reported
    };

    bool ReceiveFromPhysical(Ptr<NetDevice> device,
                             Ptr<const Packet> packet,
                             uint16_t protocol,
                             const Address& from);
    void PhysicalLinkChanged(uint32_t index);
    bool SeenBefore(uint64_t uid);
    void LearnRouter(uint32_t index, Ptr<const Packet> packet, const Address& from);
    void LearnPrefixes(uint32_t index, Ptr<const Packet> packet);
    int32_t SelectPhysical(Ptr<const Packet> packet, uint16_t protocol, const Address& dest) const;
    int32_t FirstUp() const;
    bool SendOn(uint32_t index, Ptr<Packet> packet, const Address& dest, uint16_t protocol);
    bool SendToGroup(Ptr<Packet> packet, const Address& dest, uint16_t protocol);
    /// \return \p packet, or a copy whose Router Solicitation names the physical device's
    /// own link-layer address (SharedLinkLayerAddress false)
    Ptr<Packet> SolicitFrom(uint32_t index, Ptr<Packet> packet) const;
    void Drop(Ptr<const Packet> packet, DropReason reason);

    Ptr<Node> m_node;                 //!< owner
    Mac48Address m_address;           //!< the logical link-layer identifier
    bool m_shared;                    //!< attribute SharedLinkLayerAddress
    uint16_t m_mtu;                   //!< attribute Mtu
    uint32_t m_ifIndex;               //!< interface index
    uint32_t m_duplicateWindow;       //!< attribute DuplicateWindow
    std::vector<Physical> m_physical; //!< physical devices by index
    FlowBindingTable m_bindings;      //!< flow binding table (RFC 7847 §5.2)
    /// link-layer source -> device last heard on; by MAC, not Address: an address that
    /// Neighbor Discovery read from an option carries no type and would not match
    std::map<Mac48Address, uint32_t> m_heardOn;
    std::deque<uint64_t> m_recentUids;        //!< frames delivered lately, oldest first
    std::unordered_set<uint64_t> m_recentSet; //!< the same, for lookup
    ReceiveCallback m_rxCallback;             //!< to the stack
    TracedCallback<> m_linkChange;            //!< link change callbacks
    Stats m_stats;                            //!< counters
    TracedCallback<uint32_t, const std::string&, bool> m_physicalLinkTrace; //!< PhysicalLink
    TracedCallback<Ptr<const Packet>, uint32_t> m_physicalTxTrace;          //!< PhysicalTx
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace;              //!< Drop
};

} // namespace ns3

#endif // DMM_LOGICAL_NET_DEVICE_H
