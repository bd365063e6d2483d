/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SECURITY_DIRECTORY_H
#define DMM_SECURITY_DIRECTORY_H

#include "ns3/ipv6-address.h"
#include "ns3/object.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Who shares a mobility security association with whom (RFC 4285): the nodes of
 * each administrative domain, the domain's key, explicit keys for pairs of nodes, and the
 * fixed addresses through which a sender finds the node it signals to.
 *
 * Two nodes of the same domain share the key First(128, HMAC_SHA1(domain key,
 * "dmm-sa" | name | 0 | name)) over their names in lexicographic order, so that every pair
 * has its own key and no table grows with the square of the nodes; an explicit pair key
 * replaces it. A node outside every domain (an attacker) shares no key with anyone.
 */
class SecurityDirectory : public Object
{
  public:
    /// \brief Get the type ID. \return the object TypeId
    static TypeId GetTypeId();
    SecurityDirectory();
    ~SecurityDirectory() override;

    /// Octets of a shared key (RFC 4285 section 5.1: 16).
    static constexpr uint32_t KEY_SIZE = 16;
    /// SPIs 0-255 are reserved (RFC 4285 section 5): a sender's SPI is this plus its id.
    static constexpr uint32_t FIRST_SPI = 256;

    /**
     * \brief Add a node to a domain.
     * \param nodeId the ns-3 node id \param name its scenario name
     * \param domainKey the key of its administrative domain (KEY_SIZE octets)
     */
    void AddNode(uint32_t nodeId, const std::string& name, const std::vector<uint8_t>& domainKey);
    /// \brief Give a pair of nodes their own key. \param a,b node ids \param key the key
    void SetPairKey(uint32_t a, uint32_t b, const std::vector<uint8_t>& key);
    /**
     * \brief A fixed address of a node (signalling is sent to it). An address several
     *        nodes add (an anycast home agent address) is shared: the nodes answering it
     *        share one key per peer, derived from the address.
     * \param address the address \param nodeId its node
     */
    void AddAddress(Ipv6Address address, uint32_t nodeId);
    /// \return whether several nodes answer \p address
    bool IsShared(Ipv6Address address) const;
    /**
     * \param shared an address several nodes answer \param peer a node id
     * \return the key \p peer shares with every node answering \p shared, if any
     */
    std::optional<std::vector<uint8_t>> SharedAddressKey(Ipv6Address shared, uint32_t peer) const;

    /// \return the node named \p name, if it is in a domain
    std::optional<uint32_t> FindByName(const std::string& name) const;
    /// \return the node that owns \p address, if it is a registered fixed address
    std::optional<uint32_t> FindNode(Ipv6Address address) const;
    /**
     * \param a,b two node ids
     * \return the key \p a and \p b share, or nothing when they share none
     */
    std::optional<std::vector<uint8_t>> SharedKey(uint32_t a, uint32_t b) const;

  private:
    /// \return First(128, HMAC_SHA1(key, "dmm-sa" | first | 0 | second))
    static std::vector<uint8_t> Derive(const std::vector<uint8_t>& key,
                                       const std::string& first,
                                       const std::string& second);

    /// A node of a domain.
    struct Member
    {
        std::string name;               //!< scenario name
        std::vector<uint8_t> domainKey; //!< its domain's key
    };

    std::map<uint32_t, Member> m_members;                                   //!< by node id
    std::map<std::string, uint32_t> m_names;                                //!< name -> id
    std::map<std::pair<uint32_t, uint32_t>, std::vector<uint8_t>> m_pairs;  //!< explicit keys
    std::unordered_map<Ipv6Address, uint32_t, Ipv6AddressHash> m_addresses; //!< fixed addresses
    std::unordered_map<Ipv6Address, bool, Ipv6AddressHash> m_shared;        //!< answered by several
};

} // namespace ns3

#endif // DMM_SECURITY_DIRECTORY_H
