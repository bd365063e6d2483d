/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMA_HELPER_H
#define DMM_DMA_HELPER_H

#include "ns3/access-router-agent.h"
#include "ns3/pmipv6-helper.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief Installs network-based Dynamic Mobility Anchoring (seed 003 §4; 000 Fig 7): mobility
 *        anchor and access routers (MARs) and the central session database.
 *
 * A MAR is an assembly of logical functions: for the prefixes it allocates (H-MAR role) an
 * ns3::LmaAgent with HAA + LM + MR + RC, and for visitors (V-MAR role) an ns3::MarAgent
 * sharing that allocation and mobility routing, with its own RC and a proxy location
 * update towards the visitors' H-MARs. The functions' types and attributes are those of
 * the Pmipv6Helper this helper is made from.
 *
 * \code
 *   Pmipv6Helper functions;                  // allocation, LM, MR, RC and LU settings
 *   DmaHelper dma(functions);
 *   dma.InstallSessionDatabase(dbNode, dbAddress);
 *   dma.AddMobileNode(mnMac, "mn1@example");
 *   dma.InstallMar(ar1, accessIf, onLink1, ar1Address, pool1, dbAddress);
 * \endcode
 */
class DmaHelper
{
  public:
    /// \param functions the MARs' logical functions (types and attributes)
    explicit DmaHelper(const Pmipv6Helper& functions = Pmipv6Helper());
    ~DmaHelper();

    /// \param name attribute \param value value (ns3::MarAgent)
    void SetMarAttribute(const std::string& name, const AttributeValue& value);
    /// \param name attribute \param value value (ns3::SessionDbAgent)
    void SetSessionDatabaseAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Authorise a mobile node at every MAR, installed before or after.
     * \param mac its link-layer address \param mnId its MN identifier
     */
    void AddMobileNode(Mac48Address mac, const std::string& mnId);

    /**
     * \brief Install the central session database (seed 003 §3.3).
     * \param node the node \param address its address
     * \return the SessionDbAgent
     */
    ApplicationContainer InstallSessionDatabase(Ptr<Node> node, Ipv6Address address);

    /**
     * \brief Make an access router a MAR.
     * \param node the router \param accessInterface its access link's interface
     * \param onLink the access link's prefix \param address the MAR's address
     * \param pool the prefixes it allocates to the nodes that attach first here
     * \param database the session database's address
     * \return the MarAgent (the ns3::LmaAgent of the H-MAR role is installed beside it)
     */
    ApplicationContainer InstallMar(Ptr<Node> node,
                                    uint32_t accessInterface,
                                    const HomeNetworkPrefix& onLink,
                                    Ipv6Address address,
                                    const HomeNetworkPrefix& pool,
                                    Ipv6Address database);

  private:
    Pmipv6Helper m_functions;                                   //!< H-MAR functions and LU
    ObjectFactory m_mar;                                        //!< MarAgent
    ObjectFactory m_database;                                   //!< SessionDbAgent
    std::vector<std::pair<Mac48Address, std::string>> m_policy; //!< authorised nodes
    std::vector<Ptr<AccessRouterAgent>> m_mars;                 //!< MARs installed
};

} // namespace ns3

#endif // DMM_DMA_HELPER_H
