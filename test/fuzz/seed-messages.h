/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// One valid instance of every Mobility Header message, with every mobility option among
// them, made by the message classes themselves (for the seed corpora).
#ifndef DMM_FUZZ_SEED_MESSAGES_H
#define DMM_FUZZ_SEED_MESSAGES_H

#include "ns3/packet.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dmmfuzz
{

using Bytes = std::vector<uint8_t>;

/// A serialised message and its options area alone.
struct Message
{
    Bytes bytes;   //!< the whole Mobility Header
    Bytes options; //!< the options as MobilityOptions::Serialize writes them at offset 0
};

/// \return every message by a short name ("bu", "pba", "location-query", ...)
const std::map<std::string, Message>& Messages();

/// \param p a packet \return its bytes
Bytes ToBytes(ns3::Ptr<const ns3::Packet> p);

} // namespace dmmfuzz

#endif // DMM_FUZZ_SEED_MESSAGES_H
