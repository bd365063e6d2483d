/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_ATTACKER_AGENT_H
#define DMM_ATTACKER_AGENT_H

#include "ns3/application.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

class MobilityL4Protocol;
class Ipv6;
class Packet;

/**
 * \ingroup dmm
 * \brief An attacker on the path: it overhears the signalling of one node and later sends
 * what it heard, either again as it was (a replay, from the original source) or rewritten
 * to point at itself (a forgery: sent from its own address; a (proxy) Binding Update also
 * gets a fresh sequence number and timestamp and the attacker as care-of address).
 *
 * It holds no key: a forgery goes out without authentication option (or with the one it
 * overheard, "KeepAuthentication"), a replay with the original one. It counts the data
 * packets it receives (UDP, or IPv6-in-IPv6 tunnelled to it): a victim's traffic
 * redirected to it.
 */
class AttackerAgent : public Application
{
  public:
    /// One scripted action.
    struct Attack
    {
        std::string type;               //!< "forge", "replay" or "flood" (forgeries, many)
        std::string message;            //!< message name to overhear (SignalingMonitor's names)
        Time at;                        //!< when the first one is sent
        uint32_t count{1};              //!< how many
        Time interval;                  //!< between two of them
        bool keepAuthentication{false}; //!< forge: keep the overheard authentication option
        uint32_t sent{0};               //!< sent so far
        uint32_t missed{0};             //!< not sent: nothing overheard yet
    };

    /**
     * TracedCallback signature for sent attack messages.
     * \param packet the Mobility Header \param type the attack type
     */
    typedef void (*SentTracedCallback)(Ptr<const Packet> packet, const std::string& type);

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    AttackerAgent();
    ~AttackerAgent() override;

    /// \param address the attacker's own address
    void SetAddress(Ipv6Address address);
    /**
     * \brief Overhear a node's signalling (its MobilityL4Protocol "Tx" trace).
     * \param victim the overheard node's mobility protocol
     */
    void Overhear(Ptr<MobilityL4Protocol> victim);
    /// \brief Script an action. \param attack the action
    void AddAttack(const Attack& attack);
    /// \return the actions with their counters
    const std::vector<Attack>& GetAttacks() const;
    /// \return data packets received (UDP or tunnelled)
    uint64_t GetDataPacketsReceived() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// A message overheard: its bytes and pseudo-header addresses.
    struct Heard
    {
        std::string name;           //!< message name
        std::vector<uint8_t> bytes; //!< the Mobility Header
        Ipv6Address src;            //!< pseudo-header source
        Ipv6Address dst;            //!< pseudo-header destination
    };

    void Heard(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst);
    void Fire(size_t index);
    void Replay(const struct Heard& h);
    void Forge(const struct Heard& h, bool keepAuthentication);
    void Received(Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface);

    Ipv6Address m_address;             //!< own address
    Ptr<MobilityL4Protocol> m_mh;      //!< own mobility protocol (forgeries)
    std::vector<Attack> m_attacks;     //!< the script
    std::vector<struct Heard> m_heard; //!< last message of each name overheard
    uint64_t m_dataReceived{0};        //!< data packets received
    uint16_t m_sequenceOffset;         //!< attribute SequenceOffset
    TracedCallback<Ptr<const Packet>, const std::string&> m_sentTrace; //!< "Sent"
};

} // namespace ns3

#endif // DMM_ATTACKER_AGENT_H
