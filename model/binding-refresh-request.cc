/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * dmm: IP mobility management for ns-3.
 */
#include "ns3/binding-refresh-request.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BindingRefreshRequest");

NS_OBJECT_ENSURE_REGISTERED(BindingRefreshRequest);

namespace
{

/// Makes the message type known to MobilityHeader::Validate() when the library loads.
const bool g_registered = [] {
    MobilityHeader::RegisterMessageType(MobilityHeader::BINDING_REFRESH_REQUEST,
                                        BindingRefreshRequest::MESSAGE_DATA_SIZE);
    return true;
}();

} // namespace

TypeId
BindingRefreshRequest::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingRefreshRequest")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Dmm")
                            .AddConstructor<BindingRefreshRequest>();
    return tid;
}

TypeId
BindingRefreshRequest::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingRefreshRequest::BindingRefreshRequest()
    : MobilityHeader(BINDING_REFRESH_REQUEST)
{
}

uint32_t
BindingRefreshRequest::GetMessageDataSize() const
{
    return MESSAGE_DATA_SIZE;
}

void
BindingRefreshRequest::SerializeMessageData(uint8_t* buf) const
{
    // Reserved: zero on send (the caller's buffer is zeroed), ignored on receipt.
    (void)buf;
}

void
BindingRefreshRequest::DeserializeMessageData(const uint8_t* buf)
{
    (void)buf;
}

void
BindingRefreshRequest::PrintMessageData(std::ostream& os) const
{
    os << "BRR";
}

} // namespace ns3
