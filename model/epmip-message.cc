/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "epmip-message.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EpmipMessage");

NS_OBJECT_ENSURE_REGISTERED(EpmipMessage);

namespace
{

constexpr uint8_t LOCATION_DATA_SIZE = 34; //!< prefix length, reserved, two addresses
constexpr uint8_t PREVIOUS_DATA_SIZE = 18; //!< reserved (16 bits), one address

/// Makes the options known to validation when the library loads, so that a wrong length
/// is rejected by MobilityOptions::Parse instead of being read past its end.
const bool g_registered = [] {
    MobilityOptions::RegisterType(EpmipMessage::LOCATION_OPTION,
                                  {LOCATION_DATA_SIZE, LOCATION_DATA_SIZE, 8, 6});
    MobilityOptions::RegisterType(EpmipMessage::PREVIOUS_LOCATION_OPTION,
                                  {PREVIOUS_DATA_SIZE, PREVIOUS_DATA_SIZE, 8, 6});
    return true;
}();

} // namespace

TypeId
EpmipMessage::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::EpmipMessage").SetParent<DmmSessionHeader>().SetGroupName("Dmm");
    return tid;
}

EpmipMessage::EpmipMessage(uint8_t subType)
    : DmmSessionHeader(subType)
{
}

void
EpmipMessage::AddLocation(const HomeNetworkPrefix& prefix, Ipv6Address locator)
{
    std::vector<uint8_t> data(LOCATION_DATA_SIZE, 0);
    data[0] = prefix.length;
    prefix.prefix.Serialize(data.data() + 2);
    locator.Serialize(data.data() + 18);
    GetOptions().AddRawOption(LOCATION_OPTION, data);
}

std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>>
EpmipMessage::GetLocations() const
{
    std::vector<std::pair<HomeNetworkPrefix, Ipv6Address>> out;
    for (const auto& option : GetOptions().GetRawOptions())
    {
        if (option.type == LOCATION_OPTION && option.data.size() == LOCATION_DATA_SIZE)
        {
            out.emplace_back(
                HomeNetworkPrefix::Make(Ipv6Address::Deserialize(option.data.data() + 2),
                                        option.data[0]),
                Ipv6Address::Deserialize(option.data.data() + 18));
        }
    }
    return out;
}

void
EpmipMessage::SetPreviousLocation(MobilityOptions& options, Ipv6Address previous)
{
    std::vector<uint8_t> data(PREVIOUS_DATA_SIZE, 0);
    previous.Serialize(data.data() + 2);
    options.SetRawOption(PREVIOUS_LOCATION_OPTION, data);
}

std::optional<Ipv6Address>
EpmipMessage::GetPreviousLocation(const MobilityOptions& options)
{
    auto data = options.GetRawOption(PREVIOUS_LOCATION_OPTION);
    if (!data || data->size() != PREVIOUS_DATA_SIZE)
    {
        return std::nullopt;
    }
    return Ipv6Address::Deserialize(data->data() + 2);
}

} // namespace ns3
