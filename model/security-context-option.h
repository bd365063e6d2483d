/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_SECURITY_CONTEXT_OPTION_H
#define DMM_SECURITY_CONTEXT_OPTION_H

#include "ns3/mobility-option.h"

#include <cstdint>
#include <optional>

namespace ns3
{

/**
 * \ingroup dmm
 * \brief The security context of a node, as the context transfer of seed 002 §4.4 carries
 *        it from the previous to the new mobility router ("context transfer ... is always
 *        necessary, e.g. security context").
 *
 * A placeholder the security work fills: it names the security association (SPI) and the
 * key (key identifier) and carries no keying material and no crypto. On the wire it is
 * mobility option 248 (one of the two types, 248-249, this design reserves; unassigned in
 * IANA's registry): SPI (32), Key ID (32), no alignment requirement.
 */
struct SecurityContext
{
    static constexpr uint8_t OPTION_TYPE = 248; //!< mobility option type
    static constexpr uint8_t DATA_LENGTH = 8;   //!< SPI and key identifier, octets

    uint32_t spi{0};   //!< security parameter index of the node's association
    uint32_t keyId{0}; //!< identifier of the key in use

    /// \brief Add the option to \p options. \param options a message's options
    void AddTo(MobilityOptions& options) const;
    /// \param options a message's options \return the first well-formed option, if any
    static std::optional<SecurityContext> Find(const MobilityOptions& options);
};

} // namespace ns3

#endif // DMM_SECURITY_CONTEXT_OPTION_H
