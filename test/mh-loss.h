/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Losing ePMIP signalling on the wire: an error model that drops the first messages of one
// DmmSessionHeader subtype a device receives, armed on every device of a node.
#ifndef DMM_TEST_MH_LOSS_H
#define DMM_TEST_MH_LOSS_H

#include "ns3/error-model.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"

#include <cstdint>
#include <string>

namespace dmmtest
{

constexpr uint8_t MH = 135;          //!< IPv6 next header: Mobility Header
constexpr uint8_t DMM_MH_TYPE = 253; //!< DmmSessionHeader::MH_TYPE
constexpr uint8_t PBCI = 15;         //!< subtypes (doc/dmm.rst)
constexpr uint8_t PBCA = 16;         //!< subtype of the PBCA

/// Drops the first \p count ePMIP messages of one subtype a device receives.
class DropSubtype : public ns3::ErrorModel
{
  public:
    /// \param subtype the subtype dropped \param count how many
    DropSubtype(uint8_t subtype, uint32_t count)
        : m_subtype(subtype),
          m_left(count)
    {
    }

  private:
    bool DoCorrupt(ns3::Ptr<ns3::Packet> p) override
    {
        uint8_t b[64];
        uint32_t n = p->CopyData(b, sizeof(b));
        // The IPv6 header after the link header (PPP 2 octets or Ethernet 14).
        for (uint32_t o : {2u, 14u})
        {
            if (m_left > 0 && o + 47 < n && (b[o] >> 4) == 6 && b[o + 6] == MH &&
                b[o + 42] == DMM_MH_TYPE && b[o + 46] == m_subtype)
            {
                m_left--;
                return true;
            }
        }
        return false;
    }

    void DoReset() override
    {
    }

    uint8_t m_subtype; //!< the subtype dropped
    uint32_t m_left;   //!< drops left
};

/// Arm \p model on every device of \p node (once the scenario has built it).
inline void
Arm(const std::string& node, ns3::Ptr<ns3::ErrorModel> model)
{
    ns3::Ptr<ns3::Node> n = ns3::Names::Find<ns3::Node>(node);
    for (uint32_t i = 0; i < n->GetNDevices(); ++i)
    {
        n->GetDevice(i)->SetAttributeFailSafe("ReceiveErrorModel", ns3::PointerValue(model));
    }
}

} // namespace dmmtest

#endif // DMM_TEST_MH_LOSS_H
