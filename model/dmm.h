/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_DMM_H
#define DMM_DMM_H

/**
 * \defgroup dmm IP mobility management (MIPv6, PMIPv6, HMIPv6, DMM)
 *
 * The dmm module models mobility protocols as placements of the logical functions of the
 * DMM framework (draft-chan-dmm-framework): home-address allocation (HAA), location
 * management (LM), mobility routing (MR), location update (LU) and routing control (RC).
 * Node roles (mobile node, access router, MAG, MAR, LMA, home agent, MAP, location server,
 * mobility router) are ns-3 Applications assembling these functions; a profile is a
 * recipe saying which role runs which functions (helper/profile-registry.cc). Signalling
 * is real Mobility Header traffic (RFC 6275, RFC 5213, experimental types of RFC 4727);
 * the data plane uses IPv6-in-IPv6 tunnels and routing protocols inserted above static
 * routing. See doc/dmm.rst.
 */

/**
 * \ingroup dmm
 * \brief The project's own names that are not ns-3 objects (recipes, the address plan).
 */
namespace ns3
{
namespace dmm
{
} // namespace dmm
} // namespace ns3

#endif // DMM_DMM_H
