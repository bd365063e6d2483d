/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The agents of a distributed-LMA scenario run, found by node name.
#ifndef DMM_TEST_DISTRIBUTED_LMA_APPS_H
#define DMM_TEST_DISTRIBUTED_LMA_APPS_H

#include "ns3/names.h"
#include "ns3/node.h"

#include <string>

namespace dmmtest
{

/// \return the first application of type \p T on the node named \p node
template <typename T>
ns3::Ptr<T>
AppOf(const std::string& node)
{
    ns3::Ptr<ns3::Node> n = ns3::Names::Find<ns3::Node>(node);
    for (uint32_t a = 0; n && a < n->GetNApplications(); ++a)
    {
        if (auto app = ns3::DynamicCast<T>(n->GetApplication(a)))
        {
            return app;
        }
    }
    return nullptr;
}

} // namespace dmmtest

#endif // DMM_TEST_DISTRIBUTED_LMA_APPS_H
