/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LMA_AGENT_H
#define DMM_LMA_AGENT_H

#include "ns3/anchor-agent.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Local mobility anchor (RFC 5213 §5): home-address allocation + location
 * management + mobility routing, driven by Proxy Binding Updates.
 *
 * Answers Proxy Binding Updates only; plain Binding Updates are a home agent's.
 */
class LmaAgent : public AnchorAgent
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    LmaAgent();
    ~LmaAgent() override;

    /// Decides on a PBU's HNP this LMA neither allocated nor binds (true: bind it).
    typedef Callback<bool, const HomeNetworkPrefix&> AdmitCallback;

    /// What a mobility session is keyed by (attribute SessionKey).
    enum SessionKeyMode
    {
        NODE,     //!< one session per MN-ID: a second interface looks like a handover
        INTERFACE //!< one session per (MN-ID, MN link-layer identifier), RFC 5213 §5.4.1
    };

    /// \return PBUs refused because they named more prefixes than MaxPrefixesPerRequest
    uint64_t GetTooManyPrefixes() const;

    /**
     * \brief Which mobility session a PBU belongs to (RFC 5213 §5.4.1.1).
     * \param mnId the MN-ID option \param hnp the first HNP option (:: asks for one)
     * \param handoffIndicator the HI option \param linkLayerId the MN-LL-ID option (may be empty)
     * \return the session's key in the allocation and the location management: the key
     *         the prefix was allocated under if a named prefix is this node's (a DMA access
     *         router's per-interface key), else the plain MN-ID for a node's first session,
     *         so single-interface nodes are keyed as before
     */
    std::string SessionOf(const std::string& mnId,
                          Ipv6Address hnp,
                          uint8_t handoffIndicator,
                          const std::vector<uint8_t>& linkLayerId) const;

  protected:
    void ProcessUpdate(Ptr<Packet> p, Ipv6Header header) override;
    void BindingRemoved(const BindingCacheEntry& entry,
                        LocationManagement::RemovalCause cause) override;

    /// \param mnId a node \return its prefix: allocated here, or known to the LM
    virtual std::optional<HomeNetworkPrefix> KnownPrefix(const std::string& mnId) const;
    /**
     * \param entry a binding that ended \return true to keep its prefix allocated (a
     *        distributed H-LMA whose node is anchored elsewhere); default false
     */
    virtual bool KeepsPrefix(const BindingCacheEntry& entry) const;

  private:
    /// \param mnId a node \return the keys of its sessions
    std::vector<std::string> SessionsOf(const std::string& mnId) const;
    /// \param mnId a node \param linkLayerId the new session's LL-ID \return an unused key
    std::string NewSessionKey(const std::string& mnId,
                              const std::vector<uint8_t>& linkLayerId) const;

    /// A mobility session with a binding here: its node and current interface.
    struct Session
    {
        std::string mnId;                 //!< MN-ID
        std::vector<uint8_t> linkLayerId; //!< MN-LL-ID of the interface it is on
    };

    SessionKeyMode m_sessionKey{INTERFACE};    //!< attribute SessionKey
    std::map<std::string, Session> m_sessions; //!< key -> session, erased with its binding
    uint32_t m_maxPrefixes{16};                //!< attribute MaxPrefixesPerRequest
    uint64_t m_tooManyPrefixes{0};             //!< refusals: more HNP options than m_maxPrefixes
    bool m_previousLocation{false};            //!< attribute PreviousLocation
    AdmitCallback m_admitForeign;              //!< attribute AdmitForeignPrefix
};

} // namespace ns3

#endif // DMM_LMA_AGENT_H
