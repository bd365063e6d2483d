/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SECURITY_HELPER_H
#define DMM_SECURITY_HELPER_H

#include "ns3/mobility-security.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/security-directory.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Gives nodes mobility security associations (RFC 4285): every node installed with
 * the same helper shares keys with the nodes of its administrative domain.
 *
 * Install after addresses are assigned: the fixed addresses of a node are registered so
 * that its peers find its key when they signal to it; a mobile node registers none (it is
 * found by the addresses it signals from).
 */
class SecurityHelper
{
  public:
    SecurityHelper();
    /// \param name attribute \param value value (ns3::MobilitySecurity)
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Protect a node's signalling.
     * \param node a node with an IPv6 stack (without one it is skipped); its
     *        MobilityL4Protocol is installed if it has none yet
     * \param name its name (keys are derived from names)
     * \param domainKey the key of its administrative domain (16 octets)
     * \param fixedAddresses register the node's global addresses (false for mobile nodes)
     * \return the node's associations, or null when it has no IPv6 stack
     */
    Ptr<MobilitySecurity> Install(Ptr<Node> node,
                                  const std::string& name,
                                  const std::vector<uint8_t>& domainKey,
                                  bool fixedAddresses);
    /// \brief A key of their own for two installed nodes. \param a,b the nodes \param key 16 octets
    void SetPairKey(Ptr<Node> a, Ptr<Node> b, const std::vector<uint8_t>& key);
    /// \return the directory shared by the installed nodes
    Ptr<SecurityDirectory> GetDirectory() const;

  private:
    ObjectFactory m_factory;            //!< MobilitySecurity
    Ptr<SecurityDirectory> m_directory; //!< shared keys and addresses
};

} // namespace ns3

#endif // DMM_SECURITY_HELPER_H
