/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Target hao: HomeAddressOptionHeader::Parse on raw bytes, then the same bytes through
// Deserialize() as a packet's header (what ns-3's extension demultiplexer calls), and a
// header that parsed serialised again.
//
// Input: the extension header and whatever follows it.
#include "ns3/home-address-option-header.h"
#include "ns3/packet.h"

#include <cstdlib>
#include <sstream>

using namespace ns3;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    HomeAddressOptionHeader parsed;
    HomeAddressOptionHeader::ParseResult r = HomeAddressOptionHeader::Parse(data, size, &parsed);
    Ptr<Packet> p = Create<Packet>(data, size);
    HomeAddressOptionHeader header;
    uint32_t read = p->PeekHeader(header);
    if (read > size)
    {
        abort(); // Deserialize() claimed more octets than there are
    }
    std::ostringstream os;
    header.Print(os);
    if (r == HomeAddressOptionHeader::ParseResult::OK)
    {
        if (header.GetParseResult() != r || header.GetHomeAddress() != parsed.GetHomeAddress())
        {
            abort(); // the two ways of reading the header disagree
        }
        Ptr<Packet> again = Create<Packet>();
        again->AddHeader(parsed);
    }
    return 0;
}
