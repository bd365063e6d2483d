/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The whole-packet targets (packet-pmipv6, packet-mipv6, packet-dmm): a small scenario runs
// under one profile, and in the middle of it, after the mobile node has registered and
// before its next handover, the input arrives as an IPv6 packet on one link of one node, as if from
// the wire. Whatever the node's agents, tunnels, extension headers and the stack do with it must
// neither crash nor abort the run.
#ifndef DMM_FUZZ_PACKET_INJECTOR_H
#define DMM_FUZZ_PACKET_INJECTOR_H

#include "ns3/scenario-config.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dmmfuzz
{

/**
 * Input layout (every choice is taken modulo the number of choices):
 *
 *     | node | device | source | destination | next header | flags | payload... |
 *
 * source and destination index a table: the receiving interface's global and link-local
 * address (0, 1), its neighbour's on that link (2, 3), ::, ff02::1, ff02::2, the
 * solicited-node address of 0, then every address of every node; next header
 * indexes the protocols that the project's code handles or that ns-3 is known to survive
 * (see kNextHeaders in packet-injector.cc); flags bit 0 keeps the payload's checksum as
 * given (otherwise an MH, ICMPv6 or UDP checksum is filled in), bit 1 sets the hop limit
 * to 64 (otherwise 255, as ND requires), bit 2 runs the scenario with security off
 * (otherwise every Mobility Header message must pass the RFC 4285 check of its receiver,
 * which the fuzzer cannot forge, before an agent sees it).
 */
class PacketInjector
{
  public:
    /// \param scenario a scenario file under scenarios/ \param profile the profile to run
    PacketInjector(const std::string& scenario, const std::string& profile);

    /// Run the scenario once with \p data injected.
    void Run(const uint8_t* data, size_t size);

    /**
     * \brief An input (for seeds): \p payload from the neighbour to the receiving
     *        interface's global address. \param node the node's index
     * \param device the device's index among the node's links
     * \param nextHeader one of NextHeaders() \param secured run with security on
     * \param payload the packet after the IPv6 header \return the input
     */
    static std::vector<uint8_t> Input(uint8_t node,
                                      uint8_t device,
                                      uint8_t nextHeader,
                                      bool secured,
                                      const std::vector<uint8_t>& payload);

    /// When the input arrives: after the first attachment and its registrations.
    static constexpr double kInjectAtS = 1.5;
    /// When the mobile node moves to its second access router.
    static constexpr double kHandoverAtS = 1.7;
    /// How long the scenario runs.
    static constexpr double kDurationS = 2.2;

  private:
    ns3::ScenarioConfig m_secured; //!< loaded once, run once per input (security on)
    ns3::ScenarioConfig m_open;    //!< the same with security off
};

/// The next header values an input can choose (index = the input's octet modulo the size).
const std::vector<uint8_t>& NextHeaders();

} // namespace dmmfuzz

#endif // DMM_FUZZ_PACKET_INJECTOR_H
