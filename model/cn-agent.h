/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_CN_AGENT_H
#define DMM_CN_AGENT_H

#include "ns3/dmm-agent.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/return-routability.h"

#include <map>
#include <vector>

namespace ns3
{

class HostMobilityRouting;
class Ipv6Header;
class Ipv6Interface;
class MobilityL4Protocol;
class Packet;
class UniformRandomVariable;

/**
 * \ingroup dmm
 * \brief Correspondent node with route optimisation support (RFC 6275 §9): answers the
 *        return routability tests and keeps a binding cache from authorised Binding
 *        Updates; its mobility routing then sends to the care-of address with a type 2
 *        routing header.
 *
 * Kcn and the nonces are drawn from the simulator's random streams; a new nonce is
 * generated every NonceInterval and the last few stay valid (MAX_NONCE_LIFETIME).
 */
class CnAgent : public DmmAgent
{
  public:
    /// \brief Named counters.
    struct Stats
    {
        uint64_t hotReplies{0};    //!< Home Tests sent
        uint64_t cotReplies{0};    //!< Care-of Tests sent
        uint64_t accepted{0};      //!< Binding Updates accepted
        uint64_t badAuth{0};       //!< drops: authenticator did not verify
        uint64_t expiredNonce{0};  //!< rejections: nonce index no longer valid
        uint64_t staleSequence{0}; //!< drops: sequence number not newer
    };

    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    CnAgent();
    ~CnAgent() override;

    /// \param mr the node's host mobility routing (holds the binding cache)
    void Setup(Ptr<HostMobilityRouting> mr);
    /// \param stream first stream \return streams used
    int64_t AssignStreams(int64_t stream);
    /// \return the counters
    const Stats& GetStats() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

  private:
    /// A binding cache entry's bookkeeping beyond the routing state.
    struct Entry
    {
        uint16_t sequence{0}; //!< last accepted sequence number
        EventId expiry;       //!< lifetime end
    };

    void HandleHomeTestInit(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void HandleCareOfTestInit(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void HandleBindingUpdate(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface);
    void Acknowledge(Ipv6Address home,
                     Ipv6Address careOf,
                     Ipv6Address self,
                     uint8_t status,
                     uint16_t sequence,
                     Time lifetime,
                     const ReturnRoutability::Digest* kbm = nullptr);
    void Expire(Ipv6Address home);
    void NewNonce();
    const std::vector<uint8_t>* Nonce(uint16_t index) const;

    Ptr<HostMobilityRouting> m_mr;                     //!< binding cache and RH2
    Ptr<UniformRandomVariable> m_rng;                  //!< Kcn and nonces
    std::vector<uint8_t> m_kcn;                        //!< node key
    std::map<uint16_t, std::vector<uint8_t>> m_nonces; //!< valid nonces by index
    uint16_t m_nonceIndex{0};                          //!< newest nonce index
    Time m_nonceInterval;                              //!< attribute NonceInterval
    uint32_t m_noncesKept;                             //!< attribute NoncesKept
    EventId m_nonceEvent;                              //!< next nonce
    std::map<Ipv6Address, Entry> m_cache;              //!< binding cache bookkeeping
    Stats m_stats;                                     //!< counters
};

} // namespace ns3

#endif // DMM_CN_AGENT_H
