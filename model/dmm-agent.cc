/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "dmm-agent.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DmmAgent");
NS_OBJECT_ENSURE_REGISTERED(DmmAgent);

TypeId
DmmAgent::GetTypeId()
{
    static TypeId tid = TypeId("ns3::DmmAgent")
                            .SetParent<Application>()
                            .SetGroupName("Dmm")
                            .AddAttribute("ProcessingDelay",
                                          "Time the node takes to act on a signalling message",
                                          TimeValue(Seconds(0)),
                                          MakeTimeAccessor(&DmmAgent::m_processingDelay),
                                          MakeTimeChecker(Seconds(0)));
    return tid;
}

DmmAgent::DmmAgent() = default;

DmmAgent::~DmmAgent() = default;

Time
DmmAgent::GetProcessingDelay() const
{
    return m_processingDelay;
}

bool
DmmAgent::IsRunning() const
{
    return m_running;
}

void
DmmAgent::DoDispose()
{
    m_mh = nullptr;
    Application::DoDispose();
}

void
DmmAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_running = true;
}

void
DmmAgent::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_running = false;
}

Ptr<MobilityL4Protocol>
DmmAgent::GetMobilityProtocol()
{
    NS_LOG_FUNCTION(this);
    if (!m_mh)
    {
        m_mh = MobilityL4Protocol::Install(GetNode());
    }
    return m_mh;
}

void
DmmAgent::Handle(uint8_t mhType, MobilityL4Protocol::Handler handler)
{
    GetMobilityProtocol()->RegisterHandler(mhType, handler);
}

void
DmmAgent::Handle(uint8_t mhType, uint8_t subType, MobilityL4Protocol::Handler handler)
{
    GetMobilityProtocol()->RegisterHandler(mhType, subType, handler);
}

} // namespace ns3
