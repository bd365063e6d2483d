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

void
DlmaMessage::SetLma(Ipv6Address lma)
{
    std::vector<uint8_t> data(18, 0);
    data[0] = D_LMA;
    lma.Serialize(data.data() + 2);
    GetOptions().SetRawOption(LMA_ADDRESS_OPTION, data);
}

std::optional<Ipv6Address>
DlmaMessage::GetLma() const
{
    auto data = GetOptions().GetRawOption(LMA_ADDRESS_OPTION);
    if (!data || data->size() != 18 || (*data)[0] != D_LMA)
    {
        return std::nullopt;
    }
    return Ipv6Address::Deserialize(data->data() + 2);
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
