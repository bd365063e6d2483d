/*
 * dmm: IP mobility management for ns-3.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ns3/location-management.h"

#include "ns3/log.h"
#include "ns3/mobility-option.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LocationManagement");

NS_OBJECT_ENSURE_REGISTERED(LocationManagement);

bool
IsBindingAccepted(BindingStatus status)
{
    return static_cast<uint8_t>(status) < 128;
}

std::string
BindingStatusName(BindingStatus status)
{
    switch (status)
    {
    case BindingStatus::ACCEPTED:
        return "ACCEPTED";
    case BindingStatus::ACCEPTED_PREFIX_DISCOVERY_NECESSARY:
        return "ACCEPTED_PREFIX_DISCOVERY_NECESSARY";
    case BindingStatus::REASON_UNSPECIFIED:
        return "REASON_UNSPECIFIED";
    case BindingStatus::ADMINISTRATIVELY_PROHIBITED:
        return "ADMINISTRATIVELY_PROHIBITED";
    case BindingStatus::INSUFFICIENT_RESOURCES:
        return "INSUFFICIENT_RESOURCES";
    case BindingStatus::HOME_REGISTRATION_NOT_SUPPORTED:
        return "HOME_REGISTRATION_NOT_SUPPORTED";
    case BindingStatus::NOT_HOME_SUBNET:
        return "NOT_HOME_SUBNET";
    case BindingStatus::NOT_HOME_AGENT_FOR_THIS_MN:
        return "NOT_HOME_AGENT_FOR_THIS_MN";
    case BindingStatus::DUPLICATE_ADDRESS_DETECTION_FAILED:
        return "DUPLICATE_ADDRESS_DETECTION_FAILED";
    case BindingStatus::SEQUENCE_OUT_OF_WINDOW:
        return "SEQUENCE_OUT_OF_WINDOW";
    case BindingStatus::EXPIRED_HOME_NONCE_INDEX:
        return "EXPIRED_HOME_NONCE_INDEX";
    case BindingStatus::EXPIRED_CARE_OF_NONCE_INDEX:
        return "EXPIRED_CARE_OF_NONCE_INDEX";
    case BindingStatus::EXPIRED_NONCES:
        return "EXPIRED_NONCES";
    case BindingStatus::REGISTRATION_TYPE_CHANGE_DISALLOWED:
        return "REGISTRATION_TYPE_CHANGE_DISALLOWED";
    case BindingStatus::PROXY_REG_NOT_ENABLED:
        return "PROXY_REG_NOT_ENABLED";
    case BindingStatus::NOT_LMA_FOR_THIS_MN:
        return "NOT_LMA_FOR_THIS_MOBILE_NODE";
    case BindingStatus::MAG_NOT_AUTHORIZED_FOR_PROXY_REG:
        return "MAG_NOT_AUTHORIZED_FOR_PROXY_REG";
    case BindingStatus::NOT_AUTHORIZED_FOR_HNP:
        return "NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX";
    case BindingStatus::TIMESTAMP_MISMATCH:
        return "TIMESTAMP_MISMATCH";
    case BindingStatus::TIMESTAMP_LOWER_THAN_PREV:
        return "TIMESTAMP_LOWER_THAN_PREV_ACCEPTED";
    case BindingStatus::MISSING_HNP_OPTION:
        return "MISSING_HOME_NETWORK_PREFIX_OPTION";
    case BindingStatus::BCE_PBU_PREFIX_SET_MISMATCH:
        return "BCE_PBU_PREFIX_SET_DO_NOT_MATCH";
    case BindingStatus::MISSING_MN_ID_OPTION:
        return "MISSING_MN_IDENTIFIER_OPTION";
    case BindingStatus::MISSING_HI_OPTION:
        return "MISSING_HANDOFF_INDICATOR_OPTION";
    case BindingStatus::MISSING_ATT_OPTION:
        return "MISSING_ACCESS_TECH_TYPE_OPTION";
    }
    return "STATUS_" + std::to_string(static_cast<unsigned>(status));
}

std::ostream&
operator<<(std::ostream& os, BindingStatus status)
{
    return os << BindingStatusName(status) << " (" << static_cast<unsigned>(status) << ")";
}

bool
IsSequenceNewer(uint16_t candidate, uint16_t last)
{
    const uint16_t diff = static_cast<uint16_t>(candidate - last);
    return diff != 0 && diff < 0x8000;
}

uint64_t
TimeToPmipTimestamp(Time t)
{
    return MobilityOptions::TimeToTimestamp(t); // the wire format owns the conversion
}

Time
PmipTimestampToTime(uint64_t timestamp)
{
    return MobilityOptions::TimestampToTime(timestamp);
}

TypeId
LocationManagement::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LocationManagement")
            .SetParent<Object>()
            .SetGroupName("Dmm")
            .AddTraceSource("BindingUpdated",
                            "A binding was created, refreshed, moved to another locator, or "
                            "changed state (check entry.state: DEREGISTERING means stop "
                            "forwarding).",
                            MakeTraceSourceAccessor(&LocationManagement::m_updatedTrace),
                            "ns3::LocationManagement::BindingUpdatedTracedCallback")
            .AddTraceSource("BindingRemoved",
                            "A binding left the cache (expired or deleted after de-registration).",
                            MakeTraceSourceAccessor(&LocationManagement::m_removedTrace),
                            "ns3::LocationManagement::BindingRemovedTracedCallback");
    return tid;
}

LocationManagement::LocationManagement()
{
    NS_LOG_FUNCTION(this);
}

LocationManagement::~LocationManagement()
{
    NS_LOG_FUNCTION(this);
}

const LocationManagement::Stats&
LocationManagement::GetStats() const
{
    return m_stats;
}

LocationManagement::Stats&
LocationManagement::GetMutableStats()
{
    return m_stats;
}

void
LocationManagement::NotifyUpdated(const BindingCacheEntry& e,
                                  Ipv6Address previousCareOf,
                                  bool refresh)
{
    NS_LOG_INFO((refresh ? "refreshed " : "bound ")
                << e.mnId << " -> " << e.careOf << " (was " << previousCareOf << "), expires at "
                << e.expiresAt.As(Time::S));
    if (refresh)
    {
        ++m_stats.refreshed;
    }
    else
    {
        ++m_stats.accepted;
    }
    m_updatedTrace(e, previousCareOf);
}

void
LocationManagement::FireUpdated(const BindingCacheEntry& e, Ipv6Address previousCareOf)
{
    m_updatedTrace(e, previousCareOf);
}

void
LocationManagement::NotifyRemoved(const BindingCacheEntry& e, RemovalCause cause)
{
    NS_LOG_INFO("removed " << e.mnId << (cause == EXPIRED ? " (expired)" : " (de-registered)"));
    if (cause == EXPIRED)
    {
        ++m_stats.expired;
    }
    else
    {
        ++m_stats.deregistered;
    }
    m_removedTrace(e, cause);
}

void
LocationManagement::NotifyRejected(BindingStatus status)
{
    NS_LOG_INFO("rejected: " << status);
    ++m_stats.rejected;
    ++m_stats.rejectedByStatus[status];
}

} // namespace ns3
