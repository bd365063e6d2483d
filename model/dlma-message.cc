/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dlma-message.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DlmaMessage");

NS_OBJECT_ENSURE_REGISTERED(DlmaMessage);

namespace
{

/// Makes the two options known to validation (lengths, alignment) when the library loads.
const bool g_registered = [] {
    MobilityOptions::RegisterType(DlmaMessage::LMA_ADDRESS_OPTION, {18, 18, 8, 6});
    MobilityOptions::RegisterType(DlmaMessage::STATUS_OPTION, {2, 2, 1, 0});
    return true;
}();

} // namespace

TypeId
DlmaMessage::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DlmaMessage").SetParent<DmmSessionHeader>().SetGroupName("Dmm");
    return tid;
}

DlmaMessage::DlmaMessage(uint8_t subType)
    : DmmSessionHeader(subType)
{
}

void
DlmaMessage::SetHomePrefix(const HomeNetworkPrefix& prefix)
{
    GetOptions().AddHomeNetworkPrefix(prefix.prefix, prefix.length);
}

std::optional<HomeNetworkPrefix>
DlmaMessage::GetHomePrefix() const
{
    auto prefixes = GetOptions().GetHomeNetworkPrefixes();
    if (prefixes.empty())
    {
        return std::nullopt;
    }
    return HomeNetworkPrefix::Make(prefixes.front().first, prefixes.front().second);
}

namespace
{

void
SetAddressOption(MobilityOptions& options, uint8_t code, Ipv6Address address)
{
    std::vector<uint8_t> data(18, 0);
    data[0] = code;
    address.Serialize(data.data() + 2);
    options.SetRawOption(DlmaMessage::LMA_ADDRESS_OPTION, data);
}

std::optional<Ipv6Address>
GetAddressOption(const MobilityOptions& options, uint8_t code)
{
    auto data = options.GetRawOption(DlmaMessage::LMA_ADDRESS_OPTION);
    if (!data || data->size() != 18 || (*data)[0] != code)
    {
        return std::nullopt;
    }
    return Ipv6Address::Deserialize(data->data() + 2);
}

} // namespace

void
DlmaMessage::SetLma(Ipv6Address lma)
{
    SetAddressOption(GetOptions(), D_LMA, lma);
}

std::optional<Ipv6Address>
DlmaMessage::GetLma() const
{
    return GetAddressOption(GetOptions(), D_LMA);
}

void
DlmaMessage::SetMag(Ipv6Address mag)
{
    SetAddressOption(GetOptions(), MAG, mag);
}

std::optional<Ipv6Address>
DlmaMessage::GetMag() const
{
    return GetAddressOption(GetOptions(), MAG);
}

void
DlmaMessage::SetStatus(UniquenessStatus status)
{
    GetOptions().SetRawOption(STATUS_OPTION, {static_cast<uint8_t>(status), 0});
}

std::optional<uint8_t>
DlmaMessage::GetStatus() const
{
    auto data = GetOptions().GetRawOption(STATUS_OPTION);
    if (!data || data->size() != 2)
    {
        return std::nullopt;
    }
    return data->front();
}

} // namespace ns3
