/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_LMA_AGENT_H
#define DMM_LMA_AGENT_H

#include "ns3/anchor-agent.h"

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

    /// \return PBUs refused because they named more prefixes than MaxPrefixesPerRequest
    uint64_t GetTooManyPrefixes() const;

  protected:
    void ProcessUpdate(Ptr<Packet> p, Ipv6Header header) override;
    void BindingRemoved(const BindingCacheEntry& entry,
                        LocationManagement::RemovalCause cause) override;

  private:
    /// \param mnId a node \return its prefix: allocated here, or known to the LM
    std::optional<HomeNetworkPrefix> KnownPrefix(const std::string& mnId) const;
    /**
     * \brief The mobility session a PBU belongs to.
     * \param mnId the MN-ID option \param hnps the HNP options
     * \return the allocation key of the named prefix if it is \p mnId's, else \p mnId
     */
    std::string SessionOf(const std::string& mnId,
                          const std::vector<std::pair<Ipv6Address, uint8_t>>& hnps) const;

    uint32_t m_maxPrefixes{16};    //!< attribute MaxPrefixesPerRequest
    uint64_t m_tooManyPrefixes{0}; //!< refusals: more HNP options than m_maxPrefixes
};

} // namespace ns3

#endif // DMM_LMA_AGENT_H
