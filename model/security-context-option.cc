/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "security-context-option.h"

#include <vector>

namespace ns3
{

namespace
{

void
PutU32(std::vector<uint8_t>& out, size_t at, uint32_t v)
{
    for (size_t i = 0; i < 4; ++i)
    {
        out[at + i] = static_cast<uint8_t>(v >> (24 - 8 * i));
    }
}

uint32_t
GetU32(const std::vector<uint8_t>& in, size_t at)
{
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i)
    {
        v = (v << 8) | in[at + i];
    }
    return v;
}

} // namespace

void
SecurityContext::AddTo(MobilityOptions& options) const
{
    std::vector<uint8_t> data(DATA_LENGTH, 0);
    PutU32(data, 0, spi);
    PutU32(data, 4, keyId);
    options.AddRawOption(OPTION_TYPE, data);
}

std::optional<SecurityContext>
SecurityContext::Find(const MobilityOptions& options)
{
    for (const auto& option : options.GetRawOptions())
    {
        if (option.type == OPTION_TYPE && option.data.size() == DATA_LENGTH)
        {
            return SecurityContext{GetU32(option.data, 0), GetU32(option.data, 4)};
        }
    }
    return std::nullopt;
}

} // namespace ns3
