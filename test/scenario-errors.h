/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Shared by the scenario schema tests: the error message a scenario is refused with.
#ifndef DMM_TEST_SCENARIO_ERRORS_H
#define DMM_TEST_SCENARIO_ERRORS_H

#include "ns3/scenario-config.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace dmmtest
{

/// \return the ScenarioError message of parsing \p j, or "<no error>"
inline std::string
ErrorOf(const nlohmann::json& j)
{
    try
    {
        ns3::ParseScenario(j);
    }
    catch (const ns3::ScenarioError& e)
    {
        return e.what();
    }
    return "<no error>";
}

} // namespace dmmtest

/// Expect parsing \p j to fail with a message containing \p text.
#define EXPECT_ERROR(j, text)                                                                      \
    do                                                                                             \
    {                                                                                              \
        std::string msg_ = dmmtest::ErrorOf(j);                                                    \
        EXPECT_NE(msg_.find(text), std::string::npos) << "message: " << msg_;                      \
    } while (false)

#endif // DMM_TEST_SCENARIO_ERRORS_H
